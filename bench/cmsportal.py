"""A second synthetic government portal, in other CMS shapes than bench/synthportal.py.

synthportal is one TRS site of small pages. A benchmark tuned on one shape proves little, so this
one follows three other families of Chinese government CMS (saved examples under
tests/data/real/pages), one per column unless a style is chosen:

- **hanweb** (大汉 jpaas): `/col/colNNNN/index.html`, `index_2.html` …; the list is a `<table>` with the
  date in its own cell; details `/art/2016/3/7/art_NNNN_ID.html` with the 信息公开 block as a `<table>`.
- **jiyue** (集约化平台): `/gzdt/list.html`, `list.html?pageIndex=2` …; `<ul><li>` entries with the date
  in a `<span>[2016-03-07]</span>`; details `/gzdt/201603/<hex>.html`, the block as `<div><label>` rows.
- **lonsun** (龙讯): `/content/column/NNNN/index.html?pageIndex=2` …; date first in the `<li>`; details
  `/content/article/ID.html`, the block as a `<dl>` of `<dt>`/`<dd>`.

Pages are larger than synthportal's (30–60 KB: inline style and script as real templates carry, a
big shared nav and footer, longer bodies), with about 45 links each, a 您当前的位置 breadcrumb, a
few attachments (PDF, DOC, XLS, DOCX, XLSX) per hundred pages, some broken links, late and unindexed items,
and a few stale columns, so an audit has findings. Deterministic for given arguments.

`?pageIndex=N` is a query, which a static server ignores: `NAME.html?pageIndex=N` is written as
`NAME_pN.html`, and the server maps one to the other (NGINX_PAGING for nginx, `serve` here).

    python bench/cmsportal.py N OUTDIR          # write an N-page site
    python bench/cmsportal.py --serve PORT DIR  # serve it (with the pageIndex mapping)

Not part of the test suite.
"""
from __future__ import annotations

import hashlib
import io
import os
import random
import re
import zlib
from datetime import date, timedelta
from html import escape

AS_OF = date(2017, 1, 31)  # audit with --as-of this date: the stale columns are stale then, the rest fresh
NEWEST = AS_OF - timedelta(days=3)
STYLES = ("hanweb", "jiyue", "lonsun")
PER_LIST = {"hanweb": 15, "jiyue": 20, "lonsun": 12}
# (name, slug): names the default catalog knows (checks/default_catalog.yaml aliases), so column rules judge them.
COLUMNS = [("工作动态", "gzdt"), ("通知公告", "tzgg"), ("政策文件", "zcwj"), ("政策解读", "zcjd"),
           ("人事信息", "rsxx"), ("规划计划", "ghjh"), ("预算决算", "ysjs"), ("部门动态", "bmdt"),
           ("公示公告", "gsgg"), ("规范性文件", "gfxwj"), ("招聘信息", "zpxx"), ("县区动态", "xqdt"),
           ("政务动态", "zwdt"), ("工作总结", "gzzj"), ("财政预算", "czys"), ("图片新闻", "tpxw")]
# Newest item over a year old (栏目不更新). In pairs: the audit pools the columns of one category
# (规划计划 and its alias 工作总结), so both must be stale for the category to be.
STALE = frozenset({"规划计划", "工作总结", "通知公告", "公示公告"})
STATIC = [("jggk", "机构概况"), ("ldxx", "领导信息"), ("xxgkzn", "政府信息公开指南"), ("lxwm", "联系我们"),
          ("wzdt", "网站地图"), ("yssm", "隐私声明")]
ORG = "某某县人民政府办公室"
PARAGRAPH = ("按照县委、县政府统一部署，我县坚持以人民为中心的发展思想，围绕全年目标任务，统筹推进稳增长、促改革、"
             "调结构、惠民生、防风险各项工作，全力推动经济社会高质量发展。各乡镇、各部门要进一步提高思想认识，"
             "压实工作责任，细化工作措施，确保各项任务落地见效，并于每月底前将工作进展情况报送县政府办公室。")
ATTACHMENT_TYPES = ("pdf", "doc", "xls", "pdf", "docx", "xlsx")
PAGING_PARAM = "pageIndex"
# Inside an nginx `server` block: `NAME.html?pageIndex=N` → the file NAME_pN.html.
NGINX_PAGING = (f'if ($arg_{PAGING_PARAM} ~ "^[0-9]+$") {{ rewrite ^(.*)\\.html$ $1_p$arg_{PAGING_PARAM}.html? last; }}')


# --- the site's shared chrome: what makes every page of a real template 30 KB before its content ------

def _style(rng: random.Random) -> str:
    rules = []
    for i in range(220):
        rules.append(f".m-{i:03d} .item-{rng.randrange(99):02d}{{margin:{rng.randrange(20)}px {rng.randrange(20)}px;"
                     f"padding:0 {rng.randrange(12)}px;color:#{rng.randrange(0xFFFFFF):06x};font-size:{12 + i % 8}px;"
                     f"line-height:{20 + i % 10}px}}")
    return "<style type=\"text/css\">" + "\n".join(rules) + "</style>"


def _script(rng: random.Random) -> str:
    funcs = []
    for i in range(40):
        funcs.append(f"function fn{i}(a,b){{var x=document.getElementById('m{i}');if(!x){{return;}}"
                     f"x.className=a?'on':'';x.style.height=(b||{rng.randrange(400)})+'px';"
                     f"for(var k=0;k<{rng.randrange(9) + 1};k++){{x.setAttribute('data-k'+k,k);}}}}")
    return "<script type=\"text/javascript\">" + "\n".join(funcs) + "</script>"


class Chrome:
    """The head, nav and footer every page shares; built once per site."""

    def __init__(self, site_name: str, columns: list[dict], rng: random.Random):
        self.site_name = site_name
        self.head_assets = _style(rng) + _script(rng)
        items = "".join(f'<li class="nav-item m-{i:03d}"><a href="{c["index"]}" target="_self" '
                        f'data-col="{c["cid"]}">{c["name"]}</a></li>' for i, c in enumerate(columns))
        self.nav = ('<div class="top-bar"><div class="w1200"><span class="date" id="today"></span>'
                    '<a href="/jggk/index.html">无障碍</a><form class="search" action="/search/index.html" '
                    'method="get"><input type="text" name="q" placeholder="请输入关键字"><button>搜索</button></form>'
                    f'</div></div><div class="banner"><h1 class="logo">{escape(site_name)}</h1></div>'
                    f'<div class="nav"><ul class="nav-list"><li class="nav-item"><a href="/index.html">首页</a></li>{items}'
                    '<li class="nav-item"><a href="/xxgkzn/index.html">信息公开</a></li></ul></div>')
        statics = "".join(f'<a href="/{s}/index.html">{n}</a><span class="sep">|</span>' for s, n in STATIC)
        self.footer = (f'<div class="footer-links">{statics}</div><div class="footer-friend">'
                       '<a href="http://www.gov.cn/" target="_blank">中国政府网</a>'
                       '<a href="http://www.gov.cn/hudong/ducha/" target="_blank">我为政府网站找错</a></div>'
                       '<div class="footer-info"><a href="http://bszs.conac.cn/sitename?method=show&amp;id=2A1B" '
                       'target="_blank"><img src="/images/red.png" alt="党政机关"></a>'
                       f'<p>主办单位：{ORG}　承办单位：某某县大数据中心</p><p>网站标识码：3400000012　'
                       '<a href="https://beian.miit.gov.cn/" target="_blank">皖ICP备05001234号</a>　'
                       '<img src="/images/ga.png" alt="公安备案">皖公网安备 34000002000123号</p>'
                       '<p>地址：某某县人民路1号　电话：0551-12345678</p></div>')

    def page(self, title: str, body: str) -> bytes:
        return (f'<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
                f'<meta http-equiv="X-UA-Compatible" content="IE=edge">\n'
                f'<meta name="SiteName" content="{escape(self.site_name)}">\n<meta name="ColumnName" content="{escape(title)}">\n'
                f'<title>{escape(title)}-{escape(self.site_name)}</title>\n{self.head_assets}\n</head>\n'
                f'<body>\n<div class="header">{self.nav}</div>\n<div class="main w1200">{body}</div>\n'
                f'<div class="footer">{self.footer}</div>\n</body>\n</html>\n').encode("utf-8")


# --- attachments: real files, so the audit reads them as it would a portal's ------------------------

def _pdf(text: str) -> bytes:
    """A one-page PDF with one line of ASCII text and valid xref offsets."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for i, body in enumerate(objs, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (i, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082")
_OFFICE: dict[str, bytes] = {}


def _office(ext: str) -> bytes:
    """A small attachment of that type, built once: DOC as RTF and XLS as SpreadsheetML (what many portals
    serve under those names), DOCX and XLSX through python-docx and openpyxl (netcheck's own dependencies;
    without them a PDF's bytes, which the audit records as unreadable, as it would on a portal)."""
    if ext not in _OFFICE:
        if ext == "doc":
            text = "".join(ch if ord(ch) < 128 else f"\\u{ord(ch)}?" for ch in "附件：" + PARAGRAPH)
            _OFFICE[ext] = ("{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0 SimSun;}}\\f0\\fs24 "
                            + text + "\\par }\n").encode("ascii")
        elif ext == "xls":
            rows = "".join(f'<Row><Cell><Data ss:Type="Number">{i}</Data></Cell><Cell><Data ss:Type="String">项目{i}'
                           f'</Data></Cell></Row>' for i in range(1, 21))
            _OFFICE[ext] = ('<?xml version="1.0" encoding="UTF-8"?>\n<?mso-application progid="Excel.Sheet"?>\n'
                            '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
                            'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="Sheet1">'
                            f'<Table>{rows}</Table></Worksheet></Workbook>\n').encode("utf-8")
        else:
            _OFFICE[ext] = _zipped_office(ext)
    return _OFFICE[ext]


def _zipped_office(ext: str) -> bytes:
    try:
        buf = io.BytesIO()
        if ext == "docx":
            import docx
            d = docx.Document()
            d.add_paragraph("附件：" + PARAGRAPH)
            d.save(buf)
        else:
            import openpyxl
            wb = openpyxl.Workbook()
            wb.active.append(["序号", "项目名称", "金额（万元）"])
            for i in range(1, 21):
                wb.active.append([i, f"项目{i}", i * 12.5])
            wb.save(buf)
        return buf.getvalue()
    except ImportError:
        return _pdf("attachment")


# --- the columns ---------------------------------------------------------------------------------

def _columns(n_pages: int, style: str) -> list[dict]:
    """Each column's family, URLs and item count, so that the site has about n_pages HTML pages."""
    budget = max(n_pages - 1 - len(STATIC), len(COLUMNS) * 3)
    per_col = budget // len(COLUMNS)
    extra = budget - per_col * len(COLUMNS)
    cols = []
    for c, (name, slug) in enumerate(COLUMNS):
        fam = STYLES[c % len(STYLES)] if style == "mixed" else style
        pages = per_col + (1 if c < extra else 0)
        per = PER_LIST[fam]
        n_lists = max(1, -(-pages // (per + 1)))
        n_items = max(1, pages - n_lists)
        cid = 4000 + 37 * c
        index = {"hanweb": f"/col/col{cid}/index.html", "jiyue": f"/{slug}/list.html",
                 "lonsun": f"/content/column/{cid}/index.html"}[fam]
        cols.append({"c": c, "name": name, "slug": slug, "fam": fam, "cid": cid, "index": index,
                     "per": per, "n_lists": -(-n_items // per), "n_items": n_items,
                     "stale": name in STALE})
    return cols


def _list_url(col: dict, p: int) -> tuple[str, str]:
    """(link as the site writes it, file it is served from) of list page p (0 = first)."""
    base = col["index"]
    if p == 0:
        return base, base
    if col["fam"] == "hanweb":
        u = base.replace("index.html", f"index_{p + 1}.html")
        return u, u
    stem = base[:-len(".html")]
    return f"{base}?{PAGING_PARAM}={p + 1}", f"{stem}_p{p + 1}.html"


def _items(col: dict) -> list[dict]:
    """The column's items, newest first: url, title, dates, id, and what is wrong with a few of them."""
    out = []
    lag = 420 if col["stale"] else col["c"] % 4
    for k in range(col["n_items"]):
        published = NEWEST - timedelta(days=lag + k * 4)
        ident = col["cid"] * 1000 + k
        h = zlib.crc32(str(ident).encode())  # which few items carry an attachment or a defect, spread evenly
        late = h % 100 in (60, 61)  # posted long after it was written (item.late)
        written = published - timedelta(days=45 if late else (ident % 3))
        fam, y, m, d = col["fam"], published.year, published.month, published.day
        if fam == "hanweb":
            url = f"/art/{y}/{m}/{d}/art_{col['cid']}_{ident}.html"
        elif fam == "jiyue":
            url = f"/{col['slug']}/{y}{m:02d}/{hashlib.md5(str(ident).encode()).hexdigest()[:20]}.html"
        else:
            url = f"/content/article/{ident}.html"
        attachment = ATTACHMENT_TYPES[(h // 100) % len(ATTACHMENT_TYPES)] if h % 100 < 4 else None
        out.append({"url": url, "title": f"{col['name']}：关于做好第{k + 1}批重点工作的通知（{y}年）",
                    "published": published, "written": written, "ident": ident,
                    "no_index": h % 100 == 70, "broken": h % 100 == 50, "attachment": attachment,
                    "attachment_missing": attachment is not None and (h // 1000) % 6 == 0})
    return out


def _breadcrumb(col: dict, last: str) -> str:
    return (f'<div class="position">您当前的位置：<a href="/index.html">首页</a> &gt; '
            f'<a href="{col["index"]}">{col["name"]}</a>{" &gt; " + last if last else ""}</div>')


def _list_rows(col: dict, chunk: list[dict]) -> str:
    fam = col["fam"]
    if fam == "hanweb":
        rows = "".join(f'<tr><td class="bt"><a href="{it["url"]}" title="{escape(it["title"])}" target="_blank">'
                       f'{escape(it["title"])}</a></td><td class="rq" width="90">{it["published"].isoformat()}</td></tr>'
                       for it in chunk)
        return f'<table class="tb_list" width="100%" cellspacing="0">{rows}</table>'
    if fam == "jiyue":
        rows = "".join(f'<li><a href="{it["url"]}" title="{escape(it["title"])}" target="_blank">{escape(it["title"])}'
                       f'</a><span class="date">[{it["published"].isoformat()}]</span></li>' for it in chunk)
        return f'<ul class="news-list">{rows}</ul>'
    rows = "".join(f'<li><span class="date">{it["published"]:%Y-%m-%d}</span><a href="{it["url"]}" '
                   f'target="_blank">{escape(it["title"])}</a></li>' for it in chunk)
    return f'<ul class="doc_list list-{col["cid"]}">{rows}</ul>'


def _pager(col: dict, p: int) -> str:
    n = col["n_lists"]
    if n == 1:
        return f'<div class="pager">共1页 共{col["n_items"]}条</div>'
    parts = [f'共{n}页', f'<a href="{_list_url(col, 0)[0]}">首页</a>']
    if p > 0:
        parts.append(f'<a href="{_list_url(col, p - 1)[0]}">上一页</a>')
    if col["fam"] != "hanweb":  # numbered links, as the jpaas pager prints them
        parts += [f'<a href="{_list_url(col, q)[0]}">{q + 1}</a>' for q in range(max(0, p - 2), min(n, p + 3)) if q != p]
    if p < n - 1:
        parts.append(f'<a href="{_list_url(col, p + 1)[0]}">下一页</a>')
    parts.append(f'<a href="{_list_url(col, n - 1)[0]}">尾页</a>')
    return f'<div class="pager">{" ".join(parts)} 当前第{p + 1}页</div>'


def _side(columns: list[dict], col: dict) -> str:
    near = [columns[(col["c"] + j) % len(columns)] for j in (1, 2, 3)]
    return ('<div class="side"><h3>相关栏目</h3><ul>'
            + "".join(f'<li><a href="{x["index"]}">{x["name"]}</a></li>' for x in near) + "</ul></div>")


def _meta(col: dict, it: dict) -> str:
    """The 信息公开 block, in the family's form: table, label rows, or a definition list."""
    year = it["published"].year
    fields = [("索引号", "" if it["no_index"] else f"003112345/{year}-{it['ident'] % 100000:05d}"),
              ("发布机构", ORG), ("生成日期", it["written"].isoformat()),
              ("文号", f"某政办〔{year}〕{it['ident'] % 89 + 1}号"), ("发布日期", it["published"].isoformat()),
              ("主题分类", "综合政务"), ("有效性", "有效")]
    fields = [f for f in fields if f[1]]  # a missing 索引号 is missing, not blank
    if col["fam"] == "hanweb":
        cells = [f"<th>{k}</th><td>{escape(v)}</td>" for k, v in fields]
        rows = "".join("<tr>" + "".join(cells[i:i + 2]) + "</tr>" for i in range(0, len(cells), 2))
        return f'<table class="xxgk_table" border="1">{rows}<tr><th>名称</th><td colspan="3">{escape(it["title"])}</td></tr></table>'
    if col["fam"] == "jiyue":
        rows = "".join(f'<div class="row"><label>{k}：</label><span>{escape(v)}</span></div>' for k, v in fields)
        return f'<div class="xxgk-info">{rows}</div>'
    rows = "".join(f"<dt>{k}：</dt><dd>{escape(v)}</dd>" for k, v in fields)
    return f'<dl class="article-meta">{rows}</dl>'


def _body(it: dict, rng: random.Random) -> str:
    paras = rng.randint(8, 40)  # 30-60 KB pages with the chrome
    text = "".join(f'<p style="text-indent:2em;line-height:2;font-family:仿宋_GB2312;font-size:16pt">'
                   f'{"（" + str(i) + "）" if i % 4 == 0 else ""}{PARAGRAPH}</p>' for i in range(paras))
    return f'<div class="article-content" id="zoom">{text}</div>'


def generate(n_pages: int, root: str, *, style: str = "mixed", seed: int = 17,
             site_name: str = "某某县人民政府") -> dict:
    """Write a site of about n_pages HTML pages under root; returns counts (html pages, attachments,
    broken links planted, stale columns) and root. style: one of STYLES, or 'mixed' (a family per column)."""
    if style not in STYLES + ("mixed",):
        raise ValueError(f"style must be one of {STYLES + ('mixed',)}")
    rng = random.Random(seed)
    os.makedirs(root, exist_ok=True)
    columns = _columns(n_pages, style)
    chrome = Chrome(site_name, columns, rng)
    counts = {"html_pages": 0, "attachments": 0, "broken_links": 0}

    def write(path: str, data: bytes, html: bool = True) -> None:
        full = os.path.join(root, path.lstrip("/"))
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "wb") as f:
            f.write(data)
        counts["html_pages" if html else "attachments"] += 1

    with open(os.path.join(root, "robots.txt"), "w") as f:
        f.write("User-agent: *\nDisallow: /search/\n")
    for image in ("red.png", "ga.png"):  # the footer's badges
        write(f"/images/{image}", PNG, html=False)
        counts["attachments"] -= 1
    blocks = []
    for col in columns:
        items = _items(col)
        blocks.append(_home_block(col, items[:5]))
        for p in range(col["n_lists"]):
            chunk = items[p * col["per"]:(p + 1) * col["per"]]
            body = (f'{_side(columns, col)}<div class="content">{_breadcrumb(col, "")}<h2 class="col-title">'
                    f'{col["name"]}</h2>{_list_rows(col, chunk)}{_pager(col, p)}</div>')
            write(_list_url(col, p)[1], chrome.page(col["name"], body))
        for k, it in enumerate(items):
            write(it["url"], chrome.page(it["title"], _detail(col, items, k, rng, write, counts)))
    for slug, name in STATIC:
        body = (f'<div class="content"><div class="position">您当前的位置：<a href="/index.html">首页</a> &gt; {name}'
                f'</div><h1>{name}</h1><div class="article-content"><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></div></div>')
        write(f"/{slug}/index.html", chrome.page(name, body))
    write("/index.html", chrome.page("首页", f'<div class="home">{"".join(blocks)}</div>'))
    return {**counts, "stale_columns": sum(c["stale"] for c in columns), "root": root}


def _home_block(col: dict, newest: list[dict]) -> str:
    rows = "".join(f'<li><a href="{it["url"]}" title="{escape(it["title"])}">{escape(it["title"])}</a>'
                   f'<span>{it["published"]:%m-%d}</span></li>' for it in newest)
    return (f'<div class="home-block"><div class="hd"><h3>{col["name"]}</h3><a class="more" href="{col["index"]}">'
            f'更多&gt;&gt;</a></div><ul>{rows}</ul></div>')


def _detail(col: dict, items: list[dict], k: int, rng: random.Random, write, counts: dict) -> str:
    it = items[k]
    n = len(items)
    prevnext = ""
    if k > 0:
        prevnext += f'<p>上一篇：<a href="{items[k - 1]["url"]}">{escape(items[k - 1]["title"])}</a></p>'
    if k < n - 1:
        prevnext += f'<p>下一篇：<a href="{items[k + 1]["url"]}">{escape(items[k + 1]["title"])}</a></p>'
    related = "".join(f'<li><a href="{items[(k + j) % n]["url"]}">{escape(items[(k + j) % n]["title"])}</a></li>'
                      for j in (3, 8, 21) if n > 1)
    extra = ""
    if it["attachment"]:
        ext = it["attachment"]
        href = it["url"].rsplit("/", 1)[0] + f"/P0{it['ident']}.{ext}"
        if not it["attachment_missing"]:
            write(href, _pdf(f"attachment {it['ident']}") if ext == "pdf" else _office(ext), html=False)
        else:
            counts["broken_links"] += 1
        extra += f'<div class="attach">附件：<a href="{href}">{escape(it["title"])}.{ext}</a></div>'
    if it["broken"]:
        extra += f'<p>相关链接：<a href="{col["index"].rsplit("/", 1)[0]}/removed_{it["ident"]}.html">原文件（已撤销）</a></p>'
        counts["broken_links"] += 1
    return (f'<div class="content">{_breadcrumb(col, "正文")}{_meta(col, it)}<div class="article">'
            f'<h1 class="title">{escape(it["title"])}</h1><div class="info">发布时间：{it["published"].isoformat()}　'
            f'来源：{ORG}　<a href="javascript:window.print()">打印</a></div>{_body(it, rng)}{extra}'
            f'<div class="prevnext">{prevnext}</div><div class="related"><h3>相关文章</h3><ul>{related}</ul></div>'
            f'</div></div>')


# --- a static server that understands ?pageIndex= ----------------------------------------------------

def paged_path(path: str) -> str:
    """`/x/list.html?pageIndex=3` → `/x/list_p3.html` (what NGINX_PAGING does); other paths unchanged."""
    m = re.match(rf"^(.*)\.html\?(?:.*&)?{PAGING_PARAM}=(\d+)(?:&.*)?$", path)
    return f"{m[1]}_p{m[2]}.html" if m else path


def serve(root: str, port: int, host: str = "127.0.0.1") -> None:
    """http.server's threaded server on root, with the pageIndex mapping; runs until interrupted."""
    import functools
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    class Handler(SimpleHTTPRequestHandler):
        def translate_path(self, path):
            return super().translate_path(paged_path(path))

        def log_message(self, *args):
            pass

    with ThreadingHTTPServer((host, port), functools.partial(Handler, directory=root)) as httpd:
        print(f"serving {root} at http://{host}:{port}/index.html", flush=True)
        httpd.serve_forever()


if __name__ == "__main__":
    import sys
    import tempfile
    if len(sys.argv) > 1 and sys.argv[1] == "--serve":
        serve(sys.argv[3] if len(sys.argv) > 3 else ".", int(sys.argv[2]))
    else:
        out = sys.argv[2] if len(sys.argv) > 2 else tempfile.mkdtemp(prefix="cmsportal-")
        print(generate(int(sys.argv[1]) if len(sys.argv) > 1 else 20000, out))
