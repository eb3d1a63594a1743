"""Resuming a stopped crawl from its own record.

A crawl's pages.jsonl is append-only: one line per fetched URL. It is the checkpoint. A
crawl stopped at any moment — Ctrl-C, a reboot, SIGKILL — resumes by reading it back: URLs
with a record are not fetched again, and the links of recorded pages that have no record
yet are the frontier. This survives a hard kill, which Scrapy's JOBDIR does not (its disk
queue writes its index on close), and a torn last line is cut off so appending continues
cleanly.
"""
from __future__ import annotations

import json
from dataclasses import fields
from pathlib import Path

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
