"""Crawl progress (crawler.extensions.progress): the status line, and what a real crawl prints
when stderr is not a terminal."""
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from scrapy.exceptions import NotConfigured
from scrapy.statscollectors import MemoryStatsCollector
from scrapy.utils.test import get_crawler

from crawler.extensions.progress import CLEAR_LINE, Progress, Snapshot, format_elapsed, format_status

REPO = Path(__file__).resolve().parents[2]
FAST_CRAWL = {"AUTOTHROTTLE_ENABLED": False, "DOWNLOAD_DELAY": 0, "DOWNLOAD_TIMEOUT": 5, "LOG_LEVEL": "WARNING"}
LINE = re.compile(r"^netcheck: 已抓取 (\d+) 个地址，待抓取 (\d+) 个，出错 (\d+) 个，\d+\.\d 个/秒，用时 \d+ 秒$")
ENGLISH = ("netcheck: {pages} pages, {queued} queued, {errors} errors, {rate:.1f}/s, {elapsed}", ("s", "min", "h"))


def test_status_line_is_chinese_unless_given_another_language():
    snapshot = Snapshot(pages=120, queued=35, errors=2, rate=8.14, elapsed=15.7)
    assert format_status(snapshot) == "netcheck: 已抓取 120 个地址，待抓取 35 个，出错 2 个，8.1 个/秒，用时 15 秒"
    assert format_status(snapshot, *ENGLISH) == "netcheck: 120 pages, 35 queued, 2 errors, 8.1/s, 15 s"


@pytest.mark.parametrize("seconds, text, english", [(0, "0 秒", "0 s"), (59.9, "59 秒", "59 s"),
                                                    (60, "1 分 00 秒", "1 min 00 s"), (185, "3 分 05 秒", "3 min 05 s"),
                                                    (3720, "1 小时 02 分", "1 h 02 min")])
def test_elapsed(seconds, text, english):
    assert format_elapsed(seconds) == text and format_elapsed(seconds, ENGLISH[1]) == english


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def progress(tty, scheduler=None, stats=None):
    crawler = SimpleNamespace(stats=stats or MemoryStatsCollector(get_crawler()),
                              engine=SimpleNamespace(scheduler=scheduler))
    stream, clock = io.StringIO(), Clock()
    ext = Progress(crawler, interval=10, stream=stream, tty=tty, clock=clock)
    ext.started = clock()
    ext.samples.append((clock(), 0))
    return ext, crawler.stats, stream, clock


def test_plain_lines_count_records_errors_the_scheduler_queue_and_the_recent_rate():
    ext, stats, stream, clock = progress(tty=False, scheduler=[object()] * 35)
    stats.set_value("netcheck/records", 40)
    clock.now += 5
    ext.show()
    stats.set_value("netcheck/records", 120)
    stats.set_value("netcheck/errors", 2)
    clock.now += 10  # the rate is over the last RATE_WINDOW (10 s): 80 pages in 10 s
    ext.show()
    assert stream.getvalue() == ("netcheck: 已抓取 40 个地址，待抓取 35 个，出错 0 个，8.0 个/秒，用时 5 秒\n"
                                 "netcheck: 已抓取 120 个地址，待抓取 35 个，出错 2 个，8.0 个/秒，用时 15 秒\n")


def test_on_a_terminal_one_line_is_redrawn_and_erased_at_the_end():
    ext, stats, stream, clock = progress(tty=True, scheduler=[])
    stats.set_value("netcheck/records", 3)
    clock.now += 1
    ext.show()
    ext.show()
    ext.clear()
    line = "netcheck: 已抓取 3 个地址，待抓取 0 个，出错 0 个，3.0 个/秒，用时 1 秒"
    assert stream.getvalue() == CLEAR_LINE + line + CLEAR_LINE + line + CLEAR_LINE
    assert "\n" not in stream.getvalue()


def test_without_a_countable_scheduler_the_queue_is_enqueued_minus_dequeued():
    ext, stats, _, _ = progress(tty=False, scheduler=object())
    stats.set_value("scheduler/enqueued", 50)
    stats.set_value("scheduler/dequeued", 42)
    assert ext.queued() == 8


def test_interval_0_turns_progress_off():
    with pytest.raises(NotConfigured):
        Progress.from_crawler(get_crawler(settings_dict={"NETCHECK_PROGRESS_INTERVAL": 0}))


CRAWL = (
    "import json, sys\n"
    "from pathlib import Path\n"
    "from crawler.plan import CrawlPlan\n"
    "from crawler.run import run_crawl\n"
    "start, out, settings = json.loads(sys.argv[1])\n"
    "print(json.dumps(run_crawl(CrawlPlan(start), Path(out), settings=settings)['pages']))\n"
)


def crawl(site_url, tmp_path, settings):
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    args = json.dumps([site_url, str(tmp_path / "pages.jsonl"), {**FAST_CRAWL, **settings}])
    done = subprocess.run([sys.executable, "-c", CRAWL, args], capture_output=True, text=True, cwd=tmp_path,
                          env=env, timeout=60)  # stderr is a pipe here, not a terminal
    assert done.returncode == 0, done.stderr[-3000:]
    return int(done.stdout.strip().splitlines()[-1]), done.stderr.splitlines()


def test_a_crawl_not_on_a_terminal_prints_plain_progress_lines(site_url, tmp_path):
    # One request at a time, 0.15 s apart: the small portal takes over a second, several intervals.
    pages, stderr = crawl(site_url, tmp_path, {"NETCHECK_PROGRESS_INTERVAL": 0.2, "DOWNLOAD_DELAY": 0.15,
                                               "RANDOMIZE_DOWNLOAD_DELAY": False, "CONCURRENT_REQUESTS": 1})
    progress = [LINE.match(line) for line in stderr if line.startswith("netcheck:")]
    assert len(progress) >= 3 and all(progress), stderr
    counts = [int(m.group(1)) for m in progress]
    assert counts == sorted(counts) and 0 < counts[-1] <= pages
    assert any(int(m.group(2)) > 0 for m in progress)  # links waiting while the crawl goes on
    assert not any("\r" in line or "\x1b" in line for line in stderr)


def test_a_crawl_shorter_than_the_interval_prints_no_progress(site_url, tmp_path):
    _, stderr = crawl(site_url, tmp_path, {})
    assert not [line for line in stderr if line.startswith("netcheck:")]
