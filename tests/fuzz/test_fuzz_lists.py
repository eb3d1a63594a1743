"""Property tests of the list extractor and the page record (crawler/extract/lists.py, page.py).

Any markup, and any bytes served as a page, parse without an exception; every entry has a
title, an absolute internal http(s) URL and a real date or none; the page's reference date is
the latest date any of its texts prints; and a list of N dated links is read as exactly those
N (URL, date) pairs, in order, whether it is a <ul> or a <table>.
"""
from __future__ import annotations

import html as html_lib
import unicodedata
from datetime import date

from hypothesis import example, given, settings
from hypothesis import strategies as st
from parsel import Selector
from scrapy.http import HtmlResponse, TextResponse

from crawler.extract.dates import MAX_YEAR, MIN_YEAR, date_spans, nfkc
from crawler.extract.lists import has_empty_notice, list_entries, page_reference_date
from crawler.extract.links import is_internal
from crawler.extract.normalize import collapse
from crawler.extract.page import build_record, parse_page
from fuzz_strategies import noisy_text, quiet_text

SITE = "http://www.site.test/"
LIST_URL = "http://www.site.test/zwgk/tzgg/index.html"

# --- random markup ----------------------------------------------------------------------------

TAGS = ("ul", "ol", "li", "a", "span", "table", "tr", "td", "div", "p", "dl", "dd", "h1", "font", "em",
        "script", "style", "nav", "header", "br", "iframe", "img")
HREFS = st.one_of(st.sampled_from([
    "/zwgk/tzgg/201603/t20160307_1.html", "t20160230_2.html", "../201512/t20151230_3.html", "index_1.html",
    "?page=2", "/art/2016/3/7/art_1_2.html", "/", "/zwgk/", "javascript:void(0)", "mailto:x@site.test", "#top",
    "http://other.test/a.html", "//www.site.test/b.html", "https://site.test/c.html", "http://www.site.test:8080/d",
    "http://[::1/", "http://www.site.test:99999/", " ", "", "ftp://www.site.test/f.pdf", "/x.pdf?file=a.doc",
    "/%ZZ/bad%escape.html", "/list.jsp;jsessionid=ABC?_=1457312345678",
]), noisy_text(max_size=15))
TEXTS = st.one_of(noisy_text(max_size=20), st.sampled_from([
    "2016-03-07", "[03-07]", "(12-30)", "2016年3月7日", "二〇一六年三月七日", "2016-02-30", "１９９９／１２／３１",
    "暂无信息", "没有相关记录", "共5页", "下一页", "更多>>", "发布日期：2016-03-07", "索引号：", "成文日期：2016年3月1日",
    "当前位置：首页 > 政务公开 > 通知公告", "打印本页", "盘锦市食品药品监督管理局", "〔2016〕3-1号",
]))
ATTRS = st.dictionaries(
    st.sampled_from(["class", "id", "title", "style", "href", "src"]),
    st.one_of(st.sampled_from(["list", "left", "sidebar", "header", "footer", "TRS_Editor", "zoom", "nav", "content",
                               "display:none", "news_list"]), HREFS, TEXTS),
    max_size=3)


def element(tag: str, attrs: dict, children: list[str]) -> str:
    rendered = "".join(f' {name}="{html_lib.escape(value)}"' for name, value in attrs.items())
    return f"<{tag}{rendered}>{''.join(children)}</{tag}>"


MARKUP = st.recursive(
    TEXTS.map(html_lib.escape) | TEXTS,  # escaped, and raw: text holding < and & is markup too
    lambda inner: st.builds(element, st.sampled_from(TAGS), ATTRS, st.lists(inner, max_size=4))
    | st.builds(lambda href, title, day: f'<li><a href="{html_lib.escape(href)}">{html_lib.escape(title)}</a>'
                f'<span>{day}</span></li>', HREFS, TEXTS, TEXTS),
    max_leaves=25,
)


def page_of(body: str) -> str:
    return f"<html><head><title>t</title></head><body>{body}</body></html>"


PAGES = MARKUP.map(page_of)


def check_entries(entries) -> None:
    for entry in entries:
        assert entry.title and entry.title == collapse(entry.title)
        assert entry.url.startswith(("http://", "https://")) and is_internal(entry.url, SITE)
        assert entry.date is None or MIN_YEAR <= date.fromisoformat(entry.date).year <= MAX_YEAR


@given(PAGES)
@example(page_of('<li><a href="/zwgk/tzgg/201603/t20160307_1.html">2000/1/1</a><span></span></li>'))  # title: a date
@example(page_of('<li><a href="http://www.site.test:99999/">x</a> 2016-03-07</li>'))  # no port past 65535
@example(page_of('<li><a href="http://[::1/">x</a> 2016-03-07</li>'))  # an unclosed IPv6 address
@example(page_of('<p>a<script>x</script>b\x0bc</p>'))  # a control character in a dropped element's tail
def test_any_markup_gives_entries_with_a_title_an_internal_url_and_a_real_date(page):
    sel = Selector(text=page)
    check_entries(list_entries(sel, LIST_URL, SITE))
    assert has_empty_notice(sel) in (True, False)


@given(PAGES)
@example(page_of("二〇一六年三月七日"))  # no digit at all
def test_the_reference_date_is_the_latest_date_any_text_of_the_page_prints(page):
    sel = Selector(text=page)
    texts = sel.root.xpath("//body//text()[not(ancestor::script) and not(ancestor::style)]")
    latest = max((day for text in texts for _, _, day in date_spans(nfkc(text))), default=None)
    assert page_reference_date(sel.root) == latest


@settings(max_examples=settings.default.max_examples // 2)  # a whole page per example
@given(PAGES)
@example(page_of("<div>" * 2000 + "正文" + "</div>" * 2000))  # unclosed layout
@example(page_of('<base href="http://[::1/"><a href="a.html">x</a><img src="http://www.site.test:99999/">'))
@example(page_of('<p>a<!-- c -->b\x0bc</p>'))
def test_any_markup_parses_into_a_page_record(page):
    fields = parse_page(page, LIST_URL, site_url=SITE, max_list_pages=20)
    check_entries(fields["entries"])
    for name in ("published", "formed"):
        assert fields[name] is None or MIN_YEAR <= date.fromisoformat(fields[name]).year <= MAX_YEAR
    assert fields["page_type"] in ("article", "list", "other")
    assert len([link for link in fields["links"] if link.tag == "pagination"]) <= 20


@settings(max_examples=settings.default.max_examples // 2)  # a whole page per example
@given(st.binary(max_size=400), st.sampled_from([None, "text/html", "text/html; charset=gbk", "text/html; charset=big5",
                                                  "text/html; charset=bogus", "text/xml", "application/pdf"]))
def test_any_bytes_served_as_a_page_give_a_record(body, content_type):
    headers = {"Content-Type": content_type} if content_type else {}
    response_class = HtmlResponse if content_type in (None, "text/html") else TextResponse
    record = build_record(response_class(url=LIST_URL, body=body, headers=headers), site_url=SITE)
    assert record.url == LIST_URL and record.status == 200
    check_entries(record.entries)


# --- a list read back ------------------------------------------------------------------------

DAYS = st.dates(min_value=date(1990, 1, 1), max_value=date(2099, 12, 31))
# No control characters: the HTML parser drops them (关于\x00的通知 reads 关于的通知).
TITLE = quiet_text(extra="<>&\"'", max_size=15).filter(lambda s: s.isprintable() or not any(
    unicodedata.category(c) in ("Cc", "Cs") for c in s)).map(lambda s: "关于" + s + "的通知")
DATE_FORMS = ("{y}-{m:02d}-{d:02d}", "[{y}-{m:02d}-{d:02d}]", "({y}/{m}/{d})", "{y}年{m}月{d}日", "{y}.{m:02d}.{d:02d}",
              "[{m:02d}-{d:02d}]")


@st.composite
def dated_lists(draw):
    """(markup, [(url, iso date)]) for a list of distinct links, each with its own date."""
    days = draw(st.lists(DAYS, min_size=1, max_size=12, unique=True))
    rows, expected = [], []
    for i, day in enumerate(days):
        form = draw(st.sampled_from(DATE_FORMS))
        # A year-less date takes the year of the TRS URL (t20160307_…); full dates need none.
        path = (f"/zwgk/tzgg/{day:%Y%m}/t{day:%Y%m%d}_{i}.html" if form.startswith("[{m") or draw(st.booleans())
                else f"/zwgk/tzgg/content_{i}.html")
        title = draw(TITLE)
        rows.append((path, html_lib.escape(title), form.format(y=day.year, m=day.month, d=day.day)))
        expected.append(("http://www.site.test" + path, day.isoformat(), title))
    if draw(st.booleans()):
        body = "<ul class='list'>" + "".join(f"<li><a href='{p}' target='_blank'>{t}</a><span>{d}</span></li>"
                                             for p, t, d in rows) + "</ul>"
    else:
        body = "<table>" + "".join(f"<tr><td><a href='{p}'>{t}</a></td><td>{d}</td></tr>" for p, t, d in rows) + "</table>"
    return body, expected


@given(dated_lists(), quiet_text(extra="<>&", max_size=20))
def test_a_list_of_dated_links_is_read_as_exactly_those_entries(dated_list, heading):
    body, expected = dated_list
    page = f"<html><body><div class='header'><a href='/'>首页</a></div><h2>{heading}</h2>{body}</body></html>"
    entries = list_entries(Selector(text=page), LIST_URL, SITE)
    assert [(e.url, e.date, e.title) for e in entries] == [(url, day, collapse(title)) for url, day, title in expected]


def test_a_page_nested_deeper_than_1000_elements_keeps_its_content():
    # A list whose rows each leave a <div> open nests one level deeper per row: past libxml2's
    # default depth (256) and past Python's recursion limit (1000). libxml2's own limit, 2048 with
    # huge_tree, is where the page is cut.
    rows = "".join(f'<div class="row"><p><a href="/zwgk/tzgg/201603/t20160307_{i}.html">关于第{i}批抽检的通知</a> '
                   f"2016-03-07</p>" for i in range(1200))
    fields = parse_page(page_of(f"<p>共1200条</p>{rows}<p>末尾</p>"), LIST_URL, site_url=SITE)
    assert "末尾" in fields["text"] and len(fields["entries"]) == 1200
