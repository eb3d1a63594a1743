"""Dates that cannot be true (2019 单项否决 "弄虚作假（如伪造发稿日期）"): an item posted, by its own
发布日期, after the day the crawl read it; a 成文日期 after the 发布日期; and an item dated before
the previous audit on a list that audit read without it (疑似倒签: put online later than it says).

The first two are wrong on their face and take the rule's severity. The third is a suspicion, so it
is at most a notice whatever the catalog says: the list may have been reordered, or the item moved
in from elsewhere, and only the office can say. It needs the previous audit's lists
(checks.previous, handed in by the pipeline); without them that part is not judged.
"""
from __future__ import annotations

from datetime import timedelta

from ..context import Context
from ..crawl import each_row
from ..previous import KIND, host_of, relative, title_key
from ..registry import rule
from ..workdays import as_date

GRACE_DAYS = 2  # a list may show an item a day or two after its date (review, publishing, caches): not backdated
# Where a posting date that is not the page's own came from, said in the evidence (as item.late says it).
SOURCE_CN = {"list": "（栏目列表所示日期）"}


@rule("content.backdated", name="发布日期不实", scope="page", severity="deduct")
def backdated(ctx: Context) -> list:
    """发布日期不实：发布日期晚于抓取之日，或成文日期晚于发布日期；或发布日期早于上次检查之日，而上次检查时该栏目列表中并无此条（疑似倒签）。"""
    return _future(ctx) + _formed_after(ctx) + _suspected(ctx)


def _articles(ctx: Context):
    crawl = ctx.crawl
    return crawl.pages.loc[crawl.html_mask & (crawl.pages["page_type"] == "article").to_numpy(),
                           ["url", "published", "published_source", "formed", "fetched"]]


def _future(ctx: Context) -> list:
    """The page's own 发布日期 (its table, 发布时间 line or PubDate tag) after the day it was fetched
    (the as-of date when the crawl did not record it). A list's date may be an event's (会议预告),
    and a date in the URL is the day the CMS made the file: neither counts here."""
    arts = _articles(ctx)
    hits = []
    for row, url, published, source, fetched in zip(arts.index.tolist(), *(arts[c].tolist() for c in (
            "url", "published", "published_source", "fetched"))):
        day = as_date(published) if isinstance(published, str) and source != "url" else None
        seen = as_date(fetched) or ctx.as_of
        if day is not None and day > seen:
            hits.append((row, url, day, seen))
    titles = dict(ctx.crawl.titles(r for r, *_ in hits))
    return [ctx.finding(
        "content.backdated", category=ctx.category_of(url), url=url, title=titles[row], key="future",
        evidence=f"《{titles[row]}》标注的发布日期 {day.isoformat()} 晚于本次读取该页面之日 {seen.isoformat()}："
                 f"发布日期不应晚于实际发布之日，请核实更正。",
        details={"kind": "future", "published": day.isoformat(), "fetched": seen.isoformat()})
        for row, url, day, seen in hits]


def _formed_after(ctx: Context) -> list:
    """A 成文日期 (or decision date) after the item's posting date: its own 发布日期, else the date its
    list shows (not one read from its URL)."""
    arts = _articles(ctx)
    best = dict(zip(ctx.article_dates["url"].tolist(), zip(ctx.article_dates["date"].tolist(),
                                                            ctx.article_dates["date_source"].tolist())))
    hits = []
    for row, url, formed in zip(arts.index.tolist(), arts["url"].tolist(), arts["formed"].tolist()):
        posted, source = best.get(url, (None, None))
        formed_day, posted_day = as_date(formed), as_date(posted) if source != "url" else None
        if formed_day is not None and posted_day is not None and formed_day > posted_day:
            hits.append((row, url, formed_day, posted_day, source))
    titles = dict(ctx.crawl.titles(r for r, *_ in hits))
    return [ctx.finding(
        "content.backdated", category=ctx.category_of(url), url=url, title=titles[row], key="formed",
        evidence=f"《{titles[row]}》成文日期 {formed.isoformat()} 晚于发布日期 {posted.isoformat()}"
                 f"{SOURCE_CN.get(source, '')}：信息不能在成文之前发布，至少有一个日期有误，请核实更正。",
        details={"kind": "formed", "formed": formed.isoformat(), "published": posted.isoformat(),
                 "published_source": source})
        for row, url, formed, posted, source in hits]


def _suspected(ctx: Context) -> list:
    """Items on a list the previous audit read, dated in the span that list showed then (from its
    oldest date to the day it was read, less a grace of `days`), that the previous crawl saw nowhere:
    not at that address, not under that title and date. A list not newest-first then, or sharing no
    item with the list now (a new CMS, another column at the old address), says nothing. An item
    suspected by the previous audit stays suspected while it shows the same date."""
    previous = ctx.previous
    if previous is None:
        return []
    grace = ctx.catalog.rule("content.backdated").days
    grace = GRACE_DAYS if grace is None else grace
    host = host_of(ctx.crawl.start_url)
    out, done = [], set()
    for list_url, (column, entries) in _current_lists(ctx, host).items():
        then = previous.lists.get(relative(list_url, host))
        judged = then is not None and then.oldest is not None and any(e[0] in then.items for e in entries)
        for key, url, title, day, text in entries:
            if key in done:
                continue
            carried = previous.suspected.get(key)
            if carried is not None and carried.get("date") == (day.isoformat() if day else None):
                done.add(key)
                out.append(_finding(ctx, url, title, carried))
            elif (judged and day is not None and key not in previous.seen
                  and (title_key(title), text) not in previous.titled
                  and then.oldest <= day < then.seen_on - timedelta(days=grace)):
                done.add(key)
                out.append(_finding(ctx, url, title, {
                    "kind": KIND, "date": day.isoformat(), "list": list_url, "column": column,
                    "seen_on": then.seen_on.isoformat(), "oldest": then.oldest.isoformat(),
                    "previous_as_of": previous.as_of.isoformat()}))
    if len(done) < len(previous.suspected):  # a suspected item on no list now: its page's own date
        dates = ctx.article_dates
        for url, posted, row in zip(dates["url"].tolist(), dates["date"].tolist(), dates["row"].tolist()):
            key = relative(url, host)
            carried = previous.suspected.get(key)
            if carried is not None and key not in done and carried.get("date") == posted:
                done.add(key)
                out.append(_finding(ctx, url, ctx.crawl.title(row), carried))
    return out


def _finding(ctx: Context, url: str, title: str, details: dict):
    where = f"“{details['column']}”栏目列表" if details.get("column") else f"栏目列表 {details['list']} "
    return ctx.finding(
        "content.backdated", category=ctx.category_of(url), url=url, title=title, key=KIND, at_most="notice",
        evidence=f"疑似倒签：《{title}》标注发布日期 {details['date']}，但 {details['seen_on']} 检查时{where}"
                 f"（当时已列出 {details['oldest']} 以来的信息）中并无此条，应是此后才发布。请核实发布日期，如确系补发，请说明。",
        details=dict(details))


def _current_lists(ctx: Context, host: str) -> dict[str, tuple[str, list]]:
    """Each list of this crawl (its first page's URL) → its column and its entries from all its
    pages, in crawl order: (key, url, title, date, date as listed). The home page is a selection,
    not a list."""
    crawl = ctx.crawl
    pages = crawl.html_pages(["url", "page_type", "list_of", "column"])
    first: dict[str, str] = {}
    columns: dict[str, str] = {}
    for url, page_type, list_of, column in each_row(pages, "url", "page_type", "list_of", "column"):
        further = isinstance(list_of, str) and bool(list_of)
        if url == crawl.start_url or not (page_type == "list" or further):
            continue
        first[url] = list_of if further else url
        if column and (not further or first[url] not in columns):
            columns[first[url]] = column
    out: dict[str, tuple[str, list]] = {}
    entries = crawl.entries[crawl.entries["page_url"].isin(set(first))]
    for page_url, url, title, text in each_row(entries, "page_url", "url", "title", "date"):
        list_url = first[page_url]
        mine = out.setdefault(list_url, (columns.get(list_url, ""), []))[1]
        mine.append((relative(url, host), url, title, as_date(text), text if isinstance(text, str) else ""))
    return out
