"""Whether the site can be searched: 条例（2019）第二十四条 asks 政府信息公开平台 for 信息检索.

Read from the home page's search box (crawler.extract.search) and from the one search the crawl
made with it (crawler.spidermiddlewares.searchprobe): the title of a home-page item, sent with the
form's GET. Only what was seen is judged: a POST form, a box a script runs, a search page a script
draws, a search the crawl did not get to make are "could not verify", never a finding.
"""
from __future__ import annotations

import numpy as np

from ..context import Context
from ..registry import rule
from ..urls import canonical

SERVER_ERRORS = 400  # a search answering with this status or above is broken
WAYS = {"post": "以 POST 方式提交（本工具只发送 GET 请求，不提交表单）",
        "script": "由脚本执行", "mentioned": "由脚本生成（网页中未见搜索框，但页面提到搜索）"}


@rule("site.search_missing", name="站内搜索不可用", scope="site", severity="deduct")
def search_missing(ctx: Context) -> list:
    """站内搜索不可用：首页没有站内搜索，或用首页一条信息的标题搜索，结果中没有这条信息。"""
    home = ctx.crawl.home()
    if home is None or home["status"] != 200 or not home["is_html"]:
        ctx.could_not_verify("首页未能作为网页读取，无法核实站内搜索")
        return []
    box = _dict(home.get("search"))
    if box is None:  # a crawl from before search boxes were recorded
        ctx.could_not_verify("本次抓取未记录搜索框（抓取早于此项检查），无法核实站内搜索")
        return []
    if box["method"] == "none":
        if home.get("scripted") and not home.get("rendered"):
            ctx.could_not_verify("首页由脚本生成，本次未渲染，无法核实站内搜索")
            return []
        return [_finding(ctx, home, "首页没有站内搜索（未见搜索框、搜索按钮或搜索链接）。", {"form": None})]
    if box["method"] != "get":
        ctx.could_not_verify(f"首页的站内搜索{WAYS[box['method']]}，无法试用，无法核实")
        return []
    probe = _probe(ctx)
    if probe is None:
        ctx.could_not_verify("本次抓取未能试用站内搜索（首页没有带日期的信息可搜，或抓取提前结束、已关闭试搜），无法核实")
        return []
    row, asked = probe
    query, expects = asked["query"], asked["expects"]
    row["url"] = canonical(row.get("url"))
    if row["status"] is None or row["status"] != row["status"]:
        ctx.could_not_verify(f"站内搜索请求未得到回应（{row.get('error') or '未知错误'}），无法核实")
        return []
    if row["status"] >= SERVER_ERRORS:
        return [_finding(ctx, home, f"站内搜索“{query}”返回 HTTP {int(row['status'])}，搜索不可用。",
                         {"query": query, "status": int(row["status"]), "search_url": row["url"]})]
    if row.get("scripted"):
        ctx.could_not_verify(f"站内搜索“{query}”的结果由脚本生成，本次未能读取，无法核实")
        return []
    if _found(ctx, row, expects, asked.get("title") or query):
        return []
    return [_finding(ctx, home, f"用首页信息的标题“{query}”站内搜索，结果中没有这条信息（{expects}）。",
                     {"query": query, "expects": expects, "search_url": row["url"]})]


def _finding(ctx: Context, home: dict, evidence: str, details: dict):
    return ctx.finding("site.search_missing", url=home["url"], title=home["title"] or "首页",
                       evidence=evidence, details=details)


def _probe(ctx: Context) -> tuple[dict, dict] | None:
    """(the answer's whole record, what was asked) of the crawl's one search; None without one."""
    pages = ctx.crawl.pages
    if "search_probe" not in pages:
        return None
    rows = np.flatnonzero(pages["search_probe"].notna().to_numpy())
    if not len(rows):
        return None
    row = int(rows[0])
    record = ctx.crawl.records.record(int(ctx.crawl.seqs[row]))
    return {**record, "scripted": bool(pages["scripted"].iat[row]), "status": pages["status"].iat[row]}, \
        dict(pages["search_probe"].iat[row])


def _found(ctx: Context, answer: dict, expects: str, title: str) -> bool:
    """Whether the search's answer links to the item (where it was asked for, or where it
    redirected), or names it by its whole title."""
    targets = {canonical(expects)}
    landed = ctx.crawl.page(expects)
    if landed and isinstance(landed.get("final_url"), str):
        targets.add(canonical(landed["final_url"]))
    shown = {canonical(link.get("url")) for link in answer.get("links") or ()}
    shown |= {canonical(entry.get("url")) for entry in answer.get("entries") or ()}
    return bool(targets & shown) or (bool(title) and title in (answer.get("text") or ""))


def _dict(value) -> dict | None:
    if value is None or value != value:  # None, or NaN in an older crawl's table
        return None
    return dict(value)
