"""Lists and trails that a page carries as data and draws in the browser: the entries of a list
sent as inline JSON for a template (江西 集约化: `var listData = {articleList: [...]}` and a
Handlebars template), or as markup inside an HTML comment that a script shows page by page
(甘肃 集约化: the whole <li> list in one comment in the list's <ul>); the 当前位置 trail sent as
the channel's JSON (`channelsTagSelf = {…, "crumbs": [...]}`).

Read only where the markup itself shows nothing: a page whose entries or trail were read from
its markup never looks here. The shapes are named data; JSON items are read by the keys of
crawler.extract.jsonlist, the same as a list served as JSON.
"""
from __future__ import annotations

import json
import re

from lxml import etree

from crawler.extract.jsonlist import json_entries
from crawler.extract.normalize import collapse
from crawler.items import Entry

# Where an inline JSON array of list items starts: an object key or variable holding '[{'.
INLINE_ARRAY = re.compile(r"(?:[=:(,]|\breturn)\s*(?=\[\s*\{)")
# A commented-out list: at least this many linked rows in one comment.
MIN_COMMENTED_ROWS = 3
_COMMENTED_ROW = re.compile(r"<(?:li|tr|dd)\b[^>]*>\s*(?:<[^>]+>\s*)*<a\s[^>]*href", re.I)
# The trail as a channel's JSON, per platform: (what precedes the channel object, the key of its
# crumbs, the keys of a crumb's name, best first). The trail the markup shows before it (首页) stays.
JSON_TRAILS: tuple[tuple[re.Pattern[str], str, tuple[str, ...]], ...] = (
    (re.compile(r"\bchannelsTagSelf\s*=\s*(?=\{)"), "crumbs", ("name", "showName")),  # 江西 集约化 (jpaas)
)
MAX_ARRAYS = 100  # inline arrays tried per page: a page is not a database
_DECODER = json.JSONDecoder()
_TAGS = re.compile(r"<[^>]+>")


def _inline_scripts(root) -> list[str]:
    return [script.text for script in root.iter("script") if script.text and not script.get("src")]


def _decoded_at(text: str, start: int):
    try:
        return _DECODER.raw_decode(text, start)
    except (ValueError, RecursionError):
        return None, start


def inline_json_entries(root, base_url: str) -> list[Entry]:
    """Entries of the inline JSON array in the page's scripts with the most dated list items.

    Menus and crumbs are arrays of linked objects too, but undated; an array inside one already
    read is not read again."""
    best: list[Entry] = []
    tried = 0
    for script in _inline_scripts(root):
        if "[" not in script or "{" not in script:
            continue
        read_to = 0
        for match in INLINE_ARRAY.finditer(script):
            start = script.index("[", match.end())
            if start < read_to:
                continue
            tried += 1
            if tried > MAX_ARRAYS:
                return best
            items, end = _decoded_at(script, start)
            if not isinstance(items, list):
                continue
            read_to = end
            entries = json_entries(items, base_url) or []
            if sum(1 for e in entries if e.date) > sum(1 for e in best if e.date):
                best = entries
    return best


def commented_rows(root) -> list[str]:
    """The markup of each HTML comment that holds a list of linked rows."""
    found = []
    for comment in root.iter(etree.Comment):
        text = comment.text or ""
        if "href" in text and len(_COMMENTED_ROW.findall(text)) >= MIN_COMMENTED_ROWS:
            found.append(text)
    return found


def json_trail(root) -> list[str]:
    """The crumb names of a channel's inline JSON trail ([] when the page has none)."""
    for script in _inline_scripts(root):
        for start, key, name_keys in JSON_TRAILS:
            match = start.search(script)
            channel = _decoded_at(script, match.end())[0] if match else None
            crumbs = channel.get(key) if isinstance(channel, dict) else None
            if not isinstance(crumbs, list):
                continue
            names = []
            for crumb in crumbs:
                name = next((crumb[k] for k in name_keys if isinstance(crumb, dict) and crumb.get(k)), None)
                if isinstance(name, str) and collapse(_TAGS.sub("", name)):
                    names.append(collapse(_TAGS.sub("", name)))
            if names:
                return names
    return []
