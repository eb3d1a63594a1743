"""A column list served as JSON (the data a scripted list page draws from) is read into entries,
whatever common shape it takes; a JSON answer with no list of linked items is not a list page; and
a scripted page's same-site data URL is followed as a further page of its list."""
import json

import pytest
from scrapy.http import HtmlResponse, JsonResponse, Request, TextResponse

from crawler.extract.jsonlist import item_date, json_list
from crawler.extract.page import build_record

SITE = "http://www.pjfda.gov.cn/"
DATA_URL = "http://www.pjfda.gov.cn/api/xxgk/list.json"
ONE = {"title": "关于开展食品安全专项检查的通知", "url": "/zwgk/tzgg/t20160307_1.html", "publishDate": "2016-03-07"}
EXPECTED = [("关于开展食品安全专项检查的通知", "http://www.pjfda.gov.cn/zwgk/tzgg/t20160307_1.html", "2016-03-07")]


def entries(doc, url=DATA_URL):
    found = json_list(json.dumps(doc, ensure_ascii=False).encode(), "utf-8", url)
    return None if found is None else [(e.title, e.url, e.date) for e in found]


@pytest.mark.parametrize("doc", [
    [ONE],  # a top-level list
    {"data": [ONE]}, {"list": [ONE]}, {"rows": [ONE], "total": 1}, {"records": [ONE]}, {"items": [ONE]},
    {"result": [ONE]}, {"articles": [ONE]},  # a list under a common key
    {"code": 0, "data": {"total": 1, "list": [ONE]}},  # nested one level: data.list
    {"success": True, "result": {"records": [ONE]}},  # result.records
], ids=["top-level", "data", "list", "rows", "records", "items", "result", "articles", "data.list", "result.records"])
def test_a_json_list_is_read_wherever_its_items_sit(doc):
    assert entries(doc) == EXPECTED


@pytest.mark.parametrize("item", [
    {"title": "关于开展食品安全专项检查的通知", "link": "/zwgk/tzgg/t20160307_1.html", "pubDate": "2016-03-07T08:30:00+08:00"},
    {"name": "关于开展食品安全专项检查的通知", "href": "/zwgk/tzgg/t20160307_1.html", "date": "2016-03-07 08:30:00"},
    {"TITLE": "关于开展食品安全专项检查的通知", "URL": "/zwgk/tzgg/t20160307_1.html", "createTime": 1457310600000},
    {"wzbt": "关于开展食品安全专项检查的通知", "wzurl": "/zwgk/tzgg/t20160307_1.html", "fbrq": "2016年3月7日"},
    {"bt": " 关于开展食品安全专项检查的通知 ", "url": "../../zwgk/tzgg/t20160307_1.html", "time": 1457310600},
    {"title": "关于开展食品安全专项检查的通知", "url": "/zwgk/tzgg/t20160307_1.html", "pubtime": "1457280000000"},
    {"title": "关于开展食品安全专项检查的通知", "url": "/zwgk/tzgg/t20160307_1.html", "publish_time": "2016-03-07"},
], ids=["link-pubDate-iso", "name-href-datetime", "upper-epoch-ms", "hanweb-pinyin", "relative-epoch-s",
        "epoch-ms-digits-beijing-midnight", "publish_time"])
def test_each_items_title_url_and_date_are_read_from_their_common_keys(item):
    # Relative URLs against the data URL (from /api/xxgk/list.json, ../../ is /); epochs as Beijing days.
    assert entries({"data": {"list": [item]}}) == EXPECTED


def test_items_without_a_url_are_left_out_and_undated_items_kept_without_a_date():
    doc = {"rows": [{"title": "无链接条目", "date": "2016-03-01"},
                    {"title": "无日期条目", "url": "/zwgk/tzgg/t1.html"}, ONE]}
    assert entries(doc) == [("无日期条目", "http://www.pjfda.gov.cn/zwgk/tzgg/t1.html", None)] + EXPECTED


@pytest.mark.parametrize("doc", [
    {"rows": [], "total": 0},  # an empty list says nothing we can tell from a wrong endpoint
    {"code": 0, "msg": "ok", "data": {"total": 3}},  # a count, not a list
    [{"title": "没有链接"}],  # items without any URL
    {"deep": {"er": {"list": [ONE]}}},  # deeper than one level
], ids=["empty", "count-only", "no-urls", "too-deep"])
def test_a_json_answer_without_a_list_of_linked_items_is_not_a_list(doc):
    assert entries(doc) is None


@pytest.mark.parametrize("value, day", [
    ("2016-03-07", "2016-03-07"), ("2016-03-07 23:59:59", "2016-03-07"), ("2016-03-07T08:30:00.000Z", "2016-03-07"),
    (1457280000000, "2016-03-07"), (1457280000, "2016-03-07"), ("1457280000000", "2016-03-07"),
    (None, None), (True, None), ("", None), ("未知", None),
])
def test_item_dates_are_read_from_iso_text_and_epochs(value, day):
    assert item_date(value) == day


def response(cls, body: bytes, content_type: str, url: str = DATA_URL):
    return cls(url=url, body=body, headers={"Content-Type": content_type}, request=Request(url))


@pytest.mark.parametrize("cls, content_type", [
    (JsonResponse, "application/json; charset=utf-8"),
    (TextResponse, "text/plain; charset=utf-8"),
    (HtmlResponse, "text/html; charset=utf-8"),  # servers that say html for everything
])
def test_a_json_answer_is_recorded_as_a_list_page_with_its_entries_and_their_links(cls, content_type):
    body = json.dumps({"code": 0, "data": {"list": [ONE]}}, ensure_ascii=False).encode()
    page = build_record(response(cls, body, content_type), site_url=SITE)
    assert (page.is_html, page.page_type, page.scripted) == (True, "list", False)
    assert [(e.title, e.url, e.date) for e in page.entries] == EXPECTED
    assert [(link.url, link.kind, link.tag) for link in page.links] == [(EXPECTED[0][1], "internal", "a")]


def test_a_json_answer_that_is_no_list_is_recorded_as_a_file_not_a_page():
    page = build_record(response(JsonResponse, b'{"code": 500, "msg": "error"}', "application/json"), site_url=SITE)
    assert (page.status, page.is_html, page.page_type, page.entries) == (200, False, "other", [])


SCRIPTED = """<html><head><title>行政许可</title></head><body>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/xzxk/">行政许可</a></div>
<div class="main"><ul class="list" id="list"></ul></div>
<script>
  fetch('/api/xzxk/list.json').then(function (r) { return r.json(); });
  $.getJSON('http://other.example.com/api/list.json');
</script></body></html>"""


def test_a_scripted_pages_same_site_data_url_is_a_further_page_of_its_list():
    url = SITE + "xzxk/"
    page = build_record(HtmlResponse(url=url, body=SCRIPTED.encode(), encoding="utf-8", request=Request(url)),
                        site_url=SITE)
    assert page.scripted and page.data_urls == [SITE + "api/xzxk/list.json", "http://other.example.com/api/list.json"]
    assert [(link.url, link.kind) for link in page.links if link.tag == "pagination"] == [
        (SITE + "api/xzxk/list.json", "internal")]  # the other site's data is not ours to read
