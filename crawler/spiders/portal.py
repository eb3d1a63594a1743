"""The `portal` spider: every page and file of one government portal, recorded as found.

    scrapy crawl portal -s NETCHECK_PLAN=https://www.example.gov.cn/
    scrapy crawl portal -s 'NETCHECK_PLAN={"start_url": "https://…", "max_pages": 500, "check_external": true}'

What to crawl is the crawl plan (crawler.plan), given as the setting NETCHECK_PLAN by every entry point.

Each fetched URL yields exactly one PageRecord, whatever happened: a page, a
404, a file checked with HEAD, or a failure (timeout, refused, robots.txt …).
Internal pages are fetched with GET and parsed; internal files and anything
that does not look like a page are checked with HEAD (GET when the server
refuses HEAD, stopped once the headers are in). External links are recorded on
the page that holds them; with check_external each target is also fetched once, with
GET cut off at NETCHECK_EXTERNAL_MAXSIZE, after the internal pages, and never followed
nor parsed as a page of the site: its record keeps only what the target shows
(`external`: title, the start of its text, the hosts it draws from; crawler.extract.external),
for link.hijacked. Further pages of a
column list that the page builds in script (tag 'pagination') are fetched too, with GET,
and carry the column page's name (PageRecord.list_of); so is the same-site JSON a scripted
list page names as its data (crawler.extract.jsonlist reads it into entries). Nothing is
judged here.

How the crawl is carried out is not the spider's business: the frontier (NETCHECK_FRONTIER:
crawler.frontier, crawler.resume, crawler.distributed) gives the start requests, decides which
links are asked for (each once, within the page budget, past the trap guards of crawler.traps)
and knows what counts as this site, whether the crawl is fresh, resumed or shared.

Two facts come from components beside the spider: a body over DOWNLOAD_MAXSIZE is cut off
by crawler.downloadermiddlewares.bodysize and recorded here with its status and error 'too
large'; the home page's certificate is checked by crawler.extensions.certificate and recorded
here on its record (certificate_error).

Internal attachments that hold words (PDF, Word, Excel, WPS) are asked for with GET instead of HEAD
by crawler.spidermiddlewares.attachments (up to NETCHECK_ATTACHMENT_MAX_BYTES, from the same download
slot); parse_attachment reads their text into the record (crawler.extract.attachments; PageRecord.attachment
says whether and why not), in a thread: a long PDF does not hold up the downloads under way.
"""
from __future__ import annotations

from datetime import datetime, timezone

import scrapy
from scrapy.http import Request, Response
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.log import failure_to_exc_info
from scrapy.utils.misc import build_from_crawler, load_object
from twisted.internet.threads import deferToThread

from crawler.downloadermiddlewares.bodysize import ATTACHMENT_TOO_LARGE, EXTERNAL, TOO_LARGE
from crawler.extensions.certificate import VERDICT as CERTIFICATE_VERDICT
from crawler.extract.encoding import response_text
from crawler.extract.external import external_target
from crawler.extract.attachments import TOO_LARGE as FILE_TOO_LARGE, read_file
from crawler.extract.links import extension, is_internal, looks_like_html
from crawler.extract.page import build_record, is_html_response
from crawler.extract.pagination import MAX_LIST_PAGES
from crawler.fetch_errors import INTERNAL_ERRORS, error_kind, is_our_bug
from crawler.items import Link, PageRecord
from crawler.plan import SETTING as PLAN_SETTING, CrawlPlan
from crawler.spidermiddlewares.searchprobe import PROBE as SEARCH_PROBE

# Statuses with which servers refuse HEAD although GET would work.
HEAD_REFUSED_STATUSES = frozenset({400, 403, 405, 501})
FOLLOWED_KINDS = frozenset({"internal", "attachment"})
# Below every internal page (DepthMiddleware lowers those by their depth): external
# targets are checked once the site itself has been seen, so a page or time budget
# is spent on the site first.
EXTERNAL_PRIORITY = -1000


class PortalSpider(scrapy.Spider):
    name = "portal"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # All set in from_crawler, from the settings.
        self.plan: CrawlPlan | None = None  # what to crawl (NETCHECK_PLAN)
        self.frontier = None  # what to ask for, and what the site is (NETCHECK_FRONTIER, crawler.frontier)
        self.max_list_pages = MAX_LIST_PAGES  # NETCHECK_MAX_LIST_PAGES
        self.depth_limit = 0  # DEPTH_LIMIT

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        settings = crawler.settings
        spider.plan = CrawlPlan.from_settings(settings)
        spider.frontier = build_from_crawler(load_object(settings["NETCHECK_FRONTIER"]), crawler)
        spider.depth_limit = settings.getint("DEPTH_LIMIT")
        spider.max_list_pages = settings.getint("NETCHECK_MAX_LIST_PAGES", MAX_LIST_PAGES)
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
        yield from self.frontier.start_requests(self)

    def start_request(self, dont_filter: bool = False) -> Request:
        """The request for the home page (the frontier decides when to ask for it)."""
        return self._request(self.plan.start_url, "GET", referer=None, start=True).replace(
            callback=self.parse_start, dont_filter=dont_filter)

    def _request(self, url: str, method: str, *, referer: str | None, start: bool = False, **meta) -> Request:
        return Request(
            url,
            method=method,
            callback=self.parse,
            errback=self.on_error,
            meta={"netcheck_referer": referer, "netcheck_start": start, **meta},
        )

    async def parse_start(self, response: Response):
        """The start page: parse(), with the verdict on its certificate when one is being fetched
        for it (crawler.extensions.certificate)."""
        pending = response.meta.get(CERTIFICATE_VERDICT)
        problem = await maybe_deferred_to_future(pending) if pending is not None else None
        recorded = False
        for output in self.parse(response):
            if isinstance(output, PageRecord) and not recorded:  # parse() yields the page's record first
                output.certificate_error, recorded = problem, True
            yield output

    async def parse_attachment(self, response: Response):
        """An attachment fetched to be read (crawler.spidermiddlewares.attachments asks for it): parse(), with
        the words of the file on its record, read in a thread."""
        reading, text = None, ""
        if response.meta.get(ATTACHMENT_TOO_LARGE):
            reading = {"type": None, "read": False, "why": FILE_TOO_LARGE, "chars": 0, "cut": False}
        elif response.status == 200 and response.body and not is_html_response(response):
            found = await maybe_deferred_to_future(deferToThread(read_file, response.body, extension(response.url)))
            reading = {"type": found.type, "read": found.read, "why": found.why, "chars": len(found.text), "cut": False}
            text = found.text
        recorded = False
        for output in self.parse(response):
            if isinstance(output, PageRecord) and not recorded:  # parse() yields the record first
                recorded = True
                if reading is not None:
                    output.attachment = reading
                    output.text = text if reading["read"] else ""
            yield output

    def parse(self, response: Response):
        meta = response.meta
        site = self.frontier.site
        depth = meta.get("netcheck_depth", meta.get("depth", 0))
        if response.request.method == "HEAD" and response.status in HEAD_REFUSED_STATUSES:
            # DepthMiddleware would drop a retry one level deeper than allowed; record the HEAD answer then.
            if not self.depth_limit or depth + 1 <= self.depth_limit:
                url = (meta.get("redirect_urls") or [response.request.url])[0]
                priority = 0 if is_internal(url, site.url) else EXTERNAL_PRIORITY
                yield self._request(url, "GET", referer=meta.get("netcheck_referer"), netcheck_headers_only=True,
                                    netcheck_depth=depth).replace(dont_filter=True, priority=priority)
                return

        is_start = meta.get("netcheck_start", False)
        if not is_start:
            site.refresh()  # in a shared crawl, the home page may have been fetched elsewhere
        if is_start and not is_internal(response.url, self.plan.start_url):
            site.url = response.url
        external = meta.get(EXTERNAL)  # another site's page: its fetch facts, not its content (below)
        record = build_record(response.replace(body=b"") if external else response, site_url=site.url,
                              site_name=None if is_start else site.name, max_list_pages=self.max_list_pages)
        if external and response.body and is_html_response(response.replace(flags=[])):
            record.external = external_target(response_text(response), response.url)
        record.depth = depth
        record.referer = meta.get("netcheck_referer")
        if meta.get(TOO_LARGE):  # cut off by crawler.downloadermiddlewares.bodysize
            record.error = "too large"
        _continue_list(record, meta.get("netcheck_list"))
        if is_start and record.is_html:
            site.name = record.meta.get("SiteName") or record.title or None
        if is_start:
            site.publish()
        self.crawler.stats.inc_value("netcheck/records")
        # Claimed before anything is yielded: Scrapy consumes this generator one output at a
        # time (CONCURRENT_ITEMS), and a page parsed meanwhile must not claim these links first,
        # or a page would be recorded deeper than it is, from a later referer.
        follow = []
        if record.status == 200 and record.is_html and is_internal(response.url, site.url):
            follow = list(self.follow_links(record, response.url))
        yield record
        yield from follow

    def follow_links(self, record: PageRecord, page_url: str):
        """Requests for the links of one recorded internal page that the frontier has still to ask for."""
        followed = (link for link in record.links
                    if link.kind in FOLLOWED_KINDS or (link.kind == "external" and self.plan.check_external))
        for link in self.frontier.claim(followed):
            yield self._link_request(link, record, page_url)

    def _link_request(self, link: Link, record: PageRecord, page_url: str) -> Request:
        if link.kind == "external":  # its answer, and what it shows now (a domain gone to a casino)
            return self._request(link.url, "GET", referer=page_url, **{EXTERNAL: True}).replace(
                priority=EXTERNAL_PRIORITY)
        if link.tag == "pagination":
            # A further page of a list is read (GET), whatever its name: a TRS index_1.html, a Hanweb
            # dataproxy.jsp, the JSON a scripted page draws its list from (crawler.extract.jsonlist).
            # The column this list page continues is handed on to it.
            return self._request(link.url, "GET", referer=page_url, netcheck_list={
                "url": record.list_of or page_url, "column": record.column, "breadcrumb": record.breadcrumb})
        method = "GET" if link.kind == "internal" and looks_like_html(link.url) else "HEAD"
        return self._request(link.url, method, referer=page_url)

    def on_error(self, failure):
        request = failure.request
        if is_our_bug(failure.value):
            # A bug of ours on this page is no answer of the site's: no record saying it failed (that would be
            # a broken link, or an unreachable site, found on our fault); the page stays unread, and the crawl
            # is partial for it (netcheck.crawlstate).
            self.crawler.stats.inc_value(INTERNAL_ERRORS)
            self.logger.error("netcheck 内部错误，页面未能读取：%s", request.url, exc_info=failure_to_exc_info(failure))
            return
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
            search_probe=request.meta.get(SEARCH_PROBE),  # the crawl's one search (crawler.spidermiddlewares.searchprobe)
        )


def _continue_list(record: PageRecord, column_page: dict | None) -> None:
    """Mark a further list page with the column page it continues, and take that page's
    column and breadcrumb where it has none of its own (a data-proxy answer is bare XML)."""
    if not column_page:
        return
    record.list_of = column_page["url"]
    record.column = record.column or column_page.get("column")
    record.breadcrumb = record.breadcrumb or list(column_page.get("breadcrumb") or [])
