"""A spider middleware that misbehaves on one site's responses only, for the isolation tests of
`netcheck audit --sites`: set for every site of the run (-s SPIDER_MIDDLEWARES), it picks its site by
the host:port in NETCHECK_TEST_CRASH ("raise@HOST:PORT[#N]", "fail@…" or "kill@…"), from its Nth response on.

raise: reading the site's pages raises, as a bug in the spider's callback would (Scrapy: spider_exceptions).
fail: the request fails before its page is read, on a bug of ours (the spider's errback gets a RuntimeError).
kill: the whole crawling process dies (SIGKILL) at the site's Nth response, as on a crash in native code
or the kernel's OOM killer: whatever else that process was crawling dies with it.
"""
from __future__ import annotations

import os
import signal
from urllib.parse import urlsplit

import crawler.settings


class CrashOnSite:
    def __init__(self) -> None:
        self.how, _, where = os.environ.get("NETCHECK_TEST_CRASH", "").partition("@")
        self.netloc, _, nth = where.partition("#")
        self.nth = int(nth or 1)
        self.seen = 0

    def _ours(self, response) -> bool:
        return bool(self.netloc) and urlsplit(response.url).netloc == self.netloc

    def process_spider_input(self, response, spider=None):
        if self._ours(response):
            self.seen += 1
            if self.how == "fail" and self.seen >= self.nth:
                raise RuntimeError("netcheck test: a bug before this site's page is read")
            if self.how == "kill" and self.seen >= self.nth:
                os.kill(os.getpid(), signal.SIGKILL)
        return None

    def _check(self, response) -> None:
        if self.how == "raise" and self._ours(response) and self.seen >= self.nth:
            raise RuntimeError("netcheck test: a bug in reading this site's pages")

    def process_spider_output(self, response, result, spider=None):
        self._check(response)
        yield from result

    async def process_spider_output_async(self, response, result, spider=None):
        self._check(response)
        async for output in result:
            yield output


def middlewares_setting() -> str:
    """SPIDER_MIDDLEWARES as a -s value: the project's own, and this one first in line."""
    import json

    return json.dumps({**crawler.settings.SPIDER_MIDDLEWARES, "crashmw.CrashOnSite": 10})
