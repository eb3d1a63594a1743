"""The form URLs are compared in, across the crawl's tables and the findings."""
from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit


def canonical(url: str | None) -> str:
    """No fragment, host lower-case, '/' for an empty path."""
    if not url:
        return ""
    # Fast path: most URLs of a crawl are already in this form (the crawler wrote them).
    i = url.find("://")
    if i > 0 and "#" not in url:
        j = url.find("/", i + 3)
        head = url[:j] if j != -1 else url
        if head == head.lower():
            return url if j != -1 else url + "/"
    parts = urlsplit(url)
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", parts.query, ""))
