"""rectification.xlsx: the 整改清单, a summary sheet and one sheet per responsible office.

Each office gets its own sheet so the list can be forwarded as is; the 状态 column
is left blank for the office to fill in when it reports back (`netcheck import-status`
reads it back into the run history). The summary sheet says first how complete the run
is; what the run could not verify is listed on a last sheet, 未核实 (only when there is
something to list), which is no office's and has no 状态 to fill in.
"""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.worksheet import Worksheet

from checks.findings import SEVERITIES
from reports import completeness
from reports.names import NO_DEPARTMENT, OUTCOME_NAMES, VETO, rule_name, severity_name
from reports.table import (as_date, clean_text, crosstab, department, display_width, format_score,
                           page_url, plain, records, web_url)

SUMMARY = "汇总"
UNVERIFIED = "未核实"  # the last sheet: not an office's, nothing to fill in
UNVERIFIED_HEADERS = ["序号", "类型", "问题类型", "规则编号", "栏目", "页面链接", "标题", "原因"]
UNVERIFIED_KINDS = {"skipped": "本次未核实", "error": "规则运行出错", "earlier": "此前问题未能复核"}
STATUS = "状态"
# The finding's fingerprint, in a hidden last column: `netcheck import-status` maps the office's
# 状态 back to its finding by it, however the office sorted or trimmed the sheet.
FINGERPRINT = "编号"
HEADERS = ["序号", "问题类型", "问题描述", "栏目", "页面链接", "发现日期", "整改时限",
           "严重程度", "扣分", "依据", STATUS, FINGERPRINT]
STATUS_CHOICES = ("已整改", "整改中", "暂无法整改")
DATE_FORMAT = "yyyy-mm-dd"
# Long free text wraps inside a capped width instead of stretching the sheet off-screen.
MAX_WIDTH = {"问题描述": 60, "页面链接": 50, "依据": 40}
DEFAULT_MAX_WIDTH = 30
# The office writes into 状态, so it needs room even while empty.
MIN_WIDTH = {"状态": 12}
SEVERITY_COLOURS = {"veto": "C62828", "deduct": "EF6C00"}

_BOLD = Font(bold=True)
_HEAD_FILL = PatternFill("solid", fgColor="DDEBF7")
_TOP = Alignment(vertical="top", wrap_text=True)
_BANNER_FONT = Font(bold=True, color="9C0006")
_BANNER_FILL = PatternFill("solid", fgColor="FFC7CE")
_PARTIAL_FILL = PatternFill("solid", fgColor="FFEB9C")
# Excel refuses these in sheet names; 'History' is reserved by Excel itself.
_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
_RESERVED = {"history"}


def write_rectification(path: Path, findings: pd.DataFrame, run: dict) -> None:
    rows = records(findings)
    wb = Workbook()
    summary = wb.active
    summary.title = SUMMARY
    offices = sorted({department(r) for r in rows})
    names = sheet_names(offices, taken=(SUMMARY, UNVERIFIED))
    unchecked = completeness.unverified(run)
    earlier = completeness.not_reverified(run)
    _write_summary(summary, rows, run, names, has_unverified=bool(unchecked or earlier))
    for office in offices:
        _write_office(wb.create_sheet(names[office]), [r for r in rows if department(r) == office])
    if unchecked or earlier:
        _write_unverified(wb.create_sheet(UNVERIFIED), unchecked, earlier)
    wb.save(path)


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


def _write_office(ws: Worksheet, rows: list[dict]) -> None:
    ws.append(HEADERS)
    for i, row in enumerate(rows, start=1):
        ws.append([i, rule_name(row["rule"]), clean_text(row.get("evidence")),
                   clean_text(row.get("category")), clean_text(page_url(row)),
                   as_date(row.get("detected_on")), as_date(row.get("deadline")),
                   severity_name(row.get("severity")), plain(row.get("points")),
                   clean_text(row.get("basis")), None, clean_text(row.get("fingerprint"))])
        colour = SEVERITY_COLOURS.get(row.get("severity"))
        if colour:
            ws.cell(row=i + 1, column=HEADERS.index("严重程度") + 1).font = Font(bold=True, color=colour)
        link_cell = ws.cell(row=i + 1, column=HEADERS.index("页面链接") + 1)
        href = web_url(page_url(row))
        if href:
            link_cell.hyperlink = href
            link_cell.style = "Hyperlink"
    for col in ("发现日期", "整改时限"):
        for cell in ws[_letter(col)][1:]:
            cell.number_format = DATE_FORMAT
    last = len(rows) + 1
    status_col = _letter("状态")
    choices = DataValidation(type="list", formula1='"' + ",".join(STATUS_CHOICES) + '"',
                             allow_blank=True)
    ws.add_data_validation(choices)
    choices.add(f"{status_col}2:{status_col}{max(last, 2)}")
    _style_table(ws, 1, last)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{_letter(STATUS)}{last}"  # the visible columns
    _fit_columns(ws, {_letter(h): MAX_WIDTH.get(h, DEFAULT_MAX_WIDTH) for h in HEADERS},
                 {_letter(h): w for h, w in MIN_WIDTH.items()})
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"
    ws.column_dimensions[_letter(FINGERPRINT)].hidden = True


def _write_summary(ws: Worksheet, rows: list[dict], run: dict, names: dict[str, str],
                   has_unverified: bool = False) -> None:
    ws.append(["整改清单汇总"])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append(["检查状态", completeness.status_name(run)])
    ws.cell(row=ws.max_row, column=1).font = _BOLD
    banner_rows = _status_rows(ws, run, has_unverified)
    veto = bool(run.get("veto"))
    facts = [
        ("站点", clean_text(run.get("site"))),
        ("检查日期", as_date(run.get("as_of"))),
        (completeness.score_label(run),
         plain(run.get("score")) if run.get("score") is not None else format_score(None)),
        (VETO, "是" if veto else "否"),
        ("单项否决原因", "；".join(clean_text(r) for r in run.get("veto_reasons") or []) or "—"),
        ("目录", clean_text((run.get("catalog") or {}).get("name"))),
        ("页面数", plain((run.get("counts") or {}).get("pages"))),
        ("问题总数", len(rows)),
    ]
    outcomes = completeness.outcome_counts(run)
    if outcomes:
        facts.append(("检查项结果", " · ".join(f"{OUTCOME_NAMES[k]} {n}" for k, n in outcomes.items())))
    if has_unverified or outcomes:
        facts.append(("未核实", len(completeness.unverified(run))))
    if run.get("not_reverified") or (run.get("history") or {}).get("unverified"):
        facts.append(("此前问题未能复核", completeness.not_reverified_count(run)))
    at = {}
    for label, value in facts:
        ws.append([label, value])
        ws.cell(row=ws.max_row, column=1).font = _BOLD
        at[label] = ws.max_row
    ws.cell(row=at["检查日期"], column=2).number_format = DATE_FORMAT
    if web_url(run.get("site")):
        ws.cell(row=at["站点"], column=2).hyperlink = run["site"]
    for label in ("未核实", "此前问题未能复核"):
        if has_unverified and label in at:
            _sheet_link(ws.cell(row=at[label], column=2), UNVERIFIED)
    ws.append([])
    if not rows:
        ws.append(["未发现问题"])
        ws.cell(row=ws.max_row, column=1).font = Font(bold=True, color="007A33")
    else:
        _count_table(ws, "按科室统计", ["科室"], crosstab(rows, department),
                     lambda office: [office], links=names)
        ws.append([])
        _count_table(ws, "按问题类型统计", ["问题类型", "规则编号"],
                     crosstab(rows, lambda r: r["rule"]), lambda rule: [rule_name(rule), rule])
    _fit_columns(ws, {"A": 16, "B": 60})
    _fit_banner_rows(ws, banner_rows)


def _status_rows(ws: Worksheet, run: dict, has_unverified: bool) -> list[int]:
    """Under 检查状态, a run that is not complete says so in merged, wrapped rows; their numbers."""
    lines = completeness.banners(run)
    if not lines:
        return []
    lines = [f"{completeness.status_name(run)}：本次结果不完整，得分不作为结论，不参与排名"] + lines
    if has_unverified:
        lines.append(f"未能核实的内容见工作表“{UNVERIFIED}”")
    fill = _PARTIAL_FILL if completeness.run_status(run) == completeness.PARTIAL else _BANNER_FILL
    out = []
    for text in lines:
        ws.append([clean_text(text)])
        row = ws.max_row
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
        cell = ws.cell(row=row, column=1)
        cell.font, cell.fill, cell.alignment = _BANNER_FONT, fill, _TOP
        out.append(row)
    if has_unverified:
        _sheet_link(ws.cell(row=out[-1], column=1), UNVERIFIED)
        ws.cell(row=out[-1], column=1).font = _BANNER_FONT  # the link style would drop the banner's font
    return out


def _fit_banner_rows(ws: Worksheet, rows: list[int]) -> None:
    # Excel does not grow a merged row to its wrapped text: give it the lines it needs.
    width = sum(ws.column_dimensions[c].width or 10 for c in "AB") - 2
    for row in rows:
        text = str(ws.cell(row=row, column=1).value or "")
        lines = max(1, -(-display_width(text) // int(width)))
        ws.row_dimensions[row].height = 16 * lines + 2


def _sheet_link(cell, sheet: str) -> None:
    """An in-workbook jump to a sheet's top, not an external link."""
    cell.hyperlink = Hyperlink(ref=cell.coordinate, location=f"'{sheet}'!A1")
    cell.style = "Hyperlink"


def _write_unverified(ws: Worksheet, unchecked: list[dict], earlier: list[dict]) -> None:
    """What the run could not verify, then the earlier findings it could not check again (still open)."""
    ws.append(UNVERIFIED_HEADERS)
    n = 0
    for u in unchecked:
        n += 1
        ws.append([n, UNVERIFIED_KINDS.get(u["outcome"], UNVERIFIED_KINDS["skipped"]), u["name"], u["rule"],
                   u["category"] or "全站", None, None, u["reason"]])
    for u in earlier:
        n += 1
        ws.append([n, UNVERIFIED_KINDS["earlier"], u["name"], u["rule"], u["category"], u["url"], u["title"],
                   f"{u['reason']}（仍按未整改计，未销号）"])
        if u["href"]:
            cell = ws.cell(row=ws.max_row, column=UNVERIFIED_HEADERS.index("页面链接") + 1)
            cell.hyperlink, cell.style = u["href"], "Hyperlink"
    _style_table(ws, 1, n + 1)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{chr(ord('A') + len(UNVERIFIED_HEADERS) - 1)}{n + 1}"
    _fit_columns(ws, {"C": 20, "E": 20, "F": 50, "G": 40, "H": 60})


def _count_table(ws: Worksheet, title: str, key_headers: list[str], table: dict, label,
                 links: dict[str, str] | None = None) -> None:
    """A key × severity table with a 合计 column and a 合计 row."""
    ws.append([title])
    ws.cell(row=ws.max_row, column=1).font = _BOLD
    ws.append(key_headers + [severity_name(s) for s in SEVERITIES] + ["合计"])
    head = ws.max_row
    totals = [0] * (len(SEVERITIES) + 1)
    for key in sorted(table):
        counts = [table[key].get(s, 0) for s in SEVERITIES]
        counts.append(sum(counts))
        totals = [a + b for a, b in zip(totals, counts)]
        ws.append(label(key) + counts)
        if links and key in links:
            _sheet_link(ws.cell(row=ws.max_row, column=1), links[key])
    ws.append(["合计"] + [None] * (len(key_headers) - 1) + totals)
    for cell in ws[ws.max_row]:
        cell.font = _BOLD
    _style_table(ws, head, head, wrap=False)


def _style_table(ws: Worksheet, head: int, last: int, wrap: bool = True) -> None:
    for cell in ws[head]:
        if cell.value is not None:  # the row spans the sheet's widest table; style only ours
            cell.font, cell.fill = _BOLD, _HEAD_FILL
    if wrap:
        for line in ws.iter_rows(min_row=head + 1, max_row=last):
            for cell in line:
                cell.alignment = _TOP


def _fit_columns(ws: Worksheet, caps: dict[str, int], floors: dict[str, int] | None = None) -> None:
    widths: dict[str, int] = {}
    for line in ws.iter_rows():
        for cell in line:
            if cell.value is None:
                continue
            text = cell.value.isoformat() if hasattr(cell.value, "isoformat") else cell.value
            widest = max(display_width(part) for part in str(text).split("\n"))
            widths[cell.column_letter] = max(widths.get(cell.column_letter, 0), widest)
    floors = floors or {}
    for letter, width in widths.items():
        width = min(width + 2, caps.get(letter, DEFAULT_MAX_WIDTH))
        ws.column_dimensions[letter].width = max(6, floors.get(letter, 0), width)


def _letter(header: str) -> str:
    return chr(ord("A") + HEADERS.index(header))
