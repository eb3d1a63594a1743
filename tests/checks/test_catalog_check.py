"""`netcheck catalog check FILE` shows every rule's severity, points and where they came from, and
warns of each deduct-level rule or category whose findings would deduct 0 points; its tables are
aligned by display width, Chinese characters two cells wide."""
from __future__ import annotations

import re

import openpyxl

import checks
from netcheck.cli import main
from reports.table import display_width

RULE_IDS = [r.rule_id for r in checks.RULES]


def rule_rows(out: str) -> dict[str, tuple[str, str, str]]:
    """rule id → (severity, points, source) as the table prints them (规则名称 级别 扣分 最多扣分 来源 规则编号)."""
    rows = {}
    for line in out.splitlines():
        m = re.match(r"\S+\s+(单项否决|扣分|提示)\s+(\S+)\s+\S+\s+(\S+)\s+(\S+\.\S+)$", line)
        if m:
            rows[m.group(4)] = m.group(1, 2, 3)
    return rows


def test_check_shows_each_rules_points_and_source_and_warns_of_zero_points(tmp_path, capsys):
    path = tmp_path / "c.yaml"
    path.write_text("categories:\n  - category: 行政处罚\n    severity: 扣分\n    points: 0\n"
                    "  - category: 政策文件\n    points: 5\n"
                    "rules:\n  item.late: {points: 0}\n  link.broken: {severity: deduct, points: 1, basis: 本局}\n",
                    encoding="utf-8")
    assert main(["catalog", "check", str(path)]) == 0
    out = capsys.readouterr().out
    rows = rule_rows(out)
    assert list(rows) == RULE_IDS
    assert rows["item.late"] == ("扣分", "0", "目录：扣分；其余默认")
    assert rows["link.broken"] == ("扣分", "1", "目录")
    assert rows["column.missing"] == ("扣分", "2", "默认")
    assert rows["site.unreachable"] == ("单项否决", "0", "默认")
    warnings = [line for line in out.splitlines() if line.startswith("注意：")]
    assert warnings == ["注意：规则「信息发布超时」为扣分级但每条扣 0 分，发现问题也不会扣分：请在目录中给它扣分，或改为提示级",
                        "注意：栏目「行政处罚」为扣分级但每条扣 0 分，栏目缺失、空白或不更新也不会扣分：请在目录中给它扣分"]
    # the categories' own severity and points, where they set them
    assert re.search(r"^行政处罚\s.*\s扣分\s+0$", out, re.M) and re.search(r"^政策文件\s.*\s-\s+5$", out, re.M)


def test_check_of_a_sheet_without_points_shows_the_bundled_points_and_no_warning(tmp_path, capsys):
    book = openpyxl.Workbook()
    book.active.append(["category", "department"])
    book.active.append(["行政处罚", "稽查支队"])
    path = tmp_path / "c.xlsx"
    book.save(path)
    assert main(["catalog", "check", str(path)]) == 0
    out = capsys.readouterr().out
    rows = rule_rows(out)
    assert rows["link.broken"] == ("扣分", "0.1", "默认") and rows["column.stale"] == ("扣分", "2", "默认")
    assert all(source == "默认" for _, _, source in rows.values())
    assert "注意" not in out


def column_starts(line: str) -> list[int]:
    """The display column at which each cell of a printed table row begins."""
    starts, width, before = [], 0, " "
    for ch in line:
        if ch != " " and before == " ":
            starts.append(width)
        width += display_width(ch)
        before = ch
    return starts


def test_check_aligns_its_tables_by_display_width(capsys):
    """Chinese names of every length, numbers and dashes: each column starts (left-aligned) or ends
    (right-aligned) at the same place on every row, counting a Chinese character as two cells."""
    assert main(["catalog", "check", "checks/default_catalog.yaml"]) == 0
    lines = capsys.readouterr().out.splitlines()
    categories = lines[2:lines.index(next(line for line in lines if line.startswith("规则设置")))]
    rules = [line for line in lines if re.search(r"\s[a-z0-9_]+\.[a-z_]+$", line) or line.startswith("规则名称")]  # a11y.*
    assert len(categories) == 34 and len(rules) == len(RULE_IDS) + 1
    for rows in (categories, rules):
        # the severity column is left-aligned: it starts at one place on every row
        severity_at = {column_starts(line)[-2 if rows is categories else -5] for line in rows}
        assert len(severity_at) == 1, rows
        # the last column (points; the rule id) ends, or starts, at one place on every row
        ends = {display_width(line) for line in rows} if rows is categories else {column_starts(line)[-1] for line in rows}
        assert len(ends) == 1, rows
