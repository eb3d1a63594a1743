"""Fixtures for the county portal tests: the built site, its server, the answer key and the catalog."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from county_server import CountyServer
from county_site import build

HERE = Path(__file__).resolve().parent
KEY_FILE = HERE / "answer_key.yaml"
CATALOG_FILE = HERE / "county_catalog.yaml"


@pytest.fixture(scope="session")
def site():
    return build()


@pytest.fixture(scope="session")
def server(site):
    srv = CountyServer(site).start()
    yield srv
    srv.stop()


@pytest.fixture(scope="session")
def key():
    return yaml.safe_load(KEY_FILE.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def catalog():
    return yaml.safe_load(CATALOG_FILE.read_text(encoding="utf-8"))
