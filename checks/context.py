"""What every rule shares: the as-of date, the calendar, and which pages and items belong to
which category. Computed once per judgement, before the rules run."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from urllib.parse import urlsplit

import pandas as pd

from .catalog import Catalog, Category
from .crawl import Crawl, each_row
from .findings import SEVERITY_RANK, Finding, fingerprint
from .matching import Match, match_categories
from .previous import PreviousAudit
from .textnorm import norm_name, norm_name_once
from .workdays import WorkCalendar



@dataclass
class Context:
    crawl: Crawl
    catalog: Catalog
    as_of: date
    calendar: WorkCalendar = None
    matches: dict[str, Match] = field(default_factory=dict)
    column_categories: dict[str, list[str]] = field(default_factory=dict)
    specs: dict = field(default_factory=dict)  # rule id → its declaration (checks.registry.RuleSpec)
    running: str | None = None  # the rule being run, whose could_not_verify notes these are
    crawl_complete: bool = True  # False: the crawl ended early (whole-site rules may not pass on what they missed)
    skips: dict[str, dict] = field(default_factory=dict)  # rule id → {category or None: reason}
    previous: PreviousAudit | None = None  # what the site's previous complete audit saw (None: no such audit)
    reviews: object = None  # the office's review of wording hits (checks.wording.Reviews; None: none)
    _due_dates: dict = field(default_factory=dict)
    memo: dict = field(default_factory=dict)  # tables several rules share, computed once

    @classmethod
    def build(cls, crawl: Crawl, catalog: Catalog, as_of: date, specs: dict | None = None) -> "Context":
        ctx = cls(crawl=crawl, catalog=catalog, as_of=as_of, specs=specs or _all_specs(),
                  calendar=WorkCalendar(catalog.extra_holidays, catalog.extra_workdays))
        ctx.matches, ctx.column_categories = match_categories(crawl, catalog)
        return ctx

    def could_not_verify(self, reason: str, category: str | None = None) -> None:
        """Say that the running rule could not judge this category (None: anything) and why: a
        notice (未核实), never a finding and never a pass."""
        self.skips.setdefault(self.running, {}).setdefault(category, reason)

    # -- pages and items per category --------------------------------------------------------
    def _trail_categories(self, names: list[str]) -> list[list[str]]:
        return [self.column_categories.get(norm_name(n), []) for n in names]

    @cached_property
    def page_categories(self) -> pd.DataFrame:
        """url → `deepest` (the category whose rules apply to the page) and `all` (every category
        on its breadcrumb trail, so a parent column counts its children's items)."""
        html = self.crawl.html_pages(["url", "breadcrumb", "column"])
        by_trail: dict[tuple, dict | None] = {}  # thousands of articles share a handful of trails
        rows: dict[str, dict] = {}
        for url, crumbs, column in each_row(html, "url", "breadcrumb", "column"):
            if column and norm_name_once(column) not in self.column_categories:
                column = ""  # a column no category stands for adds nothing to the trail (often the title)
            key = (tuple(crumbs), column)
            if key not in by_trail:
                names = list(crumbs)
                if column and column not in names:
                    names.append(column)
                trail = [c for c in self._trail_categories(names) if c]
                by_trail[key] = {"deepest": trail[-1][0], "all": sorted({c for cs in trail for c in cs})} \
                    if trail else None
            if by_trail[key]:
                rows[url] = by_trail[key]
        # A page with no column of its own belongs to the column of the list that lists it.
        start = self.crawl.start_url
        entries = self.crawl.entries
        for url, page_url in each_row(entries, "url", "page_url"):
            if url not in rows and page_url in rows and page_url != start:
                rows[url] = rows[page_url]
        # dtype object even when empty: pandas types an empty column float64, and merging that on
        # 'url' with the pages' str column raises (a site where no column matches a category).
        return pd.DataFrame({"url": list(rows), "deepest": [v["deepest"] for v in rows.values()],
                             "all": [v["all"] for v in rows.values()]}, columns=["url", "deepest", "all"],
                            dtype=object)

    @cached_property
    def _list_entries(self) -> pd.DataFrame:
        """Entries of the column lists (not the home page's), one per item URL, its earliest date."""
        html = self.crawl.html_pages(["url", "page_type"])
        lists = set(html.loc[html["page_type"] == "list", "url"]) - {self.crawl.start_url}
        entries = self.crawl.entries[self.crawl.entries["page_url"].isin(lists)]
        return entries.sort_values("date", na_position="last").drop_duplicates("url")

    @cached_property
    def article_dates(self) -> pd.DataFrame:
        """url, date (ISO text or None), date_source and row of every fetched article: its best
        posting date. The page's own (its 信息公开 table, PubDate tag or 发布时间 line) comes first,
        then the date its list shows, then one read from its URL (often the day the CMS made the
        file, not the day it was posted)."""
        entries = self._list_entries
        list_dates = {u: d for u, d in zip(entries["url"].tolist(), entries["date"].tolist()) if d}
        arts = self.crawl.pages.loc[self.crawl.html_mask & (self.crawl.pages["page_type"] == "article").to_numpy(),
                                    ["url", "published", "published_source"]]
        dates, sources = [], []
        for url, own, source in zip(arts["url"].tolist(), arts["published"].tolist(),
                                    arts["published_source"].tolist()):
            own = own if isinstance(own, str) and own else None
            listed = list_dates.get(url)
            if own and (source != "url" or not listed):
                dates.append(own), sources.append(source or "page")  # "page": a crawl from before sources
            elif listed:
                dates.append(listed), sources.append("list")
            else:
                dates.append(None), sources.append(None)
        # Plain Python values in object columns: pandas 3 types text columns 'str', which refuses
        # the NaN of a float column written into it.
        return pd.DataFrame({"url": arts["url"].tolist(), "date": dates, "date_source": sources,
                             "row": arts.index.tolist()}, columns=["url", "date", "date_source", "row"], dtype=object)

    @cached_property
    def items(self) -> pd.DataFrame:
        """Every item of every category: url, date, date_source, category (one row per category
        the item counts for), deepest, whether the item's own page was fetched as an article, and
        where its title is (`item_titles` reads them): `row`, the pages row of an item that is a
        page, or -1 and `listed_title`, the title its list shows. An article's date is its best
        one (`article_dates`)."""
        html = self.crawl.html_pages(["url", "published", "published_source", "page_type", "text_len",
                                      "empty_notice", "scripted"])
        start = self.crawl.start_url
        entries = self._list_entries
        articles = self.article_dates.assign(article=True)
        listed_only = entries.loc[~entries["url"].isin(set(articles["url"])), ["url", "title", "date"]].rename(
            columns={"title": "listed_title"}).assign(article=False, row=-1, date_source="list")
        # Single-page columns (机构职能 as one text page) count that page as their item; a page that
        # only says the column is empty (暂无信息) is no item, nor one whose list a script draws
        # (its text is the frame around a list not seen).
        others = html[(html["page_type"] == "other") & (html["url"] != start) & (html["text_len"] >= 200)
                      & ~html["empty_notice"].astype(bool) & ~html["scripted"].astype(bool)]
        others = others.loc[~others["url"].isin(set(articles["url"]) | set(listed_only["url"])),
                            ["url", "published", "published_source"]].rename(
            columns={"published": "date", "published_source": "date_source"})
        others = others.assign(article=False, row=others.index)
        frames = [f.astype(object) for f in (articles, listed_only, others.assign(single=True)) if not f.empty]
        base = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
        del html, articles, entries, listed_only, others  # working copies, each a column of every page
        pc = self.page_categories
        columns = ["url", "row", "listed_title", "date", "date_source", "article", "category", "deepest"]
        if pc.empty or base.empty:
            return pd.DataFrame(columns=columns)
        if "single" not in base:
            base["single"] = False
        frame = base.merge(pc, on="url", how="inner")
        single = frame["single"].fillna(False).astype(bool)
        frame.loc[single, "all"] = frame.loc[single, "deepest"].map(lambda d: [d])
        frame = frame.explode("all").rename(columns={"all": "category"})
        frame["date"] = pd.to_datetime(frame["date"], errors="coerce").dt.date
        frame["date"] = frame["date"].astype(object).where(frame["date"].notna(), None)
        return frame.reindex(columns=columns).reset_index(drop=True)

    def item_titles(self, items: pd.DataFrame) -> list[str]:
        """The titles of some rows of `items`, in their order: a page's read back from the crawl
        record, a listed item's as its list shows it."""
        rows = items["row"].tolist()
        pages = dict(self.crawl.titles(r for r in rows if r >= 0))
        return [pages[r] if r >= 0 else t for r, t in zip(rows, items["listed_title"].tolist())]

    @cached_property
    def _column_pages(self) -> pd.DataFrame:
        crawl = self.crawl
        pages = crawl.pages[crawl.html_mask & (crawl.pages["page_type"] != "article").to_numpy()]
        return pages.merge(self.page_categories[["url", "deepest"]], on="url", how="inner")

    def column_pages(self, category: str) -> pd.DataFrame:
        """Fetched list/other pages that belong to the category (not its articles)."""
        pages = self._column_pages
        return pages[pages["deepest"] == category]

    # -- findings ---------------------------------------------------------------------------
    def finding(self, rule: str, *, category: Category | None = None, url=None, target=None,
                title: str = "", evidence: str, key: str = "", details: dict | None = None,
                at_most: str | None = None) -> Finding:
        """A finding with severity, points, office, basis and deadline filled in from the catalog.
        `at_most`: the highest severity it may have whatever the catalog says (a suspicion, 疑似, is
        at most a notice)."""
        setting = self.catalog.rule(rule)
        url = self.address(url)
        # A category's own severity and points judge the column (missing, empty, stale); items and
        # links on its pages keep the rule's, so one dead link on a 办事服务 page is no veto.
        spec = self.specs.get(rule)
        own = category if category is not None and spec is not None and spec.scope == "category" else None
        severity = (own.severity if own and own.severity else None) or setting.severity
        if at_most is not None and SEVERITY_RANK[severity] < SEVERITY_RANK[at_most]:
            severity = at_most
        points = own.points if own and own.points is not None else setting.points
        department = (category.department if category else "") or self.catalog.default_department
        basis = "；".join(b for b in (setting.basis, category.basis if category else "") if b) or None
        due = self._due(severity)
        return Finding(
            rule=rule, severity=severity, points=float(points or 0), site=self.crawl.start_url,
            department=department, category=category.name if category else None, url=url, target=target,
            title=title or "", evidence=evidence, detected_on=self.as_of.isoformat(), deadline=due.isoformat(),
            fingerprint=fingerprint(rule, self.crawl.start_url, category.name if category else None, url, target, key),
            basis=basis, details=details or {},
        )

    def address(self, url: str | None) -> str | None:
        """Where a page lives: the address its redirects ended at on this site (the one the office's
        CMS knows, and the same whichever way the crawl came to it), else the URL as fetched."""
        if not url or url == self.crawl.start_url:
            return url
        row = self.crawl.pages_row(url)
        if row is None:
            return url
        final = self.crawl.pages["final_url"].iat[row]
        return final if isinstance(final, str) and final and final != url and self.same_site(final) else url

    def _due(self, severity: str) -> date:
        if severity not in self._due_dates:
            days = self.catalog.rectification_workdays.get(severity, 10)
            self._due_dates[severity] = self.calendar.add_workdays(self.as_of, days)
        return self._due_dates[severity]

    @cached_property
    def _deepest(self) -> dict[str, str]:
        return dict(zip(self.page_categories["url"].tolist(), self.page_categories["deepest"].tolist()))

    def category_of(self, url: str) -> Category | None:
        name = self._deepest.get(url)
        return self.catalog.category(name) if name else None

    def same_site(self, url: str) -> bool:
        host = lambda u: (urlsplit(u).hostname or "").removeprefix("www.")
        return host(url) == host(self.crawl.start_url)


def _all_specs() -> dict:
    from . import RULES  # here: checks/__init__ imports the rules, which import this module

    return {r.spec.id: r.spec for r in RULES}
