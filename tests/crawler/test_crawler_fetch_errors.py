import zlib

import pytest
from OpenSSL.SSL import Error as TLSError
from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadFailedError,
    DownloadTimeoutError,
    IgnoreRequest,
)
from twisted.internet import error as tx_error
from twisted.python.failure import Failure
from twisted.web._newclient import ParseError, ResponseFailed, ResponseNeverReceived

from crawler.fetch_errors import INTERNAL_ERRORS, error_kind, is_our_bug


def wrapped(outer: BaseException, inner: BaseException) -> BaseException:
    outer.__cause__ = inner
    return outer


@pytest.mark.parametrize("exc, kind", [
    (DownloadTimeoutError("took longer than 15 seconds"), "timeout"),
    (wrapped(DownloadTimeoutError("x"), tx_error.TimeoutError()), "timeout"),
    (DownloadConnectionRefusedError("refused"), "refused"),
    (CannotResolveHostError("no such host"), "dns"),
    (ResponseNeverReceived([Failure(tx_error.ConnectionLost())]), "reset"),
    (wrapped(DownloadFailedError("x"), ResponseNeverReceived([Failure(TLSError("handshake"))])), "tls"),
    (IgnoreRequest("Forbidden by robots.txt"), "robots"),
    (IgnoreRequest("max redirections reached"), "too many redirects"),
    (IgnoreRequest("Ignored <200 http://x.gov.cn/> because its body (102400 B compressed, 20971521 B "
                   "decompressed so far) exceeded DOWNLOAD_MAXSIZE (20971520 B) during decompression."), "too large"),
    (DownloadCancelledError("Cancelling download of http://x.gov.cn/: expected response size (52428800) "
                            "larger than download max size (20971520)."), "too large"),
    (wrapped(DownloadFailedError("x"), ResponseFailed([Failure(ParseError("wrong number of parts", b"SSH-2.0"))])),
     "bad response"),
    (zlib.error("Error -3 while decompressing data: incorrect header check"), "decoding"),
    (IgnoreRequest("filtered"), "other: IgnoreRequest"),
    (ValueError("boom"), "other: ValueError"),
])
def test_error_kind(exc, kind):
    assert error_kind(exc) == kind


@pytest.mark.parametrize("exc, ours", [
    (RuntimeError("a bug"), True), (KeyError("x"), True), (TypeError("x"), True), (AttributeError("x"), True),
    (ConnectionResetError(), False), (TimeoutError(), False), (tx_error.TimeoutError(), False),
    (ResponseNeverReceived([Failure(tx_error.ConnectionLost())]), False), (TLSError("handshake"), False),
])
def test_a_bug_of_ours_is_told_from_the_sites_answer(exc, ours):
    """A request that failed on our bug is no broken link or unreachable site (crawler.spiders.portal)."""
    assert is_our_bug(exc) is ours


@pytest.mark.parametrize("stat", ["spider_exceptions/count", INTERNAL_ERRORS])
def test_a_crawl_with_pages_left_unread_by_a_bug_is_partial(stat):
    from netcheck import crawlstate

    state = crawlstate.from_stats({"finish_reason": "finished", "stats": {stat: 2}})
    assert state["complete"] is False and "程序出错" in state["reason_cn"]
    assert crawlstate.from_stats({"finish_reason": "finished", "stats": {}})["complete"] is True
