"""One spelling per URL, and the guards that keep a crawl out of traps."""
from datetime import date

import pytest

from crawler.extract.urls import canonical_url
from crawler.traps import TrapGuard, calendar_trap, repeated_segments

TODAY = date(2026, 11, 27)


@pytest.mark.parametrize("printed, canonical", [
    ("http://WWW.Example.gov.cn:80/a.html#top", "http://www.example.gov.cn/a.html"),
    ("http://x.gov.cn", "http://x.gov.cn/"),
    ("http://x.gov.cn/list.jsp;jsessionid=0A1B2C3D4E5F?b=2&a=1", "http://x.gov.cn/list.jsp?a=1&b=2"),
    ("http://x.gov.cn/a.php?PHPSESSID=abc123&id=7", "http://x.gov.cn/a.php?id=7"),
    ("http://x.gov.cn/a.jsp?id=7&JSESSIONID=F00D", "http://x.gov.cn/a.jsp?id=7"),
    ("http://x.gov.cn/a.asp?ASPSESSIONIDQQGGQHDQ=KLMN&id=7", "http://x.gov.cn/a.asp?id=7"),
    ("http://x.gov.cn/a.jsp?sessionid=42&id=7", "http://x.gov.cn/a.jsp?id=7"),
    ("http://x.gov.cn/a.php?sid=5f4dcc3b5aa765d61d8327deb882cf99&id=7", "http://x.gov.cn/a.php?id=7"),
    ("http://x.gov.cn/gkmlpt/index?sid=3", "http://x.gov.cn/gkmlpt/index?sid=3"),  # a site id, not a session
    ("http://x.gov.cn/down.jsp?token=a8f5f167&file=1.pdf", "http://x.gov.cn/down.jsp?file=1.pdf&token=a8f5f167"),
    ("http://x.gov.cn/list.json?_=1457312345678&page=2", "http://x.gov.cn/list.json?page=2"),
    ("http://x.gov.cn/list.jsp?channel=3&rnd=0.8272361", "http://x.gov.cn/list.jsp?channel=3"),
    ("http://x.gov.cn/s.jsp?q=%C5%CC%BD%F5&a=1", "http://x.gov.cn/s.jsp?a=1&q=%C5%CC%BD%F5"),  # GBK escapes kept
    ("http://x.gov.cn/a.jsp?tag=x&tag=a", "http://x.gov.cn/a.jsp?tag=x&tag=a"),  # repeated names keep their order
    ("mailto:office@x.gov.cn", "mailto:office@x.gov.cn"),
])
def test_canonical_url(printed, canonical):
    assert canonical_url(printed) == canonical


@pytest.mark.parametrize("url", [
    "http://x.gov.cn/calendar.jsp?year=2031&month=5",
    "http://x.gov.cn/events.jsp?date=2099-01-01",
    "http://x.gov.cn/hd/list.jsp?startDate=2030-01-01&endDate=2030-12-31",
    "http://x.gov.cn/zwgk/201603/t20990101_1.html",
    "http://x.gov.cn/news/2099/01/",
    "http://x.gov.cn/calendar.jsp?year=1989&month=12",
    "http://x.gov.cn/list.jsp?day=19700101",
])
def test_calendar_dates_far_ahead_or_before_1990_are_traps(url):
    assert calendar_trap(url, TODAY, years_ahead=2)


@pytest.mark.parametrize("url", [
    "http://x.gov.cn/calendar.jsp?year=2028&month=5",  # within two years
    "http://x.gov.cn/zwgk/201603/t20160307_4401.html",
    "http://x.gov.cn/art/2016/3/7/art_3371_118282.html",
    "http://x.gov.cn/module/web/jpage/dataproxy.jsp?startrecord=2101&endrecord=2145&perpage=15",
    "http://x.gov.cn/art/2016/3/7/art_1_19890512.html",  # an id that reads like a date
    "http://x.gov.cn/list.jsp?start=2100&id=19891231",
    "http://x.gov.cn/api.jsp?time=1457312345",  # epoch seconds
])
def test_ordinary_dated_urls_and_ids_are_not_traps(url):
    assert not calendar_trap(url, TODAY, years_ahead=2)


@pytest.mark.parametrize("url, looping", [
    ("http://x.gov.cn/a/b/a/b/a/b/", True),
    ("http://x.gov.cn/zwgk/zwgk/zwgk/index.html", True),
    ("http://x.gov.cn/a/b/a/b/index.html", False),
    ("http://x.gov.cn/art/2016/3/3/art_1_2.html", False),
    ("http://x.gov.cn/xxgk/xxgk/index.html", False),
])
def test_repeated_path_segments(url, looping):
    assert repeated_segments(url) is looping


def test_query_variants_per_path_are_capped_but_not_items_or_pages():
    guard = TrapGuard(today=TODAY, max_query_variants=3)
    assert all(guard.allows(f"http://x.gov.cn/search.jsp?sort=title&order={n}") for n in range(3))
    assert not guard.allows("http://x.gov.cn/search.jsp?sort=title&order=3")
    assert guard.allows("http://x.gov.cn/search.jsp?sort=title&order=1")  # already seen: not a new variant
    assert all(guard.allows(f"http://x.gov.cn/showinfo.aspx?infoid={n}") for n in range(100))
    assert all(guard.allows(f"http://x.gov.cn/list.jsp?channel=3&page={n}") for n in range(100))


def test_guard_counts_what_it_refuses_and_can_be_turned_off():
    counted = []
    guard = TrapGuard(today=TODAY, max_url_length=60, count=counted.append)
    assert not guard.allows("http://x.gov.cn/calendar.jsp?year=2099&month=1")
    assert not guard.allows("http://x.gov.cn/" + "a" * 60 + ".html")
    assert counted == ["netcheck/trap_skipped", "netcheck/trap_skipped/calendar",
                       "netcheck/trap_skipped", "netcheck/trap_skipped/length"]
    assert TrapGuard(enabled=False).allows("http://x.gov.cn/calendar.jsp?year=2099&month=1")
