"""Visible text of a page: boilerplate removed, one line per block.

Lines matter: the signing date of a document is a line of its own at the end
(`dates.signing_date`), and list entries are one line each. So the text keeps a
line break between blocks and collapses whitespace within a line.
"""
from __future__ import annotations

import copy
import re

from lxml import etree

from crawler.extract.normalize import collapse

# Elements that are never page content.
NON_CONTENT_TAGS = frozenset({"script", "style", "noscript", "template", "head", "title", "select", "option"})
# Site chrome repeated on every page. A class or id token must match whole
# ("header", "site-footer", "nav2", "menu_box"), so "article-header" survives.
CHROME_TAGS = frozenset({"nav", "header", "footer"})
CHROME_TOKEN = re.compile(
    r"^(?:site[-_]?|main[-_]?|sub[-_]?)?"
    r"(?:header|head|top|topbar|nav|navbar|menu|footer|foot|bottom|copyright|banner)"
    r"(?:[-_]?(?:\d+|wrap|wrapper|box|bar|con|container|inner))?$",
    re.I,
)
# Side columns: sub-column menus on list and article pages. Kept in the text (home
# pages put dated lists there too), but an undated run of links inside one is a
# menu, not a list of entries.
SIDEBAR_TOKEN = re.compile(
    r"^(?:side|sidebar|left|right|leftnav|subnav|submenu|sub[-_]nav|sub[-_]menu|lmenu|column[-_]?nav)"
    r"(?:[-_]?(?:\d+|wrap|wrapper|box|bar|con|container|inner|nav|menu|list))?$",
    re.I,
)
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
# Control characters the HTML parser keeps (pages pasted from Word hold \x0b, \x08) but lxml
# refuses to set as text: a dropped element's tail is moved without them.
_NOT_XML_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")

# Tags that start a new line of text; table cells are separated by a space.
BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "caption", "center", "dd", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "form", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "li",
    "main", "ol", "p", "pre", "section", "table", "tr", "ul",
})
CELL_TAGS = frozenset({"td", "th"})

# Where CMSs put an article's body, tried in order (trafilatura-style table): an element is of a
# form by its tag, its id, or a substring of its class attribute (XPath's contains(@class, …)).
# Tested in Python on one walk of the tree: ten times cheaper than an XPath scan per form.
ARTICLE_BODY_FORMS: tuple[tuple[str, frozenset[str], frozenset[str], tuple[str, ...]], ...] = (
    # (name, tags, ids, class substrings)
    ("TRS WCM editor output", frozenset(), frozenset(), ("TRS_Editor", "TRS_UEDITOR")),
    ("gov.cn / TRS / Hanweb zoom box", frozenset(), frozenset({"zoom", "Zoom"}), ("zoom",)),
    ("Ucap content", frozenset(), frozenset({"UCAP-CONTENT"}), ("UCAP-CONTENT",)),
    ("article/detail content classes", frozenset(), frozenset(),
     ("article-content", "article_content", "art_con", "news_content", "newsContent", "detail-content",
      "detail_content", "xxgk_content", "content_text")),
    ("HTML5 article", frozenset({"article"}), frozenset(), ()),
    ("content id", frozenset(), frozenset({"content", "Content", "con", "article"}), ()),
)
MIN_BODY_CHARS = 20  # a body box with less text than this is an empty template slot


def _is_chrome(el) -> bool:
    if el.tag in CHROME_TAGS:
        return True
    tokens = (el.get("class") or "").split() + [el.get("id") or ""]
    return any(CHROME_TOKEN.match(token) for token in tokens if token)


def in_sidebar(el) -> bool:
    """True when `el` or an ancestor is a side column (class or id token in SIDEBAR_TOKEN)."""
    while el is not None:
        tokens = (el.get("class") or "").split() + [el.get("id") or ""]
        if any(SIDEBAR_TOKEN.match(token) for token in tokens if token):
            return True
        el = el.getparent()
    return False


def _drop(el) -> None:
    """Remove `el` but keep its tail text, which belongs to the parent."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = _NOT_XML_TEXT.sub(" ", (prev.tail or "") + el.tail)
        else:
            parent.text = _NOT_XML_TEXT.sub(" ", (parent.text or "") + el.tail)
    parent.remove(el)


def _self_is(tags) -> str:
    return " or ".join(f"self::{tag}" for tag in sorted(tags))


_MAY_DROP = etree.XPath(f"descendant::comment() | descendant::processing-instruction() | "
                        f"descendant::*[@style or @class or @id or {_self_is(NON_CONTENT_TAGS | CHROME_TAGS)}]")
_MAY_DROP_UNLESS_CHROME = etree.XPath(f"descendant::comment() | descendant::processing-instruction() | "
                                      f"descendant::*[@style or {_self_is(NON_CONTENT_TAGS)}]")


def main_tree(root, *, drop_chrome: bool = True):
    """A cleaned copy of the page's `<body>`: no scripts, hidden parts or (optionally) site chrome."""
    body = root.find(".//body")
    tree = copy.deepcopy(body if body is not None else root)
    doomed = []
    # Only what may be dropped, in document order: comments, processing instructions, and elements
    # whose tag, style, class or id can say so; the XPath passes over the rest in C.
    for el in (_MAY_DROP if drop_chrome else _MAY_DROP_UNLESS_CHROME)(tree):
        if not isinstance(el.tag, str):
            doomed.append(el)  # comments, processing instructions
        elif (
            el.tag in NON_CONTENT_TAGS
            or HIDDEN_STYLE.search(el.get("style") or "")
            or (drop_chrome and _is_chrome(el))
        ):
            doomed.append(el)
    for el in doomed:
        _drop(el)
    return tree


_SOURCE_WHITESPACE = re.compile(r"\s+")


def walk(el, skip=None):
    """(node, True) on entering and (node, False) on leaving each node under `el` (itself, comments
    too) in document order; the children of `skip` are left out. A loop, not recursion: a page of
    unclosed <div>s nests thousands deep, past Python's recursion limit."""
    stack = [(el, True)]
    while stack:
        node, entering = stack.pop()
        yield node, entering
        if entering:
            stack.append((node, False))
            if node is not skip:
                stack.extend((child, True) for child in reversed(node))


def _render(el, out: list[str]) -> None:
    # Newlines in the source are layout, not text: only block structure makes lines.
    for node, entering in walk(el):
        tag = node.tag if isinstance(node.tag, str) else ""
        if not entering:
            if tag in BLOCK_TAGS:
                out.append("\n")
            if node.tail:
                out.append(_SOURCE_WHITESPACE.sub(" ", node.tail))
            continue
        if tag == "br":
            out.append("\n")
        if tag in BLOCK_TAGS:
            out.append("\n")
        elif tag in CELL_TAGS:
            out.append(" ")
        if node.text and tag:
            out.append(_SOURCE_WHITESPACE.sub(" ", node.text))


def text_lines(el) -> list[str]:
    """Visible text of `el` as non-empty, whitespace-collapsed lines, one per block."""
    if el is None:
        return []
    out: list[str] = []
    _render(el, out)
    lines = (collapse(line) for line in "".join(out).split("\n"))
    return [line for line in lines if line]


def own_text_lines(tree) -> list[str]:
    """`text_lines` of a cleaned `main_tree` without its links: what the page says in its own words,
    apart from menus, pagers and lists (which are links). Side columns stay: on many templates the
    content itself is the "right" column."""
    tree = copy.deepcopy(tree)
    doomed = [el for el in tree.iter() if el is not tree and el.tag == "a"]
    for el in doomed:
        _drop(el)
    return text_lines(tree)


def visible_text(el) -> str:
    """`text_lines` joined by newlines (the form stored in PageRecord.text)."""
    return "\n".join(text_lines(el))


def _is_form(el, tags: frozenset[str], ids: frozenset[str], classes: tuple[str, ...]) -> bool:
    if el.tag in tags or el.get("id") in ids:
        return True
    cls = el.get("class")
    return bool(cls) and any(part in cls for part in classes)


def article_body(tree):
    """The element holding the article's body, or None (list pages, home pages)."""
    elements = [el for el in tree.iter() if isinstance(el.tag, str) and (el.get("class") or el.get("id")
                                                                          or el.tag == "article")]
    for _name, *form in ARTICLE_BODY_FORMS:
        candidates = [(len(collapse(etree.tostring(el, method="text", encoding="unicode", with_tail=False))), el)
                      for el in elements if _is_form(el, *form)]
        candidates = [item for item in candidates if item[0] >= MIN_BODY_CHARS]
        if candidates:
            return max(candidates, key=lambda item: item[0])[1]
    return None
