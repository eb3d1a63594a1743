"""What netcheck.scrapyd reads from a job's files, without a server: the items file as it grows
(copied a whole record at a time) and the stats at the end of its log."""
import json

from netcheck.scrapyd import FeedCopy, ScrapydError, _check_outcome, job_stats


class GrowingFile:
    """Scrapyd serving an items file that the job is still writing: `fetch` from an offset."""

    def __init__(self):
        self.data = None

    def fetch(self, path, start=0):
        return None if self.data is None else self.data[start:]


def test_records_are_copied_whole_even_when_the_file_ends_mid_record(tmp_path):
    served, out = GrowingFile(), tmp_path / "pages.jsonl"
    feed = FeedCopy(served, "items/netcheck/portal/job.jl", out)
    feed.pull()  # not written yet
    assert (feed.found, feed.records, out.read_bytes()) == (False, 0, b"")
    first, second = (json.dumps({"url": u, "title": "行政处罚"}, ensure_ascii=False).encode() + b"\n"
                     for u in ("http://a/1", "http://a/2"))
    served.data = first + second[:10]  # the job's buffer flushed in the middle of a record
    feed.pull()
    assert (feed.records, out.read_bytes()) == (1, first)
    served.data = first + second
    feed.pull()
    assert feed.records == 2 and feed.partial == b""
    assert [json.loads(line)["url"] for line in out.read_text(encoding="utf-8").splitlines()] == \
        ["http://a/1", "http://a/2"]


LOG_END = """2026-11-27 14:30:28 [scrapy.core.engine] INFO: Closing spider (closespider_pagecount)
2026-11-27 14:30:28 [scrapy.statscollectors] INFO: Dumping Scrapy stats:
{'downloader/request_count': 11,
 'elapsed_time_seconds': 0.09725335099938093,
 'finish_reason': 'closespider_pagecount',
 'finish_time': datetime.datetime(2026, 11, 27, 14, 30, 28, 759620, tzinfo=datetime.timezone.utc),
 'items_per_minute': None,
 'netcheck/errors': 1,
 'netcheck/records': 11}
2026-11-27 14:30:28 [scrapy.core.engine] INFO: Spider closed (closespider_pagecount)
"""


def test_the_stats_a_log_ends_with_are_read_numbers_and_strings_only():
    assert job_stats(LOG_END) == {"downloader/request_count": 11, "elapsed_time_seconds": 0.09725335099938093,
                                  "finish_reason": "closespider_pagecount", "netcheck/errors": 1,
                                  "netcheck/records": 11}


def test_a_log_without_stats_has_none():
    assert job_stats("Traceback (most recent call last):\nModuleNotFoundError: No module named 'opencc'\n") == {}


# The log of the lowest-version CI run where cancel.json reached the job while Playwright was starting: the
# process ended there, with no "Received SIGINT" and no stats.
CUT_LOG = b"""2026-12-06 13:46:54 [scrapy.core.engine] INFO: Spider opened
2026-12-06 13:46:54 [scrapy.extensions.logstats] INFO: Crawled 0 pages (at 0 pages/min), scraped 0 items (at 0 items/min)
2026-12-06 13:46:54 [scrapy-playwright] INFO: Starting download handler. Versions: scrapy-playwright==0.0.48, Playwright==1.50.0
"""
FAILED_LOG = b"""Traceback (most recent call last):
  File "scrapyd/runner.py", line 40, in main
ModuleNotFoundError: No module named 'nowhere'
"""


def outcome(log, tmp_path, records=0, quiet=False):
    feed = FeedCopy(GrowingFile(), "items/netcheck/portal/job.jl", tmp_path / "pages.jsonl")
    feed.records = records
    try:
        _check_outcome(None, "j1", feed, job_stats(log.decode()), log, tmp_path, quiet)
    except ScrapydError as exc:
        return str(exc)
    return "judged"


def test_a_log_that_stops_without_stats_or_error_is_a_job_ended_from_outside_not_judged(tmp_path):
    for records in (0, 7):  # pages copied before the end are not the site: still not judged
        said = outcome(CUT_LOG, tmp_path, records)
        assert said.startswith(f"任务 j1 在 Scrapyd 上被取消或被终止（日志既无结束统计也无错误），已抓取 {records} 个地址，未评判")


def test_a_log_that_ends_in_an_error_is_a_failed_job_named_by_its_error(tmp_path):
    assert outcome(FAILED_LOG, tmp_path).startswith(
        "任务 j1 在 Scrapyd 上失败（ModuleNotFoundError: No module named 'nowhere'）")


def test_a_quiet_log_level_without_stats_still_judges_the_pages_copied(tmp_path):
    assert outcome(CUT_LOG, tmp_path, records=7, quiet=True) == "judged"


def test_a_crawl_whose_end_was_not_recorded_is_judged_as_partial_and_says_why():
    from netcheck import crawlstate

    said = crawlstate.from_stats({"pages": 7, "finish_reason": None, "stats": {}})
    assert said["complete"] is False
    assert said["reason_cn"].startswith("未记录抓取的结束原因，无法确认抓取完整")
