"""Serve the county portal on 127.0.0.1 (an ephemeral port) in a daemon thread.

`python tests/portal2/county_server.py` serves it until Ctrl-C, to browse it by hand.
"""
from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from county_a11y import PORT_MARK
from county_site import Page, build, lookup


class CountyServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, site: dict[str, Page] | None = None):
        self.site = build() if site is None else site
        super().__init__(("127.0.0.1", 0), _Handler)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def start(self) -> "CountyServer":
        threading.Thread(target=self.serve_forever, name="portal2", daemon=True).start()
        return self

    def stop(self) -> None:
        self.shutdown()
        self.server_close()


class _Handler(BaseHTTPRequestHandler):
    server: CountyServer
    protocol_version = "HTTP/1.1"
    timeout = 30

    def version_string(self) -> str:
        return "Apache"

    def do_GET(self) -> None:
        self._answer(with_body=True)

    def do_HEAD(self) -> None:
        self._answer(with_body=False)

    def _answer(self, with_body: bool) -> None:
        page = lookup(self.server.site, self.path)
        # The 友情链接 to "another site" names this server as localhost: its port, known only now.
        body = page.body.replace(PORT_MARK.encode(), str(self.server.server_address[1]).encode())
        self.send_response(page.status)
        self.send_header("Content-Type", page.content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in page.headers:
            self.send_header(name, value)
        self.end_headers()
        if with_body:
            self.wfile.write(body)

    def log_message(self, format: str, *args) -> None:  # noqa: A002
        pass


if __name__ == "__main__":
    server = CountyServer().start()
    print(f"county portal: {server.base_url}/ (Ctrl-C to stop)", flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        server.stop()
