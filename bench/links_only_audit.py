"""`netcheck audit …` with parse_page cut down to the page's links: nothing is extracted, everything
else (the crawl, its records, every rule, every report) runs as it does. Run by `crawl_bench.py
--links-only`: what the audit would cost if every extractor were free, the most that making them
faster can win. Its findings are meaningless. Not part of the test suite."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # this checkout's netcheck

from parsel import Selector  # noqa: E402

import crawler.extract.page as page  # noqa: E402
from crawler.extract.links import page_links  # noqa: E402
from crawler.extract.search import NO_BOX  # noqa: E402

NOTHING_READ = {"is_html": True, "title": "", "meta": {}, "breadcrumb": [], "column": None, "metadata": {},
                "published": None, "published_source": None, "formed": None, "formed_source": None,
                "page_type": "other", "entries": [], "yearless_dates": 0, "empty_notice": False, "scripted": False,
                "data_urls": [], "text": "", "identity": {}, "guide": None, "search": NO_BOX, "report_tables": [],
                "messages": [], "message": None,
                "a11y": {"lang": "", "title": "", "img": [0, 0], "field": [0, 0], "link": [0, 0], "iframe": [0, 0],
                         "heading_skips": 0, "autoplay": 0, "entry": [], "examples": {}}}


def links_only(html: str, url: str, *, site_url: str | None = None, site_name: str | None = None,
               max_list_pages: int = 0) -> dict:
    sel = Selector(root=page._parse_html(html), type="html")
    return {**NOTHING_READ, "links": page_links(sel, url, site_url)}


if __name__ == "__main__":
    page.parse_page = links_only
    from netcheck.cli import main

    sys.exit(main(sys.argv[1:]))
