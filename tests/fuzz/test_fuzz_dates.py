"""Property tests of the date parser (crawler/extract/dates.py).

Any text parses without an exception; every rendering of a date the parser supports reads
back as that date wherever it stands in running text; an impossible date never reads as one.
"""
from __future__ import annotations

import calendar
from datetime import date

from hypothesis import assume, given
from hypothesis import strategies as st

from crawler.extract.dates import (MAX_YEAR, MIN_YEAR, date_spans, find_dates, nfkc, parse_date,
                                   published_from_text, signing_date, standalone_date, url_date)
from fuzz_strategies import full_width, noisy_text, quiet_text

DAYS = st.dates(min_value=date(MIN_YEAR, 1, 1), max_value=date(MAX_YEAR, 12, 31))
YEARS = st.one_of(st.none(), st.integers(MIN_YEAR, MAX_YEAR), st.sampled_from([2000, 2016]),
                  st.integers(-10**20, 10**20))
SPACE = st.sampled_from(["", "", " ", "\u3000", "  "])
CN_DIGITS = "〇一二三四五六七八九"
CN_ZEROS = "〇零○OΟ0"  # what signing lines use for 0 in a year (O and Ο are typing slips the parser accepts)


def cn_number(n: int, long_ten: bool = False) -> str:
    """1 … 99 in Chinese numerals: 七, 十, 十二 (or 一十二), 二十, 三十一."""
    if n < 10:
        return CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("一" if long_ten else "") * (tens == 1) + CN_DIGITS[tens] * (tens > 1) + "十" + CN_DIGITS[ones] * (ones > 0)


def _digits(draw, n: int) -> str:
    return str(n) if n >= 10 or draw(st.booleans()) else f"{n:02d}"


@st.composite
def full_rendering(draw, y: int, m: int, d: int) -> str:
    """y-m-d in one of the full forms the parser documents, in any width."""
    sp = lambda: draw(SPACE)  # noqa: E731
    form = draw(st.sampled_from(["sep", "nian", "cn"]))
    if form == "sep":
        sep = draw(st.sampled_from("-/."))
        text = f"{y}{sp()}{sep}{sp()}{_digits(draw, m)}{sp()}{sep}{sp()}{_digits(draw, d)}"
    elif form == "nian":
        end = draw(st.sampled_from(["日", "号", ""]))
        text = f"{y}{sp()}年{sp()}{_digits(draw, m)}{sp()}月{sp()}{_digits(draw, d)}{sp()}{end}"
    else:
        if not (1 <= m <= 99 and 1 <= d <= 99):
            return f"{y}-{m:02d}-{d:02d}"
        year = "".join(draw(st.sampled_from(CN_ZEROS)) if c == "0" else CN_DIGITS[int(c)] for c in f"{y:04d}")
        long_ten = draw(st.booleans())
        text = (f"{year}{sp()}年{sp()}{cn_number(m, long_ten)}{sp()}月{sp()}{cn_number(d, long_ten)}{sp()}"
                f"{draw(st.sampled_from('日号'))}")
    width = draw(st.sampled_from(["ascii", "full", "mixed"]))
    if width == "full":
        return full_width(text)
    if width == "mixed":
        wide = draw(st.lists(st.booleans(), min_size=len(text), max_size=len(text)))
        return "".join(full_width(c) if w else c for c, w in zip(text, wide))
    return text


@st.composite
def month_day_rendering(draw, m: int, d: int) -> str:
    """A list's year-less date: [03-07], (3/7), 3月7日."""
    if draw(st.booleans()):
        text = f"{_digits(draw, m)}{draw(SPACE)}{draw(st.sampled_from('-/'))}{draw(SPACE)}{_digits(draw, d)}"
        left, right = draw(st.sampled_from(["", "[]", "()", "【】", "（）"])) or ("", "")
        text = left + text + right
    else:
        text = f"{_digits(draw, m)}{draw(SPACE)}月{draw(SPACE)}{_digits(draw, d)}{draw(SPACE)}{draw(st.sampled_from('日号'))}"
    return full_width(text) if draw(st.booleans()) else text


@st.composite
def impossible_dates(draw) -> tuple[int, int, int]:
    """(y, m, d) that the full-date patterns match but that is no day in the parser's years."""
    kind = draw(st.sampled_from(["feb", "short month", "month", "day", "year"]))
    y = draw(st.integers(MIN_YEAR, MAX_YEAR))
    m = draw(st.integers(1, 12))
    d = draw(st.integers(1, 28))
    if kind == "feb":
        y = draw(st.integers(MIN_YEAR, MAX_YEAR).filter(lambda v: not calendar.isleap(v)))
        m, d = 2, draw(st.integers(29, 31))
    elif kind == "short month":
        m, d = draw(st.sampled_from([2, 4, 6, 9, 11])), 31
    elif kind == "month":
        m = draw(st.one_of(st.just(0), st.integers(13, 99)))
    elif kind == "day":
        d = draw(st.one_of(st.just(0), st.integers(32, 99)))
    else:
        y = draw(st.integers(1900, MIN_YEAR - 1))  # the patterns read 19xx/20xx: these are out of range
    return y, m, d


def assemble(prefix: str, value: str, suffix: str) -> str:
    text = prefix + value + suffix
    # NFKC of the whole must be NFKC of the parts, or the parts could merge into something new.
    assume(nfkc(text) == nfkc(prefix) + nfkc(value) + nfkc(suffix))
    return text


# --- no exception on any input ---------------------------------------------------------------

@given(noisy_text(), YEARS)
def test_any_text_parses_without_error_to_real_dates_in_order(text, year):
    spans = date_spans(nfkc(text), year)
    assert [s for s, _, _ in spans] == sorted(s for s, _, _ in spans)
    for (start, end, day), following in zip(spans, spans[1:] + [(len(nfkc(text)), None, None)]):
        assert 0 <= start < end <= following[0]
        assert isinstance(day, date) and MIN_YEAR <= day.year <= MAX_YEAR
    assert find_dates(text, year) == [day for _, _, day in spans]
    assert parse_date(text, year) == (spans[0][2] if spans else None)


@given(noisy_text(max_size=200))
def test_line_and_url_readers_take_any_text(text):
    for value in (standalone_date(text), signing_date(text), published_from_text(text), url_date(text),
                  url_date("http://site.test/" + text)):
        assert value is None or MIN_YEAR <= value.year <= MAX_YEAR


@given(st.lists(st.sampled_from(["2016", "-", "年", "月", "日", "9" * 40, "0", "1", "3", "7", " ", "二〇一六",
                                 "三十一", "十", "/t", "_1.html", "/", "."]), max_size=30).map("".join), YEARS)
def test_date_shaped_fragments_parse_to_real_dates(text, year):
    assert all(MIN_YEAR <= day.year <= MAX_YEAR for day in find_dates(text, year))


# --- round trips ---------------------------------------------------------------------------

@given(st.data(), DAYS, quiet_text(), quiet_text(), YEARS)
def test_every_full_rendering_of_a_date_in_running_text_reads_back_as_that_date(data, day, prefix, suffix, year):
    value = data.draw(full_rendering(day.year, day.month, day.day), label="rendering")
    text = assemble(prefix, value, suffix)
    assert find_dates(text, year) == [day]
    assert parse_date(text) == day


@given(st.data(), DAYS, quiet_text(extra="-/.年"), quiet_text(extra="-/."))
def test_a_month_day_rendering_reads_back_with_the_year_given(data, day, prefix, suffix):
    value = data.draw(month_day_rendering(day.month, day.day), label="rendering")
    text = assemble(prefix, value, suffix)
    assert find_dates(text, day.year) == [day]
    assert find_dates(text) == []  # no year, no date


@given(st.data(), DAYS)
def test_a_date_alone_on_its_line_is_the_signing_and_standalone_date(data, day):
    value = data.draw(full_rendering(day.year, day.month, day.day), label="rendering")
    left, right = data.draw(st.sampled_from(["", "（）", "()", "[]", "【】"])) or ("", "")
    assert standalone_date(left + value + right) == day
    assert signing_date(f"盘锦市食品药品监督管理局\n{left}{value}{right}\n打印本页 关闭窗口") == day


@given(st.data(), DAYS, st.sampled_from(["发布日期：", "发布时间: ", "日期：", "时间："]), quiet_text(extra="："))
def test_a_published_line_reads_back_its_date(data, day, label, rest):
    value = data.draw(full_rendering(day.year, day.month, day.day), label="rendering")
    assert published_from_text(f"标题\n{label}{value} {rest}\n正文") == day


URL_FORMS = (
    "{y}{m2}/t{y}{m2}{d2}_{n}.html",
    "art/{y}/{m}/{d}/art_{n}_{n}.html",
    "{y}/{m2}/{d2}/{n}.html",
    "{y}-{m2}/{d2}/{n}.html",
    "{y}{m2}{d2}/{n}.html",
    "{y}/{m2}{d2}/{n}.html",
)


URL_FOLDERS = st.lists(st.from_regex(r"[a-z_]{1,8}", fullmatch=True), max_size=3).map(lambda p: "".join(f + "/" for f in p))


@given(DAYS, st.sampled_from(URL_FORMS), st.integers(0, 10**9), URL_FOLDERS)
def test_a_date_a_cms_writes_into_a_url_reads_back(day, form, n, folders):
    tail = form.format(y=day.year, m=day.month, d=day.day, m2=f"{day.month:02d}", d2=f"{day.day:02d}", n=n)
    assert url_date(f"http://www.site.test/{folders}{tail}") == day


# --- impossible dates ------------------------------------------------------------------------

@given(st.data(), impossible_dates(), quiet_text(), quiet_text(), YEARS)
def test_an_impossible_date_never_reads_as_a_date(data, ymd, prefix, suffix, year):
    value = data.draw(full_rendering(*ymd), label="rendering")
    text = assemble(prefix, value, suffix)
    assert find_dates(text, year) == []
    assert standalone_date(value) is None


@given(impossible_dates(), st.sampled_from(URL_FORMS))
def test_an_impossible_date_in_a_url_is_no_date(ymd, form):
    y, m, d = ymd
    tail = form.format(y=y, m=m, d=d, m2=f"{m:02d}", d2=f"{d:02d}", n=1)
    assert url_date(f"http://www.site.test/zwgk/{tail}") is None
