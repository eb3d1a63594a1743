"""The identities a report's figures must satisfy, checked on a parsed Report.

Identity ids (the catalog's `items` for report.inconsistent choose among them):
- sub_rows:  section 三, per column: the results （一）…（六） (their numbered sub-rows where the form
             has them) add up to （七）总计.
- balance:   section 三, per column: 一 + 二 = 三（七）+ 四 (printed on the form: 第一项加第二项之和，
             等于第三项加第四项之和).
- columns:   section 三, per row: 自然人 + the five 法人或其他组织 kinds = 总计.
- review:    section 四, per group (行政复议, 未经复议直接起诉, 复议后起诉): 维持 + 纠正 + 其他 + 尚未审结 = 总计.
- text:      a figure the report's text states (TEXT_FIGURES) equals its cell.
- edition:   a report for 2021 or later is in the 2021 form.
Across years (two reports of the same office, consecutive years, found in the same crawl: across_years):
- carry_over: this year's 二、上年结转 总计 equals last year's 四、结转下年度继续办理 总计.
- in_force:  2021 form, section 二, per 规章 / 规范性文件 row: last year's 现行有效件数 + this year's
             本年制发件数 − 本年废止件数 = this year's 现行有效件数 (U: an office may also correct its count).
Against the site (checks.rules.report, with checks.annual_stats):
- against_site: section 二's 制发/新公开 and 处理决定 figures beside the items the crawl saw posted that year in
             the matching catalog category; never more than a notice (an item is not a decision).

Blanks: a blank addend (empty, &nbsp;, /, —, -) counts 0 — the form's blank is "none". A blank total
(a 总计 column or row, the result side of an identity) is "not given" when its parts are not all
0: that identity is not checked and says so, since 0 against parts that are not 0 would be a guess
about what the office meant; a row left blank throughout holds (none, adding up to none).
A cell that could not be read leaves every identity it is in unchecked. Tolerance: none (counts).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import form
from .cells import Cell, show
from .parse import Report

IDENTITIES = ("sub_rows", "balance", "columns", "review", "text", "edition", "carry_over", "in_force",
              "against_site")
# Section 二's rows that count documents in force, and the 2021 form's columns for them.
IN_FORCE_ROWS = (("规章",), ("行政规范性文件", "规范性文件"))
IN_FORCE_COLUMNS = ("本年制发件数", "本年废止件数", "现行有效件数")
# Figures a report's text states: (pattern, the cells whose sum it must equal, what it is). The
# first number the pattern captures is compared; the first match in the text counts. Words only
# the annual report's own summary uses (收到/受理/办结/答复 … 件): a new wording is a new entry.
_S3, _S4 = "三", "四"
TEXT_FIGURES = (
    (re.compile(r"(?:本年(?:度)?新收|共(?:收到|受理|接收)|全年(?:收到|受理|接收))(?:各类)?(?:政府信息公开|依申请(?:信息)?公开)?(?:政府信息)?(?:申请)?(?:共)?(\d+)\s*(?:件|个|份)"),
     ((_S3, "一", form.TOTAL),), "本年新收申请"),
    (re.compile(r"(?:共办结|办结|答复)(?:政府信息公开申请)?(?:共)?(\d+)\s*件"), ((_S3, "三（七）", form.TOTAL),), "本年办理结果总计"),
    (re.compile(r"行政复议(?:案件)?(\d+)\s*(?:起|件)"), ((_S4, "行政复议", "总计"),), "行政复议"),
    (re.compile(r"(?:行政)?诉讼(?:案件)?(\d+)\s*(?:起|件)"),
     ((_S4, "未经复议直接起诉", "总计"), (_S4, "复议后起诉", "总计")), "行政诉讼"),
)


@dataclass(frozen=True)
class Failure:
    """One identity that does not hold: where (section, row, column as the form names them), the
    two sides' figures and how each was made."""

    identity: str
    where: str
    left: float
    right: float
    left_terms: str
    right_terms: str
    section: str = ""  # the section whose cells these are: '二', '三', '四' ('' for the text and the edition)
    marks: tuple[tuple[str, str], ...] = ()  # the (row key, column) cells of the identity

    @property
    def key(self) -> str:
        return f"{self.identity}:{self.where}"


@dataclass
class Outcome:
    failures: list[Failure]
    checked: int  # identities checked
    unchecked: list[str]  # identities not checked, and why


def _value(cell: Cell | None, total: bool) -> float | None:
    """A cell's figure for a sum: a blank addend is 0; a blank total, a missing or unreadable cell: None."""
    if cell is None or not cell.readable:
        return None
    if cell.blank:
        return None if total else 0.0
    return cell.value


def check(report: Report, *, year: int | None = None, text: str = "", which=IDENTITIES) -> Outcome:
    out = Outcome([], 0, [])
    s3 = report.s3

    def equal(identity, where, parts: list[tuple[str, Cell | None]], total: tuple[str, Cell | None],
              right_parts: list[tuple[str, Cell | None]] | None = None, totals: bool = False,
              section: str = "", marks: list[tuple[str, str]] = ()):
        """`totals`: the terms are themselves totals (the 总计 column), so a blank one is not given.
        `section`, `marks`: the cells the identity reads, for showing them marked in their table."""
        if identity not in which:
            return
        lefts = [_value(c, totals) for _, c in parts]
        rights = [_value(c, True) for _, c in right_parts] if right_parts else [_value(total[1], True)]
        if right_parts:  # both sides sums of addends (balance): blanks are 0, a missing row is not
            rights = [_value(c, totals) for _, c in right_parts]
        if not right_parts and rights == [None] and total[1] is not None and total[1].blank \
                and all(v == 0 for v in lefts):
            rights = [0.0]  # a row or group left empty throughout: none, and nothing to add up
        if any(v is None for v in lefts + rights):
            missing = [n for (n, c), v in zip(parts + (right_parts or [total]), lefts + rights) if v is None]
            out.unchecked.append(f"{where}：{'、'.join(missing)} 未填写或无法读取，未核对")
            return
        out.checked += 1
        left, right = sum(lefts), sum(rights)
        if abs(left - right) > 1e-6:
            terms = lambda ps, vs: " + ".join(f"{n} {show(v)}" for (n, _), v in zip(ps, vs))  # noqa: E731
            out.failures.append(Failure(identity, where, left, right, terms(parts, lefts),
                                        terms(right_parts, rights) if right_parts else f"{total[0]} {show(right)}",
                                        section, tuple(marks)))

    def total3(row: str) -> Cell | None:
        """A row's 总计 cell; blank with every applicant cell blank or 0, it is a 0 that was left out."""
        cell = s3.get((row, form.TOTAL))
        if cell is not None and cell.blank and all(
                (c := s3.get((row, a))) is not None and (c.blank or c.value == 0) for a in form.APPLICANTS):
            return Cell(cell.raw, 0.0)
        return cell

    def at(row: str, col: str) -> Cell | None:
        return total3(row) if col == form.TOTAL else s3.get((row, col))

    rows = {k for k, _ in s3}
    if s3:
        leaves = _result_leaves(rows)
        for col in form.COLUMNS3:
            if not any((r, col) in s3 for r in rows):
                continue
            equal("sub_rows", f"第三部分“{col}”列：（一）至（六）之和与（七）总计",
                  [(_row_label(r), at(r, col)) for r in leaves], ("（七）总计", at("三（七）", col)), totals=col == form.TOTAL,
                  section="三", marks=[(r, col) for r in (*leaves, "三（七）")])
            equal("balance", f"第三部分“{col}”列：一＋二与三（七）＋四",
                  [("一", at("一", col)), ("二", at("二", col))], ("", None),
                  [("三（七）", at("三（七）", col)), ("四", at("四", col))], totals=col == form.TOTAL,
                  section="三", marks=[(r, col) for r in ("一", "二", "三（七）", "四")])
        for r in [k for k in form.ROWS3 if k in rows]:
            if (r, form.TOTAL) not in s3:
                continue
            equal("columns", f"第三部分“{form.ROWS3[r]}”行：各类申请人之和与总计",
                  [(a, s3.get((r, a))) for a in form.APPLICANTS], ("总计", total3(r)),
                  section="三", marks=[(r, c) for c in form.COLUMNS3])
    for group in form.GROUPS4:
        if not any((group, k) in report.s4 for k in form.KINDS4):
            continue
        equal("review", f"第四部分“{group}”：维持＋纠正＋其他＋尚未审结与总计",
              [(k, report.s4.get((group, k))) for k in form.KINDS4[:4]], ("总计", report.s4.get((group, "总计"))),
              section="四", marks=[(group, k) for k in form.KINDS4])

    if "text" in which and text:
        _text_figures(report, text, out)
    if "edition" in which and year and year >= 2021 and report.edition == "2019":
        out.failures.append(Failure("edition", f"{year}年度报告使用2019年版格式", 2019, 2021,
                                    "所用格式 2019年版", "应用格式 2021年版（国办公开办函〔2021〕30号）"))
    return out


def _row_label(key: str) -> str:
    """A section 三 row's label; a group the form gives only numbered sub-rows (（三）不予公开) by their group's words."""
    return form.ROWS3.get(key) or next(v.split(" ")[0] for k, v in form.ROWS3.items() if k.startswith(key))


def _result_leaves(rows: set[str]) -> list[str]:
    """The result rows that add up to （七）: each group's numbered sub-rows, else the group's own row."""
    leaves = []
    for g in form.RESULT_GROUPS:
        head = f"三（{g}）"
        subs = [k for k in form.ROWS3 if k.startswith(head) and k != head and k in rows]
        leaves += subs or [head]
    return leaves


def _stated_total(report: Report, section: str, row: str, col: str) -> float | None:
    """A total cell's figure for a text identity: a blank total whose row (section 三) or group (四) is
    blank or 0 throughout is 0 (none, as a row left blank holds); else as _value (blank: not given)."""
    cells = report.s3 if section == _S3 else report.s4
    cell = cells.get((row, col))
    if cell is None:
        return None
    parts = form.APPLICANTS if section == _S3 else form.KINDS4[:4]
    if cell.blank and all((c := cells.get((row, k))) is not None and c.readable and (c.blank or c.value == 0)
                          for k in parts):
        return 0.0
    return _value(cell, True)


def _text_figures(report: Report, text: str, out: Outcome) -> None:
    for pattern, cells, what in TEXT_FIGURES:
        m = pattern.search(text)
        if not m:
            continue
        values = [_stated_total(report, section, row, col) for section, row, col in cells]
        if any(v is None for v in values):
            continue
        out.checked += 1
        stated, table = float(m.group(1)), sum(values)
        if abs(stated - table) > 1e-6:
            named = "＋".join(f"{form.ROWS3.get(r, r)}/{c}" for _, r, c in cells)
            out.failures.append(Failure("text", f"正文所述“{what}”与表格", stated, table,
                                        f"正文“{m.group(0)}” {show(stated)}", f"表格“{named}” {show(table)}"))


def marked_table(report: Report, failure: Failure) -> dict | None:
    """The section a failed identity reads, as printed (each cell's words), with its cells marked:
    {'section', 'columns', 'rows': [{'label', 'cells'}], 'marked': [[row index, column index], …]};
    None for an identity of no section (the text, the edition)."""
    if failure.section == "三":
        cells, keys, columns = report.s3, [k for k in form.ROWS3 if any((k, c) in report.s3 for c in form.COLUMNS3)], \
            list(form.COLUMNS3)
        labels = {k: form.ROWS3[k] for k in keys}
    elif failure.section == "四":
        cells, keys, columns = report.s4, [g for g in form.GROUPS4 if any((g, c) in report.s4 for c in form.KINDS4)], \
            list(form.KINDS4)
        labels = {k: k for k in keys}
    elif failure.section == "二":  # its rows in the order read; columns: every row's, in the order first seen
        cells, keys, columns = report.s2, list(dict.fromkeys(r for r, _ in report.s2)), \
            list(dict.fromkeys(c for _, c in report.s2))
        labels = {k: k for k in keys}
    else:
        return None
    rows = [{"label": labels[k], "cells": [_shown(cells.get((k, c))) for c in columns]} for k in keys]
    marked = [[keys.index(r), columns.index(c)] for r, c in failure.marks if r in keys and c in columns]
    return {"section": failure.section, "columns": columns, "rows": rows, "marked": marked}


def _shown(cell: Cell | None) -> str:
    return "" if cell is None else (cell.raw or "")


def across_years(last: Report, this: Report, year: int, which=IDENTITIES) -> Outcome:
    """The identities between an office's report for `year` and its report for the year before."""
    out = Outcome([], 0, [])
    if "carry_over" in which:
        now, before = this.s3.get(("二", form.TOTAL)), last.s3.get(("四", form.TOTAL))
        left, right = _value(now, True), _value(before, True)
        if left is None or right is None:
            out.unchecked.append(f"{year}年“二、上年结转”与{year - 1}年“四、结转下年度继续办理”的总计未填写或无法读取，未核对")
        else:
            out.checked += 1
            if abs(left - right) > 1e-6:
                out.failures.append(Failure(
                    "carry_over", f"{year}年“二、上年结转”与{year - 1}年“四、结转下年度继续办理”（总计）", left, right,
                    f"{year}年上年结转 {show(left)}", f"{year - 1}年结转下年度继续办理 {show(right)}",
                    "三", (("二", form.TOTAL),)))
    if "in_force" in which and this.edition == "2021" and last.edition == "2021":
        for names in IN_FORCE_ROWS:
            now = _s2_row(this, names)
            before = _s2_row(last, names)
            if now is None or before is None:
                continue
            made, ended, held = (_value(now.get(c), True) for c in IN_FORCE_COLUMNS)
            held_before = _value(before.get(IN_FORCE_COLUMNS[2]), True)
            if None in (made, ended, held, held_before):
                out.unchecked.append(f"第二部分“{names[0]}”的制发、废止或现行有效件数未填写或无法读取，未核对跨年度件数")
                continue
            out.checked += 1
            expected = held_before + made - ended
            if abs(expected - held) > 1e-6:
                out.failures.append(Failure(
                    "in_force", f"第二部分“{names[0]}”：{year - 1}年现行有效＋{year}年制发－废止与{year}年现行有效",
                    expected, held, f"{year - 1}年现行有效 {show(held_before)} + 制发 {show(made)} − 废止 {show(ended)}",
                    f"{year}年现行有效 {show(held)}"))
    return out


def _s2_row(report: Report, names: tuple[str, ...]) -> dict | None:
    """Section 二's cells of the first row named one of `names`, column → cell; None without it."""
    for name in names:
        row = {col: cell for (label, col), cell in report.s2.items() if label == name}
        if row:
            return row
    return None
