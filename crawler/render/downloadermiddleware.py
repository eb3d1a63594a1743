"""RenderFailures (DOWNLOADER_MIDDLEWARES): a render that fails replaces nothing.

A render request (crawler.render.spidermiddleware) asks again for a page already recorded as read. If
the browser cannot draw it (the browser does not launch, the page does not load within
NETCHECK_RENDER_TIMEOUT, it crashes) or the server answers it with anything but 200, the request is
dropped here (IgnoreRequest; a render has no errback, so no error record is made): the page's first
record stands, `scripted`, and its column "could not verify". A broken link must not be reported
for a page that answered a moment ago, nor a browser's trouble taken for the site's.

A browser that fails to launch is unavailable for the rest of the crawl: the reason goes into the
stats (netcheck/render/unavailable), the spider middleware asks for no further renders, and the run
says why its scripted pages were not rendered. Each failure is logged in one line, without
scrapy-playwright's traceback.
"""
from __future__ import annotations

import logging

from scrapy.exceptions import IgnoreRequest

from crawler.render.spidermiddleware import DROPPED, RENDER, STAT, UNAVAILABLE

logger = logging.getLogger(__name__)
# scrapy-playwright's count of browsers started: a render that fails while it is 0 failed to start one
# (Playwright's message for that varies by version: "BrowserType.launch: …" since 1.4x, bare before).
BROWSERS_STARTED = "playwright/browser_count"


class RenderFailures:
    def __init__(self, stats):
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler):
        playwright_log = logging.getLogger("scrapy-playwright")
        if not any(isinstance(f, _OneLineFailures) for f in playwright_log.filters):
            playwright_log.addFilter(_OneLineFailures())
        return cls(crawler.stats)

    def process_response(self, request, response, spider=None):
        if RENDER in request.meta and response.status != 200:
            self._failed(request, f"HTTP {response.status}")
            self.stats.inc_value(DROPPED)
            raise IgnoreRequest(f"render answered {response.status}")
        return response

    def process_exception(self, request, exception, spider=None):
        if RENDER not in request.meta:
            return None
        message = (str(exception).strip().splitlines() or [type(exception).__name__])[0][:200]
        if not self.stats.get_value(BROWSERS_STARTED):
            self._no_browser(message)
        else:
            self._failed(request, message)
        self.stats.inc_value(DROPPED)
        raise IgnoreRequest(f"render failed: {message}")

    def _failed(self, request, why: str) -> None:
        self.stats.inc_value(STAT + "failed")
        logger.warning("页面渲染失败，按未渲染记录：%s（%s）", request.url, why)

    def _no_browser(self, why: str) -> None:
        """The browser did not start: no page is rendered from now on; said once (renders sent before
        the first launch failed fail the same way)."""
        self.stats.inc_value(STAT + "unrendered/unavailable")
        if not self.stats.get_value(UNAVAILABLE):
            self.stats.set_value(UNAVAILABLE, f"浏览器无法启动：{why}")
            logger.warning("浏览器无法启动（%s）：由脚本生成列表的页面按原样记录，相关栏目记为未核实", why)


class _OneLineFailures(logging.Filter):
    """scrapy-playwright logs a failed page with its traceback; RenderFailures says it in one line."""

    def filter(self, record: logging.LogRecord) -> bool:
        if str(record.msg).startswith("Closing page due to failed request"):
            return False
        return True
