"""Item rules: each disclosure item posted in time and carrying its 索引号 and 发布日期."""
from __future__ import annotations

import pandas as pd

from ..context import Context
from ..registry import rule


def _articles(ctx: Context) -> pd.DataFrame:
    """Fetched article pages with the category whose rules apply to them, and their best
    posting date (`posted`, with `posted_source`: see Context.article_dates)."""
    crawl = ctx.crawl
    arts = crawl.pages.loc[crawl.html_mask & (crawl.pages["page_type"] == "article").to_numpy(),
                           ["url", "published", "formed", "has_index", "date_cell_blank"]]
    arts["row"] = arts.index
    best = ctx.article_dates[["url", "date", "date_source"]].rename(columns={"date": "posted",
                                                                             "date_source": "posted_source"})
    pc = ctx.page_categories
    return arts.merge(best, on="url", how="left").merge(pc[["url", "deepest"]], on="url", how="inner")


# Where a posting date came from, when it was not the page's own: said in the evidence.
SOURCE_CN = {"list": "（栏目列表所示日期）", "url": "（据网址中的日期）"}


@rule("item.late", name="信息发布超时", scope="item", applies=lambda cat, catalog: cat.limit_workdays is not None)
def item_late(ctx: Context) -> list:
    """信息发布超时：从信息形成（成文、决定、签发）之日到发布之日超过目录规定的工作日数。"""
    arts = _articles(ctx)
    limits = {c.name: c.limit_workdays for c in ctx.catalog.categories if c.limit_workdays is not None}
    arts = arts[arts["deepest"].isin(limits) & arts["formed"].notna() & arts["posted"].notna()]
    if arts.empty:
        return []
    formed = pd.to_datetime(arts["formed"], errors="coerce").values.astype("datetime64[D]")
    posted = pd.to_datetime(arts["posted"], errors="coerce").values.astype("datetime64[D]")
    delays = ctx.calendar.count_after(formed, posted)  # all items at once: a million take well under a second
    limit = arts["deepest"].map(limits).to_numpy()
    late = (delays >= 0) & (delays > limit)
    out = []
    titles = dict(ctx.crawl.titles(arts.loc[late, "row"]))
    for a, delay, lim in zip(arts[late].itertuples(), delays[late], limit[late]):
        cat = ctx.catalog.category(a.deepest)
        title = titles[a.row]
        out.append(ctx.finding(
            "item.late", category=cat, url=a.url, title=title,
            evidence=(f"《{title}》形成于 {a.formed}，发布于 {a.posted}{SOURCE_CN.get(a.posted_source, '')}，"
                      f"间隔 {int(delay)} 个工作日，超过规定的 {int(lim)} 个工作日。"),
            details={"formed": a.formed, "published": a.posted, "published_source": a.posted_source,
                     "delay": int(delay), "limit": int(lim)}))
    return out


@rule("item.metadata_missing", name="元数据缺失", scope="item", severity="notice",
      applies=lambda cat, catalog: cat.disclosure)
def metadata_missing(ctx: Context) -> list:
    """元数据缺失：政务公开信息缺少索引号或发布日期。"""
    disclosure = {c.name for c in ctx.catalog.categories if c.disclosure}
    arts = _articles(ctx)
    arts = arts[arts["deepest"].isin(disclosure)]
    no_index = ~arts["has_index"].astype(bool)
    # A blank 发布日期 cell is a missing date even when the list or the URL gives one: the table is
    # what the catalog requires the item to carry.
    no_date = arts["published"].isna() | (arts["published"] == "") | arts["date_cell_blank"].astype(bool)
    out = []
    titles = dict(ctx.crawl.titles(arts.loc[no_index | no_date, "row"]))
    for a, lacks_index, lacks_date in zip(arts[no_index | no_date].itertuples(), no_index[no_index | no_date],
                                          no_date[no_index | no_date]):
        missing = ["索引号"] * lacks_index + ["发布日期"] * lacks_date
        cat = ctx.catalog.category(a.deepest)
        title = titles[a.row]
        out.append(ctx.finding("item.metadata_missing", category=cat, url=a.url, title=title,
                               evidence=f"《{title}》缺少{'、'.join(missing)}。",
                               key="+".join(missing), details={"missing": missing}))
    return out
