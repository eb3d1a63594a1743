"""The annual reports a crawl found: each 政府信息公开工作年度报告 page with its year and its tables
parsed, read once per judgement (Context.memo) for the rule that checks them (report.inconsistent)
and the draft of section 二 that sets the crawl's counts beside them (checks.annual_stats)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..textnorm import to_simplified
from .parse import Report, parse_report

# Titles worth reading the record of (the crawler decides which pages carry tables; this only
# spares reading every page's record back).
MAYBE_REPORT = re.compile(r"年度报告|年报")
REPORT_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
DEFAULT_NAME = "政府信息公开工作年度报告"


@dataclass(frozen=True)
class FoundReport:
    """A report page as the crawl kept it. `report` is None when it has no tables to read (`unread` says so)."""
    url: str
    name: str  # its title
    year: int | None  # the year its title gives
    report: Report | None
    text: str
    unread: str = ""  # why its tables could not be read at all

    @property
    def readable(self) -> bool:
        return self.report is not None and self.report.readable


def found_reports(ctx) -> list[FoundReport]:
    """Every report page the crawl fetched (status 200) that the crawler kept tables for, in crawl order."""
    if "annual_reports" not in ctx.memo:
        ctx.memo["annual_reports"] = list(_found(ctx))
    return ctx.memo["annual_reports"]


def _found(ctx):
    for row, title in ctx.crawl.titles():
        if not MAYBE_REPORT.search(to_simplified(title or "")):
            continue
        record = ctx.crawl.records.record(int(ctx.crawl.seqs[row]))
        tables = record.get("report_tables")
        if tables is None or record.get("status") != 200:
            continue
        name = title or DEFAULT_NAME
        m = REPORT_YEAR.search(to_simplified(name))
        year = int(m.group(1)) if m else None
        url = record.get("final_url") or record.get("url")
        text = record.get("text") or ""
        if not tables:
            yield FoundReport(url, name, year, None, text, "无统计表格（自由格式、2019年前格式或以附件发布）")
            continue
        yield FoundReport(url, name, year, parse_report(tables), text)


def of_year(ctx, year: int) -> FoundReport | None:
    """The report the crawl found for `year` with its section 二 read; None when none, or when two offices' reports of
    that year were found (a site may carry its subordinate offices' reports: whose figure would be a guess)."""
    mine = [f for f in found_reports(ctx) if f.year == year and f.report is not None and f.report.s2]
    return mine[0] if len(mine) == 1 else None
