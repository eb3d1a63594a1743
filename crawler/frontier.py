"""The frontier: what this process asks for, chosen by the setting NETCHECK_FRONTIER as Scrapy's
SCHEDULER and DUPEFILTER_CLASS are.

The spider turns responses into records and says which links it would follow; the frontier
gives the crawl its start requests, decides which of those links are asked for, and knows what
counts as "this site". Three of them, one per way a crawl is carried out:

- `crawler.frontier.LocalFrontier`      one process, a fresh crawl (the default)
- `crawler.resume.ResumedFrontier`      one process continuing the crawl recorded in the plan's
                                        resume_from (crawler.run picks it when there is one)
- `crawler.distributed.RedisFrontier`   several processes sharing one crawl through Redis

Scrapy's scheduler and dupefilter stay the authority on the queue and on duplicates; a frontier
remembers the URLs this process asked for only to count them (CLOSESPIDER_PAGECOUNT alone
overshoots by every request already queued in the downloader, so the plan's max_pages also caps
what is asked for) and to spare the dupefilter the URLs it was already asked about. The trap
guards (crawler.traps) refuse what no crawl should ask for.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from crawler.items import Link
from crawler.plan import CrawlPlan
from crawler.traps import TrapGuard


class Site:
    """What counts as this site: the start URL's host, or where the start page redirected to when
    that is another host (a portal that moved domains); and the home page's name, learnt from the
    first response. In one process, nothing to share."""

    def __init__(self, url: str, name: str | None = None):
        self.url, self.name = url, name

    def refresh(self) -> None:
        """Learn what the process that fetched the home page found (here: this one)."""

    def publish(self) -> None:
        """Tell the other processes of the crawl what the home page said (here: there are none)."""


class LocalFrontier:
    """One process: Scrapy's own scheduler and dupefilter, the start request, the page budget on what
    is asked for, and the trap guards."""

    def __init__(self, crawler, plan: CrawlPlan):
        self.crawler = crawler
        self.plan = plan
        self.site = Site(plan.start_url)
        self.traps = TrapGuard.from_crawler(crawler)
        # No more links are asked for once this many URLs were (None: no cap).
        self.budget: int | None = plan.max_pages
        self.requested: set[str] = set()  # URLs asked for so far (counted; the dupefilter decides)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler, CrawlPlan.from_settings(crawler.settings))

    def start_requests(self, spider) -> Iterator:
        self.requested.add(self.plan.start_url)
        yield spider.start_request()

    def claim(self, links: Iterable[Link]) -> Iterator[Link]:
        """The links, among those the spider would follow, that are to be asked for now (each once)."""
        for link in links:
            if link.url in self.requested:
                continue
            if self.budget and len(self.requested) >= self.budget:
                # The crawl then ends "finished" with links never followed: say it was cut short.
                self.crawler.stats.set_value("netcheck/capped", True)
                return
            if not self.traps.allows(link.url):
                continue
            self.requested.add(link.url)
            yield link
