"""An audit of a site whose one column list a script draws from JSON: that column is 未核实 with the
reason (no 空白栏目, no 栏目不更新), the plain column beside it is judged as usual, and the JSON
endpoint is recorded on the page, not fetched."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from scripted_site import ScriptedSite

ROOT = Path(__file__).resolve().parents[2]
CATALOG = Path(__file__).with_name("catalog_scripted.yaml")


@pytest.fixture(scope="module")
def audit(tmp_path_factory):
    out = tmp_path_factory.mktemp("scripted") / "run"
    site = ScriptedSite().start()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "netcheck", "audit", site.url, "--allow-private", "--no-history", "--no-cache",
             "--as-of", "2016-06-30", "--catalog", str(CATALOG), "--out", str(out), "--fail-on", "never",
             "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0"],
            capture_output=True, text=True, timeout=180, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    finally:
        site.stop()
    assert done.returncode == 0, done.stderr[-3000:]
    read = lambda name: [json.loads(l) for l in (out / name).read_text(encoding="utf-8").splitlines() if l.strip()]
    return {"site": site, "run": json.loads((out / "run.json").read_text(encoding="utf-8")),
            "findings": read("findings.jsonl"), "pages": read("pages.jsonl")}


def test_the_script_drawn_column_is_not_verified_with_the_reason_not_called_empty(audit):
    column_rules = {(f["rule"], f["category"]) for f in audit["findings"] if f["rule"].startswith("column.")}
    assert ("column.empty", "行政许可") not in column_rules and ("column.stale", "行政许可") not in column_rules
    unverified = {(u["rule"], u["category"]): u["reason"] for u in audit["run"]["unverified"]}
    assert unverified[("column.empty", "行政许可")] == "「行政许可」栏目列表由脚本生成，本次未渲染，无法统计信息条数"
    assert unverified[("column.stale", "行政许可")].startswith("「行政许可」栏目列表由脚本生成，本次未渲染")


def test_the_plain_column_beside_it_is_judged_as_usual(audit):
    stale = [f for f in audit["findings"] if f["rule"] == "column.stale" and f["category"] == "通知公告"]
    assert len(stale) == 1 and stale[0]["details"]["newest"] == "2015-11-20"
    assert not [u for u in audit["run"]["unverified"] if u["category"] == "通知公告"]


def test_the_page_records_its_data_url_and_the_crawl_does_not_fetch_it(audit):
    page = next(p for p in audit["pages"] if p["url"].endswith("/xzxk/"))
    assert (page["scripted"], page["entries"]) == (True, [])
    assert page["data_urls"] == [audit["site"].url + "api/xzxk/list.json"]
    assert "/api/xzxk/list.json" not in audit["site"].requested
    plain = next(p for p in audit["pages"] if p["url"].endswith("/tzgg/"))
    assert (plain["scripted"], len(plain["entries"])) == (False, 2)
