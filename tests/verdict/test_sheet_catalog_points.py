"""A catalog an office writes in Excel, with no points anywhere, still deducts the national-check
points documented in the bundled catalog: a site with deduct-level findings never scores 100."""
import openpyxl

from checks.catalog import load_catalog
from verdictrun import audit, read_jsonl, run_json, run_netcheck

ROWS = [
    ["category", "aliases", "department", "update_days", "limit_workdays", "min_items", "severity"],
    ["行政处罚", "处罚信息;行政处罚公示", "稽查支队", None, 7, 1, "扣分"],
    ["通知公告", "公示公告", "办公室", 180, None, 1, "扣分"],
    ["人事信息", "人事任免", "人事科", 365, None, 1, "扣分"],
    ["政府信息公开年报", "年度报告", "办公室", None, None, 1, "扣分"],
    ["招标采购", None, "财务科", 180, None, 1, "扣分"],
]


def test_a_handwritten_xlsx_catalog_without_points_deducts_the_default_points(demo_site, tmp_path):
    book = openpyxl.Workbook()
    for row in ROWS:
        book.active.append(row)
    path = tmp_path / "一览表.xlsx"
    book.save(path)
    bundled = load_catalog()
    checked = run_netcheck("catalog", "check", path)
    assert checked.returncode == 0, checked.stderr
    assert "column.missing" in checked.stdout and "默认" in checked.stdout
    _, url = demo_site
    done = audit(url, tmp_path / "run", "--no-history", "--catalog", path)
    assert done.returncode == 0, done.stderr
    findings = read_jsonl(tmp_path / "run" / "findings.jsonl")
    deducted = [f for f in findings if f["severity"] == "deduct"]
    assert deducted
    for f in deducted:
        expected = bundled.rule(f["rule"]).points
        assert f["points"] == expected and expected > 0, f
    run = run_json(tmp_path / "run")
    assert run["score"] < 100
    assert run["rules"]["link.broken"]["points"] == bundled.rule("link.broken").points
