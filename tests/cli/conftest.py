import socket

import pytest
from clirun import read_jsonl, run_netcheck


@pytest.fixture
def closed_port():
    """A loopback port nothing listens on."""
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


@pytest.fixture
def netcheck():
    return run_netcheck


@pytest.fixture
def jsonl():
    return read_jsonl
