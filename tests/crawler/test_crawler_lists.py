import pytest
from parsel import Selector

from crawler.extract.lists import has_empty_notice, list_entries
from crawler.items import Entry

SITE = "http://www.pjfda.gov.cn/"


def entries_of(saved_page, name: str, url: str) -> list[Entry]:
    return list_entries(Selector(text=saved_page(name, url).text), url, SITE)


def test_li_list_takes_title_attribute_span_date_and_year_from_url(saved_page):
    entries = entries_of(saved_page, "list_li.html", "http://www.pjfda.gov.cn/zwgk/tzgg/index.html")
    assert entries == [
        Entry("关于开展2016年春季食品安全专项检查工作的通知",
              "http://www.pjfda.gov.cn/zwgk/tzgg/201603/t20160307_4401.html", "2016-03-07"),
        Entry("盘锦市食品药品监督管理局2016年度政务公开工作要点",
              "http://www.pjfda.gov.cn/zwgk/tzgg/201602/t20160226_4380.html", "2016-02-26"),
        Entry("关于春节期间食品安全监管工作的通知",
              "http://www.pjfda.gov.cn/zwgk/tzgg/201601/t20160115_4302.html", "2016-01-15"),
        # "[12-30]" has no year: the TRS URL supplies it
        Entry("2015年第四季度食品抽检结果公告",
              "http://www.pjfda.gov.cn/zwgk/tzgg/201512/t20151230_4290.html", "2015-12-30"),
    ]


def test_menus_sidebars_and_pagination_are_not_entries(saved_page):
    urls = {e.url for e in entries_of(saved_page, "list_li.html", "http://www.pjfda.gov.cn/zwgk/tzgg/index.html")}
    assert not any(url.endswith(("/zwgk/", "/bsfw/", "/zwgk/xzcf/", "index_1.html", "/sitemap/")) for url in urls)


def test_table_list_reads_dates_from_cells_in_any_form(saved_page):
    entries = entries_of(saved_page, "list_table.html", "http://www.pjfda.gov.cn/col/col3372/index.html")
    assert [(e.title, e.date) for e in entries] == [
        ("盘食药监罚〔2016〕3号行政处罚决定书", "2016-03-10"),
        ("盘食药监罚〔2016〕2号行政处罚决定书", "2016-02-01"),
        ("盘食药监罚〔2016〕1号行政处罚决定书", "2016-01-20"),
    ]


def test_hanweb_list_inside_script_datastore_is_unwrapped(saved_page):
    from crawler.extract.embedded import unwrap_embedded_lists

    page = saved_page("list_hanweb_datastore.html", "http://www.pjfda.gov.cn/col/col3373/index.html")
    entries = list_entries(Selector(text=unwrap_embedded_lists(page.text)), page.url, SITE)
    assert [(e.url, e.date) for e in entries] == [
        ("http://www.pjfda.gov.cn/art/2016/3/11/art_3373_118310.html", "2016-03-11"),
        ("http://www.pjfda.gov.cn/art/2016/2/19/art_3373_118200.html", "2016-02-19"),
    ]


def test_undated_rows_count_only_in_a_group_of_three_alike():
    two = "<ul><li><a href='/a/t1.html'>甲文件</a></li><li><a href='/a/t2.html'>乙文件</a></li></ul>"
    three = two.replace("</ul>", "<li><a href='/a/t3.html'>丙文件</a></li></ul>")
    assert list_entries(Selector(text=two), SITE, SITE) == []
    assert [e.date for e in list_entries(Selector(text=three), SITE, SITE)] == [None, None, None]


def test_external_links_are_not_entries():
    html = "<ul><li><a href='http://www.gov.cn/x.html'>国务院文件</a><span>2016-03-07</span></li></ul>"
    assert list_entries(Selector(text=html), SITE, SITE) == []


def test_date_inside_the_link_is_taken_and_cut_from_the_title():
    html = "<ul><li><a href='/a.html'>关于春季检查的通知<span>2016-03-07</span></a></li></ul>"
    assert list_entries(Selector(text=html), SITE, SITE) == [
        Entry("关于春季检查的通知", "http://www.pjfda.gov.cn/a.html", "2016-03-07")]


def test_empty_notice_detected_in_simplified_and_traditional(saved_page):
    page = saved_page("list_empty.html", "http://www.pjfda.gov.cn/zwgk/zlzh/index.html")
    assert has_empty_notice(Selector(text=page.text))
    for notice in ("暫無信息", "没有相关信息", "暂无数据", "暂无内容", "没有找到相关记录"):
        assert has_empty_notice(Selector(text=f"<div class='list'><p>{notice}</p></div>")), notice


def test_a_notice_word_inside_long_prose_is_not_an_empty_notice(saved_page):
    prose = "本年度依申请公开事项中，部分栏目暂无数据的原因已在报告中说明，下一步将进一步完善。"
    assert not has_empty_notice(Selector(text=f"<p>{prose}</p>"))
    page = saved_page("list_li.html", "http://www.pjfda.gov.cn/zwgk/tzgg/index.html")
    assert not has_empty_notice(Selector(text=page.text))


def test_undated_sub_column_menu_in_a_side_column_is_not_a_list():
    menu = "".join(f"<li><a href='/xxgk/c{i}/index.html'>栏目{i}</a></li>" for i in range(6))
    html = f"<div class='side'><h3>政务公开</h3><ul>{menu}</ul></div><div class='content-box'><p>暂无信息</p></div>"
    assert list_entries(Selector(text=html), SITE, SITE) == []
    assert has_empty_notice(Selector(text=html))


def test_dated_list_in_a_side_column_still_counts():
    html = "<div class='right'><ul><li><a href='/a.html'>通知</a><span>2016-03-07</span></li></ul></div>"
    assert [e.date for e in list_entries(Selector(text=html), SITE, SITE)] == ["2016-03-07"]


def test_undated_directory_of_column_index_pages_is_not_a_list():
    directory = "".join(f"<li><a href='/xxgk/c{i}/index.html'>栏目{i}</a></li>" for i in range(4))
    directory += "<li><a href='/col/col3371/'>通知公告</a></li>"
    assert list_entries(Selector(text=f"<div class='block'><ul class='list'>{directory}</ul></div>"), SITE, SITE) == []


def test_month_day_dates_take_the_year_from_the_page_when_the_url_has_none(saved_page):
    # "本栏目更新时间：2016年3月21日": [12-30] on that page is 2015-12-30, not 2016-12-30.
    entries = entries_of(saved_page, "list_monthday.html", "http://www.pjfda.gov.cn/tzgg/index.html")
    assert [(e.url.rsplit("=", 1)[-1], e.date) for e in entries] == [
        ("1201", "2016-03-21"), ("1187", "2016-03-07"), ("1150", "2016-01-15"), ("1122", "2015-12-30")]


def test_month_day_dates_without_any_year_on_the_page_stay_undated_and_are_counted_as_yearless():
    rows = "".join(f"<li><a href='/content.jsp?id={i}'>通知{i}</a><span>[03-0{i}]</span></li>" for i in range(1, 4))
    entries = list_entries(Selector(text=f"<ul>{rows}</ul>"), SITE, SITE)
    assert [e.date for e in entries] == [None, None, None]
    assert entries.yearless == 3  # their dates are unknown, not absent: no rule may call the list undated


def test_a_list_that_shows_no_date_at_all_has_no_yearless_rows():
    rows = "".join(f"<li><a href='/content.jsp?id={i}'>通知{i}</a></li>" for i in range(1, 4))
    assert list_entries(Selector(text=f"<ul>{rows}</ul>"), SITE, SITE).yearless == 0


def test_month_day_dates_take_the_year_of_the_urls_month_folder_in_that_month_only():
    # A 集约化 home page: "[01-05]" beside /gzdt/201701/t…_1.html is 2017-01-05; a "12-30" filed under 201701 is
    # no 2017-12-30 and stays unknown.
    rows = ("<li><a href='/gzdt/201701/a1.html'>动态一</a><span>[01-05]</span></li>"
            "<li><a href='/gzdt/201612/a2.html'>动态二</a><span>[12-30]</span></li>"
            "<li><a href='/gzdt/201701/a3.html'>动态三</a><span>[12-30]</span></li>")
    entries = list_entries(Selector(text=f"<ul>{rows}</ul>"), SITE, SITE)
    assert [e.date for e in entries] == ["2017-01-05", "2016-12-30", None]
    assert entries.yearless == 1


def test_a_full_date_in_the_row_beats_a_document_number_that_looks_like_a_month_day():
    html = ("<table><tr><td><a href='/c.jsp?id=1'>行政处罚决定书</a></td><td>盘食药监罚〔2016〕3-1号</td>"
            "<td>2016-03-10</td></tr></table><p>更新：2016-03-21</p>")
    assert [e.date for e in list_entries(Selector(text=html), SITE, SITE)] == ["2016-03-10"]


def test_data_proxy_answer_gives_its_entries(saved_page):
    from crawler.extract.embedded import unwrap_embedded_lists

    page = saved_page("hanweb_dataproxy.xml", "http://www.pjfda.gov.cn/module/web/jpage/dataproxy.jsp?startrecord=16")
    entries = list_entries(Selector(text=unwrap_embedded_lists(page.text)), page.url, SITE)
    assert len(entries) == 15
    assert (entries[-1].url, entries[-1].date) == (
        "http://www.pjfda.gov.cn/art/2015/10/19/art_3373_116874.html", "2015-10-19")


@pytest.mark.parametrize("notice", ["暂无信息", "没有相关信息", "暂无相关信息", "当前栏目暂无信息！", "對不起，暫無信息"])
def test_empty_column_notices(notice):
    html = f"<div class='list'><ul></ul><div class='tip'>{notice}</div></div>"
    assert has_empty_notice(Selector(text=html))


def _box_list(row) -> list:
    from crawler.extract.page import parse_page
    rows = "".join(row(i) for i in range(6))
    return parse_page(f'<html><body><div class="list">{rows}</div></body></html>',
                      "http://www.example.gov.cn/zwgk/")["entries"]


def test_a_list_of_dated_boxes_is_read_like_a_list_of_rows():
    entries = _box_list(lambda i: f'<div class="item"><div class="t"><a href="/zwgk/2025/{i}.html">关于某事的通知{i}</a>'
                                  f'</div><div class="date">2025-01-0{i + 1}</div></div>')
    assert [(e.url[-6:], e.date) for e in entries] == [(f"{i}.html", f"2025-01-0{i + 1}") for i in range(6)]


def test_undated_boxes_are_no_list():
    assert _box_list(lambda i: f'<div class="tile"><a href="/zwgk/col{i}/">栏目{i}</a></div>') == []


def test_a_dl_per_entry_with_the_date_in_its_second_dd_is_read():
    from crawler.extract.page import parse_page
    rows = "".join(f'<dl><dd><a href="./2025{m:02d}/t2025{m:02d}10_{m}.htm" title="年报{m}">年报{m}</a></dd>'
                   f'<dd>2025-{m:02d}-10</dd></dl>' for m in range(1, 5))
    entries = parse_page(f'<html><body><div class="list">{rows}</div></body></html>',
                         "http://www.example.gov.cn/zwgk/nb/")["entries"]
    assert [e.date for e in entries] == [f"2025-{m:02d}-10" for m in range(1, 5)]


def test_a_column_of_dated_links_to_other_sites_is_read_not_judged_empty():
    from crawler.extract.page import parse_page
    rows = "".join(f'<li><a href="http://www.gov.cn/zhengce/content/2025-0{m}/0{m}/content_{m}.htm">国务院关于某事的通知{m}</a>'
                   f'<span>2025-0{m}-0{m}</span></li>' for m in range(1, 5))
    menu = '<ul><li><a href="http://www.gov.cn/">中国政府网</a></li><li><a href="http://www.zj.gov.cn/">浙江省人民政府</a></li></ul>'
    entries = parse_page(f'<html><body><h2>上级文件</h2><ul class="list">{rows}</ul>{menu}</body></html>',
                         "http://www.example.gov.cn/sjwj/")["entries"]
    assert [e.date for e in entries] == [f"2025-0{m}-0{m}" for m in range(1, 5)]


def test_a_result_box_with_its_sources_link_to_the_same_page_is_one_entry():
    from crawler.extract.page import parse_page
    boxes = "".join(f'<div class="item"><a class="title" href="http://www.ruichang.gov.cn/a/{i}.html">公示{i}</a>'
                    f'<div class="description">摘要</div><a class="source" href="http://www.ruichang.gov.cn/a/{i}.html">'
                    f'瑞昌市人民政府</a><span>发布时间：2025-11-0{i}</span></div>' for i in range(1, 4))
    entries = parse_page(f'<html><body><div class="left">{boxes}</div></body></html>',
                         "http://zmhd.jiujiang.gov.cn/search")["entries"]
    assert [(e.title, e.date) for e in entries] == [(f"公示{i}", f"2025-11-0{i}") for i in range(1, 4)]


def test_a_message_board_row_of_li_cells_is_one_entry_dated_by_its_message_time():
    """Lonsun 留言板 (real page, 萧县 书记信箱): each message is a <ul> whose <li>s are the cells
    留言时间 / 办理状态 / 类型 / 编号 / <a>标题</a> / 受理单位; the entry's date is the 留言时间 cell."""
    from pathlib import Path
    page = Path(__file__).resolve().parents[1] / "data" / "real" / "pages" / "www.ahxx.gov.cn__hdjl-sjxx-board.html"
    url = "http://www.ahxx.gov.cn/hdjl/sjxx/index.html"
    entries = list_entries(Selector(text=page.read_text(encoding="utf-8")), url, "http://www.ahxx.gov.cn/")
    assert len(entries) == 20
    assert entries[0] == Entry("萧县雨露计划补助", "http://www.ahxx.gov.cn/content/article/163301251", "2025-12-21")
    assert entries[-1] == Entry("是否有教师引进计划", "http://www.ahxx.gov.cn/content/article/161118941", "2024-05-30")


def test_a_ul_with_more_than_one_linked_li_is_a_list_not_one_entry():
    menu = ("<ul class='nav'><li><a href='/zwgk/'>政务公开</a></li><li><a href='/hdjl/'>互动交流</a></li>"
            "<li>2025-12-21</li></ul>")
    assert list_entries(Selector(text=menu), SITE, SITE) == []
