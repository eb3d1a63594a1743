"""Fixtures for the fault suite: the misbehaving server (faultserver.py) on 127.0.0.1."""
import pytest

from faultserver import FaultServer


@pytest.fixture(scope="module")
def fault_server():
    server = FaultServer().start()
    yield server
    server.stop()


@pytest.fixture
def server():
    """A fault server of the test's own, for tests that read its request log."""
    server = FaultServer().start()
    yield server
    server.stop()
