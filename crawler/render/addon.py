"""The add-on (ADDONS) that makes a crawl able to render: scrapy-playwright's download handler for
http and https, driving the browser crawler.render.browser finds.

Installed only when the crawl plan allows rendering (render_budget > 0) and a browser is there, so a
crawl that cannot render never imports Playwright. The handler passes every request without
request.meta['playwright'] to Scrapy's own HTTP handler; the browser is launched for the first
request that has it (crawler.render.spidermiddleware sets it on scripted pages alone), and with
scrapy-playwright >= 0.0.48 not even Playwright's driver starts before then (crawler.render.provider).
The PLAYWRIGHT_* settings themselves are declared in crawler.settings; this adds the executable path.
"""
from __future__ import annotations

from crawler.plan import SETTING as PLAN_SETTING
from crawler.render.browser import renderer

HANDLER = "scrapy_playwright.handler.ScrapyPlaywrightDownloadHandler"


class Rendering:
    def update_settings(self, settings) -> None:
        if not settings.get(PLAN_SETTING):
            return  # no crawl plan: the spider refuses to start and says why
        browser, _unavailable = renderer(settings)
        if browser is None:
            return  # rendering off, or unavailable: RenderScripted says so in the crawl's stats
        handlers = settings.getdict("DOWNLOAD_HANDLERS")
        settings.set("DOWNLOAD_HANDLERS", {**handlers, "http": HANDLER, "https": HANDLER},
                     priority=max(settings.getpriority("DOWNLOAD_HANDLERS") or 0, 15))
        options = settings.getdict("PLAYWRIGHT_LAUNCH_OPTIONS")
        if not options.get("executable_path"):  # a -s PLAYWRIGHT_LAUNCH_OPTIONS naming one wins
            settings.set("PLAYWRIGHT_LAUNCH_OPTIONS", {**options, "executable_path": browser},
                         priority=settings.getpriority("PLAYWRIGHT_LAUNCH_OPTIONS") or "project")
