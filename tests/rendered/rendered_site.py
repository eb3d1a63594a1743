"""A tiny portal on 127.0.0.1 whose column lists and pager a script draws from JSON, at URLs the page
builds by string concatenation: nothing a crawl reading the page as sent could fetch, only a browser.

- 行政处罚 (/xzcf/): an empty <ul> filled by fetch() from /api/xzcf/page_N.json; the pager (3 pages of
  5, 12 items) is drawn from the JSON's total, to /xzcf/index_1.html and index_2.html, each a shell
  of its own that draws its page the same way.
- 行政许可 (/xzxk/): a front-end framework's root (<div id="app"></div>) and nothing else; an
  XMLHttpRequest to /api/xzxk/all.json draws the whole page, its 当前位置 trail too.
- 政策文件 (/zcwj/): a scripted list whose JSON (/api/zcwj/list.json) is named literally: read with
  GET, never rendered.
- 通知公告 (/tzgg/) and the home page: plain HTML.

Every item's article is a plain page with its 发布日期. As of 2016-06-30 every column is fresh.
`plain=True` serves the same portal with every list printed in the HTML (no script at all).
"""
from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SITE_NAME = "示范区生态环境局"
PER_PAGE = 5
FRAME = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title></head><body>
<div class="header"><a href="/">{site}</a></div>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/xzcf/">行政处罚</a></li><li><a href="/xzxk/">行政许可</a></li>
<li><a href="/zcwj/">政策文件</a></li><li><a href="/tzgg/">通知公告</a></li></ul></div>
<div class="main">{body}</div>
<div class="footer">主办单位：{site} 网站标识码：0000000001</div></body></html>"""
CRUMB = "<div class='position'>当前位置：<a href='/'>首页</a> &gt; <a href='/{path}/'>{name}</a></div>"

# (file, title, date): newest first.
PENALTIES = [(f"t201606{28 - 2 * i:02d}_{i}.html", f"行政处罚决定书（环罚〔2016〕{40 - i}号）", f"2016-06-{28 - 2 * i:02d}")
             for i in range(12)]
LICENCES = [(f"t201606{25 - 3 * i:02d}_{i}.html", f"排污许可证核发公示（第{8 - i}批）", f"2016-06-{25 - 3 * i:02d}")
            for i in range(4)]
POLICIES = [("t20160621_1.html", "关于加强建设项目环境影响评价管理的通知", "2016-06-21"),
            ("t20160510_1.html", "区生态环境局2016年工作要点", "2016-05-10")]
NOTICES = [("t20160627_1.html", "关于开展六五环境日宣传活动的通知", "2016-06-27"),
           ("t20160601_1.html", "关于端午节期间值班安排的通知", "2016-06-01")]

# 行政处罚: one shell per list page; the JSON's URL and the pager are built in script.
PENALTY_SHELL = """<ul class="list" id="list"></ul><div id="pager"></div>
<script>
  var page = {page};
  var api = '/api/' + 'xzcf' + '/page_' + page + '.js' + 'on';
  fetch(api).then(function (r) {{ return r.json(); }}).then(function (data) {{
    document.getElementById('list').innerHTML = data.rows.map(function (row) {{
      return '<li><a href="' + row.link + '">' + row.title + '</a><span>' + row.day + '</span></li>';
    }}).join('');
    var links = [];
    for (var i = 1; i <= Math.ceil(data.total / data.size); i++) {{
      links.push(i === page ? '<span>' + i + '</span>' : '<a href="' + (i === 1 ? './' : 'index_' + (i - 1) + '.html') + '">' + i + '</a>');
    }}
    document.getElementById('pager').innerHTML = links.join(' ');
  }});
</script>"""
# 行政许可: a framework root and the script that draws everything in it.
LICENCE_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>行政许可_{site}</title></head><body>
<div id="app"></div>
<script>
  var xhr = new XMLHttpRequest();
  xhr.open('GET', ['', 'api', 'xzxk', 'all'].join('/') + '.' + 'json');
  xhr.onload = function () {{
    var data = JSON.parse(xhr.responseText);
    document.getElementById('app').innerHTML =
      '<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/xzxk/">' + data.column + '</a></div>' +
      '<ul class="list">' + data.items.map(function (item) {{
        return '<li><a href="' + item.href + '">' + item.name + '</a><span>' + item.date + '</span></li>';
      }}).join('') + '</ul>';
  }};
  xhr.send();
</script></body></html>"""
# 政策文件: its JSON named literally, read with GET by the crawl (crawler.extract.jsonlist).
POLICY_SHELL = """<ul class="list" id="list"></ul>
<script>
  fetch('/api/zcwj/list.json').then(function (r) { return r.json(); }).then(function (data) {
    document.getElementById('list').innerHTML = data.data.map(function (row) {
      return '<li><a href="' + row.url + '">' + row.title + '</a><span>' + row.date + '</span></li>';
    }).join('');
  });
</script>"""


def _entries(path: str, items) -> str:
    return "<ul class='list'>" + "".join(f"<li><a href='/{path}/{f}'>{t}</a><span>{d}</span></li>"
                                         for f, t, d in items) + "</ul>"


def _pages(plain: bool) -> dict[str, tuple[str, bytes]]:
    html = lambda title, body: ("text/html; charset=utf-8",
                                FRAME.format(title=title, site=SITE_NAME, body=body).encode())
    data = lambda doc: ("application/json", json.dumps(doc, ensure_ascii=False).encode())
    column = lambda path, name, body: html(f"{name}_{SITE_NAME}", CRUMB.format(path=path, name=name) + body)
    pages = {
        "/": html(SITE_NAME, "<div class='news'><h2>通知公告</h2>" + _entries("tzgg", NOTICES) + "</div>"),
        "/tzgg/": column("tzgg", "通知公告", _entries("tzgg", NOTICES)),
    }
    chunks = [PENALTIES[i:i + PER_PAGE] for i in range(0, len(PENALTIES), PER_PAGE)]
    for n, chunk in enumerate(chunks, start=1):
        path = "/xzcf/" if n == 1 else f"/xzcf/index_{n - 1}.html"
        if plain:
            pager = " ".join(f"<a href='/xzcf/{'' if i == 1 else f'index_{i - 1}.html'}'>{i}</a>"
                             for i in range(1, len(chunks) + 1))
            pages[path] = column("xzcf", "行政处罚", _entries("xzcf", chunk) + f"<div id='pager'>{pager}</div>")
        else:
            pages[path] = column("xzcf", "行政处罚", PENALTY_SHELL.format(page=n))
        pages[f"/api/xzcf/page_{n}.json"] = data({"total": len(PENALTIES), "size": PER_PAGE, "rows": [
            {"title": t, "link": f"/xzcf/{f}", "day": d} for f, t, d in chunk]})
    pages["/xzxk/"] = column("xzxk", "行政许可", _entries("xzxk", LICENCES)) if plain else \
        ("text/html; charset=utf-8", LICENCE_PAGE.format(site=SITE_NAME).encode())
    pages["/api/xzxk/all.json"] = data({"column": "行政许可", "items": [
        {"name": t, "href": f"/xzxk/{f}", "date": d} for f, t, d in LICENCES]})
    pages["/zcwj/"] = column("zcwj", "政策文件", _entries("zcwj", POLICIES) if plain else POLICY_SHELL)
    pages["/api/zcwj/list.json"] = data({"code": 0, "data": [
        {"title": t, "url": f"/zcwj/{f}", "date": d} for f, t, d in POLICIES]})
    for path, name, items in (("tzgg", "通知公告", NOTICES), ("xzcf", "行政处罚", PENALTIES),
                              ("xzxk", "行政许可", LICENCES), ("zcwj", "政策文件", POLICIES)):
        for f, t, d in items:
            pages[f"/{path}/{f}"] = column(path, name, f"""<h1>{t}</h1><div class="info">发布日期：{d}</div>
<div class="TRS_Editor"><p>根据有关法律法规和工作安排，现将有关事项公布如下，请各单位认真贯彻落实，确保各项工作按时完成。</p></div>""")
    return pages


class RenderedSite(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, plain: bool = False):
        self.pages = _pages(plain)
        self.requested: list[tuple[str, str]] = []  # (method, path) of every request
        super().__init__(("127.0.0.1", 0), _Handler)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/"

    def start(self) -> "RenderedSite":
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        self.shutdown()
        self.server_close()


class _Handler(BaseHTTPRequestHandler):
    server: RenderedSite

    def log_message(self, *args):  # quiet
        pass

    def _answer(self, body: bool) -> None:
        path = self.path.split("?")[0]
        self.server.requested.append((self.command, path))
        kind, data = self.server.pages.get(path, ("text/html; charset=utf-8", b""))
        self.send_response(200 if path in self.server.pages else 404)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if body:
            self.wfile.write(data)

    def do_GET(self):
        self._answer(True)

    def do_HEAD(self):
        self._answer(False)
