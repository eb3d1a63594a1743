"""A tiny portal on 127.0.0.1 whose 行政许可 list is drawn in the browser from JSON, beside a plain
通知公告 list: what an audit without a browser must call 未核实, not 空白栏目."""
from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SITE_NAME = "示范县市场监督管理局"
FRAME = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title></head><body>
<div class="header"><a href="/">{site}</a></div>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/xzxk/">行政许可</a></li><li><a href="/tzgg/">通知公告</a></li></ul></div>
<div class="main">{body}</div>
<div class="footer">主办单位：{site} 网站标识码：0000000000</div></body></html>"""

NOTICES = [("t20151120_1.html", "关于开展食品安全专项检查的通知", "2015-11-20"),
           ("t20150920_1.html", "关于国庆节期间值班安排的通知", "2015-09-20")]
PERMITS = [{"title": f"食品经营许可决定（第{i}号）", "url": f"/xzxk/t201606{10 + i}_{i}.html", "date": f"2016-06-{10 + i}"}
           for i in range(1, 4)]


def _pages() -> dict[str, tuple[str, bytes]]:
    page = lambda title, body: ("text/html; charset=utf-8", FRAME.format(title=title, site=SITE_NAME, body=body).encode())
    crumb = "<div class='position'>当前位置：<a href='/'>首页</a> &gt; <a href='/{path}/'>{name}</a></div>"
    pages = {
        "/": page(SITE_NAME, "<div class='news'><h2>通知公告</h2><ul>" + "".join(
            f"<li><a href='/tzgg/{f}'>{t}</a><span>{d}</span></li>" for f, t, d in NOTICES) + "</ul></div>"),
        "/xzxk/": page(f"行政许可_{SITE_NAME}", crumb.format(path="xzxk", name="行政许可") + """
<div class="list_box"><ul class="list" id="list"></ul></div><div id="pager"></div>
<script>
  fetch('/api/xzxk/list.json').then(function (r) { return r.json(); }).then(function (data) {
    document.getElementById('list').innerHTML = data.rows.map(function (row) {
      return '<li><a href="' + row.url + '">' + row.title + '</a><span>' + row.date + '</span></li>';
    }).join('');
  });
</script>"""),
        "/api/xzxk/list.json": ("application/json", json.dumps({"total": len(PERMITS), "rows": PERMITS},
                                                               ensure_ascii=False).encode()),
        "/tzgg/": page(f"通知公告_{SITE_NAME}", crumb.format(path="tzgg", name="通知公告") + "<ul class='list'>" + "".join(
            f"<li><a href='/tzgg/{f}'>{t}</a><span>{d}</span></li>" for f, t, d in NOTICES) + "</ul>"),
    }
    for f, t, d in NOTICES:
        pages[f"/tzgg/{f}"] = page(t, crumb.format(path="tzgg", name="通知公告") + f"""
<h1>{t}</h1><div class="info">发布日期：{d}</div>
<div class="TRS_Editor"><p>各科室、各所：根据工作安排，现就有关事项通知如下，请认真贯彻落实，确保各项工作按时完成。</p></div>""")
    return pages


class ScriptedSite(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self):
        self.pages = _pages()
        self.requested: list[str] = []
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
        self.server.requested.append(path)
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
