"""A small portal on 127.0.0.1 built the way real CMSs build theirs, for whole-crawl tests.

- /xxgk/tzgg/          a TRS column whose pages 2 and 3 exist only in createPageHTML
- /col/col3373/        a Hanweb column: 3 records in the page, 3 more from the data proxy (GET)
- /busy.html           429 with Retry-After: 1 once, then 200
- /limited.html        429 with Retry-After: 1, always
- /overloaded.html     503 asking to come back in an hour (not waited for)
- /calendar.jsp        a calendar linking the next and previous month for ever
- http://localhost:PORT/elsewhere.html   the same server under another host name: an external link
"""
from __future__ import annotations

import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

PAGE = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title>{head}</head>"
        "<body>{body}</body></html>")
CRUMB = "<div class='position'>当前位置：<a href='/'>首页</a> &gt; {name}</div>"

HOME = PAGE.format(title="示范市市场监督管理局", head="", body=(
    "<ul class='menu'><li><a href='/xxgk/tzgg/'>通知公告</a></li><li><a href='/col/col3373/index.html'>监督抽检</a></li>"
    "<li><a href='/calendar.jsp?month=6&amp;year=2016'>活动日历</a></li></ul>"
    "<p><a href='/busy.html'>网站地图</a> <a href='/limited.html'>在线咨询</a> <a href='/overloaded.html'>办事大厅</a>"
    " <a href='http://localhost:{port}/elsewhere.html'>中国政府网</a></p>"))

TRS_ROWS = {
    0: [("t20160307_1", "关于春季食品安全检查的通知", "2016-03-07"), ("t20160301_2", "关于公布抽检结果的通告", "2016-03-01")],
    1: [("t20160215_3", "关于春节值班安排的通知", "2016-02-15")],
    2: [("t20160105_4", "关于年度工作要点的通知", "2016-01-05")],
}


def trs_page(k: int) -> str:
    rows = "".join(f"<li><a href='./{u[1:7]}/{u}.html'>{t}</a><span>{d}</span></li>" for u, t, d in TRS_ROWS[k])
    return PAGE.format(title="通知公告", head="<meta name='ColumnName' content='通知公告'>", body=(
        CRUMB.format(name="通知公告") + f"<div class='list'><ul>{rows}</ul>"
        f"<div class='page'><script>createPageHTML(3, {k}, \"index\", \"html\");</script></div></div>"))


def record(day: str, n: int) -> str:
    y, m, d = (int(part) for part in day.split("-"))
    return (f"<record><![CDATA[<li><a href='/art/{y}/{m}/{d}/art_3373_{n}.html' title='第{n}期抽检信息'>"
            f"第{n}期抽检信息</a><span>{day}</span></li>]]></record>")


HANWEB_COLUMN = PAGE.format(title="监督抽检", head="<meta name='ColumnName' content='监督抽检'>", body=(
    "<div class='bt-position'>您现在的位置：<a href='/'>首页</a> &gt;&gt; <a href='/col/col3373/index.html'>监督抽检</a></div>"
    "<div id='2128'><script type='text/xml'><datastore>"
    "<nextgroup><![CDATA[<a href=\"/module/web/jpage/dataproxy.jsp?page=1&appid=1&webid=1&path=/&columnid=3373"
    "&unitid=2128&webname=示范市&permissiontype=0\"></a>]]></nextgroup><recordset>"
    + record("2016-06-22", 6) + record("2016-05-20", 5) + record("2016-04-18", 4)
    + "</recordset></datastore></script><script>var totalRecord = 6; var perPage = 3;</script></div>"))
DATAPROXY_4 = ("<?xml version='1.0' encoding='UTF-8'?><datastore><totalrecord>6</totalrecord><recordset>"
               + record("2016-03-16", 3) + record("2016-02-15", 2) + record("2016-01-14", 1)
               + "</recordset></datastore>")


def calendar(y: int, m: int) -> str:
    nxt, prv = (y + (m == 12), m % 12 + 1), (y - (m == 1), (m - 2) % 12 + 1)
    return PAGE.format(title=f"活动日历 {y}年{m}月", head="", body=(
        f"<a href='/calendar.jsp?year={prv[0]}&amp;month={prv[1]}'>上月</a>"
        f" <a href='/calendar.jsp?year={nxt[0]}&amp;month={nxt[1]}'>下月</a>"))


class CmsSite(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self):
        self.hits: Counter[str] = Counter()  # path → requests received
        self.lock = threading.Lock()
        super().__init__(("127.0.0.1", 0), _Handler)

    @property
    def port(self) -> int:
        return self.server_address[1]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def start(self) -> "CmsSite":
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        self.shutdown()
        self.server_close()


class _Handler(BaseHTTPRequestHandler):
    server: CmsSite

    def log_message(self, *args):
        pass

    def do_HEAD(self):
        self.do_GET()

    def do_GET(self):
        parts = urlsplit(self.path)
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        with self.server.lock:
            self.server.hits[parts.path] += 1
            hits = self.server.hits[parts.path]
        path = parts.path
        if path == "/":
            return self._send(200, HOME.replace("{port}", str(self.server.port)))
        if path in ("/xxgk/tzgg/", "/xxgk/tzgg/index.html"):
            return self._send(200, trs_page(0))
        if path in ("/xxgk/tzgg/index_1.html", "/xxgk/tzgg/index_2.html"):
            return self._send(200, trs_page(int(path[-6])))
        if path == "/col/col3373/index.html":
            return self._send(200, HANWEB_COLUMN)
        if path == "/module/web/jpage/dataproxy.jsp":
            body = DATAPROXY_4 if query.get("startrecord") == "4" else "<datastore><recordset></recordset></datastore>"
            return self._send(200, body, {"Content-Type": "text/xml; charset=utf-8"})
        if path == "/busy.html":
            if hits == 1:
                return self._send(429, "Too Many Requests", {"Retry-After": "1"})
            return self._send(200, PAGE.format(title="网站地图", head="", body="<a href='/'>首页</a>"))
        if path == "/limited.html":
            return self._send(429, "Too Many Requests", {"Retry-After": "1"})
        if path == "/overloaded.html":
            return self._send(503, "Service Unavailable", {"Retry-After": "3600"})
        if path == "/calendar.jsp":
            return self._send(200, calendar(int(query.get("year", 2016)), int(query.get("month", 6))))
        if path == "/elsewhere.html" or path.startswith(("/xxgk/tzgg/2016", "/art/")):
            return self._send(200, PAGE.format(title="文章", head="", body="<p>正文</p><a href='/deeper.html'>更多</a>"))
        return self._send(404, "Not Found")

    def _send(self, status: int, body: str, headers: dict | None = None) -> None:
        data = body.encode("utf-8")
        self.send_response(status)
        for name, value in {"Content-Type": "text/html; charset=utf-8", **(headers or {})}.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)
