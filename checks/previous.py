"""What the site's previous audit saw of its lists: the facts content.backdated holds a list against.

An item dated before the previous audit, on a list that audit read, is one the list should have
shown then. The pipeline finds the site's previous complete run in history and loads its crawl
(its pages.jsonl) with `PreviousAudit.load`; checks.judge hands it to the rules as data, so checks
never reads the history database. None (a first audit, no history, the crawl files gone): the
rules skip what needs it, silently, as a first audit has nothing to compare with.

URLs are kept relative to their site (path and query), so that a site that moved to https, or the
demo served on a new port, is still the same site.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Iterable
from urllib.parse import urlsplit

from .crawltables import fetched_day
from .pagesfile import FileRecords
from .urls import canonical
from .workdays import as_date

RULE = "content.backdated"
KIND = "backdated"  # the details' kind of a 疑似倒签 finding: carried to the next audit while the item keeps its date
# A list whose first entries are older than the ones below them is newest-first with items pinned on
# top (置顶); more of them than this (or than the items below them) and the list is in some other order.
PINNED_MAX = 5


def host_of(url: str | None) -> str:
    return urlsplit(canonical(url)).netloc.removeprefix("www.")


def relative(url: str | None, host: str) -> str:
    """The URL as compared across audits: path and query on the site (`host`, host_of's form),
    the whole canonical URL elsewhere."""
    url = canonical(url)
    parts = urlsplit(url)
    if parts.netloc.removeprefix("www.") != host:
        return url
    return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


def title_key(title: str | None) -> str:
    return "".join((title or "").split())


@dataclass(frozen=True)
class PreviousList:
    """One list (a column's list page and its further pages) as the previous audit read it."""

    seen_on: date  # the day it was read: its pages' earliest fetch, no later than the audit's as-of date
    oldest: date | None  # the oldest date it showed, newest first; None: undated, or in some other order
    items: frozenset[str]  # its entries, relative


@dataclass
class PreviousAudit:
    as_of: date  # the previous run's as-of date
    lists: dict[str, PreviousList] = field(default_factory=dict)  # a list's first page, relative → what it showed
    seen: set[str] = field(default_factory=set)  # every URL the previous crawl fetched, listed or linked, relative
    titled: set[tuple[str, str]] = field(default_factory=set)  # (title_key, date) of every entry it listed
    # The previous run's 疑似倒签 findings: item, relative → their details. An item suspected once
    # stays suspected while it shows the same date (the audit after does see it: it is no longer new).
    suspected: dict[str, dict] = field(default_factory=dict)

    @classmethod
    def from_records(cls, records: Iterable[dict], as_of: date, site: str,
                     findings: Iterable[dict] = ()) -> "PreviousAudit":
        """From the previous crawl's page records (pages.jsonl's) and its findings (dicts with
        rule, url, details: findings.jsonl's or the history database's)."""
        host, start = host_of(site), canonical(site)
        audit = cls(as_of=as_of)
        pages: dict[str, list] = {}  # list → [earliest fetch day, [dates of each page, newest first or None]]
        items: dict[str, set[str]] = {}
        for rec in records:
            url = canonical(rec.get("url"))
            audit.seen.add(relative(url, host))
            if rec.get("final_url"):
                audit.seen.add(relative(rec["final_url"], host))
            for link in rec.get("links") or ():
                audit.seen.add(relative(link.get("url"), host))
            entries = rec.get("entries") or ()
            for entry in entries:
                audit.seen.add(relative(entry.get("url"), host))
                audit.titled.add((title_key(entry.get("title")), str(entry.get("date") or "")))
            is_list = rec.get("page_type") == "list" or bool(rec.get("list_of"))
            if not is_list or url == start or rec.get("status") != 200 or not rec.get("is_html") or not entries:
                continue
            key = relative(rec.get("list_of") or url, host)
            day = as_date(fetched_day(rec.get("fetched_at"))) or as_of
            got = pages.setdefault(key, [day, []])
            got[0] = min(got[0], day)
            got[1].append(newest_first([as_date(e.get("date")) for e in entries]))
            items.setdefault(key, set()).update(relative(e.get("url"), host) for e in entries)
        for key, (day, dated) in pages.items():
            ordered = None if any(d is None for d in dated) else [x for d in dated for x in d]
            audit.lists[key] = PreviousList(seen_on=min(day, as_of), oldest=min(ordered) if ordered else None,
                                            items=frozenset(items[key]))
        for f in findings:
            details = f.get("details") or {}
            if f.get("rule") == RULE and details.get("kind") == KIND and f.get("url"):
                audit.suspected[relative(f["url"], host)] = dict(details)
        return audit

    @classmethod
    def load(cls, pages: Path | None, as_of: date, site: str, findings: Iterable[dict] = ()) -> "PreviousAudit":
        """From the previous run's pages.jsonl (None or absent: its crawl is gone, only its
        findings are known)."""
        records = (rec for _, rec in FileRecords(Path(pages)).read()) if pages and Path(pages).is_file() else ()
        return cls.from_records(records, as_of, site, findings)

    @property
    def has_crawl(self) -> bool:
        return bool(self.seen)


def newest_first(dates: list[date | None]) -> list[date] | None:
    """A list page's dates below its pinned items when the page is newest first, else None."""
    dated = [d for d in dates if d is not None]
    start = len(dated)
    while start > 0 and (start == len(dated) or dated[start - 1] >= dated[start]):
        start -= 1
    # `start`: where the longest newest-first run that ends the page begins; above it, pinned items,
    # a few, and fewer than the items below them
    return dated[start:] if start <= PINNED_MAX and start < len(dated) - start else None
