"""Crawl progress on the console: pages fetched, queue, errors, rate, time.

An audit of a large portal runs for many minutes with the log quiet (LOG_LEVEL WARNING), so
without this the console shows nothing until the end. On a terminal the extension redraws one
status line every TTY_REFRESH seconds and erases it when the crawl ends; elsewhere (a CI log,
a multi-site audit's audit.log) a redrawn line would be garbage, so it writes a plain line
every NETCHECK_PROGRESS_INTERVAL seconds instead:

    netcheck: 已抓取 120 个地址，待抓取 35 个，出错 2 个，8.1 个/秒，用时 15 秒

The first line comes one interval after the start, so a short crawl (`netcheck demo`) prints none.
It writes to stderr directly, not through logging: the log is quiet by default and progress
must show anyway.
"""
from __future__ import annotations

import logging
import sys
import time
from collections import deque
from dataclasses import dataclass

from scrapy import signals
from scrapy.exceptions import NotConfigured
from scrapy.utils.asyncio import create_looping_call

TTY_REFRESH = 0.5  # seconds between redraws on a terminal: lively, yet cheap
# pages/s is averaged over this many seconds: recent enough to show a server slowing down,
# long enough not to jump with every batch of answers.
RATE_WINDOW = 10.0
CLEAR_LINE = "\r\x1b[K"  # back to the line's start and erase it (any ANSI terminal, Windows 10+ too)


@dataclass(frozen=True)
class Snapshot:
    pages: int  # records written (answers and failures), as the run's summary counts them
    queued: int  # requests waiting in the scheduler
    errors: int  # records with no HTTP answer (timeout, refused, robots …)
    rate: float  # pages per second over the last RATE_WINDOW seconds
    elapsed: float  # seconds since the spider opened


# The line and the time units, Chinese unless the crawl is given others (NETCHECK_PROGRESS_FORMAT,
# NETCHECK_PROGRESS_UNITS: the command line passes them in the user's language, netcheck.i18n).
FORMAT = "netcheck: 已抓取 {pages} 个地址，待抓取 {queued} 个，出错 {errors} 个，{rate:.1f} 个/秒，用时 {elapsed}"
UNITS = ("秒", "分", "小时")  # seconds, minutes, hours


def format_status(s: Snapshot, template: str = FORMAT, units: tuple[str, str, str] = UNITS) -> str:
    return template.format(pages=s.pages, queued=s.queued, errors=s.errors, rate=s.rate,
                           elapsed=format_elapsed(s.elapsed, units))


def format_elapsed(seconds: float, units: tuple[str, str, str] = UNITS) -> str:
    """'15 秒', '3 分 05 秒', '1 小时 02 分' (with units ('s', 'min', 'h'): '15 s', '3 min 05 s', '1 h 02 min')."""
    second, minute, hour = units
    seconds = int(seconds)
    if seconds < 60:
        return f"{seconds} {second}"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes} {minute} {seconds:02d} {second}"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} {hour} {minutes:02d} {minute}"


class Progress:
    """Scrapy extension. NETCHECK_PROGRESS_INTERVAL: seconds between plain lines when stderr is
    not a terminal; 0 turns progress off altogether (terminal or not)."""

    def __init__(self, crawler, interval: float, stream, tty: bool, clock=time.monotonic,
                 template: str = FORMAT, units: tuple[str, str, str] = UNITS):
        self.crawler, self.interval, self.stream, self.tty, self.clock = crawler, interval, stream, tty, clock
        self.template, self.units = template, units
        self.task = None
        self.started = 0.0
        self.samples: deque[tuple[float, int]] = deque()
        self.shown = False  # a status line is on the terminal now
        self.log_guard = _ClearBeforeLog(self)

    @classmethod
    def from_crawler(cls, crawler):
        interval = crawler.settings.getfloat("NETCHECK_PROGRESS_INTERVAL")
        if interval <= 0:
            raise NotConfigured
        stream = sys.stderr
        tty = _isatty(stream)
        units = tuple(crawler.settings.getlist("NETCHECK_PROGRESS_UNITS") or UNITS)
        ext = cls(crawler, TTY_REFRESH if tty else interval, stream, tty,
                  template=crawler.settings.get("NETCHECK_PROGRESS_FORMAT") or FORMAT,
                  units=units if len(units) == 3 else UNITS)
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def spider_opened(self, spider) -> None:
        self.started = self.clock()
        self.samples = deque([(self.started, 0)])
        if self.tty:  # a log line must not be written onto the end of the status line
            for handler in logging.getLogger().handlers:
                handler.addFilter(self.log_guard)
        self.task = create_looping_call(self.show)
        self.task.start(self.interval, now=False)

    def spider_closed(self, spider) -> None:
        if self.task is not None and self.task.running:
            self.task.stop()
        for handler in logging.getLogger().handlers:
            handler.removeFilter(self.log_guard)
        self.clear()

    def show(self) -> None:
        line = format_status(self.snapshot(), self.template, self.units)
        if self.tty:
            self.stream.write(CLEAR_LINE + line)
            self.shown = True
        else:
            self.stream.write(line + "\n")
        self.stream.flush()

    def clear(self) -> None:
        if self.shown:
            self.stream.write(CLEAR_LINE)
            self.stream.flush()
            self.shown = False

    def snapshot(self) -> Snapshot:
        now, stats = self.clock(), self.crawler.stats
        pages = stats.get_value("netcheck/records", 0)
        self.samples.append((now, pages))
        while len(self.samples) > 2 and now - self.samples[0][0] > RATE_WINDOW:
            self.samples.popleft()
        since, before = self.samples[0]
        rate = (pages - before) / (now - since) if now > since else 0.0
        return Snapshot(pages=pages, queued=self.queued(), errors=stats.get_value("netcheck/errors", 0),
                        rate=rate, elapsed=now - self.started)

    def queued(self) -> int:
        engine = self.crawler.engine
        scheduler = getattr(engine, "scheduler", None)  # Scrapy ≥ 2.14; before, engine.slot.scheduler
        if scheduler is None:
            scheduler = getattr(getattr(engine, "slot", None), "scheduler", None)
        try:
            return len(scheduler)
        except TypeError:  # a scheduler without __len__: the scheduler's own counters
            stats = self.crawler.stats
            return max(0, stats.get_value("scheduler/enqueued", 0) - stats.get_value("scheduler/dequeued", 0))


class _ClearBeforeLog(logging.Filter):
    """Erases the status line before a log record is written to the terminal; the next redraw
    puts it back under the record."""

    def __init__(self, progress: Progress):
        super().__init__()
        self.progress = progress

    def filter(self, record: logging.LogRecord) -> bool:
        self.progress.clear()
        return True


def _isatty(stream) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):  # no isatty, or a closed stream
        return False
