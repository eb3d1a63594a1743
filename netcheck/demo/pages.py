"""HTML templates of the demo portal: a 2016 TRS-style municipal bureau site.

Only markup lives here; what goes on which page is decided in site.py. The shapes follow the
real CMS pages described in docs/rules.md §2.6: `当前位置` breadcrumb, national page-design meta
tags, `index_N.html` pagination with 共N页, `./YYYYMM/tYYYYMMDD_NNNN.html` entries and the gov.cn
信息公开 metadata table.
"""
from __future__ import annotations

from datetime import date
from html import escape

SITE = "盘锦市食品药品监督管理局"
DOMAIN = "www.pjfda.gov.cn"

SITE_CODE = "2111000012"  # 网站标识码: shown in the SiteIDCode tag and, only as an image's alt text, in the footer
POLICE_NO = "21110202000123"
# The footer's identity items (政府网站发展指引). The 标识码 is only in an image's alt text (a
# look-alike: it is shown); no page loads the 我为政府网站找错 script (planted
# site.error_entry_missing). OLD_FOOTER, on the 行政处罚 items, lacks the 公安机关备案号 (planted
# site.identity).
FOOTER_BADGES = (f'<p><a href="http://bszs.conac.cn/sitename?method=show&amp;id=21A0F3D2C5B94E1C" target="_blank">'
                 f'党政机关</a>　<img src="/images/bsm.gif" alt="网站标识码：{SITE_CODE}"></p>')
FOOTER = (f'<p>电话：0427-2812331　投诉举报电话：12331　辽ICP备05005678号　'
          f'<a href="http://www.beian.gov.cn/portal/registerSystemInfo?recordcode={POLICE_NO}" target="_blank">'
          f'辽公网安备 {POLICE_NO}号</a></p>\n{FOOTER_BADGES}')
OLD_FOOTER = f'<p>电话：0427-2812331　投诉举报电话：12331　辽ICP备05005678号</p>\n{FOOTER_BADGES}'
# A 1×1 GIF: the badge image the footer shows.
BADGE_GIF = bytes.fromhex("47494638396101000100800000ffffff00000021f90401000000002c00000000010001000002024401003b")

Crumbs = list[tuple[str, str]]  # (name, href)
Links = list[tuple[str, str]]

CSS = """body{margin:0;font:14px/1.8 "Microsoft YaHei",SimSun,sans-serif;color:#333}
.top{background:#1b5fa8;color:#fff;padding:18px 40px}.logo a{color:#fff;font-size:28px;text-decoration:none}
.nav ul{margin:0;padding:0 40px;background:#0e4a8a}.nav li{display:inline-block;list-style:none}
.nav a{display:block;padding:8px 22px;color:#fff;text-decoration:none}
.main{width:1000px;margin:10px auto;overflow:hidden}.side{float:left;width:220px}.content-box{float:right;width:760px}
.location{padding:6px 0;border-bottom:1px solid #ddd}.list li span{float:right;color:#888}
.xxgk-meta{width:100%;border-collapse:collapse;background:#f7f9fc}.xxgk-meta td{border:1px solid #dfe6ee;padding:4px 8px}
.article h1{text-align:center;font-size:22px}.sign{text-align:right}.footer{background:#eee;text-align:center;padding:12px}
"""


def layout(title: str, body: str, meta: dict[str, str] | None = None, footer: str = FOOTER) -> bytes:
    """A whole page: head with the page-design meta tags, header, menu, body, footer."""
    from .columns import NAV

    tags = "".join(f'<meta name="{k}" content="{escape(v)}">\n' for k, v in (meta or {}).items())
    nav = "".join(f'<li><a href="{href}">{name}</a></li>' for name, href in NAV)
    html = f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<title>{escape(title)}</title>
<meta name="SiteName" content="{SITE}">
<meta name="SiteDomain" content="{DOMAIN}">
<meta name="SiteIDCode" content="{SITE_CODE}">
{tags}<link rel="stylesheet" type="text/css" href="/images/style.css">
</head>
<body>
<div class="top"><div class="logo"><a href="/">{SITE}</a></div><div class="hotline">投诉举报电话：12331</div>
<form class="search" action="/search/index.html" method="get" target="_blank"><input type="text" name="searchword" placeholder="请输入关键字"><input type="submit" value="搜索"></form></div>
<div class="nav"><ul>{nav}</ul></div>
<div class="main">
{body}
</div>
<div class="footer">
<p>友情链接：<a href="http://www.gov.cn/" target="_blank">中国政府网</a> | <a href="http://www.ln.gov.cn/" target="_blank">辽宁省人民政府</a> | <a href="http://www.panjin.gov.cn/" target="_blank">盘锦市人民政府</a></p>
<p>主办：{SITE}　承办：{SITE}办公室</p>
<p>地址：辽宁省盘锦市兴隆台区市府大路南段　邮编：124010</p>
{footer}
</div>
</body>
</html>
"""
    return html.encode("utf-8")


def breadcrumb(crumbs: Crumbs, label: str = "当前位置：") -> str:
    trail = " &gt; ".join(f'<a href="{href}">{escape(name)}</a>' for name, href in crumbs)
    return f'<div class="location">{label}{trail}</div>'


def sidebar(title: str, links: Links) -> str:
    items = "".join(f'<li><a href="{href}">{escape(name)}</a></li>' for name, href in links)
    return f'<div class="side"><h3>{escape(title)}</h3><ul>{items}</ul></div>'


def entry(href: str, title: str, day: date | None) -> str:
    when = f"<span>{day.isoformat()}</span>" if day else ""
    return f'<li><a href="{href}" title="{escape(title)}">{escape(title)}</a>{when}</li>'


def pager(page: int, pages: int) -> str:
    """TRS static pagination: index.html, index_1.html, …; `page` is 0-based."""
    def name(k: int) -> str:
        return "index.html" if k == 0 else f"index_{k}.html"

    parts = [f"共{pages}页"]
    if page > 0:
        parts += [f'<a href="{name(0)}">首页</a>', f'<a href="{name(page - 1)}">上一页</a>']
    else:
        parts += ["<span>首页</span>", "<span>上一页</span>"]
    if page < pages - 1:
        parts += [f'<a href="{name(page + 1)}">下一页</a>', f'<a href="{name(pages - 1)}">尾页</a>']
    else:
        parts += ["<span>下一页</span>", "<span>尾页</span>"]
    parts.append(f"当前第{page + 1}页")
    return '<div class="page">' + "　".join(parts) + "</div>"


def list_body(name: str, crumbs: Crumbs, side: str, entries: list[str], page: int, pages: int) -> str:
    rows = "\n".join(entries) if entries else "<li>暂无信息</li>"
    return (f'{side}<div class="content-box">{breadcrumb(crumbs)}'
            f'<div class="column-title"><h2>{escape(name)}</h2></div>\n'
            f'<ul class="list">\n{rows}\n</ul>\n{pager(page, pages)}</div>')


def meta_table(rows: list[list[tuple[str, str]]]) -> str:
    """The gov.cn 信息公开 table: each row is label/value pairs; a lone pair spans the row."""
    out = []
    for row in rows:
        cells = []
        for label, value in row:
            span = ' colspan="3"' if len(row) == 1 else ""
            cells.append(f"<td>{label}</td><td{span}>{escape(value)}</td>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    return '<table class="xxgk-meta">' + "".join(out) + "</table>"


def article_body(*, crumbs: Crumbs, side: str, title: str, paragraphs: list[str],
                 table: str = "", info: str = "", attachments: Links | None = None,
                 signature: tuple[str, str] | None = None, label: str = "当前位置：") -> str:
    """A detail page. `paragraphs` are trusted HTML fragments (some carry links)."""
    # A block element (a table) cannot sit inside <p>: parsers would close the paragraph early.
    paras = "\n".join(p if p.startswith("<table") else f"<p>{p}</p>" for p in paragraphs)
    files = "".join(f'<p><a href="{href}">附件：{escape(name)}</a></p>' for name, href in attachments or [])
    sign = (f'<div class="sign"><p>{signature[0]}</p><p>{signature[1]}</p></div>' if signature else "")
    info_html = f'<div class="info">{info}</div>' if info else ""
    return (f'{side}<div class="content-box">{breadcrumb(crumbs, label)}{table}'
            f'<div class="article"><h1>{escape(title)}</h1>{info_html}'
            f'<div class="content">\n{paras}\n</div>{files}{sign}</div></div>')


def blocks_body(crumbs: Crumbs | None, blocks: list[tuple[str, str, list[str]]], extra: str = "") -> str:
    """A section front page: one block per sub-column (title, more-link, entries)."""
    parts = [breadcrumb(crumbs)] if crumbs else []
    for name, more, entries in blocks:
        more_link = f'<a class="more" href="{more}">更多&gt;&gt;</a>' if more else ""
        parts.append(f'<div class="block"><h3>{escape(name)}{more_link}</h3>'
                     f'<ul class="list">{"".join(entries)}</ul></div>')
    return "\n".join(parts) + extra


def error_page(title: str, message: str) -> bytes:
    """Bare CMS error page, as a 404 or a soft 404 (status 200) answers."""
    return (f'<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>{title}</title></head>'
            f'<body><div class="error"><h2>{title}</h2><p>{message}</p>'
            f'<p><a href="/">返回首页</a></p></div></body></html>\n').encode("utf-8")
