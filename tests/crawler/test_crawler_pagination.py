"""Further pages of column lists that CMSs build in script: TRS createPageHTML, Hanweb datastore, 共N页."""
from urllib.parse import parse_qs, urlsplit

import pytest
from scrapy.http import TextResponse, XmlResponse

from crawler.extract.page import build_record
from crawler.extract.pagination import further_pages
from crawler.items import Link

SITE = "http://www.pjfda.gov.cn/"
TZGG = "http://www.pjfda.gov.cn/zwgk/tzgg/"


def record(saved_page, name, url, **kwargs):
    return build_record(saved_page(name, url), site_url=SITE, **kwargs)


def pagination(page) -> list[str]:
    return [link.url for link in page.links if link.tag == "pagination"]


def test_trs_list_gives_entries_with_dates_and_its_four_further_pages(saved_page):
    page = record(saved_page, "trs_list_createpage.html", TZGG + "index.html")
    assert page.page_type == "list" and page.column == "通知公告"
    assert page.breadcrumb == ["首页", "政务公开", "通知公告"]
    assert [(e.url.rsplit("/", 1)[-1], e.date) for e in page.entries] == [
        ("t20160307_4401.html", "2016-03-07"), ("t20160226_4380.html", "2016-02-26"),
        ("t20160115_4302.html", "2016-01-15")]
    assert pagination(page) == [TZGG + f"index_{k}.html" for k in (1, 2, 3, 4)]
    assert {link.kind for link in page.links if link.tag == "pagination"} == {"internal"}


def test_trs_list_reached_as_its_directory_does_not_ask_for_itself_again(saved_page):
    page = record(saved_page, "trs_list_createpage.html", TZGG)
    assert pagination(page) == [TZGG + f"index_{k}.html" for k in (1, 2, 3, 4)]


def test_trs_page_two_names_the_other_pages_not_itself(saved_page):
    url = "http://www.pjfda.gov.cn/zwgk/xzcf/index_1.shtml"
    page = record(saved_page, "trs_list_page2.html", url)  # var countPage = 5; var currentPage = 1;
    base = url.rsplit("/", 1)[0]
    assert pagination(page) == [f"{base}/index.shtml", f"{base}/index_2.shtml", f"{base}/index_3.shtml",
                                f"{base}/index_4.shtml"]
    assert [e.date for e in page.entries] == ["2015-11-20", "2015-11-03"]


@pytest.mark.parametrize("script, expected", [
    ('createPageHTML(3,0,"index","shtml");', ["index_1.shtml", "index_2.shtml"]),
    ("createPageHTML( 3 , 0 , 'index' , 'html' );", ["index_1.html", "index_2.html"]),
    ('createPageHTML(57, 3, 0, "index", "html");', ["index_1.html", "index_2.html"]),  # total records first
    ("createPageHTML('page_div', 3, 0, 'index', 'html', 57);", ["index_1.html", "index_2.html"]),  # div id first
    ('var countPage = 3; var currentPage = 0;\ncreatePageHTML(countPage, currentPage, "index", "html");',
     ["index_1.html", "index_2.html"]),
    ('createPageHTML(1, 0, "index", "html");', []),  # one page: nothing further
    ("function createPageHTML(_nPageCount, _nCurrIndex, _sPageName, _sPageExt){}", []),  # the definition
])
def test_trs_call_variants(script, expected):
    html = f"<html><body><script>{script}</script></body></html>"
    assert further_pages(html, TZGG + "index.html") == [TZGG + name for name in expected]


def test_a_bogus_page_count_is_capped():
    html = '<script>createPageHTML(99999, 0, "index", "html");</script>'
    pages = further_pages(html, TZGG + "index.html", limit=200)
    assert len(pages) == 200 and pages[-1] == TZGG + "index_200.html"


def test_pages_the_list_links_with_a_are_left_to_the_crawl():
    html = '<script>createPageHTML(4, 0, "index", "html");</script>'
    linked = [Link(TZGG + "index_1.html", "下一页", "internal"), Link(TZGG + "index_3.html", "尾页", "internal")]
    assert further_pages(html, TZGG + "index.html", linked) == [TZGG + "index_2.html"]


def test_hanweb_column_gives_entries_from_cdata_and_data_proxy_get_urls(saved_page):
    page = record(saved_page, "hanweb_column_jpage.html", "http://www.pjfda.gov.cn/col/col3373/index.html")
    assert page.page_type == "list" and page.column == "监督抽检" and len(page.entries) == 15
    assert (page.entries[0].url, page.entries[0].date) == (
        "http://www.pjfda.gov.cn/art/2016/3/11/art_3373_118310.html", "2016-03-11")
    proxies = pagination(page)
    assert [urlsplit(u).path for u in proxies] == ["/module/web/jpage/dataproxy.jsp"] * 2
    queries = [parse_qs(urlsplit(u).query) for u in proxies]
    # 15 records in the page, 40 in all, 3 pages of 5 per request: 16-30 and 31-45, by GET
    assert [(q["startrecord"], q["endrecord"], q["perpage"]) for q in queries] == [
        (["16"], ["30"], ["5"]), (["31"], ["45"], ["5"])]
    assert {k: v[0] for k, v in queries[0].items() if k not in {"startrecord", "endrecord", "perpage"}} == {
        "col": "1", "appid": "1", "webid": "1", "path": "/", "columnid": "3373", "unitid": "2128",
        "webname": "盘锦市食品药品监督管理局", "permissiontype": "0"}
    assert "%E7%9B%98" in proxies[0]  # the Chinese web name percent-encoded (UTF-8), as Scrapy will request it


def test_hanweb_nextgroup_without_a_total_asks_for_one_more_group_only_after_a_full_page(saved_page):
    page = saved_page("list_hanweb_datastore.html", "http://www.pjfda.gov.cn/col/col3373/index.html").text
    assert further_pages(page, "http://www.pjfda.gov.cn/col/col3373/index.html") == []  # 2 records: all there is
    full = page.replace("<script type=\"text/xml\">", "<script>var perPage = 2;</script><script type=\"text/xml\">")
    [proxy] = further_pages(full, "http://www.pjfda.gov.cn/col/col3373/index.html")
    assert parse_qs(urlsplit(proxy).query)["startrecord"] == ["3"]


DATAPROXY = ("http://www.pjfda.gov.cn/module/web/jpage/dataproxy.jsp?appid=1&col=1&columnid=3373&endrecord=30"
             "&path=/&permissiontype=0&perpage=5&startrecord=16&unitid=2128&webid=1")


@pytest.mark.parametrize("response_class, content_type", [
    (XmlResponse, "text/xml; charset=UTF-8"), (TextResponse, "text/html;charset=UTF-8")])
def test_data_proxy_answer_is_a_list_page_whatever_its_content_type(saved_page, response_class, content_type):
    body = saved_page("hanweb_dataproxy.xml", DATAPROXY).body
    response = response_class(url=DATAPROXY, body=body, headers={"Content-Type": content_type})
    page = build_record(response, site_url=SITE)
    assert page.is_html and page.page_type == "list" and len(page.entries) == 15
    assert (page.entries[0].title, page.entries[0].date) == ("2015年12月食品抽检结果（第1批）", "2015-12-28")
    # <totalrecord>40</totalrecord>: the group after this one, 31-45, and nothing before it
    assert [parse_qs(urlsplit(u).query)["startrecord"] for u in pagination(page)] == [["31"]]


def test_generic_total_pages_with_the_query_pattern_the_page_shows(saved_page):
    url = "http://www.pjfda.gov.cn/news/list.jsp?channel=3"
    page = record(saved_page, "list_generic_pager.html", url)
    assert pagination(page) == [f"http://www.pjfda.gov.cn/news/list.jsp?channel=3&page={n}" for n in (3, 4)]
    assert page.breadcrumb == ["首页", "新闻中心", "工作动态"]
    assert [e.date for e in page.entries] == ["2016-03-18", "2016-03-15", "2016-03-02"]


@pytest.mark.parametrize("own, pager, expected", [
    # TRS static pages with 共4页 printed: index_1.html is page 2
    ("index.html", '<a href="index_1.html">下一页</a> <a href="index_3.html">尾页</a>', ["index_2.html"]),
    ("index_2.html", '<a href="index.html">首页</a> <a href="index_1.html">上一页</a> <a href="index_3.html">下一页</a>',
     []),
    # the last page (no 下一页) is page 4, so index_3.html counts from 0 like TRS
    ("index_3.html", '<a href="index.html">首页</a> <a href="index_2.html">上一页</a>', ["index_1.html"]),
    # numbered links say it: "2" is index_2.html
    ("index.html", '<a href="index_2.html">2</a> <a href="index_4.html">4</a>', ["index_3.html"]),
    # pageNo counted from 0
    ("list.jsp", '<a href="list.jsp?pageNo=1">2</a>', ["list.jsp?pageNo=2", "list.jsp?pageNo=3"]),
])
def test_generic_pager_numbering_comes_from_the_page(own, pager, expected):
    html = f"<html><body><ul><li>…</li></ul><div class='page'>共4页 {pager}</div></body></html>"
    from parsel import Selector

    from crawler.extract.links import page_links

    url = TZGG + own
    links = page_links(Selector(text=html), url, SITE)
    assert further_pages(html, url, links) == [TZGG + name for name in expected]


@pytest.mark.parametrize("html", [
    "<p>共5页</p>",  # a count but no pattern for page 2
    "<p>全文共5页，详见附件。</p><a href='/zwgk/tzgg/201603/t20160307_4401.html'>通知</a>",  # an article's link
    "<a href='index_1.html'>下一页</a>",  # a pattern but no count: the crawl follows the link itself
])
def test_generic_finder_guesses_nothing(html):
    from parsel import Selector

    from crawler.extract.links import page_links

    url = TZGG + "index.html"
    assert further_pages(html, url, page_links(Selector(text=html), url, SITE)) == []
