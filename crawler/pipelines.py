"""Item pipelines: the last step before a record is written.

Personal data found on an audited page must never be copied whole into anything netcheck
writes (pages.jsonl, findings, workbooks, logs). Every record is redacted here, before the
feed exporter or a log line sees it: an unmasked ID, mobile or bank card number becomes
⟪id:211102********2319⟫. The patterns are checks' own (checks.pii), so the privacy rule
still finds the leak when the stored crawl is judged, or re-judged later. An attachment's words
(PageRecord.text of a file read by crawler.extract.attachments) are masked like a page's.
"""
from __future__ import annotations

from checks.pii import redact
from crawler.items import PageRecord


class RedactPersonalData:
    def process_item(self, item, spider=None):
        if isinstance(item, PageRecord):
            item.title = redact(item.title)
            item.text = redact(item.text)
            item.metadata = {k: redact(v) if isinstance(v, str) else v for k, v in item.metadata.items()}
            for entry in item.entries:
                entry.title = redact(entry.title)
            for link in item.links:
                link.text = redact(link.text)
            if item.external:  # what an external target shows (crawler.extract.external)
                item.external = {k: redact(v) if isinstance(v, str) else v for k, v in item.external.items()}
            if item.a11y:  # its raw <title> (crawler.extract.a11y): a penalty page's title may name a number
                item.a11y = {k: redact(v) if isinstance(v, str) else v for k, v in item.a11y.items()}
        return item
