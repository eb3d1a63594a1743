import pytest

from netcheck.demo.server import serve


@pytest.fixture(scope="module")
def demo_site():
    """The demo portal on 127.0.0.1 in a thread; tests may swap its pages (server.site)."""
    server, base = serve()
    yield server, base + "/"
    server.shutdown()
