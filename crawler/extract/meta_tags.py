"""The `<meta>` tags of the national page-design standard (国办发〔2017〕47号).

List pages carry the site and column tags; articles add ArticleTitle, PubDate
and ContentSource. They are the cheapest column and date signals there are.
"""
from __future__ import annotations

from parsel import Selector

from crawler.extract.normalize import collapse

NATIONAL_META_NAMES = (
    "SiteName", "SiteDomain", "SiteIDCode",
    "ColumnName", "ColumnDescription", "ColumnKeywords", "ColumnType",
    "ArticleTitle", "PubDate", "ContentSource",
    # www.gov.cn's own tags: the posting time ("2007-08-20-23:59:59", date and time joined by a
    # hyphen) on pages that show no date, such as the 国务院公报 texts.
    "firstpublishedtime",
)
# Tags that carry the posting date, best first (crawler.extract.page.PUBLISHED_SOURCES).
PUBLISHED_META = ("PubDate", "firstpublishedtime")
_BY_LOWER = {name.lower(): name for name in NATIONAL_META_NAMES}


def meta_tags(sel: Selector) -> dict[str, str]:
    """Standard tag name (canonical spelling) → content, first occurrence wins; names match case-insensitively."""
    found: dict[str, str] = {}
    for node in sel.xpath("//meta[@name]"):
        name = _BY_LOWER.get((node.attrib.get("name") or "").strip().lower())
        if name and name not in found:
            content = collapse(node.attrib.get("content") or "")
            if content:
                found[name] = content
    return found
