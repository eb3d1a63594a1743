"""Column lists that a portal serves as JSON: the data a list page's script draws its list from.

A `scripted` list page (crawler.extract.scripted) names the endpoint its script reads
(`fetch('/api/xxgk/list.json')`, gkmlpt's `/gkmlpt/api/all/…`). The crawl asks for it with GET
as a further page of that list (tag 'pagination'), and its answer is read here into entries,
as a Hanweb data-proxy XML answer is read by crawler.extract.embedded.

The shapes are named data: where the list sits (LIST_PATHS) and which key of an item holds its
title, URL and date (TITLE_KEYS, URL_KEYS, DATE_KEYS). A new platform is a new entry. A JSON
answer is a list document only when one of these places holds objects of which at least one
has a URL: anything else (an empty list, a count, a config object) is not read, and the column
stays "could not verify" rather than being judged empty.
"""
from __future__ import annotations

import json
import re
from datetime import date, datetime, timedelta, timezone
from urllib.parse import urljoin, urlsplit

from crawler.extract.dates import parse_date
from crawler.extract.normalize import collapse
from crawler.extract.urls import canonical_url
from crawler.items import Entry

# Where the list of items sits in the answer, best first: the answer itself, or one of these keys,
# also one level down (data.list, result.records, data.rows …).
LIST_KEYS: tuple[str, ...] = ("data", "list", "rows", "records", "items", "result", "articles",
                              "datas", "dataList", "resultList", "content", "docs")
LIST_PATHS: tuple[tuple[str, ...], ...] = ((),) + tuple((k,) for k in LIST_KEYS) + tuple(
    (outer, inner) for outer in LIST_KEYS for inner in LIST_KEYS)
# Keys of one item, best first (wzbt/wzurl/fbrq: pinyin initials in 集约化 platforms' APIs).
TITLE_KEYS: tuple[str, ...] = ("title", "name", "TITLE", "Title", "wzbt", "bt", "docTitle", "DOCTITLE")
URL_KEYS: tuple[str, ...] = ("url", "link", "href", "wzurl", "URL", "Url", "docUrl", "DOCPUBURL", "urls")
# An item's URL may be one per device, an object or that object as JSON text (江西 集约化:
# "urls": "{\"pc\": \"/col/col42150/content/….html\"}"): the desktop one, best first.
DEVICE_URL_KEYS: tuple[str, ...] = ("pc", "web", "url", "href")
DATE_KEYS: tuple[str, ...] = ("publishDate", "pubDate", "date", "fbrq", "createTime", "time", "pubtime",
                              "publish_time", "PUBDATE", "DOCRELTIME", "releaseDate")
# Epoch numbers past this are milliseconds (1e11 seconds is the year 5138).
EPOCH_MILLIS_FROM = 10 ** 11
_DIGITS = re.compile(r"^\d{9,13}$")
# A JSON document starts with an object or an array (a UTF-8 BOM and blanks aside).
_JSON_START = re.compile(rb"^(?:\xef\xbb\xbf)?\s*[\[{]")
_CST = timezone(timedelta(hours=8))  # the portals' dates are Beijing days


def looks_like_json(body: bytes) -> bool:
    """True when a response body may be a JSON document (cheap test before parsing)."""
    return bool(_JSON_START.match(body[:64]))


def item_date(value) -> str | None:
    """An ISO date from an item's date value: ISO or 'YYYY-MM-DD HH:MM:SS' text, Chinese dates, or
    epoch seconds / milliseconds (number or digits)."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, str) and _DIGITS.match(value.strip()):
        value = int(value.strip())
    if isinstance(value, (int, float)):
        seconds = value / 1000 if value >= EPOCH_MILLIS_FROM else value
        try:
            # China Standard Time: a post at 00:30 in Beijing is that day's, not the UTC day before.
            return datetime.fromtimestamp(seconds, tz=timezone.utc).astimezone(_CST).date().isoformat()
        except (OverflowError, OSError, ValueError):
            return None
    if isinstance(value, str):
        day = parse_date(value)
        return day.isoformat() if isinstance(day, date) else None
    return None


def _first(item: dict, keys: tuple[str, ...]):
    return next((item[k] for k in keys if item.get(k) not in (None, "")), None)


def _device_url(value):
    """The URL in an item's URL value: itself, or the desktop URL of a per-device object."""
    if isinstance(value, str) and value.lstrip().startswith("{"):
        try:
            value = json.loads(value)
        except ValueError:
            return None
    if isinstance(value, dict):
        return next((value[k] for k in DEVICE_URL_KEYS if isinstance(value.get(k), str) and value[k].strip()), None)
    return value


def _items_at(doc, path: tuple[str, ...]):
    for key in path:
        if not isinstance(doc, dict) or key not in doc:
            return None
        doc = doc[key]
    return doc if isinstance(doc, list) else None


def json_entries(doc, base_url: str) -> list[Entry] | None:
    """The entries of a parsed JSON answer, from the first LIST_PATHS place that holds items with a
    URL; None when no place does (not a list document). URLs are made absolute against `base_url`
    (the data URL); items without a URL are left out."""
    for path in LIST_PATHS:
        items = _items_at(doc, path)
        if not items:
            continue
        entries = []
        for item in items:
            if not isinstance(item, dict):
                continue
            raw = _device_url(_first(item, URL_KEYS))
            if not isinstance(raw, str) or not raw.strip() or raw.strip().lower().startswith(("javascript:", "#")):
                continue
            url = urljoin(base_url, raw.strip())
            if urlsplit(url).scheme not in ("http", "https"):
                continue
            title = _first(item, TITLE_KEYS)
            entries.append(Entry(title=collapse(str(title)) if title is not None else "", url=canonical_url(url),
                                 date=item_date(_first(item, DATE_KEYS))))
        if entries:
            return entries
    return None


def json_list(body: bytes, encoding: str, base_url: str) -> list[Entry] | None:
    """The entries of a response body that is a JSON list document, or None when it is not one."""
    if not looks_like_json(body):
        return None
    try:
        doc = json.loads(body.decode(encoding or "utf-8", errors="replace").lstrip("\ufeff"))
    except (ValueError, LookupError, RecursionError):
        return None
    return json_entries(doc, base_url)
