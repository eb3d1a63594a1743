"""A synthetic crawl record (`pages.jsonl`) of the bench/synthportal.py portal, without crawling.

    python bench/synthcrawl.py N RUN_DIR [--clean] [--host URL]

Writes RUN_DIR/pages.jsonl with the records `netcheck audit` writes for an N-page synthportal
site, in seconds instead of the ~45 pages/s a real crawl takes, so that judging
(`netcheck report RUN_DIR`) can be measured at 20,000 and 100,000 pages. The records follow a
real crawl of the portal field by field (checked against `netcheck audit` on a 2,000-page
synthportal site: same URLs, titles, breadcrumbs, metadata, entries, links and text): 24
columns of list pages with 20 entries each, detail pages with the shared nav, footer,
prev/next and related links, the 信息公开 metadata table, ~850 characters of text, and a HEAD
record for the PDF attachment of every 10th detail page. Depth and referer follow the lists,
not an exact breadth-first order.

Unless --clean, the site also carries a few faults at fixed rates (about 1% of pages each), so
that every content rule has findings to compare: six columns named for catalog categories
(行政处罚 …), items posted late, items without 索引号, redacted mobile numbers, an outdated
agency name, and links to pages answering 404, 403 and a soft-404.
Not part of the test suite.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date, timedelta

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from synthportal import FILLER, N_COLUMNS, PER_LIST, STATIC, _col_name  # noqa: E402

SITE = "某某市人民政府"
CATEGORY_COLUMNS = ["行政处罚", "行政许可", "政策文件", "人事信息", "财政信息", "监督抽检"]
WRONG_TERM = "根据国家食品药品监督管理局有关规定，现将有关事项通知如下。"


class Portal:
    def __init__(self, n_pages: int, host: str, faults: bool):
        self.host, self.faults = host.rstrip("/"), faults
        budget = max(n_pages - 1 - len(STATIC), N_COLUMNS * (PER_LIST + 1))
        per_col = budget // N_COLUMNS
        self.n_lists = max(1, per_col // (PER_LIST + 1))
        self.n_details = per_col - self.n_lists
        self.names = [self._name(c) for c in range(N_COLUMNS)]
        self.nav = [self._link("/index.html", "首页")] + [
            self._link(f"/col{c:02d}/index.html", self.names[c]) for c in range(N_COLUMNS)]
        self.footer = [self._link(f"/{s}/index.html", n) for s, n in STATIC] + [
            {"url": "http://www.gov.cn/", "text": "中国政府网", "kind": "external", "tag": "a"},
            {"url": "http://bszs.conac.cn/sitename?id=1&method=show", "text": "党政机关", "kind": "external", "tag": "a"}]

    def _name(self, c: int) -> str:
        if self.faults and c % 4 == 1:
            return CATEGORY_COLUMNS[(c // 4) % len(CATEGORY_COLUMNS)]
        return _col_name(c)

    def url(self, path: str) -> str:
        return self.host + path

    def _link(self, path: str, text: str, kind: str = "internal") -> dict:
        return {"url": self.url(path), "text": text, "kind": kind, "tag": "a"}

    def record(self, path: str, depth: int, referer: str | None, **fields) -> dict:
        rec = {"url": self.url(path), "final_url": self.url(path), "redirects": [], "method": "GET", "status": 200,
               "error": None, "content_type": "text/html", "elapsed": 0.004, "depth": depth,
               "referer": referer and self.url(referer), "fetched_at": "2026-11-27T14:32:58+00:00", "is_html": True,
               "title": "", "meta": {}, "breadcrumb": [], "column": None, "metadata": {}, "published": None,
               "formed": None, "page_type": "other", "entries": [], "empty_notice": False, "links": [], "text": "",
               "list_of": None, "certificate_error": None}
        rec.update(fields)
        return rec

    @staticmethod
    def _dedup(links: list[dict]) -> list[dict]:
        """The crawler keeps a page's first link to each URL."""
        seen, out = set(), []
        for link in links:
            if link["url"] not in seen:
                seen.add(link["url"])
                out.append(link)
        return out

    def items(self, c: int) -> list[tuple]:
        col, day0 = f"/col{c:02d}", date(2016, 12, 31)
        out = []
        for k in range(self.n_details):
            d = day0 - timedelta(days=(k * 3 + c) % 2500)
            ident = c * 100000 + k
            out.append((f"{col}/{d:%Y%m}/t{d:%Y%m%d}_{ident}.html", f"关于{self.names[c]}第{k}号事项的通知", d, ident))
        return out

    def side(self, c: int) -> list[str]:
        return [self.names[(c + j) % N_COLUMNS] for j in range(1, 5)]

    def records(self):
        home_entries = []
        for c in range(N_COLUMNS):
            path, title, d, _ = self.items(c)[0]
            home_entries.append({"title": title, "url": self.url(path), "date": d.isoformat()})
        home_text = "最新动态\n" + "\n".join(f"{e['title']}{e['date']}" for e in home_entries)
        yield self.record("/index.html", 0, None, title=f"首页_{SITE}", meta={"SiteName": SITE, "ColumnName": "首页"},
                          column="首页", page_type="list", entries=home_entries, text=home_text,
                          links=self._dedup(self.nav + [{"url": e["url"], "text": e["title"], "kind": "internal",
                                                         "tag": "a"} for e in home_entries] + self.footer))
        for s, n in STATIC:
            yield self.record(f"/{s}/index.html", 1, "/index.html", title=f"{n}_{SITE}",
                              meta={"SiteName": SITE, "ColumnName": n}, breadcrumb=["首页", n], column=n,
                              text=f"当前位置：首页 > {n}\n{n}\n{FILLER}", links=self._dedup(self.nav + self.footer))
        for c in range(N_COLUMNS):
            yield from self.column(c)

    def column(self, c: int):
        col, name, items = f"/col{c:02d}", self.names[c], self.items(c)
        side = self.side(c)
        head = [self._link(f"/col{(c + j) % N_COLUMNS:02d}/index.html", n) for j, n in enumerate(side, 1)] + [
            self._link("/index.html", "首页"), self._link(f"{col}/index.html", name)]
        n = self.n_lists

        def pn(k: int) -> str:
            return f"{col}/index.html" if k == 0 else f"{col}/index_{k}.html"

        for p in range(n):
            chunk = items[p * PER_LIST:(p + 1) * PER_LIST] if p < n - 1 else items[p * PER_LIST:]
            depth = 1 + min(p, n - p) if p else 1
            pager = [("首页", pn(0))] + ([("上一页", pn(p - 1))] if p > 0 else []) + \
                ([("下一页", pn(p + 1))] if p < n - 1 else []) + [("尾页", pn(n - 1))]
            text = ("相关栏目\n" + "\n".join(side) + f"\n当前位置：首页 > {name}\n{name}\n"
                    + "".join(f"{t}{d.isoformat()}\n" for _, t, d, _ in chunk)
                    + " ".join([f"共{n}页"] + [label for label, _ in pager]))
            yield self.record(pn(p), depth, "/index.html" if p == 0 else pn(0), title=f"{name}_{SITE}",
                              meta={"SiteName": SITE, "ColumnName": name}, breadcrumb=["首页", name], column=name,
                              page_type="list", text=text,
                              entries=[{"title": t, "url": self.url(h), "date": d.isoformat()} for h, t, d, _ in chunk],
                              links=self._dedup(self.nav + head + [self._link(h, t) for h, t, _, _ in chunk]
                                                + [self._link(h, label) for label, h in pager] + self.footer))
            for k, item in enumerate(chunk, start=p * PER_LIST):
                home = k == 0  # each column's newest item is on the home page too
                yield from self.detail(c, k, items, side, head, 1 if home else depth + 1,
                                       "/index.html" if home else pn(p))

    def detail(self, c: int, k: int, items: list, side: list, head: list, depth: int, referer: str):
        path, title, d, ident = items[k]
        name, nd = self.names[c], self.n_details
        faults = self.faults
        formed = d - timedelta(days=45) if faults and ident % 37 == 5 else d
        posted = d + timedelta(days=3)
        related = [items[(k + j) % nd] for j in (7, 13, 29)]
        links, extra_records, tail = [], [], []
        if ident % 10 == 3:
            att = f"{path.rsplit('/', 1)[0]}/P0{d:%Y%m%d}{ident}.pdf"
            links.append(self._link(att, f"附件：{title}.pdf", "attachment"))
            tail.append(f"附件：{title}.pdf")
            extra_records.append(self.record(att, depth + 1, path, method="HEAD", content_type="application/pdf",
                                             is_html=False))
        if faults and ident % 101 == 11:  # a deleted page: 404
            gone = f"{path.rsplit('/', 1)[0]}/gone_{ident}.html"
            links.append(self._link(gone, f"原{title}"))
            extra_records.append(self.record(gone, depth + 1, path, status=404, title="404 Not Found",
                                             text="404 Not Found\nnginx"))
        if faults and ident % 211 == 13:  # an online form behind a WAF: 403
            form = f"/apply/form_{ident}.html"
            links.append(self._link(form, "在线申请"))
            extra_records.append(self.record(form, depth + 1, path, status=403, title="403 Forbidden",
                                             text="403 Forbidden"))
        if faults and ident % 307 == 17:  # a deleted page the CMS answers with 200: soft-404
            soft = f"{path.rsplit('/', 1)[0]}/moved_{ident}.html"
            links.append(self._link(soft, "相关通知"))
            extra_records.append(self.record(soft, depth + 1, path, title=f"提示信息_{SITE}",
                                             text="抱歉，您访问的页面不存在或已被删除。\n返回首页"))
        prevnext = []
        if k > 0:
            links.append(self._link(items[k - 1][0], "上一篇"))
            prevnext.append("上一篇")
        if k < nd - 1:
            links.append(self._link(items[k + 1][0], "下一篇"))
            prevnext.append("下一篇")
        links += [self._link(h, t) for h, t, _, _ in related]
        index_no = f"11211100/{d.year}-{ident:05d}"
        number = f"某政办发〔{d.year}〕{ident % 97 + 1}号"
        metadata = {"索引号": index_no, "主题分类": "综合政务", "发布机构": "某某市人民政府办公室",
                    "成文日期": formed.isoformat(), "标题": title, "文号": number, "发布日期": posted.isoformat(),
                    "来源": "办公室"}
        if faults and ident % 53 == 7:
            del metadata["索引号"]
            index_no = ""
        body = [FILLER, FILLER, FILLER, "一、工作目标", FILLER, "二、主要任务", FILLER]
        if faults and ident % 97 == 3:
            body.append(f"联系人：王某，联系电话：⟪mobile:138****{ident % 10000:04d}⟫")
        if faults and ident % 89 == 1:
            body.insert(1, WRONG_TERM)
        text = "\n".join(
            ["相关栏目", *side, f"当前位置：首页 > {name} > 正文",
             f"索引号： {index_no} 主题分类： 综合政务",
             f"发文机关： 某某市人民政府办公室 成文日期： {formed.isoformat()}",
             f"标 题： {title}", f"发文字号： {number} 发布日期： {posted.isoformat()}", title,
             f"发布时间：{d.isoformat()} 来源：办公室", *body, *tail]
            + ([" ".join(prevnext)] if prevnext else []) + ["相关文章"] + [t for _, t, _, _ in related])
        yield self.record(path, depth, referer, title=f"{title}_{SITE}", meta={"SiteName": SITE, "ColumnName": title},
                          breadcrumb=["首页", name, "正文"], column=title, metadata=metadata,
                          published=posted.isoformat(), formed=formed.isoformat(), page_type="article",
                          entries=[{"title": t, "url": self.url(h), "date": None} for h, t, _, _ in related],
                          links=self._dedup(self.nav + head + links + self.footer), text=text)
        yield from extra_records


def write(n_pages: int, run_dir: str, host: str = "http://127.0.0.1:18731", faults: bool = True) -> int:
    """Write run_dir/pages.jsonl; returns the number of records."""
    os.makedirs(run_dir, exist_ok=True)
    n = 0
    with open(os.path.join(run_dir, "pages.jsonl"), "w", encoding="utf-8") as fh:
        for rec in Portal(n_pages, host, faults).records():
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
    return n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pages", type=int)
    ap.add_argument("run_dir")
    ap.add_argument("--host", default="http://127.0.0.1:18731")
    ap.add_argument("--clean", action="store_true", help="the portal exactly as synthportal serves it: no faults")
    args = ap.parse_args()
    print(f"{write(args.pages, args.run_dir, args.host, not args.clean):,} records in {args.run_dir}/pages.jsonl")


if __name__ == "__main__":
    main()
