"""`netcheck audit` of the county portal, held against its answer key: every planted defect is
found, no look-alike is, nothing else is.

The portal is served on 127.0.0.1 (an ephemeral port) and audited in a subprocess (Twisted's
reactor cannot restart in one process) with the portal's own catalog, as of the key's date.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
CATALOG = Path(__file__).resolve().parent / "county_catalog.yaml"
FAST = ["-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=8",
        "-s", "NETCHECK_PROGRESS_INTERVAL=0"]

def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def path_of(url: str | None) -> str | None:
    if not url:
        return None
    parts = urlsplit(url)
    return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


@pytest.fixture(scope="module")
def audit(server, key, tmp_path_factory):
    out = tmp_path_factory.mktemp("portal2") / "run"
    cmd = [sys.executable, "-m", "netcheck", "audit", server.base_url + "/", "--allow-private", "--no-history",
           "--no-cache", "--as-of", str(key["as_of"]), "--catalog", str(CATALOG), "--out", str(out),
           "--fail-on", "never", "--check-external", *FAST]  # --check-external: link.hijacked (issue 16)
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=180, cwd=ROOT,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.returncode == 0, result.stdout + result.stderr
    pages = read_jsonl(out / "pages.jsonl")
    return {"out": out, "findings": read_jsonl(out / "findings.jsonl"), "pages": pages,
            "run": json.loads((out / "run.json").read_text(encoding="utf-8"))}


def found(audit) -> Counter:
    """A finding on a page reached through a redirect names the page's own address (/col/col1001/
    index.html, not /zwgk/ that answers 301 to it): the key's address, exactly."""
    return Counter((f["rule"], f["category"], path_of(f["url"]), path_of(f["target"]),
                    (f.get("details") or {}).get("masked")) for f in audit["findings"])


def wanted(key) -> Counter:
    return Counter((p["rule"], p["category"], p["url"], p["target"], p.get("key")) for p in key["planted"])


def diff(got: Counter, want: Counter) -> dict:
    return {"missed": sorted(want - got, key=str), "extra": sorted(got - want, key=str)}


def test_findings_are_exactly_the_planted_defects(audit, key):
    assert diff(found(audit), wanted(key)) == {"missed": [], "extra": []}


def test_no_lookalike_is_flagged(audit, key):
    got = {(f["rule"], path_of(f["url"])) for f in audit["findings"]}
    assert [entry for entry in key["lookalikes"] if (entry["rule"], entry["url"]) in got] == []


def test_every_rule_but_unreachable_and_tls_has_a_planted_defect(audit, key):
    planted = {p["rule"] for p in key["planted"]}
    assert planted == set(audit["run"]["rules"]) - {"site.unreachable", "site.tls_invalid"}


def test_late_items_and_stale_columns_say_how_late(audit, key):
    by_url = {(f["rule"], path_of(f["url"])): f["details"] for f in audit["findings"]}
    for entry in key["planted"]:
        details = by_url.get((entry["rule"], entry["url"]))
        if entry["rule"] == "item.late" and details:
            assert (details["delay"], details["limit"]) == (entry["details"]["delay"], entry["details"]["limit"])
        if entry["rule"] in ("column.stale", "site.homepage_stale") and details:
            assert details["newest"] == entry["details"]["newest"].isoformat()


def test_personal_data_is_masked_in_every_output(audit):
    from county_items import DOCX_LEAKED_ID, DOCX_LEAKED_MOBILE, LEAKED_ID, LEAKED_MOBILE, PDF_LEAKED_ID, PDF_LEAKED_MOBILE

    numbers = (LEAKED_ID, LEAKED_MOBILE, PDF_LEAKED_ID, PDF_LEAKED_MOBILE, DOCX_LEAKED_ID, DOCX_LEAKED_MOBILE)
    for name in ("findings.jsonl", "pages.jsonl", "summary.md", "report.html", "run.json"):
        text = (audit["out"] / name).read_text(encoding="utf-8")
        assert [n for n in numbers if n in text] == [], name


def test_a_scanned_attachment_is_could_not_read_not_clean(audit):
    from county_items import LEAK_FILES

    scan = LEAK_FILES[2][1]
    by_path = {path_of(p["url"]): p for p in audit["pages"]}
    assert by_path[scan]["attachment"] == {"type": "pdf", "read": False, "why": "scanned", "chars": 0, "cut": False}
    (note,) = [u["reason"] for u in audit["run"]["unverified"] if u["rule"] == "privacy.leak"]
    assert scan in note and "扫描件，无文字层" in note
    assert not [f for f in audit["findings"] if path_of(f["url"]) == scan]


def test_gbk_pages_without_a_declared_charset_are_read_as_chinese(audit):
    by_path = {path_of(p["url"]): p for p in audit["pages"]}
    leak = by_path["/art/2016/8/26/art_1004_52188.html"]
    assert leak["title"] == "王某某未取得食品经营许可从事食品经营案"
    assert leak["breadcrumb"] == ["首页", "政务公开", "行政处罚"]
    policies = by_path["/col/col1007/index.html"]
    assert policies["breadcrumb"] == ["首页", "政务公开", "政策法规"] and len(policies["entries"]) == 4


def test_the_annual_reports_inconsistency_shows_its_table_with_the_failing_cells_marked(audit):
    """report.html and the workbook show the section the identity read, its cells marked."""
    import re

    import openpyxl

    (finding,) = [f for f in audit["findings"] if f["rule"] == "report.inconsistent"
                  and f["details"]["identity"] == "review"]
    table = finding["details"]["table"]
    assert table["section"] == "四" and table["rows"][0]["label"] == "行政复议"
    assert sorted(table["marked"]) == [[0, j] for j in range(5)]  # 维持, 纠正, 其他, 尚未审结, 总计
    html = (audit["out"] / "report.html").read_text(encoding="utf-8")
    grid = re.search(r'<table class="report-grid">.*?</table>', html, re.S).group(0)
    assert re.findall(r'<td class="mark">([^<]*)</td>', grid) == ["1", "0", "0", "0", "2"]
    wb = openpyxl.load_workbook(audit["out"] / "rectification.xlsx")
    ws = wb["年报表格"]
    assert ws["B2"].value == "结果维持" and ws["A3"].value == "行政复议"
    marked = [c.value for row in ws.iter_rows() for c in row if c.fill.fgColor.rgb.endswith("FDE2E1")]
    assert marked == ["1", "0", "0", "0", "2", "37"]  # then the section 二 figure set beside the site's count


def test_the_reports_figure_set_beside_the_sites_count_shows_section_two_with_its_cell_marked(audit):
    (finding,) = [f for f in audit["findings"] if f["rule"] == "report.inconsistent"
                  and f["details"]["identity"] == "against_site"]
    assert finding["severity"] == "notice" and (finding["details"]["left"], finding["details"]["right"]) == (37, 0)
    table = finding["details"]["table"]
    [[i, j]] = table["marked"]
    assert table["section"] == "二" and table["rows"][i]["label"] == "行政处罚"
    assert (table["columns"][j], table["rows"][i]["cells"][j]) == ("本年处理决定数量", "37")


def test_the_crawl_statistics_sheet_sets_the_reports_figures_beside_the_sites_counts(audit):
    import openpyxl

    ws = openpyxl.load_workbook(audit["out"] / "rectification.xlsx")["本网站抓取统计"]
    header = [c.value for c in ws[2]]
    rows = {r[0].split("（")[0]: dict(zip(header, r)) for r in ws.iter_rows(min_row=3, values_only=True)}
    assert (rows["行政处罚"]["本网站抓取数量"], rows["行政处罚"]["年报所报数量"]) == (0, 37)
    assert (rows["行政许可"]["本网站抓取数量"], rows["行政许可"]["年报所报数量"]) == (0, 0)
    assert rows["行政处罚"]["说明"].startswith("年报所报数量取自《柳溪县市场监督管理局2015年政府信息公开工作年度报告》")
