"""The framework's ceiling for bench/crawl_bench.py: a CrawlSpider that only follows links.

scrapy runspider bench/bare_spider.py -a start=URL -a stats=FILE (run outside the project dir,
so that scrapy.cfg's project settings do not apply).
"""
import json
from urllib.parse import urlparse

from scrapy.linkextractors import LinkExtractor
from scrapy.spiders import CrawlSpider, Rule


class BareSpider(CrawlSpider):
    name = "bare"
    rules = (Rule(LinkExtractor(), follow=True),)

    def __init__(self, start=None, stats=None, *a, **kw):
        self.start_urls = [start]
        self.allowed_domains = [urlparse(start).hostname]
        self.stats_file = stats
        super().__init__(*a, **kw)

    def closed(self, reason):
        if self.stats_file:
            s = self.crawler.stats.get_stats()
            with open(self.stats_file, "w") as f:
                json.dump({k: (v if isinstance(v, (int, float, str)) else str(v)) for k, v in s.items()}, f)
