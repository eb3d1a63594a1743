import pytest
from parsel import Selector

from crawler.extract.links import is_internal, link_kind, looks_like_html, page_links

SITE = "http://www.pjfda.gov.cn/"


@pytest.mark.parametrize("url, tag, kind", [
    ("http://www.pjfda.gov.cn/zwgk/index.html", "a", "internal"),
    ("http://pjfda.gov.cn/zwgk/index.html", "a", "internal"),  # www. and bare host are one site
    ("https://www.pjfda.gov.cn/zwgk/", "a", "internal"),
    ("http://www.pjfda.gov.cn/files/report.PDF", "a", "attachment"),
    ("http://www.pjfda.gov.cn/files/a.docx", "a", "attachment"),
    ("http://www.pjfda.gov.cn/files/a.ofd", "a", "attachment"),
    ("http://www.pjfda.gov.cn/down.jsp?file=a.xls", "a", "attachment"),
    ("http://www.pjfda.gov.cn/scan/notice.jpg", "a", "attachment"),
    ("http://www.pjfda.gov.cn/images/logo.png", "img", "internal"),  # an <img> is not an attachment
    ("http://www.gov.cn/files/report.pdf", "a", "external"),
    ("http://sub.pjfda.gov.cn/", "a", "external"),
    ("http://www.pjfda.gov.cn:8080/", "a", "external"),
    ("mailto:office@pjfda.gov.cn", "a", "other"),
    ("javascript:void(0)", "a", "other"),
    ("tel:04272800000", "a", "other"),
])
def test_link_kind(url, tag, kind):
    assert link_kind(url, SITE, tag) == kind


def test_is_internal_needs_http():
    assert is_internal("http://www.pjfda.gov.cn/a.html", "http://pjfda.gov.cn/")
    assert not is_internal("ftp://www.pjfda.gov.cn/a.pdf", SITE)


@pytest.mark.parametrize("url, html", [
    ("http://x.gov.cn/", True), ("http://x.gov.cn/a/index.shtml", True), ("http://x.gov.cn/a.jsp?id=1", True),
    ("http://x.gov.cn/col/col1/index.html", True), ("http://x.gov.cn/a.pdf", False), ("http://x.gov.cn/s.css", False),
    ("http://x.gov.cn/logo.png", False), ("http://x.gov.cn/down.do?name=a.doc", False),
])
def test_looks_like_html(url, html):
    assert looks_like_html(url) is html


def test_page_links_are_absolute_without_fragments_in_page_order_once_each():
    html = """<html><body>
      <a href="../zwgk/index.html#top">政务 公开</a>
      <img src="/images/logo.png">
      <a href="#main">跳到正文</a>
      <a href=" ./201603/t20160307_1.html ">通知</a>
      <a href="../zwgk/index.html">政务公开</a>
      <iframe src="http://www.gov.cn/frame.html"></iframe>
      <a href="javascript:window.close()">关闭</a>
    </body></html>"""
    links = page_links(Selector(text=html), "http://www.pjfda.gov.cn/xxgk/index.html", SITE)
    assert [(l.url, l.text, l.kind, l.tag) for l in links] == [
        ("http://www.pjfda.gov.cn/zwgk/index.html", "政务 公开", "internal", "a"),
        ("http://www.pjfda.gov.cn/images/logo.png", "", "internal", "img"),
        ("http://www.pjfda.gov.cn/xxgk/201603/t20160307_1.html", "通知", "internal", "a"),
        ("http://www.gov.cn/frame.html", "", "external", "iframe"),
        ("javascript:window.close()", "关闭", "other", "a"),
    ]


def test_base_href_is_honoured():
    html = '<html><head><base href="http://www.pjfda.gov.cn/zwgk/"></head><body><a href="a.html">a</a></body></html>'
    assert page_links(Selector(text=html), "http://www.pjfda.gov.cn/x/y.html", SITE)[0].url == \
        "http://www.pjfda.gov.cn/zwgk/a.html"


# Bases and references where memoising by directory or origin could go wrong: a bare host, a
# query or fragment holding '/', ';params' in the path, '//' with and without a host.
TRICKY_BASES = [
    "http://h.gov.cn", "http://h.gov.cn/", "http://h.gov.cn/a/b.html", "http://h.gov.cn/a/b/",
    "http://h.gov.cn/a/b.html?x=1/2", "https://H.gov.cn:8443/a;s=1/b.jsp?q=a/b#f/g",
    "http://h.gov.cn/a/b;jsessionid=123?x", "http://h.gov.cn?x=1", "http://h.gov.cn#x/y",
    "http://u:p@h.gov.cn/x/y", "http://h.gov.cn/a//b/c",
]
TRICKY_HREFS = [
    "x.html", "./x.html", "../../../x", "/x", "//other.cn/x", "HTTPS://o.cn/Y", "?page=2", "?", ";x=1",
    "x?y=1#z", ".", "..", "/", "a b.html", "中文.html", "http:rel", "//", "///x", "//?x", "\\x",
    "./201603/t20160307_1.html", "http://h.gov.cn/a?_=1457312345678",
]


@pytest.mark.parametrize("base", TRICKY_BASES)
def test_links_resolve_as_urljoin_would_although_memoised(base):
    from urllib.parse import urldefrag, urljoin

    from w3lib.url import safe_url_string

    from crawler.extract.links import absolute_url
    from crawler.extract.urls import canonical_url

    for href in TRICKY_HREFS:
        expected = canonical_url(urldefrag(urljoin(base, safe_url_string(href))).url)
        assert absolute_url(href, base) == expected, href
