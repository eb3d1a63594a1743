"""The annual report's section 二 drafted from the crawl (checks.annual_stats): a year's items per
category, counted by the page's 发布日期, else its list's date, on hand-made crawl records."""
from __future__ import annotations

from datetime import date

from checks.annual_stats import CAPTION, PARTIAL_NOTE
from checks.catalog import load_catalog
from checks.crawl import Crawl
from checks.judge import judge

SITE = "http://site.example/"


def _page(url: str, **rec) -> dict:
    out = {"url": url, "status": 200, "is_html": True, "depth": 0 if url == SITE else 1, "page_type": "other",
           "text": "", "title": "", "breadcrumb": [], "metadata": {}, "meta": {}, "entries": [], "links": []}
    out.update(rec)
    return out


def _column(path: str, name: str, articles: list[tuple[str, str | None]], listed: dict[str, str] = {}) -> list[dict]:
    """A column's list page and its articles: (file, 发布日期 or None); `listed`: the list's dates by file."""
    base = SITE + path
    entries = [{"url": base + f, "title": f, "date": listed.get(f, d)} for f, d in articles]
    pages = [_page(base, page_type="list", title=name, breadcrumb=["首页", name], column=name, entries=entries)]
    pages += [_page(base + f, page_type="article", title=f, breadcrumb=["首页", name], published=d,
                    published_source="table" if d else None) for f, d in articles]
    return pages


def _records(links=True, **columns) -> list[dict]:
    """The home page, linking to three columns (whether crawled or not), and the given columns' pages."""
    links = [{"url": SITE + path, "text": name, "kind": "internal"} for path, name in
             (("xzcf/", "行政处罚"), ("xzxk/", "双公示"), ("gfxwj/", "规范性文件"))] if links else []
    return [_page(SITE, title="首页", links=links), *[r for recs in columns.values() for r in recs]]


PENALTIES = _column("xzcf/", "行政处罚", [
    ("a.html", "2015-03-02"), ("b.html", "2015-12-31"), ("c.html", "2016-01-04"), ("d.html", "2014-12-30"),
    ("e.html", None),  # no 发布日期: its list's date counts
    ("f.html", None),  # no date at all: said, not counted
], listed={"e.html": "2015-06-01", "f.html": None})
DOCS = _column("gfxwj/", "规范性文件", [("g.html", "2015-05-05"), ("h.html", "2016-02-02")])


def _table(records, as_of=date(2016, 6, 30), complete=True):
    judgement = judge(Crawl.from_records(SITE, records), load_catalog(), as_of, crawl_complete=complete)
    return judgement.annual_stats


def _row(table, word):
    return next(r for r in table.rows if r.item.startswith(word))


def test_counts_the_items_of_the_year_before_the_as_of_date_per_category():
    table = _table(_records(p=PENALTIES, d=DOCS))
    assert table.year == 2015 and table.caption == CAPTION and table.complete
    penalties = _row(table, "行政处罚")
    assert (penalties.count, penalties.category, penalties.column) == (3, "行政处罚", "行政处罚")  # a, b and e
    assert "1 条无发布日期" in penalties.note
    docs = _row(table, "行政规范性文件")
    assert (docs.count, docs.category, docs.column) == (1, "政策文件", "规范性文件")  # by the alias
    assert "须逐条核对" in docs.note


def test_another_as_of_date_counts_another_year():
    table = _table(_records(p=PENALTIES, d=DOCS), as_of=date(2017, 1, 10))
    assert table.year == 2016
    assert (_row(table, "行政处罚").count, _row(table, "行政规范性文件").count) == (1, 1)


def test_what_cannot_be_counted_says_why():
    table = _table(_records(p=PENALTIES))
    assert _row(table, "行政强制").count is None and "目录中没有对应的栏目" in _row(table, "行政强制").note
    assert _row(table, "规章").count is None
    license_ = _row(table, "行政许可")  # linked from the home page as 双公示, its list never fetched
    assert license_.count is None and license_.column == "双公示" and "栏目页面未能读取" in license_.note
    fees = _row(table, "行政事业性收费")
    assert fees.count is None and fees.category == "行政事业性收费" and "网站上未找到该栏目" in fees.note


def test_a_partial_crawl_says_its_counts_are_of_what_was_crawled():
    table = _table(_records(p=PENALTIES, d=DOCS), complete=False)
    assert not table.complete
    assert _row(table, "行政处罚").count == 3 and _row(table, "行政处罚").partial
    assert PARTIAL_NOTE in _row(table, "行政处罚").note
    assert "抓取未完成" in _row(table, "行政许可").note and _row(table, "行政许可").count is None
    assert "抓取未完成" in _row(table, "行政事业性收费").note and _row(table, "行政事业性收费").count is None


def test_one_column_standing_for_two_rows_is_said_on_both():
    both = _column("xzxk/", "双公示", [("x.html", "2015-04-01")])
    table = _table(_records(b=both))
    license_, penalties = _row(table, "行政许可"), _row(table, "行政处罚")
    assert license_.column == penalties.column == "双公示" and license_.count == penalties.count == 1
    assert "「行政处罚」为同一网站栏目" in license_.note and "「行政许可」为同一网站栏目" in penalties.note


def test_nothing_counted_is_no_table():
    assert _table(_records(links=False)) is None


def test_a_list_drawn_by_script_and_not_seen_is_no_count():
    drawn = [_page(SITE + "xzcf/", page_type="list", title="行政处罚", breadcrumb=["首页", "行政处罚"], column="行政处罚",
                   scripted=True)]
    table = _table(_records(p=drawn, d=DOCS))
    penalties = _row(table, "行政处罚")
    assert penalties.count is None and "脚本生成" in penalties.note
