"""Three local sites for `netcheck audit --sites`, each with different defects: the mixed test
site (TRS/Hanweb columns, a soft-404), the demo portal (the planted defects) and a port nothing
listens on (site.unreachable)."""
import socket
import sys

import pytest
from sitesrun import ROOT, run_netcheck

sys.path.append(str(ROOT / "tests" / "e2e"))  # mixed_site lives with the whole-site tests
from mixed_site import MixedSite  # noqa: E402

from netcheck.demo.server import serve  # noqa: E402


@pytest.fixture(scope="module")
def three_sites():
    """{'mixed': url, 'demo': url, 'closed': url} for the duration of a test module."""
    mixed = MixedSite().start()
    demo, demo_url = serve()
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    closed = s.getsockname()[1]
    s.close()
    yield {"mixed": mixed.url, "demo": demo_url + "/", "closed": f"http://127.0.0.1:{closed}/"}
    mixed.stop()
    demo.shutdown()


@pytest.fixture
def netcheck():
    return run_netcheck
