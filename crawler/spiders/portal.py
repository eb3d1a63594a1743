"""The `portal` spider: every page and file of one government portal, recorded as found.

    scrapy crawl portal -a start_url=https://www.example.gov.cn/ [-a max_pages=500]

Each fetched URL yields exactly one PageRecord, whatever happened: a page, a
404, a file checked with HEAD, or a failure (timeout, refused, robots.txt …).
Internal pages are fetched with GET and parsed; internal files and anything
that does not look like a page are checked with HEAD (GET when the server
refuses HEAD, stopped once the headers are in). External links are recorded on
the page that holds them but not fetched. Nothing is judged here.
"""
from __future__ import annotations

from datetime import datetime, timezone

import scrapy
from scrapy import signals
from scrapy.exceptions import StopDownload
from scrapy.http import Request, Response

from crawler.extract.links import is_internal, looks_like_html
from crawler.extract.page import build_record
from crawler.fetch_errors import error_kind
from crawler.items import PageRecord

# Statuses with which servers refuse HEAD although GET would work.
HEAD_REFUSED_STATUSES = frozenset({400, 403, 405, 501})
FOLLOWED_KINDS = frozenset({"internal", "attachment"})


class PortalSpider(scrapy.Spider):
    name = "portal"

    def __init__(self, start_url: str | None = None, max_pages: int | str | None = None, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not start_url:
            raise ValueError("the portal spider needs a start URL: -a start_url=https://…")
        self.start_url = start_url if "://" in start_url else f"http://{start_url}"
        self.max_pages = int(max_pages) if max_pages else None
        # What counts as "this site": the start URL's host, or where the start page
        # redirected to when that is another host (a portal that moved domains).
        self.site_url = self.start_url
        self.site_name: str | None = None  # the home page's name, learnt from the first response
        self.depth_limit = 0
        # URLs asked for so far. CLOSESPIDER_PAGECOUNT alone overshoots by every request
        # already queued in the downloader, so max_pages also caps what we ask for.
        # Scrapy's dupefilter stays the authority on duplicates; this set only counts.
        self.requested: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        # Settings are still open here (frozen right after the spider is built).
        if spider.max_pages:
            crawler.settings.set("CLOSESPIDER_PAGECOUNT", spider.max_pages, priority="spider")
        spider.depth_limit = crawler.settings.getint("DEPTH_LIMIT")
        crawler.signals.connect(spider.on_headers_received, signal=signals.headers_received)
        return spider

    async def start(self):
        for request in self.start_requests():
            yield request

    def start_requests(self):
        # Scrapy < 2.13 calls this one; newer versions call start() above.
        self.requested.add(self.start_url)
        yield self._request(self.start_url, "GET", referer=None, start=True)

    def _request(self, url: str, method: str, *, referer: str | None, start: bool = False, **meta) -> Request:
        return Request(
            url,
            method=method,
            callback=self.parse,
            errback=self.on_error,
            meta={"netcheck_referer": referer, "netcheck_start": start, **meta},
        )

    def on_headers_received(self, headers, body_length, request, **kwargs) -> None:
        """Stop downloading bodies we will not parse: files reached by GET, HEAD fallbacks.

        Only our own requests: robots.txt (text/plain) must arrive whole.
        """
        if "netcheck_referer" not in request.meta:
            return
        content_type = (headers.get(b"Content-Type") or b"").lower()
        if request.meta.get("netcheck_headers_only") or (content_type and b"html" not in content_type):
            raise StopDownload(fail=False)

    def parse(self, response: Response):
        meta = response.meta
        depth = meta.get("netcheck_depth", meta.get("depth", 0))
        if response.request.method == "HEAD" and response.status in HEAD_REFUSED_STATUSES:
            # DepthMiddleware would drop a retry one level deeper than allowed; record the HEAD answer then.
            if not self.depth_limit or depth + 1 <= self.depth_limit:
                url = (meta.get("redirect_urls") or [response.request.url])[0]
                yield self._request(url, "GET", referer=meta.get("netcheck_referer"),
                                    netcheck_headers_only=True, netcheck_depth=depth).replace(dont_filter=True)
                return

        is_start = meta.get("netcheck_start", False)
        if is_start and not is_internal(response.url, self.start_url):
            self.site_url = response.url
        record = build_record(response, site_url=self.site_url, site_name=None if is_start else self.site_name)
        record.depth = depth
        record.referer = meta.get("netcheck_referer")
        if is_start and record.is_html:
            self.site_name = record.meta.get("SiteName") or record.title or None
        self.crawler.stats.inc_value("netcheck/records")
        yield record

        if record.status == 200 and record.is_html and is_internal(response.url, self.site_url):
            for link in record.links:
                if link.kind not in FOLLOWED_KINDS or link.url in self.requested:
                    continue
                if self.max_pages and len(self.requested) >= self.max_pages:
                    break
                self.requested.add(link.url)
                method = "GET" if link.kind == "internal" and looks_like_html(link.url) else "HEAD"
                yield self._request(link.url, method, referer=response.url)

    def on_error(self, failure):
        request = failure.request
        chain = list(request.meta.get("redirect_urls", []))
        self.crawler.stats.inc_value("netcheck/records")
        self.crawler.stats.inc_value("netcheck/errors")
        yield PageRecord(
            url=chain[0] if chain else request.url,
            redirects=chain,
            method=request.method,
            error=error_kind(failure.value),
            depth=request.meta.get("netcheck_depth", request.meta.get("depth", 0)),
            referer=request.meta.get("netcheck_referer"),
            fetched_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
        )
