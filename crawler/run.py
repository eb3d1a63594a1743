"""Run the portal spider in-process and write pages.jsonl.

Twisted's reactor starts once per process and cannot be restarted, so
`run_crawl` can be called once per process (the CLI does exactly that; tests
run it in a subprocess).
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from crawler.plan import CrawlPlan
from crawler.spiders.portal import PortalSpider


def crawl_settings(overrides: dict[str, Any] | None = None) -> Settings:
    """The project settings (crawler.settings) with `overrides` on top, as `-s NAME=VALUE` would set them.

    Loaded by module name, not through scrapy.cfg, so this works from any directory.
    """
    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    settings.setdict(overrides or {}, priority="cmdline")
    return settings


def run_crawl(
    plan: CrawlPlan,
    out_path: Path | None,
    settings: dict[str, Any] | None = None,
    *,
    distributed: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Carry out `plan` (crawler.plan) and write one PageRecord per line to `out_path` (JSON lines, UTF-8).

    `settings` are Scrapy setting overrides; the plan reaches the crawl as the setting NETCHECK_PLAN,
    as it does from every entry point. Its `max_pages` bounds the crawl (CLOSESPIDER_PAGECOUNT),
    `max_seconds` its duration (CLOSESPIDER_TIMEOUT: the crawl then ends as usual, pages.jsonl
    written, finish_reason 'closespider_timeout'); `check_external` also checks each external link
    target once; `resume_from` (`out_path` itself) continues the crawl already recorded there
    (crawler.resume) and appends to it. Returns the crawl's stats:
    {'pages': records written, 'errors': records with no HTTP answer,
     'elapsed': seconds, 'finish_reason': Scrapy's reason, e.g. 'finished' or
     'closespider_pagecount', 'stats': Scrapy's full stats dict}.
    An unreachable site is not an exception: it yields a record with its error.
    `distributed` ({'redis_url', 'site_key', 'role', 'idle_wait'}) shares the crawl through Redis
    (crawler.distributed): role 'coordinator' seeds it and drains every process's records into
    `out_path`; role 'worker' (out_path None) only crawls from the shared queue.
    """
    crawl = plan_settings(plan, out_path, settings, distributed=distributed)
    quiet_known_noise()
    process = CrawlerProcess(crawl)
    crawler = process.create_crawler(PortalSpider)
    process.crawl(crawler)
    process.start()
    return crawl_result(crawler)


def plan_settings(plan: CrawlPlan, out_path: Path | None, settings: dict[str, Any] | None = None, *,
                  distributed: dict[str, Any] | None = None) -> Settings:
    """The settings of one crawl of `plan` writing its records to `out_path` (see run_crawl)."""
    crawl = crawl_settings(settings)
    crawl.setdict(plan.as_setting(), priority="cmdline")
    resume = plan.resume_from is not None
    if resume:
        crawl.set("NETCHECK_FRONTIER", "crawler.resume.ResumedFrontier", priority="cmdline")
    if distributed is not None:  # its own frontier, resuming too (crawler.distributed.RedisFrontier)
        from crawler.distributed import apply

        apply(crawl, distributed, out_path, resume)
    else:
        out_path = Path(out_path)
        out_path.parent.mkdir(parents=True, exist_ok=True)
        crawl.set(
            "FEEDS",
            {str(out_path.resolve()): {"format": "pagerecords", "encoding": "utf-8", "overwrite": not resume}},
            priority="cmdline",
        )
    return crawl


def quiet_known_noise() -> None:
    """Log filters for the lines whose facts the page records already hold (once per process)."""
    for name, kind in (("scrapy.downloadermiddlewares.retry", _GaveUpRetrying),
                       ("scrapy.downloadermiddlewares.robotstxt", _RobotsUnreachable)):
        logger = logging.getLogger(name)
        if not any(isinstance(f, kind) for f in logger.filters):
            logger.addFilter(kind())


def crawl_result(crawler) -> dict[str, Any]:
    """What run_crawl returns, from a crawler that has ended."""
    stats = crawler.stats.get_stats()
    return {
        "pages": stats.get("netcheck/drained", stats.get("netcheck/records", 0)),
        "errors": stats.get("netcheck/errors", 0),
        "elapsed": stats.get("elapsed_time_seconds"),
        "finish_reason": stats.get("finish_reason"),
        "stats": {key: (value.isoformat() if hasattr(value, "isoformat") else value) for key, value in stats.items()},
    }


class _GaveUpRetrying(logging.Filter):
    """Scrapy logs an ERROR when it gives up retrying a 5xx; the page record already holds that
    answer and the audit reports it as a finding, so the line is noise on the console."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("Gave up retrying")


class _RobotsUnreachable(logging.Filter):
    """RobotsTxtMiddleware logs an ERROR with a full traceback when robots.txt cannot be fetched
    (a refused or silent server). The pages' own records say what failed and the audit reports
    it (site.unreachable, link.broken); one line without the traceback is enough."""

    def filter(self, record: logging.LogRecord) -> bool:
        if str(record.msg).startswith("Error downloading"):
            record.exc_info, record.exc_text, record.levelno, record.levelname = None, None, logging.WARNING, "WARNING"
        return True
