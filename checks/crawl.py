"""The stored crawl as tables: what every rule reads. Built from `pages.jsonl` alone.

The tables hold what rules compare across pages; what they read page by page (the text, the
links to a dead target) is read again from the file when asked for, so that judging a
100,000-page site needs little more memory than judging a 20,000-page one.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Iterable, Iterator

import numpy as np
import pandas as pd

from .crawltables import ENTRY_COLUMNS, NAV_COLUMNS, PAGE_COLUMNS, TableBuilder
from .pagesfile import FileRecords, ListRecords
from .urls import canonical

__all__ = ["Crawl", "canonical", "PAGE_COLUMNS", "ENTRY_COLUMNS", "NAV_COLUMNS"]
LINK_COLUMNS = ["page_url", "url", "text", "kind", "tag"]


def each_row(frame: pd.DataFrame, *columns: str, size: int = 4096) -> Iterator[tuple]:
    """The values of some columns, row by row: a slice at a time as Python objects, so that a
    loop over every page does not first make a list of every value."""
    for start in range(0, len(frame), size):
        part = frame.iloc[start:start + size]
        yield from zip(*(part[c].tolist() for c in columns))


@dataclass
class Crawl:
    start_url: str
    pages: pd.DataFrame  # one row per fetched URL (PAGE_COLUMNS), the last record of a URL fetched twice
    entries: pd.DataFrame  # page_url, title, url, date: list entries as the lists show them
    # url, text: each internal or external link whose text could name a column (2–14 characters),
    # once per (target, text), in the order first seen: what category matching reads of the links.
    nav_links: pd.DataFrame
    records: FileRecords | ListRecords = field(repr=False)  # where texts and links are read again
    seqs: np.ndarray = field(repr=False)  # per pages row, its record in `records`

    @classmethod
    def from_records(cls, start_url: str, records: Iterable[dict]) -> "Crawl":
        source = ListRecords()
        builder = TableBuilder(source)
        for rec in records:
            builder.add(source.add(rec), rec)
        return cls._built(start_url, builder, source)

    @classmethod
    def load(cls, path: Path, start_url: str | None = None) -> "Crawl":
        """Read pages.jsonl in one pass, holding one record at a time."""
        source = FileRecords(Path(path))
        builder = TableBuilder(source)
        first, first_depth = None, None
        for seq, rec in source.read():
            builder.add(seq, rec)
            depth = rec.get("depth") or 0
            if first_depth is None or depth < first_depth:  # the start URL: the first page at the least depth
                first, first_depth = rec.get("url"), depth
        if start_url is None:
            start_url = first or ""
        return cls._built(start_url, builder, source)

    @classmethod
    def _built(cls, start_url: str, builder: TableBuilder, source) -> "Crawl":
        pages, entries, nav_links, seqs = builder.tables()
        return cls(start_url=canonical(start_url), pages=pages, entries=entries, nav_links=nav_links,
                   records=source, seqs=seqs)

    @cached_property
    def html_mask(self) -> np.ndarray:
        """Per pages row: it answered 200 with HTML, so its content counts."""
        p = self.pages
        return (p["is_html"] & (p["status"] == 200)).to_numpy()

    @property
    def html(self) -> pd.DataFrame:
        """Pages that answered 200 with HTML: the ones whose content counts."""
        return self.pages[self.html_mask]

    def html_pages(self, columns: list[str]) -> pd.DataFrame:
        """Some columns of the HTML pages: a copy of all of them would be the pages table again."""
        return self.pages.loc[self.html_mask, columns]

    @cached_property
    def _urls(self) -> pd.Index:
        return pd.Index(self.pages["url"])  # unique: a URL fetched twice kept its last record

    @cached_property
    def landed(self) -> dict[str, int]:
        """Where redirects ended at a URL not fetched itself: the first page that went there."""
        pages = self.pages
        moved = pages[pages["final_url"].notna() & (pages["final_url"] != pages["url"])]
        landed: dict[str, int] = {}
        for row, final in zip(moved.index.tolist(), moved["final_url"].tolist()):
            if final and final not in landed and self.pages_row(final) is None:
                landed[final] = row
        return landed

    def pages_row(self, url: str) -> int | None:
        """The pages row fetched under this very URL (canonical), not one that redirected to it."""
        try:
            return self._urls.get_loc(url)
        except KeyError:
            return None

    def row(self, url: str) -> int | None:
        """The pages row of a URL, found by the URL asked for (it wins) or where it redirected."""
        url = canonical(url)
        row = self.pages_row(url)
        return self.landed.get(url) if row is None else row

    def page(self, url: str) -> dict | None:
        """The fetch record of a URL, found by the URL asked for or where it redirected."""
        i = self.row(url)
        return None if i is None else {**self.pages.iloc[i].to_dict(), "title": self.title(i)}

    def home(self) -> dict | None:
        return self.page(self.start_url)

    @cached_property
    def attachments(self) -> pd.DataFrame:
        """The attachments downloaded to be read (crawler.extract.attachments), by pages row: url, type, read
        (their words are the record's text: `texts(rows)` gives them as it gives a page's), why (why not),
        chars (how many characters were read), cut (the record keeps only the first
        NETCHECK_ATTACHMENT_MAX_CHARS of them)."""
        p = self.pages
        columns = ["url", "type", "read", "why", "chars", "cut"]
        if "attachment" not in p:
            return pd.DataFrame([], columns=columns)
        files = p.loc[p["attachment"].notna() & (p["status"] == 200), ["url", "attachment"]]
        return pd.DataFrame([(url, *facts) for url, facts in zip(files["url"].tolist(), files["attachment"].tolist())],
                            index=files.index, columns=columns, dtype=object)

    def texts(self, rows: Iterable[int] | None = None) -> Iterator[tuple[int, str]]:
        """(row, text) for the given pages rows (default: the HTML pages), read back from the
        crawl record in file order."""
        return self._strings("text", rows)

    def titles(self, rows: Iterable[int] | None = None) -> Iterator[tuple[int, str]]:
        """(row, title) for the given pages rows (default: the HTML pages), read back from the
        crawl record in file order."""
        return self._strings("title", rows)

    def title(self, row: int) -> str:
        return next(self._strings("title", [row]))[1]

    def _strings(self, field: str, rows: Iterable[int] | None) -> Iterator[tuple[int, str]]:
        rows = np.flatnonzero(self.html_mask) if rows is None else np.fromiter(rows, dtype=np.int64)
        order = np.argsort(self.seqs[rows], kind="stable")  # record order is file order
        rows = rows[order]
        seqs = self.seqs[rows]
        for start in range(0, len(rows), 4096):  # Python ints for a slice at a time, not for every page
            yield from zip(rows[start:start + 4096].tolist(),
                           self.records.strings(field, seqs[start:start + 4096].tolist()))

    def links_to(self, targets: set[str]) -> pd.DataFrame:
        """Every link (page_url, url, text, kind, tag) whose target is one of `targets`, read back
        from the crawl record: the first link of a page to a target, in crawl order."""
        rows, seen = [], set()
        if targets:
            for rec in self.records.linking(targets, canonical):
                page_url = canonical(rec.get("url"))
                for link in rec.get("links") or ():
                    url = canonical(link.get("url"))
                    if url not in targets or (page_url, url) in seen:
                        continue
                    seen.add((page_url, url))
                    rows.append((page_url, url, link.get("text") or "", link.get("kind") or "internal",
                                 link.get("tag") or "a"))
        return pd.DataFrame(rows, columns=LINK_COLUMNS) if rows else pd.DataFrame([], columns=LINK_COLUMNS)
