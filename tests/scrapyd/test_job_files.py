"""What netcheck.scrapyd reads from a job's files, without a server: the items file as it grows
(copied a whole record at a time) and the stats at the end of its log."""
import json

from netcheck.scrapyd import FeedCopy, job_stats


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
