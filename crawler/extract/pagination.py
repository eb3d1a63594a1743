"""The other pages of a column list that the page names without an `<a>`.

Government CMSs draw their pagers in JavaScript, so a crawler that follows only
`<a href>` sees page 1 of every column and judges the column by it. Each CMS
shape is one finder in `PAGINATION_FINDERS`; a new CMS is a new entry there:

- `trs-createPageHTML`  TRS WCM: `createPageHTML(25, 0, "index", "html")`, page k>0 is index_k.html
- `hanweb-datastore`    Hanweb JCMS: `<datastore><nextgroup>` naming its data proxy, read by GET
- `generic-total`       `共N页` / `totalPage=N` plus the page-2 link pattern the page itself shows

A finder yields URLs in page order, bounded by what the page states; nothing is
guessed beyond a pattern the page shows. Whether a generated page exists is not
decided here: the crawl fetches it and records the answer.
"""
from __future__ import annotations

import html as html_lib
import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from itertools import chain, islice
from urllib.parse import unquote, urljoin, urlsplit, urlunsplit

from w3lib.url import safe_url_string

from crawler.extract.urls import canonical_query, canonical_url
from crawler.items import Link

# A bogus total (createPageHTML(99999, …)) must not explode the crawl; NETCHECK_MAX_LIST_PAGES overrides.
MAX_LIST_PAGES = 200

# --- TRS WCM ---------------------------------------------------------------------------
# createPageHTML(count, current, "index", "html"), also with the record total first
# (total, count, current, prefix, ext) or a container id first and the total last
# ('page_div', count, current, prefix, ext, total). Not its own definition ("function …").
TRS_CALL = re.compile(r"(?<!function )(?<![\w.$])createPageHTML\s*\(([^()]*)\)")
TRS_EXTENSIONS = frozenset({"html", "htm", "shtml", "jhtml", "jsp", "asp", "aspx", "php"})
_QUOTED = re.compile(r"""^(["'])(.*)\1$""", re.S)
_NAME = re.compile(r"^[A-Za-z_$][\w$]*$")


def _variable(html: str, name: str) -> int | None:
    """The number a script assigns to `name` (`var countPage = 25;`), or None."""
    m = re.search(rf"(?<![\w.$]){re.escape(name)}\s*=\s*[\"']?(\d+)", html)
    return _int(m[1]) if m else None


def _trs_args(raw: str, html: str) -> list[int | str] | None:
    values: list[int | str] = []
    for arg in (a.strip() for a in raw.split(",")):
        if (number := _int(arg)) is not None:
            values.append(number)
        elif quoted := _QUOTED.match(arg):
            values.append(quoted[2])
        elif _NAME.match(arg) and (number := _variable(html, arg)) is not None:
            values.append(number)
        else:
            return None  # an expression or an unassigned parameter: not a call we can read
    return values


def trs_pages(html: str, url: str, links: Sequence[Link]) -> Iterator[str]:
    if "createPageHTML" not in html:
        return  # the pattern's lookbehinds make it scan every character of every page
    for call in TRS_CALL.finditer(html):
        args = _trs_args(call[1], html)
        if not args:
            continue
        ext_at = next((i for i, a in enumerate(args) if isinstance(a, str) and a.lower() in TRS_EXTENSIONS), None)
        if not ext_at or not isinstance(args[ext_at - 1], str):
            continue
        numbers = [a for a in args[: ext_at - 1] if isinstance(a, int)]
        if len(numbers) < 2:
            continue
        pages, current, prefix, ext = numbers[-2], numbers[-1], args[ext_at - 1], args[ext_at]
        for k in range(pages):
            if k != current:  # this page, whether reached as index.html or as its directory
                yield urljoin(url, f"{prefix}.{ext}" if k == 0 else f"{prefix}_{k}.{ext}")
        return  # one list per page; a second call is the same pager drawn twice


# --- Hanweb JCMS datastore -------------------------------------------------------------
# The page embeds the first group of records and names its data proxy in <nextgroup>;
# the browser POSTs for the rest. An audit must not submit forms, so the same query is
# asked for by GET: dataproxy.jsp?startrecord=S&endrecord=E&perpage=P&col=1&appid=…
DATASTORE = re.compile(r"<datastore>(.*?)</datastore>", re.I | re.S)
NEXTGROUP_HREF = re.compile(r"<nextgroup>\s*<!\[CDATA\[.*?href\s*=\s*([\"'])(.*?)\1", re.I | re.S)
RECORD = re.compile(r"<record>", re.I)
HANWEB_HINTS: dict[str, tuple[re.Pattern[str], ...]] = {
    "total": (re.compile(r"<totalrecord>\s*(\d+)", re.I), re.compile(r"\btotalRecord\s*[:=]\s*[\"']?(\d+)", re.I)),
    "perpage": (re.compile(r"\bperPage\s*[:=]\s*[\"']?(\d+)", re.I), re.compile(r"<perpage>\s*(\d+)", re.I)),
    "groupsize": (re.compile(r"\bgroupSize\s*[:=]\s*[\"']?(\d+)", re.I),),
}
HANWEB_DEFAULTS = {"perpage": 15, "groupsize": 3}  # jpage's defaults: 3 pages of 15 records per request
# Parameters that say which records; everything else names the column and is kept.
HANWEB_RANGE_PARAMS = frozenset({"page", "startrecord", "endrecord", "perpage", "col"})


def _hint(name: str, *texts: str) -> int | None:
    for text in texts:
        for pattern in HANWEB_HINTS[name]:
            if m := pattern.search(text):
                return _int(m[1])
    return None


def _params(query: str) -> dict[str, str]:
    return {unquote(p.partition("=")[0]).lower(): unquote(p.partition("=")[2]) for p in query.split("&") if p}


def hanweb_pages(html: str, url: str, links: Sequence[Link]) -> Iterator[str]:
    own = _params(urlsplit(url).query)
    own_start, own_end = _int(own.get("startrecord")), _int(own.get("endrecord"))
    is_proxy_answer = own_start is not None  # a data-proxy answer read by GET (this module's own URLs)
    for block in DATASTORE.finditer(html):
        body = block[1]
        href = NEXTGROUP_HREF.search(body)
        proxy = urljoin(url, html_lib.unescape(href[2]).strip()) if href else (url if is_proxy_answer else None)
        if not proxy:
            continue
        parts = urlsplit(proxy)
        column = "&".join(p for p in parts.query.split("&")
                          if p and unquote(p.partition("=")[0]).lower() not in HANWEB_RANGE_PARAMS)
        per_page = _hint("perpage", body, html) or _int(own.get("perpage")) or HANWEB_DEFAULTS["perpage"]
        group = per_page * (_hint("groupsize", body, html) or HANWEB_DEFAULTS["groupsize"])
        held = len(RECORD.findall(body))
        if is_proxy_answer:
            # The column page asked for this group; the next one starts after it.
            asked = own_end - own_start + 1 if own_end and own_end >= own_start else group
            group, first, full = asked, own_start + asked, held >= asked
        else:
            # The page holds records 1..held; the browser's next request starts after them.
            first, full = held + 1, held >= per_page
        total = _hint("total", body, html)
        # Without a stated total, one more group is asked for only after a full one: its
        # answer (which states the total, or is full again) says whether there is more.
        starts = range(first, total + 1, group) if total else (range(first, first + 1) if full else ())
        for start in starts:
            query = f"startrecord={start}&endrecord={start + group - 1}&perpage={per_page}&col=1&{column}"
            yield urlunsplit((parts.scheme, parts.netloc, parts.path, query, ""))


def _int(value: str | None) -> int | None:
    """A count written in digits; None for anything else ('²' is a digit to str.isdigit, not to int;
    a run of 5000 digits is no count, and more than int() will read)."""
    return int(value) if value and value.isdecimal() and len(value) <= 18 else None


# --- Generic: a stated page count plus the page's own page-2 link ---------------------
TOTAL_PAGE_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(r"共\s*(\d+)\s*页"),
    re.compile(r"页次\s*[:：]?\s*\d+\s*/\s*(\d+)"),
    re.compile(r"\b(?:totalPages?|pageTotal|pageCount|countPage)\s*[:=]\s*[\"']?(\d+)", re.I),
)
_NUMBER_NEXT = re.compile(r"(?:\s|<[^>]*>|&[#\w]+;?)*\d")  # ;? as html.unescape: "&nbsp5" is "\xa05"


def _may_state_total(html: str) -> bool:
    """False when no TOTAL_PAGE_PATTERNS can match once tags and entities are gone: no 共 followed by a
    number (tags, spaces, entities between), no 页次, no script variable, no numeric entity (could be anything)."""
    if "页次" in html or "&#" in html:
        return True
    lower = html.lower()
    if any(name in lower for name in ("totalpage", "pagetotal", "pagecount", "countpage")):
        return True
    at = html.find("共")
    while at >= 0:
        if _NUMBER_NEXT.match(html, at + 1):
            return True
        at = html.find("共", at + 1)
    return False


PAGE_PARAMS = frozenset({"page", "pageno", "pagenum", "pagenumber", "pageindex", "currpage", "curpage", "currentpage"})
# index_2.html, list-3.shtml: a page number appended to the first page's file name.
PATH_PAGE = re.compile(r"^(?P<stem>.*/[^/]*?)(?P<sep>[_-])(?P<k>\d{1,4})\.(?P<ext>s?html?|jsp|aspx?|php)$", re.I)
FIRST_PAGE_NAMES = ("index", "default", "list")  # what a directory URL (/zwgk/tzgg/) serves
_TAG = re.compile(r"<[^>]+>")


def _slot(url: str) -> tuple[tuple, int] | None:
    """(pager key, number in the page slot) when `url` looks like one page of a numbered list."""
    parts = urlsplit(url)
    pieces = [p for p in parts.query.split("&") if p]
    for piece in pieces:
        name, _, value = piece.partition("=")
        if name.lower() in PAGE_PARAMS and (k := _int(value)) is not None:
            rest = "&".join(p for p in pieces if p is not piece)
            return ("query", parts.scheme, parts.netloc, parts.path, rest, name), k
    m = PATH_PAGE.match(parts.path)
    if m and not parts.query:
        return ("path", parts.scheme, parts.netloc, m["stem"], m["sep"], m["ext"]), int(m["k"])
    return None


def _page_url(key: tuple, k: int | None) -> str:
    """The URL of slot number `k` of a pager (`None`: the first page, which has no number)."""
    style, scheme, netloc, *rest = key
    if style == "query":
        path, others, name = rest
        query = others if k is None else canonical_query("&".join(filter(None, (others, f"{name}={k}"))))
        return urlunsplit((scheme, netloc, path, query, ""))
    stem, sep, ext = rest
    return urlunsplit((scheme, netloc, f"{stem}.{ext}" if k is None else f"{stem}{sep}{k}.{ext}", "", ""))


def _is_first_page(key: tuple, url: str) -> bool:
    first = _page_url(key, None)
    if url == first:
        return True
    # /zwgk/tzgg/ serves /zwgk/tzgg/index.html
    return key[0] == "path" and url.endswith("/") and any(
        first == f"{url}{name}.{key[5]}" for name in FIRST_PAGE_NAMES)


def generic_pages(html: str, url: str, links: Sequence[Link]) -> Iterator[str]:
    if not _may_state_total(html):
        return  # most pages: spare them stripping every tag
    text = html_lib.unescape(_TAG.sub(" ", html))
    total = next((_int(m[1]) for p in TOTAL_PAGE_PATTERNS if (m := p.search(text))), None)
    if not total:
        return
    url = canonical_url(url)
    own = _slot(url)
    seen: dict[tuple, list[tuple[int, str]]] = {}
    for link in links:
        if link.tag == "a" and (slot := _slot(link.url)):
            key, k = slot
            if (own and own[0] == key) or _is_first_page(key, url):
                seen.setdefault(key, []).append((k, link.text.strip()))
    for key, numbers in seen.items():
        own_k = own[1] if own and own[0] == key else None
        offset = _offset(numbers, own_k, total, path_style=key[0] == "path")
        if offset is None:
            continue
        lowest_slot = 1 if key[0] == "path" else 0  # a path pager's first page has no number
        own_n = 1 if own_k is None else own_k + offset
        # Page 1, then the pages from the lowest slot on: a pager numbered from 99999999 must not
        # spin through every page number below it.
        for n in chain((1,), range(max(2, lowest_slot + offset), total + 1)):
            if n == own_n:
                continue
            if n == 1:
                yield _page_url(key, None)
            elif n - offset >= lowest_slot:
                yield _page_url(key, n - offset)


def _offset(numbers: list[tuple[int, str]], own_k: int | None, total: int, *, path_style: bool) -> int | None:
    """Page number minus slot number, from what the page shows; None when it does not say.

    Best evidence first: numbered pager links ("2" → index_1.html); then, on page 1
    (`own_k` None), the lowest slot linked is the next page; then TRS's own rule
    (index_1.html is page 2) when slot 1 is linked or is this page; then, on a page
    that links no higher slot (no 下一页), this page is the last, page `total`.
    """
    by_text = Counter(_int(text) - k for k, text in numbers if _int(text) is not None)
    if by_text:
        return by_text.most_common(1)[0][0]
    lowest = min(k for k, _ in numbers)
    if own_k is None:
        return 2 - lowest
    if path_style and min(lowest, own_k) == 1:
        return 1
    if all(k < own_k for k, _ in numbers):
        return total - own_k
    return None


# --- The table ------------------------------------------------------------------------
Finder = Callable[[str, str, Sequence[Link]], Iterator[str]]
PAGINATION_FINDERS: tuple[tuple[str, Finder], ...] = (
    ("trs-createPageHTML", trs_pages),
    ("hanweb-datastore", hanweb_pages),
    ("generic-total", generic_pages),
)


def further_pages(html: str, url: str, links: Sequence[Link] = (), *, limit: int = MAX_LIST_PAGES) -> list[str]:
    """Canonical URLs of the other pages of this page's list that it does not link with `<a>`, at most `limit`.

    `html` is the page as served (scripts and datastores intact); `links` its `page_links`,
    whose `<a>` URLs are left out (the crawl follows those anyway) and whose pager
    links show the generic finder how page numbers are spelled.
    """
    own = canonical_url(url)
    linked = {link.url for link in links if link.tag == "a"}
    found: list[str] = []
    for _name, finder in PAGINATION_FINDERS:
        # A finder yields each page once, so past this many it only repeats pages that canonicalise
        # alike (createPageHTML(99999999, 0, "#", "html")) and would run on through them all.
        for generated in islice(finder(html, url, links), limit + len(linked) + 1):
            if len(found) >= limit:
                return found
            generated = canonical_url(safe_url_string(generated))
            if generated != own and generated not in linked and generated not in found:
                found.append(generated)
    return found
