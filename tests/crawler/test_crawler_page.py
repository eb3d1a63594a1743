"""Whole PageRecords built from saved pages: the precedence rules of page.py."""
import pytest
from scrapy.http import HtmlResponse, Request, Response

from crawler.extract.page import build_record

SITE = "http://www.pjfda.gov.cn/"
SITE_NAME = "盘锦市食品药品监督管理局"


def record(saved_page, name: str, url: str, headers=None):
    return build_record(saved_page(name, url, headers=headers), site_url=SITE, site_name=SITE_NAME)


def test_trs_detail_page(saved_page):
    page = record(saved_page, "trs_detail_table.html", "http://www.pjfda.gov.cn/zwgk/xzcf/201603/t20160310_4521.html")
    assert page.is_html and page.page_type == "article"
    assert page.title == "盘锦市食品药品监督管理局行政处罚决定书（盘食药监罚〔2016〕3号）"  # <title> was the site name
    assert page.breadcrumb == ["首页", "政务公开", "行政处罚"]
    assert page.column == "行政处罚"
    assert page.meta["PubDate"] == "2016-03-10 09:30" and page.meta["SiteIDCode"] == "2111000012"
    assert page.metadata["索引号"] == "11211100/2016-00123"
    assert page.published == "2016-03-10"  # table 发布日期 "2016年03月10日"
    assert page.formed == "2016-03-07"  # 成文日期 blank: the signing line, not the footer's 更新日期
    assert "主办单位" not in page.text and "首页\n政务公开\n办事服务" not in page.text  # chrome dropped
    kinds = {link.url.rsplit("/", 1)[-1]: link.kind for link in page.links}
    assert kinds["P020160310512345678901.pdf"] == "attachment"
    assert kinds["sitename?id=1234&method=show"] == "external"  # canonical: query sorted


def test_dl_detail_page_uses_table_dates(saved_page):
    page = record(saved_page, "detail_dl.html", "http://www.pjfda.gov.cn/art/2016/3/15/art_3371_118282.html")
    assert page.page_type == "article"
    assert page.title == "关于开展2016年春季食品安全专项检查的通知"  # <title> ends " - 盘锦市食品药品监督管理局"
    assert page.breadcrumb == ["首页", "信息公开", "通知公告"]
    assert (page.published, page.formed) == ("2016-03-15", "2016-03-14")
    assert page.metadata["有效性"] == "有效" and page.metadata["文号"] == ""


def test_traditional_page_modelled_on_the_seed(saved_page):
    page = record(saved_page, "seed_traditional.html", "http://www.pjfda.gov.cn/zwgk/ndbg/201604/t20160407_5001.html")
    assert page.title == "2015年度盤錦市食品藥品監督管理局政府信息公開工作報告"  # <title> 盤錦… is the site name
    assert page.column == "部門政府信息公開工作年度報告"
    assert page.metadata["发布机构"] == "盤錦市政府" and page.metadata["成文日期"] == ""
    assert (page.published, page.formed) == ("2016-04-07", "2016-03-07")
    assert page.text.endswith("盤錦市食品藥品監督管理局\n2016年3月7日")


def test_gbk_page_without_charset_with_decision_date(saved_page):
    page = record(saved_page, "gbk_no_charset.html", "http://www.pjfda.gov.cn/zwgk/xzxk/201603/t20160325_4700.html")
    assert page.title == "盘锦市食品药品监督管理局关于公布2016年第一批食品生产许可证的公告"
    assert page.breadcrumb == ["首页", "政务公开", "行政许可"]
    assert page.published == "2016-03-25"
    assert page.formed == "2016-03-22"  # 许可决定日期 beats the signing line


def test_chinese_numeral_signing_and_published_line(saved_page):
    page = record(saved_page, "signing_cn_numeral.html", "http://www.pjfda.gov.cn/zwgk/xzxk/xxx.html")
    assert page.page_type == "article"
    assert page.column == "行政许可"  # '正文' is not a column
    assert page.published == "2016-03-21"  # "发布时间：2016-03-21 10:12"; no URL date here
    assert page.formed == "2016-03-18"  # 二〇一六年三月十八日


@pytest.mark.parametrize("name, url, column, count, empty", [
    ("list_li.html", "http://www.pjfda.gov.cn/zwgk/tzgg/index.html", "通知公告", 4, False),
    ("list_table.html", "http://www.pjfda.gov.cn/col/col3372/index.html", "行政处罚", 3, False),
    ("list_empty.html", "http://www.pjfda.gov.cn/zwgk/zlzh/index.html", "责令召回", 0, True),
    ("list_hanweb_datastore.html", "http://www.pjfda.gov.cn/col/col3373/index.html", "监督抽检", 2, False),
])
def test_list_pages(saved_page, name, url, column, count, empty):
    page = record(saved_page, name, url)
    assert page.page_type == "list"
    assert page.column == column
    assert (len(page.entries), page.empty_notice) == (count, empty)
    assert page.published is None and page.formed is None and page.metadata == {}


def test_fetch_facts_come_from_the_response_and_its_meta():
    request = Request("http://www.pjfda.gov.cn/old.html", meta={
        "redirect_urls": ["http://www.pjfda.gov.cn/old.html"], "download_latency": 0.12345, "depth": 2})
    response = HtmlResponse(url="http://www.pjfda.gov.cn/new.html", status=200, request=request,
                            body=b"<html><title>x</title></html>", headers={"Content-Type": "text/html; charset=utf-8"})
    page = build_record(response, site_url=SITE)
    assert (page.url, page.final_url, page.redirects) == (
        "http://www.pjfda.gov.cn/old.html", "http://www.pjfda.gov.cn/new.html", ["http://www.pjfda.gov.cn/old.html"])
    assert (page.status, page.content_type, page.elapsed, page.depth) == (200, "text/html", 0.123, 2)


def test_non_html_response_is_recorded_but_not_parsed():
    request = Request("http://www.pjfda.gov.cn/a.pdf", method="HEAD")
    response = Response(url=request.url, status=200, request=request, headers={"Content-Type": "application/pdf"})
    page = build_record(response, site_url=SITE)
    assert (page.method, page.status, page.content_type, page.is_html, page.links) == (
        "HEAD", 200, "application/pdf", False, [])
