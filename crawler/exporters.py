"""pages.jsonl lines, written fast.

Scrapy's JSON lines exporter hands every nested Link and Entry to its encoder's `default()`,
which wraps each in an ItemAdapter: for a page with fifty links that cost more CPU than
parsing the page. The records are plain dataclasses of strings, numbers and lists, so they
become dicts directly and go through the C encoder. The lines are byte for byte what Scrapy's
exporter writes (field order, separators, UTF-8 kept as is).
"""
from __future__ import annotations

import json
from dataclasses import fields

from scrapy.exporters import JsonLinesItemExporter

from crawler.items import Entry, Link, PageRecord

_FIELDS = tuple(f.name for f in fields(PageRecord))
_LINK_FIELDS = tuple(f.name for f in fields(Link))
_ENTRY_FIELDS = tuple(f.name for f in fields(Entry))
_ENCODER = json.JSONEncoder(ensure_ascii=False)


def record_dict(record: PageRecord) -> dict:
    out = {name: getattr(record, name) for name in _FIELDS}
    out["links"] = [{name: getattr(link, name) for name in _LINK_FIELDS} for link in record.links]
    out["entries"] = [{name: getattr(entry, name) for name in _ENTRY_FIELDS} for entry in record.entries]
    return out


def record_line(record: PageRecord) -> str:
    """One pages.jsonl line (without the newline)."""
    return _ENCODER.encode(record_dict(record))


class PageRecordLinesExporter(JsonLinesItemExporter):
    """FEEDS format 'pagerecords' (crawler.run): PageRecords through record_line, anything else as Scrapy would."""

    def export_item(self, item) -> None:
        if type(item) is PageRecord:
            self.file.write((record_line(item) + "\n").encode(self.encoding or "utf-8"))
        else:
            super().export_item(item)
