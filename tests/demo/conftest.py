"""Fixtures for the demo-portal tests: the built site, each HTML page parsed, the answer key."""
from __future__ import annotations

import pytest
import yaml
from demo_html import DEMO_DIR, REPO, parse

from netcheck.demo import site as demo_site


@pytest.fixture(scope="session")
def site():
    return demo_site.build()


@pytest.fixture(scope="session")
def parsed(site):
    return {path: parse(path, page.body) for path, page in site.items()
            if page.content_type.startswith("text/html")}


@pytest.fixture(scope="session")
def key():
    return yaml.safe_load((DEMO_DIR / "answer_key.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def catalog():
    path = REPO / "checks" / "default_catalog.yaml"
    if not path.exists():
        pytest.skip("checks/default_catalog.yaml not found")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {row["category"]: row for row in data["categories"]}
