import pytest
from scrapy.http import HtmlResponse

from crawler.extract.encoding import decode_body, looks_misdecoded, response_text

URL = "http://www.pjfda.gov.cn/zwgk/xzxk/201603/t20160325_4700.html"
TITLE = "盘锦市食品药品监督管理局关于公布2016年第一批食品生产许可证的公告"


@pytest.mark.parametrize("headers", [
    {},  # no declaration anywhere
    {"Content-Type": "text/html"},  # header without charset
    {"Content-Type": "text/html; charset=ISO-8859-1"},  # a server default that is wrong
    {"Content-Type": "text/html; charset=utf-8"},  # a wrong UTF-8 claim
])
def test_gbk_page_without_or_with_wrong_declaration_decodes(saved_page, headers):
    response = saved_page("gbk_no_charset.html", URL, headers=headers)
    assert TITLE in response_text(response)


def test_correct_pages_are_left_as_scrapy_decoded_them(saved_page):
    response = saved_page("trs_detail_table.html", "http://www.pjfda.gov.cn/a.html")
    assert not looks_misdecoded(response.text, response.encoding, response.body)
    assert response_text(response) == response.text


def test_big5_body_is_not_mistaken_for_gbk():
    body = "<html><body><p>盤錦市食品藥品監督管理局政府信息公開工作報告，當前位置：首頁</p></body></html>".encode("big5")
    response = HtmlResponse(url=URL, body=body, headers={"Content-Type": "text/html; charset=iso-8859-1"})
    assert "盤錦市食品藥品監督管理局" in response_text(response)


def test_meta_charset_wins_over_a_wrong_header():
    body = '<html><head><meta charset="gb2312"></head><body>政务公开</body></html>'.encode("gb2312")
    assert "政务公开" in decode_body(body)
