"""Scrapy's duplicate filter, except for the hop after a redirect.

With the stock filter, when /old redirects to /new and /new was already
fetched, the redirected request is silently dropped: /old then has no record
at all, and the audit never learns that the link worked. Redirect hops are
therefore always let through (they are still remembered, so a later plain link
to /new is not fetched again).
"""
from __future__ import annotations

from scrapy.dupefilters import RFPDupeFilter
from scrapy.http import Request


class RedirectAwareDupeFilter(RFPDupeFilter):
    def request_seen(self, request: Request) -> bool:
        seen = super().request_seen(request)  # always records the fingerprint
        return seen and not request.meta.get("redirect_urls")
