"""Many sites' crawls in one Scrapy process, a few at a time.

A provincial office audits hundreds of sites; each is crawled politely (a few requests at a time),
so one site's crawl is mostly waiting. Here every crawl is its own Crawler (its own settings,
downloader slots, politeness, stats and pages.jsonl) on one shared reactor: `in_flight` of them
run at once and the next starts as soon as one ends, so the process is never idle while sites
are left and imports are paid once. A crawl that fails to start or dies ends alone: its callback
is told, the others go on. Ctrl-C / SIGTERM stops every running crawl the way Scrapy stops one
(finish reason 'shutdown'); the ones not started are reported as not run.
"""
from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from scrapy.crawler import Crawler, CrawlerProcess

from crawler.plan import CrawlPlan
from crawler.run import crawl_result, crawl_settings, plan_settings, quiet_known_noise
from crawler.spiders.portal import PortalSpider


@dataclass
class CrawlJob:
    """One site's crawl: its plan, where its records go, and its Scrapy setting overrides."""
    plan: CrawlPlan
    out_path: Path
    settings: dict[str, Any] = field(default_factory=dict)


# on_start(index) before a job's crawl begins; on_done(index, result, error): result as
# crawler.run.run_crawl returns it, or None with the error's text when the crawl could not run.
OnStart = Callable[[int], None]
OnDone = Callable[[int, "dict[str, Any] | None", "str | None"], None]


def run_crawls(jobs: list[CrawlJob], in_flight: int, on_done: OnDone, on_start: OnStart | None = None,
               process_settings: dict[str, Any] | None = None) -> list[int]:
    """Crawl every job, at most `in_flight` at once, in one reactor; returns the indexes of the jobs never
    started (the process was stopped first). Reactor-wide settings (reactor, logging) come from
    `process_settings`; each job's own from its settings."""
    quiet_known_noise()
    process = CrawlerProcess(crawl_settings(process_settings))
    waiting = deque(range(len(jobs)))
    running: set[int] = set()
    stopping = [False]

    def start(index: int) -> None:
        running.add(index)
        if on_start is not None:
            on_start(index)
        job = jobs[index]
        try:
            crawler = _new_crawler(process, plan_settings(job.plan, job.out_path, job.settings))
            deferred = process.crawl(crawler)
        except Exception as exc:  # a job whose settings or spider cannot be built ends alone
            finished(index, None, f"{type(exc).__name__}: {exc}")
            return
        deferred.addCallbacks(lambda _, i=index, c=crawler: finished(i, c, None),
                              lambda failure, i=index, c=crawler: finished(i, c, failure))

    def start_next() -> None:
        while waiting and len(running) < max(1, in_flight) and not stopping[0]:
            start(waiting.popleft())

    def finished(index: int, crawler, failure) -> None:
        running.discard(index)
        if crawler is None:
            on_done(index, None, failure)
        elif failure is not None and not crawler.stats.get_stats():  # it never began: no stats, no records
            on_done(index, None, failure.getErrorMessage())
        else:
            # A crawl that raised inside Scrapy still has its stats and its records: as run_crawl reports it.
            on_done(index, crawl_result(crawler), None)
        if _reactor_running():
            start_next()
        if not running and (not waiting or stopping[0]):
            _stop()

    if waiting:
        # The first crawl is set going before the reactor runs: creating it installs the project's reactor,
        # which nothing may import before (crawler.settings TWISTED_REACTOR).
        start(waiting.popleft())
    _on_shutdown(process, stopping)
    if running or waiting:
        from twisted.internet import reactor  # installed by the first crawl, above

        reactor.callWhenRunning(start_next)  # the rest start from inside the reactor, as crawls end
        process.start(stop_after_crawl=False)
    return list(waiting)


def _new_crawler(process: CrawlerProcess, settings) -> Crawler:
    # As CrawlerProcess.create_crawler does for its own settings: the first crawler installs the reactor.
    init_reactor = not getattr(process, "_initialized_reactor", True)
    process._initialized_reactor = True
    return Crawler(PortalSpider, settings, init_reactor=init_reactor)


def _reactor_running() -> bool:
    from twisted.internet import reactor

    return reactor.running


def _on_shutdown(process: CrawlerProcess, stopping: list[bool]) -> None:
    # Scrapy's own signal handler stops every running crawler gracefully; no more start after it.
    original = process._signal_shutdown

    def shutdown(signum, frame):
        stopping[0] = True
        original(signum, frame)

    process._signal_shutdown = shutdown


def _stop() -> None:
    from twisted.internet import reactor

    def stop():
        from twisted.internet.error import ReactorNotRunning

        try:  # several crawls that fail at once each ask; the first stop is the one
            reactor.stop()
        except ReactorNotRunning:
            pass

    reactor.callLater(0, stop)
