"""Honour robots.txt's Crawl-delay, which Scrapy reads but does not apply.

Scrapy's RobotsTxtMiddleware obeys Allow/Disallow only; its parsers expose `crawl_delay()`
and it sends the `robots_parsed` signal, but nothing acts on the delay. Government sites do set
it (`Crawl-delay: 5` is common on TRS and Hanweb installs), and an audit by the office that
audits must keep to it. So when a host's robots.txt names a delay for our agent (or for `*`),
that host's download slot waits at least that long between requests:

- the delay is put on the slot each time a request reaches the downloader, because Scrapy
  drops idle slots after a minute and makes new ones with the default delay;
- AutoThrottle is told not to adjust those requests (it would lower the delay to its minimum);
- the slot's random jitter is turned off (0.5×–1.5× of the delay would go below it).

A delay above NETCHECK_CRAWL_DELAY_MAX is held to that maximum (a site asking for an hour
between pages could not be audited at all); the stats say so (netcheck/crawl_delay_capped).
"""
from __future__ import annotations

from scrapy import signals
from scrapy.exceptions import NotConfigured

DEFAULT_MAX_DELAY = 60.0


class CrawlDelayMiddleware:
    def __init__(self, crawler):
        settings = crawler.settings
        if not settings.getbool("ROBOTSTXT_OBEY"):
            raise NotConfigured
        self.crawler = crawler
        self.agent = settings.get("ROBOTSTXT_USER_AGENT") or settings.get("USER_AGENT") or "*"
        self.max_delay = settings.getfloat("NETCHECK_CRAWL_DELAY_MAX", DEFAULT_MAX_DELAY)
        self.delays: dict[str, float] = {}  # download slot key (the host) → seconds
        crawler.signals.connect(self.robots_parsed, signal=signals.robots_parsed)
        crawler.signals.connect(self.request_reached_downloader, signal=signals.request_reached_downloader)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def robots_parsed(self, robotparser, request, **kwargs) -> None:
        delay = robotparser.crawl_delay(self.agent) if hasattr(robotparser, "crawl_delay") else None
        if not delay or delay <= 0:
            return
        stats = self.crawler.stats
        if delay > self.max_delay:
            stats.set_value("netcheck/crawl_delay_capped", delay)
            delay = self.max_delay
        self.delays[self.crawler.engine.downloader.get_slot_key(request)] = delay
        stats.max_value("netcheck/crawl_delay", delay)

    def process_request(self, request, spider=None):
        # Read when the response arrives: AutoThrottle leaves these requests' slot delay alone.
        if self.delays and self.crawler.engine.downloader.get_slot_key(request) in self.delays:
            request.meta["autothrottle_dont_adjust_delay"] = True
        return None

    def request_reached_downloader(self, request, **kwargs) -> None:
        downloader = self.crawler.engine.downloader
        key = downloader.get_slot_key(request)
        delay = self.delays.get(key)
        slot = downloader.slots.get(key)
        if delay is None or slot is None:
            return
        slot.delay = max(slot.delay, delay)
        if hasattr(slot, "jitter"):
            slot.jitter = 0.0
        else:  # Scrapy before 2.14
            slot.randomize_delay = False
