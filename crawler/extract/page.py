"""A `PageRecord` from a fetched response: fetch facts plus, for HTML, what the page says.

The precedence rules for title, column, published and formed live here and
nowhere else; each is a short chain of sources, best first. The date chains are
tables of (source, getter), and the record says which source gave the date.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Any

from lxml import etree
from parsel import Selector
from scrapy.http import HtmlResponse, Response, TextResponse

from crawler.extract.a11y import page_a11y
from crawler.extract.board import page_message, page_messages
from crawler.extract.breadcrumb import breadcrumb
from crawler.extract.content import article_body, main_tree, text_lines, visible_text
from crawler.extract.dates import adoption_date, parse_date, published_from_text, signing_date, url_date
from crawler.extract.embedded import is_list_document, unwrap_embedded_lists
from crawler.extract.encoding import response_text
from crawler.extract.guide import page_guide
from crawler.extract.identity import page_identity
from crawler.extract.inline import commented_rows, inline_json_entries, json_trail
from crawler.extract.jsonlist import json_list
from crawler.extract.links import link_kind, page_links
from crawler.extract.lists import has_empty_notice, list_entries
from crawler.extract.metadata import metadata_table
from crawler.extract.meta_tags import PUBLISHED_META, meta_tags
from crawler.extract.normalize import collapse, match_key
from crawler.extract.notices import notice_only
from crawler.extract.pagination import MAX_LIST_PAGES, further_pages
from crawler.extract.scripted import script_built_list
from crawler.extract.search import search_box
from crawler.extract.tables import report_tables
from crawler.extract.urls import canonical_url
from crawler.items import Entry, Link, PageRecord

# Breadcrumb names that stand for "this page", not for a column.
GENERIC_CRUMBS = frozenset({
    "正文", "详情", "内容", "详细信息", "文章", "正文内容", "信息详情", "详细内容", "内容详情",
    "查看详情", "浏览信息", "首页", "网站首页", "主页",
})
# Where a page's title comes from when <title> is only the site name, best first. Last: a body with no
# <title> and no heading (a report's HTML kept as a string and shown by script) opens with its title as a
# centred bold paragraph: <p style='text-align: center;font-weight: bold;'>2019年…年度报告</p>.
TITLE_FALLBACK_XPATHS = (
    "//h1", "//h2",
    "(//p[contains(translate(@style, ' ', ''), 'text-align:center')"
    " and contains(translate(@style, ' ', ''), 'font-weight:bold')])[1]",
)
# What joins a page's own title to the site's name (and its columns') in <title>: 关于…的通知 - 某某市市场
# 监督管理局, 某某市人民政府_关于…, …_通知公告_某某局, 国家统计局>>…. A hyphen between digits (2016-2020) joins nothing.
TITLE_SEPARATOR = re.compile(r"\s*(?:_+|\|+|｜|—+|–|－|>+|»|(?<!\d)-+(?!\d)|\s-+|-+\s)\s*")
# <title> shapes that put the site's name and its column's before the page's own title with plain spaces,
# which TITLE_SEPARATOR does not cut at (a title itself is full of them): one entry per CMS, the names in
# the order the CMS writes them. "site": the site's name (site_name, the SiteName tag); "column": the
# ColumnName tag or a breadcrumb name. Cut only when every name is there, in order, and a title is left.
SPACED_TITLE_PREFIXES = (
    ("hanweb", ("site", "column")),  # Hanweb JCMS: '山东省能源局 动态要闻 局主要负责同志调研…' (站名 栏目 标题)
)
# What a site's name may carry on top of the name itself, in a <title>.
SITE_NAME_ADDITIONS = ("", "网", "网站", "门户网站", "门户网", "官网", "官方网站", "政府网", "欢迎您", "首页")
# A <title> part that names a site or an office, when the site's own name is not known: last in the
# <title> (… - 某某市人民政府), or first when it says it is a web site (中国政府网 - …). No sentence in it.
SITE_LIKE_LAST = re.compile(r"[^，。：；、《》“”！？,.:;!?]{2,30}(?:网|网站|官网|政府|委员会|管委会|局|厅|办公室|中心|法院|检察院)")
SITE_LIKE_FIRST = re.compile(r"[^，。：；、《》“”！？,.:;!?]{2,30}(?:网|网站|官网)")
MIN_PARAGRAPH_CHARS = 60  # a <p> this long is article prose, not a list line
DATA_ROW_CELLS = 3  # a table row with this many cells holds data, not a layout or a signature
# How files begin. A CMS that publishes an attachment under an .html name often serves it as
# text/html too; parsed as a page it would be one long line of binary "text".
BINARY_SIGNATURES = (
    b"%PDF-",  # PDF
    b"PK\x03\x04",  # zip: docx, xlsx, ofd, zip
    b"\xd0\xcf\x11\xe0",  # OLE: doc, xls, ppt, wps
    b"Rar!", b"7z\xbc\xaf",
    b"\x89PNG", b"GIF8", b"\xff\xd8\xff",  # images
)
_ELLIPSIS = "….。 ."
# </body> and </html> end nothing: templates that glue a desktop and a mobile page together send
# one mid-page (www.gov.cn), a browser goes on reading what follows into the body, and libxml2
# would drop it, breadcrumb and all. Both close themselves at the end of the markup.
END_TAGS = re.compile(r"</(?:body|html)\s*>", re.I)


@dataclass
class PageSays:
    """What the date sources read: the page's URL, tags, 信息公开 table, text and article body."""

    url: str
    meta: dict[str, str]
    metadata: dict[str, str]
    text: str
    body: Any  # content.article_body, or None
    page_type: str = "other"
    tree: Any = None  # content.main_tree, where there is no article body

    @property
    def ends_in_data_table(self) -> bool:
        """True when the document's last words are a cell of a data table (a row of three cells or
        more): a date there is the table's (签发日期 of a list of approvals), not a signature."""
        root = self.body if self.body is not None else self.tree
        texts = root.xpath(".//text()[not(ancestor::script) and not(ancestor::style)]") if root is not None else []
        last = next((t for t in reversed(texts) if t.strip()), None)  # XPath's normalize-space keeps &nbsp;
        row = last.getparent() if last is not None else None
        while row is not None and row.tag != "tr":
            row = row.getparent()
        return row is not None and len([c for c in row if c.tag in ("td", "th")]) >= DATA_ROW_CELLS

    @property
    def body_text(self) -> str:
        """The text a document's own dates stand in (an adoption note under its title, the signing
        date that ends it): the article body's, else the page's; none on a list page, whose last
        line is an entry's date, not a signature."""
        if self.page_type == "list":
            return ""
        return "\n".join(text_lines(self.body)) if self.body is not None else self.text


DateSource = tuple[str, Callable[[PageSays], date | None]]
# Where PageRecord.published comes from, best first; the name is PageRecord.published_source.
PUBLISHED_SOURCES: tuple[DateSource, ...] = (
    ("table", lambda page: parse_date(page.metadata.get("发布日期"))),  # the 信息公开 table's 发布日期 (or 发布时间) cell
    # A "日期：…" line near the top. What the reader sees beats the PubDate tag, which some templates
    # refill whenever the page is regenerated (甘肃 发改委: a month late; 保定: two days).
    ("text", lambda page: published_from_text(page.text)),
    ("meta", lambda page: next(filter(None, map(parse_date, map(page.meta.get, PUBLISHED_META))), None)),
    ("url", lambda page: url_date(page.url)),  # the date a CMS wrote into the URL (/t20160307_1.html)
)
# Where PageRecord.formed comes from, best first; the name is PageRecord.formed_source.
FORMED_SOURCES: tuple[DateSource, ...] = (
    ("table", lambda page: parse_date(page.metadata.get("成文日期")) or parse_date(page.metadata.get("决定日期"))),
    # the date line that ends the document, else an adoption note under its title ("（2007年6月29日…会议通过）")
    ("text", lambda page: (None if page.ends_in_data_table else signing_date(page.body_text))
     or adoption_date(page.body_text)),
)


def first_date(sources: tuple[DateSource, ...], page: PageSays) -> tuple[str | None, str | None]:
    """(ISO date, source name) from the first source that gives a date; (None, None) when none does."""
    for name, getter in sources:
        value = getter(page)
        if value:
            return value.isoformat(), name
    return None, None


def _is_own_title(name: str, title: str) -> bool:
    """True when a breadcrumb name is the page's own title (possibly truncated with …)."""
    key, title_key = match_key(name), match_key(title)
    if not key or not title_key:
        return False
    stem = key.rstrip(_ELLIPSIS)
    return key == title_key or (stem != key and len(stem) >= 4 and title_key.startswith(stem))


def page_title(sel: Selector, tree, meta: dict[str, str], metadata: dict[str, str], site_name: str | None,
               trail: list[str] | tuple[str, ...] = ()) -> str:
    """<title> without the site's name and columns around it, unless that leaves nothing (it is just the
    site name): then ArticleTitle, the table's 标题, <h1>, <h2>.

    Cut from either end of <title>, at a TITLE_SEPARATOR: the site's name (`site_name`, the home page's;
    the SiteName tag), with or without 网站 …; a part that looks like a site or an office's name
    (SITE_LIKE_LAST; first, SITE_LIKE_FIRST, or SITE_LIKE_LAST before a breadcrumb name); a generic crumb
    (首页); a name in the breadcrumb `trail` above the other end's; the other end again. A <title> that is
    all such names (a home page's) stays whole.
    """
    title = collapse(sel.xpath("//title").xpath("string()").get() or "")
    names = {match_key(n) + extra for n in (site_name, meta.get("SiteName")) if n and match_key(n)
             for extra in SITE_NAME_ADDITIONS}
    title = _spaced_prefix_cut(title, names, {match_key(n) for n in (meta.get("ColumnName"), *trail) if n})
    title = _own_part(title, names, {match_key(c): k for k, c in enumerate(trail) if match_key(c)})
    if title and match_key(title) not in names:
        return title
    candidates = [meta.get("ArticleTitle"), metadata.get("标题")]
    candidates += [collapse(el.xpath("string()")) for xpath in TITLE_FALLBACK_XPATHS for el in tree.xpath(xpath)]
    return next((c for c in candidates if c), title)


def _spaced_prefix_cut(title: str, site_names: set[str], columns: set[str]) -> str:
    """`title` without the site's and column's names a SPACED_TITLE_PREFIXES shape puts before it."""
    known = {"site": site_names, "column": columns}
    for _cms, parts in SPACED_TITLE_PREFIXES:
        rest = title
        for part in parts:
            word = re.match(r"\s*(\S+)\s+(?=\S)", rest)
            if not word or match_key(word.group(1)) not in known[part]:
                break
            rest = rest[word.end():]
        else:
            return rest
    return title


def _own_part(title: str, site_names: set[str], crumbs: dict[str, int]) -> str:
    """What is left of `title` once the parts naming the site, or a column above the page, are cut from
    its ends (page_title). `crumbs`: each breadcrumb name's place in the trail."""
    bounds, start = [], 0
    for sep in TITLE_SEPARATOR.finditer(title):
        bounds.append((start, sep.start()))
        start = sep.end()
    bounds = [(a, b) for a, b in bounds + [(start, len(title))] if b > a]
    texts = [title[a:b] for a, b in bounds]
    keys = [match_key(t) for t in texts]

    def site(k: int, like: re.Pattern) -> bool:
        return keys[k] in site_names or keys[k] in GENERIC_CRUMBS or bool(like.fullmatch(texts[k]))

    def above(k: int, other: int) -> bool:
        """A crumb above the other end: not when that end is a site's name (then this is the page's own)."""
        return keys[k] in crumbs and not site(other, SITE_LIKE_LAST) and \
            crumbs[keys[k]] < crumbs.get(keys[other], len(crumbs))

    if all(site(k, SITE_LIKE_LAST) or site(k, SITE_LIKE_FIRST) for k in range(len(texts))):
        return title  # nothing but the site's name (a home page's <title>): whole
    first, last = 0, len(texts) - 1
    while first < last:
        if site(last, SITE_LIKE_LAST) or above(last, first) or keys[last] == keys[first]:
            last -= 1
        elif site(first, SITE_LIKE_FIRST) or above(first, last) or \
                (site(first, SITE_LIKE_LAST) and keys[last] in crumbs):
            first += 1
        else:
            break
    return title[bounds[first][0]:bounds[last][1]]


def page_column(meta: dict[str, str], trail: list[str], title: str, page_type: str) -> str | None:
    """ColumnName tag, else the deepest breadcrumb name that is neither generic nor an article's own title.

    A list page's own name *is* its column, so only articles skip their title.
    """
    if meta.get("ColumnName"):
        return meta["ColumnName"]
    for name in reversed(trail):
        if match_key(name) in GENERIC_CRUMBS or (page_type == "article" and _is_own_title(name, title)):
            continue
        return name
    return None


def parse_page(html: str, url: str, *, site_url: str | None = None, site_name: str | None = None,
               max_list_pages: int = MAX_LIST_PAGES) -> dict[str, Any]:
    """The HTML fields of a PageRecord (title … text) for one page's markup.

    `links` ends with the further pages of the page's list that it builds in script
    (tag 'pagination', at most `max_list_pages`).
    """
    sel = Selector(root=_parse_html(unwrap_embedded_lists(html)), type="html")
    tree = main_tree(sel.root)
    meta = meta_tags(sel)
    metadata = metadata_table(sel, tree=tree)
    trail = breadcrumb(sel, url)
    if len(trail) <= 1:  # the rest of it may be drawn from the channel's JSON
        trail += json_trail(sel.root)
    title = page_title(sel, tree, meta, metadata, site_name, trail)
    entries = list_entries(sel, url, site_url, tree=tree) or carried_entries(sel.root, url, site_url)
    text = visible_text(tree)
    says = PageSays(url=url, meta=meta, metadata=metadata, text=text, body=article_body(tree), tree=tree)
    published, published_source = first_date(PUBLISHED_SOURCES, says)

    # A page with no entries whose own words are just "暂无信息" is an empty list, even when its
    # template carries an ArticleTitle tag or a date; a 信息公开 table still makes it an item.
    empty_notice = not entries and has_empty_notice(sel, tree=tree)
    nothing_but_notice = empty_notice and not metadata and notice_only(
        tree, (*trail, meta.get("ColumnName"), meta.get("SiteName"), site_name))
    has_prose = says.body is not None or any(
        len(collapse(p.xpath("string()"))) >= MIN_PARAGRAPH_CHARS for p in tree.xpath("//p")
    )
    if metadata:
        page_type = "article"
    elif nothing_but_notice:
        page_type = "list"
    elif meta.get("ArticleTitle") or (published and has_prose):
        page_type = "article"
    elif entries or empty_notice:
        page_type = "list"
    else:
        page_type = "other"
    says.page_type = page_type
    messages = page_messages(tree, url)
    formed, formed_source = first_date(FORMED_SOURCES, says)
    # A list drawn in the browser (an empty container and a data request, a framework root): not
    # seen, so not to be judged empty. Costs nothing on pages with entries and on articles.
    scripted, data_urls = script_built_list(sel.root, tree, url, has_entries=bool(entries), page_type=page_type,
                                            text=text)

    return {
        "is_html": True,
        "title": title,
        "meta": meta,
        "breadcrumb": trail,
        "column": page_column(meta, trail, title, page_type),
        "metadata": metadata,
        "published": published,
        "published_source": published_source,
        "formed": formed,
        "formed_source": formed_source,
        "page_type": page_type,
        "entries": entries,
        "yearless_dates": getattr(entries, "yearless", 0),
        "empty_notice": empty_notice and page_type == "list",
        "scripted": scripted,
        "data_urls": data_urls,
        "links": _with_data_pages(_with_pagination(page_links(sel, url, site_url), html, url, site_url or url,
                                                   max_list_pages), data_urls, site_url or url),
        "text": text,
        "identity": page_identity(sel.root, url, meta),
        "guide": page_guide(sel.root, title=title, meta=meta, trail=trail, has_entries=bool(entries), html=html),
        "search": search_box(sel.root, url, html),
        "report_tables": report_tables(tree, title),
        "messages": messages,
        "message": None if messages else page_message(text),
        "a11y": page_a11y(sel.root),  # issue 16: accessibility facts as fetched (crawler.extract.a11y)
    }


def carried_entries(root, url: str, site_url: str | None) -> list[Entry]:
    """Entries a page carries without showing them in its markup: a list inside an HTML comment
    that a script shows, else an inline JSON array a template draws (crawler.extract.inline)."""
    for markup in commented_rows(root):
        fragment = _parse_html(f"<html><body>{markup}</body></html>")
        entries = list_entries(Selector(root=fragment, type="html"), url, site_url)
        if entries:
            return entries
    return inline_json_entries(root, url)


def _parse_html(html: str):
    """The page's element tree, parsed as parsel would but into plain lxml elements: lxml.html's
    element classes are looked up in Python for every element touched, a fifth of the parsing cost."""
    body = END_TAGS.sub("", html.strip().replace("\x00", "")).encode("utf-8")
    root = etree.fromstring(body, parser=_HTML_PARSER) if body else None
    return root if root is not None else etree.fromstring("<html/>")


_HTML_PARSER = etree.HTMLParser(recover=True, encoding="utf-8", huge_tree=True)  # as parsel: past depth 256


def _with_pagination(links: list[Link], html: str, url: str, site_url: str, limit: int) -> list[Link]:
    # The raw markup: pagers live in scripts and datastores that parsing drops.
    pages = further_pages(html, url, links, limit=limit)
    return links + [Link(url=page, text="", kind=link_kind(page, site_url), tag="pagination") for page in pages]


def _with_data_pages(links: list[Link], data_urls: list[str], site_url: str) -> list[Link]:
    """`links` and, as further pages of the list (tag 'pagination'), the same-site data URLs a
    `scripted` page's script names: its list as JSON, read by GET (crawler.extract.jsonlist)."""
    known = {link.url for link in links if link.tag == "pagination"}
    for data_url in data_urls:
        url = canonical_url(data_url)
        if url not in known and link_kind(url, site_url) == "internal":
            known.add(url)
            links.append(Link(url=url, text="", kind="internal", tag="pagination"))
    return links


def json_list_fields(entries: list[Entry], site_url: str) -> dict[str, Any]:
    """The fields of a PageRecord for a JSON list document: a list page with its entries, whose
    links are the entries' URLs (so their articles are fetched as those of an HTML list are)."""
    return {
        "is_html": True,
        "page_type": "list",
        "entries": entries,
        "links": [Link(url=e.url, text=e.title, kind=link_kind(e.url, site_url)) for e in entries],
    }


def _json_list(response: Response) -> list[Entry] | None:
    """The entries of a response that is a JSON list document (whatever its Content-Type), else None."""
    if not isinstance(response, TextResponse) or not response.body or "download_stopped" in response.flags:
        return None
    return json_list(response.body, response.encoding, response.url)


def media_type(response: Response) -> str | None:
    """Content-Type without parameters, lower-case; None when the server sent none."""
    raw = response.headers.get(b"Content-Type")
    if not raw:
        return None
    return raw.decode("latin-1").split(";")[0].strip().lower() or None


def is_html_response(response: Response) -> bool:
    """True when the response carries an HTML page body worth parsing, or a CMS list document.

    A Hanweb data proxy answers with a `<datastore>` XML list, as text/xml or text/html
    depending on the server: it is read by its body, not its Content-Type.
    """
    if not response.body or "download_stopped" in response.flags:
        return False
    if response.body[:64].lstrip().startswith(BINARY_SIGNATURES):
        return False
    if isinstance(response, HtmlResponse):
        return True
    return isinstance(response, TextResponse) and (
        "html" in (media_type(response) or "") or is_list_document(response.body))


def build_record(response: Response, *, site_url: str | None = None, site_name: str | None = None,
                 max_list_pages: int = MAX_LIST_PAGES) -> PageRecord:
    """One PageRecord for a response: fetch facts from the response and its meta, page facts if HTML.

    `site_url` decides what is internal (default: the response URL); `site_name`
    is the home page's name, so that a page whose <title> is only that name gets
    its article heading as title instead.
    """
    meta = response.meta if response.request is not None else {}
    chain = list(meta.get("redirect_urls", []))
    record = PageRecord(
        url=chain[0] if chain else response.url,
        final_url=response.url,
        redirects=chain,
        method=response.request.method if response.request is not None else "GET",
        status=response.status,
        content_type=media_type(response),
        elapsed=round(meta["download_latency"], 3) if "download_latency" in meta else None,
        depth=meta.get("depth", 0),
        fetched_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
    )
    entries = _json_list(response)
    if entries is not None:
        for name, value in json_list_fields(entries, site_url or response.url).items():
            setattr(record, name, value)
    elif is_html_response(response):
        for name, value in parse_page(response_text(response), response.url, site_url=site_url or response.url,
                                      site_name=site_name, max_list_pages=max_list_pages).items():
            setattr(record, name, value)
    return record
