"""A saved run to gate against: a two-page crawl written as pages.jsonl, judged by `netcheck report`."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from gatingrun import AS_OF, PAGES, netcheck


@pytest.fixture(scope="module")
def saved_run(tmp_path_factory) -> Path:
    run = tmp_path_factory.mktemp("saved") / "run"
    run.mkdir()
    (run / "pages.jsonl").write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in PAGES),
                                     encoding="utf-8")
    netcheck("report", run, "--as-of", AS_OF, "--fail-on", "never")
    return run


@pytest.fixture
def copy_run(saved_run, tmp_path):
    """A fresh copy of the saved run under a name; tests change copies, never the saved run."""
    def copy(name: str) -> Path:
        return Path(shutil.copytree(saved_run, tmp_path / name))
    return copy
