"""Log lines name a record's URL, never its content: a scraped page can hold personal data."""
from __future__ import annotations

import logging

from scrapy.logformatter import LogFormatter


class QuietLogFormatter(LogFormatter):
    def scraped(self, item, response, spider):
        return {"level": logging.DEBUG, "msg": "Recorded %(url)s", "args": {"url": getattr(item, "url", "")}}

    def dropped(self, item, exception, response, spider):
        return {"level": logging.WARNING, "msg": "Dropped %(url)s: %(exception)s",
                "args": {"url": getattr(item, "url", ""), "exception": exception}}

    def item_error(self, item, exception, response, spider):
        return {"level": logging.ERROR, "msg": "Error processing %(url)s",
                "args": {"url": getattr(item, "url", "")}}
