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


GBK_TEXT = "盘锦市食品药品监督管理局关于朱镕基同志题词和陶喆捐赠的通知，当前位置：首页 > 政务公开"  # 镕 喆: GBK, not GB2312
BIG5_TEXT = "盤錦市食品藥品監督管理局政府信息公開工作報告，當前位置：首頁"


def page(text: str, head: str = "") -> str:
    return f"<html><head>{head}<title>通知</title></head><body><p>{text}</p></body></html>"


@pytest.mark.parametrize("html, encoding, headers", [
    (page(GBK_TEXT, '<meta charset="gbk">'), "gbk", {}),  # declared right
    (page(GBK_TEXT, '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'), "gbk", {}),  # GBK in GB2312
    (page(GBK_TEXT + " 𠀀", '<meta charset="gb18030">'), "gb18030", {}),  # a four-byte GB18030 character
    (page(GBK_TEXT), "gbk", {"Content-Type": "text/html; charset=GBK"}),
    (page(GBK_TEXT, '<meta charset="utf-8">'), "gbk", {}),  # declared UTF-8, GBK bytes
    (page(GBK_TEXT, '<meta charset="big5">'), "gbk", {}),  # declared Big5, GBK bytes
    (page(GBK_TEXT), "gbk", {}),  # nothing declared
    (page("政务公开"), "gbk", {}),  # nothing declared, too short for a detector (guessed Korean)
    (page(BIG5_TEXT, '<meta charset="big5">'), "big5", {}),
    (page(BIG5_TEXT), "big5", {}),
    (page(BIG5_TEXT, '<meta charset="gb2312">'), "big5", {}),  # declared GB2312, Big5 bytes
    (page(BIG5_TEXT, '<meta charset="utf-8">'), "big5", {}),
])
def test_chinese_encodings_declared_right_wrong_or_not_at_all(html, encoding, headers):
    response = HtmlResponse(url=URL, body=html.encode(encoding), headers=headers)
    text = html.split("<p>")[1].split("</p>")[0]
    assert text in response_text(response)


def test_a_stray_bad_byte_does_not_throw_away_a_right_decode():
    body = page(GBK_TEXT, '<meta charset="utf-8">').encode("utf-8").replace(b"</p>", b"\xff</p>")
    assert GBK_TEXT + "\ufffd" in response_text(HtmlResponse(url=URL, body=body))


def test_a_utf8_page_with_a_gbk_section_is_read_run_by_run():
    body = page(GBK_TEXT, '<meta charset="utf-8">').encode("utf-8").replace(
        b"</p>", "</p><div>转载：行政许可事项目录</div>".encode("gbk"))
    text = response_text(HtmlResponse(url=URL, body=body))
    assert GBK_TEXT in text and "转载：行政许可事项目录" in text


@pytest.mark.parametrize("body", [
    page(GBK_TEXT).encode("gbk"),  # all GBK: not mostly UTF-8
    page(GBK_TEXT).encode("utf-8"),  # all UTF-8: nothing to mend
    page("政务公开").encode("ascii", errors="ignore"),  # no Chinese at all
])
def test_only_mostly_utf8_bodies_are_read_run_by_run(body):
    from crawler.extract.encoding import decode_mixed

    assert decode_mixed(body) is None
