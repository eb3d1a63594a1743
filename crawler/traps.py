"""Crawler traps: URLs that would keep a crawl busy forever without showing anything new.

A calendar that links next month from every month, a relative link that nests
a path into itself (/zwgk/zwgk/zwgk/…), a search or filter form whose
parameters combine without end. Each guard below is one named check; a URL any
of them refuses is not fetched and is counted in the stats
(`netcheck/trap_skipped`, and `netcheck/trap_skipped/<guard>`). It stays
recorded as a link on the page that holds it: a refused URL is unvisited, not
judged. `NETCHECK_TRAP_GUARD = False` turns the guards off.

URL spelling (session ids, parameter order) is settled before this, in
`crawler.extract.urls`, so that variants differing only in spelling are one URL.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from urllib.parse import unquote, urlsplit

_YEAR = r"((?:1[89]|2\d)\d{2})"  # 1800-2999: wide enough to catch a trap, narrow enough to skip ids
# Dates a URL carries in its path, as (pattern capturing the year, what it is). Only
# shapes that are dates beyond doubt: an 8-digit article id must not pass for one.
PATH_DATE_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"/t(\d{4})(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])_\d+"), "TRS article /tYYYYMMDD_"),
    (re.compile(r"/art/(\d{4})/\d{1,2}/\d{1,2}/"), "Hanweb article /art/YYYY/M/D/"),
    (re.compile(rf"/{_YEAR}-(?:0?[1-9]|1[0-2])(?:-\d{{1,2}})?(?=/|\.|$)"), "ISO date segment /YYYY-MM(-DD)"),
    (re.compile(rf"/{_YEAR}/(?:0?[1-9]|1[0-2])(?=/|$)"), "calendar path /YYYY/MM/"),
    (re.compile(r"/(\d{4})(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?=/|\.s?html?$)"), "date segment /YYYYMMDD/"),
)
# Query parameters whose value is a date or a year (calendar.jsp?year=2031&month=5).
# Not bare start/end: `start=2101` is an offset as often as a year.
DATE_PARAM = re.compile(
    r"(?:\w*_)?(?:year|yr|y|nian|date|day|riqi|time|(?:begin|start|end)_?(?:date|time|day|year)|from|to)", re.I)
YEAR_IN_VALUE = re.compile(r"^(\d{4})(?:$|[-/.年]|(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])?$)")
FULL_DATE_VALUE = re.compile(r"^(\d{4})[-/.](?:0?[1-9]|1[0-2])[-/.](?:0?[1-9]|[12]\d|3[01])")
EARLIEST_YEAR = 1990  # no Chinese government portal is older; 1970-01-01 is an epoch default, not a date

# Parameters that pick one item or one page of a list. A path may legitimately take
# thousands of these (showinfo.aspx?infoid=…, list.jsp?page=…), so they do not count
# as query variants; the other parameters (sort, filter, calendar) combine into traps.
ITEM_PARAM = re.compile(r"\w*id|page\w*|p|pn|curpage|currpage|startrecord|endrecord|perpage|start|offset|n", re.I)
MAX_SEGMENT_REPEATS = 2  # /a/b/a/b/ is seen on real sites; a third /a/b/ is a loop


def url_years(url: str) -> list[int]:
    """Years of the dates the URL carries in its path or in date-like query parameters."""
    parts = urlsplit(url)
    years = [int(m[1]) for pattern, _ in PATH_DATE_PATTERNS for m in pattern.finditer(parts.path)]
    for piece in filter(None, parts.query.split("&")):
        name, _, value = (unquote(p) for p in piece.partition("="))
        value = value.strip()
        m = YEAR_IN_VALUE.match(value) if DATE_PARAM.fullmatch(name) else FULL_DATE_VALUE.match(value)
        if m:
            years.append(int(m[1]))
    return years


def calendar_trap(url: str, today: date, years_ahead: int) -> bool:
    """True when the URL names a date more than `years_ahead` years after `today`, or before 1990."""
    return any(year > today.year + years_ahead or year < EARLIEST_YEAR for year in url_years(url))


def repeated_segments(url: str, max_repeats: int = MAX_SEGMENT_REPEATS) -> bool:
    """True when a run of path segments repeats more than `max_repeats` times in a row (/a/b/a/b/a/b/)."""
    segments = [s for s in urlsplit(url).path.split("/") if s]
    for size in range(1, len(segments) // (max_repeats + 1) + 1):
        for start in range(len(segments) - size * (max_repeats + 1) + 1):
            run = segments[start:start + size]
            if all(segments[start + i * size:start + (i + 1) * size] == run for i in range(max_repeats + 1)):
                return True
    return False


def query_variant(url: str) -> tuple[str, str] | None:
    """(path, query without item and page parameters), the form variants are counted in; None without a query."""
    parts = urlsplit(url)
    if not parts.query:
        return None
    rest = "&".join(p for p in parts.query.split("&") if p and not ITEM_PARAM.fullmatch(unquote(p.partition("=")[0])))
    return f"{parts.scheme}://{parts.netloc}{parts.path}", rest


class TrapGuard:
    """Decides, URL by URL, whether the crawl may fetch it; counts what it refuses.

    One per crawl (built by the spider in from_crawler): it remembers the query
    variants seen per path, which is the only state it keeps.
    """

    def __init__(self, *, enabled: bool = True, today: date | None = None, years_ahead: int = 2,
                 max_query_variants: int = 50, max_url_length: int = 512,
                 count: Callable[[str], object] | None = None):
        self.enabled = enabled
        self.today = today or date.today()
        self.years_ahead = years_ahead
        self.max_query_variants = max_query_variants
        self.max_url_length = max_url_length
        self.count = count  # adds 1 to a stats key
        self.variants: dict[str, set[str]] = {}

    @classmethod
    def from_crawler(cls, crawler) -> "TrapGuard":
        settings = crawler.settings
        return cls(
            enabled=settings.getbool("NETCHECK_TRAP_GUARD", True),
            years_ahead=settings.getint("NETCHECK_CALENDAR_YEARS_AHEAD", 2),
            max_query_variants=settings.getint("NETCHECK_MAX_QUERY_VARIANTS", 50),
            max_url_length=settings.getint("URLLENGTH_LIMIT", 512),
            # crawler.stats only exists once the crawl starts, after the spider is built.
            count=lambda key: crawler.stats.inc_value(key),
        )

    def trap(self, url: str) -> str | None:
        """The name of the guard that refuses `url`, or None when it may be fetched."""
        if not self.enabled:
            return None
        if self.max_url_length and len(url) > self.max_url_length:
            return "length"
        if repeated_segments(url):
            return "repeated_path"
        if calendar_trap(url, self.today, self.years_ahead):
            return "calendar"
        variant = query_variant(url)
        if variant and self.max_query_variants and not self.admit_variant(*variant):
            return "query_variants"
        return None

    def admit_variant(self, path: str, query: str) -> bool:
        """Whether `query` is a known variant of `path` or still within the limit (then remembered).
        A distributed crawl (crawler.distributed) replaces this with one shared through Redis."""
        seen = self.variants.setdefault(path, set())
        if query not in seen:
            if len(seen) >= self.max_query_variants:
                return False
            seen.add(query)
        return True

    def allows(self, url: str) -> bool:
        """True when `url` may be fetched; a refusal is counted in the crawl's stats."""
        reason = self.trap(url)
        if reason and self.count is not None:
            self.count("netcheck/trap_skipped")
            self.count(f"netcheck/trap_skipped/{reason}")
        return reason is None
