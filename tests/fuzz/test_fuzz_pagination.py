"""Property tests of the pagination finders (crawler/extract/pagination.py).

Whatever a page states (a page count of a thousand digits, a createPageHTML call with any
arguments, a datastore total of 10^30, pager links numbered ² or 99999999999), the further
pages come back quickly, at most `limit` of them, each once, never the page itself or a page
it already links; and a list of N pages gives exactly its other N-1 pages, capped at `limit`.
"""
from __future__ import annotations

from unittest import mock

from hypothesis import example, given
from hypothesis import strategies as st
from parsel import Selector

from crawler.extract import pagination
from crawler.extract.links import page_links
from crawler.extract.pagination import further_pages
from crawler.extract.urls import canonical_url
from fuzz_strategies import digit_runs, noisy_text, time_limit

SITE = "http://www.site.test/"
LIST = "http://www.site.test/zwgk/tzgg/"
PAGE_URLS = st.sampled_from([
    LIST, LIST + "index.html", LIST + "index_3.html", LIST + "list-2.shtml", LIST + "list.jsp?page=2&col=1",
    LIST + "list.jsp?pageNo=%C2%B2", "http://www.site.test/module/jpage/dataproxy.jsp?startrecord=46&endrecord=90&perpage=15",
    "http://www.site.test/module/jpage/dataproxy.jsp?startrecord=%C2%B2&endrecord=" + "9" * 30,
])
NUMBER = st.one_of(digit_runs(), st.sampled_from(["0", "1", "²", "١٢", "-1", "1e3", ""]))
ARG = st.one_of(NUMBER, st.sampled_from(['"index"', "'index'", '"html"', '"shtml"', '"#"', '"a#b"', '"?p"', '""',
                                         '"../x"', "countPage", "nPageCount", "'page_div'", "a+b"]))


@st.composite
def pager_fragments(draw) -> str:
    kind = draw(st.sampled_from(["trs", "var", "total", "datastore", "link", "noise"]))
    if kind == "trs":
        return f"<script>createPageHTML({', '.join(draw(st.lists(ARG, max_size=6)))});</script>"
    if kind == "var":
        return f"<script>var {draw(st.sampled_from(['countPage', 'nPageCount', 'currentPage']))} = {draw(NUMBER)};</script>"
    if kind == "total":
        form = draw(st.sampled_from(["共{}页", "共&nbsp;{}&nbsp;页", "共&nbsp{}页", "共<b>{}</b>页", "页次：1/{}",
                                     "totalPage = {}", "pageCount:'{}'"]))
        return f"<span>{form.format(draw(NUMBER))}</span>"
    if kind == "datastore":
        parts = draw(st.lists(st.sampled_from([
            "<nextgroup><![CDATA[<a href=\"/module/jpage/dataproxy.jsp?page=1&appid=1&webid=1&col=1\">]]></nextgroup>",
            "<record><![CDATA[<li><a href='/art/2016/3/7/art_1_1.html'>x</a></li>]]></record>",
            f"<totalrecord>{draw(NUMBER)}</totalrecord>", f"perPage:{draw(NUMBER)}", f"groupSize:{draw(NUMBER)}",
        ]), max_size=6))
        return f"<script type=\"text/xml\"><datastore>{''.join(parts)}</datastore></script>"
    if kind == "link":
        href = draw(st.sampled_from(["index_{}.html", "index.html", "list-{}.shtml", "?page={}", "list.jsp?page={}&col=1",
                                     "#", "javascript:goPage({})"]))
        return f"<a href=\"{href.format(draw(NUMBER))}\">{draw(st.one_of(NUMBER, st.sampled_from(['下一页', '尾页'])))}</a>"
    return draw(noisy_text(max_size=20))


PAGER_HTML = st.lists(pager_fragments(), max_size=8).map(lambda parts: f"<html><body>{''.join(parts)}</body></html>")


def further(html: str, url: str, limit: int) -> list[str]:
    with time_limit(5):
        return further_pages(html, url, page_links(Selector(text=html), url, SITE), limit=limit)


@given(PAGER_HTML, PAGE_URLS, st.integers(0, 300))
@example('<script>createPageHTML(99999999999999, 0, "#", "html");</script>', LIST + "index.html", 200)
@example('<span>共99999999999999页</span><a href="index_1.html">99999999999</a>', LIST + "index.html", 200)
@example('<span>共3页</span><a href="index_1.html">²</a>', LIST + "index.html", 200)
@example('<span>共' + "9" * 5000 + '页</span><a href="index_1.html">2</a>', LIST + "index.html", 200)
def test_any_pager_gives_at_most_limit_distinct_other_pages_quickly(html, url, limit):
    pages = further(html, url, limit)
    linked = {link.url for link in page_links(Selector(text=html), url, SITE) if link.tag == "a"}
    assert len(pages) <= limit and len(set(pages)) == len(pages)
    assert canonical_url(url) not in pages and not linked & set(pages)
    assert all(page.startswith(("http://", "https://")) for page in pages)


@given(st.integers(1, 10**15), st.integers(0, 300), st.sampled_from(["index", "list"]), st.sampled_from(["html", "shtml"]))
def test_a_trs_pager_of_n_pages_gives_the_other_pages_up_to_the_limit(count, limit, prefix, ext):
    html = f'<script>createPageHTML({count}, 0, "{prefix}", "{ext}");</script>'
    expected = [f"{LIST}{prefix}_{k}.{ext}" for k in range(1, min(count, limit + 1))]
    assert further(html, LIST + f"{prefix}.{ext}", limit) == expected[:limit]


@given(st.integers(1, 10**15), st.integers(0, 300), st.sampled_from(["共{}页", "共 {} 页", "共&nbsp;{}&nbsp;页", "页次：1/{}"]))
def test_a_stated_page_count_gives_the_pages_the_pager_spells_up_to_the_limit(count, limit, form):
    # Page 1 of a TRS list: index.html, its pager links page 2 as index_1.html.
    html = f'<div>{form.format(count)}</div><a href="index_1.html">2</a>'
    expected = [f"{LIST}index_{k}.html" for k in range(2, min(count, limit + 2))]
    assert further(html, LIST + "index.html", limit) == expected[:limit]


@given(PAGER_HTML, PAGE_URLS)
@example('<span>共&nbsp5&nbsp页</span><a href="index_1.html">2</a>', LIST + "index.html")  # &nbsp without ;
def test_the_quick_look_for_a_page_count_never_changes_the_pages_found(html, url):
    with mock.patch.object(pagination, "_may_state_total", lambda html: True):
        thorough = further(html, url, 300)
    assert further(html, url, 300) == thorough
