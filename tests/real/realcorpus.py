"""The real-page corpus (tests/data/real): its manifest, and what netcheck reads from each page.

MANIFEST.tsv names every saved page with where it came from (repository, path, commit, sha256 of
the exact bytes) and a ground truth read by eye. `Reading` holds what `crawler.extract.page`
reads from the same bytes, served as a server that names no charset would serve them; the
FIELDS table says, per field, which pages it applies to and when a reading counts as right.
The parametrised tests (test_extraction.py) and the accuracy script (accuracy.py) share it.
"""
from __future__ import annotations

import csv
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from scrapy.http import HtmlResponse, Request

from crawler.extract.normalize import match_key
from crawler.extract.page import build_record
from crawler.items import PageRecord

REAL = Path(__file__).resolve().parents[1] / "data" / "real"
MANIFEST = REAL / "MANIFEST.tsv"
KNOWN_MISSES = REAL / "known_misses.tsv"
COLUMNS = ("file", "url", "repository", "path", "commit", "sha256", "site", "cms", "page_kind", "encoding",
           "title", "published", "formed", "breadcrumb", "index_no_present", "list_count", "list_newest",
           "list_oldest", "list_total_pages", "notes")
PAGE_KINDS = frozenset({"article", "list", "home", "annual_report", "guide", "board", "other"})
CMS_FAMILIES = frozenset({"trs", "hanweb", "founder", "gkmlpt", "govcn", "jiyue", "other"})
# Pages whose posting date, breadcrumb and 索引号 are about one item; a list or home page's are not.
ITEM_KINDS = frozenset({"article", "annual_report", "guide"})


@dataclass(frozen=True)
class Page:
    """One manifest row."""

    row: dict[str, str]

    @property
    def file(self) -> str:
        return self.row["file"]

    @property
    def id(self) -> str:
        return Path(self.file).name

    def __getattr__(self, name: str) -> str:
        try:
            return self.row[name]
        except KeyError as exc:
            raise AttributeError(name) from exc

    @property
    def body(self) -> bytes:
        return (REAL / self.file).read_bytes()


def pages(manifest: Path = MANIFEST) -> list[Page]:
    with manifest.open(encoding="utf-8", newline="") as f:
        return [Page(row) for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)]


def reading(page: Page) -> PageRecord:
    """What a crawl records for the page: its bytes as a response with no charset header."""
    return _reading(page.file, page.url, page.site)


@cache
def _reading(file: str, url: str, site: str) -> PageRecord:
    page = Page({"file": file, "url": url, "site": site})
    request = Request(page.url)
    response = HtmlResponse(page.url, body=page.body, headers={"Content-Type": "text/html"}, request=request)
    return build_record(response, site_url=f"{page.url.split('://')[0]}://{page.site}/")


def crumbs(text: str) -> list[str]:
    return [match_key(c) for c in text.split(" > ") if c.strip()] if text else []


def dated(record: PageRecord) -> list[str]:
    return sorted(e.date for e in record.entries if e.date)


@dataclass(frozen=True)
class Field:
    """One measured field: which pages it applies to, the truth and the reading to compare."""

    name: str
    applies: Callable[[Page], bool]
    truth: Callable[[Page], object]
    read: Callable[[PageRecord], object]


def _yes(value: str) -> bool:
    return value.strip().lower() in {"yes", "y", "true", "1", "是"}


FIELDS: tuple[Field, ...] = (
    # The posting date, on every item page: a page that shows none must read none, not a guess.
    Field("published", lambda p: p.page_kind in ITEM_KINDS,
          lambda p: p.published or None, lambda r: r.published),
    # The 当前位置 trail, wherever the page shows one, and none where it shows none.
    Field("breadcrumb", lambda p: p.page_kind != "home" or bool(p.breadcrumb),
          lambda p: crumbs(p.breadcrumb), lambda r: [match_key(c) for c in r.breadcrumb]),
    Field("index_no", lambda p: True,
          lambda p: _yes(p.index_no_present), lambda r: bool(r.metadata.get("索引号"))),
    Field("list_count", lambda p: bool(p.list_count),
          lambda p: int(p.list_count), lambda r: len(dated(r))),
    Field("list_newest", lambda p: bool(p.list_count),
          lambda p: p.list_newest or None, lambda r: (dated(r) or [None])[-1]),
    Field("list_oldest", lambda p: bool(p.list_count),
          lambda p: p.list_oldest or None, lambda r: (dated(r) or [None])[0]),
    # Reported, not targeted: the item's title (a <title> without the site's name, else its heading).
    Field("title", lambda p: bool(p.title) and p.page_kind in ITEM_KINDS,
          lambda p: match_key(p.title), lambda r: match_key(r.title)),
    # Reported, not targeted: the formation date is often only in the text's last line.
    Field("formed", lambda p: p.page_kind in ITEM_KINDS,
          lambda p: p.formed or None, lambda r: r.formed),
)
FIELD = {f.name: f for f in FIELDS}


def known_misses(path: Path = KNOWN_MISSES) -> dict[tuple[str, str], str]:
    """(page file name, field) → why netcheck does not read it right yet."""
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as f:
        return {(r["page"], r["field"]): r["why"] for r in csv.DictReader(f, delimiter="\t")}


ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def truth_params(name: str) -> list:
    """pytest params (page, row) of a truth table beside the manifest (footers.tsv, boards.tsv,
    guides.tsv): one row a page, read by eye, keyed by the page's file."""
    import pytest

    by_file = {page.file: page for page in pages()}
    with (MANIFEST.parent / name).open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [pytest.param(by_file[row["file"]], row, id=by_file[row["file"]].id) for row in rows]
