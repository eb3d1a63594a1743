"""Scrapy's RetryMiddleware, waiting as long as the server asks before retrying 429 and 503.

A rate-limited (429) or overloaded (503) government server often says when to come
back (`Retry-After: 30`, or an HTTP date). Scrapy's own middleware retries at once,
which only earns another 429: the link then goes into the audit as unverified, or
the page as broken, for the auditor's impatience. Here the retry waits that long
first, without holding up other requests (the wait is an async sleep in the
middleware, not in the download slot). A wait longer than RETRY_AFTER_MAX is not
waited: the answer is kept as it came and recorded with its status.

Everything else is Scrapy's: RETRY_TIMES, RETRY_HTTP_CODES, retried timeouts,
`dont_retry` and `max_retry_times` in request meta.
"""
from __future__ import annotations

from datetime import datetime, timezone
from email.utils import parsedate_to_datetime

from scrapy.downloadermiddlewares.retry import RetryMiddleware, get_retry_request
from scrapy.http import Request, Response
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.response import response_status_message

RETRY_AFTER_STATUSES = frozenset({429, 503})  # the statuses RFC 9110 pairs with Retry-After


def retry_after_seconds(value: bytes | str | None, now: datetime | None = None) -> float | None:
    """Seconds a Retry-After header asks to wait (delay-seconds or HTTP-date), or None when unreadable."""
    if not value:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:  # HTTP dates are GMT; a date without a zone is read as such
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - (now or datetime.now(timezone.utc))).total_seconds())


async def _sleep(seconds: float) -> None:
    # deferLater works on every Twisted reactor, the asyncio one (Scrapy's default) included.
    from twisted.internet import reactor, task

    await maybe_deferred_to_future(task.deferLater(reactor, seconds, lambda: None))


class RetryAfterMiddleware(RetryMiddleware):
    def __init__(self, settings):
        super().__init__(settings)
        self.retry_after_max = settings.getfloat("RETRY_AFTER_MAX", 60.0)

    @classmethod
    def from_crawler(cls, crawler):
        middleware = cls(crawler.settings)
        middleware.crawler = crawler
        return middleware

    def _retry_request(self, request: Request, response: Response) -> Request | None:
        # get_retry_request is Scrapy's public API (the parent's _retry changed signature across 2.x).
        return get_retry_request(
            request,
            spider=self.crawler.spider,
            reason=response_status_message(response.status),
            max_retry_times=request.meta.get("max_retry_times", self.max_retry_times),
            priority_adjust=request.meta.get("priority_adjust", self.priority_adjust),
        )

    async def process_response(self, request: Request, response: Response, spider=None) -> Request | Response:
        if request.meta.get("dont_retry", False) or response.status not in self.retry_http_codes:
            return response
        wait = None
        if response.status in RETRY_AFTER_STATUSES:
            wait = retry_after_seconds(response.headers.get(b"Retry-After"))
        if wait is not None and wait > self.retry_after_max:
            self.crawler.stats.inc_value("netcheck/retry_after/too_long")
            return response
        retry = self._retry_request(request, response)
        if retry is None:  # retries used up: the answer is recorded as it is
            return response
        if wait:
            self.crawler.stats.inc_value("netcheck/retry_after/waited")
            await _sleep(wait)
        return retry
