"""Why a fetch got no answer, as the short word stored in PageRecord.error.

Scrapy wraps Twisted's exceptions in its own (DownloadTimeoutError …) and
Twisted wraps TLS and reset errors in ResponseFailed(reasons=[…]), so the whole
chain of causes is searched. The table is ordered: the first kind whose
exception types appear anywhere in the chain wins (TLS before reset, because a
failed handshake also loses the connection).
"""
from __future__ import annotations

from scrapy import exceptions as scrapy_errors
from scrapy.exceptions import IgnoreRequest
from twisted.internet import error as tx_error

try:  # pyOpenSSL is how Twisted does TLS; without it there are no TLS errors to name
    from OpenSSL.SSL import Error as _TLSError
except ImportError:  # pragma: no cover
    _TLSError = ()


def _scrapy(name: str) -> tuple[type[BaseException], ...]:
    """Scrapy's own wrapper exception, on Scrapy versions that have it (2.13+); older ones raise Twisted's."""
    found = getattr(scrapy_errors, name, None)
    return (found,) if isinstance(found, type) else ()


ERROR_KINDS: tuple[tuple[str, tuple[type[BaseException], ...]], ...] = (
    ("timeout", (*_scrapy("DownloadTimeoutError"), tx_error.TimeoutError, tx_error.TCPTimedOutError, TimeoutError)),
    ("dns", (*_scrapy("CannotResolveHostError"), tx_error.DNSLookupError)),
    ("refused", (*_scrapy("DownloadConnectionRefusedError"), tx_error.ConnectionRefusedError, ConnectionRefusedError)),
    ("tls", tuple(t for t in (_TLSError, tx_error.SSLError) if isinstance(t, type))),
    ("reset", (tx_error.ConnectionLost, tx_error.ConnectionDone, ConnectionResetError,
               *_scrapy("ResponseDataLossError"))),
)
ROBOTS_MESSAGE = "robots.txt"  # IgnoreRequest("Forbidden by robots.txt") from RobotsTxtMiddleware


def _chain(exc: BaseException):
    """`exc` and every exception it wraps: __cause__, __context__, Twisted's .reasons."""
    todo, seen = [exc], set()
    while todo:
        current = todo.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        todo.extend([current.__cause__, current.__context__])
        for reason in getattr(current, "reasons", None) or []:  # twisted Failures
            todo.append(getattr(reason, "value", reason))


def error_kind(exc: BaseException) -> str:
    """'timeout' 'dns' 'refused' 'tls' 'reset' 'robots', or 'other: <ExceptionType>'."""
    if isinstance(exc, IgnoreRequest) and ROBOTS_MESSAGE in str(exc):
        return "robots"
    chain = list(_chain(exc))
    for kind, types in ERROR_KINDS:
        if any(isinstance(item, types) for item in chain):
            return kind
    return f"other: {type(exc).__name__}"
