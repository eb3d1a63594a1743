import pytest
from parsel import Selector

from crawler.extract.breadcrumb import breadcrumb

TRAIL = ["首页", "政务公开", "行政处罚"]


def crumbs(body: str) -> list[str]:
    return breadcrumb(Selector(text=f"<html><body>{body}</body></html>"))


@pytest.mark.parametrize("body", [
    '<div>当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a>行政处罚</a></div>',
    '<div>您当前位置：首页 > 政务公开 > 行政处罚</div>',
    '<div><span>您现在的位置：</span><a>首页</a> &gt;&gt; <a>政务公开</a> &gt;&gt; <a>行政处罚</a></div>',
    '<td>您现在位置 : <a>首页</a> ——&gt; <a>政务公开</a> ——&gt; <a>行政处罚</a></td>',
    '<p>所在位置：<a>首页</a> » <a>政务公开</a> » <a>行政处罚</a></p>',
    '<p>当前位置：首页 / 政务公开 / 行政处罚</p>',
    '<p>当前位置：首页 → 政务公开 → 行政处罚</p>',
    '<p>当 前 位 置 ：首页&nbsp;&gt;&nbsp;政务公开&nbsp;&gt;&nbsp;行政处罚</p>',
])
def test_breadcrumb_label_and_separator_variants(body):
    assert crumbs(body) == TRAIL


def test_breadcrumb_keeps_traditional_names_as_printed():
    body = "<div>當前位置: 首頁 &gt; 政務公開 &gt; 政府信息公開年報</div>"
    assert crumbs(body) == ["首頁", "政務公開", "政府信息公開年報"]


@pytest.mark.parametrize("attr", ['class="breadcrumb"', 'id="location"', 'class="bt-position"', 'class="dqwz"'])
def test_breadcrumb_found_by_container_class_without_label(attr):
    body = f'<div {attr}><a>首页</a><img src="arrow.gif"><a>政务公开</a><img src="arrow.gif"><a>行政处罚</a></div>'
    assert crumbs(body) == TRAIL


def test_breadcrumb_ignores_a_label_inside_scripts():
    body = '<script>var s = "当前位置：假的 > 路径";</script><div class="crumb">首页 > 政务公开 > 行政处罚</div>'
    assert crumbs(body) == TRAIL


def test_no_breadcrumb_gives_empty_list():
    assert crumbs("<p>盘锦市食品药品监督管理局</p><p>2016年3月7日</p>") == []


def test_breadcrumb_of_saved_pages(saved_page):
    page = saved_page("seed_traditional.html", "http://www.pjfda.gov.cn/zwgk/ndbg/201604/t20160407_5001.html")
    assert breadcrumb(Selector(text=page.text)) == [
        "首頁", "政務公開", "政府信息公開年報", "2015年", "部門政府信息公開工作年度報告"]
    page = saved_page("signing_cn_numeral.html", "http://www.pjfda.gov.cn/zwgk/xzxk/201603/t20160321_4620.html")
    assert breadcrumb(Selector(text=page.text)) == ["首页", "政务公开", "行政许可", "正文"]


@pytest.mark.parametrize("body", [
    '<div>首页 &gt; 政务公开 &gt; 行政处罚</div>',
    '<div class="wz"><a href="/">首页</a> &gt;&gt; <a>政务公开</a> &gt;&gt; <a>行政处罚</a></div><p>打印本页</p>',
    '<td><a href="/">首页</a> » <a>政务公开</a> » 行政处罚</td>',
    '<div><span><a>首页</a></span> &gt; <span><a>政务公开</a></span> &gt; <span>行政处罚</span><span>字号：大 中 小</span></div>',
])
def test_unlabelled_trail_starting_at_the_home_page(body):
    assert crumbs(body) == TRAIL


@pytest.mark.parametrize("body", [
    '<ul class="menu"><li><a>首页</a></li><li><a>政务公开</a></li><li><a>行政处罚</a></li></ul>',  # a menu
    '<p><a>首页</a> | <a>政务公开</a> | <a>联系我们</a></p>',  # a footer bar
    '<p>返回首页</p>',
])
def test_menus_starting_at_the_home_page_are_not_trails(body):
    assert crumbs(body) == []


def test_breadcrumb_ends_at_the_buttons_that_share_its_box():
    body = ('<div class="BreadcrumbNav"><a href="/">首页</a>&nbsp;&gt;&nbsp;<a>政务公开</a>&nbsp;&gt;&nbsp;'
            '<a><span>行政处罚</span></a><div class="pages_print">字号：<span>默认</span><span>大</span>'
            '<span>打印</span></div></div>')
    assert crumbs(body) == TRAIL


def test_breadcrumb_of_one_list_item_per_crumb_after_a_label():
    body = ('<div><ul><li>当前位置：<a href="/">首页</a></li><li><a>政务公开&nbsp;</a></li>'
            '<li><a>行政处罚&nbsp;</a></li></ul></div><div>发布时间：2025-06-03</div>')
    assert crumbs(body) == TRAIL


def test_breadcrumb_without_label_or_box_starts_at_the_home_link_whatever_it_says():
    body = ('<div><span><a href="http://www.example.gov.cn/index.html">某某市人民政府</a></span><span>&gt;</span>'
            '<span><a href="/zwgk/">政务公开</a></span><span>&gt;</span></div><h1>标题</h1>')
    sel = Selector(text=f"<html><body>{body}</body></html>")
    assert breadcrumb(sel, "http://www.example.gov.cn/zwgk/2023/content_1.html") == ["某某市人民政府", "政务公开"]


def test_a_menu_that_starts_at_the_home_link_is_no_trail():
    body = '<ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a>互动交流</a></li></ul>'
    sel = Selector(text=f"<html><body>{body}</body></html>")
    assert breadcrumb(sel, "http://www.example.gov.cn/") == []


@pytest.mark.parametrize("hidden", [
    '<span class="sr-only">Your current location in the website</span>',
    '<span class="visually-hidden">您当前所在位置</span>',
    '<span style="display: none">首页,政务公开,行政处罚</span>',
    '<em hidden>skip</em>',
])
def test_breadcrumb_leaves_out_what_only_a_screen_reader_or_a_script_sees(hidden):
    body = f'<div class="breadcrumb">{hidden}<a href="/">首页</a> &gt; <a>政务公开</a> &gt; <a>行政处罚</a></div>'
    assert crumbs(body) == TRAIL


def test_a_hidden_copy_of_the_trail_does_not_hide_the_visible_one():
    body = ('<div style="display:none"><span id="col1_name">当前位置：首页</span></div>'
            '<table><tr><td>当前位置：</td><td><a>首页</a> &gt; <a>政务公开</a> &gt; <a>行政处罚</a></td></tr></table>')
    assert crumbs(body) == TRAIL


def test_bars_separate_crumbs_of_a_labelled_trail_that_has_no_other_separator():
    body = '<span>当前位置：<a href="/">首页</a><font>｜</font><a>政务公开</a><font>｜</font><a>行政处罚</a></span>'
    assert crumbs(body) == TRAIL


def test_a_bar_after_an_arrow_trail_leads_to_buttons_not_crumbs():
    body = '<div>当前位置：<a href="/">首页</a> &gt; <a>政务公开</a> &gt; <a>行政处罚</a> | <a>打印</a> | <a>关闭</a></div>'
    assert crumbs(body) == TRAIL


def test_a_slash_inside_a_crumb_of_its_own_element_is_part_of_the_name():
    body = ('<div class="breadcrumb"><span>当前位置：</span><ul><li><a href="/">首页</a></li><li><a>政务公开</a></li>'
            '<li><a>行政处罚/行政强制</a></li><li><a>办事指南</a></li></ul></div>')
    assert crumbs(body) == ["首页", "政务公开", "行政处罚/行政强制", "办事指南"]
