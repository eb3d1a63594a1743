"""Dates as these sites print them, and as their CMSs put them in URLs.

Every form is a compiled pattern in a table; a new form is a new entry. Text
patterns name their groups y, m, d; URL patterns capture (year, month, day) in
order. Impossible dates (2016-02-30) are rejected, never "corrected".
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from datetime import date

from crawler.extract.normalize import simplified

# Years outside this range are page numbers, prices or IDs, not dates.
MIN_YEAR, MAX_YEAR = 1949, 2099

_CN_DIGIT = "〇零○OΟ0一二三四五六七八九"
_CN_DIGIT_VALUE = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {
    "零": 0, "○": 0, "O": 0, "Ο": 0, "0": 0,
}

# Full dates in running text, most specific first. Text is NFKC-normalised
# before matching, so full-width digits (２０１６) need no patterns of their own.
FULL_DATE_PATTERNS: tuple[re.Pattern[str], ...] = (
    # 2016-03-07, 2016/3/7, 2016.03.07 (the same separator twice)
    re.compile(
        r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*(?P<sep>[-/.])\s*(?P<m>\d{1,2})\s*(?P=sep)\s*(?P<d>\d{1,2})(?!\d)"
    ),
    # 2016年3月7日, 2016 年 03 月 07 日, 2016年3月7号
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})(?!\d)\s*[日号]?"),
    # 31/07/2015: day first, year last, as Hong Kong and Macao write it (a search result's date on
    # lp.search.gov.hk). Mainland pages put the year first; no Chinese government site seen writes
    # month/day/year, so the year-last form is read day first.
    re.compile(r"(?<![\d/])(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>(?:19|20)\d{2})(?![\d/])"),
    # 二〇一六年三月七日, 二零一六年三月三十一日 (signing lines of official documents)
    # and spaced out, a character a cell, in signatures set in a table: 二 〇 一 六 年 三 月 七 日
    re.compile(
        rf"(?P<y>[{_CN_DIGIT}](?:[ \t\u3000]?[{_CN_DIGIT}]){{3}})\s*年\s*"
        r"(?P<m>[一二三四五六七八九十](?:[ \t\u3000]?[一二三四五六七八九十]){0,2})\s*月\s*"
        r"(?P<d>[一二三四五六七八九十](?:[ \t\u3000]?[一二三四五六七八九十]){0,2})\s*[日号]"
    ),
)

# Month and day only ("[03-07]", "(3/7)", "3月7日"): lists omit the year, so the
# caller must supply one. The lookarounds keep these off full dates and decimals.
MONTH_DAY_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(r"(?<![\d\-/.年])(?P<m>\d{1,2})\s*[-/]\s*(?P<d>\d{1,2})(?![\d\-/.])"),
    re.compile(r"(?<![\d年])(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号]"),
)

# Dates CMSs write into article URLs.
URL_DATE_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(r"/t((?:19|20)\d{2})(\d{2})(\d{2})_\d+"),  # TRS WCM: ./201603/t20160307_123.html
    re.compile(r"/art/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})/"),  # Hanweb: /art/2016/3/7/art_1_2.html
    re.compile(r"/((?:19|20)\d{2})[-/](\d{2})/(\d{2})/"),  # /2016/03/07/, /2016-03/07/
    re.compile(r"/((?:19|20)\d{2})(\d{2})(\d{2})/"),  # /20160307/
    re.compile(r"/((?:19|20)\d{2})/(\d{2})(\d{2})/"),  # /2016/0307/
)
# Note: a bare month folder (/201603/) is deliberately not a date; it only settles the year of a row's
# month-day date in the same month (url_year_month).
URL_MONTH_FOLDER = re.compile(r"/((?:19|20)\d{2})(0[1-9]|1[0-2])/")

# "发布日期：…" / "发布时间：…" / "日期：…" / "时间：…" near an article's top. The
# lookbehind keeps "成文日期：" and "更新时间：" from matching as bare "日期：".
PUBLISHED_LINE = re.compile(
    r"(?<![\u4e00-\u9fff])(?:发布|公开|发表|发稿)?\s*(?:日期|时间)\s*[:：]\s*"
)
PUBLISHED_LINE_WINDOW = 12  # first non-empty lines searched for that label …
# … or, where the site's menus come first (a saved page, a template the cleaning does not know),
# every line before the article's first paragraph, up to this many.
PUBLISHED_LINE_WINDOW_MAX = 80
# The line under an article's title that names its source or author often shows the posting date
# with no label ("国务院新闻办公室网站 www.scio.gov.cn 2019-03-22 来源：国新网"); one date on such a line is it.
INFO_LINE = re.compile(r"(?:来源|稿源|出处|作者|编辑|浏览|点击|阅读)(?:次数|量|数)?\s*[:：]")
INFO_LINE_MAX_CHARS = 120
PROSE_LINE_CHARS = 60  # a line this long is the article's text: its date line came before

# Page furniture that may follow an article's signature (打印本页 / 关闭窗口 /
# 上一篇); such short lines are skipped when looking for the signing date.
TRAILER_LINE = re.compile(r"打印|关闭|返回顶部|收藏|分享到|上一篇|下一篇|扫一扫|字号|字体")
TRAILER_MAX_CHARS = 40
SIGNING_WINDOW = 4  # the signing date stands within this many last lines
_STANDALONE_WRAP = "（()）[]【】 \t"


def _cn_number(text: str) -> int | None:
    """一 … 三十一 → 1 … 31."""
    if "十" in text:
        tens, _, ones = text.partition("十")
        if len(tens) > 1 or len(ones) > 1:
            return None
        return (_CN_DIGIT_VALUE[tens] if tens else 1) * 10 + (_CN_DIGIT_VALUE[ones] if ones else 0)
    return _CN_DIGIT_VALUE[text] if len(text) == 1 else None


def _to_int(text: str) -> int | None:
    text = "".join(text.split())
    if text.isdigit() and text.isascii():
        return int(text)
    if len(text) == 4 and all(c in _CN_DIGIT_VALUE for c in text):  # 二〇一六
        return int("".join(str(_CN_DIGIT_VALUE[c]) for c in text))
    return _cn_number(text)


def make_date(year, month, day) -> date | None:
    """A `date` from loose parts, or None when any part is missing or impossible."""
    try:
        y, m, d = (v if isinstance(v, int) else _to_int(v) for v in (year, month, day))
        if y is None or m is None or d is None or not MIN_YEAR <= y <= MAX_YEAR:
            return None
        return date(y, m, d)
    except (ValueError, KeyError, TypeError):
        return None


# What NFKC folds into CJK ideographs: radicals, enclosed and parenthesised ideographs (㊐ → 日),
# compatibility ideographs. A text without these whose ideograph label is missing misses it in
# NFKC form too, so a long text can be ruled out before it is normalised.
FOLDS_TO_IDEOGRAPH = re.compile("[\u2e80-\u2fdf\u3038-\u303a\u3192-\u319f\u3200-\u33ff\uf900-\ufaff"
                                "\U0001f200-\U0001f2ff\U0002f800-\U0002fa1f]")


def nfkc(text: str) -> str:
    """Full-width digits and letters folded (２０１６ → 2016); spans from `date_spans` index this form."""
    return unicodedata.normalize("NFKC", text or "")


def date_spans(text: str, default_year: int | None = None) -> list[tuple[int, int, date]]:
    """(start, end, date) for every date in `text`, in order; `text` must already be `nfkc` form."""
    found: list[tuple[int, int, date]] = []
    # The spans taken so far, disjoint and in order (starts and ends both ascending): a list page of
    # thousands of dated entries is one text, and comparing each match with every span taken was quadratic.
    starts: list[int] = []
    ends: list[int] = []

    def free(start: int, end: int) -> bool:
        i = bisect.bisect_right(starts, start)
        return not (i and ends[i - 1] > start) and not (i < len(starts) and starts[i] < end)

    def take(start: int, end: int) -> None:
        i = bisect.bisect_right(starts, start)
        starts.insert(i, start)
        ends.insert(i, end)

    for pattern in FULL_DATE_PATTERNS:
        for m in pattern.finditer(text):
            value = make_date(m["y"], m["m"], m["d"])
            if free(*m.span()):  # an impossible one (1900 - 01-10) is no date, nor a month-day form
                take(*m.span())
                if value:
                    found.append((*m.span(), value))
    if default_year is not None:
        for pattern in MONTH_DAY_PATTERNS:
            for m in pattern.finditer(text):
                value = make_date(default_year, m["m"], m["d"])
                if value and free(*m.span()):
                    found.append((*m.span(), value))
                    take(*m.span())
    return sorted(found, key=lambda item: item[0])


def find_dates(text: str, default_year: int | None = None) -> list[date]:
    """Every valid date in `text`, in order. Month-day forms need `default_year`."""
    return [value for _, _, value in date_spans(nfkc(text), default_year)]


def parse_date(text: str | None, default_year: int | None = None) -> date | None:
    """The first valid date in `text` ("2016年3月7日", "[03-07]" with a year …), or None."""
    found = find_dates(text or "", default_year)
    return found[0] if found else None


def url_date(url: str | None) -> date | None:
    """The date a CMS wrote into an article URL (/t20160307_1.html, /art/2016/3/7/…)."""
    for pattern in URL_DATE_PATTERNS:
        for m in pattern.finditer(url or ""):
            value = make_date(*m.groups())
            if value:
                return value
    return None


def url_year_month(url: str | None) -> tuple[int, int] | None:
    """(year, month) of a CMS's month folder in an article URL (/gzdt/201701/t…, /201603/…), or None."""
    m = URL_MONTH_FOLDER.search(url or "")
    return (int(m[1]), int(m[2])) if m else None


def standalone_date(line: str) -> date | None:
    """The date when `line` is nothing but one full date (brackets allowed), else None."""
    core = nfkc(line).strip(_STANDALONE_WRAP)
    found = date_spans(core)
    if len(found) == 1 and found[0][:2] == (0, len(core)):
        return found[0][2]
    return None


def signing_date(text: str) -> date | None:
    """The date on a line of its own among the last lines of a document.

    Official documents end with the issuing organ and then the date
    ("盘锦市食品药品监督管理局\\n2016年3月7日"); that date is when the document
    was formed. Page furniture after it (打印/关闭) is skipped.
    """
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    while lines and len(lines[-1]) <= TRAILER_MAX_CHARS and TRAILER_LINE.search(simplified(lines[-1])):
        lines.pop()
    for line in reversed(lines[-SIGNING_WINDOW:]):
        value = standalone_date(line)
        if value:
            return value
    return None


# Laws, resolutions and rules print when they were adopted in a parenthesis under the title:
# "（2007年6月29日第十届全国人民代表大会常务委员会第二十八次会议通过）". That day formed them.
ADOPTED_NOTE = re.compile(r"[（(]([^（）()]{6,80}?)(?:通过|批准|审议通过)[^（）()]{0,12}[）)]")
ADOPTED_WINDOW = 20  # lines from the top of the body where the note stands


def adoption_date(text: str) -> date | None:
    """The date of an adoption note ("（2007年6月29日…会议通过）") near the top of a text."""
    lines = [line for line in (text or "").splitlines() if line.strip()]
    for line in lines[:ADOPTED_WINDOW]:
        for note in ADOPTED_NOTE.finditer(nfkc(line)):
            found = date_spans(note.group(1))
            if found and found[0][0] == 0:
                return found[0][2]
    return None


# A press release's dateline: the date alone on a line before 新闻稿 (www.nd.gov.hk: "二 零 零 四 年 三 月 四 日
# 新 聞 稿", a character a cell). Matched with spaces removed.
DATELINE = re.compile(r"^(?P<date>.{6,24}?)(?:新闻稿|新闻公报|新闻发布稿)$")


def published_from_text(text: str) -> date | None:
    """The date of a '发布日期：…' / '发布时间：…' / '日期：…' / '时间：…' line near the top."""
    lines = [line for line in (text or "").splitlines() if line.strip()]
    prose = next((i for i, line in enumerate(lines[:PUBLISHED_LINE_WINDOW_MAX]) if len(line) >= PROSE_LINE_CHARS),
                 0)
    window = lines[:max(PUBLISHED_LINE_WINDOW, prose)]
    for line in window:
        norm = nfkc(simplified(line))
        for label in PUBLISHED_LINE.finditer(norm):
            rest = norm[label.end():]
            found = date_spans(rest)
            if found and found[0][0] == 0:
                return found[0][2]
    for line in window:  # a dateline: the date alone before 新闻稿
        dateline = DATELINE.match(re.sub(r"\s+", "", nfkc(simplified(line))))
        if dateline:
            found = date_spans(dateline["date"])
            if len(found) == 1 and found[0][0] == 0 and found[0][1] == len(dateline["date"]):
                return found[0][2]
    for line in window:  # no label: the one date of the line that names the source or the author
        norm = nfkc(simplified(line))
        if len(norm) <= INFO_LINE_MAX_CHARS and INFO_LINE.search(norm):
            found = date_spans(norm)
            if len(found) == 1:
                return found[0][2]
    return None
