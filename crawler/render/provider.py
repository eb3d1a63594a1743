"""PLAYWRIGHT_BROWSER_PROVIDER: Playwright started for the first rendered page, not with the crawl.

scrapy-playwright starts Playwright (its Node.js driver, a process of its own) when the engine
starts and launches the browser for the first page to render. Most audits render nothing: with this
provider they start neither. scrapy-playwright before 0.0.48 has no providers and ignores the
setting: its driver then starts with every crawl that can render (about 0.3 s and 40 MB), the
browser still only for the first rendered page.
"""
from __future__ import annotations

from scrapy_playwright.provider import PlaywrightBrowserProvider


class LazyBrowserProvider(PlaywrightBrowserProvider):
    async def start(self) -> None:
        """Nothing yet: the driver is started by the first launch."""

    async def _started(self) -> None:
        if self.playwright is None:
            await super().start()

    async def launch_browser(self):
        await self._started()
        return await super().launch_browser()

    async def launch_persistent_context(self, context_kwargs: dict):
        await self._started()
        return await super().launch_persistent_context(context_kwargs)
