"""A misbehaving web server on 127.0.0.1: one path per fault a real government server shows.

A raw socket server (not http.server) because most faults live below HTTP: a connection
reset halfway through a body, a server that never answers, a body that trickles in for ten
seconds or never ends, bytes that are not HTTP at all. Each connection runs in its own
daemon thread, so a hanging fault never holds up the others.

    /start/<fault>     a small home page whose one link is /f/<fault>.html
    /f/<fault>.html    the fault itself (FAULTS below)
    /site/…            a tiny well-behaved site (pages, an attachment, a HEAD-refused file)
    /robots.txt        404, or `robots` when the test sets it

Every request is logged as (method, path, time) in `requests`, and counted per path, so a
fault can clear after N hits (500 once, then 200).
"""
from __future__ import annotations

import gzip
import socket
import socketserver
import ssl
import struct
import threading
import time
from pathlib import Path
from typing import Callable

HOME = ("<html><head><meta charset='utf-8'><title>故障测试局</title></head><body>"
        "<div class='list'><ul><li><a href='{target}'>{text}</a><span>2016-06-28</span></li></ul></div>"
        "</body></html>")
PAGE = ("<html><head><meta charset='utf-8'><title>{title}</title></head><body><h1>{title}</h1>"
        "<p>正文。</p>{links}</body></html>")
MB = 1024 * 1024
HUGE_BYTES = 50 * MB  # over the crawler's 20 MB DOWNLOAD_MAXSIZE
# Minimal but real PDF: what a CMS serves when an attachment is published under an .html name.
PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
       b"trailer<</Root 1 0 R>>\n%%EOF\n" + bytes(range(256)) * 8)
# GBK page with stray bytes: a lone lead byte and a 0xFF, as a hand-edited template leaves them.
GBK_STRAY = ("<html><head><meta http-equiv='Content-Type' content='text/html; charset=gbk'>"
             "<title>行政处罚决定书</title></head><body><p>盘锦市食品药品监督管理局依法作出行政处罚决定。</p>"
             ).encode("gbk") + b"<p>\x81 \xff stray</p>" + "<p>特此公告。</p></body></html>".encode("gbk")
# UTF-8 page into which a GBK section was pasted (a syndicated block from another system).
UTF8_GBK = ("<html><head><meta charset='utf-8'><title>政务公开年报</title></head><body>"
            "<p>本机关2015年政府信息公开工作年度报告。</p>").encode("utf-8") + \
    "<div>转载：行政许可事项目录</div>".encode("gbk") + "<p>联系电话见下。</p></body></html>".encode("utf-8")
# Markup as broken as old CMS templates make it: unclosed tags, tables nested in tables, a
# second <title> in the body, NUL bytes, an unterminated comment at the end.
MALFORMED = ("<html><head><meta charset='utf-8'><title>通知公告</title><body><div><p>关于开展2016年"
             "食品安全检查的通知<table><tr><td><table><tr><td>索引号<td>11211100/2016-00077<tr><td>发布日期"
             "<td>2016-06-20</table></td><title>不是标题</title><p>第二段\x00\x00正文<b><i>交错</b></i>"
             "<a href='/site/a.html'>链接<div><a href='/site/b.html'>嵌套链接</div><!-- 未闭合注释"
             ).encode("utf-8")


class FaultServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True
    block_on_close = False

    def __init__(self, tls: ssl.SSLContext | None = None):
        self.tls = tls
        self.robots: str | None = None  # robots.txt body; None answers 404
        self.slow = 0.0  # seconds each /site/ page takes, so that requests overlap
        self.requests: list[tuple[str, str, float]] = []
        self.agents: set[str] = set()  # every User-Agent header seen
        self.hits: dict[str, int] = {}
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.in_flight = 0
        self.max_in_flight = 0  # the most requests answered at once (per-host concurrency)
        self.closed_port = _closed_port()  # a loopback port nothing listens on
        super().__init__(("127.0.0.1", 0), _Handler)

    @property
    def url(self) -> str:
        return f"{'https' if self.tls else 'http'}://127.0.0.1:{self.server_address[1]}/"

    def get_request(self):
        conn, addr = super().get_request()
        if self.tls:
            conn = self.tls.wrap_socket(conn, server_side=True, do_handshake_on_connect=False)
        return conn, addr

    def start(self) -> "FaultServer":
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        self.stopping.set()  # releases the handlers that hang on purpose
        self.shutdown()
        self.server_close()

    def methods(self) -> set[str]:
        with self.lock:
            return {m for m, _, _ in self.requests}

    def times(self, prefix: str) -> list[float]:
        with self.lock:
            return [t for _, p, t in self.requests if p.startswith(prefix)]


def _closed_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class _Handler(socketserver.BaseRequestHandler):
    server: FaultServer

    def handle(self):
        sock = self.request
        sock.settimeout(30)
        try:
            if self.server.tls:
                sock.do_handshake()
            head = _read_head(sock)
            if not head:
                return
            request_line, _, header_lines = head.partition(b"\r\n")
            method, path = request_line.split(b" ")[:2]
            method, path = method.decode("latin-1"), path.decode("latin-1")
            agent = next((line.split(b":", 1)[1].strip().decode("latin-1") for line in header_lines.split(b"\r\n")
                          if line.lower().startswith(b"user-agent:")), "")
            with self.server.lock:
                self.server.requests.append((method, path, time.monotonic()))
                self.server.agents.add(agent)
                self.server.hits[path] = self.server.hits.get(path, 0) + 1
                hit = self.server.hits[path]
                self.server.in_flight += 1
                self.server.max_in_flight = max(self.server.max_in_flight, self.server.in_flight)
            try:
                _route(path)(self, sock, method, path, hit)
            finally:
                with self.server.lock:
                    self.server.in_flight -= 1
        except (OSError, ssl.SSLError, ValueError):
            pass  # the crawler hung up first: that is what several faults are about

    # -- helpers the faults use ----------------------------------------------------------------
    def send(self, sock, status: int, body: bytes = b"", headers: dict | None = None, method: str = "GET"):
        headers = {"Content-Type": "text/html; charset=utf-8", "Content-Length": str(len(body)),
                   "Connection": "close", **(headers or {})}
        head = f"HTTP/1.1 {status} {_REASONS.get(status, 'Status')}\r\n" + \
            "".join(f"{k}: {v}\r\n" for k, v in headers.items()) + "\r\n"
        sock.sendall(head.encode("latin-1") + (b"" if method == "HEAD" else body))

    def wait(self, seconds: float) -> bool:
        """Sleep, unless the server is stopping; True when it is."""
        return self.server.stopping.wait(seconds)


def _read_head(sock) -> bytes:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(4096)
        if not chunk:
            return b""
        data += chunk
        if len(data) > 65536:
            return b""
    return data.split(b"\r\n\r\n", 1)[0]


_REASONS = {200: "OK", 301: "Moved Permanently", 302: "Found", 404: "Not Found", 405: "Method Not Allowed",
            429: "Too Many Requests", 500: "Internal Server Error", 503: "Service Unavailable"}


# -- the faults ---------------------------------------------------------------------------------

def _page(title: str, links: str = "") -> bytes:
    return PAGE.format(title=title, links=links).encode("utf-8")


def ok(h, sock, method, path, hit):
    h.send(sock, 200, _page("正常页面"), method=method)


def reset_mid_body(h, sock, method, path, hit):
    """Promise 100 kB, send 1 kB, then reset the connection (RST, not a clean close)."""
    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n"
    sock.sendall(head + b"<html><body>" + b"x" * 1000)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    sock.close()


def drop(h, sock, method, path, hit):
    """Read the request and close without a byte of answer."""
    sock.close()


def never_answer(h, sock, method, path, hit):
    """Keep the connection open and say nothing, until the test ends."""
    h.wait(120)


def trickle(h, sock, method, path, hit):
    """A 200 whose body takes ten seconds: one byte every half second."""
    sock.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 20\r\n\r\n")
    for _ in range(20):
        if h.wait(0.5):
            return
        sock.sendall(b"x")


def fails_first(status: int, times: int = 1, retry_after: str | None = None) -> Callable:
    """`status` for the first `times` requests of a path, then a normal page."""
    def fault(h, sock, method, path, hit):
        if hit <= times:
            headers = {"Retry-After": retry_after} if retry_after else {}
            return h.send(sock, status, b"busy", headers, method=method)
        return h.send(sock, 200, _page("恢复正常"), method=method)
    return fault


def loop(h, sock, method, path, hit):
    """/f/loop.html → /f/loop-b.html → /f/loop.html → …"""
    target = "/f/loop-b.html" if path == "/f/loop.html" else "/f/loop.html"
    h.send(sock, 302, b"", {"Location": target}, method=method)


def huge(h, sock, method, path, hit):
    """A 50 MB page, its size announced in Content-Length."""
    sock.sendall(f"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {HUGE_BYTES}\r\n\r\n".encode())
    if method == "HEAD":
        return
    block = b"<p>" + b"x" * (MB - 8) + b"</p>\n"
    for _ in range(HUGE_BYTES // len(block)):
        if h.server.stopping.is_set():
            return
        sock.sendall(block)


def endless(h, sock, method, path, hit):
    """A chunked body that never ends."""
    sock.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n")
    chunk = b"<p>" + b"y" * 65536 + b"</p>"
    frame = f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n"
    while not h.server.stopping.is_set():
        sock.sendall(frame)


def served_as(content_type: str, body: bytes, headers: dict | None = None) -> Callable:
    def fault(h, sock, method, path, hit):
        h.send(sock, 200, body, {"Content-Type": content_type, **(headers or {})}, method=method)
    return fault


def garbage(h, sock, method, path, hit):
    """Bytes that are not HTTP (a misconfigured port forward)."""
    sock.sendall(b"SSH-2.0-OpenSSH_7.4\r\n\x00\x01\x02 not http at all\r\n\r\n")
    sock.close()


FAULTS: dict[str, Callable] = {
    "ok": ok,
    "reset": reset_mid_body,
    "drop": drop,
    "hang": never_answer,
    "trickle": trickle,
    "flaky500": fails_first(500),
    "busy429": fails_first(429, retry_after="1"),
    "busy503": fails_first(503, retry_after="1"),
    "limit429": fails_first(429, times=10 ** 6, retry_after="1"),
    "loop": loop,
    "loop-b": loop,
    "huge": huge,
    "endless": endless,
    "pdf": served_as("application/pdf", PDF),
    "pdf-as-html": served_as("text/html", PDF),
    "gbk-stray": served_as("text/html", GBK_STRAY),
    "utf8-gbk": served_as("text/html", UTF8_GBK),
    "malformed": served_as("text/html", MALFORMED),
    "bad-gzip": served_as("text/html", b"\x1f\x8b\x08\x00 this is not gzip", {"Content-Encoding": "gzip"}),
    # 100 MB of zeros compress to about 100 kB: a decompression bomb.
    "gzip-bomb": served_as("text/html", gzip.compress(b"\0" * (100 * MB), compresslevel=9),
                           {"Content-Encoding": "gzip"}),
    "empty": served_as("text/html", b""),
    "garbage": garbage,
}


def _route(path: str) -> Callable:
    bare = path.split("?")[0]
    if bare == "/robots.txt":
        return _robots
    if bare.startswith("/start/"):
        return _start
    if bare.startswith("/site/"):
        return _site
    if bare.startswith("/f/") and bare.endswith(".html"):
        return FAULTS.get(bare[3:-5], _not_found)
    return _not_found


def _robots(h, sock, method, path, hit):
    if h.server.robots is None:
        return h.send(sock, 404, b"not found", {"Content-Type": "text/plain"}, method=method)
    h.send(sock, 200, h.server.robots.encode("utf-8"), {"Content-Type": "text/plain"}, method=method)


def _start(h, sock, method, path, hit):
    name = path.split("?")[0][len("/start/"):].strip("/")
    target = f"http://127.0.0.1:{h.server.closed_port}/gone.html" if name == "refused" else f"/f/{name}.html"
    body = HOME.format(target=target, text=f"故障 {name}").encode("utf-8")
    h.send(sock, 200, body, method=method)


# The tiny well-behaved site: its pages link each other, a PDF (read with GET, or checked with HEAD
# when attachments are not read), and a file whose server refuses HEAD (405), checked again with GET.
SITE = {
    "/site/": _page("首页", "<a href='/site/a.html'>甲</a><a href='/site/b.html'>乙</a><a href='/site/c.html'>丙</a>"
                          "<a href='/site/d.html'>丁</a><a href='/site/file.pdf'>附件</a>"
                          "<a href='/site/nohead.pdf'>附件二</a>"),
    "/site/a.html": _page("甲", "<a href='/site/b.html'>乙</a>"),
    "/site/b.html": _page("乙"),
    "/site/c.html": _page("丙"),
    "/site/d.html": _page("丁"),
}


def _site(h, sock, method, path, hit):
    bare = path.split("?")[0]
    if bare.endswith(".pdf"):
        if method == "HEAD" and bare == "/site/nohead.pdf":
            return h.send(sock, 405, b"", method=method)
        return h.send(sock, 200, PDF, {"Content-Type": "application/pdf"}, method=method)
    if bare not in SITE:
        return _not_found(h, sock, method, path, hit)
    if h.server.slow:
        h.wait(h.server.slow)
    h.send(sock, 200, SITE[bare], method=method)


def _not_found(h, sock, method, path, hit):
    h.send(sock, 404, _page("页面不存在"), method=method)


def self_signed_context(tmp: Path, *, ca: bool = False) -> tuple[ssl.SSLContext, Path | None]:
    """A server TLS context for 127.0.0.1. Self-signed by default; with `ca`, the certificate is
    issued by a throwaway CA whose certificate file is returned (for SSL_CERT_FILE)."""
    import datetime
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    now = datetime.datetime.now(datetime.timezone.utc)

    def cert(subject_cn, key, issuer_cn, issuer_key, is_ca):
        builder = (x509.CertificateBuilder()
                   .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject_cn)]))
                   .issuer_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, issuer_cn)]))
                   .public_key(key.public_key()).serial_number(x509.random_serial_number())
                   .not_valid_before(now - datetime.timedelta(days=1))
                   .not_valid_after(now + datetime.timedelta(days=30))
                   .add_extension(x509.BasicConstraints(ca=is_ca, path_length=None), critical=True))
        if not is_ca or subject_cn == issuer_cn:
            builder = builder.add_extension(
                x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
        if is_ca:
            builder = builder.add_extension(x509.KeyUsage(
                digital_signature=True, key_cert_sign=True, crl_sign=True, content_commitment=False,
                key_encipherment=False, data_encipherment=False, key_agreement=False, encipher_only=False,
                decipher_only=False), critical=True)
        return builder.sign(issuer_key, hashes.SHA256())

    pem = lambda c: c.public_bytes(serialization.Encoding.PEM)
    key = ec.generate_private_key(ec.SECP256R1())
    ca_file = None
    if ca:
        ca_key = ec.generate_private_key(ec.SECP256R1())
        ca_cert = cert("netcheck test CA", ca_key, "netcheck test CA", ca_key, True)
        leaf = cert("127.0.0.1", key, "netcheck test CA", ca_key, False)
        ca_file = tmp / "ca.pem"
        ca_file.write_bytes(pem(ca_cert))
        chain = pem(leaf) + pem(ca_cert)
    else:
        chain = pem(cert("127.0.0.1", key, "127.0.0.1", key, False))
    (tmp / "cert.pem").write_bytes(chain)
    (tmp / "key.pem").write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                    serialization.NoEncryption()))
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(tmp / "cert.pem", tmp / "key.pem")
    return context, ca_file
