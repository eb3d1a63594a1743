"""Spider middlewares of the crawl (SPIDER_MIDDLEWARES in crawler.settings)."""
