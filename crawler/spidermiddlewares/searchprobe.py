"""SearchProbe (SPIDER_MIDDLEWARES): the one search the crawl makes, as a visitor would.

When the home page is recorded with a GET search form (crawler.extract.search) and dated items,
the form is sent once, with the title of one of those items, the way a browser sends it
(its hidden fields and chosen options, in its charset: form_get_url). The answer is recorded like any page,
with `search_probe` saying what was asked and which item it should find; its links are not
followed (a search's result pages are no part of the site to audit). Whether the item came back
is judged later (site.search_missing). A POST form is never sent, nor one a script sends: the
crawl submits nothing that could change anything.

NETCHECK_SEARCH_PROBE (default True) turns it off. The item searched for is the newest one of the
home page posted at least PROBE_MIN_AGE_DAYS ago (a search index is rebuilt on a schedule, and
yesterday's item may not be in it yet), else the newest.
"""
from __future__ import annotations

import codecs
import logging
from datetime import date, timedelta

from urllib.parse import urlencode, urljoin, urlsplit, urlunsplit

import lxml.html
from scrapy.http import Request

from crawler.extract.encoding import response_text
from crawler.extract.page import END_TAGS
from crawler.items import PageRecord

logger = logging.getLogger(__name__)

PROBE = "netcheck_search"  # request.meta: the probe's {'query', 'expects', 'title'}
PROBE_MIN_AGE_DAYS = 7
QUERY_MAX_CHARS = 30  # a title's first words: long titles are cut at the search box's own limits


class SearchProbe:
    def __init__(self, crawler, enabled: bool):
        self.crawler = crawler
        self.enabled = enabled
        self.sent = False

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler, crawler.settings.getbool("NETCHECK_SEARCH_PROBE", True))

    def process_spider_output(self, response, result, spider=None):
        for output in result:
            yield from self._each(response, output)

    async def process_spider_output_async(self, response, result, spider=None):
        async for output in result:
            for out in self._each(response, output):
                yield out

    def _each(self, response, output):
        probe = response.meta.get(PROBE)
        if probe is not None:
            if isinstance(output, PageRecord):
                output.search_probe = probe
                yield output
            return  # the answer's own links are not followed
        yield output
        if isinstance(output, PageRecord) and response.meta.get("netcheck_start") and not self.sent:
            request = self._probe(response, output)
            if request is not None:
                self.sent = True
                yield request

    def _probe(self, response, record: PageRecord) -> Request | None:
        form = record.search
        if not self.enabled or not form or form.get("method") != "get" or form.get("form", -1) < 0:
            return None
        item = probe_item(record.entries)
        if item is None:
            return None
        query = item.title[:QUERY_MAX_CHARS]
        url = form_get_url(response, form["form"], form["field"], query)
        if url is None:
            return None
        request = Request(url, dont_filter=True)
        meta = {PROBE: {"query": query, "expects": item.url, "title": item.title},
                "netcheck_referer": record.url, "netcheck_depth": record.depth + 1}
        # A failed search is recorded by the spider's errback (PortalSpider.on_error), probe and all.
        return request.replace(meta={**request.meta, **meta}, callback=self.crawler.spider.parse,
                               errback=self.crawler.spider.on_error)


def form_get_url(response, index: int, field: str, query: str) -> str | None:
    """The address a browser asks for when the page's form number `index` (as crawler.extract.search
    counted the forms) is sent with `query` in `field`: its other fields as the page fills them in
    (hidden ones, selected options), encoded in the form's accept-charset or else the page's charset,
    as browsers do (a GBK site's search reads GBK). None when the form is not there."""
    body = END_TAGS.sub("", response_text(response).strip().replace("\x00", "")).encode("utf-8")
    document = lxml.html.document_fromstring(body, parser=_FORM_PARSER, base_url=response.url)
    forms = document.xpath("//form")
    if index >= len(forms):
        return None
    form = forms[index]
    values = [(name, query if name == field else value) for name, value in form.form_values()]
    if field not in {name for name, _ in values}:
        values.append((field, query))
    charset = (form.get("accept-charset") or "").replace(",", " ").split()
    encoding = _encoding(charset[0] if charset else getattr(response, "encoding", None) or "utf-8")
    data = urlencode([(k, v.encode(encoding, "xmlcharrefreplace")) for k, v in values])
    try:
        action = urljoin(response.url, (form.get("action") or "").strip() or response.url)
        return urlunsplit(urlsplit(action)._replace(query=data, fragment=""))
    except ValueError:  # an action urllib cannot read: no search to make
        return None


def _encoding(name: str) -> str:
    try:
        return codecs.lookup(name).name
    except LookupError:  # accept-charset="UNKNOWN" and the like
        return "utf-8"


_FORM_PARSER = lxml.html.HTMLParser(recover=True, encoding="utf-8", huge_tree=True)  # as crawler.extract.page's


def probe_item(entries) -> object | None:
    """The entry to search for: the newest posted PROBE_MIN_AGE_DAYS or more before today, else
    the newest; None when no entry has a date and a title."""
    dated = sorted(((date.fromisoformat(e.date), e) for e in entries if e.date and e.title.strip()),
                   key=lambda pair: pair[0], reverse=True)
    if not dated:
        return None
    settled = [e for d, e in dated if d <= date.today() - timedelta(days=PROBE_MIN_AGE_DAYS)]
    return settled[0] if settled else dated[0][1]
