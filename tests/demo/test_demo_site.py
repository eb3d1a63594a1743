"""The demo portal's shape: deterministic, realistic, complete, and the seed page faithful."""
from __future__ import annotations

import re
from datetime import date

from demo_html import DEMO_DIR, REPO, T2S

from netcheck.demo import site as demo_site
from netcheck.demo.columns import COLUMNS
from netcheck.demo.planted import PLANTED

SEED_PATH = "/xxgk/gknb/201604/t20160407_5172.html"
SHARED_SEED = REPO.parent / "shared" / "seed" / "panjin-fda-2015-disclosure-annual-report.txt"


def test_build_is_deterministic(site):
    assert demo_site.build() == site


def test_a_few_hundred_pages(site):
    assert 300 <= len(site) <= 800
    assert site["/"] == site["/index.html"]


def test_html_pages_declare_utf8(site, parsed):
    for path, page in site.items():
        if page.content_type.startswith("text/html"):
            assert b'<meta charset="utf-8">' in page.body, path
            page.body.decode("utf-8")


def test_attachments_are_real_files(site):
    files = {p: page for p, page in site.items() if re.search(r"\.(pdf|doc|xls)$", p)}
    assert len(files) >= 20
    for path, page in files.items():
        magic = {"pdf": b"%PDF-1.4", "doc": b"{\\rtf1", "xls": b"<?xml"}[path[-3:]]
        assert page.body.startswith(magic), path
    pdf = next(page.body for p, page in files.items() if p.endswith(".pdf"))
    assert pdf.rstrip().endswith(b"%%EOF")
    # the xref offset points at the xref table
    offset = int(pdf.rsplit(b"startxref", 1)[1].split()[0])
    assert pdf[offset:offset + 4] == b"xref"


def test_every_column_has_its_page(site, parsed):
    for col in COLUMNS:
        page = parsed[col.index]
        assert page.meta["ColumnName"] == col.name, col.path
        assert page.crumbs[-1] == col.name and page.crumbs[0] == "首页", col.path


def test_list_pages_paginate_with_15_to_20_entries(parsed):
    for col in COLUMNS:
        if col.kind != "list":
            continue
        pages = sorted((p for p in parsed if re.fullmatch(re.escape(col.path) + r"index(_\d+)?\.html", p)),
                       key=lambda p: (len(p), p))
        assert f"共{len(pages)}页" in parsed[pages[0]].text
        for k, p in enumerate(pages):
            dated = [d for _t, d in parsed[p].entries]
            assert all(dated) and dated == sorted(dated, reverse=True), p
            if k < len(pages) - 1:
                assert 15 <= len(dated) <= 20 and f"{col.path}index_{k + 1}.html" in parsed[p].links, p


def test_news_items_show_a_publish_line_and_no_table(parsed):
    news = [p for p in parsed if p.startswith("/xwdt/xwjx/2016")]
    assert len(news) > 40
    for p in news:
        assert not parsed[p].table and re.search(r"发布时间：2016-\d\d-\d\d", parsed[p].text), p


def test_no_interview_column_anywhere(parsed):
    for p, page in parsed.items():
        assert "访谈" not in page.text + page.title and "直播" not in page.text, p


def test_empty_column(parsed):
    page = parsed["/xxgk/rsxx/index.html"]
    assert page.entries == [("暂无信息", None)]


def test_home_page_latest_list_stops_on_12_june(parsed):
    home = parsed["/"]
    dated = [d for _t, d in home.entries if d]
    assert len(dated) == 10 and max(dated) == date(2016, 6, 12)
    # …while the news column itself has newer items
    assert parsed["/xwdt/xwjx/index.html"].entries[0][1] == date(2016, 6, 28)


def test_robots_txt(site):
    assert site["/robots.txt"].body == b"User-agent: *\nDisallow: /admin/\n"


def test_lookup_resolves_directories_and_misses(site):
    assert demo_site.lookup(site, "/xxgk/") is site["/xxgk/index.html"]
    assert demo_site.lookup(site, "/xxgk/xzcf/index.html?x=1") is site["/xxgk/xzcf/index.html"]
    assert demo_site.lookup(site, "/xxgk").status == 301
    assert demo_site.lookup(site, "/no/such/page.html").status == 404


# ---------------------------------------------------------------- the seed page


def seed_lines() -> list[str]:
    return (DEMO_DIR / "seed_report.txt").read_text(encoding="utf-8").split("\n")


def test_bundled_seed_is_the_shared_seed():
    if SHARED_SEED.exists():
        assert (DEMO_DIR / "seed_report.txt").read_bytes() == SHARED_SEED.read_bytes()


def test_seed_page_reproduces_the_report(parsed):
    page = parsed[SEED_PATH]
    lines = seed_lines()
    assert page.crumbs == lines[0].split(": ", 1)[1].split(" > ")
    assert "當前位置:" in page.text
    for line in lines[6:]:
        assert re.sub(r"\s+", "", line) in page.text, line[:30]
    assert page.title == lines[6] == "2015年度盤錦市食品藥品監督管理局政府信息公開工作報告"


def test_seed_page_is_dated_as_the_seed(parsed):
    page = parsed[SEED_PATH]
    # Traditional labels as the seed shows them, with the 索引號 and 成文日期 cells empty.
    for label in ("索 引 號:", "主題分類:", "發文機關:", "成文日期:", "標 題:", "發文字號:", "發布日期:", "主 題 詞:"):
        assert re.sub(r"\s", "", label) in page.text
    assert page.table["索引号"] == "" and page.table["成文日期"] == ""
    assert page.table["发布日期"] == "2016-04-07" and page.table["发文机关"] == "盤錦市政府"
    # the only formation date is the signing block's
    assert page.signed == date(2016, 3, 7) and "盤錦市食品藥品監督管理局2016年3月7日" in page.text
    assert page.meta["ColumnName"] == "政府信息公開年報" and page.meta["PubDate"].startswith("2016-04-07")


def test_seed_is_listed_in_the_annual_report_column(parsed):
    listed = [t for t, d in parsed["/xxgk/gknb/index.html"].entries if d == date(2016, 4, 7)]
    assert listed == ["2015年度盤錦市食品藥品監督管理局政府信息公開工作報告2016-04-07"]
    assert SEED_PATH in {p for p in parsed["/xxgk/gknb/2015/index.html"].links}
    # the only annual report for 2015
    reports = [t for p in parsed for t, _d in parsed[p].entries if "2015年度" in t and "报告" in t.translate(T2S)]
    assert set(reports) == {listed[0]}


def test_planted_ids_do_not_clash():
    ids = [p.doc_id for p in PLANTED]
    assert len(ids) == len(set(ids)) and all(i >= 5000 for i in ids)
