"""An endless site on 127.0.0.1 for the many-site tests: /p/N.html links /p/N+1.html and /p/2N.html, for ever;
no trap guard can tell it from a real list. `delay` seconds before each answer makes it a crawl that never
ends on its own (a Ctrl-C or node-loss test); without, it ends only at its page budget."""
from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class TrapSite(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, delay: float = 0.0):
        self.delay = delay
        super().__init__(("127.0.0.1", 0), _Handler)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_port}/"

    def start(self) -> "TrapSite":
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        self.shutdown()
        self.server_close()


class _Handler(BaseHTTPRequestHandler):
    server: TrapSite

    def do_GET(self):
        if self.path == "/robots.txt":
            self.send_error(404)
            return
        time.sleep(self.server.delay)
        n = int(self.path.split("/")[-1].split(".")[0]) if self.path.startswith("/p/") else 1
        body = (f"<html><head><title>第{n}页</title></head><body><h1>第{n}页</h1>"
                f"<a href='/p/{n + 1}.html'>下一页</a> <a href='/p/{2 * n}.html'>更多</a></body></html>").encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass
