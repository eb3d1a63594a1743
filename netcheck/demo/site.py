"""The demo portal of 盘锦市食品药品监督管理局, built in memory as {path: Page}.

`build()` is deterministic (fixed seed, no clock): the same bytes on every run, so the planted
defects in answer_key.yaml stay where the answer key says. `lookup()` is how the server (and the
tests) resolve a request path: `/` and directory URLs serve their index.html, unknown paths a
real 404 page.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date
from urllib.parse import unquote, urlsplit

from . import a11y, attachments, boards, fixes, pages, seed
from .columns import COLUMNS, Column, by_path
from .content import ORGAN, cn_date
from .items import Item, generate, number

SEED = 20160630
AS_OF = date(2016, 6, 30)  # the date the planted defects are planted against
HOME_LIST_NEWEST = date(2016, 6, 12)  # the home page's "最新信息" stopped here (site.homepage_stale)
HTML = "text/html; charset=utf-8"
OLD_FOOTER_COLUMN = "/xxgk/xzcf/"  # its items keep a footer without the 公安机关备案号 (site.identity)


@dataclass(frozen=True)
class Page:
    status: int
    content_type: str
    body: bytes
    headers: tuple[tuple[str, str], ...] = ()


def build(fixed: tuple[str, ...] = ()) -> dict[str, Page]:
    """Every page of the portal, keyed by path; `fixed` names fixes.FIXES to apply (整改销号)."""
    items = generate(random.Random(SEED))
    if fixed:
        fixes.apply(items, fixed)
        number(items)  # the new items get their 文号 and 索引号, as the CMS would give them
    site: dict[str, Page] = {}
    by_column: dict[str, list[Item]] = {c.path: [] for c in COLUMNS}
    for item in items:
        by_column[item.column.path].append(item)
    for listed in by_column.values():
        listed.sort(key=lambda i: (i.posted, i.doc_id), reverse=True)

    def html(path: str, body: bytes, status: int = 200) -> None:
        site[path] = Page(status, HTML, body)

    for col in COLUMNS:
        listed = by_column[col.path]
        if col.kind in ("list", "empty"):
            for path, body in _list_pages(col, listed):
                html(path, body)
        elif col.kind == "landing":
            html(col.index, _landing(col, by_column))
    for item in items:
        html(item.path, seed.render(_sidebar(item.column)) if item.seed else _detail(item))
        for _label, name in item.attachments:
            if name not in item.missing:
                body, ctype = attachments.make(name.rsplit(".", 1)[1], _label)
                site[item.folder + name] = Page(200, ctype, body)
    html("/xxgk/gknb/2015/index.html", _year_page(by_column["/xxgk/gknb/"], 2015))
    home = _home(by_column)
    html("/", home)
    html("/index.html", home)
    site.update(_fixtures())
    for path, body in boards.board_pages().items():  # 在线咨询 and 网上信访 (interaction.unanswered)
        html(path, body)
    for path, body in a11y.site_pages().items():  # 形象宣传片 专题 (a11y.*)
        html(path, body)
    return dict(sorted(site.items()))


NOT_FOUND = Page(404, HTML, pages.error_page("404 页面未找到", "您访问的页面不存在，请检查网址是否正确。"))


def lookup(site: dict[str, Page], target: str) -> Page:
    """The answer to a request for `target` (a path, query ignored: the site is static)."""
    path = unquote(urlsplit(target).path) or "/"
    if path in site:
        return site[path]
    if path.endswith("/") and path + "index.html" in site:
        return site[path + "index.html"]
    if path + "/index.html" in site:  # /xxgk → /xxgk/, as a static server does
        return Page(301, HTML, b"", (("Location", path + "/"),))
    return NOT_FOUND


# ---------------------------------------------------------------- helpers


def _ancestors(col: Column) -> list[Column]:
    columns, chain = by_path(), []
    while col.parent:
        col = columns[col.parent]
        chain.insert(0, col)
    return chain


def _crumbs(col: Column) -> pages.Crumbs:
    return [("首页", "/")] + [(c.name, c.index) for c in _ancestors(col)] + [(col.name, col.index)]


def _sidebar(col: Column) -> str:
    root = (_ancestors(col) or [col])[0]
    links = [(c.name, c.index) for c in COLUMNS if c is not root and root in _ancestors(c)]
    return pages.sidebar(root.name, links)


def _rel(col_path: str, item: Item) -> str:
    return "./" + item.path[len(col_path):]


def _column_meta(col: Column) -> dict[str, str]:
    return {"ColumnName": col.name, "ColumnType": col.column_type}


def _list_pages(col: Column, listed: list[Item]):
    size = col.page_size
    chunks = [listed[k:k + size] for k in range(0, len(listed), size)] or [[]]
    for k, chunk in enumerate(chunks):
        entries = [pages.entry(_rel(col.path, i), i.title, i.posted) for i in chunk]
        body = pages.list_body(col.name, _crumbs(col), _sidebar(col), entries, k, len(chunks))
        name = "index.html" if k == 0 else f"index_{k}.html"
        yield col.path + name, pages.layout(f"{col.name}-{pages.SITE}", body, _column_meta(col))


def _year_page(reports: list[Item], year: int) -> bytes:
    """/xxgk/gknb/2015/: the year level the seed's breadcrumb links to."""
    col = by_path()["/xxgk/gknb/"]
    chosen = [i for i in reports if i.title.startswith(f"{year}年度")]
    entries = [pages.entry("../" + i.path[len(col.path):], i.title, i.posted) for i in chosen]
    crumbs = _crumbs(col) + [(f"{year}年", f"{col.path}{year}/index.html")]
    body = pages.list_body(f"{year}年", crumbs, _sidebar(col), entries, 0, 1)
    return pages.layout(f"{year}年-{col.name}-{pages.SITE}", body, _column_meta(col))


def _detail(item: Item) -> bytes:
    col = item.column
    table, info = "", ""
    if col.disclosure:
        first = [("索 引 号：", item.index_no)] if item.has_index else []
        table = pages.meta_table([
            first + [("主题分类：", col.subject)],
            [("发布机构：", ORGAN), ("成文日期：", item.formed.isoformat() if item.formed else "")],
            [("标  题：", item.title)],
            [("文  号：", item.doc_no), ("发布日期：", item.posted.isoformat())],
        ])
    else:
        info = f"发布时间：{item.posted.isoformat()}"
        if col.style == "news":
            info += f"　来源：{item.source}"
    body = pages.article_body(
        crumbs=_crumbs(col), side=_sidebar(col), title=item.title, paragraphs=item.paragraphs,
        table=table, info=info, attachments=[(label, "./" + name) for label, name in item.attachments],
        signature=(ORGAN, cn_date(item.formed)) if item.signed and item.formed else None)
    meta = _column_meta(col) | {"ArticleTitle": item.title, "PubDate": f"{item.posted.isoformat()} {item.time}",
                                "ContentSource": ORGAN}
    return pages.layout(item.title, body, meta,
                        footer=pages.OLD_FOOTER if col.path == OLD_FOOTER_COLUMN else pages.FOOTER)


def _latest(listed: list[Item], n: int, dated: bool = True) -> list[str]:
    return [pages.entry(i.path, i.title, i.posted if dated else None) for i in listed[:n]]


def _landing(col: Column, by_column: dict[str, list[Item]]) -> bytes:
    kids = [c for c in COLUMNS if col in _ancestors(c)]
    extra = ""
    if col.path == "/xxgk/":
        directory = [f'<li><a href="{c.index}">{c.name}</a></li>' for c in kids]
        newest = sorted((i for c in kids for i in by_column[c.path] if not i.single),
                        key=lambda i: (i.posted, i.doc_id), reverse=True)
        blocks = [("公开目录", "", directory), ("最新公开", "", _latest(newest, 10))]
    else:
        blocks = [(c.name, c.index, _latest(by_column[c.path], 6)) for c in kids if c.kind == "list"]
        links = [(c.name, c.index) for c in kids if c.kind != "list"]
        if col.path == "/bsfw/":
            links.append(("办件进度查询", "/cgi/search.jsp"))  # planted link.broken: always 500
        if col.path == "/hdjl/":
            links.append(("局长信箱", "/hdjl/jzxx/index.html"))  # planted link.unverified: WAF 403
            links += [(b.name, b.index) for b in boards.BOARDS]
        if links:
            extra = pages.blocks_body(None, [("便民服务", "", [f'<li><a href="{h}">{n}</a></li>' for n, h in links])])
    body = pages.blocks_body(_crumbs(col), blocks, extra)
    return pages.layout(f"{col.name}-{pages.SITE}", body, _column_meta(col))


def _home(by_column: dict[str, list[Item]]) -> bytes:
    """The home page. Its only dated list stops at 2016-06-12 (planted site.homepage_stale)."""
    news = [i for i in by_column["/xwdt/xwjx/"] if i.posted <= HOME_LIST_NEWEST]
    xxgk = [f'<li><a href="{c.index}">{c.name}</a></li>'
            for c in COLUMNS if c.parent == "/xxgk/"]
    service = [f'<li><a href="{c.index}">{c.name}</a></li>'
               for c in COLUMNS if c.parent in ("/bsfw/", "/hdjl/")]
    body = pages.blocks_body(None, [
        ("最新信息", "/xwdt/xwjx/index.html", _latest(news, 10)),
        ("通知公告", "/tzgg/index.html", _latest(by_column["/tzgg/"], 5, dated=False)),
        ("政务公开", "/xxgk/index.html", xxgk),
        ("办事服务　互动交流", "", service),
        ("专题专栏", "", [a11y.link()]),  # the 形象宣传片 专题 (a11y.*)
    ])
    return pages.layout(pages.SITE, body)


def _fixtures() -> dict[str, Page]:
    """Fixed files and the planted answers that are not articles."""
    admin = pages.layout("后台管理系统登录", '<div class="login"><h2>网站内容管理系统</h2>'
                         '<p>用户名：<input name="u"> 密码：<input name="p" type="password"></p></div>')
    return {
        "/robots.txt": Page(200, "text/plain; charset=utf-8", b"User-agent: *\nDisallow: /admin/\n"),
        "/images/style.css": Page(200, "text/css; charset=utf-8", pages.CSS.encode("utf-8")),
        "/images/bsm.gif": Page(200, "image/gif", pages.BADGE_GIF),
        "/admin/login.html": Page(200, HTML, admin),
        # soft 404: the old section's page answers 200 with a "not found" message
        "/zwgk/old/index.html": Page(200, HTML, pages.error_page("页面不存在", "抱歉，您访问的页面不存在或已被删除！")),
        # the site search, whose index stopped being rebuilt: it finds nothing (planted site.search_missing)
        "/search/index.html": Page(200, HTML, pages.layout(f"站内搜索-{pages.SITE}", pages.blocks_body(
            None, [("检索结果", "", ["<li>共找到 0 条相关信息，请更换关键字后重试。</li>"])]))),
        # a search script that fails on every request
        "/cgi/search.jsp": Page(500, HTML, pages.error_page("500 Internal Server Error", "服务器内部错误。")),
        # a web application firewall refusing every request to the mailbox
        "/hdjl/jzxx/index.html": Page(403, HTML, pages.error_page("403 Forbidden", "您的访问已被网站安全防护系统拦截。"),
                                      (("X-Protected-By", "WAF"),)),
    }
