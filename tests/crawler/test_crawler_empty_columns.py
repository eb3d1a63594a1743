"""A column page that only says "暂无信息" is an empty list, whatever its template carries; an article
that mentions 暂无 and a list with entries are not."""
import pytest
from parsel import Selector

from crawler.extract.content import main_tree
from crawler.extract.notices import is_notice, notice_only
from crawler.extract.page import build_record, parse_page

SITE = "http://www.pjfda.gov.cn/"
SITE_NAME = "盘锦市食品药品监督管理局"


def record(saved_page, name: str, url: str):
    return build_record(saved_page(name, url), site_url=SITE, site_name=SITE_NAME)


@pytest.mark.parametrize("name, url, column", [
    # GBK TRS column: the template's ArticleTitle tag made it an article; createPageHTML(0, 0, …) draws no pager.
    ("trs_empty_column_gbk.html", "http://www.pjfda.gov.cn/zwgk/xzcf/index.html", "行政处罚"),
    # Hanweb column whose <datastore> holds no records; <div id="content"> and a PubDate tag made it a dated article.
    ("hanweb_empty_column.html", "http://www.pjfda.gov.cn/col/col3373/index.html", "监督抽检"),
    # 集约化 results table with only its header row and "本栏目信息正在更新中": it came out 'other'.
    ("jyh_empty_results_table.html", "http://www.pjfda.gov.cn/zwgk/zlzh/index.html", "责令召回"),
    ("list_empty.html", "http://www.pjfda.gov.cn/zwgk/zlzh/index.html", "责令召回"),
])
def test_a_column_page_that_only_says_it_is_empty_is_an_empty_list(saved_page, name, url, column):
    page = record(saved_page, name, url)
    assert (page.page_type, page.empty_notice, page.entries) == ("list", True, [])
    assert page.column == column and page.metadata == {}
    assert (page.formed, page.formed_source) == (None, None)
    assert not [link for link in page.links if link.tag == "pagination"]  # a pager for 0 pages names none


def test_the_empty_column_keeps_its_breadcrumb_and_the_date_its_template_carries(saved_page):
    page = record(saved_page, "hanweb_empty_column.html", "http://www.pjfda.gov.cn/col/col3373/index.html")
    assert page.breadcrumb == ["首页", "信息公开", "监督抽检"]
    assert (page.published, page.published_source) == ("2016-03-21", "meta")  # a fact, not an item's date


def test_an_article_that_says_no_data_in_a_table_cell_stays_an_article(saved_page):
    page = record(saved_page, "annual_report_mentions_none.html",
                  "http://www.pjfda.gov.cn/zwgk/ndbg/201603/t20160330_5001.html")
    assert (page.page_type, page.empty_notice) == ("article", False)
    assert "暂无数据" in page.text


def test_a_list_with_entries_and_a_nothing_more_footer_keeps_its_entries(saved_page):
    page = record(saved_page, "list_with_more_footer.html", "http://www.pjfda.gov.cn/zwgk/tzgg/index.html")
    assert (page.page_type, page.empty_notice) == ("list", False)  # its empty side tab is not the list
    assert [e.date for e in page.entries] == ["2016-03-18", "2016-03-11", "2016-03-04"]


def test_a_notice_with_a_table_of_disclosure_metadata_is_an_item():
    html = ("<html><body><table><tr><td>索引号：</td><td>1</td><td>发布日期：</td><td>2016-03-07</td></tr></table>"
            "<div class='TRS_Editor'><p>暂无相关信息</p></div></body></html>")
    page = parse_page(html, "http://www.pjfda.gov.cn/zwgk/xzcf/201603/t20160307_1.html", site_url=SITE)
    assert (page["page_type"], page["empty_notice"]) == ("article", False)


def test_an_article_whose_own_heading_outweighs_the_notice_stays_an_article():
    html = ("<html><head><meta name='ArticleTitle' content='2016年第一季度行政处罚案件信息公示'></head><body>"
            "<div class='position'>当前位置：首页 &gt; 行政处罚</div><h1>2016年第一季度行政处罚案件信息公示</h1>"
            "<p>暂无相关信息</p></body></html>")
    page = parse_page(html, "http://www.pjfda.gov.cn/zwgk/xzcf/201603/t20160331_1.html", site_url=SITE)
    assert (page["page_type"], page["empty_notice"]) == ("article", False)


# Each wording the notice pattern knows, as a column page would print it.
NOTICES = ["暂无信息", "暂无内容", "暂无数据", "暂无记录", "暂无相关信息", "该栏目暂无信息！", "对不起，暂无公开信息",
           "没有记录", "没有相关信息", "没有找到相关记录", "没有符合条件的记录", "无相关信息", "本栏目无相关信息",
           "本栏目信息正在更新中", "内容更新中……", "栏目建设中", "该栏目正在建设中，敬请期待！", "暫無信息", "欄目建設中"]


@pytest.mark.parametrize("notice", NOTICES)
def test_empty_column_wordings(notice):
    assert is_notice(notice)
    html = (f"<html><body><div class='position'>当前位置：<a href='/'>首页</a> &gt;&gt; <a href='/zwgk/'>政务公开</a>"
            f" &gt;&gt; 行政处罚</div><ul class='list'></ul><div class='nodata'>{notice}</div></body></html>")
    page = parse_page(html, "http://www.pjfda.gov.cn/zwgk/xzcf/index.html", site_url=SITE)
    assert (page["page_type"], page["empty_notice"], page["entries"]) == ("list", True, [])


@pytest.mark.parametrize("text", [
    "暂无更多", "有无相关信息请来电咨询", "暂无", "网站正在改版升级",
    "本年度依申请公开事项中，部分栏目暂无数据的原因已在报告中说明，下一步将进一步完善。",  # long: prose
])
def test_texts_that_are_not_empty_column_notices(text):
    assert not is_notice(text)


def tree(body: str):
    return main_tree(Selector(text=f"<html><body>{body}</body></html>").root)


def test_notice_only_sets_aside_links_names_pager_and_header_row():
    body = ("<div class='position'>当前位置：<a href='/'>首页</a> &gt;&gt; 行政处罚</div><h2>行政处罚</h2>"
            "<table><tr><th>标题</th><th>发布日期</th></tr><tr><td colspan='2'>暂无信息</td></tr></table>"
            "<div class='pager'>共0条 第1/0页 <a href='#'>首页</a> <a href='#'>下一页</a></div>")
    assert notice_only(tree(body), ["首页", "行政处罚"])
    assert not notice_only(tree(body.replace("<h2>行政处罚</h2>", "<h2>关于开展春季检查的通知</h2>")), ["首页", "行政处罚"])
