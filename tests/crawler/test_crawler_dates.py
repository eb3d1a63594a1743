from datetime import date

import pytest

from crawler.extract.dates import find_dates, parse_date, published_from_text, signing_date, url_date

MARCH_7 = date(2016, 3, 7)


@pytest.mark.parametrize("text", [
    "2016-03-07", "2016-3-7", "2016/3/7", "2016.03.07", "2016年3月7日", "2016年03月07日",
    "2016 年 3 月 7 日", "２０１６年３月７日", "二〇一六年三月七日", "二零一六年三月七日",
    "二○一六年三月七日", "二O一六年三月七日", "发布时间：2016-03-07 10:30:00", "(2016-03-07)",
])
def test_parse_date_reads_every_full_form(text):
    assert parse_date(text) == MARCH_7


@pytest.mark.parametrize("text, expected", [
    ("二〇一六年三月十日", date(2016, 3, 10)),
    ("二〇一六年十二月二十日", date(2016, 12, 20)),
    ("二〇一六年三月三十一日", date(2016, 3, 31)),
    ("二〇一六年十月二十一日", date(2016, 10, 21)),
    ("二 〇 一 六 年 三 月 三 十 一 日", date(2016, 3, 31)),  # a character a cell, in signature tables
    ("二\u3000〇\u3000一\u3000六年十\u3000二月二\u3000十日", date(2016, 12, 20)),
])
def test_parse_date_reads_chinese_numerals_with_shi(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", [
    "2016-02-30", "2016-13-01", "2016年2月30日", "二〇一六年二月三十日", "2016-00-10",
    "1800-01-01", "1.2.3.4", "第2016.3版", "03-07", "", "暂无", "2016-03/07",
])
def test_parse_date_rejects_impossible_or_incomplete_dates(text):
    assert parse_date(text) is None


@pytest.mark.parametrize("text", ["[03-07]", "03-07", "(3/7)", "3月7日"])
def test_month_day_needs_the_year_from_the_caller(text):
    assert parse_date(text) is None
    assert parse_date(text, default_year=2016) == MARCH_7


def test_month_day_does_not_split_a_full_date():
    assert find_dates("2016-03-07 与 [04-01]", default_year=2015) == [MARCH_7, date(2015, 4, 1)]


def test_find_dates_returns_all_dates_in_text_order():
    assert find_dates("2016年3月7日印发，2016-04-07发布") == [MARCH_7, date(2016, 4, 7)]


@pytest.mark.parametrize("url, expected", [
    ("http://www.pjfda.gov.cn/zwgk/201603/t20160307_4401.html", MARCH_7),
    ("http://www.example.gov.cn/art/2016/3/7/art_3371_118282.html", MARCH_7),
    ("http://www.example.gov.cn/news/2016/03/07/123.html", MARCH_7),
    ("http://www.example.gov.cn/zwgk/201603/index.html", None),
    ("http://www.example.gov.cn/zwgk/201602/t20160230_1.html", None),
    ("http://www.example.gov.cn/col/col3371/index.html", None),
])
def test_url_date_reads_cms_article_urls_only(url, expected):
    assert url_date(url) == expected


def test_signing_date_is_the_date_line_after_the_organ():
    text = "正文第一段。\n盤錦市食品藥品監督管理局\n2016年3月7日"
    assert signing_date(text) == MARCH_7


def test_signing_date_reads_chinese_numerals_and_skips_page_tools():
    text = "特此公告。\n盘锦市食品药品监督管理局\n二〇一六年三月七日\n【打印本页】 【关闭窗口】"
    assert signing_date(text) == MARCH_7


def test_signing_date_ignores_dates_inside_sentences_and_early_lines():
    assert signing_date("本局于2016年3月7日作出决定。\n特此公告。") is None
    early = "2016年3月7日\n" + "\n".join(f"第{i}段" for i in range(6))
    assert signing_date(early) is None


def test_published_from_text_reads_a_labelled_line_near_the_top():
    text = "标题\n来源：市局　发布时间：2016-04-07 10:00　浏览次数：3\n正文"
    assert published_from_text(text) == date(2016, 4, 7)
    assert published_from_text("日期：2016年4月7日\n正文") == date(2016, 4, 7)


def test_published_from_text_does_not_take_formation_or_update_dates():
    assert published_from_text("成文日期：2016-03-07\n更新时间：2016-03-08") is None


@pytest.mark.parametrize("url", [
    "http://www.pjfda.gov.cn/zwgk/tzgg/201603/t20160307_4401.html",  # TRS
    "http://www.pjfda.gov.cn/zwgk/tzgg/201603/t20160307_4401.shtml",
    "https://www.pjfda.gov.cn/art/2016/3/7/art_3371_118282.html",  # Hanweb
    "http://www.pjfda.gov.cn/art/2016/03/07/art_3371_118282.html",
])
def test_both_cms_article_url_forms_give_the_date(url):
    assert url_date(url) == MARCH_7


def test_posting_date_line_below_a_long_menu_is_found_before_the_article_text():
    menu = "\n".join(f"栏目{i}" for i in range(30))
    text = f"{menu}\n首页 > 重点推荐\n某某全文\n发布时间：2024年05月05日 | 字体放大\n" + "正文" * 40
    assert published_from_text(text) == date(2024, 5, 5)


@pytest.mark.parametrize("text, expected", [
    ("17.8K - 31/07/2015 - 頁庫存檔", date(2015, 7, 31)),  # lp.search.gov.hk: day first, year last
    ("04/03/2004", date(2004, 3, 4)),
    ("2016/03/07", MARCH_7),  # year first stays year-month-day
])
def test_a_year_last_date_is_read_day_first(text, expected):
    assert parse_date(text) == expected


def test_a_slash_date_inside_a_longer_number_run_is_no_date():
    assert find_dates("版本 1/2/2015/3") == []


def test_a_press_release_dateline_spaced_a_character_a_cell_is_the_posting_date():
    text = "香港特別行政區政府\n二 零 零 四 年 三 月 四 日 新 聞 稿\n香港首個永久藥物教育展覽館局部啟用\n" + "正文。" * 30
    assert published_from_text(text) == date(2004, 3, 4)
    assert published_from_text("二零零四年三月四日下午召开新闻发布会\n" + "正文。" * 30) is None  # a sentence, no dateline
