"""Whole crawls of a real local server (tests/data/site_small), run through crawler.run.run_crawl."""
import socket


def by_url(records, base):
    return {record["url"].replace(base, "/"): record for record in records}


def test_every_fetched_url_has_exactly_one_record(small_crawl):
    base, stats, records = small_crawl
    urls = [record["url"] for record in records]
    assert len(urls) == len(set(urls))
    assert set(by_url(records, base)) == {
        "/", "/zwgk/tzgg/index.html", "/zwgk/xzcf/index.html", "/zwgk/zlzh/index.html",
        "/zwgk/xzcf/201603/t20160310_1.html", "/old-notice.html", "/missing.html", "/private/secret.html",
        "/files/report2015.pdf", "/files/nohead.pdf", "/images/logo.png",
    }
    assert stats["pages"] == len(records) and stats["errors"] == 1 and stats["finish_reason"] == "finished"


def test_external_and_mailto_links_are_recorded_but_not_fetched(small_crawl):
    base, _, records = small_crawl
    home = by_url(records, base)["/"]
    assert {"http://www.gov.cn/": "external", "mailto:pjfda@example.invalid": "other"}.items() <= \
        {link["url"]: link["kind"] for link in home["links"]}.items()
    assert not any(record["url"].startswith("http://www.gov.cn") for record in records)


def test_statuses_and_methods(small_crawl):
    base, _, records = small_crawl
    pages = by_url(records, base)
    assert pages["/missing.html"]["status"] == 404
    # an internal PDF is read (GET, crawler.extract.attachments; tests/crawler/test_attachments.py)
    assert (pages["/files/report2015.pdf"]["method"], pages["/files/report2015.pdf"]["status"]) == ("GET", 200)
    assert pages["/files/report2015.pdf"]["content_type"] == "application/pdf"
    assert (pages["/images/logo.png"]["method"], pages["/images/logo.png"]["status"]) == ("HEAD", 200)
    # the server answers HEAD with 405: checked again with GET, and only that answer is recorded
    assert (pages["/files/nohead.pdf"]["method"], pages["/files/nohead.pdf"]["status"]) == ("GET", 200)
    assert pages["/zwgk/xzcf/index.html"]["depth"] == 1 and pages["/"]["depth"] == 0
    assert pages["/missing.html"]["referer"] == base


def test_redirect_is_recorded_even_when_its_target_was_fetched_too(small_crawl):
    base, _, records = small_crawl
    old = by_url(records, base)["/old-notice.html"]
    assert old["status"] == 200
    assert old["redirects"] == [base + "old-notice.html"]
    assert old["final_url"] == base + "zwgk/xzcf/201603/t20160310_1.html"


def test_robots_forbidden_url_is_recorded_with_error_robots(small_crawl):
    base, _, records = small_crawl
    secret = by_url(records, base)["/private/secret.html"]
    assert (secret["status"], secret["error"], secret["final_url"]) == (None, "robots", None)


def test_detail_page_record_in_pages_jsonl(small_crawl):
    base, _, records = small_crawl
    detail = by_url(records, base)["/zwgk/xzcf/201603/t20160310_1.html"]
    assert detail["page_type"] == "article"
    assert detail["title"] == "盘锦市食品药品监督管理局行政处罚决定书（盘食药监罚〔2016〕3号）"
    assert detail["breadcrumb"] == ["首页", "政务公开", "行政处罚", "正文"]
    assert detail["column"] == "行政处罚"
    assert detail["metadata"]["索引号"] == "11211100/2016-00123"
    assert (detail["published"], detail["formed"]) == ("2016-03-10", "2016-03-07")


def test_list_pages_in_pages_jsonl(small_crawl):
    base, _, records = small_crawl
    pages = by_url(records, base)
    assert pages["/zwgk/zlzh/index.html"]["empty_notice"] is True
    assert pages["/zwgk/zlzh/index.html"]["page_type"] == "list"
    assert [e["date"] for e in pages["/"]["entries"]] == ["2016-03-10", "2016-03-07", "2016-01-05", "2016-01-04"]


def test_max_pages_bounds_the_crawl(site_url, tmp_path, crawl_runner):
    stats, records = crawl_runner(site_url, tmp_path / "pages.jsonl", max_pages=3)
    assert len(records) == 3
    assert stats["finish_reason"] in {"closespider_pagecount", "finished"}


def test_unreachable_site_still_writes_one_record(tmp_path, crawl_runner):
    with socket.socket() as probe:  # a port that was free a moment ago: nothing listens there
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    stats, records = crawl_runner(f"http://127.0.0.1:{port}/", tmp_path / "pages.jsonl")
    assert [(r["status"], r["error"], r["url"]) for r in records] == [(None, "refused", f"http://127.0.0.1:{port}/")]
    assert (stats["pages"], stats["errors"]) == (1, 1)
