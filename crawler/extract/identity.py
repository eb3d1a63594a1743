"""What a page's footer says about who runs the site: the identity items of 政府网站发展指引 (2017)
and the 我为政府网站找错 entry of the 2019 indicators.

The crawler records what it finds, never what is missing: `site.identity` and
`site.error_entry_missing` (checks/rules/identity.py) judge the records. Every item is matched
in the footer's words and in the alt and title of its images (a 标识码 is often only in an
image's alt text); the 党政机关网站标识 and the 找错 entry are scripts and links, matched by
where they load from.
"""
from __future__ import annotations

import re
from urllib.parse import parse_qs, unquote, urljoin, urlsplit

from crawler.extract.normalize import collapse

# Containers that hold a page's footer, by tag or by a word in their id or class; the page's
# last words (FOOTER_TAIL characters) are read as well.
FOOTER_TAGS = ("footer",)
FOOTER_WORDS = re.compile(r"(?:^|[-_\s])(?:foot(?:er)?|bottom|copyright|copy|banquan|bq|dibu|db)(?:$|[-_\s\d])",
                          re.IGNORECASE)
WORDS = ".//text()[not(ancestor::script or ancestor::style)]"
FOOTER_TAIL = 1500  # characters of a page's text read as its footer when no container says "footer"

# Item → the pattern of its words. The value recorded is group 1: the code, the number, the name.
ITEM_PATTERNS = {
    # bm + 8 digits (sites of 部门) or 10 digits; "网站标识码：" or "网站识别码"
    "site_code": re.compile(r"网站(?:标识|识别)码\s*[:：]?\s*((?:bm|BM)\d{8}|\d{10})(?!\d)"),
    # 辽ICP备12345678号, 京ICP备05070218号-1, 陇ICP备17003689号-1 (a province's short name, often
    # the older one: 陇 黔 滇 蜀 秦), 蒙ICP备 05006530 (no 号)
    "icp": re.compile(r"([\u4e00-\u9fff]\s*ICP\s*备\s*\d{5,12}\s*号?(?:\s*-\s*\d+)?)", re.IGNORECASE),
    # 京公网安备 11010502030143号: 14 digits
    "police": re.compile(r"公网安备\s*[:：]?\s*(\d{14})(?!\d)\s*号?"),
    # 主办单位：某某市人民政府办公室 / 主办：… (up to the next label or separator)
    "sponsor": re.compile(r"主\s*办(?:\s*单\s*位|方)?\s*[:：]\s*([^\s|｜，,。;；:：]{2,40}?)"
                          r"(?=\s|$|[|｜，,。;；]|承办|协办|主管|运维|维护|技术支持|地址|联系|电话|网站|备案)"),
}
# The sponsor named before the word: "保定市人民政府办公室主办", "某某办公室（主办）".
SPONSOR_BEFORE = re.compile(r"([\u4e00-\u9fff]{4,30}?)\s*[（(]?主办[）)]?(?=\s|$|[|｜，,。;；]|承办|版权)")
# Where the 党政机关网站 开办者标识 loads from: the conac.cn script (dcs.conac.cn/js/…/CA….js) or
# its badge link (bszs.conac.cn/sitename?method=show&id=…), also through an IPv6 proxy's host
# (bszs-conac-cn….ipv6best.cn): a word of the host.
CONAC_HOST_WORD = "conac"
# The 我为政府网站找错 entry: the national platform's script (id `_jiucuo_`) or the placeholder it
# fills (`_span_jiucuo`, when the script comes in another file), its page (…/exposure/jiucuo.html,
# gov.cn's own fuwu/jiucuopage.html), the older host many footers still load it from; or a link
# that says so.
ERROR_ENTRY_IDS = ("_jiucuo_", "_span_jiucuo")
ERROR_ENTRY_SOURCES = ("jiucuo", "zfwzgl.www.gov.cn/exposure", "pucha.kaipuyun.cn")
ERROR_ENTRY_TEXTS = ("我为政府网站找错", "政府网站找错", "网站纠错")
ERROR_ENTRY_MARK = "错"  # in each of ERROR_ENTRY_TEXTS: a link whose text lacks it names none of them
# Both badges are often written by an inline script, document.write(unescape("%3Cscript src='…'")):
# read in the script's unescaped text.
WRITTEN_SCRIPT = re.compile(r"""<(?:script|span|a)\b[^>]*>""", re.IGNORECASE)
WRITTEN_ATTRIBUTE = re.compile(r"""\b(src|href|id|sitecode)\s*=\s*['"]?\s*([^'"\s>]+)""", re.IGNORECASE)


def page_identity(root, url: str, meta: dict[str, str] | None = None) -> dict[str, str]:
    """The identity items a page shows, item → value: site_code, icp, police, sponsor (the
    footer's words), conac (the badge's URL), error_entry (the 找错 script's URL or id),
    error_sitecode (the sitecode that script is given). An item not shown is absent. And
    footer_frame: the page its footer is drawn from, when the footer is an <iframe> (its items
    are that page's); meta_site_code: the SiteIDCode tag, which must name the same code."""
    found: dict[str, str] = {}
    if meta and meta.get("SiteIDCode"):
        found["meta_site_code"] = meta["SiteIDCode"]
    footer, frames = footer_text(root)
    if frames:
        try:
            found["footer_frame"] = urljoin(url, frames[0])
        except ValueError:  # a frame address urllib cannot read is no footer the crawl can fetch
            pass
    for item, pattern in ITEM_PATTERNS.items():
        match = pattern.search(footer)
        if match:
            found[item] = collapse(match.group(1)).replace(" ", "")
    if "sponsor" not in found:
        match = SPONSOR_BEFORE.search(footer)
        if match:
            found["sponsor"] = match.group(1)
    for element in _elements(root):
        url = element.get("src") or element.get("href") or ""
        if "conac" not in found and CONAC_HOST_WORD in url and CONAC_HOST_WORD in _host(url):
            found["conac"] = url
        if (element.get("id") in ERROR_ENTRY_IDS or any(s in url for s in ERROR_ENTRY_SOURCES)
                or element.get("#text") in ERROR_ENTRY_TEXTS):
            found.setdefault("error_entry", url or f"#{element['id']}")
            code = element.get("sitecode") or _query(url, "sitecode") or _query(url, "site_code")
            if code and "error_sitecode" not in found:  # the script has it, not the image before it
                found["error_sitecode"] = code.strip()
    return found


def _elements(root):
    """Each script, link, image and frame as {attribute: value} (src and href absolute-ish),
    then those an inline script writes."""
    for node in root.xpath("//script | //a | //img | //iframe | //span[@id='_span_jiucuo']"):
        element = {k: _url(v) if k in ("src", "href") else v for k, v in node.attrib.items()}
        if node.tag == "a":
            shown = "".join(node.itertext())
            # Only a link that may say 找错 is worth its text collapsed: one in a hundred.
            element["#text"] = collapse(shown) if ERROR_ENTRY_MARK in shown else ""
        yield element
    for script in root.xpath("//script[not(@src)]/text()"):
        if "unescape" in script or "document.write" in script:
            for tag in WRITTEN_SCRIPT.findall(unquote(script)):
                yield {k.lower(): _url(v) if k.lower() in ("src", "href") else v
                       for k, v in WRITTEN_ATTRIBUTE.findall(tag)}


def footer_text(root) -> tuple[str, list[str]]:
    """The footer's words with its images' alt and title, then the page's last words; and the
    addresses of the frames the footer shows."""
    containers = root.xpath("//footer") or [
        node for node in root.xpath("//*[@id or @class]")
        if FOOTER_WORDS.search(f"{node.get('id') or ''} {node.get('class') or ''}")
    ]
    # The outermost footer containers (a footer's inner boxes say "foot" too), in page order.
    outer = [n for n in containers if not any(a in containers for a in n.iterancestors())]
    parts, frames = [], []
    for node in outer:
        frames.extend(src.strip() for src in node.xpath(".//iframe/@src") if src.strip())
        parts.append(collapse(" ".join(node.xpath(WORDS))))
        parts.extend(collapse(v) for v in node.xpath(".//img/@alt | .//img/@title | .//a/@title"))
    # The page's last words too: a box named "bottom" may be the header's lower bar, and the
    # footer a box no name gives away.
    tail = collapse(" ".join(root.xpath("//body" + WORDS[1:])))[-FOOTER_TAIL:]
    words = " ".join(p for p in (*parts, tail) if p)
    return words, frames


def _url(value: str) -> str:
    value = str(value).strip()
    return "http:" + value if value.startswith("//") else value


def _query(url: str, name: str) -> str | None:
    try:
        values = parse_qs(urlsplit(url).query).get(name)
    except ValueError:  # an address urllib cannot split ("http://[x/…": a broken IPv6 host)
        return None
    return values[0] if values else None


def _host(url: str) -> str:
    try:
        return urlsplit(url).hostname or ""
    except ValueError:  # as above
        return ""
