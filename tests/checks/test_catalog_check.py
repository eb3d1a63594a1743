"""`netcheck catalog check FILE` shows every rule's severity, points and where they came from, and
warns of each deduct-level rule or category whose findings would deduct 0 points."""
from __future__ import annotations

import re

import openpyxl

import checks
from netcheck.cli import main

RULE_IDS = [r.rule_id for r in checks.RULES]


def rule_rows(out: str) -> dict[str, tuple[str, str, str]]:
    """rule id → (severity, points, source) as the table prints them."""
    rows = {}
    for line in out.splitlines():
        m = re.match(r"(\S+\.\S+)\s+(veto|deduct|notice)\s+(\S+)\s+(\S+)$", line)
        if m:
            rows[m.group(1)] = m.group(2, 3, 4)
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
    assert rows["item.late"] == ("deduct", "0", "目录：扣分；其余默认")
    assert rows["link.broken"] == ("deduct", "1", "目录")
    assert rows["column.missing"] == ("deduct", "2", "默认")
    assert rows["site.unreachable"] == ("veto", "0", "默认")
    warnings = [line for line in out.splitlines() if line.startswith("注意：")]
    assert warnings == ["注意：规则 item.late 为扣分级但每条扣 0 分，发现问题也不会扣分",
                        "注意：栏目 行政处罚 为扣分级但每条扣 0 分，栏目缺失、空白或不更新也不会扣分"]
    # the categories' own severity and points, where they set them
    assert re.search(r"^行政处罚\s.*\sdeduct\s+0$", out, re.M) and re.search(r"^政策文件\s.*\s-\s+5$", out, re.M)


def test_check_of_a_sheet_without_points_shows_the_bundled_points_and_no_warning(tmp_path, capsys):
    book = openpyxl.Workbook()
    book.active.append(["category", "department"])
    book.active.append(["行政处罚", "稽查支队"])
    path = tmp_path / "c.xlsx"
    book.save(path)
    assert main(["catalog", "check", str(path)]) == 0
    out = capsys.readouterr().out
    rows = rule_rows(out)
    assert rows["link.broken"] == ("deduct", "0.1", "默认") and rows["column.stale"] == ("deduct", "2", "默认")
    assert all(source == "默认" for _, _, source in rows.values())
    assert "注意" not in out
