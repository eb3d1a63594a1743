"""A crawl loaded from pages.jsonl holds tables, not records, and reads texts, titles and links
back from the file exactly as they were written."""
import json
import tracemalloc

import pandas as pd
import pytest

from checks.crawl import Crawl

SITE = "http://s.test/"


def page(path, **fields):
    rec = {"url": SITE + path, "final_url": SITE + path, "status": 200, "is_html": True, "depth": 1,
           "page_type": "article", "title": f"标题{path}", "breadcrumb": ["首页", "通知公告"], "column": "通知公告",
           "meta": {"ColumnName": "通知公告"}, "metadata": {"索引号": "001/2016-1"}, "published": "2016-03-07",
           "entries": [], "links": [{"url": SITE, "text": "首页", "kind": "internal", "tag": "a"},
                                    {"url": SITE + "tzgg/", "text": "通知公告", "kind": "internal", "tag": "a"}],
           "text": f"正文{path}，关于“引号”和\\反斜杠\n第二行"}
    rec.update(fields)
    return rec


RECORDS = [
    page("", depth=0, page_type="list", breadcrumb=[], title="首页",
         entries=[{"title": "一号通知", "url": SITE + "a1.html", "date": "2016-03-07"}],
         links=[{"url": SITE + "tzgg/", "text": "通知公告", "kind": "internal"},
                {"url": SITE + "gone.html", "text": "旧通知", "kind": "internal"},
                {"url": "HTTP://S.TEST/a1.html#top", "text": "一号通知", "kind": "internal"}]),
    page("tzgg/", page_type="list", title="通知公告_某市",
         links=[{"url": SITE + "gone.html", "text": "旧通知", "kind": "internal"},
                {"url": SITE + "gone.html", "text": "第二个链接", "kind": "internal"},
                {"url": SITE + "a1.html", "text": "上一篇", "kind": "internal"}]),
    page("a1.html"),
    # Written with its keys in another order (below): "text" before its links' "text" keys, an
    # entry's "title" before its own. Reading them back by position fails, and parses the line.
    page("a2.html", title="键序不同", text="正文在前", entries=[{"title": "别的", "url": SITE + "x.html", "date": None}]),
    page("gone.html", status=404, is_html=False, page_type="other", title="", text=""),
    page("a1.html", title="再次抓取"),  # a resumed crawl fetched it again: the last record counts
]
FIRST = ["entries", "text", "links"]


def write(path, records, torn=True):
    with open(path, "w", encoding="utf-8") as fh:
        for rec in records:
            if rec["title"] == "键序不同":
                rec = {**{k: rec[k] for k in FIRST}, **rec}
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        if torn:
            fh.write('{"url": "http://s.test/torn')  # a crawl killed mid-write


@pytest.fixture
def crawls(tmp_path):
    write(tmp_path / "pages.jsonl", RECORDS)
    return Crawl.load(tmp_path / "pages.jsonl"), Crawl.from_records(SITE, RECORDS)


def test_loading_the_file_builds_the_tables_built_from_its_records(crawls):
    loaded, built = crawls
    assert loaded.start_url == built.start_url == SITE
    for table in ("pages", "entries", "nav_links"):
        pd.testing.assert_frame_equal(getattr(loaded, table), getattr(built, table))
    assert loaded.pages["url"].tolist() == [SITE, SITE + "tzgg/", SITE + "a2.html", SITE + "gone.html",
                                            SITE + "a1.html"]


def test_the_tables_hold_no_text_title_or_links(crawls):
    loaded, _ = crawls
    assert not {"text", "title", "links", "metadata", "meta"} & set(loaded.pages.columns)
    assert loaded.pages["text_len"].tolist()[0] == len(RECORDS[0]["text"])


@pytest.mark.parametrize("which", [0, 1])
def test_texts_and_titles_read_back_as_written(crawls, which):
    crawl = crawls[which]
    by_url = {rec["url"]: rec for rec in RECORDS}  # the last record of a URL
    urls = crawl.pages["url"]
    texts = dict(crawl.texts(range(len(urls))))
    titles = dict(crawl.titles(range(len(urls))))
    assert {urls[r]: t for r, t in texts.items()} == {u: by_url[u]["text"] for u in urls}
    assert {urls[r]: t for r, t in titles.items()} == {u: by_url[u]["title"] for u in urls}
    assert crawl.page(SITE + "a1.html")["title"] == "再次抓取"


@pytest.mark.parametrize("which", [0, 1])
def test_links_to_a_target_are_each_pages_first_link_to_it(crawls, which):
    links = crawls[which].links_to({SITE + "gone.html", SITE + "a1.html"})
    assert links[["page_url", "url", "text"]].values.tolist() == [
        [SITE, SITE + "gone.html", "旧通知"],
        [SITE, SITE + "a1.html", "一号通知"],  # written HTTP://S.TEST/a1.html#top
        [SITE + "tzgg/", SITE + "gone.html", "旧通知"],  # not 第二个链接: one link per page and target
        [SITE + "tzgg/", SITE + "a1.html", "上一篇"],
    ]


def test_nav_links_keep_short_labels_of_pages_that_are_not_articles(crawls):
    loaded, _ = crawls
    pairs = list(zip(loaded.nav_links["url"], loaded.nav_links["text"]))
    assert pairs == [(SITE + "tzgg/", "通知公告"), (SITE + "gone.html", "旧通知"), (SITE, "首页")]


def test_loading_holds_one_record_at_a_time(tmp_path):
    """Memory for five times the pages grows with the tables, not with the records' text."""
    def peak(n):
        records = [page(f"c/{i}.html", text="正文" * 2000, title=f"第{i}号通知",
                        links=[{"url": f"{SITE}nav{j}/", "text": f"栏目{j}", "kind": "internal"} for j in range(40)])
                   for i in range(n)]
        write(tmp_path / f"{n}.jsonl", records, torn=False)
        del records
        tracemalloc.start()
        crawl = Crawl.load(tmp_path / f"{n}.jsonl")
        size = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        assert len(crawl.pages) == n
        return size

    small, large = peak(400), peak(2000)
    # Each record is ~10 KB of JSON (4 KB of text, 40 links); the tables keep well under 1 KB of it.
    assert (large - small) / 1600 < 1000
