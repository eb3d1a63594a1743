"""Scrapy's downloader, with its per-host concurrency limit kept.

Scrapy 2.19's Downloader fills a slot in a loop that stops when the slot has no free transfer
places (`CONCURRENT_REQUESTS_PER_DOMAIN`), but it starts each download as an asyncio task and
counts the request as transferring only once that task runs, after the loop has finished. With
no DOWNLOAD_DELAY to break the loop, the whole queue for a host goes out at once: a column page
with 60 links sends 60 requests to a small government server. Counting the request when its
download is scheduled keeps the limit (the count is a set: the task adding it again changes
nothing, and removes it when the download ends, as before).
"""
from __future__ import annotations

from scrapy.core.downloader import Downloader


class BoundedDownloader(Downloader):
    def _wait_for_download(self, slot, request, queue_dfd):
        # Called (not awaited) by _process_queue inside its filling loop: a plain method, so that the
        # request is counted before the loop looks at the slot's free places again.
        slot.transferring.add(request)
        return super()._wait_for_download(slot, request, queue_dfd)
