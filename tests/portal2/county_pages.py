"""HTML templates of the county portal: markup only, as Hanweb JCMS (集约化 platform) and an older
TRS WCM section print it. What goes on which page is decided in county_site.py.

Shapes copied from real county-department pages:
- Hanweb: `当前位置：<a>首页</a> &gt;&gt; <a>政务公开</a> &gt;&gt; <a>行政处罚</a>`, lists as `<table>` rows,
  a `<script type="text/xml"><datastore>` list, the 信息公开 table (索引号 / 主题分类 / 发布机构 /
  生成日期 / 文号 / 发布日期 in `<td>` cells), `<meta http-equiv … charset=gb2312>`.
- one Hanweb column whose breadcrumb is written with `<span>></span>` between the links;
- TRS: relative links, `<meta name="ColumnName">`, a pager drawn only by `createPageHTML(…)`.
"""
from __future__ import annotations

from datetime import date
from html import escape

SITE = "柳溪县市场监督管理局"
ORGAN = SITE
INDEX_PREFIX = "002594321"  # the bureau's 索引号 prefix (组织机构代码)

Crumbs = list[tuple[str, str]]  # (name, href)

NAV = [("网站首页", "/"), ("市场监管动态", "/col/col1003/index.html"), ("政务公开", "/zwgk/"),
       ("公示公告", "/zwgk/gsgg/index.html")]

CSS = """body{margin:0;font:12px/1.8 SimSun,"宋体";color:#333}.top{height:90px;background:#0b4ea2;color:#fff}
.nav a{color:#fff;padding:0 18px}.main{width:1000px;margin:0 auto}.xxgk_table td{border:1px solid #cfdcec;padding:3px}
.bt-position{line-height:32px;border-bottom:1px solid #ddd}.footer{text-align:center;background:#eee}
"""

# The footer's 网站标识码, and the one the SiteIDCode tag names: another (planted site.identity: the
# template was copied from a sister site). The 党政机关 badge is written by document.write, as
# real footers write it; no page loads the 找错 script (planted site.error_entry_missing).
SITE_CODE = "3305220001"
TAG_SITE_CODE = "3305220002"
HANWEB_HEAD = '<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />'
TRS_HEAD = '<meta http-equiv="Content-Type" content="text/html; charset=gbk">'


def layout(title: str, body: str, *, head: str = HANWEB_HEAD, metas: dict[str, str] | None = None,
           extra_nav: list[tuple[str, str]] = ()) -> str:
    """A whole page (text, not yet encoded). `head` is the charset declaration, '' for none."""
    tags = "".join(f'<meta name="{k}" content="{escape(v)}">\n' for k, v in (metas or {}).items())
    nav = "".join(f'<a href="{href}">{name}</a>' for name, href in [*NAV, *extra_nav])
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
{head}
<title>{escape(title)}</title>
<meta name="SiteIDCode" content="{TAG_SITE_CODE}">
{tags}<link href="/images/style.css" rel="stylesheet" type="text/css" />
</head>
<body>
<div class="top"><div class="logo">{SITE}</div></div>
<div class="nav">{nav}</div>
<div class="main">
{body}
</div>
<div class="footer">
<p>主办单位：{SITE}　地址：柳溪县城关镇人民路88号　邮编：313100</p>
<p>联系电话：0572-6021234　投诉举报电话：12315　浙ICP备05012345号　浙公网安备 33052202000101号　网站标识码：{SITE_CODE}</p>
<script type="text/javascript">document.write(unescape("%3Cspan id='_ideConac' %3E%3C/span%3E%3Cscript src='http://dcs.conac.cn/js/27/000/0000/60000000/CA270000000600000000001.js' type='text/javascript'%3E%3C/script%3E"));</script>
</div>
</body>
</html>
"""


# ---------------------------------------------------------------- breadcrumbs


def crumb_hanweb(crumbs: Crumbs) -> str:
    trail = " &gt;&gt; ".join(f'<a href="{h}">{escape(n)}</a>' for n, h in crumbs)
    return f'<div class="bt-position">当前位置：{trail}</div>'


def crumb_spans(crumbs: Crumbs) -> str:
    trail = "<span>></span>".join(f'<a href="{h}" class="bt_link">{escape(n)}</a>' for n, h in crumbs)
    return f'<div class="position"><span>您现在的位置：</span>{trail}</div>'


def crumb_trs(crumbs: Crumbs) -> str:
    trail = "&nbsp;&gt;&nbsp;".join(f'<a href="{h}" class="CurrChnlCls">{escape(n)}</a>' for n, h in crumbs)
    return f'<div class="location">当前位置：{trail}</div>'


CRUMB_STYLES = {"hanweb": crumb_hanweb, "spans": crumb_spans, "trs": crumb_trs}


def sidebar(title: str, links: list[tuple[str, str]]) -> str:
    items = "".join(f'<li><a href="{h}">{escape(n)}</a></li>' for n, h in links)
    return f'<div class="left"><div class="left_title">{escape(title)}</div><ul class="left_nav">{items}</ul></div>'


# ---------------------------------------------------------------- lists


def row(href: str, title: str, day: date, style: str) -> str:
    """One list row. style: 'bracket' (【2016-05-03】 in the link's cell), 'td' (the date in a cell of
    its own), 'td-bracket' (its own cell, in brackets)."""
    a = f'<a href="{href}" title="{escape(title)}" target="_blank">{escape(title)}</a>'
    if style == "bracket":
        return f'<tr><td class="bt_content">{a}<span class="bt_time">【{day.isoformat()}】</span></td></tr>'
    if style == "td-bracket":
        return f'<tr><td class="bt_content">{a}</td><td class="bt_time" width="100">【{day.isoformat()}】</td></tr>'
    return f'<tr><td class="bt_content">{a}</td><td class="bt_time" width="90" align="right">{day.isoformat()}</td></tr>'


def table_list(rows: list[str]) -> str:
    return f'<table width="100%" border="0" cellspacing="0" cellpadding="0" class="bt_list">{"".join(rows)}</table>'


def datastore(records: list[tuple[str, str, date]], column_id: int, unit_id: int) -> str:
    """A Hanweb jpage list: the records ship inside a script and are drawn by JavaScript."""
    recs = "".join(
        f'<record><![CDATA[<li><a href="{h}" title="{escape(t)}" target="_blank">{escape(t)}</a>'
        f'<span class="bt-data">{d.isoformat()}</span></li>]]></record>\n' for h, t, d in records)
    proxy = (f"/module/web/jpage/dataproxy.jsp?page=1&appid=1&webid=21&path=/&columnid={column_id}"
             f"&unitid={unit_id}&webname={SITE}&permissiontype=0")
    return (f'<div id="{unit_id}"><script type="text/xml"><datastore>\n'
            f'<nextgroup><![CDATA[<a href="{proxy}"></a>]]></nextgroup>\n<recordset>\n{recs}</recordset>\n'
            f'</datastore></script>\n<script language="javascript" src="/module/web/jpage/jpage.js"></script>\n'
            f'<script>var totalRecord = {len(records)}; var perPage = 15;</script></div>')


def trs_pager(pages: int, current: int) -> str:
    return ('<div class="page"><script language="JavaScript">\n'
            f'var currentPage = {current};//所在页从0开始\nvar prevPage = currentPage-1;\n'
            f'createPageHTML({pages}, {current}, "index", "html");\n</script></div>')


# ---------------------------------------------------------------- articles


def meta_table(cells: list[tuple[str, str]]) -> str:
    """The 信息公开 table: label and value in neighbouring cells, two pairs a row."""
    pairs = [f'<td class="label" width="12%">{escape(label)}：</td><td width="38%">{escape(value)}</td>'
             for label, value in cells]
    rows = ["<tr>" + "".join(pairs[k:k + 2]) + "</tr>" for k in range(0, len(pairs), 2)]
    return f'<table class="xxgk_table" width="100%" cellspacing="0" cellpadding="0">{"".join(rows)}</table>'


def record_table(rows: list[tuple[str, str]]) -> str:
    """A 双公示 record: label cell, value cell, one pair a row (no colons, as these tables print them)."""
    body = "".join(f'<tr><td width="30%">{escape(k)}</td><td>{escape(v)}</td></tr>' for k, v in rows)
    return f'<table class="sgs_table" border="1" width="100%" cellspacing="0">{body}</table>'


def article(*, title: str, table: str, info: str, paragraphs: list[str], after: str = "",
            signature: tuple[str, str] | None = None, attachments: list[tuple[str, str]] = ()) -> str:
    paras = "".join(f'<p style="text-indent:2em">{escape(p)}</p>' for p in paragraphs)
    sign = (f'<p style="text-align:right">{escape(signature[0])}</p><p style="text-align:right">{escape(signature[1])}</p>'
            if signature else "")
    files = "".join(f'<p>附件：<a href="{h}">{escape(label)}</a></p>' for label, h in attachments)
    return (f'{table}<div class="article"><h1 class="title">{escape(title)}</h1>'
            f'<div class="info">{info}</div><div id="zoom">{paras}{after}{sign}{files}</div>'
            f'<div class="tools"><a href="javascript:window.print()">打印本页</a> <a href="javascript:window.close()">关闭窗口</a></div></div>')


def notice_page(title: str, text: str) -> str:
    """What the platform answers for errors and removed pages."""
    return (f'<div class="error_box"><h2>{escape(title)}</h2><p>{escape(text)}</p>'
            f'<p><a href="/">返回首页</a></p></div>')
