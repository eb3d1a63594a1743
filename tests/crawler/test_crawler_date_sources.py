"""The record says where its dates came from: published_source and formed_source."""
import pytest

from crawler.extract.page import FORMED_SOURCES, PUBLISHED_SOURCES, build_record, parse_page

SITE = "http://www.pjfda.gov.cn/"
SITE_NAME = "盘锦市食品药品监督管理局"
BODY = "<div class='TRS_Editor'><p>" + "当事人经营超过保质期的食品，本局依法作出行政处罚。" * 4 + "</p>{end}</div>"
TABLE = "<table><tr><td>索引号：</td><td>1</td><td>发布日期：</td><td>{date}</td></tr></table>"


def fields(body: str, url: str = "http://www.pjfda.gov.cn/content.jsp?id=1", head: str = "") -> dict:
    html = f"<html><head><title>行政处罚决定书</title>{head}</head><body>{body}</body></html>"
    return parse_page(html, url, site_url=SITE)


def test_the_date_sources_are_tables_in_precedence_order():
    assert [name for name, _ in PUBLISHED_SOURCES] == ["table", "text", "meta", "url"]
    assert [name for name, _ in FORMED_SOURCES] == ["table", "text"]


@pytest.mark.parametrize("table_date, head, top, url, expected", [
    ("2016-03-10", '<meta name="PubDate" content="2016-03-11">', "日期：2016-03-12",
     "http://www.pjfda.gov.cn/zwgk/201603/t20160313_1.html", ("2016-03-10", "table")),
    ("&nbsp;", '<meta name="PubDate" content="2016-03-11 09:30">', "日期：2016-03-12",
     "http://www.pjfda.gov.cn/zwgk/201603/t20160313_1.html", ("2016-03-12", "text")),
    ("&nbsp;", '<meta name="PubDate" content="2016-03-11 09:30">', "",
     "http://www.pjfda.gov.cn/zwgk/201603/t20160313_1.html", ("2016-03-11", "meta")),
    ("", "", "日期：2016-03-12 10:12", "http://www.pjfda.gov.cn/zwgk/201603/t20160313_1.html", ("2016-03-12", "text")),
    ("", "", "", "http://www.pjfda.gov.cn/zwgk/201603/t20160313_1.html", ("2016-03-13", "url")),
    ("", "", "", "http://www.pjfda.gov.cn/content.jsp?id=1", (None, None)),
], ids=["table", "the shown date beats the tag", "meta when nothing is shown", "text", "url", "none"])
def test_published_source_names_the_first_source_that_gave_a_date(table_date, head, top, url, expected):
    page = fields(f"<p>{top}</p>" + TABLE.format(date=table_date) + BODY.format(end=""), url, head)
    assert (page["published"], page["published_source"]) == expected


@pytest.mark.parametrize("cells, end, expected", [
    ("<td>成文日期：</td><td>2016年3月7日</td>", "<p>2016年3月8日</p>", ("2016-03-07", "table")),
    ("<td>处罚决定日期：</td><td>2016-03-06</td>", "<p>2016年3月8日</p>", ("2016-03-06", "table")),
    ("<td>成文日期：</td><td></td>", "<p>盘锦市食品药品监督管理局</p><p>2016年3月8日</p>", ("2016-03-08", "text")),
    ("<td>成文日期：</td><td></td>", "", (None, None)),
], ids=["成文日期 cell", "decision date cell", "signing line", "none"])
def test_formed_source_is_the_table_or_the_signing_line(cells, end, expected):
    body = f"<table><tr><td>索引号：</td><td>1</td>{cells}</tr></table>" + BODY.format(end=end)
    page = fields(body)
    assert (page["formed"], page["formed_source"]) == expected


def test_a_list_page_has_no_signing_date(saved_page):
    page = build_record(saved_page("list_li.html", "http://www.pjfda.gov.cn/zwgk/tzgg/index.html"), site_url=SITE)
    assert page.page_type == "list" and (page.formed, page.formed_source) == (None, None)


@pytest.mark.parametrize("name, url, published, formed", [
    ("trs_detail_table.html", "http://www.pjfda.gov.cn/zwgk/xzcf/201603/t20160310_4521.html",
     ("2016-03-10", "table"), ("2016-03-07", "text")),
    ("detail_dl.html", "http://www.pjfda.gov.cn/art/2016/3/15/art_3371_118282.html",
     ("2016-03-15", "table"), ("2016-03-14", "table")),
    # "来源：政策法规科　发布时间：2016-03-21" is read as metadata (two labels), so its date is the table's.
    ("signing_cn_numeral.html", "http://www.pjfda.gov.cn/zwgk/xzxk/xxx.html", ("2016-03-21", "table"), ("2016-03-18", "text")),
    ("gbk_no_charset.html", "http://www.pjfda.gov.cn/zwgk/xzxk/201603/t20160325_4700.html",
     ("2016-03-25", "table"), ("2016-03-22", "table")),
    ("trs_detail_blank_date_gbk.html", "http://www.pjfda.gov.cn/zwgk/xzcf/201603/t20160310_4522.html",
     ("2016-03-10", "url"), ("2016-03-07", "table")),
    ("hanweb_detail_blank_index.html", "http://www.pjfda.gov.cn/art/2016/3/18/art_3371_118400.html",
     ("2016-03-18", "table"), ("2016-03-16", "text")),
    ("jyh_detail_span_blank_date.html", "http://www.pjfda.gov.cn/content.jsp?id=2201", ("2016-03-21", "text"), (None, None)),
])
def test_saved_pages_record_where_their_dates_came_from(saved_page, name, url, published, formed):
    page = build_record(saved_page(name, url), site_url=SITE, site_name=SITE_NAME)
    assert (page.published, page.published_source) == published
    assert (page.formed, page.formed_source) == formed


def test_a_date_in_the_last_row_of_a_data_table_is_not_a_signature():
    rows = "".join(f"<tr><td>{i}</td><td>某药品</td><td>某公司</td><td>2020年9月{i}日</td></tr>" for i in range(1, 4))
    page = fields(f"<h2>药品批件发布</h2><div class='article'><p>发布时间：2020-09-11</p><table>{rows}</table></div>")
    assert page["formed"] is None


def test_the_one_date_of_the_line_naming_the_source_is_the_posting_date():
    page = fields("<h1>标题</h1><p>国务院新闻办公室网站　www.scio.gov.cn　　 2019-03-22　　 来源：国新网</p>"
                  + BODY.format(end=""), "http://www.scio.gov.cn/37234/Document/1/1.htm")
    assert (page["published"], page["published_source"]) == ("2019-03-22", "text")
