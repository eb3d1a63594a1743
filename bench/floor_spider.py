"""The download floor for bench/crawl_bench.py: Scrapy fetching exactly the URLs an audit recorded,
and doing nothing with them (no parsing, no link following, no items).

scrapy runspider bench/floor_spider.py -a urls=FILE -a stats=FILE (outside the project dir, with
Scrapy's defaults plus CONCURRENT_ITEMS=1). What no crawler built on Scrapy can go below on the site:
the part of netcheck's cost that is the framework's HTTP client, scheduler and engine.
"""
import json

import scrapy

# Files the audit checks with HEAD; pages are fetched with GET.
HEAD_SUFFIXES = (".pdf", ".doc", ".docx", ".xls", ".xlsx", ".zip", ".rar")


class FloorSpider(scrapy.Spider):
    name = "floor"

    def __init__(self, urls=None, stats=None, *a, **kw):
        super().__init__(*a, **kw)
        self.urls_file, self.stats_file = urls, stats

    async def start(self):
        with open(self.urls_file, encoding="utf-8") as f:
            for url in f.read().split():
                method = "HEAD" if url.lower().endswith(HEAD_SUFFIXES) else "GET"
                yield scrapy.Request(url, method=method, dont_filter=True)

    def parse(self, response):
        return None

    def closed(self, reason):
        if self.stats_file:
            s = self.crawler.stats.get_stats()
            with open(self.stats_file, "w") as f:
                json.dump({k: (v if isinstance(v, (int, float, str)) else str(v)) for k, v in s.items()}, f)
