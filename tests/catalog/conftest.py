import pytest

from catalogclerk import AS_OF, FAST, run_netcheck
from netcheck.demo.server import serve


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory):
    """The demo portal crawled and judged with the bundled catalog, once for the module."""
    server, base = serve()
    out = tmp_path_factory.mktemp("demo") / "run"
    try:
        done = run_netcheck("audit", base + "/", "--out", out, "--as-of", AS_OF, "--fail-on", "never", *FAST)
    finally:
        server.shutdown()
    assert done.returncode == 0, done.stderr
    return out
