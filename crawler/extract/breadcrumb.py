"""The 当前位置 trail ("当前位置：首页 > 政务公开 > 行政处罚").

Three ways to find it, tried in order: a text label (当前位置, 您现在的位置 …, in
simplified or traditional characters), else an element whose class or id names
it (breadcrumb, location, position, dqwz …), else a bare trail that starts at
"首页" and goes on with separators ("首页 >> 政务公开 >> 行政处罚"). The trail's
names are the text pieces after the label, split at the separators; a link per
name or one plain string both work, and so do image separators (the names are
separate text nodes).
"""
from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from parsel import Selector

from crawler.extract.normalize import collapse, simplified

# Labels in simplified form (traditional pages are converted before matching).
BREADCRUMB_LABELS = (
    "您当前所在位置", "您当前的位置", "您当前位置", "您现在所在的位置", "您现在所在位置", "您现在的位置",
    "您现在位置", "您所在的位置",
    "您所在位置", "您的位置", "当前的位置", "当前位置", "所在位置", "现在位置",
)
# Characters may be spaced out ("当 前 位 置"); "是" and the colon are part of the label.
BREADCRUMB_LABEL = re.compile(
    "(?:"
    + "|".join(r"\s*".join(label) for label in sorted(BREADCRUMB_LABELS, key=len, reverse=True))
    + r")\s*是?\s*[:：]?"
)
# Separators between names: >, &gt; (also when double-escaped), >>, ——>, -->, », ›, →, /, ＞.
_SEPARATORS = r"&gt;|—+\s*>|-+\s*>|=+>|>+|＞+|»+|›+|→+|/|\\"
SEPARATOR = re.compile(rf"\s*(?:{_SEPARATORS})\s*")
# class/id fragments naming a breadcrumb box (dqwz = 当前位置 in pinyin initials).
CONTAINER_HINTS = ("crumb", "location", "position", "dqwz", "weizhi", "mianbao", "curpos", "currentpath")
MAX_NAME_CHARS = 40  # longer text after a label is page content, not a trail name
# The paths of a site's home page: a trail's first link leads to one of them.
HOME_PATH = re.compile(r"/?(?:\.{1,2}/)*(?:index|default|main)?(?:\.s?html?|\.jsp|\.php|\.aspx?)?", re.I)
MAX_CLIMB = 3  # ancestors tried when the label sits alone in its own element
# Where an unlabelled trail starts (simplified form). A menu also starts with 首页 but
# has no separators, so a bare trail needs one right after this name.
HOME_NAMES = frozenset({"首页", "网站首页", "主页", "本站首页"})
# Every label ends in 位置, and every home name has 页 (頁) or 主: a text without them is not
# simplified and searched (the converter is the costly part, and it runs on every text of a page).
_LABEL_CHAR = "位"
_HOME_CHARS = ("页", "頁", "主")
assert all(_LABEL_CHAR in label for label in BREADCRUMB_LABELS)
assert all(any(c in name for c in _HOME_CHARS) for name in HOME_NAMES)
# Inside a labelled trail or a breadcrumb box that has no other separator, a bar separates crumbs
# (当前位置：首页｜新华社记者看东北｜…); elsewhere bars separate menu items and buttons.
BOX_SEPARATOR = re.compile(rf"\s*(?:{_SEPARATORS}|\||｜|¦)\s*")
_STARTS_WITH_SEPARATOR = re.compile(r"^\s*" + SEPARATOR.pattern.removeprefix(r"\s*"))

_TEXT_NODES = ".//text()[not(ancestor::script) and not(ancestor::style)]"
# Text a sighted reader never sees: a label for screen readers inside the trail ("Your current
# location in the website", 您当前所在位置 in an .sr-only span), a CMS's hidden copy of the trail
# as data. Neither is a crumb. Class names are matched as whole words.
HIDDEN_CLASSES = frozenset({
    "sr-only", "visually-hidden", "visuallyhidden", "screen-reader-text", "element-invisible",
    "hidden", "hide", "hid", "none", "wza-hide", "offscreen", "sr-text",
    "access",  # www.gov.hk and its search: <div class="access">Your current location in the website</div>
})
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_LOWER = "translate({}, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"
_HINT_XPATH = "//body//*[{}]".format(
    " or ".join(f"contains({_LOWER.format(attr)}, '{hint}')" for hint in CONTAINER_HINTS for attr in ("@class", "@id"))
)


def trail_names(pieces: list[str]) -> list[str]:
    """Names from the text pieces that follow a label or fill a breadcrumb box.

    Where the trail prints separators, it ends at the first name with none before it: the font-size
    and print buttons that share the box (www.gov.cn: 首页 > 国务院公报 > 2007年第23号 字号 默认 大 打印)
    are no crumbs. A trail whose separators are images or CSS has a name per text piece.
    """
    shown = [collapse(piece) for piece in pieces if collapse(piece).strip("：:")]
    separators = (SEPARATOR, BOX_SEPARATOR)  # a bar only where no arrow separates: "> 政务公开 | 打印"
    for separator in separators:
        if any(_at_edge(separator, piece) for piece in shown):
            return _separated_names(pieces, separator)
    if len(shown) > 1:
        # One element per crumb, separators drawn by CSS or images: a slash inside a name is the
        # name's own (平潭: 行政处罚/行政强制), not a separator.
        return _whole_names(shown)
    for separator in separators:  # the whole trail in one string: "首页 > 政务公开 > 行政处罚"
        if any(separator.search(piece) for piece in shown):
            return _separated_names(pieces, separator)
    return split_trail(pieces)


def _at_edge(separator: re.Pattern[str], piece: str) -> bool:
    return any(m.start() == 0 or m.end() == len(piece) for m in separator.finditer(piece))


def _whole_names(pieces: list[str]) -> list[str]:
    names: list[str] = []
    for piece in pieces:
        name = piece.strip("：:|")
        if len(name) > MAX_NAME_CHARS:
            break
        names.append(name)
    return names


def _hidden(element) -> bool:
    return ("hidden" in element.attrib
            or bool(HIDDEN_STYLE.search(element.get("style") or ""))
            or not HIDDEN_CLASSES.isdisjoint((element.get("class") or "").lower().split()))


def shown(element) -> bool:
    """True when neither `element` nor any element around it is hidden."""
    while element is not None:
        if _hidden(element):
            return False
        element = element.getparent()
    return True


def shown_texts(container) -> list:
    """The text nodes of `container` a reader sees: none inside a hidden element below it."""
    texts = []
    clear: dict = {}  # element → nothing hidden from it up to the container: each element judged once
    for text in container.xpath(_TEXT_NODES):
        element = text.getparent()
        if text.is_tail:
            element = element.getparent()
        if _clear_up_to(element, container, clear):
            texts.append(text)
    return texts


def _clear_up_to(element, container, clear: dict) -> bool:
    path = []
    while element is not None and element is not container:
        known = clear.get(element)
        if known is not None:
            break
        if _hidden(element):
            known = False
            break
        path.append(element)
        element = element.getparent()
    else:
        known = True
    clear.update(dict.fromkeys(path, known))
    return known


def split_trail(pieces: list[str]) -> list[str]:
    """Names from text pieces, split at separators; stops at the first piece too long to be a name."""
    names: list[str] = []
    for piece in pieces:
        for part in SEPARATOR.split(piece):
            name = collapse(part).strip("：:|")
            if not name:
                continue
            if len(name) > MAX_NAME_CHARS:
                return names
            names.append(name)
    return names


def _trail_after_label(node, label_end: int) -> list[str]:
    """Climb from the label's element until the text after the label yields names, and on while
    the trail goes on past the element (Hanweb: 当前位置：首页 in one cell, » 政务公开 » … in the next)."""
    container = node.getparent()
    if not node.is_text and container is not None:
        container = container.getparent()  # a tail belongs to the parent's parent
    found: list[str] = []
    for _ in range(MAX_CLIMB + 1):
        if container is None:
            break
        if container.tag == "li" and container.getparent() is not None:
            container = container.getparent()  # one crumb per <li>: the trail is the whole list
        texts = shown_texts(container)
        # A text node is identified by its element and whether it is that element's tail.
        index = next((i for i, t in enumerate(texts)
                      if t.getparent() is node.getparent() and t.is_tail == node.is_tail), None)
        if index is not None:
            names = trail_names([str(node)[label_end:], *map(str, texts[index + 1:])])
            if len(names) > len(found):
                found = names
            if found and not _goes_on_after(container):
                return found
        container = container.getparent()
    return found


def _goes_on_after(container) -> bool:
    """True when the first text after `container` in its parent starts with a separator."""
    parent = container.getparent()
    if parent is None:
        return False
    inside = {(t.getparent(), t.is_tail) for t in container.xpath(_TEXT_NODES)}
    past = False
    for text in shown_texts(parent):
        if (text.getparent(), text.is_tail) in inside:
            past = True
        elif past and collapse(str(text)):
            return bool(_STARTS_WITH_SEPARATOR.match(str(text)))
    return False


def _from_label(sel: Selector) -> list[str]:
    for node in sel.root.xpath("//body" + _TEXT_NODES[1:]):
        match = _LABEL_CHAR in node and BREADCRUMB_LABEL.search(simplified(str(node)))
        if match and shown(node.getparent()):
            names = _trail_after_label(node, match.end())
            if names:
                return names
    return []


def _from_container(sel: Selector) -> list[str]:
    for el in sel.root.xpath(_HINT_XPATH):
        if not shown(el):
            continue
        pieces = [str(t) for t in shown_texts(el)]
        for i, piece in enumerate(pieces):
            match = _LABEL_CHAR in piece and BREADCRUMB_LABEL.search(simplified(piece))
            if match:  # the label is inside the box: keep only what follows it
                pieces = [piece[match.end():], *pieces[i + 1:]]
                break
        names = trail_names(pieces)
        if names:
            return names
    return []


def _separated_names(pieces: list[str], separator: re.Pattern[str] = SEPARATOR) -> list[str]:
    """Names from text pieces while a separator stands between each two; stops where one is missing."""
    names: list[str] = []
    separated = True
    for piece in pieces:
        parts = separator.split(piece)
        for i, part in enumerate(parts):
            if i:
                separated = True
            name = collapse(part).strip("：:|")
            if not name:
                continue
            if not separated or len(name) > MAX_NAME_CHARS:
                return names
            names.append(name)
            separated = False
    return names


def _from_home(sel: Selector) -> list[str]:
    for node in sel.root.xpath("//body" + _TEXT_NODES[1:]):
        if not any(c in node for c in _HOME_CHARS):
            continue
        text = simplified(collapse(str(node)))
        home = next((name for name in HOME_NAMES if text.startswith(name)), None)
        if home is None or not shown(node.getparent()):
            continue
        if text != home:  # "首页 > 政务公开 > 行政处罚" in one string
            names = _separated_names([str(node)]) if _STARTS_WITH_SEPARATOR.match(text[len(home):]) else []
        else:  # <a>首页</a> &gt; <a>政务公开</a> …: the rest follows in the enclosing element
            names = _home_trail(node)
        if len(names) >= 2:
            return names
    return []


def _home_trail(node) -> list[str]:
    """Names from a lone 首页 text node on, climbing until the text after it shows up."""
    container = node.getparent()
    if not node.is_text and container is not None:
        container = container.getparent()
    for _ in range(MAX_CLIMB + 1):
        if container is None:
            break
        texts = [t for t in shown_texts(container) if collapse(str(t))]
        index = next((i for i, t in enumerate(texts)
                      if t.getparent() is node.getparent() and t.is_tail == node.is_tail), None)
        if index is not None and index + 1 < len(texts):
            if not _STARTS_WITH_SEPARATOR.match(str(texts[index + 1])):
                return []
            return _separated_names([str(t) for t in texts[index:]])
        container = container.getparent()
    return []


def _is_home_link(href: str, url: str | None) -> bool:
    try:
        target = urlsplit(urljoin(url or "", href.strip()))
        here = urlsplit(url or "")
    except ValueError:  # an href no URL parser takes (http://[::1/)
        return False
    same_site = not target.netloc or target.netloc.lower() == here.netloc.lower()
    return same_site and not target.query and HOME_PATH.fullmatch(target.path or "/") is not None


def _from_home_link(sel: Selector, url: str | None) -> list[str]:
    """A trail with neither label nor box that starts at a link to the home page, whatever that
    link says: often the site's name (中国科普网 > 时政新闻 >), not 首页."""
    for link in sel.root.xpath("//body//a[@href]"):
        if not _is_home_link(link.get("href"), url):
            continue
        texts = [t for t in link.xpath(_TEXT_NODES) if collapse(str(t))]
        if len(texts) == 1 and len(collapse(str(texts[0]))) <= MAX_NAME_CHARS:
            names = _home_trail(texts[0])
            if len(names) >= 2:
                return names
    return []


def breadcrumb(sel: Selector, url: str | None = None) -> list[str]:
    """The trail as a list of names without the label, e.g. ['首页', '政务公开', '行政处罚']; [] when none.

    `url` is the page's: it tells which links lead to the site's home page.
    """
    return _from_label(sel) or _from_container(sel) or _from_home(sel) or _from_home_link(sel, url)
