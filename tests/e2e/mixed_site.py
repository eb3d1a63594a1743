"""A real HTTP server on 127.0.0.1 for the whole-site tests: the saved pages of
tests/data/site_mixed (TRS and Hanweb columns, a GBK and a Big5 section, a soft-404) plus
the behaviours no static file has: a calendar that links on forever, a page that answers
429 with Retry-After once and then 200, Hanweb's data proxy, and an optional delay per
request (so a test can kill a crawl midway)."""
from __future__ import annotations

import threading
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

SITE = Path(__file__).resolve().parents[1] / "data" / "site_mixed"


class MixedSite(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, delay: float = 0.0):
        self.delay = delay
        self.busy_hits = 0
        self.body_bytes = 0  # response body bytes sent: what a re-audit should save
        self.requests: list[tuple[str, str]] = []
        self.lock = threading.Lock()
        super().__init__(("127.0.0.1", 0), partial(_Handler, directory=str(SITE)))

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/"

    def start(self) -> "MixedSite":
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        self.shutdown()
        self.server_close()


class _Handler(SimpleHTTPRequestHandler):
    server: MixedSite
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".html": "text/html", ".xml": "text/xml",
                      ".jsp": "text/html"}

    def log_message(self, *args):  # quiet
        pass

    def _dynamic(self) -> bool:
        parts = urlsplit(self.path)
        query = parse_qs(parts.query)
        with self.server.lock:
            self.server.requests.append((self.command, self.path))
        if self.server.delay:
            time.sleep(self.server.delay)
        if parts.path == "/calendar.jsp":
            # A trap: every month links to the next and the previous one, for ever.
            y, m = int(query.get("year", ["2016"])[0]), int(query.get("month", ["6"])[0])
            nxt = (y + (m == 12), m % 12 + 1)
            prv = (y - (m == 1), (m - 2) % 12 + 1)
            body = (f"<html><head><meta charset='utf-8'><title>活动日历 {y}年{m}月</title></head><body>"
                    f"<a href='/calendar.jsp?year={prv[0]}&month={prv[1]}'>上月</a> "
                    f"<a href='/calendar.jsp?year={nxt[0]}&month={nxt[1]}'>下月</a>"
                    f"<a href='/calendar.jsp?year={y}&month={m}&view=week'>周视图</a></body></html>")
            return self._send(200, body.encode("utf-8"))
        if parts.path == "/busy.html":
            with self.server.lock:
                self.server.busy_hits += 1
                first = self.server.busy_hits == 1
            if first:
                return self._send(429, b"Too Many Requests", {"Retry-After": "1"})
            return self._send(200, "<html><head><meta charset='utf-8'><title>网站地图</title></head>"
                                   "<body><a href='/'>首页</a></body></html>".encode("utf-8"))
        if parts.path == "/module/web/jpage/dataproxy.jsp":
            start = int(query.get("startrecord", ["1"])[0])
            name = SITE / "module/web/jpage/dataproxy_4.xml"
            body = name.read_bytes() if start == 4 else b"<datastore><recordset></recordset></datastore>"
            return self._send(200, body, {"Content-Type": "text/xml; charset=utf-8"})
        return False

    def _send(self, status: int, body: bytes, headers: dict | None = None) -> bool:
        self.send_response(status)
        headers = {"Content-Type": "text/html", **(headers or {})}
        for k, v in headers.items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
            self._count(len(body))
        return True

    def _count(self, n: int) -> None:
        with self.server.lock:
            self.server.body_bytes += n

    def copyfile(self, source, outputfile):
        data = source.read()
        outputfile.write(data)
        self._count(len(data))

    def do_GET(self):
        if not self._dynamic():
            super().do_GET()

    def do_HEAD(self):
        if not self._dynamic():
            super().do_HEAD()
