"""report.html in a real browser: the demo's run, re-rendered with history, opened in headless Chromium.

The lxml tests in tests/reports check the markup; only a browser shows that the filters' script
runs, hides the right rows and throws nothing. One demo crawl and one browser per module keep it
well under a minute.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from browserrun import CHROME_FLAGS, CHROMEDRIVER, CHROMIUM, FIRST_SEEN, ROOT, read_jsonl, rerender, with_history


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory) -> Path:
    if not CHROMIUM.exists() or not CHROMEDRIVER.exists():
        pytest.skip("needs Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver); "
                    ".ci/run installs them")
    home = tmp_path_factory.mktemp("home")
    out = tmp_path_factory.mktemp("demo") / "run"
    # A history of its own, so this is the demo's first run whatever ran before; own caches too.
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NETCHECK_HISTORY": str(home / "history.sqlite3"),
           "XDG_DATA_HOME": str(home / "data"), "XDG_CACHE_HOME": str(home / "cache"),
           "NETCHECK_CACHE_DIR": str(home / "httpcache")}
    result = subprocess.run([sys.executable, "-m", "netcheck", "demo", "--out", str(out)], capture_output=True,
                            text=True, timeout=120, cwd=ROOT, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture(scope="module")
def plain_dir(demo_dir, tmp_path_factory) -> Path:
    """The demo run as a run without history or baseline renders it: no statuses at all."""
    rows = [{**row, "status": None, "first_seen": None} for row in read_jsonl(demo_dir / "findings.jsonl")]
    run = json.loads((demo_dir / "run.json").read_text(encoding="utf-8"))
    run.update(history=None, fixed=[])
    return rerender(demo_dir, tmp_path_factory.mktemp("plain") / "run", rows, run)


@pytest.fixture(scope="module")
def history_dir(demo_dir, tmp_path_factory) -> Path:
    """The demo run re-rendered with statuses, fixed findings and a three-run score trend."""
    rows = [with_history(row, i) for i, row in enumerate(read_jsonl(demo_dir / "findings.jsonl"))]
    run = json.loads((demo_dir / "run.json").read_text(encoding="utf-8"))
    fixed = [{**rows[0], "fingerprint": "fixed-1", "evidence": "附件链接返回404（已修复）。",
              "rule": "link.broken", "fixed_on": run["as_of"]},
             {**rows[1], "fingerprint": "fixed-2", "evidence": "栏目“人事信息”没有信息（已补充）。",
              "rule": "column.empty", "fixed_on": run["as_of"]}]
    new = sum(r["status"] == "new" for r in rows)
    run.update(fixed=fixed, history={
        "previous_run": {"as_of": FIRST_SEEN, "score": 80.0, "run_dir": "earlier"},
        "new": new, "persisting": len(rows) - new, "fixed": len(fixed),
        "trend": [{"as_of": "2016-04-30", "score": 72.5, "findings": 30},
                  {"as_of": FIRST_SEEN, "score": 80.0, "findings": 22},
                  {"as_of": run["as_of"], "score": run["score"], "findings": len(rows)}]})
    return rerender(demo_dir, tmp_path_factory.mktemp("history") / "run", rows, run)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    if not CHROMIUM.exists() or not CHROMEDRIVER.exists():
        pytest.skip("needs Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver); "
                    ".ci/run installs them")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in CHROME_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()
