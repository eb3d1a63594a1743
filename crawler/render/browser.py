"""Which browser renders, what a rendered page waits for and what it does not load.

The browser is the system's Chromium (Debian's `chromium`), driven by Playwright through its
executable path (PLAYWRIGHT_LAUNCH_OPTIONS in crawler.settings holds its switches): nothing is
downloaded (no `playwright install`). NETCHECK_BROWSER names it; unset,
the first of BROWSER_NAMES on PATH is used. Without one (or without scrapy-playwright), rendering is
unavailable: scripted pages stay as read, and the run says why (crawler.render.spidermiddleware).
"""
from __future__ import annotations

import importlib.util
import os
import shutil

from crawler.plan import CrawlPlan

# Looked for on PATH, in this order, when NETCHECK_BROWSER is not set.
BROWSER_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
# What a rendered page does not load: the list is text drawn from data, never from these.
ABORTED_RESOURCES = frozenset({"image", "media", "font"})
# After the page's load event, its scripts' data requests are waited for until the network has been
# quiet for half a second (Playwright's "networkidle"), at most this long; then the DOM is read as is.
SETTLE_SECONDS = 5.0


def find_browser(setting: str | None) -> tuple[str | None, str | None]:
    """(executable path, None), or (None, why not) in Chinese: NETCHECK_BROWSER as given (a path, or a
    name looked up on PATH), else the first of BROWSER_NAMES on PATH."""
    if setting:
        path = shutil.which(setting) if os.sep not in setting else setting
        if path and os.path.isfile(path) and os.access(path, os.X_OK):
            return path, None
        return None, f"浏览器不存在或不可执行：{setting}"
    for name in BROWSER_NAMES:
        path = shutil.which(name)
        if path:
            return path, None
    return None, f"未找到浏览器（{'、'.join(BROWSER_NAMES)}，可用 NETCHECK_BROWSER 指定）"


def renderer(settings) -> tuple[str | None, str | None]:
    """(browser path, None) when this crawl renders scripted pages; (None, why not) when its plan allows
    rendering but it cannot; (None, None) when the plan does not ask for it (render_budget 0)."""
    if not CrawlPlan.from_settings(settings).render_budget:
        return None, None
    if importlib.util.find_spec("scrapy_playwright") is None:
        return None, "未安装 scrapy-playwright"
    return find_browser(settings.get("NETCHECK_BROWSER"))


def abort_request(request) -> bool:
    """PLAYWRIGHT_ABORT_REQUEST: True for what a rendered page need not load (images, media, fonts)."""
    return request.resource_type in ABORTED_RESOURCES


async def settle(page, seconds: float = SETTLE_SECONDS) -> None:
    """A page method (scrapy_playwright.page.PageMethod(settle)): wait for the page's data requests to
    end, at most `seconds`; a page that keeps polling is read as drawn so far."""
    try:
        await page.wait_for_load_state("networkidle", timeout=seconds * 1000)
    except Exception:  # noqa: BLE001 - Playwright's TimeoutError: read what is there
        pass
