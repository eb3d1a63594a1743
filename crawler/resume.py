"""Resuming a stopped crawl from its own record.

A crawl's pages.jsonl is append-only: one line per fetched URL. It is the checkpoint. A
crawl stopped at any moment — Ctrl-C, a reboot, SIGKILL — resumes by reading it back: URLs
with a record are not fetched again, and the links of recorded pages that have no record
yet are the frontier. This survives a hard kill, which Scrapy's JOBDIR does not (its disk
queue writes its index on close), and a torn last line is cut off so appending continues
cleanly.

ResumedFrontier (NETCHECK_FRONTIER; crawler.run picks it when the plan names a crawl to resume)
starts a crawl from that record instead of from the home page.
"""
from __future__ import annotations

import json
from dataclasses import fields
from pathlib import Path

from crawler.extract.links import is_internal
from crawler.extract.urls import canonical_url
from crawler.frontier import LocalFrontier
from crawler.items import Entry, Link, PageRecord

_FIELDS = {f.name for f in fields(PageRecord)}


def recover_feed(path: Path) -> list[dict]:
    """The complete records of a pages.jsonl; anything after the last complete line is cut off."""
    path = Path(path)
    if not path.is_file():
        return []
    raw = path.read_bytes()
    records, good_end = [], 0
    for line in raw.splitlines(keepends=True):
        if not line.endswith(b"\n"):
            break
        try:
            records.append(json.loads(line))
        except ValueError:
            break
        good_end += len(line)
    if good_end != len(raw):
        with open(path, "r+b") as fh:
            fh.truncate(good_end)
    return records


def recorded_urls(records: list[dict]) -> set[str]:
    """Every URL a record answers for: the one asked for, the redirect hops and where they ended."""
    urls: set[str] = set()
    for rec in records:
        urls.add(rec["url"])
        urls.update(rec.get("redirects") or [])
        if rec.get("final_url"):
            urls.add(rec["final_url"])
    return urls


def record_from_dict(data: dict) -> PageRecord:
    """A PageRecord read back from pages.jsonl (fields this version does not know are dropped)."""
    record = PageRecord(**{k: v for k, v in data.items() if k in _FIELDS})
    record.links = [Link(**link) for link in data.get("links") or []]
    record.entries = [Entry(**entry) for entry in data.get("entries") or []]
    return record


class ResumedFrontier(LocalFrontier):
    """LocalFrontier continuing the crawl recorded in the plan's resume_from: its recorded URLs count as
    asked for, the links of its recorded internal pages are asked for again (the dupefilter drops none
    of them: it is new in this process), the site is what its home page's record says. A record without
    the home page (a crawl stopped before it) starts again from the home page."""

    # Whether the requests asked for again must pass a seen-set that already holds them (one shared by
    # several processes and kept when they stopped: crawler.distributed).
    seen_kept = False

    def start_requests(self, spider):
        if self.plan.resume_from:
            resumed = yield from self._resume(spider)
            if resumed:
                return
        self.requested.add(self.plan.start_url)
        # A resumed shared crawl may have lost its start request in a stopped process: ask again.
        yield spider.start_request(dont_filter=bool(self.plan.resume_from) and self.seen_kept)

    def _resume(self, spider):
        """Requests for the frontier of the recorded crawl; False when it never got its start page."""
        start_url = self.plan.start_url
        records = recover_feed(self.plan.resume_from)
        start = next((r for r in records if r["url"] in (start_url, canonical_url(start_url))), None)
        if start is None:
            return False
        self.requested |= recorded_urls(records)
        if start.get("final_url") and not is_internal(start["final_url"], start_url):
            self.site.url = start["final_url"]
        self.site.name = (start.get("meta") or {}).get("SiteName") or start.get("title") or None
        self.crawler.stats.set_value("netcheck/resumed_records", len(records))
        for rec in records:
            if rec.get("status") == 200 and rec.get("is_html") and is_internal(rec.get("final_url") or rec["url"],
                                                                              self.site.url):
                page_url = rec.get("final_url") or rec["url"]
                for request in spider.follow_links(record_from_dict(rec), page_url):
                    yield request.replace(meta={**request.meta, "depth": (rec.get("depth") or 0) + 1},
                                          dont_filter=request.dont_filter or self.seen_kept)
        return True
