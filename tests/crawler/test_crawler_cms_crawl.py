"""Whole crawls of a portal built like real ones (tests/crawler/cms_site.py): script pagers,
Hanweb's data proxy, rate limits with Retry-After, a calendar trap, external links."""
from urllib.parse import parse_qs, urlsplit

import pytest
from cms_site import CmsSite

# One retry, so that a 429 that never clears is given up after one wait of 1 s.
SETTINGS = {"RETRY_TIMES": 1}


@pytest.fixture(scope="module")
def cms_site():
    site = CmsSite().start()
    yield site
    site.stop()


@pytest.fixture(scope="module")
def cms_crawl(cms_site, tmp_path_factory, crawl_runner):
    out = tmp_path_factory.mktemp("cms") / "pages.jsonl"
    stats, records = crawl_runner(cms_site.url, out, settings=SETTINGS, check_external=True)
    return cms_site, stats, {record["url"].replace(cms_site.url, "/"): record for record in records}


def test_trs_pages_built_by_createpagehtml_are_fetched_as_further_pages_of_their_column(cms_crawl):
    _, _, pages = cms_crawl
    column = pages["/xxgk/tzgg/"]
    assert [link["url"].replace(column["url"], "") for link in column["links"] if link["tag"] == "pagination"] == [
        "index_1.html", "index_2.html"]
    for k in (1, 2):
        page = pages[f"/xxgk/tzgg/index_{k}.html"]
        assert (page["status"], page["page_type"], page["list_of"]) == (200, "list", column["url"])
        assert page["column"] == "通知公告"
    assert pages["/xxgk/tzgg/201602/t20160215_3.html"]["status"] == 200  # an entry only page 2 lists
    assert column["list_of"] is None


def test_hanweb_data_proxy_is_read_by_get_and_counts_for_the_column(cms_crawl):
    site, _, pages = cms_crawl
    [(url, answer)] = [(u, r) for u, r in pages.items() if u.startswith("/module/web/jpage/dataproxy.jsp")]
    assert parse_qs(urlsplit(url).query)["startrecord"] == ["4"]
    assert (answer["method"], answer["status"], answer["content_type"]) == ("GET", 200, "text/xml")
    assert answer["page_type"] == "list" and [e["date"] for e in answer["entries"]] == [
        "2016-03-16", "2016-02-15", "2016-01-14"]
    # a bare XML answer has no name: it is the column page's
    assert answer["list_of"] == site.url + "col/col3373/index.html"
    assert (answer["column"], answer["breadcrumb"]) == ("监督抽检", ["首页", "监督抽检"])
    assert pages["/art/2016/1/14/art_3373_1.html"]["status"] == 200


def test_retry_after_is_waited_for_and_the_answer_that_came_is_recorded(cms_crawl):
    site, stats, pages = cms_crawl
    assert pages["/busy.html"]["status"] == 200  # 429 with Retry-After: 1, then 200
    assert pages["/limited.html"]["status"] == 429  # still 429 after its retry: recorded so
    assert pages["/overloaded.html"]["status"] == 503  # asked for an hour: not waited, not retried
    assert (site.hits["/busy.html"], site.hits["/limited.html"], site.hits["/overloaded.html"]) == (2, 2, 1)
    assert stats["netcheck"]["netcheck/retry_after/waited"] == 2
    assert stats["netcheck"]["netcheck/retry_after/too_long"] == 1


def test_the_calendar_trap_ends_on_its_own(cms_crawl):
    _, stats, pages = cms_crawl
    calendar = [url for url in pages if url.startswith("/calendar.jsp")]
    assert stats["finish_reason"] == "finished"
    assert 1 < len(calendar) <= 50  # NETCHECK_MAX_QUERY_VARIANTS
    assert stats["netcheck"]["netcheck/trap_skipped"] >= 1


def test_external_links_are_checked_once_and_not_followed(cms_crawl):
    site, _, pages = cms_crawl
    elsewhere = f"http://localhost:{site.port}/elsewhere.html"
    # GET, kept short for link.hijacked (crawler.extract.external), never parsed as the site's page.
    assert (pages[elsewhere]["method"], pages[elsewhere]["status"], pages[elsewhere]["is_html"]) == ("GET", 200, False)
    assert pages[elsewhere]["external"]["title"] == "文章" and pages[elsewhere]["links"] == []
    assert not any(url.startswith(f"http://localhost:{site.port}/") and url != elsewhere
                   and "robots.txt" not in url for url in pages)


def test_max_seconds_ends_an_endless_crawl_with_its_record_written(cms_site, tmp_path, crawl_runner):
    # Guards off: the calendar would go on for ever; the time budget stops it.
    stats, records = crawl_runner(cms_site.url + "calendar.jsp?year=2016&month=6", tmp_path / "pages.jsonl",
                                  settings={"NETCHECK_TRAP_GUARD": False}, max_seconds=2)
    assert stats["finish_reason"] == "closespider_timeout"
    assert len(records) == stats["pages"] > 3
