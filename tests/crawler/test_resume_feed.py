"""A killed crawl's record is read back whole up to its last complete line."""
import json

from crawler.resume import recorded_urls, recover_feed


def test_torn_last_line_is_cut_and_complete_records_kept(tmp_path):
    path = tmp_path / "pages.jsonl"
    good = [{"url": "http://s.test/", "final_url": "http://s.test/index.html", "redirects": ["http://s.test/"]},
            {"url": "http://s.test/a.html"}]
    path.write_bytes(b"".join(json.dumps(r).encode() + b"\n" for r in good) + b'{"url": "http://s.te')
    assert recover_feed(path) == good
    assert path.read_bytes().endswith(b"}\n")
    assert recorded_urls(good) == {"http://s.test/", "http://s.test/index.html", "http://s.test/a.html"}


def test_missing_feed_is_an_empty_crawl(tmp_path):
    assert recover_feed(tmp_path / "none.jsonl") == []
