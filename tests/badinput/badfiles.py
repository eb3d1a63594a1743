"""The bad catalogs, as data: (name, how to write it, what the refusal must say).

Each writer takes the folder and returns the file it wrote. The refusal must read
`FILE, WHERE: WHY…` on one line: `where` is the row, line and column exactly as the message
gives them ('' for a file-level reason), `why` the start of the reason.
"""
from __future__ import annotations

from pathlib import Path

import openpyxl


def text(name: str, content: str | bytes):
    def write(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
        return path
    return write


def sheet(name: str, rows: list[list], merge: tuple[str, ...] = ()):
    def write(folder: Path) -> Path:
        book = openpyxl.Workbook()
        for row in rows:
            book.active.append(row)
        for cells in merge:
            book.active.merge_cells(cells)
        path = folder / name
        book.save(path)
        return path
    return write


def rules_sheet(rows: list[list], title: str = "规则", merge: tuple[str, ...] = ()):
    """A workbook of one good category, and its rules' settings on a second sheet."""
    def write(folder: Path) -> Path:
        book = openpyxl.Workbook()
        book.active.append(["category", "department"])
        book.active.append(["行政处罚", "法规科"])
        rules = book.create_sheet(title)
        for row in rows:
            rules.append(row)
        for cells in merge:
            rules.merge_cells(cells)
        path = folder / "c.xlsx"
        book.save(path)
        return path
    return write


def blank_workbook(folder: Path) -> Path:
    path = folder / "blank.xlsx"
    openpyxl.Workbook().save(path)
    return path


ROW = "  - category: 行政处罚\n    department: 法规科\n"
BAD_CATALOGS = [
    # -- wrong types ------------------------------------------------------------------------------
    ("text in a number column (CSV)", text("c.csv", "category,update_days\n行政处罚,三十\n"),
     "row 2 (行政处罚), column update_days", "update_days must be a number, not '三十'"),
    ("text in a number column (XLSX)", sheet("c.xlsx", [["category", "limit_workdays"], ["行政处罚", "七"]]),
     "row 2 (行政处罚), column limit_workdays", "limit_workdays must be a number, not '七'"),
    ("a fraction of a day", text("c.yaml", "categories:\n  - category: 行政处罚\n    update_days: 1.5\n"),
     "row 1 (行政处罚), line 2, column update_days", "update_days must be a whole number, not 1.5"),
    ("a negative limit", text("c.yaml", "categories:\n  - category: 行政处罚\n    limit_workdays: -3\n"),
     "row 1 (行政处罚), line 2, column limit_workdays", "limit_workdays must be a number ≥ 0, not -3"),
    ("an infinite limit", text("c.yaml", "categories:\n  - category: 行政处罚\n    update_days: .inf\n"),
     "row 1 (行政处罚), line 2, column update_days", "update_days must be a number ≥ 0, not inf"),
    ("true as points", text("c.yaml", "categories:\n  - category: 行政处罚\n    points: yes\n"),
     "row 1 (行政处罚), line 2, column points", "points must be a number, not True"),
    ("a list as the category's name", text("c.yaml", "categories:\n  - category: [行政处罚, 行政许可]\n"),
     "row 1, line 2, column category", "'category' must be text, not a list"),
    ("a date as the category's name", text("c.yaml", "categories:\n  - category: 2016-01-01\n"),
     "row 1, line 2, column category", "'category' must be text, not date 2016-01-01 (quote it in YAML)"),
    ("a mapping as the office", text("c.yaml", "categories:\n  - category: 行政处罚\n    department: {科室: 法规科}\n"),
     "row 1 (行政处罚), line 2, column department", "department must be text, not a mapping"),
    ("a number as aliases", text("c.yaml", "categories:\n  - category: 行政处罚\n    aliases: 5\n"),
     "row 1 (行政处罚), line 2, column aliases", "aliases must be a list"),
    ("an unknown severity", text("c.yaml", "categories:\n  - category: 行政处罚\n    severity: 严重\n"),
     "row 1 (行政处罚), line 2, column severity", "severity '严重' is not one of veto, deduct, notice"),
    ("a list where a mapping belongs", text("c.yaml", "categories:\n" + ROW + "calendar: [2016-06-09]\n"),
     "column calendar", "calendar must be a mapping"),
    ("a mapping where a list belongs", text("c.yaml", "categories:\n" + ROW + "wrong_terms: {食药监局: 市场监管局}\n"),
     "column wrong_terms", "wrong_terms must be a list"),
    ("categories as a mapping", text("c.yaml", "categories: {category: 行政处罚}\n"),
     "line 1", "'categories' must be a non-empty list"),
    # -- unknown columns and keys ---------------------------------------------------------------
    ("an unknown column (CSV)", text("c.csv", "category,office\n行政处罚,法规科\n"),
     "row 1, column B", "unknown column 'office' (known: category, aliases"),
    ("an unknown column (XLSX)", sheet("c.xlsx", [["category", "备注"], ["行政处罚", "每月更新"]]),
     "row 1, column B", "unknown column '备注'"),
    ("an unknown column (YAML)", text("c.yaml", "categories:\n  - category: 行政处罚\n    update_dayz: 30\n"),
     "row 1 (行政处罚), line 2, column update_dayz", "unknown column 'update_dayz'"),
    ("an unknown top-level key", text("c.yaml", "categories:\n" + ROW + "deadlines: {}\n"),
     "line 4", "unknown top-level key 'deadlines'"),
    ("an unknown rule", text("c.yaml", "categories:\n" + ROW + "rules:\n  link.brokn: {severity: notice}\n"),
     "column rules", "unknown rule 'link.brokn'"),
    ("a column with values but no name", sheet("c.xlsx", [["category", None], ["行政处罚", "法规科"]]),
     "row 1, column B", "column B has values (row 2) but no name in row 1"),
    ("one column name twice", text("c.csv", "category,department,department\n行政处罚,法规科,办公室\n"),
     "row 1, column C", "column name 'department' appears twice in row 1 (columns B and C)"),
    # -- duplicate categories -------------------------------------------------------------------
    ("a category twice (CSV)", text("c.csv", "category\n行政处罚\n行政许可\n行政处罚\n"),
     "row 4 (行政处罚)", "category '行政处罚' repeats row 2"),
    ("a category twice (XLSX)", sheet("c.xlsx", [["category", "update_days"], ["行政处罚", 30], ["行政处罚", 60]]),
     "row 3 (行政处罚)", "category '行政处罚' repeats row 2"),
    ("a category twice (YAML)", text("c.yaml", "categories:\n" + ROW + ROW),
     "row 2 (行政处罚), line 4", "category '行政处罚' repeats row 1"),
    ("an alias that is another category", text("c.yaml", "categories:\n" + ROW +
                                               "  - category: 行政许可\n    aliases: [行政处罚]\n"),
     "row 2 (行政许可), line 4, column aliases", "alias '行政处罚' is the category of row 1"),
    ("a key twice in one row", text("c.yaml", "categories:\n  - category: 行政处罚\n    update_days: 30\n"
                                              "    update_days: 60\n"),
     "line 4", "not valid YAML: key 'update_days' appears twice in one mapping (first on line 3)"),
    # -- empty files ----------------------------------------------------------------------------
    ("an empty YAML file", text("c.yaml", b""), "", "the file is empty (0 bytes)"),
    ("an empty CSV file", text("c.csv", b""), "", "the file is empty (0 bytes)"),
    ("an empty XLSX file", text("c.xlsx", b""), "", "the file is empty (0 bytes)"),
    ("a YAML file of blank lines", text("c.yaml", "\n\n  \n"), "", "the file is empty"),
    ("a CSV with only its header", text("c.csv", "category,department,update_days\n"),
     "", "no category rows: the sheet has only its header row"),
    ("a sheet with only its header", sheet("c.xlsx", [["category", "department"]]),
     "", "no category rows: the sheet has only its header row"),
    ("a workbook with nothing in it", blank_workbook, "row 1", "no header row"),
    ("a YAML file with no categories", text("c.yaml", "name: 市食药监局\n"), "",
     "'categories' must be a non-empty list"),
    # -- merged cells ---------------------------------------------------------------------------
    ("header cells merged over two columns", sheet("c.xlsx", [["category", None, "update_days"],
                                                             ["行政处罚", "法规科", 30]], merge=("A1:B1",)),
     "row 1, column A", "header cells A1:B1 are merged"),
    ("a title row merged above the header", sheet("c.xlsx", [["市食药监局政务公开一览表", None, None],
                                                            ["category", "department", "update_days"],
                                                            ["行政处罚", "法规科", 30]], merge=("A1:C1",)),
     "row 1, column A", "header cells A1:C1 are merged: row 1 must hold the column names"),
    ("one office merged down over its categories", sheet("c.xlsx", [["category", "department"],
                                                                    ["行政处罚", "法规科"], ["行政许可", None]],
                                                         merge=("B2:B3",)),
     "row 2, column B", "cells B2:B3 are merged: unmerge them and give every row its own value"),
    # -- rules' settings: a YAML rules: entry, a workbook's 规则 sheet ----------------------------
    ("negative points for a rule (YAML)", text("c.yaml", "categories:\n" + ROW + "rules:\n  link.broken: {points: -1}\n"),
     "column rules", "rules.link.broken: points must be a number ≥ 0, not -1"),
    ("an unknown setting for a rule (YAML)", text("c.yaml", "categories:\n" + ROW + "rules:\n  link.broken: {分值: 1}\n"),
     "column rules", "rules.link.broken: unknown setting '分值'"),
    ("text as a rule's points", rules_sheet([["规则", "扣分"], ["link.broken", "很多"]]),
     "sheet 规则, row 2 (link.broken), column 扣分", "points must be a number, not '很多'"),
    ("negative points in the rules sheet", rules_sheet([["rule", "points"], ["item.late", 1], ["link.broken", -1]]),
     "sheet 规则, row 3 (link.broken), column points", "points must be a number ≥ 0, not -1"),
    ("a fraction of a day in the rules sheet", rules_sheet([["规则", "天数"], ["site.homepage_stale", 1.5]]),
     "sheet 规则, row 2 (site.homepage_stale), column 天数", "days must be a whole number, not 1.5"),
    ("an unknown severity in the rules sheet", rules_sheet([["rule", "severity"], ["item.late", "严重"]], "rules"),
     "sheet rules, row 2 (item.late), column severity", "severity '严重' is not one of veto, deduct, notice"),
    ("an unknown rule in the rules sheet", rules_sheet([["规则", "扣分"], ["link.brokn", 1]]),
     "sheet 规则, row 2 (link.brokn), column 规则", "unknown rule 'link.brokn'"),
    ("a rule twice in the rules sheet", rules_sheet([["规则编号", "扣分"], ["link.broken", 1], ["link.broken", 2]]),
     "sheet 规则, row 3 (link.broken), column 规则编号", "rule 'link.broken' repeats row 2"),
    ("a rules-sheet row without its rule", rules_sheet([["规则", "扣分"], [None, 1]]),
     "sheet 规则, row 2, column 规则", "the rule id is missing"),
    ("an unknown column in the rules sheet", rules_sheet([["规则", "扣分", "备注"], ["link.broken", 1, "U"]]),
     "sheet 规则, row 1, column C", "unknown column '备注' (known: rule, 规则, 规则编号, severity"),
    ("one setting in two columns of the rules sheet", rules_sheet([["规则", "扣分", "分值"], ["link.broken", 1, 2]]),
     "sheet 规则, row 1, column C", "columns B ('扣分') and C ('分值') both give points"),
    ("a title row above the rules sheet's header", rules_sheet([["规则设置", None], ["规则", "扣分"],
                                                              ["link.broken", 1]], merge=("A1:B1",)),
     "sheet 规则, row 1, column A", "header cells A1:B1 are merged: row 1 must hold the column names"),
    ("merged cells in the rules sheet", rules_sheet([["规则", "扣分"], ["link.broken", 1], ["item.late", None]],
                                                    merge=("B2:B3",)),
     "sheet 规则, row 2, column B", "cells B2:B3 are merged: unmerge them"),
    ("the rules sheet's header not in row 1", rules_sheet([[None, None], ["规则", "扣分"], ["link.broken", 1]]),
     "sheet 规则, row 1", "no header row: row 1 must hold the column names (rule, severity, points"),
    # -- not a catalog at all -------------------------------------------------------------------
    ("a YAML syntax error", text("c.yaml", "categories:\n  - category: 行政处罚\n  - [unclosed\n"),
     "line 4", "not valid YAML"),
    ("tabs in YAML", text("c.yaml", "categories:\n\t- category: 行政处罚\n"), "line 2", "not valid YAML"),
    ("a zip that is no workbook", text("c.xlsx", b"PK\x03\x04 not really"), "", "not a readable XLSX workbook"),
    ("binary as CSV", text("c.csv", b"category\n\x00\xff\xfe\x81\n"), "", "CSV is neither UTF-8 nor GB18030"),
    ("a Word file", text("c.docx", b"PK\x03\x04"), "", "unknown catalog format .docx"),
]
