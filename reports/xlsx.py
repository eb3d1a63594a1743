"""rectification.xlsx: the 整改清单, a summary sheet and one sheet per responsible office.

Each office gets its own sheet so the list can be forwarded as is. The 状态 column is the
office's to fill in when it reports back (`netcheck import-status` reads it back into the run
history); in the next round's list a finding still found shows again what the office reported
(已报整改但仍存在 where it said 已整改), keeps the 发现日期 it was first found on and the 整改时限 it
was first given, and says 逾期 once that has passed. The summary sheet says first how complete
the run is (reports/xlsx_summary.py). What was fixed since the previous round is listed on a
sheet 已整改（销号）, and what the run could not verify on a last sheet, 未核实 (each only when
there is something to list); neither is an office's to fill in. When the run drafted the annual
report's section 二 from the crawl (run.annual_stats), a sheet 本网站抓取统计 before 未核实 holds it.

Every sheet prints on A4 landscape at full size, rows as high as their wrapped text
(reports/xlsx_layout.py).
"""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from reports import completeness, xlsx_layout
from reports.basis import display_basis
from reports.names import NO_DEPARTMENT, rule_name, severity_name
from reports.runrecord import RunRecord
from reports.status import carried_status, overdue
from reports.table import as_date, clean_text, department, page_url, plain, records, sort_key, web_url
from reports.xlsx_summary import write_summary

SUMMARY = "汇总"
FIXED = "已整改（销号）"  # what the previous round listed and this one checked again and found gone
UNVERIFIED = "未核实"  # the last sheet: not an office's, nothing to fill in
# The annual report's tables behind report.inconsistent's findings, the cells each one read marked:
# written only when there is such a finding, before 未核实.
REPORT_TABLES = "年报表格"
# The annual report's section 二 drafted from the crawl (run.annual_stats): written only when the
# run has that table, before 未核实; its first row is the caption, then a header row.
CRAWL_STATS = "本网站抓取统计"
CRAWL_STATS_HEADERS = ["事项", "统计年度", "本网站抓取数量", "年报所报数量", "统计方法", "说明"]
# netcheck's own sheets: nothing on them is an office's to fill in.
OWN_SHEETS = (SUMMARY, FIXED, REPORT_TABLES, CRAWL_STATS, UNVERIFIED)
_MARK_FILL = PatternFill("solid", fgColor="FDE2E1")
_MARK_FONT = xlsx_layout.font(bold=True, color="B71C1C")
UNVERIFIED_HEADERS = ["序号", "类型", "问题类型", "栏目", "页面链接", "标题", "原因"]
UNVERIFIED_KINDS = {"skipped": "本次未核实", "error": "规则运行出错", "earlier": "此前问题未能复核"}
FIXED_HEADERS = ["序号", "问题类型", "问题描述", "栏目", "页面链接", "责任科室", "严重程度", "发现日期",
                 "整改时限", "销号日期"]
STATUS = "状态"
# The finding's fingerprint, in a hidden last column: `netcheck import-status` maps the office's
# 状态 back to its finding by it, however the office sorted or trimmed the sheet.
FINGERPRINT = "编号"
HEADERS = ["序号", "问题类型", "问题描述", "栏目", "页面链接", "发现日期", "整改时限",
           "严重程度", "扣分", "依据", STATUS, FINGERPRINT]
STATUS_CHOICES = ("已整改", "整改中", "暂无法整改", "已确认", "误报")  # the last two: a wording hit reviewed (netcheck.review)
DATE_FORMAT = "yyyy-mm-dd"
OVERDUE = "逾期"
# A 整改时限 that has passed stays a date cell (it sorts and filters as one) and shows 逾期 beside it.
OVERDUE_FORMAT = f'{DATE_FORMAT}" {OVERDUE}"'
# Long free text wraps inside a capped width instead of stretching the sheet off the page; when
# the columns are still wider than an A4 landscape page, the SHRINK ones give up width first.
MAX_WIDTH = {"事项": 18, "统计方法": 40, "说明": 44, "问题类型": 14, "问题描述": 34, "栏目": 12, "页面链接": 26, "依据": 26, "标题": 26, "原因": 40,
             "责任科室": 12}
DEFAULT_MAX_WIDTH = 30
SHRINK = ("问题描述", "页面链接", "依据", "标题", "原因", "栏目", "问题类型")
# The office writes into 状态, so it needs room even while empty; a date needs its ten digits.
MIN_WIDTH = {STATUS: 12, "发现日期": 11.5, "整改时限": 11.5, "销号日期": 11.5, "扣分": 6, "序号": 5,
             "问题描述": 18, "页面链接": 14, "依据": 14}
SEVERITY_COLOURS = {"veto": "C62828", "deduct": "EF6C00"}
OVERDUE_COLOUR = "C62828"

_BOLD = xlsx_layout.font(bold=True)
_HEAD_FILL = PatternFill("solid", fgColor="DDEBF7")
# Excel refuses these in sheet names; 'History' is reserved by Excel itself.
_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
_RESERVED = {"history"}


def write_rectification(path: Path, findings: pd.DataFrame, run: RunRecord) -> None:
    rows = records(findings)
    wb = Workbook()
    summary = wb.active
    summary.title = SUMMARY
    offices = sorted({department(r) for r in rows})
    names = sheet_names(offices, taken=OWN_SHEETS)
    unchecked = completeness.unverified(run)
    earlier = completeness.not_reverified(run)
    fixed = sorted((plain(f) for f in run.fixed), key=lambda f: (department(f), sort_key(f)))
    sheets = {}
    if fixed:
        sheets["fixed"] = FIXED
    if unchecked or earlier:
        sheets["unverified"] = UNVERIFIED
    write_summary(summary, rows, run, names, sheets, has_unverified=bool(unchecked or earlier))
    head = _page_head(run)
    for office in offices:
        _write_office(wb.create_sheet(names[office]), [r for r in rows if department(r) == office], head,
                      run.as_of)
    if fixed:
        _write_fixed(wb.create_sheet(FIXED), fixed, head)
    tabled = [(names[office], i, row) for office in offices
              for i, row in enumerate((r for r in rows if department(r) == office), start=1) if _table_of(row)]
    if tabled:
        _write_report_tables(wb.create_sheet(REPORT_TABLES), tabled, head)
    if run.annual_stats is not None and run.annual_stats.rows:
        _write_crawl_stats(wb.create_sheet(CRAWL_STATS), run.annual_stats, head)
    if unchecked or earlier:
        _write_unverified(wb.create_sheet(UNVERIFIED), unchecked, earlier, head)
    wb.save(path)


def _page_head(run: RunRecord) -> tuple[str, str]:
    """The top left of every printed page (whose list, as of when) and its foot (the site)."""
    day = as_date(run.as_of)
    return "整改清单" + (f"　检查日期 {day.isoformat()}" if day else ""), clean_text(run.site)


def sheet_names(offices: list[str], taken: tuple[str, ...] = (SUMMARY,)) -> dict[str, str]:
    """A valid, unique (Excel compares case-insensitively) sheet name for each office."""
    used = {t.casefold() for t in taken} | _RESERVED
    out = {}
    for office in offices:
        base = _FORBIDDEN.sub("_", clean_text(office)).strip()[:31].strip().strip("'")
        base = base or NO_DEPARTMENT
        name, n = base, 2
        while name.casefold() in used:
            suffix = f"({n})"
            name, n = base[:31 - len(suffix)] + suffix, n + 1
        used.add(name.casefold())
        out[office] = name
    return out


def _write_office(ws: Worksheet, rows: list[dict], head: tuple[str, str], as_of) -> None:
    ws.append(HEADERS)
    for i, row in enumerate(rows, start=1):
        deducts = row.get("severity") == "deduct"  # a 提示 or 单项否决 takes no points off the score
        ws.append([i, rule_name(row["rule"]), clean_text(row.get("evidence")),
                   clean_text(row.get("category")), clean_text(page_url(row)),
                   as_date(row.get("first_seen") or row.get("detected_on")), as_date(row.get("deadline")),
                   severity_name(row.get("severity")), plain(row.get("points")) if deducts else None,
                   display_basis(row.get("basis")), carried_status(row), clean_text(row.get("fingerprint"))])
    last = len(rows) + 1
    # Hidden, and never wrapped: a zero-width column's wrapped text spills down the printed page.
    ws.column_dimensions[_letter(FINGERPRINT)].hidden = True
    _table(ws, HEADERS[:-1], last)
    stamps: dict = {}
    for i, row in enumerate(rows, start=2):
        colour = SEVERITY_COLOURS.get(row.get("severity"))
        if colour:
            xlsx_layout.stamp(stamps, colour, ws.cell(row=i, column=_column("严重程度")),
                              font=xlsx_layout.font(bold=True, color=colour))
        _link(ws.cell(row=i, column=_column("页面链接")), page_url(row), stamps)
        xlsx_layout.stamp(stamps, "date", ws.cell(row=i, column=_column("发现日期")), number_format=DATE_FORMAT)
        deadline = ws.cell(row=i, column=_column("整改时限"))
        if overdue(row, as_of):
            xlsx_layout.stamp(stamps, OVERDUE, deadline, number_format=OVERDUE_FORMAT,
                              font=xlsx_layout.font(bold=True, color=OVERDUE_COLOUR))
        else:
            xlsx_layout.stamp(stamps, "date", deadline, number_format=DATE_FORMAT)
    status_col = _letter(STATUS)
    choices = DataValidation(type="list", formula1='"' + ",".join(STATUS_CHOICES) + '"',
                             allow_blank=True)
    ws.add_data_validation(choices)
    choices.add(f"{status_col}2:{status_col}{max(last, 2)}")
    _fit_and_print(ws, HEADERS[:-1], last, head)
    ws.auto_filter.ref = f"A1:{_letter(STATUS)}{last}"  # the visible columns


def _write_fixed(ws: Worksheet, fixed: list[dict], head: tuple[str, str]) -> None:
    """The previous round's findings this round checked again and found gone (fixed.jsonl)."""
    ws.append(FIXED_HEADERS)
    for i, f in enumerate(fixed, start=1):
        ws.append([i, rule_name(f.get("rule")), clean_text(f.get("evidence")), clean_text(f.get("category")),
                   clean_text(page_url(f)), department(f), severity_name(f.get("severity")),
                   as_date(f.get("first_seen") or f.get("detected_on")), as_date(f.get("deadline")),
                   as_date(f.get("fixed_on"))])
    last = len(fixed) + 1
    _table(ws, FIXED_HEADERS, last)
    stamps: dict = {}
    for i, f in enumerate(fixed, start=2):
        _link(ws.cell(row=i, column=FIXED_HEADERS.index("页面链接") + 1), page_url(f), stamps)
        for header in ("发现日期", "整改时限", "销号日期"):
            xlsx_layout.stamp(stamps, "date", ws.cell(row=i, column=FIXED_HEADERS.index(header) + 1),
                              number_format=DATE_FORMAT)
    _fit_and_print(ws, FIXED_HEADERS, last, head)
    ws.auto_filter.ref = f"A1:{_letter_of(FIXED_HEADERS, FIXED_HEADERS[-1])}{last}"


def _write_unverified(ws: Worksheet, unchecked: list[dict], earlier: list[dict], head: tuple[str, str]) -> None:
    """What the run could not verify, then the earlier findings it could not check again (still open)."""
    ws.append(UNVERIFIED_HEADERS)
    for u in unchecked:
        ws.append([ws.max_row, UNVERIFIED_KINDS.get(u["outcome"], UNVERIFIED_KINDS["skipped"]), u["name"],
                   u["category"] or "全站", None, None, u["reason"]])
    for u in earlier:
        ws.append([ws.max_row, UNVERIFIED_KINDS["earlier"], u["name"], u["category"], u["url"], u["title"],
                   f"{u['reason']}（仍按未整改计，未销号）"])
    last = len(unchecked) + len(earlier) + 1
    _table(ws, UNVERIFIED_HEADERS, last)
    for i, u in enumerate(earlier, start=len(unchecked) + 2):
        _link(ws.cell(row=i, column=UNVERIFIED_HEADERS.index("页面链接") + 1), u["href"])
    _fit_and_print(ws, UNVERIFIED_HEADERS, last, head)
    ws.auto_filter.ref = f"A1:{_letter_of(UNVERIFIED_HEADERS, UNVERIFIED_HEADERS[-1])}{last}"


def _write_crawl_stats(ws: Worksheet, stats, head: tuple[str, str]) -> None:
    """The annual report's section 二 as the crawl counts it: the caption (and, for a partial crawl,
    that it is of what was crawled), then one row per item of the form, a blank count where it
    could not be counted and the reason beside it."""
    caption = stats.caption or "本网站抓取统计，供编制年报参考"
    ws.append([caption if stats.complete else f"{caption}（抓取未完成，仅为已抓取部分）"])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(CRAWL_STATS_HEADERS))
    ws.cell(row=1, column=1).font = _BOLD
    ws.cell(row=1, column=1).alignment = Alignment(wrap_text=True, vertical="top")
    ws.append(CRAWL_STATS_HEADERS)
    for line in stats.rows:
        reported = line.reported if line.reported is None or line.reported != int(line.reported) else int(line.reported)
        said = f"年报所报数量取自《{line.reported_in}》。" if line.reported is not None and line.reported_in else ""
        ws.append([clean_text(line.item), line.year, line.count, reported, clean_text(line.method),
                   clean_text(said + (line.note or ""))])
    last = len(stats.rows) + 2
    for cell in ws[2]:
        cell.font, cell.fill = _BOLD, _HEAD_FILL
        cell.alignment, cell.border = Alignment(horizontal="center", vertical="top", wrap_text=True), xlsx_layout.GRID
    xlsx_layout.body(ws, 3, last, len(CRAWL_STATS_HEADERS))
    ws.freeze_panes = "A3"
    letters = {h: _letter_of(CRAWL_STATS_HEADERS, h) for h in CRAWL_STATS_HEADERS}
    xlsx_layout.fit_columns(ws, {letters[h]: MAX_WIDTH.get(h, DEFAULT_MAX_WIDTH) for h in CRAWL_STATS_HEADERS},
                            {letters["统计年度"]: 9, letters["本网站抓取数量"]: 9, letters["年报所报数量"]: 9},
                            shrink=(letters["统计方法"], letters["说明"]), skip_rows=(1,))
    xlsx_layout.fit_rows(ws, every=True)
    xlsx_layout.print_setup(ws, *head, header_rows="1:2")
    ws.print_area = f"A1:{letters[CRAWL_STATS_HEADERS[-1]]}{last}"


def _table_of(row: dict) -> dict | None:
    details = row.get("details")
    return details.get("table") if isinstance(details, dict) and isinstance(details.get("table"), dict) else None


def _write_report_tables(ws: Worksheet, tabled: list[tuple[str, int, dict]], head: tuple[str, str]) -> None:
    """Each report.inconsistent finding (its office's sheet and 序号, its description), then the
    section of the annual report it read, as parsed, the cells of the failed identity marked."""
    top = 1
    for sheet, number, row in tabled:
        table = _table_of(row)
        ws.cell(row=top, column=1, value=f"{sheet} 第 {number} 项").font = _BOLD
        ws.cell(row=top, column=2, value=clean_text(row.get("evidence")))
        ws.merge_cells(start_row=top, start_column=2, end_row=top, end_column=1 + len(table["columns"]))
        ws.cell(row=top, column=2).alignment = Alignment(wrap_text=True, vertical="top")
        header = top + 1
        for j, name in enumerate(["", *table["columns"]], start=1):
            cell = ws.cell(row=header, column=j, value=name or f"第{table['section']}部分")
            cell.font, cell.fill = _BOLD, _HEAD_FILL
        for i, line in enumerate(table["rows"]):
            ws.cell(row=header + 1 + i, column=1, value=line["label"])
            for j, value in enumerate(line["cells"]):
                ws.cell(row=header + 1 + i, column=2 + j, value=value or None)
        for i, j in table["marked"]:
            cell = ws.cell(row=header + 1 + i, column=2 + j)
            cell.fill, cell.font = _MARK_FILL, _MARK_FONT
        last = header + len(table["rows"])
        xlsx_layout.grid(ws, header, last, 1 + len(table["columns"]))
        top = last + 2
    ws.column_dimensions["A"].width = 40
    for j in range(2, 2 + max(len(_table_of(r)["columns"]) for _, _, r in tabled)):
        ws.column_dimensions[get_column_letter(j)].width = 10
    xlsx_layout.fit_rows(ws, 1, top)
    xlsx_layout.print_setup(ws, head[0], head[1], header_rows=None)


def _table(ws: Worksheet, headers: list[str], last: int) -> None:
    """A list sheet's look: a bold header row, frozen; its rows wrapped, at the top, in a grid."""
    for cell in ws[1]:
        cell.font, cell.fill = _BOLD, _HEAD_FILL
        if cell.column <= len(headers):
            cell.alignment, cell.border = Alignment(horizontal="center", vertical="top", wrap_text=True), xlsx_layout.GRID
    if last > 1:
        xlsx_layout.body(ws, 2, last, len(headers))
    ws.freeze_panes = "A2"


def _fit_and_print(ws: Worksheet, headers: list[str], last: int, head: tuple[str, str]) -> None:
    """Columns and rows fitted to their text and an A4 landscape page, the header row on every page."""
    letters = {h: _letter_of(headers, h) for h in headers}
    xlsx_layout.fit_columns(ws, {letters[h]: MAX_WIDTH.get(h, DEFAULT_MAX_WIDTH) for h in headers},
                            {letters[h]: w for h, w in MIN_WIDTH.items() if h in letters},
                            shrink=tuple(letters[h] for h in SHRINK if h in letters))
    xlsx_layout.fit_rows(ws, every=True)
    xlsx_layout.print_setup(ws, *head)
    ws.print_area = f"A1:{_letter_of(headers, headers[-1])}{last}"  # the table's own columns, nothing hidden


def _link(cell, url, stamps: dict | None = None) -> None:
    """A page link becomes clickable only for http(s): a crawled javascript: or data: href never does."""
    xlsx_layout.link(cell, web_url(url), stamps=stamps)


def _column(header: str) -> int:
    return HEADERS.index(header) + 1


def _letter(header: str) -> str:
    return _letter_of(HEADERS, header)


def _letter_of(headers: list[str], header: str) -> str:
    return chr(ord("A") + headers.index(header))
