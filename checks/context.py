"""What every rule shares: the as-of date, the calendar, and which pages and items belong to
which category. Computed once per judgement, before the rules run."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from urllib.parse import urlsplit

import pandas as pd

from .catalog import Catalog, Category
from .crawl import Crawl
from .findings import Finding, fingerprint
from .matching import Match, match_categories
from .textnorm import norm_name
from .workdays import WorkCalendar

COLUMN_RULES = frozenset({"column.missing", "column.empty", "column.stale"})


@dataclass
class Context:
    crawl: Crawl
    catalog: Catalog
    as_of: date
    calendar: WorkCalendar = None
    matches: dict[str, Match] = field(default_factory=dict)
    column_categories: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def build(cls, crawl: Crawl, catalog: Catalog, as_of: date) -> "Context":
        ctx = cls(crawl=crawl, catalog=catalog, as_of=as_of,
                  calendar=WorkCalendar(catalog.extra_holidays, catalog.extra_workdays))
        ctx.matches, ctx.column_categories = match_categories(crawl, catalog)
        return ctx

    # -- pages and items per category --------------------------------------------------------
    def _trail_categories(self, names: list[str]) -> list[list[str]]:
        return [self.column_categories.get(norm_name(n), []) for n in names]

    @cached_property
    def page_categories(self) -> pd.DataFrame:
        """url → `deepest` (the category whose rules apply to the page) and `all` (every category
        on its breadcrumb trail, so a parent column counts its children's items)."""
        rows = {}
        for page in self.crawl.html.itertuples():
            names = list(page.breadcrumb)
            if page.column and page.column not in names:
                names.append(page.column)
            trail = [c for c in self._trail_categories(names) if c]
            if trail:
                rows[page.url] = {"deepest": trail[-1][0], "all": sorted({c for cs in trail for c in cs})}
        # A page with no column of its own belongs to the column of the list that lists it.
        for entry in self.crawl.entries.itertuples():
            if entry.url not in rows and entry.page_url in rows and entry.page_url != self.crawl.start_url:
                rows[entry.url] = dict(rows[entry.page_url])
        frame = pd.DataFrame([{"url": u, **v} for u, v in rows.items()], columns=["url", "deepest", "all"])
        return frame

    @cached_property
    def items(self) -> pd.DataFrame:
        """Every item of every category: url, title, date, category (one row per category the item
        counts for), deepest, and whether the item's own page was fetched as an article."""
        pc = self.page_categories.set_index("url") if len(self.page_categories) else None
        html = self.crawl.html
        articles = html[html["page_type"] == "article"]
        rows = {}
        for a in articles.itertuples():
            rows[a.url] = {"url": a.url, "title": a.title, "date": a.published, "article": True}
        lists = set(html.loc[html["page_type"] == "list", "url"])
        for e in self.crawl.entries.itertuples():
            if e.page_url not in lists or e.page_url == self.crawl.start_url:
                continue
            row = rows.get(e.url)
            if row is None:
                rows[e.url] = {"url": e.url, "title": e.title, "date": e.date, "article": False}
            elif not row["date"] and e.date:
                row["date"] = e.date  # the list's date stands in for a page that shows none
        out = []
        for url, row in rows.items():
            if pc is None or url not in pc.index:
                continue
            info = pc.loc[url]
            for cat in info["all"]:
                out.append({**row, "category": cat, "deepest": info["deepest"]})
        # Single-page columns (机构职能 as one text page) count that page as their item.
        for page in html[html["page_type"] == "other"].itertuples():
            if pc is not None and page.url in pc.index and len(page.text) >= 200 and page.url not in rows \
                    and page.url != self.crawl.start_url:
                info = pc.loc[page.url]
                out.append({"url": page.url, "title": page.title, "date": page.published, "article": False,
                            "category": info["deepest"], "deepest": info["deepest"]})
        frame = pd.DataFrame(out, columns=["url", "title", "date", "article", "category", "deepest"])
        frame["date"] = pd.to_datetime(frame["date"], errors="coerce").dt.date
        return frame

    def column_pages(self, category: str) -> pd.DataFrame:
        """Fetched list/other pages that belong to the category (not its articles)."""
        pc = self.page_categories
        urls = set(pc.loc[pc["deepest"] == category, "url"])
        html = self.crawl.html
        return html[html["url"].isin(urls) & (html["page_type"] != "article")]

    # -- findings ---------------------------------------------------------------------------
    def finding(self, rule: str, *, category: Category | None = None, url=None, target=None,
                title: str = "", evidence: str, key: str = "", details: dict | None = None) -> Finding:
        """A finding with severity, points, office, basis and deadline filled in from the catalog."""
        setting = self.catalog.rule(rule)
        # A category's own severity and points judge the column (missing, empty, stale); items and
        # links on its pages keep the rule's, so one dead link on a 办事服务 page is no veto.
        own = category if category is not None and rule in COLUMN_RULES else None
        severity = (own.severity if own and own.severity else None) or setting.severity
        points = own.points if own and own.points is not None else setting.points
        department = (category.department if category else "") or self.catalog.default_department
        basis = "；".join(b for b in (setting.basis, category.basis if category else "") if b) or None
        due = self.calendar.add_workdays(self.as_of, self.catalog.rectification_workdays.get(severity, 10))
        return Finding(
            rule=rule, severity=severity, points=float(points or 0), site=self.crawl.start_url,
            department=department, category=category.name if category else None, url=url, target=target,
            title=title or "", evidence=evidence, detected_on=self.as_of.isoformat(), deadline=due.isoformat(),
            fingerprint=fingerprint(rule, self.crawl.start_url, category.name if category else None, url, target, key),
            basis=basis, details=details or {},
        )

    def category_of(self, url: str) -> Category | None:
        pc = self.page_categories
        hit = pc[pc["url"] == url]
        return self.catalog.category(hit.iloc[0]["deepest"]) if len(hit) else None

    def same_site(self, url: str) -> bool:
        host = lambda u: (urlsplit(u).hostname or "").removeprefix("www.")
        return host(url) == host(self.crawl.start_url)
