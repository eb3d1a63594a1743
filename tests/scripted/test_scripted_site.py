"""An audit of a site whose column lists a script draws from JSON: where the JSON is missing, that
column is 未核实 with the reason (no 空白栏目, no 栏目不更新); where the JSON is served, it is read
with GET as a further page of the list and the column is judged from its items; the plain column
beside them is judged as usual. The audit runs with --no-render: what a crawl without a browser sees
(with rendering: tests/rendered)."""
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
             "--as-of", "2016-06-30", "--catalog", str(CATALOG), "--out", str(out), "--fail-on", "never", "--no-render",
             "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0"],
            capture_output=True, text=True, timeout=180, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    finally:
        site.stop()
    assert done.returncode == 0, done.stderr[-3000:]
    read = lambda name: [json.loads(l) for l in (out / name).read_text(encoding="utf-8").splitlines() if l.strip()]
    return {"site": site, "run": json.loads((out / "run.json").read_text(encoding="utf-8")),
            "findings": read("findings.jsonl"), "pages": read("pages.jsonl")}


def test_the_script_drawn_column_whose_json_is_missing_is_not_verified_with_the_reason(audit):
    column_rules = {(f["rule"], f["category"]) for f in audit["findings"] if f["rule"].startswith("column.")}
    assert ("column.empty", "行政许可") not in column_rules and ("column.stale", "行政许可") not in column_rules
    unverified = {(u["rule"], u["category"]): u["reason"] for u in audit["run"]["unverified"]}
    assert unverified[("column.empty", "行政许可")] == "「行政许可」栏目列表由脚本生成，本次未渲染，无法统计信息条数"
    assert unverified[("column.stale", "行政许可")].startswith("「行政许可」栏目列表由脚本生成，本次未渲染")


def test_the_missing_json_was_asked_for_with_get_and_recorded_as_a_page_of_that_list(audit):
    page = next(p for p in audit["pages"] if p["url"].endswith("/xzxk/"))
    assert (page["scripted"], page["entries"]) == (True, [])
    data_url = audit["site"].url + "api/xzxk/list.json"
    assert page["data_urls"] == [data_url]
    assert ("GET", "/api/xzxk/list.json") in audit["site"].requested
    answer = next(p for p in audit["pages"] if p["url"] == data_url)
    assert (answer["status"], answer["is_html"], answer["list_of"]) == (404, False, page["url"])


def test_the_script_drawn_column_whose_json_is_served_is_judged_from_it(audit):
    stale = [f for f in audit["findings"] if f["rule"] == "column.stale" and f["category"] == "行政处罚"]
    assert len(stale) == 1 and stale[0]["details"]["newest"] == "2015-10-08"
    assert not [f for f in audit["findings"] if f["rule"] == "column.empty" and f["category"] == "行政处罚"]
    assert not [u for u in audit["run"]["unverified"] if u["category"] == "行政处罚"]


def test_the_served_json_is_recorded_as_a_list_page_of_its_column_with_its_entries(audit):
    site = audit["site"].url
    answer = next(p for p in audit["pages"] if p["url"] == site + "api/xzcf/list.json")
    assert (answer["method"], answer["is_html"], answer["page_type"]) == ("GET", True, "list")
    assert (answer["list_of"], answer["column"], answer["breadcrumb"]) == (site + "xzcf/", "行政处罚", ["首页", "行政处罚"])
    assert [(e["url"], e["date"]) for e in answer["entries"]] == [
        (site + "xzcf/t20151008_1.html", "2015-10-08"), (site + "xzcf/t20150805_1.html", "2015-08-05")]
    assert answer["entries"][0]["title"] == "行政处罚决定书（市监罚〔2015〕12号）"
    fetched = {p["url"] for p in audit["pages"] if p["status"] == 200}
    assert {e["url"] for e in answer["entries"]} <= fetched  # its articles are crawled as a list's are
    assert not [m for m, _ in audit["site"].requested if m == "POST"]


def test_the_plain_column_beside_them_is_judged_as_usual(audit):
    stale = [f for f in audit["findings"] if f["rule"] == "column.stale" and f["category"] == "通知公告"]
    assert len(stale) == 1 and stale[0]["details"]["newest"] == "2015-11-20"
    assert not [u for u in audit["run"]["unverified"] if u["category"] == "通知公告"]
    plain = next(p for p in audit["pages"] if p["url"].endswith("/tzgg/"))
    assert (plain["scripted"], len(plain["entries"])) == (False, 2)
