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
in_force: notices). And a report's section 二 figures are set beside what the crawl saw posted in
its year (against_site: notices; checks.annual_stats counts).
"""
from __future__ import annotations

import re

from ..annual_report.identities import IDENTITIES, Failure, across_years, check, marked_table
from ..annual_stats import SECTION2, annual_stats, reported_cell
from ..annual_report.found import REPORT_YEAR, found_reports, of_year
from ..context import Context
from ..registry import rule
from ..textnorm import to_simplified

NOTICE_ONLY = ("edition", "text", "carry_over", "in_force", "against_site")  # identities whose failure is at most a notice
EXAMPLES = 5


@rule("report.inconsistent", name="年报数据不一致", scope="page", severity="deduct")
def report_inconsistent(ctx: Context) -> list:
    """年报数据不一致：政府信息公开工作年度报告的统计表格勾稽关系不成立（分项之和不等于总计、第一项加第二项不等于第三项加第四项等），或与正文所述数字不符。"""
    which = tuple(i for i in (ctx.catalog.rule("report.inconsistent").items or IDENTITIES) if i in IDENTITIES)
    findings, unread = [], []
    by_office: dict[str, dict[int, tuple]] = {}  # a report's title without its year → year → its report
    found = found_reports(ctx)
    for one in found:
        url, name, report, year = one.url, one.name, one.report, one.year
        if report is None:
            unread.append(f"《{name}》{one.unread}")
            continue
        if not report.readable:
            unread.append(f"《{name}》：{'；'.join(report.unread[:2])}")
            continue
        outcome = check(report, year=year, text=one.text, which=which)
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
    if "against_site" in which:
        findings += _against_site(ctx, found, unread)
    for note in unread[:EXAMPLES]:
        ctx.could_not_verify(f"年报数据未能核对：{note}")
    if not found:
        ctx.could_not_verify("抓取中未发现政府信息公开工作年度报告页面，未核对年报数据")
    return findings


def _against_site(ctx: Context, found: list, unread: list[str]) -> list:
    """A report's section 二 figures beside what the crawl saw posted in its year (checks.annual_stats): a
    notice for each that differs, saying how the site's count was made and what it leaves out."""
    out = []
    for year in sorted({f.year for f in found if f.year and f.report is not None and f.report.s2}):
        table = annual_stats(ctx, year)
        lines = [line for line in (table.rows if table else ()) if line.reported is not None and line.count is not None]
        if not lines:
            continue
        if not table.complete:
            unread.append(f"抓取未完成，未将{year}年年报第二部分的数字与本网站发布的信息条数比对")
            continue
        report = of_year(ctx, year)
        for line, row in zip(table.rows, SECTION2):
            if line.reported is None or line.count is None or abs(line.reported - line.count) < 1e-6:
                continue
            item = line.item.split("（")[0]
            failure = Failure(
                "against_site", f"第二部分“{line.item}”与本网站{year}年发布的信息条数", line.reported, line.count,
                f"年报所报{item}{line.item[len(item):].strip('（）')}",
                f"本网站「{line.column}」栏目中发布日期在 {year} 年的信息 {line.count} 条"
                + (f"（{line.note.rstrip('。')}）" if line.note else ""), "二", (reported_cell(report.report, row),))
            out.append(_finding(ctx, report.url, report.name, report.report, failure))
    return out


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
