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

from crawler.fetch_errors import error_kind


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
