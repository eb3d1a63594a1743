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

An external link's target (meta 'netcheck_external', with `check_external`) is read only as far
as NETCHECK_EXTERNAL_MAXSIZE: what it is about shows at its top (crawler.extract.external). Its
body is cut off there and kept, not recorded 'too large': a long page is no fault of the link.

An attachment fetched to be read (meta 'netcheck_attachment', crawler.spiders.portal) arrives whole,
whatever its Content-Type, up to NETCHECK_ATTACHMENT_MAX_BYTES: one bigger is cut off there and
request.meta['netcheck_attachment_too_large'] set (its status still counts; it is not 'too large' as a
page is, which would say the link failed).

Only the spider's own requests (meta 'netcheck_referer'): robots.txt must arrive whole.
"""
from __future__ import annotations

from scrapy import signals
from scrapy.exceptions import StopDownload

TOO_LARGE = "netcheck_too_large"  # request.meta: the body was cut off at DOWNLOAD_MAXSIZE
ATTACHMENT = "netcheck_attachment"  # request.meta: an attachment fetched to be read
ATTACHMENT_TOO_LARGE = "netcheck_attachment_too_large"  # request.meta: ... and cut off at its size limit
_RECEIVED = "netcheck_bytes"  # request.meta: body bytes received so far for this response
PAGE_TYPES = (b"html", b"xml")  # Content-Type fragments of a body that is read
LIST_DATA_TYPES = PAGE_TYPES + (b"json", b"text/", b"javascript")  # ... and for a further page of a list
EXTERNAL = "netcheck_external"  # request.meta: an external link's target, read up to NETCHECK_EXTERNAL_MAXSIZE


class BodySizeLimit:
    def __init__(self, max_bytes: int, external_bytes: int = 256 * 1024, attachment_bytes: int = 0):
        self.max_bytes = max_bytes  # DOWNLOAD_MAXSIZE; 0 = no limit
        self.external_bytes = external_bytes  # NETCHECK_EXTERNAL_MAXSIZE: how much of an external target is read
        # NETCHECK_ATTACHMENT_MAX_BYTES, within DOWNLOAD_MAXSIZE: how much of an attachment is read
        self.attachment_bytes = min((n for n in (attachment_bytes, max_bytes) if n), default=0)

    @classmethod
    def from_crawler(cls, crawler):
        middleware = cls(crawler.settings.getint("DOWNLOAD_MAXSIZE"),
                         crawler.settings.getint("NETCHECK_EXTERNAL_MAXSIZE", 256 * 1024),
                         crawler.settings.getint("NETCHECK_ATTACHMENT_MAX_BYTES"))
        crawler.signals.connect(middleware.headers_received, signal=signals.headers_received)
        crawler.signals.connect(middleware.bytes_received, signal=signals.bytes_received)
        return middleware

    def headers_received(self, headers, body_length, request, **kwargs) -> None:
        if "netcheck_referer" not in request.meta:
            return
        # Per response: a retry, or the next hop of a redirect, starts counting again.
        request.meta[_RECEIVED] = 0
        request.meta.pop(TOO_LARGE, None)
        if request.meta.get(EXTERNAL):
            content_type = (headers.get(b"Content-Type") or b"").lower()
            if content_type and not any(fragment in content_type for fragment in PAGE_TYPES):
                raise StopDownload(fail=False)  # a file: its answer is all that counts
            return  # cut off, not refused, in bytes_received
        if request.meta.get(ATTACHMENT):  # read whole, whatever its type, up to its own limit
            request.meta.pop(ATTACHMENT_TOO_LARGE, None)
            if self.attachment_bytes and isinstance(body_length, int) and body_length > self.attachment_bytes:
                request.meta[ATTACHMENT_TOO_LARGE] = True
                raise StopDownload(fail=False)
            return
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
        if _RECEIVED not in request.meta or not (self.max_bytes or request.meta.get(EXTERNAL)):
            return
        request.meta[_RECEIVED] += len(data)
        if request.meta.get(ATTACHMENT):
            if self.attachment_bytes and request.meta[_RECEIVED] > self.attachment_bytes:
                request.meta[ATTACHMENT_TOO_LARGE] = True  # not read; its status still counts
                raise StopDownload(fail=False)
            return
        if request.meta.get(EXTERNAL):
            if self.external_bytes and request.meta[_RECEIVED] >= self.external_bytes:
                raise StopDownload(fail=False)  # enough to judge it by: kept, not 'too large'
            return
        if request.meta[_RECEIVED] >= self.max_bytes:
            request.meta[TOO_LARGE] = True
            raise StopDownload(fail=False)
