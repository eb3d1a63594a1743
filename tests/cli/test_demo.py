"""`netcheck demo`: the whole product on the bundled portal, held against the answer key kept
beside the demo site. Every planted defect is found, no look-alike is, nothing else is."""
import hashlib
import json
import os
import sqlite3
from collections import Counter
from datetime import date, datetime
from pathlib import Path
from urllib.parse import urlsplit

import openpyxl
import pytest
import yaml

from clirun import ROOT, read_jsonl, run_netcheck
from reports.xlsx_layout import link_text  # a page link is a HYPERLINK formula showing the URL

KEY = yaml.safe_load((ROOT / "netcheck" / "demo" / "answer_key.yaml").read_text(encoding="utf-8"))


def path_of(url):
    if not url:
        return None
    parts = urlsplit(url)
    return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("demo") / "run"
    result = run_netcheck("demo", "--out", out, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    return out, result


def test_demo_prints_a_summary_with_where_the_reports_are(demo_run):
    out, result = demo_run
    assert "得分" in result.stdout and str(out / "report.html") in result.stdout
    assert "127.0.0.1" in result.stdout


def test_demo_keeps_its_history_apart_from_the_users(demo_run):
    out, result = demo_run
    own = out / "history.sqlite3"
    assert own.is_file()
    assert f"演示的检查历史单独保存在 {own}" in result.stdout
    with sqlite3.connect(own) as db:
        assert db.execute("select site from runs").fetchall() == [("demo",)]
    real = Path(os.environ["NETCHECK_HISTORY"])  # what `netcheck audit` would use (tests/conftest.py)
    if real.exists():
        with sqlite3.connect(real) as db:
            assert db.execute("select count(*) from runs where site = 'demo'").fetchone() == (0,)
    assert "下一步：netcheck demo --fixed --out" in result.stdout


def test_demo_run_times_are_the_machines_clock_time(demo_run):
    out, _ = demo_run
    run = json.loads((out / "run.json").read_text(encoding="utf-8"))
    offset = datetime.now().astimezone().utcoffset()
    assert datetime.fromisoformat(run["started"]).utcoffset() == offset
    assert datetime.fromisoformat(run["finished"]).utcoffset() == offset


def test_demo_findings_are_exactly_the_planted_defects(demo_run):
    out, _ = demo_run
    findings = read_jsonl(out / "findings.jsonl")
    got = Counter((f["rule"], path_of(f["url"]), path_of(f["target"]), f["category"]) for f in findings)
    want = Counter((p["rule"], p.get("url"), p.get("target"), p.get("category")) for p in KEY["planted"])
    assert {"missed": want - got, "extra": got - want} == {"missed": Counter(), "extra": Counter()}
    # The demo portal is reachable and served over plain http: every other rule has a planted defect,
    # but for those the key says the demo cannot carry (they must say they could not verify).
    run = json.loads((out / "run.json").read_text())
    assert {f["rule"] for f in findings} >= {r for r in run["rules"] if r not in (
        "site.unreachable", "site.tls_invalid", *KEY.get("not_verifiable", {}))}
    assert {u["rule"] for u in run["unverified"]} >= set(KEY.get("not_verifiable", {}))


def test_demo_says_which_attachments_it_could_not_read(demo_run):
    """A scanned PDF has no text layer: privacy.leak says it could not read it (未核实), never "clean"."""
    out, _ = demo_run
    run = json.loads((out / "run.json").read_text())
    (note,) = [u["reason"] for u in run["unverified"] if u["rule"] == "privacy.leak"]
    for path, why in KEY["unread_attachments"].items():
        assert path in note and why in note
    pages = {path_of(p["url"]): p for p in read_jsonl(out / "pages.jsonl")}
    assert {p: pages[p]["attachment"]["why"] for p in KEY["unread_attachments"]} == {
        p: "scanned" for p in KEY["unread_attachments"]}
    read = [p for p in pages.values() if (p.get("attachment") or {}).get("read")]
    assert any("⟪id:211102********0020⟫" in p["text"] for p in read)  # read, and masked as stored


def test_demo_flags_none_of_the_lookalikes(demo_run):
    out, _ = demo_run
    got = {(f["rule"], path_of(f["url"])) for f in read_jsonl(out / "findings.jsonl")}
    flagged = [l for l in KEY["lookalikes"] if (l["rule"], l.get("url")) in got]
    assert flagged == []


def test_seed_report_is_22_working_days_late_and_after_the_annual_deadline(demo_run):
    out, _ = demo_run
    findings = read_jsonl(out / "findings.jsonl")
    late = [f for f in findings if f["rule"] == "item.late" and "2015年度" in f["title"]]
    assert len(late) == 1 and late[0]["details"]["delay"] == 22 and late[0]["details"]["limit"] == 20
    annual = [f for f in findings if f["rule"] == "report.annual_late"]
    assert len(annual) == 1 and annual[0]["url"] == late[0]["url"]
    assert annual[0]["details"]["posted"] == "2016-04-07" and annual[0]["details"]["deadline"] == "2016-03-31"


def test_evidence_never_shows_a_full_id_or_mobile_number(demo_run):
    out, _ = demo_run
    text = "".join((out / name).read_text(encoding="utf-8", errors="ignore")
                   for name in ("findings.jsonl", "summary.md", "report.html", "junit.xml"))
    assert "211102********" in text
    import re
    from checks.pii import find_personal_data
    assert find_personal_data(text, date(2016, 6, 30)) == []
    assert not re.search(r"(?<!\d)1[3-9]\d{9}(?!\d)", text)


def test_rectification_workbook_has_a_sheet_per_office_with_links_and_due_dates(demo_run):
    out, _ = demo_run
    findings = read_jsonl(out / "findings.jsonl")
    wb = openpyxl.load_workbook(out / "rectification.xlsx")
    offices = {f["department"] for f in findings}
    # 未核实: what the demo cannot verify (answer key's not_verifiable: the 2015 report has no tables)
    # 本网站抓取统计: section 二 of the annual report drafted from the crawl, before 未核实
    assert set(wb.sheetnames) == {"汇总", *offices, "本网站抓取统计", "未核实"}
    assert wb.sheetnames[-2:] == ["本网站抓取统计", "未核实"]
    unverified = [row[2].value for row in wb["未核实"].iter_rows(min_row=2)]
    assert "年报数据不一致" in unverified
    seed = next(f for f in findings if f["rule"] == "item.late" and "2015年度" in f["title"])
    ws = wb[seed["department"]]
    header = [c.value for c in ws[1]]
    assert header[:7] == ["序号", "问题类型", "问题描述", "栏目", "页面链接", "发现日期", "整改时限"]
    rows = [r for r in ws.iter_rows(min_row=2) if link_text(r[4]) == seed["url"] and r[1].value == "信息发布超时"]
    assert len(rows) == 1
    row = rows[0]
    assert row[4].hyperlink.target == seed["url"]
    assert "22 个工作日" in row[2].value
    assert row[5].value.date() == date(2016, 6, 30)
    assert row[6].value.date().isoformat() == seed["deadline"]
    assert ws.max_row - 1 == sum(1 for f in findings if f["department"] == seed["department"])


def test_crawl_statistics_sheet_counts_the_2015_penalties_and_licences(demo_run):
    """As of 2016-06-30 the sheet drafts 2015's section 二: the 行政处罚 and 行政许可 items the portal
    posted in 2015, counted here from the crawl's own pages (their 发布日期), not from the findings."""
    out, _ = demo_run
    pages = read_jsonl(out / "pages.jsonl")
    posted_2015 = lambda path: len({p["url"] for p in pages if p.get("page_type") == "article" and p["status"] == 200
                                    and f"/xxgk/{path}/" in p["url"] and (p.get("published") or "").startswith("2015")})
    assert posted_2015("xzcf") > 0 and posted_2015("xzxk") > 0
    ws = openpyxl.load_workbook(out / "rectification.xlsx")["本网站抓取统计"]
    assert ws["A1"].value == "本网站抓取统计，供编制年报参考"
    assert [c.value for c in ws[2]] == ["事项", "统计年度", "本网站抓取数量", "年报所报数量", "统计方法", "说明"]
    rows = {r[0].split("（")[0]: r for r in ws.iter_rows(min_row=3, values_only=True)}
    assert rows["行政处罚"][1:3] == (2015, posted_2015("xzcf"))
    assert rows["行政许可"][1:3] == (2015, posted_2015("xzxk"))
    assert rows["行政强制"][2] is None and "无法统计" in rows["行政强制"][5]  # no such category in the catalog
    assert rows["行政处罚"][3] is None  # the demo's 2015 report is free-form: no figure to set beside the count
    assert ws.print_title_rows and ws.page_setup.orientation == "landscape"


def test_report_rejudges_the_saved_crawl_as_of_another_date_without_fetching(demo_run, tmp_path):
    out, _ = demo_run
    copy = tmp_path / "copy"
    copy.mkdir()
    for name in ("pages.jsonl", "run.json"):
        (copy / name).write_bytes((out / name).read_bytes())
    before = hashlib.sha256((copy / "pages.jsonl").read_bytes()).hexdigest()
    # The demo server is gone: anything this command fetched would fail and change the findings.
    result = run_netcheck("report", copy, "--as-of", "2016-08-01", "--fail-on", "never")
    assert result.returncode == 0, result.stderr
    assert hashlib.sha256((copy / "pages.jsonl").read_bytes()).hexdigest() == before
    run = json.loads((copy / "run.json").read_text(encoding="utf-8"))
    assert run["as_of"] == "2016-08-01" and run["site"] == json.loads((out / "run.json").read_text())["site"]
    rules = Counter(f["rule"] for f in read_jsonl(copy / "findings.jsonl"))
    old = Counter(f["rule"] for f in read_jsonl(out / "findings.jsonl"))
    assert rules["column.stale"] > old["column.stale"]  # news last posted 2016-06-28 is stale by August
    assert rules["link.broken"] == old["link.broken"]  # link answers are facts of the crawl


@pytest.mark.parametrize("category, column, old, new, rule", [
    ("行政处罚", "limit_workdays", 7, 14, "item.late"),  # the penalty posted after 13 working days is on time now
    ("通知公告", "update_days", 180, 365, "column.stale"),  # notices 223 days old are fresh enough now
])
def test_changing_one_limit_changes_exactly_the_findings_it_governs(demo_run, tmp_path, category, column, old, new,
                                                                    rule):
    out, _ = demo_run
    catalog = yaml.safe_load((ROOT / "checks" / "default_catalog.yaml").read_text(encoding="utf-8"))
    row = next(c for c in catalog["categories"] if c["category"] == category)
    assert row[column] == old
    row[column] = new
    changed = tmp_path / "catalog.yaml"
    changed.write_text(yaml.safe_dump(catalog, allow_unicode=True), encoding="utf-8")
    copy = tmp_path / "run"
    copy.mkdir()
    for name in ("pages.jsonl", "run.json"):
        (copy / name).write_bytes((out / name).read_bytes())
    result = run_netcheck("report", copy, "--catalog", changed, "--as-of", "2016-06-30", "--fail-on", "never")
    assert result.returncode == 0, result.stderr
    before = {f["fingerprint"]: f for f in read_jsonl(out / "findings.jsonl")}
    after = {f["fingerprint"]: f for f in read_jsonl(copy / "findings.jsonl")}
    gone = [before[k] for k in before.keys() - after.keys()]
    assert after.keys() <= before.keys()
    assert [(f["rule"], f["category"]) for f in gone] == [(rule, category)]
