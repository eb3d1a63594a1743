"""Acceptance (issue 13): a catalog written by `netcheck catalog template`, edited in Excel the way a
clerk edits it (Chinese headers retyped, 、-separated aliases and every other separator, Chinese
severities in other words), loads and judges the demo portal exactly as the bundled catalog does:
the same findings, the same score. A category the clerk adds is judged too."""
from __future__ import annotations

import openpyxl
import pytest

from catalogclerk import AS_OF, add_category, edit_like_a_clerk, read_jsonl, run_json, run_netcheck
from checks.catalog import load_catalog

# What a finding says to an office, all of it: the same catalog must give the same.
SAID = ("rule", "severity", "points", "department", "category", "url", "target", "title", "evidence", "basis",
        "detected_on", "deadline", "fingerprint")


def said(findings: list[dict]) -> list[tuple]:
    return sorted(tuple(str(f.get(k)) for k in SAID) for f in findings)


@pytest.fixture(scope="module")
def clerks_catalog(tmp_path_factory):
    folder = tmp_path_factory.mktemp("clerk")
    done = run_netcheck("catalog", "template", cwd=folder)
    assert done.returncode == 0, done.stderr
    return edit_like_a_clerk(folder / "信息公开目录模板.xlsx", folder / "本局目录.xlsx")


def test_the_edited_template_is_the_bundled_catalog(clerks_catalog):
    edited, bundled = load_catalog(clerks_catalog), load_catalog()
    assert edited.categories == bundled.categories
    assert edited.category("新闻动态").aliases[:3] == ("工作动态", "新闻简讯", "动态信息")
    assert {r: edited.rule(r) for r in bundled.rule_sources} == {r: bundled.rule(r) for r in bundled.rule_sources}
    assert edited.rule_sources == bundled.rule_sources
    assert edited.scoring == bundled.scoring and edited.wrong_terms == bundled.wrong_terms
    for setting in ("name", "edition", "default_department", "annual_category", "annual_deadline", "annual_basis",
                    "rectification_workdays", "match_threshold", "extra_holidays", "extra_workdays"):
        assert getattr(edited, setting) == getattr(bundled, setting), setting


def test_the_edited_template_judges_the_demo_like_the_bundled_catalog(demo_run, clerks_catalog, tmp_path):
    out = tmp_path / "clerk"
    done = run_netcheck("report", demo_run, "--catalog", clerks_catalog, "--as-of", AS_OF, "--out", out,
                        "--fail-on", "never")
    assert done.returncode == 0, done.stderr
    bundled, edited = read_jsonl(demo_run / "findings.jsonl"), read_jsonl(out / "findings.jsonl")
    assert len(bundled) >= 15 and {f["severity"] for f in bundled} == {"veto", "deduct", "notice"}
    assert said(edited) == said(bundled)
    before, after = run_json(demo_run), run_json(out)
    assert (after["score"], after["veto"]) == (before["score"], before["veto"])
    assert after["catalog"]["path"].endswith("本局目录.xlsx")


def test_a_category_the_clerk_adds_is_judged(demo_run, clerks_catalog, tmp_path):
    path = tmp_path / "加一个栏目.xlsx"
    path.write_bytes(clerks_catalog.read_bytes())
    add_category(path, {"栏目": "食品抽检公告", "别名": "抽检信息、抽检结果，抽检公告", "责任科室": "食品安全监管科",
                        "更新周期": "30", "严重程度": "一票否决", "栏目类型": "通知公告", "须标注索引号": "是"})
    added = load_catalog(path).category("食品抽检公告")
    assert added.aliases == ("抽检信息", "抽检结果", "抽检公告") and added.severity == "veto"
    assert (added.kind, added.disclosure, added.update_days) == ("notices", True, 30)
    out = tmp_path / "run"
    done = run_netcheck("report", demo_run, "--catalog", path, "--as-of", AS_OF, "--out", out, "--fail-on", "never")
    assert done.returncode == 0, done.stderr
    new = [f for f in read_jsonl(out / "findings.jsonl") if f["category"] == "食品抽检公告"]
    assert [(f["rule"], f["severity"], f["department"]) for f in new] == [("column.missing", "veto", "食品安全监管科")]
    assert run_json(out)["veto"] is True


def test_the_clerks_edits_are_what_the_test_says(clerks_catalog):
    """The edits were made (this test would pass vacuously on an unedited template otherwise)."""
    book = openpyxl.load_workbook(clerks_catalog)
    assert "说明" not in book.sheetnames
    head = [c.value for c in book["栏目"][1]]
    assert {"更新周期", "公开时限(工作日)", "严重程度", "points"} <= set(head)
    cells = [str(c.value) for row in book["栏目"].iter_rows(min_row=2) for c in row if c.value is not None]
    for separator in ("，", "；", ",", ";", "\n"):
        assert any(separator in cell for cell in cells), separator
    assert {"一票否决", "否决", "需要", "不需要"} <= set(cells) and "单项否决" not in cells
    assert "规则编号" not in [c.value for c in book["规则"][1]]
