"""The 信息公开 metadata table (索引号, 主题分类, 发布机构, 成文日期, 发布日期 …).

CMSs lay it out in many ways: label and value in neighbouring `<td>`s, in
`<dt>`/`<dd>`, in `<span>`s, as "label：value" inside one cell, or (scraped to
text) as cells separated by "|" as in the seed page. All of them become one
stream of cells in document order; a small state machine then pairs each label
with the cell after it.

A blank cell is a fact the checks need ("table present, 发布日期 left blank" is
not "no table"), so a label keeps the value "" when it is followed directly by
another label, by an empty cell (nothing but whitespace, &nbsp; or U+3000 in a
`<td>`, `<dd>`, `<span>`, a childless `<div>` …), by the end of its block, or by
the end of the element around its own cell (`<div><span>发布日期：</span></div>`):
it never takes the next label's text or a date printed further on. A cell that
says "无" or "-" is a value, not a blank.
"""
from __future__ import annotations

import re
from functools import lru_cache

from parsel import Selector

from crawler.extract.content import main_tree, walk
from crawler.extract.normalize import collapse, match_key, simplified, squash

# Label as printed (squashed, simplified) → canonical label stored in PageRecord.metadata.
LABELS: dict[str, str] = {
    **dict.fromkeys(("索引号", "索取号", "信息索引号", "索引"), "索引号"),
    **dict.fromkeys(("主题分类", "分类", "信息分类", "组配分类", "信息分类名称", "所属分类", "所属主题"), "主题分类"),
    **dict.fromkeys(("发布机构", "发文机关", "发布机关", "发文单位", "发布单位"), "发布机构"),
    **dict.fromkeys(("来源", "信息来源", "文章来源", "稿件来源"), "来源"),  # source ≠ issuing organ
    **dict.fromkeys(("成文日期", "生成日期", "发文日期", "制发日期", "成文时间", "生成时间"), "成文日期"),
    **dict.fromkeys(("标题", "名称", "信息名称", "文件名称"), "标题"),
    **dict.fromkeys(("文号", "发文字号", "发文文号", "发文号"), "文号"),
    **dict.fromkeys(("发布日期", "发布时间", "公开日期", "公开时间"), "发布日期"),
    **dict.fromkeys(("主题词", "关键词", "关键字"), "主题词"),
    **dict.fromkeys(("有效性", "效力状态", "时效", "时效性"), "有效性"),
    **dict.fromkeys(("内容概述", "内容摘要", "摘要"), "内容概述"),
    # Decision dates of penalty and licence notices: the "formed" date of such items.
    **dict.fromkeys(
        ("决定日期", "处罚决定日期", "许可决定日期", "作出决定日期", "作出处罚决定日期",
         "作出行政处罚决定日期", "许可日期", "处罚日期"),
        "决定日期",
    ),
}
MIN_LABELS = 2  # fewer distinct labels than this is a stray "时间：" line, not a table
# ... and a table whose labels are all blank is a list's header row (标题 | 发布日期).

# "label：value label：value" inside one cell; label characters may be spaced out
# ("索 引 号："). A label must start the cell or follow a space or separator.
_IN_CELL_LABEL = re.compile(
    r"(?:^|(?<=[\s|，,;；]))(?P<label>"
    + "|".join(r"\s*".join(map(re.escape, key)) for key in sorted(LABELS, key=len, reverse=True))
    + r")\s*[:：]"
)
# Inside a cell that holds a known label, any other short "word：" after a space
# ends the value before it ("发布时间：2016-03-21　浏览次数：35"). Digits are
# excluded so that "10:12" stays part of a time.
_OTHER_IN_CELL_LABEL = re.compile(r"(?<=\s)[^\s:：\d]{2,8}\s*[:：]")
# A short cell ending in a colon is a label even when we do not know it
# ("体裁分类："); it must not swallow the value of the label before it.
_UNKNOWN_LABEL = re.compile(r"^[^\d:：]{1,10}[:：]$")
_LABEL_STRIP = "：:【】[]·• "
MAX_SPLIT_CHARS = 300  # longer cells are prose; a "时间：" inside prose is not a label
MAX_LABEL_CHARS = 40  # squashed; the longest label is 10 characters, with brackets and colons around it

# Cell-like elements that stand for an (empty) value even when they hold no text.
EMPTY_CELL_TAGS = frozenset({"td", "th", "dd", "span", "label", "em", "b", "strong", "font"})  # not <i>: icon fonts
# A <div> with no child elements and no text is an empty value box too (`<div class="r"></div>`);
# one that wraps other elements is layout, and its blank children speak for it.
EMPTY_LEAF_TAGS = frozenset({"div"})
# The end of these closes a pending label with an empty value. <div> is left out on
# purpose: label and value often sit in sibling <div>s.
BLOCK_END_TAGS = frozenset({"table", "tr", "dl", "ul", "ol", "li", "p", "br", "h1", "h2", "h3", "h4", "h5", "h6"})

_BOUNDARY = object()
_BLANK = ("blank", "")  # an empty cell: the label before it was left blank on purpose


def label_of(text: str) -> str | None:
    """Canonical label when `text` is just a label ("索 引 號：" → "索引号"), else None."""
    key = squash(text)
    if len(key) > MAX_LABEL_CHARS:  # prose, not a label: spare it the traditional→simplified pass
        return None
    return LABELS.get(simplified(key).strip(_LABEL_STRIP))


_MAYBE_BLANK_TAGS = EMPTY_CELL_TAGS | EMPTY_LEAF_TAGS


def _is_blank_cell(node, tag: str) -> bool:
    if tag in EMPTY_LEAF_TAGS:
        return len(node) == 0 and not squash(node.text or "")
    return not squash("".join(node.itertext()))


def _tokens(root) -> list:
    """The tokens of every text under `root` in document order (see `split_cell`), an empty cell as
    _BLANK, and _BOUNDARY where a block ends or where the element around a pending label's cell ends."""
    tokens: list = []
    closers: set = set()  # elements whose end closes a label that ended a text (see _label_container)
    blank = None  # the empty cell being passed through: nothing inside it counts (not even a <br>)
    for node, entering in walk(root):
        if blank is not None:
            if node is not blank or entering:
                continue
            blank = None  # leaving it: only its tail is left to read
        else:
            tag = node.tag if isinstance(node.tag, str) else ""
            if entering:
                if tag in _MAYBE_BLANK_TAGS and _is_blank_cell(node, tag):
                    tokens.append(_BLANK)
                    blank = node
                elif tag and node.text and node.text.strip():
                    _add_text(tokens, closers, node.text, node, root)
                continue
            if tag in BLOCK_END_TAGS or (closers and node in closers):
                tokens.append(_BOUNDARY)
        if node.tail and node.tail.strip() and node is not root:
            _add_text(tokens, closers, node.tail, node.getparent(), root)
    return tokens


def _add_text(tokens: list, closers: set, text: str, owner, root) -> None:
    """Tokens of one text node (the seed's scraped layout separates cells with "|"); when it ends with
    a known label, the end of the element around that label's cell is noted as closing it."""
    before = len(tokens)
    if "|" in text:
        for part in text.split("|"):
            tokens.extend(split_cell(part) if part.strip() else [_BLANK])
    else:
        tokens.extend(split_cell(text))
    last = tokens[-1] if len(tokens) > before else None  # a lone "：" after "<b>索引号</b>" adds nothing
    if last is not None and last[0] == "label" and last[1] is not None:
        container = _label_container(owner, text, root)
        if container is not None:
            closers.add(container)


def _label_container(owner, text: str, root):
    """The element a label's value must lie in: the parent of the label's cell. The cell is the
    outermost element whose whole text is the label's text (`<td><b>索引号：</b></td>` → the <td>,
    so the parent is its <tr>), or the bare text node when `owner` holds more ("发布日期：<span>…")."""
    key = _bare(text)
    if not _text_is(owner, key):
        return owner
    cell = owner
    while (parent := cell.getparent()) is not None and parent is not root and _text_is(parent, key):
        cell = parent
    return cell.getparent()


_PUNCTUATION = re.compile("[" + re.escape(_LABEL_STRIP) + "]")


def _bare(text: str) -> str:
    """`text` without whitespace or the colons and brackets around labels ("<b>索引号</b>：" is one cell)."""
    return _PUNCTUATION.sub("", squash(text))


def _text_is(el, key: str) -> bool:
    """True when `el`'s whole text, bare, is `key`; stops reading as soon as it is not."""
    seen = ""
    for piece in el.itertext():
        seen += _bare(piece)
        if not key.startswith(seen):
            return False
    return seen == key


def split_cell(text: str) -> list[tuple[str, str | None]]:
    """Tokens of one cell: ('label', canonical or None for an unknown label) and ('value', text)."""
    # Labels and the site's furniture recur on every page: short cells are memoised (read-only tuples).
    return list(_split_short(text)) if len(text) <= SHORT_CELL else _split_cell(text)


SHORT_CELL = 64


@lru_cache(maxsize=1 << 16)
def _split_short(text: str) -> tuple[tuple[str, str | None], ...]:
    return tuple(_split_cell(text))


def _split_cell(text: str) -> list[tuple[str, str | None]]:
    if label := label_of(text):
        return [("label", label)]
    if _UNKNOWN_LABEL.match(squashed := re.sub(r"\s+", "", text)):
        return [("label", None)]
    if squashed.strip(_LABEL_STRIP) == "":
        return []  # a lone colon or bracket left over from "<b>索引号</b>："
    if len(text) > MAX_SPLIT_CHARS:
        return [("value", collapse(text))]
    norm = simplified(text)
    source = text if len(norm) == len(text) else norm  # values keep the page's own characters
    known = [(m.start(), m.end(), LABELS[match_key(m["label"])]) for m in _IN_CELL_LABEL.finditer(norm)]
    if not known:  # "：1" after "<b>索引号</b>" is the value 1
        return [("value", collapse(collapse(text).lstrip(":：")))]
    others = [(m.start(), m.end(), None) for m in _OTHER_IN_CELL_LABEL.finditer(norm)
              if not any(s <= m.start() < e for s, e, _ in known)]
    labels = sorted(known + others)
    tokens: list[tuple[str, str | None]] = []
    if collapse(source[: labels[0][0]]):
        tokens.append(("value", collapse(source[: labels[0][0]])))
    for i, (_, end, label) in enumerate(labels):
        tokens.append(("label", label))
        value = collapse(source[end: labels[i + 1][0] if i + 1 < len(labels) else len(norm)])
        if value:
            tokens.append(("value", value))
    return tokens


def pair_tokens(tokens: list) -> tuple[dict[str, str], set[str]]:
    """Pair each known label with the value token right after it: (label → value, the labels left blank
    by an empty cell). A label met again takes its first non-empty value, unless an empty cell left it
    blank: that cell is the table's, and a later "发布时间：…" line elsewhere on the page is not."""
    found: dict[str, str] = {}
    blank_cells: set[str] = set()
    pending: str | None = None
    waiting = False

    def record(label: str | None, value: str, cell_blank: bool = False) -> None:
        if not label or label in blank_cells:
            return
        if cell_blank:
            if not found.get(label):
                found[label] = ""
                blank_cells.add(label)
        elif label not in found or (not found[label] and value):
            found[label] = value

    for token in tokens:
        if token is _BOUNDARY or token[0] == "label":
            if waiting:
                record(pending, "")
            waiting = token is not _BOUNDARY
            pending = None if token is _BOUNDARY else token[1]
        elif waiting:
            record(pending, token[1], cell_blank=token is _BLANK)
            waiting, pending = False, None
    if waiting:
        record(pending, "")
    return found, blank_cells


def metadata_table(sel: Selector, *, tree=None) -> dict[str, str]:
    """The 信息公开 table as canonical label → value ('' when the page leaves it blank); {} when absent.

    A table of at least MIN_LABELS labels counts when one of them has a value, or when every one
    of them sits beside an empty cell of its own (a template whose fields were all left blank);
    labels that only follow one another are a list's header row (标题 | 发布日期), not a table.
    `tree` is an already cleaned `content.main_tree` of the page, to save building it again.
    """
    found, blank_cells = pair_tokens(_tokens(main_tree(sel.root) if tree is None else tree))
    if len(found) < MIN_LABELS:
        return {}
    return found if any(found.values()) or blank_cells == set(found) else {}
