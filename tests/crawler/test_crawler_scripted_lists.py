"""A list page whose entries a script draws in the browser is recorded as `scripted` (not seen, so not
empty); a page whose entries were read, and an article, never are, whatever scripts they carry."""
import pytest

from crawler.extract.page import build_record, parse_page
from crawler.extract.scripted import data_urls

SITE = "http://www.pjfda.gov.cn/"
SITE_NAME = "盘锦市食品药品监督管理局"


def record(saved_page, name: str, url: str):
    return build_record(saved_page(name, url), site_url=SITE, site_name=SITE_NAME)


@pytest.mark.parametrize("name, url, column, urls", [
    # 福建 集约化: an empty <ul id="list_ul">, recordCount = 45 and prepage = 15 for a pager drawn in script.
    ("jyh_list_recordcount.html", "http://www.pjfda.gov.cn/zwgk/xzxk/index.htm", "行政许可", []),
    # 广东 gkmlpt: a results table with only its header row and $.ajax({url: '/gkmlpt/api/all/…'}).
    ("gkmlpt_list_ajax.html", "http://www.pjfda.gov.cn/gkmlpt/mindex/2863", "监督抽检",
     ["http://www.pjfda.gov.cn/gkmlpt/api/all/2863?page=1&sid=757001"]),
    # A Vue CLI build: <div id="app"></div>, bundles by src, no text but a <noscript> line.
    ("vue_app_root.html", "http://www.pjfda.gov.cn/zwgk/", None, []),
])
def test_a_list_drawn_by_script_is_recorded_as_scripted_with_its_data_url(saved_page, name, url, column, urls):
    page = record(saved_page, name, url)
    assert (page.scripted, page.entries, page.empty_notice) == (True, [], False)
    assert page.page_type != "article" and page.column == column
    assert page.data_urls == urls


@pytest.mark.parametrize("name, url, page_type", [
    # Real dated entries beside an unrelated $.ajax visit counter and an empty <ul class="hot_list">.
    ("list_with_visit_counter.html", "http://www.pjfda.gov.cn/zwgk/tzgg/index.html", "list"),
    # An article with a Baidu share-button script, an empty 相关文章 <ul> and a $.getJSON for it.
    ("article_share_script.html", "http://www.pjfda.gov.cn/zwgk/xzcf/201606/t20160606_5120.html", "article"),
    # Lists a CMS ships in the page, read already: Hanweb datastore, TRS createPageHTML.
    ("list_hanweb_datastore.html", "http://www.pjfda.gov.cn/col/col3371/index.html", "list"),
    ("trs_list_createpage.html", "http://www.pjfda.gov.cn/zwgk/xzcf/index.html", "list"),
    # Empty columns that say so: Hanweb's totalRecord = 0 is no record count to draw from.
    ("hanweb_empty_column.html", "http://www.pjfda.gov.cn/col/col3373/index.html", "list"),
    ("trs_empty_column_gbk.html", "http://www.pjfda.gov.cn/zwgk/xzcf/index.html", "list"),
    ("jyh_empty_results_table.html", "http://www.pjfda.gov.cn/zwgk/zlzh/index.html", "list"),
])
def test_a_page_whose_entries_were_read_or_an_article_is_not_scripted(saved_page, name, url, page_type):
    page = record(saved_page, name, url)
    assert (page.page_type, page.scripted, page.data_urls) == (page_type, False, [])
    if name == "list_with_visit_counter.html":
        assert [e.date for e in page.entries] == ["2016-06-20", "2016-06-08", "2016-05-23"]


def _page(body: str, head: str = "") -> dict:
    html = f"<html><head><title>信息公开</title>{head}</head><body>{body}</body></html>"
    return parse_page(html, "http://www.pjfda.gov.cn/xxgk/list/", site_url=SITE)


@pytest.mark.parametrize("body, scripted", [
    # Each data request shape, beside an empty list container.
    ("<ul class='list'></ul><script>fetch('/api/list?cid=3').then(r => r.json())</script>", True),
    ("<div class='news_list'></div><script>var x = new XMLHttpRequest(); x.open('GET', '/data/list.xml');</script>", True),
    ("<ul></ul><script>$.getJSON('/xxgk/list.json', draw)</script>", True),
    ("<ol></ol><script>axios.get('/api/xxgk/list').then(draw)</script>", True),
    ("<ul></ul><script>var totalCount = 12, pageSize = 10; laypage({elem: 'p', count: totalCount});</script>", True),
    # Framework roots with no text: AngularJS, Vue templates in the DOM (their {{…}} are no text).
    ("<div ng-app='xxgk'><div ng-view></div></div><script src='/js/app.js'></script>", True),
    ("<div id='app' v-cloak><ul><li v-for='a in list'><a :href='a.url'>{{ a.title }}</a>{{ a.date }}</li></ul></div>"
     "<script src='/js/vue.min.js'></script>", True),
    # Look-alikes: a data request without a list placeholder; a placeholder with a zero count and no request;
    # a placeholder without any script; a framework root around a page of text.
    ("<p>本栏目介绍。</p><script>$.ajax({url: '/visit.jsp'})</script>", False),
    ("<ul class='list'></ul><script>var recordCount = 0; var prepage = 15;</script>", False),
    ("<ul class='list'></ul>", False),
    ("<div id='app'><p>" + "主要职责：负责全市食品药品监督管理工作，组织实施有关法律法规。" * 8 + "</p></div>"
     "<script src='/js/app.js'></script>", False),
])
def test_the_shapes_of_a_script_built_list(body, scripted):
    assert _page(body)["scripted"] is scripted


def test_only_whole_literal_urls_are_data_urls():
    script = """
        $.ajax({url: '/gkmlpt/api/all/' + catalogId, dataType: 'json'});
        fetch("https://data.pjfda.gov.cn/api/xxgk/list?page=1");
        var cfg = {"url": "/xxgk/columns.xml"};
        $.getScript('/js/pager.js');
        $.get('/zwgk/list_' + page + '.json');
    """
    assert data_urls(script, "http://www.pjfda.gov.cn/xxgk/") == [
        "https://data.pjfda.gov.cn/api/xxgk/list?page=1", "http://www.pjfda.gov.cn/xxgk/columns.xml"]
