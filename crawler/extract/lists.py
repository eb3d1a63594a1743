"""Column-list entries ({title, url, date}) and "the list is empty" notices.

An entry is a row (`<li>`, `<tr>`, `<dd>`, `<p>`) in the page's content (site
chrome removed) that holds one main internal link and either a date, or at least
two siblings of the same shape outside any side column and a link to something
other than a column's index page. That keeps navigation menus out: they live in
header/nav/footer or a side column, carry no dates, and point at columns.
"""
from __future__ import annotations

import re
from datetime import date
from urllib.parse import urlsplit

from parsel import Selector

from crawler.extract.content import in_sidebar, main_tree
from crawler.extract.dates import date_spans, make_date, nfkc, url_date
from crawler.extract.links import absolute_url, is_internal
from crawler.extract.normalize import collapse, simplified
from crawler.items import Entry

ROW_TAGS = ("li", "tr", "dd", "p")
MIN_UNDATED_GROUP = 3  # undated rows count only in a run of this many alike siblings
# A column's own page (/xxgk/rsxx/, …/index.html, /col/col3371/index.html): an undated
# link to one is a directory of columns (公开目录), not an item.
COLUMN_INDEX_URL = re.compile(r"/(?:index(?:_\d+)?\.(?:s?html?|jsp|aspx?|php)|default\.(?:s?html?|aspx?|jsp))?$", re.I)
# Anchor texts that are pagination or "more" links, not entries.
NOT_AN_ENTRY = re.compile(
    r"^(?:\d+|更多|更多>+|more|首页|上一页|下一页|尾页|末页|前一页|后一页|>+|<+|»|«|\.\.\.|…)$", re.I
)
# What an empty column says, in simplified form (traditional pages are converted first).
EMPTY_NOTICE = re.compile(
    r"暂无(?:相关)?(?:信息|数据|内容|记录|文章|公开信息)|没有(?:找到)?相关(?:信息|内容|记录|数据)?|没有找到相关|没有(?:任何)?(?:信息|记录|数据)"
)
MAX_NOTICE_CHARS = 30  # the notice stands in a short element; long text merely mentions it
_SKIP_SCHEMES = ("javascript:", "mailto:", "tel:", "#")
_DIGIT = re.compile(r"\d")

# An XPath matching the innermost rows only, so nested layout tables do not count twice.
_ROW_XPATH = " | ".join(f"//{tag}[.//a[@href] and not(.//{tag})]" for tag in ROW_TAGS)


def _text(el) -> str:
    return collapse("".join(el.itertext()))


def _anchor_title(a) -> str:
    return collapse(a.get("title") or "") or _text(a)


def page_reference_date(root) -> date | None:
    """The latest full date the page prints (scripts aside): the "today" of its lists.

    Lists that print only month and day ("[03-07]") are lists of recent items, so the
    year is the one that puts the day on or before the latest date on the page (its
    update line, a dated entry …): "[12-30]" on a page updated 2016-03-21 is 2015-12-30.
    """
    texts = root.xpath("//body//text()[not(ancestor::script) and not(ancestor::style)]")
    found = [day for text in texts if _DIGIT.search(text) for _, _, day in date_spans(nfkc(text))]
    return max(found, default=None)


def _year_before(day: date, reference: date) -> date:
    """`day` (a month-day read with the reference's year) moved a year back when it lies after the reference."""
    if day <= reference:
        return day
    return make_date(day.year - 1, day.month, day.day) or day


def _row_date(row, main_a, entry_url: str, reference: date | None = None):
    """The first date in the row's text outside its main link.

    Month-day forms take the year of the URL's date, else the year that puts them on
    or before `reference` (`page_reference_date`); without either they are not dates.
    """
    outside = [t for t in row.xpath(".//text()") if not _within(t, main_a)]
    url_day = url_date(entry_url)
    year = url_day.year if url_day else reference.year if reference else None

    def dated(day: date) -> date:
        return day if url_day or reference is None else _year_before(day, reference)

    # A full date anywhere in the row beats a month-day form (which a 文号 like 〔2016〕3-1号 can fake).
    outside = nfkc(" ".join(outside))
    found = date_spans(outside) or (date_spans(outside, year) if year else [])
    if found:
        return dated(found[0][2]), False
    # Some lists put the date inside the link: <a>标题<span>2016-03-07</span></a>.
    inside = nfkc(_text(main_a))
    found = date_spans(inside, year)
    if found and found[-1][1] == len(inside):
        return dated(found[-1][2]), True
    return None, False


def _within(text_node, el) -> bool:
    """True when a text node (lxml smart string) is el's text or a descendant's (not el's tail)."""
    parent = text_node.getparent()
    if parent is el:
        return not text_node.is_tail
    while parent is not None:
        parent = parent.getparent()
        if parent is el:
            return True
    return False


def _group(row) -> tuple[str, str, str]:
    """Rows alike: same parent (by path: lxml proxies have no stable id), tag and class."""
    parent = row.getparent()
    return row.getroottree().getpath(parent) if parent is not None else "", row.tag, row.get("class") or ""


def list_entries(sel: Selector, base_url: str, site_url: str | None = None, *, tree=None) -> list[Entry]:
    """Entries of the page's lists, in page order; each has a title, an absolute URL and an ISO date or None.

    `site_url` decides which links are internal (default: `base_url`); `tree` is an
    already cleaned `content.main_tree` of the page, to save building it again.
    """
    site_url = site_url or base_url
    tree = main_tree(sel.root) if tree is None else tree
    candidates = []
    for row in tree.xpath(_ROW_XPATH):
        anchors = []
        for a in row.iter("a"):
            href = (a.get("href") or "").strip()
            if not href or href.lower().startswith(_SKIP_SCHEMES):
                continue
            url = absolute_url(href, base_url)
            title = _anchor_title(a)
            if is_internal(url, site_url) and title and not NOT_AN_ENTRY.match(title):
                anchors.append((len(title), a, url, title))
        if anchors:
            _, main_a, url, title = max(anchors, key=lambda item: item[0])
            candidates.append((row, main_a, url, title))

    group_sizes: dict[tuple, int] = {}
    for row, *_ in candidates:
        group_sizes[_group(row)] = group_sizes.get(_group(row), 0) + 1

    reference = page_reference_date(sel.root) if candidates else None
    entries = []
    for row, main_a, url, title in candidates:
        day, date_in_title = _row_date(row, main_a, url, reference)
        if day is None and (
            group_sizes[_group(row)] < MIN_UNDATED_GROUP
            or in_sidebar(row)
            or COLUMN_INDEX_URL.search(urlsplit(url).path)
        ):
            continue
        if date_in_title and not collapse(main_a.get("title") or ""):
            title = _strip_trailing_date(title)
        entries.append(Entry(title=title, url=url, date=day.isoformat() if day else None))
    return entries


def _strip_trailing_date(title: str) -> str:
    norm = nfkc(title)
    found = date_spans(norm)
    if found and found[-1][1] == len(norm) and len(norm) == len(title):
        return collapse(title[: found[-1][0]].rstrip("[(（【 "))
    return title


def has_empty_notice(sel: Selector, *, tree=None) -> bool:
    """True when a short text in the page's content says the list is empty (暂无信息 …)."""
    tree = main_tree(sel.root) if tree is None else tree
    for text in tree.itertext():
        text = collapse(text)
        if text and len(text) <= MAX_NOTICE_CHARS and EMPTY_NOTICE.search(simplified(text)):
            return True
    return False
