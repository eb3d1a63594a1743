"""The demo server over real HTTP on 127.0.0.1: GET, HEAD, 404, 403, 500, clean shutdown."""
from __future__ import annotations

import signal
import socket
import subprocess
import sys
import urllib.error
import urllib.request

import pytest

from demo_html import REPO

from netcheck.demo.server import serve


@pytest.fixture(scope="module")
def server():
    srv, url = serve()
    yield srv, url
    srv.shutdown()


def fetch(url: str, method: str = "GET") -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, method=method)
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_base_url_is_loopback_on_an_ephemeral_port(server):
    srv, url = server
    assert url.startswith("http://127.0.0.1:") and srv.server_address[1] > 0


def test_get_home_and_directory_urls(server):
    srv, url = server
    status, headers, body = fetch(url + "/")
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
    assert body == srv.site["/index.html"].body and "盘锦市食品药品监督管理局" in body.decode()
    assert fetch(url + "/xxgk/")[2] == srv.site["/xxgk/index.html"].body


def test_head_answers_headers_only(server):
    srv, url = server
    path = next(p for p in srv.site if p.endswith(".pdf"))
    status, headers, body = fetch(url + path, "HEAD")
    assert status == 200 and body == b""
    assert headers["Content-Type"] == "application/pdf"
    assert int(headers["Content-Length"]) == len(srv.site[path].body)
    assert fetch(url + "/no/such.pdf", "HEAD")[0] == 404


@pytest.mark.parametrize("path, status", [
    ("/xxgk/zcwj/201512/t20151201_999.html", 404),
    ("/xxgk/zcwj/201512/P020160105000001.pdf", 404),
    ("/hdjl/jzxx/index.html", 403),
    ("/cgi/search.jsp", 500),
    ("/zwgk/old/index.html", 200),
    ("/robots.txt", 200),
])
def test_planted_answers(server, path, status):
    _srv, url = server
    for _ in range(2):  # the same answer every time
        got, _headers, body = fetch(url + path)
        assert got == status
    if status == 404:
        assert "<title>404" in body.decode()


def test_shutdown_closes_the_port():
    srv, url = serve()
    port = srv.server_address[1]
    assert fetch(url + "/robots.txt")[0] == 200
    srv.shutdown()
    assert not srv.thread.is_alive()
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", port), timeout=1).close()


def test_module_runs_as_a_script_until_ctrl_c():
    # Ctrl-C as a terminal sends it: a child inherits an ignored SIGINT (as a test runner or an
    # earlier in-process crawl may leave it), and Python then never raises KeyboardInterrupt.
    proc = subprocess.Popen([sys.executable, "-m", "netcheck.demo.server"], cwd=REPO,
                            stdout=subprocess.PIPE, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        line = proc.stdout.readline()
        assert line.startswith("netcheck demo portal: http://127.0.0.1:")
        assert fetch(line.split()[3].rstrip("/") + "/robots.txt")[0] == 200
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=30) == 0  # generous: CI machines are shared; the point is exit status 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
