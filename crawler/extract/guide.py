"""Which key elements a 办事指南 (service guide) labels: 事项名称, 设定依据, 申请条件, 办理材料 …

The 2019 indicators veto a site whose service is "不实用": its guides lack key elements
(事项名称、设定依据、申请条件、办理材料 …). The crawler records, on every page that is a guide,
which standard elements it labels; `service.guide_incomplete` (checks/rules/guide.py) judges
the records against the catalog's list.

A page is a guide when its title, ColumnName tag, last crumbs or main heading say 办事指南 /
服务指南 (and it is not a list of guides), or when it labels at least GUIDE_MIN_ELEMENTS of the
core elements whatever it is called (a 政务服务网 item page titled by the item alone).

An element is *labelled* where its name, or one of its common variants (ELEMENTS), stands as a
label: a table cell, a <dt>, a heading or a tab whose whole text is the name, or a block that
begins with the name and a colon ("受理条件：…", "三、申请材料"). A word in running prose
("…列明设定依据、申请条件、申请材料…") is no label. Hidden tab panels are read too (their
labels are in the markup); site chrome (header, menus, footer) is not, so a footer's
"联系电话" is not taken for the guide's.
"""
from __future__ import annotations

import re
from functools import lru_cache

from crawler.extract.content import _is_chrome
from crawler.extract.normalize import collapse, simplified

# Standard element → the labels sites write for it (compared without spaces, numbering and
# colon). The first eight are the 2019 indicators' 办事指南要素 (the first four read in a copy of
# the indicator table; the other four, and the two after them, are what guides commonly show).
# A new variant is a new entry here.
ELEMENTS: dict[str, tuple[str, ...]] = {
    "事项名称": ("事项名称", "服务事项名称", "审批事项名称", "行政审批事项名称", "许可事项名称", "事项全称", "子项名称"),
    "设定依据": ("设定依据", "法律依据", "法定依据", "办理依据", "实施依据", "审批依据", "许可依据", "政策依据",
             "依据", "职权依据", "受理依据", "设立依据"),
    "申请条件": ("申请条件", "受理条件", "申报条件", "办理条件", "准予许可的条件", "许可条件", "申请人条件",
             "准入条件", "受理标准", "申请资格"),
    "办理材料": ("办理材料", "申请材料", "所需材料", "申报材料", "提交材料", "材料清单", "申请材料目录",
             "办事材料", "所需资料", "申请资料", "申报资料", "应提交的材料", "需提交的材料", "提交材料清单"),
    "办理地点": ("办理地点", "受理地点", "办理地址", "受理地址", "办公地点", "办事地点", "办理窗口", "受理窗口",
             "窗口地址"),
    "办理时间": ("办理时间", "受理时间", "办公时间", "工作时间", "窗口办公时间", "窗口受理时间"),
    "联系电话": ("联系电话", "咨询电话", "咨询方式", "联系方式", "咨询途径", "业务咨询电话", "办事咨询电话"),
    "办理流程": ("办理流程", "办事流程", "办理程序", "办理步骤", "申请流程", "受理流程", "审批流程", "审批程序",
             "许可程序", "基本流程", "流程图", "办理流程图", "办事流程图"),
    "办理时限": ("办理时限", "承诺时限", "法定时限", "承诺办结时限", "法定办结时限", "审批时限", "办结时限",
             "承诺期限", "法定期限"),
    "收费标准": ("收费标准", "收费依据及标准", "收费依据", "是否收费", "收费情况", "收费"),
}
# The elements whose labels alone make a page a guide: GUIDE_MIN_ELEMENTS of the eight, at least
# GUIDE_MIN_DISTINCT of them among the four only a guide has (an office's 机构职能 page labels
# 办公地点, 办公时间 and 联系电话 too, and is no guide).
CORE = ("事项名称", "设定依据", "申请条件", "办理材料", "办理地点", "办理时间", "联系电话", "办理流程")
DISTINCT = CORE[:4]
GUIDE_MIN_ELEMENTS = 3
GUIDE_MIN_DISTINCT = 2
# What a guide is called, in its title, ColumnName tag, last crumbs or main heading.
GUIDE_NAMES = re.compile(r"办事指南|服务指南|办理指南|申报指南|办事须知")
CRUMBS_READ = 2  # the trail's last names (the page's column, or the guide's own name under it)

# Numbering before a label: 一、 （一） (1) 1. 1、 ①, and a bullet or 【…】.
_NUMBERING = re.compile(r"^(?:[（(]?[一二三四五六七八九十\d]{1,3}[)）]?[、.．:：]?|[①-⑳]|[【\[■●◆·•])\s*")
_CLOSING = re.compile(r"^[】\]]")
_COLON = re.compile(r"^\s*[:：]")
LABEL_TAGS = frozenset({"td", "th", "dt", "h1", "h2", "h3", "h4", "h5", "h6", "li", "label", "strong", "b", "span",
                        "a", "em", "font", "caption"})
BLOCK_TAGS = frozenset({"p", "div", "li", "dd", "td", "section", "article"})
MAX_LABEL = 14  # characters of a whole-text label ("申请材料目录（必要）" and shorter)
SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "head", "title", "select", "option"})

# A short heading that ends in 流程 / 流程图 names the guide's process whatever it begins with
# ("二、行政许可办理流程图", "行政强制措施流程图").
_PROCESS_HEADING = re.compile(r"^[^，,。；;]{0,12}(?:流程图|流程)[:：]?$")
_VARIANTS = sorted(((v, name) for name, variants in ELEMENTS.items() for v in variants),
                   key=lambda pair: -len(pair[0]))


def page_guide(root, *, title: str, meta: dict[str, str] | None, trail: list[str],
               has_entries: bool, html: str | None = None) -> list[str] | None:
    """The standard elements (ELEMENTS' keys, in that order) a guide page labels; None when
    the page is no guide. A page named a guide whose labels are not in its markup (an image,
    an attachment, a script) gives []. `html`, the page's markup, lets a page whose text holds
    too few of the guide-only labels anywhere be passed over without walking its tree."""
    named = _named_guide(root, title, meta or {}, trail)
    if not named and html is not None and not may_label_a_guide(html):
        return None
    found = labelled_elements(root)
    if (sum(name in found for name in CORE) >= GUIDE_MIN_ELEMENTS
            and sum(name in found for name in DISTINCT) >= GUIDE_MIN_DISTINCT):
        return [name for name in ELEMENTS if name in found]
    if named and not has_entries:
        return [name for name in ELEMENTS if name in found]
    return None


# Between a label's characters the markup may put spaces or no-break spaces ("事 项 名 称").
_GAP = r"(?:\s|&nbsp;|&#160;|&#xa0;|\u3000)*"


@lru_cache(maxsize=1)
def _guide_only_labels() -> re.Pattern[str]:
    """Any variant of the guide-only elements (DISTINCT), in simplified and traditional script, each
    element its own named group: a page with fewer than GUIDE_MIN_DISTINCT of them anywhere in its
    markup cannot label enough to be a guide by its labels."""
    import opencc

    to_traditional = opencc.OpenCC("s2t")
    groups, firsts = [], set()
    for i, name in enumerate(DISTINCT):
        forms = {form for v in ELEMENTS[name] for form in (v, to_traditional.convert(v))}
        firsts.update(form[0] for form in forms)
        alternation = "|".join(_GAP.join(map(re.escape, form)) for form in sorted(forms, key=len, reverse=True))
        groups.append(f"(?P<e{i}>{alternation})")
    # The lookahead lets the scan skip, in one test, every position where no label can begin: the same
    # matches, six times faster over a page's markup than trying each alternative there.
    return re.compile("(?=[" + "".join(map(re.escape, sorted(firsts))) + "])(?:" + "|".join(groups) + ")")


def may_label_a_guide(html: str) -> bool:
    """Whether `html` holds at least GUIDE_MIN_DISTINCT of the guide-only elements' labels anywhere (a cheap
    pass over the markup; the tree walk then decides where they stand)."""
    seen = set()
    for match in _guide_only_labels().finditer(html):
        seen.add(match.lastgroup)
        if len(seen) >= GUIDE_MIN_DISTINCT:
            return True
    return False


def labelled_elements(root) -> set[str]:
    """The standard elements whose label stands somewhere in the page outside its chrome."""
    found: set[str] = set()
    _walk(root, found)
    return found


def label_of(text: str) -> str | None:
    """The standard element a label's text names: the whole text (a cell, a tab, a heading) or
    its head up to a colon ("受理条件：…"); None for prose."""
    text = collapse(simplified(text)).replace(" ", "").replace("\u3000", "")
    head = _NUMBERING.sub("", text, count=1)
    for variant, name in _VARIANTS:
        if head.startswith(variant):
            after = head[len(variant):]
            rest = _CLOSING.sub("", after)
            if not rest or rest != after or _COLON.match(rest) or (len(head) <= MAX_LABEL and rest[:1] in "（("):
                return name
    if _PROCESS_HEADING.match(head):
        return "办理流程"
    return None


def _walk(root, found: set[str]) -> None:
    # A stack, not recursion: a page nested a thousand elements deep is still a page.
    stack = list(reversed(root))
    while stack:
        child = stack.pop()
        tag = child.tag if isinstance(child.tag, str) else ""
        if not tag or tag in SKIP_TAGS or _is_chrome(child):
            continue
        if tag in LABEL_TAGS or tag in BLOCK_TAGS:
            text = _head(child)
            if text:
                whole = len(text) <= MAX_LABEL
                name = label_of(text) if whole or tag in BLOCK_TAGS or tag in ("strong", "b", "span") else None
                if name and (whole or _starts_with_label(text)):
                    found.add(name)
        stack.extend(reversed(child))


HEAD_CHARS = 4 * MAX_LABEL  # a label is judged on an element's first words: no need to read all of it


def _head(el) -> str:
    """An element's first words, whitespace-collapsed: enough to tell a whole label (≤ MAX_LABEL)
    from a longer block, and to see the label a block starts with, without reading every
    element's whole text (quadratic on deeply nested pages)."""
    parts, size = [], 0
    for piece in el.itertext():
        parts.append(piece)
        size += len(piece)
        if size > HEAD_CHARS:
            break
    return collapse("".join(parts))


def _starts_with_label(text: str) -> bool:
    """A long block is labelled only by a name followed by a colon: "申请材料：1.…"."""
    head = _NUMBERING.sub("", collapse(simplified(text)).replace(" ", ""), count=1)
    return any(head.startswith(v) and (_CLOSING.match(head[len(v):]) or _COLON.match(head[len(v):]))
               for v, _ in _VARIANTS)


def _named_guide(root, title: str, meta: dict[str, str], trail: list[str]) -> bool:
    headings = [collapse(h.xpath("string()")) for h in root.xpath("//h1")[:2]]
    names = [title, meta.get("ColumnName") or "", meta.get("ArticleTitle") or "", *trail[-CRUMBS_READ:], *headings]
    return any(GUIDE_NAMES.search(simplified(name or "")) for name in names)
