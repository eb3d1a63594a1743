"""The annual report's statistics that do not add up (report.inconsistent).

Reads the tables the crawler kept on each 政府信息公开工作年度报告 page (PageRecord.report_tables,
crawler/extract/tables.py), parses them into the national form's schema (checks/annual_report) and
checks the form's identities (checks/annual_report/identities.py): one finding per identity that
fails, naming its section, row and column and both sides. The catalog's `items` choose the
identities (default: all). A report given for 2021 or later in the 2019 form is at most a notice;
so is a figure in the text that differs from the tables (the text may count otherwise).

A report page whose tables could not be read (no table: a free-form report, a pre-2019 one, one
posted as an attachment; or cells that are not figures) gives no finding: the rule says it could
not verify it, and why. Across years, an office's two reports of consecutive years found in the
same crawl (their titles alike but for the year) are held against each other too (carry_over,
in_force: notices). Left for later: the report's figures against what the crawl itself counted.
"""
from __future__ import annotations

import re

from ..annual_report.identities import IDENTITIES, across_years, check, marked_table
from ..annual_report.parse import parse_report
from ..context import Context
from ..registry import rule
from ..textnorm import to_simplified

# Titles worth reading the record of (the crawler decides which pages carry tables; this only
# spares reading every page's record back).
MAYBE_REPORT = re.compile(r"年度报告|年报")
REPORT_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
NOTICE_ONLY = ("edition", "text", "carry_over", "in_force")  # identities whose failure is at most a notice
EXAMPLES = 5


@rule("report.inconsistent", name="年报数据不一致", scope="page", severity="deduct")
def report_inconsistent(ctx: Context) -> list:
    """年报数据不一致：政府信息公开工作年度报告的统计表格勾稽关系不成立（分项之和不等于总计、第一项加第二项不等于第三项加第四项等），或与正文所述数字不符。"""
    which = tuple(i for i in (ctx.catalog.rule("report.inconsistent").items or IDENTITIES) if i in IDENTITIES)
    findings, unread, seen = [], [], 0
    by_office: dict[str, dict[int, tuple]] = {}  # a report's title without its year → year → its report
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
        year = int(m.group(1)) if m else None
        outcome = check(report, year=year, text=record.get("text") or "", which=which)
        findings += [_finding(ctx, url, name, report, failure) for failure in outcome.failures]
        if year:
            by_office.setdefault(office_key(name), {})[year] = (url, name, report)
        notes = report.unread + outcome.unchecked
        if notes:
            unread.append(f"《{name}》部分未核对：{'；'.join(notes[:3])}" + ("等" if len(notes) > 3 else ""))
    for reports in by_office.values():  # an office's consecutive years, as the same crawl found them
        for year in sorted(reports):
            if year - 1 not in reports:
                continue
            url, name, report = reports[year]
            across = across_years(reports[year - 1][2], report, year, which)
            findings += [_finding(ctx, url, name, report, failure) for failure in across.failures]
            if across.unchecked:
                unread.append(f"《{name}》跨年度部分未核对：{'；'.join(across.unchecked[:2])}")
    for note in unread[:EXAMPLES]:
        ctx.could_not_verify(f"年报数据未能核对：{note}")
    if not seen:
        ctx.could_not_verify("抓取中未发现政府信息公开工作年度报告页面，未核对年报数据")
    return findings


def _finding(ctx: Context, url: str, name: str, report, failure):
    return ctx.finding(
        "report.inconsistent", category=ctx.category_of(url), url=url, title=name, target=failure.where,
        key=failure.key, at_most="notice" if failure.identity in NOTICE_ONLY else None,
        evidence=(f"年报《{name}》{failure.where}不一致：{failure.left_terms} = {_n(failure.left)}，"
                  f"而 {failure.right_terms}。"),
        details={"identity": failure.identity, "where": failure.where, "left": failure.left,
                 "right": failure.right, "left_terms": failure.left_terms,
                 "right_terms": failure.right_terms, "edition": report.edition,
                 "table": marked_table(report, failure)})


def office_key(title: str) -> str:
    """Whose report a title names, without its year and spaces: an office's reports of two years
    share it ("柳溪县市场监督管理局2015年政府信息公开工作年度报告" → "柳溪县市场监督管理局年政府信息公开工作年度报告")."""
    return re.sub(r"\s+", "", REPORT_YEAR.sub("年", to_simplified(title)))


def _n(value: float) -> str:
    return f"{value:g}" if value != int(value) else str(int(value))
