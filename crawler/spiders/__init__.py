"""Scrapy spiders of the netcheck crawler (SPIDER_MODULES)."""
