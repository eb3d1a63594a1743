"""ReadAttachments (SPIDER_MIDDLEWARES): internal attachments that hold words are read, not only checked.

A penalty decision's PDF or a list of licensees in Excel can leak a resident ID number as a page can.
The spider asks for every internal file with HEAD; this middleware turns those of the types
crawler.extract.attachments reads (READABLE_EXTENSIONS: PDF, DOC/DOCX, XLS/XLSX, WPS, ET) into a GET
with meta 'netcheck_attachment', answered by PortalSpider.parse_attachment. The request stays the one
the HEAD would have been (same URL, same download slot, same politeness); the body is taken whole up to
NETCHECK_ATTACHMENT_MAX_BYTES (crawler.downloadermiddlewares.bodysize), a bigger file is recorded
unread ('too large') with its status. The record keeps at most NETCHECK_ATTACHMENT_MAX_CHARS characters
of the file's text (PageRecord.attachment['cut'] says when there were more).

NETCHECK_ATTACHMENT_MAX_BYTES = 0 turns it off: files get their HEAD, as before.
"""
from __future__ import annotations

from crawler.downloadermiddlewares.bodysize import ATTACHMENT, EXTERNAL
from crawler.extract.attachments import READABLE_EXTENSIONS
from crawler.extract.links import extension, is_internal
from crawler.items import PageRecord


class ReadAttachments:
    def __init__(self, crawler, max_bytes: int, max_chars: int):
        self.crawler = crawler
        self.max_bytes = max_bytes  # NETCHECK_ATTACHMENT_MAX_BYTES; 0: off
        self.max_chars = max_chars  # NETCHECK_ATTACHMENT_MAX_CHARS; 0: no cap

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler, crawler.settings.getint("NETCHECK_ATTACHMENT_MAX_BYTES"),
                   crawler.settings.getint("NETCHECK_ATTACHMENT_MAX_CHARS"))

    def process_spider_output(self, response, result, spider=None):
        for output in result:
            yield self._each(response, output)

    async def process_spider_output_async(self, response, result, spider=None):
        async for output in result:
            yield self._each(response, output)

    def _each(self, response, output):
        if isinstance(output, PageRecord):
            if response.meta.get(ATTACHMENT):
                self._cap(output)
            return output
        if (self.max_bytes and getattr(output, "method", None) == "HEAD" and not output.meta.get(EXTERNAL)
                and not output.meta.get("netcheck_headers_only") and extension(output.url) in READABLE_EXTENSIONS
                and is_internal(output.url, response.url)):
            return output.replace(method="GET", meta={**output.meta, ATTACHMENT: True},
                                  callback=self.crawler.spider.parse_attachment)
        return output

    def _cap(self, record: PageRecord) -> None:
        if record.attachment and self.max_chars and len(record.text) > self.max_chars:
            record.text = record.text[:self.max_chars]
            record.attachment["cut"] = True
