"""The 汇总 sheet of the 整改清单: how complete the run is, the verdict and its arithmetic, where the
findings stand against the previous round, and the counts per office and per kind of problem.

It prints on one A4 landscape page: the facts across the top, the two count tables side by side
under them (per office on the left, per kind of problem on the right). The per-kind table has the
points each kind actually took (扣分值, after any cap), whose 合计 is the 扣分合计 fact, and
100 − 扣分合计 is the score.
"""
from __future__ import annotations

from openpyxl.styles import Alignment, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from checks.findings import SEVERITIES
from reports import completeness, xlsx_layout
from reports.names import OUTCOME_NAMES, VETO, family_of, rule_name, severity_name, veto_reason
from reports.runrecord import RunRecord
from reports.status import STATUS_NAMES, overdue
from reports.table import as_date, clean_text, crosstab, department, format_score, plain, web_url

TITLE = "整改清单汇总"
DEDUCTED = "扣分合计"
COUNTS = [severity_name(s) for s in SEVERITIES] + ["合计"]
OFFICE_COL, RULE_COL = 1, 7  # the two count tables: A–E per office, G–L per kind of problem
LAST_COL = RULE_COL + len(COUNTS) + 1  # L: the per-kind table's 扣分值
DATE_FORMAT = "yyyy-mm-dd"

_BOLD = xlsx_layout.font(bold=True)
_HEAD_FILL = PatternFill("solid", fgColor="DDEBF7")
_TOP = Alignment(vertical="top", wrap_text=True)
_BANNER_FONT = xlsx_layout.font(bold=True, color="9C0006")
_BANNER_FILL = PatternFill("solid", fgColor="FFC7CE")
_PARTIAL_FILL = PatternFill("solid", fgColor="FFEB9C")


def write_summary(ws: Worksheet, rows: list[dict], run: RunRecord, names: dict[str, str], sheets: dict[str, str],
                  has_unverified: bool = False) -> None:
    """`names`: office → its sheet; `sheets`: 'fixed'/'unverified' → that sheet's name, when written."""
    ws.append([TITLE])
    ws["A1"].font = xlsx_layout.font(bold=True, size=14)
    _fact(ws, "检查状态", completeness.status_name(run))
    _status_rows(ws, run, sheets.get("unverified") if has_unverified else None)
    at = {}
    for label, value in _facts(rows, run):
        at[label] = _fact(ws, label, value)
    ws.cell(row=at["检查日期"], column=2).number_format = DATE_FORMAT
    xlsx_layout.link(ws.cell(row=at["站点"], column=2), web_url(run.site), wraps=False)  # one line wide
    for label in ("未核实", "此前问题未能复核"):
        if "unverified" in sheets and label in at:
            _sheet_link(ws.cell(row=at[label], column=2), sheets["unverified"])
    if "fixed" in sheets and "与上次比较" in at:
        _sheet_link(ws.cell(row=at["与上次比较"], column=2), sheets["fixed"])
    top = ws.max_row + 2  # a blank row under the facts
    if not rows:
        ws.cell(row=top, column=1, value="未发现问题").font = xlsx_layout.font(bold=True, color="007A33")
    else:
        end = _count_table(ws, top, OFFICE_COL, "按科室统计", "科室", crosstab(rows, department), lambda k: k,
                           links=names)
        deducted: dict[str, float] = {}  # per kind; a family of rules (the a11y.* checks) is one kind
        for rule, row in breakdown(rows, run).items():
            deducted[family_of(rule)] = deducted.get(family_of(rule), 0) + row["deducted"]
        end = max(end, _count_table(ws, top, RULE_COL, "按问题类型统计", "问题类型",
                                    crosstab(rows, lambda r: family_of(r["rule"])), rule_name,
                                    extra=("扣分值", deducted)))
        for note in _notes(rows, run):
            end += 1
            cell = ws.cell(row=end, column=1, value=note)
            ws.merge_cells(start_row=end, start_column=1, end_row=end, end_column=LAST_COL)
            cell.alignment = _TOP
    xlsx_layout.fit_columns(ws, caps={"A": 28, "G": 24}, default_cap=12,
                            floors={get_column_letter(c): 8 for c in range(2, LAST_COL + 1) if c != RULE_COL}
                            | {"A": 14, "G": 14}, skip_rows=(1,))
    ws.column_dimensions["F"].width = 3  # the gap between the two tables
    xlsx_layout.fit_rows(ws)
    xlsx_layout.print_setup(ws, TITLE, clean_text(run.site), header_rows=None, one_page=True)


def _facts(rows: list[dict], run: RunRecord) -> list[tuple[str, object]]:
    facts = [
        ("站点", clean_text(run.site)),
        ("检查日期", as_date(run.as_of)),
        (completeness.score_label(run), plain(run.score) if run.score is not None else format_score(None)),
        (DEDUCTED, deducted_total(rows, run)),
        (VETO, "是" if run.veto else "否"),
        ("单项否决原因", "；".join(clean_text(veto_reason(r)) for r in run.veto_reasons) or "—"),
        ("目录", clean_text(run.catalog.name)),
        ("页面数", plain(run.counts.pages)),
        ("问题总数", len(rows)),
    ]
    outcomes = completeness.outcome_counts(run)
    if outcomes:
        facts.append(("检查项结果", " · ".join(f"{OUTCOME_NAMES[k]} {n}" for k, n in outcomes.items())))
    if completeness.unverified(run) or completeness.not_reverified(run) or outcomes:
        facts.append(("未核实", len(completeness.unverified(run))))
    history = run.history
    if run.not_reverified or (history and history.unverified):
        facts.append(("此前问题未能复核", completeness.not_reverified_count(run)))
    previous = history.previous_run if history else None
    if previous:
        facts.append(("上次检查", f"{previous.as_of}（{completeness.SCORE} {format_score(previous.score)}）"))
        late = sum(1 for r in rows if overdue(r, run.as_of))
        count = lambda v: 0 if v is None else v
        facts.append(("与上次比较", f"{STATUS_NAMES['new']} {count(history.new)} · "
                                   f"{STATUS_NAMES['persisting']} {count(history.persisting)}"
                                   f"（其中{STATUS_NAMES['overdue']} {late}） · "
                                   f"已整改（销号） {count(history.fixed)}"))
    return facts


def breakdown(rows: list[dict], run: RunRecord) -> dict[str, dict]:
    """Per rule: the points its findings carry (`points`) and what the score took (`deducted`, after
    any cap), as scoring worked them out (run.breakdown); for a run.json without it, from the
    findings: a deducting finding's points, no cap."""
    if run.breakdown:
        return {rule: {"points": float(row.points or 0), "deducted": float(row.deducted or 0)}
                for rule, row in run.breakdown.items()}
    out: dict[str, dict] = {}
    for r in rows:
        row = out.setdefault(r["rule"], {"points": 0.0, "deducted": 0.0})
        if r.get("severity") == "deduct":
            row["points"] += float(r.get("points") or 0)
            row["deducted"] = row["points"]
    return out


def deducted_total(rows: list[dict], run: RunRecord) -> float:
    """The points the score lost: the per-kind 扣分值 summed (a cap already applied)."""
    return round(sum(row["deducted"] for row in breakdown(rows, run).values()), 2)


def _notes(rows: list[dict], run: RunRecord) -> list[str]:
    """What the per-kind 扣分值 does not say by itself: caps, how the score follows from it, and a
    site that could not be scored."""
    out = []
    for rule, row in sorted(breakdown(rows, run).items()):
        if row["points"] > row["deducted"]:
            out.append(f"注：{rule_name(rule)}各项扣分合计 {format_score(row['points'], 2)} 分，"
                       f"封顶按 {format_score(row['deducted'], 2)} 分计。")
    score, total = plain(run.score), deducted_total(rows, run)
    if "site.unreachable" in run.counts.by_rule:
        out.append("注：网站无法访问，未能检查，得分记 0 分。")
    elif isinstance(score, (int, float)) and abs(100 - total - score) < 0.005:
        out.append(f"注：{completeness.SCORE} = 100 − {DEDUCTED} {format_score(total, 2)} = {format_score(score, 2)}；"
                   f"{severity_name('notice')}不扣分，{VETO}不按分值计。")
    return out


def _fact(ws: Worksheet, label: str, value) -> int:
    """A label in column A, its value across the rest of the sheet's width; the row's number."""
    ws.append([label, value])
    row = ws.max_row
    ws.cell(row=row, column=1).font = _BOLD
    ws.cell(row=row, column=1).alignment = _TOP
    ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=LAST_COL)
    cell = ws.cell(row=row, column=2)
    cell.alignment = Alignment(horizontal="left", vertical="top", wrap_text=True)
    return row


def _status_rows(ws: Worksheet, run: RunRecord, unverified_sheet: str | None) -> None:
    """Under 检查状态, a run that is not complete says so in merged, wrapped rows."""
    lines = completeness.banners(run)
    if not lines:
        return
    lines = [f"{completeness.status_name(run)}：本次结果不完整，得分不作为结论，不参与排名"] + lines
    if unverified_sheet:
        lines.append(f"未能核实的内容见工作表“{unverified_sheet}”")
    fill = _PARTIAL_FILL if completeness.run_status(run) == completeness.PARTIAL else _BANNER_FILL
    for text in lines:
        ws.append([clean_text(text)])
        row = ws.max_row
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=LAST_COL)
        cell = ws.cell(row=row, column=1)
        cell.font, cell.fill, cell.alignment = _BANNER_FONT, fill, _TOP
    if unverified_sheet:
        _sheet_link(ws.cell(row=ws.max_row, column=1), unverified_sheet)
        ws.cell(row=ws.max_row, column=1).font = _BANNER_FONT  # the link's font would drop the banner's


def _count_table(ws: Worksheet, top: int, col: int, title: str, key_header: str, table: dict, label,
                 links: dict[str, str] | None = None, extra: tuple[str, dict] | None = None) -> int:
    """A key × severity table with a 合计 column and a 合计 row, from (top, col); its last row.
    `extra`: (header, key → number), one more column, summed in the 合计 row too."""
    ws.cell(row=top, column=col, value=title).font = _BOLD
    headers = [key_header] + COUNTS + ([extra[0]] if extra else [])
    for i, text in enumerate(headers):
        cell = ws.cell(row=top + 1, column=col + i, value=text)
        cell.font, cell.fill = _BOLD, _HEAD_FILL
        cell.alignment = Alignment(horizontal="center", vertical="top", wrap_text=True)
    row = top + 1
    totals = [0.0] * (len(headers) - 1)
    for key in sorted(table):
        counts = [table[key].get(s, 0) for s in SEVERITIES]
        counts.append(sum(counts))
        if extra:
            counts.append(plain(extra[1].get(key)) or 0)
        totals = [a + b for a, b in zip(totals, counts)]
        row += 1
        _put(ws, row, col, [label(key)] + counts)
        if links and key in links:
            _sheet_link(ws.cell(row=row, column=col), links[key])
    row += 1
    totals = [int(t) if i < len(COUNTS) else round(t, 2) for i, t in enumerate(totals)]
    _put(ws, row, col, ["合计"] + totals)
    for i in range(len(headers)):
        ws.cell(row=row, column=col + i).font = _BOLD
    xlsx_layout.grid(ws, top + 1, row, len(headers), start=col)
    return row


def _put(ws: Worksheet, row: int, col: int, values: list) -> None:
    for i, value in enumerate(values):
        cell = ws.cell(row=row, column=col + i, value=value)
        cell.alignment = _TOP


def _sheet_link(cell, sheet: str) -> None:
    """An in-workbook jump to a sheet's top, not an external link."""
    xlsx_layout.link(cell, sheet=sheet)


__all__ = ["write_summary", "breakdown", "deducted_total", "TITLE", "DEDUCTED"]
