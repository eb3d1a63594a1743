"""`netcheck audit` of the script-drawn test site (rendered_site), in a subprocess (one reactor per
process), and what it wrote."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from crawler.render.browser import find_browser
from rendered_site import RenderedSite

ROOT = Path(__file__).resolve().parents[2]
CATALOG = Path(__file__).with_name("catalog_rendered.yaml")
AS_OF = "2016-06-30"


def needs_browser():
    """Skip unless a Chromium and scrapy-playwright are here (.ci/run installs both)."""
    browser, why = find_browser(None)
    if browser is None:
        pytest.skip(why)
    pytest.importorskip("scrapy_playwright")


def audit(out: Path, *options: str, plain: bool = False) -> dict:
    """Serve the site, audit it with `options`, and return the run: site, done (CompletedProcess), run,
    crawl (crawl.json), findings, pages (pages.jsonl in order)."""
    site = RenderedSite(plain=plain).start()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "netcheck", "audit", site.url, "--allow-private", "--no-history", "--no-cache",
             "--as-of", AS_OF, "--catalog", str(CATALOG), "--out", str(out), "--fail-on", "never",
             "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0", *options],
            capture_output=True, text=True, timeout=180, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    finally:
        site.stop()
    assert done.returncode == 0, done.stderr[-3000:]
    read = lambda name: [json.loads(line) for line in (out / name).read_text(encoding="utf-8").splitlines() if line]
    return {"site": site, "done": done, "run": json.loads((out / "run.json").read_text(encoding="utf-8")),
            "crawl": json.loads((out / "crawl.json").read_text(encoding="utf-8")),
            "findings": read("findings.jsonl"), "pages": read("pages.jsonl")}


def records(run: dict, path: str) -> list[dict]:
    """The records of one URL of the site, in crawl order."""
    return [p for p in run["pages"] if p["url"] == run["site"].url + path.lstrip("/")]


def column_findings(run: dict, *categories: str) -> list[dict]:
    return [f for f in run["findings"] if f["rule"].startswith("column.") and f["category"] in categories]


def unverified(run: dict) -> dict[tuple[str, str], str]:
    """(rule, category) → reason, for every 未核实 of the run."""
    return {(u["rule"], u["category"]): u["reason"] for u in run["run"]["unverified"]}
