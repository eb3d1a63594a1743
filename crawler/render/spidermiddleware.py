"""RenderScripted (SPIDER_MIDDLEWARES): which pages are fetched again in the browser, and the record of it.

A page's record is emitted as read, always: whatever happens next, the crawl has one record for every
URL it fetched. When the record is `scripted` (crawler.extract.scripted: its list is drawn in the
browser) this middleware decides, once per URL:

1. Its script names same-site data URLs that the spider asked for with GET (further pages of its list,
   crawler.extract.jsonlist): wait for their answers. One read as a list with entries settles the page
   (its column is judged from that list); when every answer is unreadable, go on to 2. Answers that
   never come (a failed or dropped request) are given up on when the crawl is otherwise idle.
2. Render: the page is asked for again (same URL, dont_filter, not from the HTTP cache) with
   request.meta['playwright'], so scrapy-playwright's download handler draws it in headless Chromium
   (crawler.render.addon) and the spider turns the drawn DOM into a record like any other. That record
   is marked `rendered`; it comes after the first one in pages.jsonl, and the stored crawl keeps a
   URL's last record (checks.crawltables), so it replaces the unrendered one for the checks. Should
   the render fail, nothing replaces it (crawler.render.downloadermiddleware).

No render request goes out when the plan's render_budget is 0 (rendering off), when that many pages
were rendered already, or when there is no browser: the page keeps its `scripted` record and the
checks say its column "could not verify". The crawl's stats say how many pages were rendered and
why the others were not (netcheck/render/*, kept in crawl.json by netcheck.crawlstate); the first
page that cannot be rendered for want of a browser or budget is also logged, once, in one line.
"""
from __future__ import annotations

import logging

from scrapy import signals
from scrapy.exceptions import DontCloseSpider
from scrapy.http import Request

from crawler.extract.links import is_internal
from crawler.extract.urls import canonical_url
from crawler.items import PageRecord
from crawler.plan import CrawlPlan
from crawler.render.browser import SETTLE_SECONDS, renderer, settle

logger = logging.getLogger(__name__)

# request.meta: a render of a page already recorded as read, with the KEPT_FIELDS of its first record
RENDER = "netcheck_render"
# The request meta a render keeps from the page's own request: where the page sits in the crawl.
KEPT_META = ("netcheck_referer", "netcheck_start", "netcheck_depth", "netcheck_list", "depth")
# Stats (crawl.json's "render", netcheck.crawlstate): the plan's budget and the browser, pages rendered,
# pages that needed rendering and did not get it and why, pages settled by their data read with GET.
STAT = "netcheck/render/"
UNAVAILABLE = STAT + "unavailable"  # why there is no browser (set here, or by RenderFailures on a failed launch)
DROPPED = STAT + "dropped"  # render requests RenderFailures dropped (failed renders and launches)
# Fields of a page's first record that its rendered record keeps when it has none of its own: facts
# about the fetch, not the DOM (the home page's certificate problem, crawler.extensions.certificate).
KEPT_FIELDS = ("certificate_error",)


class RenderScripted:
    def __init__(self, crawler, plan: CrawlPlan, browser: str | None, unavailable: str | None, timeout: float):
        self.crawler = crawler
        self.stats = crawler.stats
        self.plan = plan
        self.budget = plan.render_budget  # 0 = rendering off
        self.browser = browser  # None: not rendering (off, or unavailable)
        self.timeout = timeout  # NETCHECK_RENDER_TIMEOUT: seconds a page may take to load in the browser
        self.requested = 0  # render requests sent
        self.decided: set[str] = set()  # page URLs decided on: each page is rendered once at most
        self.waiting: dict[str, dict] = {}  # page URL → how to render it, while its data answers are awaited
        self.awaited: dict[str, set[str]] = {}  # page URL → its data URLs not answered yet
        self.waiters: dict[str, set[str]] = {}  # data URL → the pages awaiting its answer
        self.logged: set[str] = set()
        if unavailable:
            self.stats.set_value(UNAVAILABLE, unavailable)

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        browser, unavailable = renderer(settings)
        middleware = cls(crawler, CrawlPlan.from_settings(settings), browser, unavailable,
                         settings.getfloat("NETCHECK_RENDER_TIMEOUT"))
        crawler.stats.set_value(STAT + "budget", middleware.budget)
        if browser:
            crawler.stats.set_value(STAT + "browser", browser)
        crawler.signals.connect(middleware.spider_idle, signal=signals.spider_idle)
        crawler.signals.connect(middleware.spider_closed, signal=signals.spider_closed)
        return middleware

    # --- the spider's output, one response at a time ------------------------------------------------------

    def process_spider_output(self, response, result, spider=None):
        page = None
        asked: set[str] = set()
        for output in result:
            page, asked = self._note(response, output, page, asked)
            yield output
            if isinstance(output, PageRecord) and output.url in self.waiters:
                yield from self._answered(output)
        yield from self._decide(response, page, asked)

    async def process_spider_output_async(self, response, result, spider=None):
        page = None
        asked: set[str] = set()
        async for output in result:
            page, asked = self._note(response, output, page, asked)
            yield output
            if isinstance(output, PageRecord) and output.url in self.waiters:
                for request in self._answered(output):
                    yield request
        for request in self._decide(response, page, asked):
            yield request

    def _note(self, response, output, page: PageRecord | None, asked: set[str]):
        """(the response's page record, the URLs of the requests it sent) after one more output."""
        if isinstance(output, PageRecord) and page is None:
            page = output  # the spider yields a page's record before its requests
            if RENDER in response.meta and not page.rendered:
                page.rendered = True
                for name, value in response.meta[RENDER].items():
                    if getattr(page, name) is None:
                        setattr(page, name, value)
                self.stats.inc_value(STAT + "rendered")
        elif isinstance(output, Request):
            asked.add(output.url)
        return page, asked

    def _decide(self, response, record: PageRecord | None, asked: set[str]):
        """The render request for this response's page: now, later (once its data answers are in), or never."""
        if record is None or not self._needs_render(record, response):
            return
        self.decided.add(record.url)
        how = self._how(record, response)
        wanted = {canonical_url(url) for url in record.data_urls}
        awaited = {url for url in wanted if url in asked or url in self.waiters}  # asked for, here or by another page
        if not awaited:
            yield from self._render(how)
            return
        self.waiting[record.url], self.awaited[record.url] = how, awaited
        for url in awaited:
            self.waiters.setdefault(url, set()).add(record.url)

    def _needs_render(self, record: PageRecord, response) -> bool:
        if not record.scripted or record.rendered or RENDER in response.meta or record.url in self.decided:
            return False
        if record.status != 200 or record.error is not None:
            return False
        site = getattr(getattr(self.crawler.spider, "frontier", None), "site", None)
        return is_internal(response.url, site.url if site else self.plan.start_url)

    def _answered(self, answer: PageRecord):
        """A data URL's answer: read as a list with entries, it settles the pages that named it; when
        every answer of a page is unreadable, the page is rendered."""
        readable = answer.page_type == "list" and bool(answer.entries)
        for page in self.waiters.pop(answer.url, ()):
            if page not in self.awaited:
                continue
            if readable:
                self._forget(page)
                self.stats.inc_value(STAT + "read_from_data")
                continue
            self.awaited[page].discard(answer.url)
            if not self.awaited[page]:
                yield from self._render(self._forget(page))

    def _forget(self, page: str) -> dict:
        for url in self.awaited.pop(page, ()):
            self.waiters.get(url, set()).discard(page)
        return self.waiting.pop(page)

    # --- rendering, or why not ------------------------------------------------------------------------------

    def _render(self, how: dict):
        """The render request, or nothing (the reason counted) when the page cannot be rendered."""
        self.stats.inc_value(STAT + "needed")
        why = self._why_not()
        if why:
            self.stats.inc_value(STAT + "unrendered/" + why)
            return
        self.requested += 1
        self.stats.inc_value(STAT + "requested")
        yield self._render_request(how)

    def _why_not(self) -> str | None:
        if not self.budget:
            return "off"
        unavailable = self.stats.get_value(UNAVAILABLE)
        if unavailable or not self.browser:
            self._log_once("unavailable", f"无法用浏览器渲染（{unavailable}）：由脚本生成列表的页面按原样记录，相关栏目记为未核实")
            return "unavailable"
        if self.requested >= self.budget:
            self._log_once("budget", f"渲染页数已达上限（{self.budget} 页）：其余由脚本生成列表的页面未渲染，"
                                     f"相关栏目记为未核实（可用 --render N 调整）")
            return "over_budget"
        return None

    def _log_once(self, key: str, message: str) -> None:
        if key not in self.logged:
            self.logged.add(key)
            logger.warning(message)

    @staticmethod
    def _how(record: PageRecord, response) -> dict:
        """What a render of the page needs from its first fetch (kept small while it waits)."""
        meta = {key: response.meta[key] for key in KEPT_META if key in response.meta}
        if record.redirects:  # the record keeps the URL first asked for (crawler.extract.page.build_record)
            meta["redirect_urls"] = list(record.redirects)
        meta[RENDER] = {name: getattr(record, name) for name in KEPT_FIELDS if getattr(record, name) is not None}
        return {"url": record.final_url or record.url, "meta": meta, "callback": response.request.callback,
                "priority": response.request.priority}

    def _render_request(self, how: dict) -> Request:
        from scrapy_playwright.page import PageMethod  # only when rendering: Playwright is not imported otherwise

        return Request(how["url"], callback=how["callback"], errback=None, priority=how["priority"], dont_filter=True,
                       meta={**how["meta"],
                             "playwright": True,  # scrapy-playwright's handler draws this one (crawler.render.addon)
                             "playwright_page_goto_kwargs": {"wait_until": "load", "timeout": self.timeout * 1000},
                             "playwright_page_methods": [PageMethod(settle, min(SETTLE_SECONDS, self.timeout))],
                             "dont_cache": True,  # the HTTP cache holds the page as sent, under the same fingerprint
                             "dont_retry": True,  # one try: a failed render leaves the page as read
                             "dont_redirect": True})  # the browser follows redirects itself

    # --- the end of the crawl ---------------------------------------------------------------------------------

    def spider_idle(self):
        """Pages still waiting for data answers that will not come (a failed or dropped request): render them now."""
        if not self.waiting:
            return
        pages = list(self.waiting)
        sent = False
        for page in pages:
            for request in self._render(self._forget(page)):
                self.crawler.engine.crawl(request)
                sent = True
        self.waiters.clear()
        if sent:
            raise DontCloseSpider

    def spider_closed(self):
        # Pages the crawl ended before rendering (a page or time budget, Ctrl-C): still waiting for their
        # data answers, or asked for in the browser and not drawn yet.
        for _page in self.waiting:
            self.stats.inc_value(STAT + "needed")
        undrawn = self.requested - (self.stats.get_value(STAT + "rendered") or 0) - (self.stats.get_value(DROPPED) or 0)
        if self.waiting or undrawn > 0:
            self.stats.inc_value(STAT + "unrendered/crawl_ended", len(self.waiting) + max(undrawn, 0))
