"""What an external link's target shows, kept small: enough for `link.hijacked` to judge it.

With `check_external` each external target is fetched once with GET, its body cut off at
NETCHECK_EXTERNAL_MAXSIZE (crawler.downloadermiddlewares.bodysize), and never parsed as a page of
the site (no links, entries or text of its own: nothing another rule could mistake for the site's
content). What is kept is its <title>, its keywords and description tags, the start of its
visible text, and the hosts its scripts, frames, forms and links point to (a parking page loads
sedo's or bodis's script, a for-sale page links dan.com): facts, not a verdict. The word lists
that judge them are checks' (checks.rules.hijacked).
"""
from __future__ import annotations

from urllib.parse import urljoin, urlsplit

from lxml import etree

from crawler.extract.content import main_tree, visible_text
from crawler.extract.normalize import collapse

TITLE_CHARS = 200
DESCRIPTION_CHARS = 400
TEXT_CHARS = 2000  # the start of the visible text: a parked or hijacked page says so at its top
MAX_HOSTS = 30
# Where a page names the hosts it draws from or sends its visitor to.
HOST_ATTRIBUTES = (("script", "src"), ("iframe", "src"), ("frame", "src"), ("form", "action"), ("a", "href"),
                   ("link", "href"), ("img", "src"))
DESCRIPTION_TAGS = ("keywords", "description")

_PARSER = etree.HTMLParser(recover=True, encoding="utf-8", huge_tree=True)


def external_target(html: str, url: str) -> dict:
    """{'title', 'description', 'text', 'hosts', 'refresh'} of an external page's markup (possibly
    cut off): each short; 'hosts' the other hosts it draws from or links to, in page order;
    'refresh' the target of a <meta http-equiv=refresh> (a parking page often is one), or ''."""
    body = html.strip().replace("\x00", "").encode("utf-8")
    root = etree.fromstring(body, parser=_PARSER) if body else None
    if root is None:
        return {"title": "", "description": "", "text": "", "hosts": [], "refresh": ""}
    title = collapse(" ".join(root.xpath("//title//text()")))[:TITLE_CHARS]
    description = " ".join(
        collapse(m.get("content") or "") for m in root.xpath("//meta[@name]")
        if (m.get("name") or "").strip().lower() in DESCRIPTION_TAGS)
    refresh = ""
    for m in root.xpath("//meta[@http-equiv]"):
        if (m.get("http-equiv") or "").strip().lower() == "refresh":
            content = m.get("content") or ""
            refresh = _absolute(url, content.split("=", 1)[1].strip(" '\"")) if "=" in content else ""
            break
    own = (urlsplit(url).hostname or "").lower()
    hosts: list[str] = []
    for tag, attribute in HOST_ATTRIBUTES:
        for el in root.iter(tag):
            host = (urlsplit(_absolute(url, el.get(attribute) or "")).hostname or "").lower()
            if host and host != own and host not in hosts and len(hosts) < MAX_HOSTS:
                hosts.append(host)
    if refresh:
        host = (urlsplit(refresh).hostname or "").lower()
        if host and host != own and host not in hosts:
            hosts.append(host)
    return {
        "title": title,
        "description": description[:DESCRIPTION_CHARS],
        "text": visible_text(main_tree(root, drop_chrome=False))[:TEXT_CHARS],
        "hosts": hosts,
        "refresh": refresh,
    }


def _absolute(base: str, href: str) -> str:
    try:
        return urljoin(base, href.strip())
    except ValueError:
        return ""
