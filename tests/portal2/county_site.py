"""The county portal built in memory as {path: Page}, GBK-encoded as the platform serves it.

`build()` is deterministic; `lookup()` answers a request path as the platform's web server does:
`/` and directory URLs serve their index.html, `/zwgk/` is a permanent redirect to the 政务公开
column (an old address kept alive), anything else a 404 page.
"""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

import county_a11y
import county_board
import county_pages as tpl
from county_items import (BY_KEY, COLUMNS, GUIDE_PATH, GUIDE_ROWS, GUIDE_TITLE, HOME_LINKS, HOME_NEWS_UNTIL, ITEMS,
                          ZWGK_EXTRA, Column, Item)

ENCODING = "gbk"
HANWEB_TYPE = "text/html"  # the platform's static pages: no charset in the header
TRS_TYPE = "text/html; charset=GBK"
TRS_PAGE_SIZE = 5
ZWGK_REDIRECT = ("/zwgk/", "/col/col1001/index.html")


@dataclass(frozen=True)
class Page:
    status: int
    content_type: str
    body: bytes
    headers: tuple[tuple[str, str], ...] = ()


def _html(text: str, status: int = 200, content_type: str = HANWEB_TYPE) -> Page:
    return Page(status, content_type, text.encode(ENCODING))


NOT_FOUND = _html(tpl.layout("404", tpl.notice_page("404 Not Found", "您访问的页面不存在，请检查网址是否正确。")), 404)


def build() -> dict[str, Page]:
    site: dict[str, Page] = {}
    by_col: dict[str, list[Item]] = {c.key: [] for c in COLUMNS}
    for item in ITEMS:
        by_col[item.col].append(item)
    for listed in by_col.values():
        listed.sort(key=lambda i: (i.posted, i.n), reverse=True)

    for col in COLUMNS:
        site.update(_column_pages(col, by_col))
    for item in ITEMS:
        site[item.path] = _article(item)
    site["/index.html"] = site["/"] = _home(by_col)
    site.update(_fixtures())
    site.update({path: _html(text) for path, text in county_board.board_pages().items()})  # 局长信箱
    site.update({path: _html(text) for path, text in county_a11y.site_pages(tpl.layout).items()})  # issue 16
    site.update({path: Page(200, kind, body) for path, (kind, body) in county_a11y.files().items()})
    return dict(sorted(site.items()))


def lookup(site: dict[str, Page], target: str) -> Page:
    path = unquote(urlsplit(target).path) or "/"
    if path.rstrip("/") == ZWGK_REDIRECT[0].rstrip("/"):
        return Page(301, HANWEB_TYPE, b"", (("Location", ZWGK_REDIRECT[1]),))
    if path in site:
        return site[path]
    if path.endswith("/") and path + "index.html" in site:
        return site[path + "index.html"]
    return NOT_FOUND


# ---------------------------------------------------------------- columns


def _chain(col: Column) -> list[Column]:
    chain = [col]
    while chain[0].parent:
        chain.insert(0, BY_KEY[chain[0].parent])
    return chain


def _crumbs(col: Column) -> tpl.Crumbs:
    return [("首页", "/")] + [(c.name, c.path) for c in _chain(col)]


def _trs_crumbs(depth: int) -> tpl.Crumbs:
    """The TRS section links up with relative paths (depth 0: the list page, 1: an article)."""
    up = "../" * depth
    return [("首页", up + "../../"), ("政务公开", up + "../"), ("公示公告", up + "./")]


def _sidebar() -> str:
    return tpl.sidebar("政务公开", [(c.name, c.path) for c in COLUMNS if c.parent == "zwgk"])


def _column_pages(col: Column, by_col: dict[str, list[Item]]) -> dict[str, Page]:
    listed = by_col[col.key]
    crumb = tpl.CRUMB_STYLES[col.crumb]
    head = tpl.HANWEB_HEAD if col.declared else ""
    if col.shape == "trs":
        chunks = [listed[k:k + TRS_PAGE_SIZE] for k in range(0, len(listed), TRS_PAGE_SIZE)]
        pages = {}
        for k, chunk in enumerate(chunks):
            rows = [tpl.row("./" + i.path.split("/zwgk/gsgg/")[1], i.title, i.posted, "td") for i in chunk]
            body = (crumb(_trs_crumbs(0)) + _sidebar() + '<div class="right">'
                    + tpl.table_list(rows) + tpl.trs_pager(len(chunks), k) + "</div>")
            text = tpl.layout(col.name, body, head=tpl.TRS_HEAD, metas={"ColumnName": col.name})
            name = "index.html" if k == 0 else f"index_{k}.html"
            pages[col.path.replace("index.html", name)] = _html(text, content_type=TRS_TYPE)
        return pages
    if col.shape == "table":
        content = tpl.table_list([tpl.row(i.path, i.title, i.posted, col.rows) for i in listed])
    elif col.shape == "datastore":
        content = tpl.datastore([(i.path, i.title, i.posted) for i in listed], int(col.number), 4183)
        content += '<div class="bt_more">暂无更多信息</div>'  # the load-more tail, under a full list
    elif col.shape == "empty-notice":
        content = '<div class="bt_list_box"><p class="no_data">暂无信息</p></div>'
    elif col.shape == "empty-datastore":
        content = tpl.datastore([], int(col.number), 4190)
    elif col.shape == "single":
        content = "".join(f'<p style="text-indent:2em">{p}</p>' for p in col.text)
    else:  # landing: a directory of the columns under it
        kids = [(c.name, c.path) for c in COLUMNS if c.parent == col.key]
        if col.key == "zwgk":
            kids += ZWGK_EXTRA
        content = ('<div class="zwgk_box"><div class="zwgk_title">' + col.name + "目录</div><ul>"
                   + "".join(f'<li><a href="{h}">{n}</a></li>' for n, h in kids) + "</ul></div>")
    side = _sidebar() if col.parent else ""
    body = crumb(_crumbs(col)) + side + f'<div class="right">{content}</div>'
    return {col.path: _html(tpl.layout(col.name, body, head=head))}


# ---------------------------------------------------------------- articles


def _article(item: Item) -> Page:
    col = item.column
    if col.shape == "trs":
        return _trs_article(item)
    table, metas = "", {}
    if col.disclosure:
        cells = [] if "no_index_row" in item.flags else [("索引号", f"{tpl.INDEX_PREFIX}/{item.posted.year}-{item.n:05d}")]
        cells += [("主题分类", col.subject), ("发布机构", tpl.ORGAN),
                  ("生成日期", f"{item.formed:%Y年%m月%d日}" if item.formed else ""), ("文号", item.doc_no),
                  ("发布日期", "" if "blank_pubdate" in item.flags else item.posted.isoformat())]
        table = tpl.meta_table(cells)
        info = f"信息来源：{tpl.ORGAN}　字号：<a>大</a> <a>中</a> <a>小</a>"
    else:  # news: Hanweb's page head carries the article's meta tags
        metas = {"ArticleTitle": item.title, "PubDate": f"{item.posted.isoformat()} 09:{item.n % 60:02d}",
                 "ContentSource": tpl.ORGAN}
        info = f"信息来源：{tpl.ORGAN}"
        if "pubdate_only" not in item.flags:
            info = f"发布时间：{item.posted.isoformat()}　" + info
    after = item.after + (tpl.record_table(list(item.record)) if item.record else "")
    if item.links:
        after += "<p>相关链接：" + "".join(f'<a href="{h}">{t}</a>' for t, h in item.links) + "</p>"
    body = tpl.CRUMB_STYLES[col.crumb](_crumbs(col)) + tpl.article(
        title=item.title, table=table, info=info, paragraphs=list(item.body), after=after,
        signature=(tpl.ORGAN, item.sign) if item.sign else None, attachments=list(item.attachments))
    head = "" if "undeclared" in item.flags else tpl.HANWEB_HEAD
    return _html(tpl.layout(item.title, body, head=head, metas=metas))


def _trs_article(item: Item) -> Page:
    metas = {"ColumnName": item.column.name, "ArticleTitle": item.title,
             "PubDate": f"{item.posted.isoformat()} 10:{item.n % 60:02d}"}
    body = tpl.crumb_trs(_trs_crumbs(1)) + tpl.article(
        title=item.title, table="", info=f"发布日期：{item.posted.isoformat()}　来源：{tpl.ORGAN}",
        paragraphs=list(item.body), signature=(tpl.ORGAN, item.sign) if item.sign else None)
    return _html(tpl.layout(item.title, body, head=tpl.TRS_HEAD, metas=metas), content_type=TRS_TYPE)


# ---------------------------------------------------------------- home and fixed files


def _home(by_col: dict[str, list[Item]]) -> Page:
    """The home page, a static page last published on HOME_NEWS_UNTIL (planted site.homepage_stale)."""
    news = [i for i in by_col["dt"] if i.posted <= HOME_NEWS_UNTIL][:8]
    notices = by_col["gsgg"][:5]

    def block(title: str, more: str, items: list[Item]) -> str:
        rows = [tpl.row(i.path, i.title, i.posted, "td") for i in items]
        return (f'<div class="index_box"><div class="index_title">{title}<a href="{more}" class="more">更多</a></div>'
                f"{tpl.table_list(rows)}</div>")

    zwgk = "".join(f'<li><a href="{c.path}">{c.name}</a></li>' for c in COLUMNS if c.parent == "zwgk")
    service = "".join(f'<li><a href="{h}">{n}</a></li>'
                      for n, h in [*HOME_LINKS, (county_board.BOARD_NAME, county_board.BOARD_PATH)])
    body = (block("市场监管动态", BY_KEY["dt"].path, news) + block("公示公告", BY_KEY["gsgg"].path, notices)
            + f'<div class="index_box"><div class="index_title">政务公开</div><ul>{zwgk}</ul></div>'
            + f'<div class="index_box"><div class="index_title">互动交流</div><ul>{service}</ul></div>'
            + county_a11y.home_links())  # issue 16: a11y.* and link.hijacked (county_a11y)
    return _html(tpl.layout(tpl.SITE, body))


PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
       b"trailer<</Root 1 0 R>>\n%%EOF\n")


def _attachments() -> dict[str, Page]:
    """The planted penalty's attachments (county_items.LEAK_FILES), written when the site is built."""
    from county_items import (DOCX_LEAKED_ID, DOCX_LEAKED_MOBILE, LEAK_FILES, PDF_LEAKED_ID,
                              PDF_LEAKED_MOBILE)

    from netcheck.demo.attachments import CONTENT_TYPES, docx, pdf_text, scanned_pdf

    (_, pdf_path), (_, docx_path), (_, scan_path) = LEAK_FILES
    return {
        pdf_path: Page(200, CONTENT_TYPES["pdf"], pdf_text([
            "Liuxi County Market Supervision Administration", "Administrative penalty decision 2016-36",
            f"Party: Wang, ID {PDF_LEAKED_ID}, mobile {PDF_LEAKED_MOBILE}"])),
        docx_path: Page(200, CONTENT_TYPES["docx"], docx([
            "询问笔录", f"被询问人：王某某，身份证号码：{DOCX_LEAKED_ID}", f"联系电话：{DOCX_LEAKED_MOBILE}"])),
        scan_path: Page(200, CONTENT_TYPES["pdf"], scanned_pdf()),
    }


def _fixtures() -> dict[str, Page]:
    waf = tpl.notice_page("403 Forbidden", "您的访问请求可能对网站造成安全威胁，已被网站安全防护系统拦截。")
    gone = tpl.notice_page("页面不存在", "对不起，您访问的页面不存在或已被删除！")
    return {
        "/images/style.css": Page(200, "text/css", tpl.CSS.encode(ENCODING)),
        "/module/web/jpage/jpage.js": Page(200, "application/javascript", b"function jpage(){}\n"),
        "/uploadfile/2016/0412/20160412093015721.pdf": Page(200, "application/pdf", PDF),
        **_attachments(),
        GUIDE_PATH: _html(tpl.layout(GUIDE_TITLE, tpl.crumb_hanweb([("首页", "/"), ("办事指南", GUIDE_PATH)])
                                     + f"<h1>{GUIDE_TITLE}</h1><table class='bszn'>" + "".join(
                                         f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in GUIDE_ROWS) + "</table>")),
        # a removed column: the platform answers 200 with a "not found" page (soft 404)
        "/col/col1099/index.html": _html(tpl.layout("页面不存在", gone)),
        # the consultation module sits behind a WAF that refuses every crawler
        "/module/consult/index.jsp": Page(403, HANWEB_TYPE, tpl.layout("403 Forbidden", waf).encode(ENCODING),
                                          (("X-Protected-By", "WAF"),)),
    }
