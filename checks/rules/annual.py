"""Annual report rule: the 政府信息公开工作年度报告 for last year is posted by its deadline."""
from __future__ import annotations

import re
from datetime import date

from ..context import Context
from ..registry import rule
from ..textnorm import to_simplified

REPORT_TITLE = re.compile(r"年报|年度报告|工作报告")
REPORT_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")


def _deadline(ctx: Context, year: int) -> date:
    month, day = ctx.catalog.annual_deadline
    try:
        return date(year + 1, month, day)
    except ValueError:  # 02-29 in a common year
        return date(year + 1, month, day - 1)


def due_year(ctx: Context) -> int:
    """The latest year whose report is already due on the as-of date."""
    y = ctx.as_of.year - 1
    return y if ctx.as_of > _deadline(ctx, y) else y - 1


@rule("report.annual_late", name="年报逾期或缺失", scope="item", whole_site=True,
      applies=lambda cat, catalog: cat.name == catalog.annual_category)
def annual_late(ctx: Context) -> list:
    """年报逾期或缺失：上一年度政府信息公开工作年度报告未在规定日期（默认3月31日）前公布，或未公布。"""
    name = ctx.catalog.annual_category
    cat = ctx.catalog.category(name)
    if cat is None:
        return []  # this catalog does not require the report
    year = due_year(ctx)
    deadline = _deadline(ctx, year)
    items = ctx.items[ctx.items["category"] == name].drop_duplicates("url")
    reports = []  # (url, title, date) of the reports for that year
    for it, title in zip(items.itertuples(), ctx.item_titles(items)):
        simplified = to_simplified(title or "")
        if not REPORT_TITLE.search(simplified):
            continue
        m = REPORT_YEAR.search(simplified)
        y = int(m.group(1)) if m else (it.date.year - 1 if it.date else None)
        if y == year:
            reports.append((it.url, title, it.date))
    match = ctx.matches.get(name)
    if not reports:
        return [ctx.finding("report.annual_late", category=cat, url=match.url if match else None,
                            title=f"{year}年度政府信息公开工作年度报告", key=str(year),
                            evidence=f"未找到{year}年度政府信息公开工作年度报告，应于 {deadline.isoformat()} 前公布。",
                            details={"year": year, "deadline": deadline.isoformat(), "posted": None})]
    dated = [r for r in reports if r[2]]
    if not dated:
        return []  # item.metadata_missing says the report has no date
    url, title, posted = min(dated, key=lambda r: r[2])
    if posted <= deadline:
        return []
    late_days = (posted - deadline).days
    return [ctx.finding("report.annual_late", category=cat, url=url, title=title, key=str(year),
                        evidence=(f"{year}年度政府信息公开工作年度报告发布于 {posted.isoformat()}，"
                                  f"晚于规定的 {deadline.isoformat()}（逾期 {late_days} 天）。"),
                        details={"year": year, "deadline": deadline.isoformat(), "posted": posted.isoformat(),
                                 "late_days": late_days})]
