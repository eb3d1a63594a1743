"""Scrapy extensions of the netcheck crawler, one module per component (as in scrapy.extensions)."""
