"""A tiny portal on 127.0.0.1 with two lists drawn in the browser from JSON, beside a plain 通知公告
list: 行政许可's JSON is missing (what an audit without a browser must call 未核实, not 空白栏目),
行政处罚's is served (data.list, epoch-millisecond dates, relative URLs) and read in its stead."""
from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SITE_NAME = "示范县市场监督管理局"
FRAME = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title></head><body>
<div class="header"><a href="/">{site}</a></div>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/xzxk/">行政许可</a></li><li><a href="/xzcf/">行政处罚</a></li><li><a href="/tzgg/">通知公告</a></li></ul></div>
<div class="main">{body}</div>
<div class="footer">主办单位：{site} 网站标识码：0000000000</div></body></html>"""

NOTICES = [("t20151120_1.html", "关于开展食品安全专项检查的通知", "2015-11-20"),
           ("t20150920_1.html", "关于国庆节期间值班安排的通知", "2015-09-20")]
# 行政处罚, as its JSON gives it: the newest on 2015-10-08 (Beijing time), stale on 2016-06-30.
PENALTIES = [("t20151008_1.html", "行政处罚决定书（市监罚〔2015〕12号）", 1444233600000),  # 2015-10-08 00:00 +08:00
             ("t20150805_1.html", "行政处罚决定书（市监罚〔2015〕9号）", 1438704000000)]  # 2015-08-05 00:00 +08:00
SCRIPTED_LIST = """<div class="list_box"><ul class="list" id="list"></ul></div><div id="pager"></div>
<script>
  fetch('{api}').then(function (r) {{ return r.json(); }}).then(function (data) {{
    document.getElementById('list').innerHTML = {rows}.map(function (row) {{
      return '<li><a href="' + row.url + '">' + row.title + '</a></li>';
    }}).join('');
  }});
</script>"""


def _pages() -> dict[str, tuple[str, bytes]]:
    page = lambda title, body: ("text/html; charset=utf-8", FRAME.format(title=title, site=SITE_NAME, body=body).encode())
    crumb = "<div class='position'>当前位置：<a href='/'>首页</a> &gt; <a href='/{path}/'>{name}</a></div>"
    pages = {
        "/": page(SITE_NAME, "<div class='news'><h2>通知公告</h2><ul>" + "".join(
            f"<li><a href='/tzgg/{f}'>{t}</a><span>{d}</span></li>" for f, t, d in NOTICES) + "</ul></div>"),
        # Its JSON (/api/xzxk/list.json) is not served: the column stays unverified.
        "/xzxk/": page(f"行政许可_{SITE_NAME}", crumb.format(path="xzxk", name="行政许可")
                       + SCRIPTED_LIST.format(api="/api/xzxk/list.json", rows="data.rows")),
        "/xzcf/": page(f"行政处罚_{SITE_NAME}", crumb.format(path="xzcf", name="行政处罚")
                       + SCRIPTED_LIST.format(api="/api/xzcf/list.json", rows="data.data.list")),
        "/api/xzcf/list.json": ("application/json", json.dumps(
            {"code": 0, "data": {"total": len(PENALTIES), "list": [
                {"wzbt": t, "wzurl": f"../../xzcf/{f}", "publishDate": ms} for f, t, ms in PENALTIES]}},
            ensure_ascii=False).encode()),
        "/tzgg/": page(f"通知公告_{SITE_NAME}", crumb.format(path="tzgg", name="通知公告") + "<ul class='list'>" + "".join(
            f"<li><a href='/tzgg/{f}'>{t}</a><span>{d}</span></li>" for f, t, d in NOTICES) + "</ul>"),
    }
    articles = [("tzgg", "通知公告", f, t, d) for f, t, d in NOTICES]
    articles += [("xzcf", "行政处罚", f, t, f"{f[1:5]}-{f[5:7]}-{f[7:9]}") for f, t, _ in PENALTIES]
    for path, name, f, t, d in articles:
        pages[f"/{path}/{f}"] = page(t, crumb.format(path=path, name=name) + f"""
<h1>{t}</h1><div class="info">发布日期：{d}</div>
<div class="TRS_Editor"><p>各科室、各所：根据工作安排，现就有关事项通知如下，请认真贯彻落实，确保各项工作按时完成。</p></div>""")
    return pages


class ScriptedSite(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self):
        self.pages = _pages()
        self.requested: list[tuple[str, str]] = []  # (method, path) of every request
        super().__init__(("127.0.0.1", 0), _Handler)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/"

    def start(self) -> "ScriptedSite":
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        self.shutdown()
        self.server_close()


class _Handler(BaseHTTPRequestHandler):
    server: ScriptedSite

    def log_message(self, *args):  # quiet
        pass

    def _answer(self, body: bool) -> None:
        path = self.path.split("?")[0]
        self.server.requested.append((self.command, path))
        found = self.server.pages.get(path)
        if found is None:
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        kind, data = found
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if body:
            self.wfile.write(data)

    def do_GET(self):
        self._answer(True)

    def do_HEAD(self):
        self._answer(False)

    def do_POST(self):  # never asked for by the crawl; answered so that a test can see it was
        self._answer(True)
