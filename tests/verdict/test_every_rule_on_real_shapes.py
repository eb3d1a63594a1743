"""Every rule judges a crawl holding the shapes that crashed pandas 3 or misled the rules: an
article with no date of its own (its list's date stands in), a column page that only says 暂无信息,
an article whose 信息公开 table has a blank 发布日期 cell. No rule may raise, on pandas 2 or 3."""
from datetime import date

import pandas as pd

import checks
from checks.catalog import load_catalog
from checks.crawl import Crawl

SITE = "http://site.test/"
AS_OF = date(2016, 6, 30)


def page(url, **fields):
    return {"url": SITE + url, "status": 200, "is_html": True, "depth": 1, "page_type": "other", "text": "",
            "title": "", "breadcrumb": [], "metadata": {}, "meta": {}, "entries": [], "links": [], **fields}


def crawl() -> Crawl:
    return Crawl.from_records(SITE, [
        page("", depth=0, title="某县市场监督管理局", entries=[
            {"title": "关于端午节放假的通知", "url": SITE + "tzgg/1.html", "date": "2016-06-01"}]),
        page("tzgg/", page_type="list", breadcrumb=["首页", "通知公告"], entries=[
            {"title": "关于端午节放假的通知", "url": SITE + "tzgg/1.html", "date": "2016-06-01"},
            {"title": "关于开展检查的通知", "url": SITE + "tzgg/2.html", "date": "2016-05-03"},
            {"title": "关于征求意见的通知", "url": SITE + "tzgg/3.html", "date": None}]),
        # no date of its own: the list's 2016-06-01 stands in
        page("tzgg/1.html", page_type="article", title="关于端午节放假的通知", breadcrumb=["首页", "通知公告"]),
        page("tzgg/2.html", page_type="article", title="关于开展检查的通知", breadcrumb=["首页", "通知公告"],
             published="2016-05-03", published_source="text"),
        # no date anywhere (pandas 3 refused the float NaN its lookup gave, in a text column)
        page("tzgg/3.html", page_type="article", title="关于征求意见的通知", breadcrumb=["首页", "通知公告"]),
        # a column that only says it is empty
        page("rsxx/", page_type="other", breadcrumb=["首页", "人事信息"], empty_notice=True,
             text="暂无信息" + "　" * 300),
        page("cf/", page_type="list", breadcrumb=["首页", "行政处罚"], entries=[
            {"title": "某案行政处罚决定", "url": SITE + "cf/201605/t20160520_3.html", "date": "2016-05-20"}]),
        # a blank 发布日期 cell, a date from the URL and the list
        page("cf/201605/t20160520_3.html", page_type="article", title="某案行政处罚决定", breadcrumb=["首页", "行政处罚"],
             published="2016-05-20", published_source="url", formed="2016-05-03",
             metadata={"索引号": "001/2016-3", "发布日期": ""}),
    ])


def test_no_rule_raises_and_each_shape_is_judged_as_a_person_would():
    judgement = checks.judge(crawl(), load_catalog(), AS_OF)
    assert judgement.errors == [], judgement.errors
    assert {o.rule for o in judgement.outcomes} == {r.rule_id for r in checks.RULES}
    found = {(f.rule, f.category, f.url) for f in judgement.findings}
    assert ("column.empty", "人事信息", SITE + "rsxx/") in found
    assert not any(r == "column.stale" and c == "人事信息" for r, c, _ in found)
    assert not any(r == "column.stale" and c == "通知公告" for r, c, _ in found)  # fresh through the list's date
    late = next(f for f in judgement.findings if f.rule == "item.late")
    assert (late.url, late.details["published"], late.details["published_source"]) == \
        (SITE + "cf/201605/t20160520_3.html", "2016-05-20", "list")
    missing = next(f for f in judgement.findings if f.rule == "item.metadata_missing")
    assert missing.details["missing"] == ["发布日期"]
    assert judgement.outcome("column.empty", "人事信息").outcome == "failed"
    assert judgement.outcome("column.stale", "通知公告").outcome == "passed"


def test_the_items_table_carries_plain_dates_and_their_sources():
    from checks.context import Context

    ctx = Context.build(crawl(), load_catalog(), AS_OF)
    items = ctx.items.set_index("url")
    notice = items.loc[SITE + "tzgg/1.html"]
    assert (notice["date"], notice["date_source"]) == (date(2016, 6, 1), "list")
    assert SITE + "rsxx/" not in items.index  # 暂无信息 is no item
    assert pd.api.types.is_object_dtype(items["date"])
