"""A synthetic government portal of N pages in real CMS shapes, for the crawl benchmark.

TRS-style columns (`/colNN/index.html`, `index_1.html`, … with 共N页 pagination, entries
`<li><a href="./201603/t20160307_123.html">…</a><span>2016-03-07</span></li>`), detail pages
with a 当前位置 breadcrumb and the 信息公开 metadata table, a shared nav and footer, about
45 links a page, and an attachment on every 10th detail page. Deterministic for a given N.
Not part of the test suite.
"""
from __future__ import annotations

import os
from datetime import date, timedelta
from html import escape

PER_LIST = 20
N_COLUMNS = 24
STATIC = [("about", "机构概况"), ("leaders", "领导信息"), ("guide", "办事指南"), ("contact", "联系我们"),
          ("sitemap", "网站地图"), ("policy", "隐私声明")]
FILLER = ("为深入贯彻落实党中央、国务院关于全面推进政务公开工作的决策部署，进一步提高政府透明度，"
          "保障人民群众的知情权、参与权、表达权和监督权，根据《中华人民共和国政府信息公开条例》，"
          "结合本部门工作实际，现将有关事项通知如下。")


def _col_name(c: int) -> str:
    return f"工作动态{c:02d}" if c % 3 else f"通知公告{c:02d}"


def _page(title: str, nav: str, body: str, footer: str) -> bytes:
    return (f'<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
            f'<meta name="SiteName" content="某某市人民政府"><meta name="ColumnName" content="{escape(title)}">'
            f'<title>{escape(title)}_某某市人民政府</title></head><body>'
            f'<div class="header">{nav}</div>{body}<div class="footer">{footer}</div></body></html>\n'
            ).encode("utf-8")


def generate(root: str, n_pages: int = 20000) -> dict:
    """Write the site under `root`; returns counts (html pages, attachments)."""
    os.makedirs(root, exist_ok=True)
    n_static = len(STATIC)
    # home + static + per column: list pages + details; details = PER_LIST per list page
    budget = max(n_pages - 1 - n_static, N_COLUMNS * (PER_LIST + 1))
    per_col = budget // N_COLUMNS  # html pages per column
    n_lists = max(1, per_col // (PER_LIST + 1))
    n_details = per_col - n_lists
    nav = ('<ul class="nav"><li><a href="/index.html">首页</a></li>'
           + "".join(f'<li><a href="/col{c:02d}/index.html">{_col_name(c)}</a></li>' for c in range(N_COLUMNS))
           + "</ul>")
    footer = ("".join(f'<a href="/{s}/index.html">{n}</a> | ' for s, n in STATIC)
              + '<a href="http://www.gov.cn/">中国政府网</a> <a href="http://bszs.conac.cn/sitename?method=show&amp;id=1">'
              '党政机关</a><p>主办单位：某某市人民政府办公室 网站标识码：1100000001 京ICP备05000000号</p>')
    files = 0
    attachments = 0
    day0 = date(2016, 12, 31)

    def write(path: str, data: bytes) -> None:
        nonlocal files
        full = os.path.join(root, path.lstrip("/"))
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "wb") as f:
            f.write(data)
        files += 1

    with open(os.path.join(root, "robots.txt"), "w") as f:
        f.write("User-agent: *\nDisallow: /search/\n")
    home_entries = []
    for c in range(N_COLUMNS):
        col = f"/col{c:02d}"
        name = _col_name(c)
        # detail k (0 = newest) of this column
        items = []
        for k in range(n_details):
            d = day0 - timedelta(days=(k * 3 + c) % 2500)
            ident = c * 100000 + k
            items.append((f"{d:%Y%m}/t{d:%Y%m%d}_{ident}.html", f"关于{name}第{k}号事项的通知", d, ident))
        home_entries.append(f'<li><a href="{col}/{items[0][0]}">{escape(items[0][1])}</a>'
                            f'<span>{items[0][2].isoformat()}</span></li>')
        side = ('<div class="side"><h3>相关栏目</h3><ul>'
                + "".join(f'<li><a href="/col{(c + j) % N_COLUMNS:02d}/index.html">{_col_name((c + j) % N_COLUMNS)}</a></li>'
                          for j in range(1, 5)) + "</ul></div>")
        for p in range(n_lists):
            chunk = items[p * PER_LIST:(p + 1) * PER_LIST] if p < n_lists - 1 else items[p * PER_LIST:]
            rows = "".join(f'<li><a href="./{href}" title="{escape(t)}">{escape(t)}</a><span>{d.isoformat()}</span></li>'
                           for href, t, d, _ in chunk)

            def pn(k: int) -> str:
                return "index.html" if k == 0 else f"index_{k}.html"
            pager = [f"共{n_lists}页", f'<a href="{pn(0)}">首页</a>']
            if p > 0:
                pager.append(f'<a href="{pn(p - 1)}">上一页</a>')
            if p < n_lists - 1:
                pager.append(f'<a href="{pn(p + 1)}">下一页</a>')
            pager.append(f'<a href="{pn(n_lists - 1)}">尾页</a>')
            script = (f'<script>var countPage = {n_lists};var currentPage = {p};'
                      f'createPageHTML(countPage, currentPage, "index", "html");</script>')
            body = (f'{side}<div class="content-box"><div class="location">当前位置：<a href="/index.html">首页</a>'
                    f' &gt; <a href="{col}/index.html">{name}</a></div><h2>{name}</h2>'
                    f'<ul class="list">{rows}</ul><div class="page">{"　".join(pager)}</div>{script}</div>')
            write(f"{col}/{pn(p)}", _page(name, nav, body, footer))
        for k, (href, title, d, ident) in enumerate(items):
            rel = "".join(f'<li><a href="{col}/{items[(k + j) % n_details][0]}">{escape(items[(k + j) % n_details][1])}</a></li>'
                          for j in (7, 13, 29))
            prevnext = ""
            if k > 0:
                prevnext += f'<a href="{col}/{items[k - 1][0]}">上一篇</a> '
            if k < n_details - 1:
                prevnext += f'<a href="{col}/{items[k + 1][0]}">下一篇</a>'
            files_html = ""
            if ident % 10 == 3:
                att = f"{href.rsplit('/', 1)[0]}/P0{d:%Y%m%d}{ident}.pdf"
                write(f"{col}/{att}", b"%PDF-1.4\n% synthetic\n" + b"0" * 2000)
                attachments += 1
                files_html = f'<p><a href="./P0{d:%Y%m%d}{ident}.pdf">附件：{escape(title)}.pdf</a></p>'
            meta = ('<table class="xxgk-meta">'
                    f'<tr><td>索引号：</td><td>11211100/{d.year}-{ident:05d}</td><td>主题分类：</td><td>综合政务</td></tr>'
                    f'<tr><td>发文机关：</td><td>某某市人民政府办公室</td><td>成文日期：</td><td>{d.isoformat()}</td></tr>'
                    f'<tr><td>标　　题：</td><td colspan="3">{escape(title)}</td></tr>'
                    f'<tr><td>发文字号：</td><td>某政办发〔{d.year}〕{ident % 97 + 1}号</td><td>发布日期：</td>'
                    f'<td>{(d + timedelta(days=3)).isoformat()}</td></tr></table>')
            body = (f'{side}<div class="content-box"><div class="location">当前位置：<a href="/index.html">首页</a>'
                    f' &gt; <a href="{col}/index.html">{name}</a> &gt; 正文</div>{meta}'
                    f'<div class="article"><h1>{escape(title)}</h1><div class="info">发布时间：{d.isoformat()} 来源：办公室</div>'
                    f'<div class="content"><p>{FILLER}</p><p>{FILLER}</p><p>{FILLER}</p>'
                    f'<p>一、工作目标</p><p>{FILLER}</p><p>二、主要任务</p><p>{FILLER}</p></div>{files_html}'
                    f'<div class="prevnext">{prevnext}</div><div class="related"><h3>相关文章</h3><ul>{rel}</ul></div>'
                    f'</div></div>')
            write(f"{col}/{href}", _page(title, nav, body, footer))
    for s, n in STATIC:
        body = (f'<div class="content-box"><div class="location">当前位置：<a href="/index.html">首页</a> &gt; {n}</div>'
                f'<div class="article"><h1>{n}</h1><div class="content"><p>{FILLER}</p></div></div></div>')
        write(f"/{s}/index.html", _page(n, nav, body, footer))
    home = (f'<div class="content-box"><div class="block"><h3>最新动态</h3><ul class="list">{"".join(home_entries)}</ul>'
            f'</div></div>')
    write("/index.html", _page("首页", nav, home, footer))
    return {"html_pages": files - attachments, "attachments": attachments, "root": root}


if __name__ == "__main__":
    import sys
    import tempfile
    out = sys.argv[2] if len(sys.argv) > 2 else tempfile.mkdtemp(prefix="synthportal-")
    print(generate(out, int(sys.argv[1]) if len(sys.argv) > 1 else 20000))
