"""Serve the demo portal on 127.0.0.1: `serve()` for tests and `netcheck demo`, or
`python -m netcheck.demo.server [--port N]` to browse it by hand.

The portal is built once per server (site.build() is deterministic), then every request is a
dictionary lookup; GET and HEAD answer the same status and headers. Logging is silent so that a
crawl does not flood the console.
"""
from __future__ import annotations

import argparse
import hashlib
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from .fixes import FIXES
from .site import Page, build, lookup


class DemoServer(ThreadingHTTPServer):
    daemon_threads = True  # open keep-alive connections must not hold up shutdown

    def __init__(self, address: tuple[str, int], site: dict[str, Page]):
        self.site = site
        self.thread: threading.Thread | None = None
        super().__init__(address, _Handler)

    @property
    def base_url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}"

    def shutdown(self) -> None:
        """Stop serving, close the socket and wait for the serving thread."""
        super().shutdown()
        self.server_close()
        if self.thread is not None and self.thread is not threading.current_thread():
            self.thread.join(timeout=5)


class _Handler(BaseHTTPRequestHandler):
    server: DemoServer
    protocol_version = "HTTP/1.1"
    server_version = "TRS WCM"
    timeout = 30  # drop idle keep-alive connections

    def version_string(self) -> str:
        return self.server_version

    def do_GET(self) -> None:
        self._answer(with_body=True)

    def do_HEAD(self) -> None:
        self._answer(with_body=False)

    def _answer(self, with_body: bool) -> None:
        page = lookup(self.server.site, self.path)
        # Validators, as a real portal's web server sends them, so that a re-audit can
        # revalidate instead of downloading every page again.
        etag = '"%s"' % hashlib.sha1(page.body).hexdigest()[:16]
        if page.status == 200 and etag in (self.headers.get("If-None-Match") or ""):
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(page.status)
        self.send_header("Content-Type", page.content_type)
        self.send_header("Content-Length", str(len(page.body)))
        if page.status == 200:
            self.send_header("ETag", etag)
        for name, value in page.headers:
            self.send_header(name, value)
        self.end_headers()
        if with_body:
            self.wfile.write(page.body)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the base class's name
        pass


def serve(host: str = "127.0.0.1", port: int = 0, site: dict[str, Page] | None = None) -> tuple[DemoServer, str]:
    """Start the demo portal (or `site`, e.g. build(fixed=...)) in a daemon thread; port 0 picks a
    free one. Returns (server, base URL)."""
    server = DemoServer((host, port), build() if site is None else site)
    server.thread = threading.Thread(target=server.serve_forever, name="netcheck-demo", daemon=True)
    server.thread.start()
    return server, server.base_url


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m netcheck.demo.server",
                                     description="Serve the netcheck demo portal until Ctrl-C.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="0 (default) picks a free port")
    parser.add_argument("--fixed", action="store_true", help="serve the portal with some defects fixed")
    args = parser.parse_args(argv)
    server, url = serve(args.host, args.port, build(tuple(FIXES)) if args.fixed else None)
    print(f"netcheck demo portal: {url}/  ({len(server.site)} pages; Ctrl-C to stop)", flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()


if __name__ == "__main__":
    main()
