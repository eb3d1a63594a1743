"""Retry-After: how long a 429/503 asks us to wait, and what the middleware does with it.

The waiting itself is exercised by a real crawl (test_crawler_cms_crawl); here only the
decisions that need no reactor."""
import asyncio
from datetime import datetime, timezone

import pytest
from scrapy import Spider
from scrapy.exceptions import DownloadTimeoutError
from scrapy.http import Request, Response
from scrapy.utils.test import get_crawler

from crawler.downloadermiddlewares.retry import RetryAfterMiddleware, retry_after_seconds

NOW = datetime(2026, 11, 27, 12, 0, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize("header, seconds", [
    (b"1", 1.0), (b" 120 ", 120.0), ("0", 0.0),
    ("Fri, 27 Nov 2026 12:00:30 GMT", 30.0),
    ("Fri, 27 Nov 2026 11:00:00 GMT", 0.0),  # a date already past: no wait
    (b"soon", None), (b"", None), (None, None), (b"-5", None),
])
def test_retry_after_header_in_seconds_or_as_an_http_date(header, seconds):
    assert retry_after_seconds(header, now=NOW) == seconds


def middleware(**settings) -> RetryAfterMiddleware:
    crawler = get_crawler(Spider, {"RETRY_TIMES": 1, "RETRY_AFTER_MAX": 60, **settings})
    crawler.spider = crawler._create_spider("portal")
    return RetryAfterMiddleware.from_crawler(crawler)


def answer(mw, request, status, retry_after=None):
    headers = {"Retry-After": retry_after} if retry_after is not None else {}
    return asyncio.run(mw.process_response(request, Response(request.url, status=status, headers=headers)))


def test_a_wait_longer_than_retry_after_max_is_not_waited_and_the_answer_is_kept():
    mw = middleware()
    request = Request("http://x.gov.cn/a.html")
    response = answer(mw, request, 503, "3600")
    assert isinstance(response, Response) and response.status == 503


def test_retry_times_still_bound_the_retries():
    mw = middleware()
    retry = answer(mw, Request("http://x.gov.cn/a.html"), 429, "0")
    assert isinstance(retry, Request) and retry.meta["retry_times"] == 1
    given_up = answer(mw, retry, 429, "0")
    assert isinstance(given_up, Response) and given_up.status == 429


def test_without_retry_after_it_is_scrapys_retry():
    mw = middleware()
    assert isinstance(answer(mw, Request("http://x.gov.cn/a.html"), 502), Request)
    assert isinstance(answer(mw, Request("http://x.gov.cn/a.html"), 404), Response)
    no_retry = Request("http://x.gov.cn/a.html", meta={"dont_retry": True})
    assert isinstance(answer(mw, no_retry, 429, "0"), Response)


def test_timeouts_are_retried_so_a_slow_page_gets_a_second_chance():
    mw = middleware()
    retry = mw.process_exception(Request("http://x.gov.cn/a.html"), DownloadTimeoutError("15 s"))
    assert isinstance(retry, Request) and retry.meta["retry_times"] == 1


def test_the_project_settings_put_it_in_place_of_scrapys_retry():
    from crawler.run import crawl_settings

    middlewares = crawl_settings().getdict("DOWNLOADER_MIDDLEWARES")
    assert middlewares["scrapy.downloadermiddlewares.retry.RetryMiddleware"] is None
    assert middlewares["crawler.downloadermiddlewares.retry.RetryAfterMiddleware"] == 550
