"""The ranking across sites (通报) of `netcheck audit --sites`: ranking.json, .xlsx and .html.

All three render one ranking dict (netcheck.multisite builds it from each site's run.json),
so the notice, the spreadsheet and the machine-readable file list the same order and scores.
The dict: {'as_of', 'generated', 'sites_file', 'rules': {rule id: Chinese name},
'sites': [entry, ...] in ranking order}; an entry holds 'rank' (None for a failed audit),
'department', 'name', 'url', 'status' ('ok' or 'failed'), 'score', 'veto', 'veto_reasons', 'unreachable',
'by_rule', 'findings', 'previous_score', 'change', 'report' (relative path), 'error', and how complete
the site's run is: 'run_status' ('complete', 'partial', 'incomplete'; None for a failed audit),
'score_is_verdict', 'status_note' (the run's banner lines), 'unverified' (how many items). A run that is
not complete is listed after the ranked sites, rank None, its status beside its score: its score is
no verdict. An entry without these keys is a complete run.
"""
from __future__ import annotations

import json
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

from reports import write_atomic
from reports.htmlenv import environment
from reports.names import family_of, rule_name, run_status_name, veto_reason
from reports.table import clean_text, display_width, format_score, plain, web_url

FAILED = "失败"
NO_VALUE = "—"
# Columns before and after the one-per-rule counts; the spreadsheet and the page share them.
LEADING = ["排名", "部门", "网站", "得分", "单项否决", "单项否决原因"]
TRAILING = ["问题总数", "较上次", "报告", "说明"]
ERROR_LINES = 6  # of a failed audit's log, enough to show the exception without flooding a cell

_BOLD = Font(bold=True)
_HEAD_FILL = PatternFill("solid", fgColor="DDEBF7")
_VETO_FONT = Font(color="C62828", bold=True)
_UNRANKED_FONT = Font(color="8D6E00", bold=True)


def write_ranking(out: Path, ranking: dict) -> list[Path]:
    """Write ranking.json, ranking.xlsx and ranking.html into out; return their paths."""
    writers = {"ranking.json": write_json, "ranking.xlsx": write_xlsx, "ranking.html": write_html}
    # write_atomic takes the run writers' (path, findings, data) signature.
    return [write_atomic(Path(out) / name, lambda path, _, data, w=w: w(path, data), None, ranking)
            for name, w in writers.items()]


def write_json(path: Path, ranking: dict) -> None:
    text = json.dumps(plain(ranking), ensure_ascii=False, indent=2, allow_nan=False)
    path.write_text(text + "\n", encoding="utf-8")


def columns(rules: dict) -> dict[str, tuple[str, list[str]]]:
    """The rule columns, in the rules' order: column key → (its name, the rule ids counted in it); a family
    of rules (reports.names.RULE_FAMILIES) is one column. ranking.json keeps every id."""
    out: dict[str, tuple[str, list[str]]] = {}
    for rule, name in rules.items():
        key = family_of(rule)
        out.setdefault(key, (rule_name(key) if key != rule else name, []))[1].append(rule)
    return out


def headers(ranking: dict) -> list[str]:
    """The columns: one per rule (a family of rules: one), under its name (ranking.json keeps the ids)."""
    return LEADING + [name for name, _ in columns(ranking["rules"]).values()] + TRAILING


def unranked_status(entry: dict) -> str | None:
    """'抓取未完成' / '评判未完成' for a run whose score is no verdict; None for a ranked or failed one."""
    if entry["status"] != "ok" or entry.get("score_is_verdict", True) is not False:
        return None
    status = entry.get("run_status") or "incomplete"
    return run_status_name(status if status != "complete" else "incomplete")


def score_text(entry: dict) -> str | float | int | None:
    """The 得分 cell: the number, '失败', or the number with why it is not ranked."""
    if entry["status"] != "ok":
        return FAILED
    status = unranked_status(entry)
    if status:  # text, not a number: sorting the column in Excel must not rank it among the others
        return f"{format_score(entry['score'])}（{status}，不作排名）"
    return plain(entry["score"])


def row_values(entry: dict, rules: dict) -> list:
    """One spreadsheet/table row: plain values in headers() order."""
    failed = entry["status"] != "ok"
    by_rule = entry.get("by_rule") or {}
    return [
        entry["rank"] if entry["rank"] is not None else NO_VALUE,
        entry["department"], entry["name"],
        score_text(entry),
        NO_VALUE if failed else ("是" if entry["veto"] else "否"),
        "；".join(clean_text(veto_reason(r)) for r in entry.get("veto_reasons") or []),
        *([NO_VALUE] * len(columns(rules)) if failed else
          [sum(by_rule.get(rule, 0) for rule in ids) for _, ids in columns(rules).values()]),
        NO_VALUE if failed else entry["findings"],
        change_text(entry.get("change")),
        entry.get("report") or "",
        error_text(entry.get("error")) or note_text(entry),
    ]


def note_text(entry: dict) -> str:
    """说明 for a site whose run is not complete: why, and what it could not verify."""
    if not unranked_status(entry):
        return ""
    note = clean_text(entry.get("status_note")) or f"{unranked_status(entry)}：得分不作为结论"
    if entry.get("unverified"):
        note += f"；未核实 {entry['unverified']} 项"
    return note


def change_text(change) -> str:
    """Score change since the site's previous run: '+2.5', '-1', '0', or '—' without one."""
    if change is None:
        return NO_VALUE
    return ("+" if change > 0 else "") + format_score(change)


def error_text(error: str | None) -> str:
    if not error:
        return ""
    tail = [line for line in error.splitlines() if line.strip()][-ERROR_LINES:]
    return clean_text("审计失败：" + "\n".join(tail))


def write_xlsx(path: Path, ranking: dict) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "通报"
    head = headers(ranking)
    ws.append(head)
    for entry in ranking["sites"]:
        ws.append([clean_text(v) if isinstance(v, str) else v for v in row_values(entry, ranking["rules"])])
        row = ws.max_row
        url = web_url(entry.get("url"))
        if url:  # the site's name opens its home page
            ws.cell(row=row, column=3).hyperlink = url
        if entry.get("report"):
            cell = ws.cell(row=row, column=head.index("报告") + 1)
            cell.hyperlink, cell.value = entry["report"], "报告"  # relative: works beside the run folders
            cell.style = "Hyperlink"
        if entry.get("veto") or entry["status"] != "ok":
            ws.cell(row=row, column=head.index("单项否决") + 1).font = _VETO_FONT
        if unranked_status(entry):
            ws.cell(row=row, column=head.index("得分") + 1).font = _UNRANKED_FONT
    for cell in ws[1]:
        cell.font, cell.fill = _BOLD, _HEAD_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top", horizontal="center")
    for line in ws.iter_rows(min_row=2):
        for cell in line:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "D2"  # rank, department and site stay in view while scrolling the rule columns
    ws.auto_filter.ref = ws.dimensions
    _fit(ws, head)
    wb.save(path)


def _fit(ws, head: list[str]) -> None:
    caps = {"单项否决原因": 40, "说明": 60}
    for i, title in enumerate(head, start=1):
        values = [title.split("\n")[0]] + [ws.cell(row=r, column=i).value for r in range(2, ws.max_row + 1)]
        widest = max(display_width(line) for v in values if v is not None for line in str(v).split("\n"))
        letter = ws.cell(row=1, column=i).column_letter
        ws.column_dimensions[letter].width = max(6, min(widest + 2, caps.get(title, 30)))


def write_html(path: Path, ranking: dict) -> None:
    env = environment()
    rows = []
    for entry in ranking["sites"]:
        cells = dict(zip(LEADING + TRAILING, row_values(entry, {})))   # the cells around the rule counts
        rows.append({"entry": entry, "cells": cells, "href": web_url(entry.get("url")),
                     "reasons": [veto_reason(r) for r in entry.get("veto_reasons") or []],
                     "counts": row_values(entry, ranking["rules"])[len(LEADING):-len(TRAILING)],
                     "score": FAILED if entry["status"] != "ok" else format_score(entry["score"]),
                     "unranked": unranked_status(entry), "note": note_text(entry)})
    page = env.get_template("ranking.html.j2").render(
        as_of=ranking.get("as_of") or "", generated=ranking.get("generated") or "",
        rules=[(key, name) for key, (name, _) in columns(ranking["rules"]).items()], rows=rows, total=len(rows),
        vetoed=sum(1 for e in ranking["sites"] if e.get("veto")),
        failed=sum(1 for e in ranking["sites"] if e["status"] != "ok"),
        unranked=sum(1 for r in rows if r["unranked"]))
    path.write_text(page, encoding="utf-8")


__all__ = ["write_ranking", "write_json", "write_xlsx", "write_html", "headers", "columns", "row_values", "change_text",
           "score_text", "unranked_status"]
