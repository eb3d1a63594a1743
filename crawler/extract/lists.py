"""Column-list entries ({title, url, date}), and whether a page says its list is empty.

An entry is a row (`<li>`, `<tr>`, `<dd>`, `<p>`) in the page's content (site
chrome removed) that holds one main internal link and either a date, or at least
two siblings of the same shape outside any side column and a link to something
other than a column's index page. That keeps navigation menus out: they live in
header/nav/footer or a side column, carry no dates, and point at columns.
"""
from __future__ import annotations

import re
from datetime import date
from functools import cached_property
from urllib.parse import urlsplit

from lxml import etree
from parsel import Selector

from crawler.extract.content import in_sidebar, main_tree, walk
from crawler.extract.dates import date_spans, make_date, nfkc, url_date, url_year_month
from crawler.extract.links import absolute_url, is_internal
from crawler.extract.normalize import collapse
from crawler.extract.notices import is_notice
from crawler.items import Entry

ROW_TAGS = ("li", "tr", "dd", "p", "dl", "ul")
# A <dl> is one entry when it holds one linked <dd> (or <dt>) and the date in another
# (平潭 集约化: <dl><dd><a>…</a></dd><dd>2026-03-10</dd></dl>); a <dd> is a row only among linked siblings.
# A <ul> is one entry when its <li>s are the cells of a table row, one of them linked (Lonsun 留言板:
# <ul class="odd"><li class="t0">2025-12-21</li><li class="t5">已回复</li>…<li class="t3"><a>…</a></li></ul>).
ROW_CONDITIONS = {"dd": "count(../dd[.//a[@href]]) >= 2", "dl": "count(.//dd[.//a[@href]] | .//dt[.//a[@href]]) < 2",
                  "ul": "count(li) >= 2 and count(li[.//a[@href]]) = 1"}
# Newer templates build a list of boxes instead (<div class="item"><a>…</a><span>2025-01-03</span></div>,
# or the link and the date each in a box of their own inside the item's). Read only where no row of
# ROW_TAGS gives an entry, and only dated: an undated box is as likely a menu tile.
BOX_TAGS = frozenset({"div", "span", "section", "article", "h3", "h4"})
MAX_BOX_CLIMB = 3  # from a link up to the box that also holds its date
MIN_BOX_GROUP = 2  # dated boxes count only with a sibling alike
MIN_UNDATED_GROUP = 3  # undated rows count only in a run of this many alike siblings
MIN_OFFSITE_GROUP = 2  # a dated row linking off-site counts only with a sibling alike
# A column's own page (/xxgk/rsxx/, …/index.html, /col/col3371/index.html): an undated
# link to one is a directory of columns (公开目录), not an item.
COLUMN_INDEX_URL = re.compile(r"/(?:index(?:_\d+)?\.(?:s?html?|jsp|aspx?|php)|default\.(?:s?html?|aspx?|jsp))?$", re.I)
# Anchor texts that are pagination or "more" links, not entries.
NOT_AN_ENTRY = re.compile(
    r"^(?:\d+|更多|更多>+|more|首页|上一页|下一页|尾页|末页|前一页|后一页|>+|<+|»|«|\.\.\.|…)$", re.I
)
_SKIP_SCHEMES = ("javascript:", "mailto:", "tel:", "#")
_MAY_HOLD_DATE = re.compile(r"[\d年]")  # digits, or a date in Chinese numerals (二〇一六年三月七日)
_BODY_TEXTS = etree.XPath("//body//text()[not(ancestor::script) and not(ancestor::style)]", smart_strings=False)

# An XPath matching the innermost rows only, so nested layout tables do not count twice; a layout
# cell's row that holds a whole <ul> of linked items is their container, not one more row.
_ROWS_INSIDE = "count(.//li[.//a[@href]] | .//dd[.//a[@href]]) < 2"
_ROW_XPATH = " | ".join(
    f"//{tag}[.//a[@href] and not(.//{tag}) and {_ROWS_INSIDE}{' and ' + ROW_CONDITIONS[tag] if tag in ROW_CONDITIONS else ''}]"
    for tag in ROW_TAGS)


def _text(el) -> str:
    return collapse("".join(el.itertext()))


def _anchor_title(a) -> str:
    return collapse(a.get("title") or "") or _text(a)


# A leap year, only to tell whether a text shows a month and day at all ("02-29" included).
_ANY_YEAR = 2000


def page_reference_date(root) -> date | None:
    """The latest full date the page prints (scripts aside): the "today" of its lists.

    Lists that print only month and day ("[03-07]") are lists of recent items, so the
    year is the one that puts the day on or before the latest date on the page (its
    update line, a dated entry …): "[12-30]" on a page updated 2016-03-21 is 2015-12-30.
    """
    # One pass over the dated texts: no date pattern matches across NUL, so joining changes no date.
    dated = "\x00".join(text for text in _BODY_TEXTS(root) if _MAY_HOLD_DATE.search(text))
    return max((day for _, _, day in date_spans(nfkc(dated))), default=None)


class PageReference:
    """`page_reference_date`, read when a row first needs it: rows whose URL carries their date
    (t20160307_123.html) never do, and on such lists the pass over every text was wasted."""

    def __init__(self, root):
        self._root = root

    @cached_property
    def day(self) -> date | None:
        return page_reference_date(self._root)


def _year_before(day: date, reference: date) -> date:
    """`day` (a month-day read with the reference's year) moved a year back when it lies after the reference."""
    if day <= reference:
        return day
    return make_date(day.year - 1, day.month, day.day) or day


def _row_date(row, main_a, entry_url: str, reference: PageReference | None = None):
    """(date, shown in the link's text, yearless): the first date in the row's text outside its main link.

    Month-day forms take the year of the URL's date, else of the URL's month folder when it is the
    same month (/201701/ for "01-05"), else the year that puts them on or before `reference`
    (`page_reference_date`); without any of these they are no dates, and `yearless` says the row
    showed one: its entry's date is not known, which is not the same as a list that shows none.
    """
    # Every date form has a digit or 年 (dates.FULL_DATE_PATTERNS, MONTH_DAY_PATTERNS): a row without
    # one (a menu's, a pager's) has no date, and needs neither its URL read nor the page's reference.
    outside = nfkc(" ".join(_texts_outside(row, main_a)))
    inside = None
    if not _MAY_HOLD_DATE.search(outside):
        inside = nfkc(_text(main_a))
        if not _MAY_HOLD_DATE.search(inside):
            return None, False, False
    url_day = url_date(entry_url)
    reference = reference.day if reference is not None and url_day is None else None
    folder = None if url_day else url_year_month(entry_url)
    year = url_day.year if url_day else reference.year if reference else folder[0] if folder else None

    def dated(day: date, full: bool) -> date | None:
        if url_day or (full and reference is None):
            return day
        if not full and folder and (reference is None or day.month == folder[1]):
            # The folder's year holds for its own month only: "12-30" under /201701/ is no 2017-12-30.
            return make_date(folder[0], day.month, day.day) if day.month == folder[1] else None
        return day if reference is None else _year_before(day, reference)

    def first(text: str, at_end: bool):
        """(date, full) of the text's first date (its last, which must end the text, when at_end)."""
        spans = date_spans(text, year) if year else date_spans(text)
        if at_end:
            spans = spans[-1:] if spans and spans[-1][1] == len(text) else []
        if not spans:
            return None
        start, end, day = spans[0]
        return day, bool(date_spans(text[start:end]))  # a full date reads as one without a default year

    # A full date anywhere in the row beats a month-day form (which a 文号 like 〔2016〕3-1号 can fake).
    full = date_spans(outside)
    if full:
        return dated(full[0][2], True), False, False
    found = first(outside, at_end=False)
    if found:
        day = dated(*found)
        return day, False, day is None
    # Some lists put the date inside the link: <a>标题<span>2016-03-07</span></a>.
    inside = nfkc(_text(main_a)) if inside is None else inside
    found = first(inside, at_end=True)
    if found:
        day = dated(*found)
        return day, day is not None, day is None
    # A month and day with nothing to settle the year: the entry's date is not known, not absent.
    yearless = year is None and any(date_spans(text, _ANY_YEAR) for text in (outside, inside))
    return None, False, yearless


def _texts_outside(row, skipped) -> list[str]:
    """The row's text nodes in document order, except those inside `skipped` (its tail counts)."""
    out: list[str] = []
    for el, entering in walk(row, skip=skipped):
        if entering:
            if el is not skipped and el.text and isinstance(el.tag, str):
                out.append(el.text)
        elif el is not row and el.tail:
            out.append(el.tail)
    return out


def _group(row) -> tuple:
    """Rows alike: same parent, tag and class. The parent is keyed by its proxy object, which lxml
    keeps the same for as long as something holds it: the key itself does, while the rows are counted."""
    return row.getparent(), row.tag, row.get("class") or ""


class Entries(list):
    """A page's entries, and how many of them show a month and day whose year nothing on the page settles
    (`yearless`): such an entry is undated because its year is unknown, not because the list gives no date."""

    yearless = 0


def list_entries(sel: Selector, base_url: str, site_url: str | None = None, *, tree=None) -> list[Entry]:
    """Entries of the page's lists, in page order; each has a title, an absolute URL and an ISO date or None.

    `site_url` decides which links are internal (default: `base_url`); `tree` is an
    already cleaned `content.main_tree` of the page, to save building it again.
    """
    site_url = site_url or base_url
    tree = main_tree(sel.root) if tree is None else tree
    candidates = []
    for row in tree.xpath(_ROW_XPATH):
        inside, offsite = [], []
        for a, url, title in _entry_links(row, base_url):
            (inside if is_internal(url, site_url) else offsite).append((len(title), a, url, title))
        if inside or offsite:
            _, main_a, url, title = max(inside or offsite, key=lambda item: item[0])
            candidates.append((row, main_a, url, title, not inside))

    candidates = _one_row_per_link(candidates, base_url, sel.root)
    groups = [_group(row) for row, *_ in candidates]
    group_sizes: dict[tuple, int] = {}
    for group in groups:
        group_sizes[group] = group_sizes.get(group, 0) + 1
    # A column may list postings that live elsewhere: a 公众号 article among the site's own, a
    # 上级文件 column of the province's documents. A dated row that links off-site counts among rows
    # alike; undated off-site rows are menus and 友情链接. Leaving such a column out would judge it
    # empty, the one error a published 通报 must not carry.

    reference = PageReference(sel.root)
    entries = Entries()
    for (row, main_a, url, title, offsite), group in zip(candidates, groups):
        if offsite and group_sizes[group] < MIN_OFFSITE_GROUP:
            continue
        day, date_in_title, yearless = _row_date(row, main_a, url, reference)
        if day is None and (
            offsite
            or group_sizes[group] < MIN_UNDATED_GROUP
            or in_sidebar(row)
            or COLUMN_INDEX_URL.search(urlsplit(url).path)
        ):
            continue
        if date_in_title and not collapse(main_a.get("title") or ""):
            title = _strip_trailing_date(title)
        entries.append(Entry(title=title, url=url, date=day.isoformat() if day else None))
        entries.yearless += yearless
    return entries or _box_entries(tree, base_url, sel.root)


def _one_row_per_link(candidates: list[tuple], base_url: str, root) -> list[tuple]:
    """One row per link where rows nest (an unclosed <LI> inside each <tr><td>, a <dd> inside its
    <dl>): the innermost that shows the entry's date, else the innermost."""
    by_link: dict = {}
    for candidate in candidates:
        by_link.setdefault(candidate[1], []).append(candidate)
    if all(len(rows) == 1 for rows in by_link.values()):
        return candidates
    reference = PageReference(root)
    chosen = {}
    for link, rows in by_link.items():
        innermost = sorted(rows, key=lambda c: -_depth(c[0]))
        chosen[link] = next((c for c in innermost if _row_date(c[0], c[1], c[2], reference)[0] is not None),
                            innermost[0])
    return [c for c in candidates if chosen[c[1]] is c]


def _depth(el) -> int:
    return sum(1 for _ in el.iterancestors())


def _entry_links(el, base_url: str) -> list[tuple]:
    """(a, absolute http(s) URL, title) for every link in `el` that could be an entry's, on the site or off it."""
    links = []
    for a in el.iter("a"):
        href = (a.get("href") or "").strip()
        if not href or href.lower().startswith(_SKIP_SCHEMES):
            continue
        url = absolute_url(href, base_url)
        title = _anchor_title(a)
        if url and url.startswith(("http://", "https://")) and title and not NOT_AN_ENTRY.match(title):
            links.append((a, url, title))
    return links


def _box_entries(tree, base_url: str, root) -> list[Entry]:
    """Dated entries of a list of boxes (BOX_TAGS): each link's smallest enclosing box that also
    holds a date and no other entry link; boxes alike (same parent, tag, class) at least MIN_BOX_GROUP."""
    links = _entry_links(tree, base_url)  # on- or off-site: a box counts only with its date
    if len(links) < MIN_BOX_GROUP:
        return []
    linked = {a: url for a, url, _ in links}
    reference = PageReference(root)
    found = []
    for a, url, title in links:
        box = a.getparent()
        for _ in range(MAX_BOX_CLIMB):
            # another entry's link inside makes it a list, not a box; a second link to the same
            # page (the source's name under the title) does not
            if box is None or box.tag not in BOX_TAGS or any(
                    linked.get(o, url) != url for o in box.iter("a") if o is not a):
                break
            day, date_in_title, _ = _row_date(box, a, url, reference)
            if day is not None:
                if not date_in_title:  # dated: a side column's list too, as for rows
                    found.append((box, url, title, day))
                break
            box = box.getparent()
    per_box: dict = {}
    for candidate in found:  # one entry a box: its first link (the title; the source's name comes after)
        per_box.setdefault(candidate[0], candidate)
    found = [f for f in found if per_box[f[0]] is f]
    sizes: dict[tuple, int] = {}
    for box, *_ in found:
        sizes[_group(box)] = sizes.get(_group(box), 0) + 1
    return [Entry(title=title, url=url, date=day.isoformat())
            for box, url, title, day in found if sizes[_group(box)] >= MIN_BOX_GROUP]


def _strip_trailing_date(title: str) -> str:
    norm = nfkc(title)
    found = date_spans(norm)
    if found and found[-1][1] == len(norm) and len(norm) == len(title):
        return collapse(title[: found[-1][0]].rstrip("[(（【 ")) or title  # a title that is only a date stays
    return title


def has_empty_notice(sel: Selector, *, tree=None) -> bool:
    """True when a short text in the page's content says the list is empty (crawler.extract.notices)."""
    tree = main_tree(sel.root) if tree is None else tree
    return any(is_notice(text) for text in tree.itertext())
