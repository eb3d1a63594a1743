import pytest
from OpenSSL.SSL import Error as TLSError
from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadConnectionRefusedError,
    DownloadFailedError,
    DownloadTimeoutError,
    IgnoreRequest,
)
from twisted.internet import error as tx_error
from twisted.python.failure import Failure
from twisted.web._newclient import ResponseNeverReceived

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
    (IgnoreRequest("max redirections reached"), "other: IgnoreRequest"),
    (ValueError("boom"), "other: ValueError"),
])
def test_error_kind(exc, kind):
    assert error_kind(exc) == kind
