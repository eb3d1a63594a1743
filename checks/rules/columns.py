"""Column rules: each required category is on the site, holds items, and is kept current."""
from __future__ import annotations

from ..context import Context
from ..judge import PARTIAL
from ..registry import rule


def scripted_reason(column: str, cannot: str = "无法统计信息条数", rendered: bool = False) -> str:
    """Why a column whose list a script draws is not judged (its own list page is `scripted`): not
    rendered, or rendered in a browser that drew no list either (its data failed to load, or none)."""
    if rendered:
        return f"「{column}」栏目列表由脚本生成，经浏览器渲染仍未显示列表，{cannot}"
    return f"「{column}」栏目列表由脚本生成，本次未渲染，{cannot}"


STALE_CANNOT = "无法判断栏目更新情况"


def _scripted(pages) -> str | None:
    """Whether a column's own list pages include one drawn by script and not seen: neither read from its
    data (a list page that continues it, such as the JSON it draws from, read with entries:
    crawler.extract.jsonlist) nor drawn with its list in a browser (crawler.render). None: all seen;
    "rendered": every such page was rendered and showed no list even so; "unrendered" otherwise."""
    if not len(pages):
        return None
    flagged = pages["scripted"].astype(bool)
    scripted = set(pages.loc[flagged, "url"])
    if "list_of" in pages:
        read = pages[(pages["page_type"] == "list") & ~flagged]
        scripted -= set(read["list_of"].dropna())
    if not scripted:
        return None
    if "rendered" in pages:
        rendered = set(pages.loc[flagged & pages["rendered"].astype(bool), "url"])
        if scripted <= rendered:
            return "rendered"
    return "unrendered"


def _column_scripted(ctx: Context, match, pages) -> str | None:
    """_scripted() of a column's own list pages; when its trail places no page in it (a framework page
    draws its 当前位置 trail too), of the page the column's link points at and what continues it."""
    if len(pages) or not match.url:
        return _scripted(pages)
    own = ctx.crawl.page(match.url)
    if own is None or not own.get("scripted"):
        return None
    crawled = ctx.crawl.pages
    return _scripted(crawled[(crawled["url"] == own["url"]) | (crawled["list_of"] == own["url"])])


@rule("column.missing", name="栏目缺失", scope="category", whole_site=True)
def column_missing(ctx: Context) -> list:
    """栏目缺失：目录要求的栏目在网站上找不到（按栏目名、别名、繁简体与相似度匹配）。"""
    out = []
    for cat in ctx.catalog.categories:
        match = ctx.matches[cat.name]
        if match.found:
            continue
        closest = match.near_misses[0] if match.near_misses else None
        hint = f"最接近的栏目：{closest['column']}（相似度 {closest['score']:.0f}）。" if closest else "未发现相近栏目。"
        out.append(ctx.finding("column.missing", category=cat, evidence=f"网站未设置「{cat.name}」栏目。{hint}",
                               details={"near_misses": match.near_misses}))
    return out


@rule("column.empty", name="空白栏目", scope="category", whole_site=True)
def column_empty(ctx: Context) -> list:
    """空白栏目：栏目存在但信息条数少于目录规定的最少条数（默认1条）。"""
    out = []
    items = ctx.items
    for cat in ctx.catalog.categories:
        match = ctx.matches[cat.name]
        if not match.found:
            continue  # column.missing says it
        n = items.loc[items["category"] == cat.name, "url"].nunique()
        if n >= cat.min_items:
            continue
        pages = ctx.column_pages(cat.name)
        scripted = _column_scripted(ctx, match, pages)
        if scripted:  # its list was drawn in the browser, unseen: the items found are not all
            ctx.could_not_verify(scripted_reason(match.column, rendered=scripted == "rendered"), category=cat.name)
            continue
        if pages.empty:  # only named in a link or a trail: its own list was never read, nothing to count
            ctx.could_not_verify(f"「{match.column}」栏目页面未能读取，无法统计信息条数" if ctx.crawl_complete
                                 else PARTIAL["column.empty"], category=cat.name)
            continue
        url = match.url if match.url in set(pages["url"]) else pages.iloc[0]["url"]
        notice = "，页面显示“暂无信息”" if pages["empty_notice"].any() else ""
        out.append(ctx.finding("column.empty", category=cat, url=url, title=match.column,
                               evidence=f"「{match.column}」栏目共 {n} 条信息{notice}，少于规定的 {cat.min_items} 条，属空白栏目。",
                               details={"items": int(n), "min_items": cat.min_items}))
    return out


@rule("column.stale", name="栏目不更新", scope="category", whole_site=True,
      applies=lambda cat, catalog: cat.update_days is not None)
def column_stale(ctx: Context) -> list:
    """栏目不更新：栏目最新信息早于目录规定的更新周期；无日期的信息视为未更新。"""
    out = []
    items = ctx.items
    for cat in ctx.catalog.categories:
        match = ctx.matches[cat.name]
        if not match.found or cat.update_days is None:
            continue
        mine = items[items["category"] == cat.name]
        # A list drawn by script was not seen: a fresh item found elsewhere still passes the column,
        # but nothing fresh found is no sign that nothing fresh is there.
        scripted = _column_scripted(ctx, match, ctx.column_pages(cat.name))
        if mine["url"].nunique() < cat.min_items:
            if scripted:
                ctx.could_not_verify(scripted_reason(match.column, STALE_CANNOT, scripted == "rendered"), category=cat.name)
            elif not ctx.crawl_complete:  # no item seen yet is no pass: the rest of the column was not read
                ctx.could_not_verify(PARTIAL["column.stale"], category=cat.name)
            continue  # column.empty says it
        dated = [d for d in mine["date"].dropna() if d <= ctx.as_of]
        newest = max(dated) if dated else None
        if newest is not None and (ctx.as_of - newest).days <= cat.update_days:
            continue
        if scripted:
            ctx.could_not_verify(scripted_reason(match.column, STALE_CANNOT, scripted == "rendered"), category=cat.name)
            continue
        if newest is None and _yearless(ctx.column_pages(cat.name)):  # dates shown without the year: unknown
            ctx.could_not_verify(f"「{match.column}」栏目的信息只显示月日、未显示年份，无法判断栏目更新情况", category=cat.name)
            continue
        if newest is None:
            evidence = f"「{match.column}」栏目的 {mine['url'].nunique()} 条信息均无发布日期，按未更新计（更新周期 {cat.update_days} 天）。"
        else:
            evidence = (f"「{match.column}」栏目最新信息发布于 {newest.isoformat()}，距检查日 {(ctx.as_of - newest).days} 天，"
                        f"超过规定的更新周期 {cat.update_days} 天。")
        out.append(ctx.finding("column.stale", category=cat, url=match.url, title=match.column, evidence=evidence,
                               details={"newest": newest and newest.isoformat(), "update_days": cat.update_days}))
    return out


def _yearless(pages) -> bool:
    """Whether a column's list pages show month-day dates whose year nothing settles (crawler.extract.lists)."""
    return pages is not None and "yearless" in pages and bool(pages["yearless"].any())
