"""Pages whose list a script builds in the browser: what netcheck cannot see without rendering.

Real portals increasingly send a list page without its list: the container is there but empty
and a script fills it from a data request (广东 gkmlpt and newer 政务公开 platforms fetch the list
as JSON), or draws the pager from a record count it was given (福建 集约化 `recordCount`/`prepage`),
or the whole page is a front-end framework's root (`<div id="app"></div>`) with no text. Read
as they arrive, such columns look empty: judging them would be a false veto. The record says
`scripted` instead, and the checks answer "could not verify" (checks.rules.columns).

Lists a CMS ships inside the page are read, not flagged here: the Hanweb `<datastore>` script
(crawler.extract.embedded) and TRS `createPageHTML` pagers (crawler.extract.pagination). A page
whose entries were read is never `scripted`, nor is an article.

A page is `scripted` when it shows no entries and either
- a list placeholder (an empty list container, or a results table with only its header row)
  stands in its content AND an inline script makes a data request or drives a pager from a
  nonzero record count; or
- it is a framework root whose own text, and the page's visible text, are nearly empty.

Each shape is one entry of a table below, with where it is used; a new CMS is a new entry.
The check costs nothing on the pages that matter for speed: the patterns only run on a page
with no entries, not an article, that has a `<script>`.
"""
from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from crawler.extract.normalize import collapse

# --- data requests in an inline script ---------------------------------------------------
# (name, pattern): a script that asks the server for data after the page has loaded.
DATA_REQUESTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # Hand-written XHR (older 集约化 and county templates), also IE's ActiveX form.
    ("xhr", re.compile(r"\bnew\s+XMLHttpRequest\b|ActiveXObject\s*\(\s*[\"']Microsoft\.XMLHTTP", re.I)),
    # window.fetch: newer 政务公开 platforms' plain-JS list pages.
    ("fetch", re.compile(r"(?<![\w.$])fetch\s*\(")),
    # jQuery: 广东 gkmlpt ($.ajax({url: '/gkmlpt/api/all/…'})), most provincial 集约化 templates.
    ("jquery", re.compile(r"(?<![\w$])(?:\$|jQuery)\s*\.\s*(?:ajax|get|post|getJSON)\s*\(")),
    # axios: Vue-built 政务公开 platforms.
    ("axios", re.compile(r"(?<![\w.$])axios\s*(?:\.\s*(?:get|post|request)\s*)?\(")),
)

# --- pagers drawn from a record count ----------------------------------------------------
# (name, pattern whose group 1 is the number of records). A page that states a nonzero record
# count but shows no entry draws its list in script. A count of 0 (Hanweb's `totalRecord = 0`
# on an empty column) is an empty list, not a scripted one.
RECORD_COUNTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # 福建 集约化: `var recordCount = 45; var prepage = 15;` and a pager drawn by createPage…().
    ("jyh-recordCount", re.compile(r"(?<![\w.$])recordCount\s*[:=]\s*[\"']?(\d+)")),
    # Hanweb jpaas / other JCMS skins: `totalRecord: 45` handed to the pager plug-in.
    ("totalRecord", re.compile(r"(?<![\w.$])totalRecords?\s*[:=]\s*[\"']?(\d+)")),
    # laypage / generic pager plug-ins: `totalCount: 45`, `total_count = 45`, next to `pageSize`.
    ("totalCount", re.compile(r"(?<![\w.$])(?:totalCount|total_count)\s*[:=]\s*[\"']?(\d+)")),
)

# --- list placeholders ---------------------------------------------------------------------
# A container a list is drawn into, by its class or id token ("list", "news_list", "gkml-list",
# "xxgk_data", "result"): used when it is a <div>/<section>; <ul>/<ol>/<tbody> need no name.
LIST_TOKEN = re.compile(r"(?:^|[-_])(?:list|lists|news|gkml|xxgk|data|datas|result|results|items|table)"
                        r"(?:[-_]?(?:\d+|box|con|wrap|body|content))?$", re.I)
LIST_TAGS = frozenset({"ul", "ol", "tbody"})  # an empty one in the content is a list to fill
NAMED_LIST_TAGS = frozenset({"div", "section"})  # only when named like a list (LIST_TOKEN)

# --- framework roots -----------------------------------------------------------------------
# (name, XPath) of an element a front-end framework renders into.
FRAMEWORK_ROOTS: tuple[tuple[str, str], ...] = (
    ("vue-app", "//*[@id='app']"),  # Vue CLI / Vite templates: <div id="app"></div>
    ("react-root", "//*[@id='root']"),  # create-react-app: <div id="root"></div>
    ("angular", "//*[@ng-app or @data-ng-app]"),  # AngularJS 1.x pages of older platforms
    ("vue-cloak", "//*[@v-cloak]"),  # Vue on the page itself: in-DOM templates hidden until mounted
    ("react-ssr", "//*[@data-reactroot]"),  # React 15 markup
)
MUSTACHE = re.compile(r"\{\{.*?\}\}|\$\{.*?\}", re.S)  # template expressions left in the DOM are no text
FRAMEWORK_ROOT_MAX_CHARS = 20  # a root with at most this much text was not rendered
FRAMEWORK_PAGE_MAX_CHARS = 200  # nor a page below checks.context's single-page item (text_len >= 200)

# --- data URLs written literally -------------------------------------------------------------
_LITERAL = r"""(["'])([^"'\s<>]+?)\1(?!\s*\+)"""  # a whole string literal, not the start of a concatenation
# (name, pattern whose group 2 is the URL).
DATA_URL_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # fetch('…'), $.get/$.post/$.getJSON('…'), axios.get('…'): the first argument.
    ("request-argument", re.compile(
        r"(?:(?<![\w.$])fetch|(?<![\w$])(?:\$|jQuery)\s*\.\s*(?:get|post|getJSON)|(?<![\w.$])axios\s*\.\s*(?:get|post))"
        r"\s*\(\s*" + _LITERAL)),
    # xhr.open('GET', '…')
    ("xhr-open", re.compile(r"\.open\s*\(\s*[\"'](?:GET|POST)[\"']\s*,\s*" + _LITERAL, re.I)),
    # $.ajax({url: '…'}), axios({url: '…'}): gkmlpt's '/gkmlpt/api/all/…'.
    ("url-option", re.compile(r"(?<![\w$])[\"']?url[\"']?\s*:\s*" + _LITERAL)),
    # var api = '/xxgk/list.json': a JSON or XML file named anywhere in the script.
    ("data-file", re.compile(r"""(["'])([^"'\s<>]+?\.(?:json|xml)(?:\?[^"'\s<>]*)?)\1(?!\s*\+)""", re.I)),
)
NOT_DATA = re.compile(r"\.(?:js|css|png|jpe?g|gif|svg|ico|woff2?|ttf|html?|shtml)(?:[?#]|$)", re.I)  # assets and pages
MAX_DATA_URLS = 10


def _blank(el) -> bool:
    return not collapse("".join(el.itertext()))


def _header_only_table(table) -> bool:
    """A results table with a header row that has text and no other row with text."""
    header = body = False
    for row in table.iter("tr"):
        if _blank(row):
            continue
        if row.find("th") is not None or (row.getparent() is not None and row.getparent().tag == "thead"):
            header = True
        else:
            body = True
    return header and not body


def has_list_placeholder(tree) -> bool:
    """True when the cleaned content (`content.main_tree`) holds a list container with nothing in it."""
    for el in tree.iter():
        tag = el.tag
        if not isinstance(tag, str):
            continue
        if tag in LIST_TAGS or (tag in NAMED_LIST_TAGS and any(
                LIST_TOKEN.search(t) for t in ((el.get("class") or "").split() + [el.get("id") or ""]) if t)):
            if _blank(el) and el.find(".//img") is None:
                return True
        elif tag == "table" and _header_only_table(el):
            return True
    return False


def data_request(script: str) -> str | None:
    """The name of the first DATA_REQUESTS shape in `script`, or None."""
    return next((name for name, pattern in DATA_REQUESTS if pattern.search(script)), None)


def record_count_pager(script: str) -> str | None:
    """The name of the first RECORD_COUNTS shape stating a nonzero count in `script`, or None."""
    for name, pattern in RECORD_COUNTS:
        if any(int(m[1]) > 0 for m in pattern.finditer(script)):
            return name
    return None


def framework_root(root, text: str) -> str | None:
    """The FRAMEWORK_ROOTS shape of an unrendered framework page (its root and text nearly empty), or None."""
    if len(collapse(MUSTACHE.sub("", text))) > FRAMEWORK_PAGE_MAX_CHARS:
        return None
    for name, xpath in FRAMEWORK_ROOTS:
        for el in root.xpath(xpath):
            own = "".join(t for t in el.xpath(".//text()[not(ancestor::script) and not(ancestor::style)]"))
            if len(collapse(MUSTACHE.sub("", own))) <= FRAMEWORK_ROOT_MAX_CHARS:
                return name
    return None


def data_urls(script: str, base_url: str) -> list[str]:
    """Absolute URLs of data endpoints the script names literally (DATA_URL_PATTERNS), in order, at most
    MAX_DATA_URLS. Not fetched: a later renderer or reader decides."""
    found: list[tuple[int, str]] = []
    for _name, pattern in DATA_URL_PATTERNS:
        for m in pattern.finditer(script):
            before = script[: m.start(1)].rstrip()
            if before.endswith("+"):
                continue  # the tail of a concatenation: not the whole URL
            found.append((m.start(2), m[2]))
    out: list[str] = []
    for _, raw in sorted(found):
        if raw.startswith(("javascript:", "#", "data:")) or NOT_DATA.search(raw):
            continue
        url = urljoin(base_url, raw)
        if urlsplit(url).scheme in ("http", "https") and url not in out:
            out.append(url)
    return out[:MAX_DATA_URLS]


def script_built_list(root, tree, url: str, *, has_entries: bool, page_type: str, text: str) -> tuple[bool, list[str]]:
    """(scripted, data_urls) for a parsed page: `root` the whole parsed tree, `tree` its cleaned
    `content.main_tree`, `text` its visible text."""
    if has_entries or page_type == "article":
        return False, []
    scripts = root.xpath("//script")
    if not scripts:
        return False, []
    inline = "\n".join(s.text for s in scripts if s.text and not s.get("src"))
    scripted = bool(framework_root(root, text))
    if not scripted and inline and has_list_placeholder(tree):
        scripted = bool(data_request(inline) or record_count_pager(inline))
    if not scripted:
        return False, []
    return True, data_urls(inline, url) if inline else []
