"""The annual report's statistics that do not add up (report.inconsistent).

Reads the tables the crawler kept on each 政府信息公开工作年度报告 page (PageRecord.report_tables,
crawler/extract/tables.py), parses them into the national form's schema (checks/annual_report) and
checks the form's identities (checks/annual_report/identities.py): one finding per identity that
fails, naming its section, row and column and both sides. The catalog's `items` choose the
identities (default: all). A report given for 2021 or later in the 2019 form is at most a notice;
so is a figure in the text that differs from the tables (the text may count otherwise).

A report page whose tables could not be read (no table: a free-form report, a pre-2019 one, one
posted as an attachment; or cells that are not figures) gives no finding: the rule says it could
not verify it, and why. Left for later: across years (上年结转 against last year's 结转下年度),
and the report's figures against what the crawl itself counted.
"""
from __future__ import annotations

import re

from ..annual_report.identities import IDENTITIES, check, marked_table
from ..annual_report.parse import parse_report
from ..context import Context
from ..registry import rule
from ..textnorm import to_simplified

# Titles worth reading the record of (the crawler decides which pages carry tables; this only
# spares reading every page's record back).
MAYBE_REPORT = re.compile(r"年度报告|年报")
REPORT_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
NOTICE_ONLY = ("edition", "text")  # identities whose failure is at most a notice
EXAMPLES = 5


@rule("report.inconsistent", name="年报数据不一致", scope="page", severity="deduct")
def report_inconsistent(ctx: Context) -> list:
    """年报数据不一致：政府信息公开工作年度报告的统计表格勾稽关系不成立（分项之和不等于总计、第一项加第二项不等于第三项加第四项等），或与正文所述数字不符。"""
    which = tuple(i for i in (ctx.catalog.rule("report.inconsistent").items or IDENTITIES) if i in IDENTITIES)
    findings, unread, seen = [], [], 0
    for row, title in ctx.crawl.titles():
        if not MAYBE_REPORT.search(to_simplified(title or "")):
            continue
        seq = int(ctx.crawl.seqs[row])
        record = ctx.crawl.records.record(seq)
        tables = record.get("report_tables")
        if tables is None or record.get("status") != 200:
            continue
        seen += 1
        url = record.get("final_url") or record.get("url")
        name = title or "政府信息公开工作年度报告"
        if not tables:
            unread.append(f"《{name}》无统计表格（自由格式、2019年前格式或以附件发布）")
            continue
        report = parse_report(tables)
        if not report.readable:
            unread.append(f"《{name}》：{'；'.join(report.unread[:2])}")
            continue
        m = REPORT_YEAR.search(to_simplified(name))
        outcome = check(report, year=int(m.group(1)) if m else None, text=record.get("text") or "", which=which)
        for failure in outcome.failures:
            findings.append(ctx.finding(
                "report.inconsistent", category=ctx.category_of(url), url=url, title=name, target=failure.where,
                key=failure.key,
                at_most="notice" if failure.identity in NOTICE_ONLY else None,
                evidence=(f"年报《{name}》{failure.where}不一致：{failure.left_terms} = {_n(failure.left)}，"
                          f"而 {failure.right_terms}。"),
                details={"identity": failure.identity, "where": failure.where, "left": failure.left,
                         "right": failure.right, "left_terms": failure.left_terms,
                         "right_terms": failure.right_terms, "edition": report.edition,
                         "table": marked_table(report, failure)}))
        notes = report.unread + outcome.unchecked
        if notes:
            unread.append(f"《{name}》部分未核对：{'；'.join(notes[:3])}" + ("等" if len(notes) > 3 else ""))
    for note in unread[:EXAMPLES]:
        ctx.could_not_verify(f"年报数据未能核对：{note}")
    if not seen:
        ctx.could_not_verify("抓取中未发现政府信息公开工作年度报告页面，未核对年报数据")
    return findings


def _n(value: float) -> str:
    return f"{value:g}" if value != int(value) else str(int(value))
