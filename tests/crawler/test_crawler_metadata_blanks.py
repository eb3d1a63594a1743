"""A blank 发布日期 / 索引号 cell is recorded as '' (table present, cell blank), never filled from elsewhere."""
import pytest
from parsel import Selector

from crawler.extract.metadata import metadata_table
from crawler.extract.page import build_record

SITE = "http://www.pjfda.gov.cn/"
INDEX = "11211100/2016-00123"
# Printed right after the table on many templates: the article's info bar. A blank cell must not take it.
AFTER = "<div class='info'>2016-03-21 浏览次数：5</div><h1>关于春季检查的通知</h1>"

# The same three rows in each layout CMSs use; {index} and {date} are the cells under test, and the
# 发布日期 row comes last, so that what follows the table is the next thing a blank cell could take.
LAYOUTS = {
    "td pairs": "<table><tr><td>索引号：</td><td>{index}</td><td>发布机构：</td><td>市局</td></tr>"
                "<tr><td>发布日期：</td><td>{date}</td></tr></table>",
    "th labels": "<table><tr><th>索&nbsp;引&nbsp;号</th><td>{index}</td></tr><tr><th>发布机构</th><td>市局</td></tr>"
                 "<tr><th>发布日期</th><td>{date}</td></tr></table>",
    "dt/dd": "<dl><dt>索引号：</dt><dd>{index}</dd><dt>发布机构：</dt><dd>市局</dd>"
             "<dt>发布日期：</dt><dd>{date}</dd></dl>",
    "span rows": "<div class='xxgk'><div class='row'><span class='l'>索引号：</span><span class='r'>{index}</span></div>"
                 "<div class='row'><span class='l'>发布机构：</span><span class='r'>市局</span></div>"
                 "<div class='row'><span class='l'>发布日期：</span><span class='r'>{date}</span></div></div>",
    "div cells": "<div class='xxgk'><div class='l'>索引号：</div><div class='r'>{index}</div>"
                 "<div class='l'>发布机构：</div><div class='r'>市局</div>"
                 "<div class='l'>发布日期：</div><div class='r'>{date}</div></div>",
    "label in cell": "<table><tr><td>索引号：{index}</td><td>发布机构：市局</td><td>发布日期：{date}</td></tr></table>",
    "label in span": "<div class='info'><span>索引号：{index}</span><span>发布机构：市局</span>"
                     "<span>发布日期：{date}</span></div>",
    "bold label, colon outside": "<table><tr><td><b>索引号</b>：</td><td>{index}</td><td><b>发布机构</b>：</td><td>市局</td>"
                                 "</tr><tr><td><b>发布日期</b>：</td><td>{date}</td></tr></table>",
    "bold label, value after": "<div class='info'><span><b>索引号</b>：{index}</span><span><b>发布机构</b>：市局</span>"
                               "<span><b>发布日期</b>：{date}</span></div>",
    "li with label": "<ul class='meta'><li><label>索引号：</label>{index}</li><li><label>发布机构：</label>市局</li>"
                     "<li><label>发布日期：</label>{date}</li></ul>",
}
# Truly blank: nothing, spaces of any kind, &nbsp;, a zero-width space, a line break.
BLANKS = {"empty": "", "nbsp": "&nbsp;", "nbsp x2": "&nbsp;&nbsp;", "full-width spaces": "\u3000\u3000",
          "whitespace": " \n\t ", "zero-width": "\u200b", "br": "<br/>"}


def table(body: str) -> dict[str, str]:
    return metadata_table(Selector(text=f"<html><body>{body}</body></html>"))


@pytest.mark.parametrize("blank", BLANKS.values(), ids=BLANKS.keys())
@pytest.mark.parametrize("layout", LAYOUTS.values(), ids=LAYOUTS.keys())
def test_a_blank_date_cell_is_kept_as_empty_and_takes_no_neighbouring_date(layout, blank):
    assert table(layout.format(index=INDEX, date=blank) + AFTER) == {
        "索引号": INDEX, "发布日期": "", "发布机构": "市局"}


@pytest.mark.parametrize("blank", BLANKS.values(), ids=BLANKS.keys())
@pytest.mark.parametrize("layout", LAYOUTS.values(), ids=LAYOUTS.keys())
def test_a_blank_index_cell_is_kept_as_empty_and_takes_no_next_label(layout, blank):
    assert table(layout.format(index=blank, date="2016-03-10") + AFTER) == {
        "索引号": "", "发布日期": "2016-03-10", "发布机构": "市局"}


@pytest.mark.parametrize("value", ["无", "-", "暂无", "/"])
@pytest.mark.parametrize("layout", LAYOUTS.values(), ids=LAYOUTS.keys())
def test_a_cell_that_says_none_is_a_value_not_a_blank(layout, value):
    assert table(layout.format(index=value, date="2016-03-10"))["索引号"] == value


def test_a_label_with_no_value_element_closes_with_its_row():
    # <div class="row"><span>发布日期：</span></div>: the row ends before any value; the h1 after it is not one.
    body = ("<div class='xxgk-info'><div class='row'><span>索引号：</span><span>1</span></div>"
            "<div class='row'><span>发布日期：</span></div></div><h1>盘锦市2016年第一季度食品安全监督抽检结果公告</h1>")
    assert table(body) == {"索引号": "1", "发布日期": ""}


def test_a_label_wrapped_in_its_own_box_still_reaches_the_value_beside_the_box():
    body = ("<div class='meta'><div class='k'><span>发布日期：</span></div><div class='v'>2016-03-10</div>"
            "<div class='k'><b>索引号</b></div><div class='v'>1</div></div>")
    assert table(body) == {"发布日期": "2016-03-10", "索引号": "1"}


def test_a_blank_cell_in_the_table_is_not_filled_by_a_later_published_line():
    # The table left 发布日期 blank; the 发布时间 of the info bar below is not the table's cell.
    body = "<table><tr><td>索引号</td><td>1</td><td>发布日期</td><td>&nbsp;</td></tr></table>" \
           "<div class='info'>发布时间：2016-03-07</div>"
    assert table(body) == {"索引号": "1", "发布日期": ""}


def test_a_table_whose_cells_are_all_blank_is_still_a_table():
    body = "<table><tr><td>索引号：</td><td>&nbsp;</td><td>发布日期：</td><td></td></tr></table>"
    assert table(body) == {"索引号": "", "发布日期": ""}


def test_a_list_header_row_is_still_no_table_even_with_an_empty_action_column():
    header = "<table><tr><th>序号</th><th>标题</th><th>发布日期</th><th></th></tr>" \
             "<tr><td>1</td><td><a href='/a.html'>通知</a></td><td>2016-03-07</td><td></td></tr></table>"
    assert table(header) == {}


def record(saved_page, name: str, url: str):
    return build_record(saved_page(name, url), site_url=SITE, site_name="盘锦市食品药品监督管理局")


def test_trs_gbk_page_with_an_nbsp_date_cell_records_the_blank_and_the_url_date(saved_page):
    page = record(saved_page, "trs_detail_blank_date_gbk.html",
                  "http://www.pjfda.gov.cn/zwgk/xzcf/201603/t20160310_4522.html")
    assert page.metadata["发布日期"] == "" and page.metadata["索引号"] == "11211100/2016-00131"
    assert (page.published, page.published_source) == ("2016-03-10", "url")


def test_hanweb_page_with_an_empty_index_dd_records_the_blank(saved_page):
    page = record(saved_page, "hanweb_detail_blank_index.html",
                  "http://www.pjfda.gov.cn/art/2016/3/18/art_3371_118400.html")
    assert page.metadata["索引号"] == "" and page.metadata["发布日期"] == "2016-03-18"


def test_span_row_page_with_no_date_element_does_not_take_the_title_below(saved_page):
    page = record(saved_page, "jyh_detail_span_blank_date.html", "http://www.pjfda.gov.cn/content.jsp?id=2201")
    assert page.metadata == {"索引号": "MB1523/2016-00045", "发布机构": "盘锦市食品药品监督管理局", "发布日期": ""}
    # The date the reader sees under the title (beside 浏览次数), not the PubDate tag, and not the title.
    assert (page.published, page.published_source) == ("2016-03-21", "text")
