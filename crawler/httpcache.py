"""HTTP cache policy for repeat audits: every page is asked for again, conditionally.

An audit must see the site as it is today, so nothing is ever served from the cache
unasked (Scrapy's RFC2616 policy would trust a page for 10% of its age). Every cached
page is revalidated with If-None-Match / If-Modified-Since; an unchanged page costs a
304 with no body, and a scheduled re-audit of an unchanged site downloads a fraction of
the bytes. A server error is recorded as the error it is, never papered over with the
cached copy.
"""
from __future__ import annotations

from scrapy.extensions.httpcache import RFC2616Policy
from scrapy.http import Request, Response


class RevalidatePolicy(RFC2616Policy):
    def should_cache_response(self, response: Response, request: Request) -> bool:
        # Only answers that can be revalidated are worth storing, and only whole ones: a body the
        # spider cut off (a file's, or one past DOWNLOAD_MAXSIZE) would come back from a 304 as if whole.
        if "download_stopped" in response.flags:
            return False
        if response.status not in (200, 203) or b"no-store" in self._parse_cachecontrol(response):
            return False
        return b"ETag" in response.headers or b"Last-Modified" in response.headers

    def is_cached_response_fresh(self, cachedresponse: Response, request: Request) -> bool:
        self._set_conditional_validators(request, cachedresponse)
        return False

    def is_cached_response_valid(self, cachedresponse: Response, response: Response, request: Request) -> bool:
        return response.status == 304
