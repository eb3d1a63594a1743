"""Bodies the crawl will not read are not downloaded, and an oversized one is recorded, not lost.

Scrapy cancels a response over DOWNLOAD_MAXSIZE outright: the request fails and its status is
lost. An audit needs that status (a 200 that is 30 MB is a working link), so a body is cut off
here as soon as its size is known to be over the limit (Content-Length, or the bytes received so
far for a chunked body or a stream that never ends), before Scrapy's own limit is reached, and
the response goes on with request.meta['netcheck_too_large'] set: the spider records it with its
status and error 'too large'.

Bodies that are never parsed stop at their headers too: a file reached by GET (its answer is
what counts), a GET standing in for a refused HEAD (meta 'netcheck_headers_only'), anything that
is neither HTML nor XML (a Hanweb data proxy answers a list's further pages in XML); a further
page of a list (meta 'netcheck_list') may also be JSON or other text: the data a scripted list
page draws from, often served as text/plain or text/javascript (crawler.extract.jsonlist).

Only the spider's own requests (meta 'netcheck_referer'): robots.txt must arrive whole.
"""
from __future__ import annotations

from scrapy import signals
from scrapy.exceptions import StopDownload

TOO_LARGE = "netcheck_too_large"  # request.meta: the body was cut off at DOWNLOAD_MAXSIZE
_RECEIVED = "netcheck_bytes"  # request.meta: body bytes received so far for this response
PAGE_TYPES = (b"html", b"xml")  # Content-Type fragments of a body that is read
LIST_DATA_TYPES = PAGE_TYPES + (b"json", b"text/", b"javascript")  # ... and for a further page of a list


class BodySizeLimit:
    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes  # DOWNLOAD_MAXSIZE; 0 = no limit

    @classmethod
    def from_crawler(cls, crawler):
        middleware = cls(crawler.settings.getint("DOWNLOAD_MAXSIZE"))
        crawler.signals.connect(middleware.headers_received, signal=signals.headers_received)
        crawler.signals.connect(middleware.bytes_received, signal=signals.bytes_received)
        return middleware

    def headers_received(self, headers, body_length, request, **kwargs) -> None:
        if "netcheck_referer" not in request.meta:
            return
        # Per response: a retry, or the next hop of a redirect, starts counting again.
        request.meta[_RECEIVED] = 0
        request.meta.pop(TOO_LARGE, None)
        # body_length is Twisted's UNKNOWN_LENGTH (not an int) for a chunked body: bytes_received counts those.
        if self.max_bytes and isinstance(body_length, int) and body_length > self.max_bytes:
            request.meta[TOO_LARGE] = True
            raise StopDownload(fail=False)
        content_type = (headers.get(b"Content-Type") or b"").lower()
        readable = LIST_DATA_TYPES if request.meta.get("netcheck_list") else PAGE_TYPES
        if request.meta.get("netcheck_headers_only") or (
                content_type and not any(fragment in content_type for fragment in readable)):
            raise StopDownload(fail=False)

    def bytes_received(self, data, request, **kwargs) -> None:
        if _RECEIVED not in request.meta or not self.max_bytes:
            return
        request.meta[_RECEIVED] += len(data)
        if request.meta[_RECEIVED] >= self.max_bytes:
            request.meta[TOO_LARGE] = True
            raise StopDownload(fail=False)
