"""Every link of a page, made absolute and classified.

A link is internal when its host is the site's host, with or without "www."
(portals answer on both). Internal links to files are attachments: the
inspection counts broken attachments (附件失效) on their own.
"""
from __future__ import annotations

import posixpath
from functools import lru_cache
from urllib.parse import parse_qsl, urldefrag, urljoin, urlsplit

from lxml import etree
from parsel import Selector
from w3lib.url import safe_url_string

from crawler.extract.normalize import collapse
from crawler.extract.urls import canonical_url
from crawler.items import Link

# File types published as attachments. Image types count only when linked with <a>
# (a downloadable scan); an <img> is page furniture, classified by host alone.
ATTACHMENT_EXTENSIONS = frozenset({
    "pdf", "doc", "docx", "xls", "xlsx", "wps", "et", "dps", "ppt", "pptx", "zip", "rar", "7z",
    "txt", "csv", "ofd", "jpg", "jpeg", "png", "gif", "bmp", "tif", "tiff",
})
# Paths that usually answer with an HTML page (everything else is fetched with HEAD).
HTML_EXTENSIONS = frozenset({
    "", "html", "htm", "shtml", "xhtml", "jhtml", "jsp", "jspx", "asp", "aspx", "php", "do", "action", "cgi",
})
# Schemes that are not fetchable pages: kept as kind 'other'.
OTHER_SCHEMES = ("javascript:", "mailto:", "tel:", "sms:", "data:", "about:", "vbscript:")
# element → (attribute holding the URL, tag recorded on the Link)
LINK_SOURCES = {
    "a": ("href", "a"),
    "area": ("href", "a"),
    "img": ("src", "img"),
    "iframe": ("src", "iframe"),
    "frame": ("src", "iframe"),
}
_LINK_XPATH = etree.XPath(" | ".join(f"//{element}[@{attr}]" for element, (attr, _) in LINK_SOURCES.items()))
_STRING = etree.XPath("string()")
# Link resolution is memoised: most links of a page (nav, footer, sidebar) are on every other
# page too, and resolving and classifying one is several URL parses. Bounded, for huge crawls.
URL_CACHE_SIZE = 1 << 16


def _base_key(href: str, base_url: str) -> str:
    """The part of `base_url` that `urljoin(base_url, href)` depends on, so that links printed
    alike on pages of one directory (or one site, for /absolute paths) share a cache entry."""
    if href[:7].lower() == "http://" or href[:8].lower() == "https://":
        return ""
    scheme_end = base_url.find("://")
    path_start = base_url.find("/", scheme_end + 3) if scheme_end > 0 else -1
    keeps_path = href.startswith(("?", ";")) or (href.startswith("//") and not href[2:3].isalnum())
    if path_start < 0 or keeps_path:
        return base_url  # a bare host, or a reference that keeps the base's path
    if href.startswith("/"):
        return base_url[:path_start]  # the origin: /x and //host/x need only that
    end = min((i for i in (base_url.find("?", path_start), base_url.find("#", path_start)) if i >= 0),
              default=len(base_url))
    return base_url[: base_url.rfind("/", path_start, end) + 1]


@lru_cache(maxsize=URL_CACHE_SIZE)
def site_key(url: str) -> tuple[str, int | None]:
    """(host without 'www.', port) — what makes two URLs the same site."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    host = host[4:] if host.startswith("www.") else host
    try:
        port = parts.port or {"http": 80, "https": 443}.get(parts.scheme)
    except ValueError:
        port = None
    return host, port


def is_internal(url: str, site_url: str) -> bool:
    """True when `url` is on the same host as `site_url` (www. and bare host alike)."""
    if not url.lower().startswith(("http://", "https://")):
        return False
    (host, port), (site_host, site_port) = site_key(url), site_key(site_url)
    # http and https of one host are one site; a port other than the default is not.
    same_port = port == site_port or {port, site_port} <= {80, 443}
    return bool(host) and host == site_host and same_port


def extension(url: str) -> str:
    """Lower-case file extension of the URL's path ('' when none); a ?file=x.pdf query counts too."""
    parts = urlsplit(url)
    ext = posixpath.splitext(parts.path)[1].lstrip(".").lower()
    if ext and ext not in HTML_EXTENSIONS:
        return ext
    for _, value in parse_qsl(parts.query):
        query_ext = posixpath.splitext(value)[1].lstrip(".").lower()
        if query_ext in ATTACHMENT_EXTENSIONS:
            return query_ext
    return ext


def looks_like_html(url: str) -> bool:
    """True when the URL probably serves an HTML page (so it is fetched with GET and parsed)."""
    return extension(url) in HTML_EXTENSIONS


@lru_cache(maxsize=URL_CACHE_SIZE)
def link_kind(url: str, site_url: str, tag: str = "a") -> str:
    """'internal' | 'external' | 'attachment' | 'other' for an absolute URL."""
    if url.lower().startswith(OTHER_SCHEMES) or not url.lower().startswith(("http://", "https://")):
        return "other"
    if not is_internal(url, site_url):
        return "external"
    if tag == "a" and extension(url) in ATTACHMENT_EXTENSIONS:
        return "attachment"
    return "internal"


def absolute_url(href: str, base_url: str) -> str | None:
    """`href` resolved against `base_url` in canonical form (`urls.canonical_url`); None for a bare in-page anchor
    or a URL no request can be made for (a port past 65535, an unclosed [IPv6 address)."""
    href = (href or "").strip()
    if not href or href.startswith("#"):
        return None
    if href.lower().startswith(OTHER_SCHEMES):
        return href
    return _joined(_base_key(href, base_url), href)


@lru_cache(maxsize=URL_CACHE_SIZE)
def _joined(base: str, href: str) -> str | None:
    try:
        return canonical_url(urldefrag(urljoin(base, safe_url_string(href))).url)
    except ValueError:  # w3lib and urllib refuse http://host:99999/ and http://[::1/
        return None


def page_links(sel: Selector, base_url: str, site_url: str | None = None) -> list[Link]:
    """Every a/area, img and iframe/frame URL of the page, once per (URL, tag), in page order."""
    site_url = site_url or base_url
    base_href = sel.xpath("//base/@href").get()
    if base_href:
        try:
            base_url = urljoin(base_url, base_href.strip())
        except ValueError:  # <base href="http://[::1/">: browsers ignore a base they cannot parse
            pass
    links: list[Link] = []
    seen: set[tuple[str, str]] = set()
    for node in _LINK_XPATH(sel.root):  # a union: document order
        attr, tag = LINK_SOURCES[node.tag]
        target = _target(node.get(attr, ""), base_url, site_url, tag)
        if target is None or (target[0], tag) in seen:
            continue
        url, kind = target
        seen.add((url, tag))
        text = collapse(_STRING(node)) if tag == "a" else ""
        links.append(Link(url=url, text=text, kind=kind, tag=tag))
    return links


_TARGETS: dict[tuple[str, str, str, str], tuple[str, str] | None] = {}


def _target(href: str, base_url: str, site_url: str, tag: str) -> tuple[str, str] | None:
    """(absolute URL, kind) of one link, or None: absolute_url and link_kind in one memo lookup."""
    href = href.strip()
    if not href or href[0] == "#":
        return None
    key = (_base_key(href, base_url), href, site_url, tag)
    if key not in _TARGETS:
        url = absolute_url(href, base_url)
        if len(_TARGETS) >= URL_CACHE_SIZE:
            _TARGETS.clear()
        _TARGETS[key] = None if url is None else (url, link_kind(url, site_url, tag))
    return _TARGETS[key]
