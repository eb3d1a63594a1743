"""Message boards' shapes (crawler.extract.board): a list's rows with their 留言时间, 回复时间 and
status, and one message's labelled page. Each shape once, as small markup; the real Lonsun list and
letter are pinned in tests/real/test_boards.py."""
from __future__ import annotations

import pytest

from crawler.extract.board import page_message, page_messages, state_word
from crawler.extract.content import main_tree, visible_text
from crawler.extract.page import _parse_html, parse_page

BASE = "http://example.gov.cn/hdjl/zxzx/index.html"


def _messages(body: str):
    return page_messages(main_tree(_parse_html(f"<html><body>{body}</body></html>")), BASE)


def _message(body: str):
    return page_message(visible_text(main_tree(_parse_html(f"<html><body>{body}</body></html>"))))


def test_a_table_with_asked_answered_and_status_columns():
    rows = _messages("""<table>
      <tr><th>标题</th><th>留言时间</th><th>回复时间</th><th>状态</th></tr>
      <tr><td><a href="m1.html">办证要带什么</a></td><td>2016-01-10</td><td>2016-01-12</td><td>已回复</td></tr>
      <tr><td><a href="m2.html">路灯不亮</a></td><td>2016-02-15</td><td></td><td>办理中</td></tr>
      <tr><td><a href="m3.html">何时开放</a></td><td>2016-03-01</td><td>&nbsp;</td><td></td></tr>
    </table>""")
    assert rows == [
        {"url": "http://example.gov.cn/hdjl/zxzx/m1.html", "title": "办证要带什么", "asked": "2016-01-10",
         "answered": "2016-01-12", "state": "answered"},
        {"url": "http://example.gov.cn/hdjl/zxzx/m2.html", "title": "路灯不亮", "asked": "2016-02-15",
         "answered": None, "state": "open"},
        # no status word, and the 回复时间 cell left blank: not answered
        {"url": "http://example.gov.cn/hdjl/zxzx/m3.html", "title": "何时开放", "asked": "2016-03-01",
         "answered": None, "state": "open"},
    ]


def test_ul_rows_whose_li_are_cells_under_a_header_row():
    rows = _messages("""<div id="message_list">
      <ul class="title"><li>留言时间</li><li>办理状态</li><li>信件标题</li></ul>
      <ul class="odd"><li>2025-12-21</li><li><span>已回复</span></li><li><a href="/a/1" title="雨露计划">雨露</a></li></ul>
      <ul class="even"><li>2025-11-20</li><li><span>未回复</span></li><li><a href="/a/2">医保问题</a></li></ul>
    </div>""")
    assert [(r["url"], r["title"], r["asked"], r["state"]) for r in rows] == [
        ("http://example.gov.cn/a/1", "雨露计划", "2025-12-21", "answered"),
        ("http://example.gov.cn/a/2", "医保问题", "2025-11-20", "open")]


def test_li_rows_with_spans_and_no_header():
    rows = _messages("""<ul class="list">
      <li><a href="q1.html">咨询食品许可</a><span>[已答复]</span><span>2016-03-02</span><span>2016-03-09</span></li>
      <li><a href="q2.html">咨询药店执业</a><span>[待回复]</span><span>2016-04-20</span></li>
    </ul>""")
    assert [(r["title"], r["asked"], r["answered"], r["state"]) for r in rows] == [
        ("咨询食品许可", "2016-03-02", "2016-03-09", "answered"),
        ("咨询药店执业", "2016-04-20", None, "open")]


def test_a_row_with_only_a_status_and_no_date_is_kept_without_dates():
    rows = _messages("""<ul><li><a href="q1.html">咨询一</a> 已办结</li><li><a href="q2.html">咨询二</a> 办理中</li></ul>""")
    assert [(r["title"], r["asked"], r["state"]) for r in rows] == [("咨询一", None, "answered"),
                                                                    ("咨询二", None, "open")]


def test_a_dated_list_without_status_or_message_columns_is_no_board():
    assert _messages("""<ul><li><a href="a.html">关于某事的答复</a><span>2016-03-02</span></li>
                        <li><a href="b.html">关于他事的答复</a><span>2016-03-01</span></li></ul>""") is None


def test_a_status_word_in_a_script_template_is_no_row():
    assert _messages("""<script type="text/html"><ul><li><a href="x">t</a><span>未回复</span></li></ul></script>
                        <p>暂无留言</p>""") is None


def test_a_message_page_with_labels():
    got = _message("""<h1>小区路灯不亮</h1><table>
      <tr><th>留言时间：</th><td>2016-02-15 09:30</td><th>留言人：</th><td>张**</td></tr>
      <tr><th>留言内容：</th><td>小区路灯坏了三个月。</td></tr>
      <tr><th>回复单位：</th><td>城市管理局</td><th>回复时间：</th><td>2016年3月1日</td></tr>
      <tr><th>回复内容：</th><td>已安排维修人员更换路灯，感谢监督。</td></tr></table>""")
    assert got == {"asked": "2016-02-15", "answered": "2016-03-01", "replier": "城市管理局", "replied": True,
                   "state": "answered"}


def test_a_message_page_without_reply_and_a_pre_answer_look_alike():
    got = _message("""<p>来信时间：2016-02-15</p><p>预答复时间：2016-02-15</p><p>办理状态：办理中</p>
                      <p>答复内容：</p>""")
    assert got == {"asked": "2016-02-15", "answered": None, "replier": None, "replied": False, "state": "open"}


def test_a_page_without_a_labelled_asked_date_is_no_message():
    assert _message("<p>发布时间：2016-02-15</p><p>回复：请拨打热线。</p>") is None


@pytest.mark.parametrize("text, state", [("已回复", "answered"), ("【已办结】", "answered"), ("已答复", "answered"),
                                         ("未回复", "open"), ("办理中", "open"), ("(处理中)", "open"),
                                         ("待回复", "open"), ("已回覆", "answered"), ("回复", None), ("今日回复", None)])
def test_status_words(text, state):
    assert state_word(text) == state


def test_parse_page_records_messages_or_message_never_both():
    listed = parse_page("""<html><body><ul><li><a href="q1.html">咨询一</a><span>未回复</span><span>2016-01-02</span></li>
        <li><a href="q2.html">咨询二</a><span>已回复</span><span>2016-01-03</span></li></ul></body></html>""", BASE)
    assert len(listed["messages"]) == 2 and listed["message"] is None
    page = parse_page("<html><body><p>留言时间：2016-01-02</p><p>回复时间：2016-01-05</p></body></html>", BASE)
    assert page["messages"] is None and page["message"]["answered"] == "2016-01-05"
    plain = parse_page("<html><body><p>发布日期：2016-01-02</p><p>正文</p></body></html>", BASE)
    assert plain["messages"] is None and plain["message"] is None


def test_a_label_written_in_compatibility_ideographs_is_read_as_its_page_shows_it():
    # 日 written as ㊐ (U+3290, circled 日) reads 日 under NFKC, as the page is read: the cheap
    # pre-check that passes over pages without a label must not pass over this one.
    message = page_message("留言日期：2016-03-07\n答复时间：2016-03-09")
    folded = page_message("留言\u3290期：2016-03-07\n答复时间：2016-03-09")
    assert message is not None and folded == message


def test_every_character_nfkc_folds_into_an_ideograph_is_known_to_the_pre_check():
    import unicodedata

    from crawler.extract.dates import FOLDS_TO_IDEOGRAPH
    missed = [hex(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000
              and (folded := unicodedata.normalize("NFKC", chr(c))) != chr(c)
              and any(unicodedata.name(x, "").startswith("CJK") for x in folded) and not FOLDS_TO_IDEOGRAPH.search(chr(c))]
    assert missed == []
