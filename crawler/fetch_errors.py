"""Why a fetch got no answer, as the short word stored in PageRecord.error.

Scrapy wraps Twisted's exceptions in its own (DownloadTimeoutError …) and
Twisted wraps TLS and reset errors in ResponseFailed(reasons=[…]), so the whole
chain of causes is searched. The table is ordered: the first kind whose
exception types appear anywhere in the chain wins (TLS before reset, because a
failed handshake also loses the connection).

Some failures are only told apart by their message: Scrapy raises IgnoreRequest both for
robots.txt and for too many redirects, and a cancelled download for a body over
DOWNLOAD_MAXSIZE (while decompressing, or announced by a robots.txt's Content-Length).
"""
from __future__ import annotations

import zlib

from scrapy import exceptions as scrapy_errors
from scrapy.exceptions import IgnoreRequest
from twisted.internet import error as tx_error
from twisted.web import _newclient as tx_client

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
    # Bytes that are not HTTP (a status line Twisted cannot parse): before 'reset', because
    # the parser then drops the connection too.
    ("bad response", (tx_client.ParseError,)),
    ("reset", (tx_error.ConnectionLost, tx_error.ConnectionDone, ConnectionResetError,
               *_scrapy("ResponseDataLossError"))),
    # Content-Encoding: gzip (or deflate) over a body that is not: a browser shows nothing either.
    ("decoding", (zlib.error,)),
)
# (kind, words in the message) for the failures only their message names.
MESSAGE_KINDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("robots", ("robots.txt",)),  # IgnoreRequest("Forbidden by robots.txt") from RobotsTxtMiddleware
    ("too many redirects", ("max redirections reached",)),  # RedirectMiddleware, past REDIRECT_MAX_TIMES
    ("too large", ("DOWNLOAD_MAXSIZE", "download max size")),  # HttpCompressionMiddleware, http11 handler
)
_MESSAGE_TYPES = (IgnoreRequest, *_scrapy("DownloadCancelledError"))


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
    """'timeout' 'dns' 'refused' 'tls' 'bad response' 'reset' 'decoding' 'robots' 'too many redirects'
    'too large', or 'other: <ExceptionType>'. ('too large' is also set by the spider itself, on a
    record that has its status: crawler.spiders.portal.)"""
    chain = list(_chain(exc))
    for item in chain:
        if isinstance(item, _MESSAGE_TYPES):
            for kind, words in MESSAGE_KINDS:
                if any(word in str(item) for word in words):
                    return kind
    for kind, types in ERROR_KINDS:
        if any(isinstance(item, types) for item in chain):
            return kind
    return f"other: {type(exc).__name__}"


# Stat: requests that failed on a bug of ours (is_our_bug): their pages were never read.
INTERNAL_ERRORS = "netcheck/internal_errors"
# Our own code's modules: an exception raised there is a bug of ours, not the site's answer.
OWN_MODULES = ("crawler.", "checks.", "netcheck.", "reports.")


def is_our_bug(exc: BaseException) -> bool:
    """Whether a request failed on a bug of ours (a Python error outside the network stack: KeyError,
    RuntimeError … or one of our modules' own) rather than on what the site did. A network error from a
    library we do not map stays the site's ('other: …'); an OSError (ConnectionError, TimeoutError) is the
    network's."""
    if isinstance(exc, OSError):
        return False
    module = type(exc).__module__
    return module == "builtins" or module.startswith(OWN_MODULES)
