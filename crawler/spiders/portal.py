"""The `portal` spider: every page and file of one government portal, recorded as found.

    scrapy crawl portal -s NETCHECK_PLAN=https://www.example.gov.cn/
    scrapy crawl portal -s 'NETCHECK_PLAN={"start_url": "https://…", "max_pages": 500, "check_external": true}'

What to crawl is the crawl plan (crawler.plan), given as the setting NETCHECK_PLAN by every entry point.

Each fetched URL yields exactly one PageRecord, whatever happened: a page, a
404, a file checked with HEAD, or a failure (timeout, refused, robots.txt …).
Internal pages are fetched with GET and parsed; internal files and anything
that does not look like a page are checked with HEAD (GET when the server
refuses HEAD, stopped once the headers are in). External links are recorded on
the page that holds them; with check_external each target is also checked once,
like a file, after the internal pages, and never followed. Further pages of a
column list that the page builds in script (tag 'pagination') are fetched too,
and carry the column page's name (PageRecord.list_of). URLs the trap guards
refuse (crawler.traps) are not fetched. Nothing is judged here.

Two facts need more than the response. A body over DOWNLOAD_MAXSIZE is cut off as soon as
its size is known (Content-Length, or the bytes received so far) and recorded with its
status and error 'too large', instead of Scrapy's bare cancellation, which loses the status.
The home page's certificate is verified against the system's trust store (crawler.tls),
because Scrapy itself never verifies certificates; NETCHECK_CHECK_TLS=False skips that.
"""
from __future__ import annotations

from datetime import datetime, timezone

import scrapy
from scrapy import signals
from scrapy.exceptions import StopDownload
from scrapy.http import Request, Response
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet import threads

from crawler.extract.links import is_internal, looks_like_html
from crawler.extract.page import build_record
from crawler.extract.pagination import MAX_LIST_PAGES
from crawler.fetch_errors import error_kind
from crawler.extract.urls import canonical_url
from crawler.items import Link, PageRecord
from crawler.plan import SETTING as PLAN_SETTING, CrawlPlan
from crawler.resume import record_from_dict, recorded_urls, recover_feed
from crawler.tls import certificate_problem
from crawler.traps import TrapGuard

# Statuses with which servers refuse HEAD although GET would work.
HEAD_REFUSED_STATUSES = frozenset({400, 403, 405, 501})
FOLLOWED_KINDS = frozenset({"internal", "attachment"})
# Below every internal page (DepthMiddleware lowers those by their depth): external
# targets are checked once the site itself has been seen, so a page or time budget
# is spent on the site first.
EXTERNAL_PRIORITY = -1000
_TRUE = frozenset({"1", "true", "yes", "on"})


class PortalSpider(scrapy.Spider):
    name = "portal"

    def __init__(self, *args, seed: bool | str = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan: CrawlPlan | None = None  # NETCHECK_PLAN, read in from_crawler
        self.start_url = ""
        self.max_pages: int | None = None
        self.check_external = False
        self.traps = TrapGuard(enabled=False)  # replaced in from_crawler, where the settings are
        self.max_list_pages = MAX_LIST_PAGES
        # What counts as "this site": the start URL's host, or where the start page
        # redirected to when that is another host (a portal that moved domains).
        self.site_url = self.start_url
        self.site_name: str | None = None  # the home page's name, learnt from the first response
        self.depth_limit = 0
        # URLs asked for so far. CLOSESPIDER_PAGECOUNT alone overshoots by every request
        # already queued in the downloader, so max_pages also caps what we ask for.
        # Scrapy's dupefilter stays the authority on duplicates; this set only counts.
        self.requested: set[str] = set()
        # False in a distributed crawl (crawler.distributed): the shared Redis dupefilter is then the
        # authority, and `requested` only spares it the URLs this process already asked for (or recorded).
        self.local_dedupe = True
        # False for a `netcheck worker`: the coordinator seeds the start request, workers only take from the queue.
        self.seed = seed is True or str(seed).lower() in _TRUE
        # Shared site_url/site_name (crawler.distributed.SiteState) when several processes share one crawl.
        self.site_state = None
        self.resume_from: str | None = None  # a pages.jsonl to continue (crawler.resume)
        self.check_tls = True  # NETCHECK_CHECK_TLS, read in from_crawler
        self.max_bytes = 0  # DOWNLOAD_MAXSIZE, read in from_crawler; 0 = no limit
        self.tls_timeout = 10.0

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.plan = plan = CrawlPlan.from_settings(crawler.settings)
        spider.start_url, spider.max_pages = plan.start_url, plan.max_pages
        spider.check_external, spider.resume_from = plan.check_external, plan.resume_from
        spider.site_url = spider.start_url
        spider.depth_limit = crawler.settings.getint("DEPTH_LIMIT")
        spider.local_dedupe = crawler.settings.getbool("NETCHECK_LOCAL_DEDUPE", True)
        spider.traps = TrapGuard.from_crawler(crawler)
        spider.max_list_pages = crawler.settings.getint("NETCHECK_MAX_LIST_PAGES", MAX_LIST_PAGES)
        spider.max_bytes = crawler.settings.getint("DOWNLOAD_MAXSIZE")
        spider.check_tls = crawler.settings.getbool("NETCHECK_CHECK_TLS", True)
        spider.tls_timeout = crawler.settings.getfloat("DOWNLOAD_TIMEOUT") or spider.tls_timeout
        crawler.signals.connect(spider.on_headers_received, signal=signals.headers_received)
        crawler.signals.connect(spider.on_bytes_received, signal=signals.bytes_received)
        return spider

    @classmethod
    def update_settings(cls, settings):
        """The plan's page and time budgets as Scrapy's CLOSESPIDER_* (a -s on the command line still wins)."""
        super().update_settings(settings)
        if settings.get(PLAN_SETTING):
            settings.setdict(CrawlPlan.from_settings(settings).bounds(), priority="spider")

    async def start(self):
        for request in self.start_requests():
            yield request

    def start_requests(self):
        # Scrapy < 2.13 calls this one; newer versions call start() above.
        if not self.seed:
            return
        if self.resume_from:
            resumed = yield from self._resume()
            if resumed:
                return
        self.requested.add(self.start_url)
        # A resumed distributed crawl may have lost its start request in a stopped worker: ask again.
        yield self._request(self.start_url, "GET", referer=None, start=True).replace(
            callback=self.parse_start, dont_filter=bool(self.resume_from) and not self.local_dedupe)

    def _resume(self):
        """Requests for the frontier of the crawl recorded in resume_from; False when that
        crawl never got its start page (then it simply starts again)."""
        records = recover_feed(self.resume_from)
        start = next((r for r in records if r["url"] in (self.start_url, canonical_url(self.start_url))), None)
        if start is None:
            return False
        self.requested |= recorded_urls(records)
        if start.get("final_url") and not is_internal(start["final_url"], self.start_url):
            self.site_url = start["final_url"]
        self.site_name = (start.get("meta") or {}).get("SiteName") or start.get("title") or None
        self.crawler.stats.set_value("netcheck/resumed_records", len(records))
        for rec in records:
            if rec.get("status") == 200 and rec.get("is_html") and is_internal(rec.get("final_url") or rec["url"],
                                                                              self.site_url):
                page_url = rec.get("final_url") or rec["url"]
                for request in self.follow_links(record_from_dict(rec), page_url):
                    yield request.replace(meta={**request.meta, "depth": (rec.get("depth") or 0) + 1},
                                          dont_filter=request.dont_filter or not self.local_dedupe)
        return True

    def _request(self, url: str, method: str, *, referer: str | None, start: bool = False, **meta) -> Request:
        return Request(
            url,
            method=method,
            callback=self.parse,
            errback=self.on_error,
            meta={"netcheck_referer": referer, "netcheck_start": start, **meta},
        )

    def on_headers_received(self, headers, body_length, request, **kwargs) -> None:
        """Stop downloading bodies we will not parse: files reached by GET, HEAD fallbacks,
        and bodies announced larger than DOWNLOAD_MAXSIZE (recorded as 'too large').

        Only our own requests: robots.txt (text/plain) must arrive whole. XML bodies
        are kept: a Hanweb data proxy answers a list page's further pages in XML.
        """
        if "netcheck_referer" not in request.meta:
            return
        # Per response: a retry, or the next hop of a redirect, starts counting again.
        request.meta["netcheck_bytes"] = 0
        request.meta.pop("netcheck_too_large", None)
        # body_length is Twisted's UNKNOWN_LENGTH (not an int) for a chunked body: on_bytes_received counts those.
        if self.max_bytes and isinstance(body_length, int) and body_length > self.max_bytes:
            request.meta["netcheck_too_large"] = True
            raise StopDownload(fail=False)
        content_type = (headers.get(b"Content-Type") or b"").lower()
        if request.meta.get("netcheck_headers_only") or (
                content_type and b"html" not in content_type and b"xml" not in content_type):
            raise StopDownload(fail=False)

    def on_bytes_received(self, data, request, **kwargs) -> None:
        """Cut off a body without Content-Length (chunked, or a stream that never ends) at
        DOWNLOAD_MAXSIZE, keeping its status, before Scrapy's own limit cancels it without one."""
        if "netcheck_bytes" not in request.meta or not self.max_bytes:
            return
        request.meta["netcheck_bytes"] += len(data)
        if request.meta["netcheck_bytes"] >= self.max_bytes:
            request.meta["netcheck_too_large"] = True
            raise StopDownload(fail=False)

    async def parse_start(self, response: Response):
        """The start page: parse() plus, on https, whether a browser would accept its certificate.
        The check runs in a thread (a blocking TLS handshake must not stall the crawl)."""
        problem = None
        if self.check_tls and response.url.startswith("https://"):
            problem = await maybe_deferred_to_future(
                threads.deferToThread(certificate_problem, response.url, self.tls_timeout))
            self.crawler.stats.set_value("netcheck/certificate", problem or "no problem found")
        recorded = False
        for output in self.parse(response):
            if isinstance(output, PageRecord) and not recorded:  # parse() yields the page's record first
                output.certificate_error, recorded = problem, True
            yield output

    def parse(self, response: Response):
        meta = response.meta
        depth = meta.get("netcheck_depth", meta.get("depth", 0))
        if response.request.method == "HEAD" and response.status in HEAD_REFUSED_STATUSES:
            # DepthMiddleware would drop a retry one level deeper than allowed; record the HEAD answer then.
            if not self.depth_limit or depth + 1 <= self.depth_limit:
                url = (meta.get("redirect_urls") or [response.request.url])[0]
                priority = 0 if is_internal(url, self.site_url) else EXTERNAL_PRIORITY
                yield self._request(url, "GET", referer=meta.get("netcheck_referer"), netcheck_headers_only=True,
                                    netcheck_depth=depth).replace(dont_filter=True, priority=priority)
                return

        is_start = meta.get("netcheck_start", False)
        if self.site_state is not None and not is_start and self.site_name is None:
            self.site_url, self.site_name = self.site_state.get(self.site_url, self.site_name)
        if is_start and not is_internal(response.url, self.start_url):
            self.site_url = response.url
        record = build_record(response, site_url=self.site_url, site_name=None if is_start else self.site_name,
                              max_list_pages=self.max_list_pages)
        record.depth = depth
        record.referer = meta.get("netcheck_referer")
        if meta.get("netcheck_too_large"):
            record.error = "too large"
        _continue_list(record, meta.get("netcheck_list"))
        if is_start and record.is_html:
            self.site_name = record.meta.get("SiteName") or record.title or None
        if is_start and self.site_state is not None:
            self.site_state.put(self.site_url, self.site_name)
        self.crawler.stats.inc_value("netcheck/records")
        # Claimed before anything is yielded: Scrapy consumes this generator one output at a
        # time (CONCURRENT_ITEMS), and a page parsed meanwhile must not claim these links first,
        # or a page would be recorded deeper than it is, from a later referer.
        follow = []
        if record.status == 200 and record.is_html and is_internal(response.url, self.site_url):
            follow = list(self.follow_links(record, response.url))
        yield record
        yield from follow

    def follow_links(self, record: PageRecord, page_url: str):
        """Requests for the links of one recorded internal page that are still to be fetched."""
        for link in record.links:
            followed = link.kind in FOLLOWED_KINDS or (link.kind == "external" and self.check_external)
            if not followed or link.url in self.requested:
                continue
            if self.local_dedupe and self.max_pages and len(self.requested) >= self.max_pages:
                # The crawl then ends "finished" with links never followed: say it was cut short.
                self.crawler.stats.set_value("netcheck/capped", True)
                break
            if not self.traps.allows(link.url):
                continue
            # In a distributed crawl too: a URL this process already asked for is in the shared
            # seen-set, and asking Redis again (a round trip per link) would only be told so.
            self.requested.add(link.url)
            yield self._link_request(link, record, page_url)

    def _link_request(self, link: Link, record: PageRecord, page_url: str) -> Request:
        if link.kind == "external":  # checked like a file: the answer, not the content
            return self._request(link.url, "HEAD", referer=page_url).replace(priority=EXTERNAL_PRIORITY)
        method = "GET" if link.kind == "internal" and looks_like_html(link.url) else "HEAD"
        if link.tag == "pagination":
            # The column this list page continues, handed on to its further pages.
            return self._request(link.url, method, referer=page_url, netcheck_list={
                "url": record.list_of or page_url, "column": record.column, "breadcrumb": record.breadcrumb})
        return self._request(link.url, method, referer=page_url)

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
            list_of=(request.meta.get("netcheck_list") or {}).get("url"),
        )


def _continue_list(record: PageRecord, column_page: dict | None) -> None:
    """Mark a further list page with the column page it continues, and take that page's
    column and breadcrumb where it has none of its own (a data-proxy answer is bare XML)."""
    if not column_page:
        return
    record.list_of = column_page["url"]
    record.column = record.column or column_page.get("column")
    record.breadcrumb = record.breadcrumb or list(column_page.get("breadcrumb") or [])
