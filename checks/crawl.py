"""The stored crawl as tables: what every rule reads. Built from `pages.jsonl` alone."""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pandas as pd

PAGE_COLUMNS = ["url", "final_url", "status", "error", "method", "content_type", "is_html", "depth",
                "referer", "title", "meta", "breadcrumb", "column", "metadata", "published", "formed",
                "page_type", "empty_notice", "text", "elapsed", "certificate_error"]


def canonical(url: str | None) -> str:
    """The form URLs are compared in: no fragment, host lower-case, '/' for an empty path."""
    if not url:
        return ""
    # Fast path: most URLs of a crawl are already in this form (the crawler wrote them).
    i = url.find("://")
    if i > 0 and "#" not in url:
        j = url.find("/", i + 3)
        head = url[:j] if j != -1 else url
        if head == head.lower():
            return url if j != -1 else url + "/"
    parts = urlsplit(url)
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", parts.query, ""))


@dataclass
class Crawl:
    start_url: str
    pages: pd.DataFrame  # one row per fetched URL (PAGE_COLUMNS)
    entries: pd.DataFrame  # page_url, title, url, date: list entries as the lists show them
    links: pd.DataFrame  # page_url, url, text, kind, tag: every link on every HTML page

    @classmethod
    def from_records(cls, start_url: str, records: list[dict]) -> "Crawl":
        rows, entries, links = [], [], []
        for rec in records:
            row = {c: rec.get(c) for c in PAGE_COLUMNS}
            row["url"] = canonical(rec.get("url"))
            row["final_url"] = canonical(rec.get("final_url")) or None
            row["breadcrumb"] = list(rec.get("breadcrumb") or [])
            row["metadata"] = dict(rec.get("metadata") or {})
            row["meta"] = dict(rec.get("meta") or {})
            row["text"] = rec.get("text") or ""
            row["title"] = rec.get("title") or ""
            row["column"] = rec.get("column") or ""
            row["is_html"] = bool(rec.get("is_html"))
            row["empty_notice"] = bool(rec.get("empty_notice"))
            rows.append(row)
            for e in rec.get("entries") or []:
                entries.append({"page_url": row["url"], "title": e.get("title") or "",
                                "url": canonical(e.get("url")), "date": e.get("date")})
            for link in rec.get("links") or []:
                links.append({"page_url": row["url"], "url": canonical(link.get("url")),
                              "text": link.get("text") or "", "kind": link.get("kind") or "internal",
                              "tag": link.get("tag") or "a"})
        pages = pd.DataFrame(rows, columns=PAGE_COLUMNS)
        if len(pages):
            # A URL fetched twice (e.g. a resumed crawl) keeps its last answer.
            pages = pages.drop_duplicates("url", keep="last").reset_index(drop=True)
        return cls(
            start_url=canonical(start_url),
            pages=pages,
            entries=pd.DataFrame(entries, columns=["page_url", "title", "url", "date"]),
            links=pd.DataFrame(links, columns=["page_url", "url", "text", "kind", "tag"]).drop_duplicates(
                ["page_url", "url"]).reset_index(drop=True),
        )

    @classmethod
    def load(cls, path: Path, start_url: str | None = None) -> "Crawl":
        records = []
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                line = line.strip()
                if not line:
                    continue
                try:
                    records.append(json.loads(line))
                except ValueError:
                    continue  # a crawl killed mid-write leaves a torn last line; the rest stands
        if start_url is None:
            start_url = min(records, key=lambda r: r.get("depth") or 0)["url"] if records else ""
        return cls.from_records(start_url, records)

    @property
    def html(self) -> pd.DataFrame:
        """Pages that answered 200 with HTML: the ones whose content counts."""
        p = self.pages
        return p[p["is_html"] & (p["status"] == 200)]

    @cached_property
    def _row_of(self) -> dict[str, int]:
        rows: dict[str, int] = {}
        for i, final in enumerate(self.pages["final_url"].tolist()):
            if final:
                rows.setdefault(final, i)
        rows.update({url: i for i, url in enumerate(self.pages["url"].tolist())})  # the URL asked for wins
        return rows

    def page(self, url: str) -> dict | None:
        """The fetch record of a URL, found by the URL asked for or where it redirected."""
        i = self._row_of.get(canonical(url))
        return None if i is None else self.pages.iloc[i].to_dict()

    def home(self) -> dict | None:
        return self.page(self.start_url)
