"""One spelling per URL: what a link is recorded as and what the crawler asks for.

Portals print the same page under many spellings: a session id in the path
(`;jsessionid=…`) or the query (`PHPSESSID=…`), a cache-busting timestamp
(`?_=1457312345678`), parameters in any order. Fetched as printed, each
spelling is one more request to the server and one more record of the same
page; a session id that changes on every response even makes the crawl
endless. Links, list entries and requests therefore all use `canonical_url`,
so that a link, the record of its target and a later run agree on one string.

Only what cannot change the answer is dropped. Parameters are kept as printed
(percent-escapes untouched: a GBK-escaped value must not be re-encoded as UTF-8).
"""
from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit, urlunsplit

# Session ids servers put in the path: /list.jsp;jsessionid=0A1B…?x=1
PATH_SESSION = re.compile(r";(?:jsessionid|phpsessid|sessionid|sid)=[^/?#;]*", re.I)

# Query parameters dropped when name and value match: (name pattern, value pattern, why).
# Names match whole and case-insensitively. `sid` and `token` are left alone unless the
# value looks like a session token: some CMSs use `sid` for a site id (`?sid=3`), and a
# download `token` can be what makes an attachment link work.
DROPPED_PARAMS: tuple[tuple[re.Pattern[str], re.Pattern[str], str], ...] = (
    (re.compile(r"jsessionid|phpsessid|sessionid|session_id|aspsessionid\w*", re.I), re.compile(r".*"),
     "server session id"),
    (re.compile(r"sid", re.I), re.compile(r"[0-9a-z]{20,}", re.I), "session id in a short name"),
    (re.compile(r"_|_t|timestamp", re.I), re.compile(r"\d{10,13}"), "jQuery-style cache buster (epoch s or ms)"),
    (re.compile(r"random|rnd|rand", re.I), re.compile(r"0?\.\d{4,}"), "Math.random() cache buster"),
)
DEFAULT_PORTS = {"http": 80, "https": 443}


def _dropped(piece: str) -> bool:
    name, _, value = piece.partition("=")
    name, value = unquote(name), unquote(value)
    return any(n.fullmatch(name) and v.fullmatch(value) for n, v, _ in DROPPED_PARAMS)


def canonical_query(query: str) -> str:
    """Pieces without session ids and cache busters, sorted by name (repeated names keep their order)."""
    pieces = [piece for piece in query.split("&") if piece and not _dropped(piece)]
    return "&".join(sorted(pieces, key=lambda piece: piece.partition("=")[0]))


def canonical_url(url: str) -> str:
    """`url` without fragment, session ids and cache busters, query sorted, scheme/host lower-case.

    Non-HTTP URLs (mailto:, javascript:) come back unchanged.
    """
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS:
        return url
    netloc = parts.netloc.lower()
    try:
        port = parts.port
    except ValueError:  # a malformed port: leave the URL as printed, the fetch will say what it is
        return url
    if port == DEFAULT_PORTS[scheme] and "@" not in netloc:
        netloc = netloc.rsplit(":", 1)[0]
    path = PATH_SESSION.sub("", parts.path) or "/"
    return urlunsplit((scheme, netloc, path, canonical_query(parts.query), ""))
