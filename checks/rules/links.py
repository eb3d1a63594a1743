"""Link rules: every link and attachment answers — judged only on a sure answer.

A broken link is a sure answer (404/410, 5xx after retries, no answer within 15 s, a refused
or reset connection, an unknown host, a redirect loop, a body that is not HTTP or does not
decompress, a soft-404). Answers that only say "not you" (401/403/429, or robots.txt forbidding
us) are WAFs and rate limits as often as real faults: those are `link.unverified` notices, never
defects; so is a body too large to download whose status never came (a gzip bomb), since a
browser might still show it. A too-large body that came with status 200 is no finding: the link
answers.
"""
from __future__ import annotations

import pandas as pd

from ..context import Context
from ..registry import rule
from ..softnotfound import is_soft_not_found
from .site import ERRORS_CN

UNVERIFIED_STATUS = {401, 403, 407, 429}
BROKEN_ERRORS = {"timeout", "refused", "dns", "reset", "tls", "bad response", "decoding", "too many redirects"}
UNVERIFIED_ERRORS = {"robots": "robots.txt 禁止抓取，未能核实",
                     "too large": "内容超过下载上限，未能核实"}


def _state(page: dict) -> tuple[str, str] | None:
    """('broken'|'unverified', reason in Chinese) for a fetch record, or None when it is fine."""
    status, error = page.get("status"), page.get("error")
    if status is None or pd.isna(status):
        if error in UNVERIFIED_ERRORS:
            return "unverified", UNVERIFIED_ERRORS[error]
        if error in BROKEN_ERRORS or (error or "").startswith("other"):
            return "broken", ERRORS_CN.get(error, f"请求失败（{error}）")
        return None
    status = int(status)
    if status in UNVERIFIED_STATUS:
        return "unverified", f"返回 HTTP {status}（可能为防火墙或访问频率限制），未能核实"
    if status in (404, 410):
        return "broken", f"返回 HTTP {status}（页面不存在）"
    if status >= 500:
        return "broken", f"重试后仍返回 HTTP {status}（服务器错误）"
    if status >= 400:
        return "broken", f"返回 HTTP {status}"
    if status == 200 and page.get("is_html") and is_soft_not_found(page.get("title"), page.get("text")):
        return "broken", "返回200但页面内容为“页面不存在”（软404）"
    return None


def _link_states(ctx: Context) -> pd.DataFrame:
    """One row per (linking page, target) whose target is broken or unverified."""
    html_urls = set(ctx.crawl.html["url"])
    links = ctx.crawl.links
    # Further list pages the crawler built from a script are not links the site prints: a
    # data proxy that refuses our GET is no dead link for the office to fix.
    links = links[links["page_url"].isin(html_urls) & (links["kind"] != "other") & (links["tag"] != "pagination")]
    targets = set(links["url"])
    pages = ctx.crawl.pages
    # A target answers under the URL asked for, or where a redirect from elsewhere ended.
    asked = pages[pages["url"].isin(targets)]
    landed = pages[pages["final_url"].isin(targets - set(asked["url"]))].drop_duplicates("final_url")
    states = {}
    for frame, key in ((asked, "url"), (landed, "final_url")):
        for rec in frame.to_dict("records"):
            state = _state(rec)
            if state:
                states[rec[key]] = state
    hit = links[links["url"].isin(states)].copy()
    hit["state"] = hit["url"].map(lambda u: states[u][0])
    hit["reason"] = hit["url"].map(lambda u: states[u][1])
    depth = dict(zip(pages["url"].tolist(), pages["depth"].tolist()))
    hit["depth"] = hit["page_url"].map(depth).fillna(99)
    return hit.sort_values(["depth", "page_url"])


def _findings(ctx: Context, rule_id: str, state: str) -> list:
    if "link_states" not in ctx.memo:  # link.broken and link.unverified read the same table
        ctx.memo["link_states"] = _link_states(ctx)
    hits = ctx.memo["link_states"]
    hits = hits[hits["state"] == state]
    titles = dict(zip(ctx.crawl.pages["url"].tolist(), ctx.crawl.pages["title"].tolist()))
    out = []
    # One finding per target: a dead link in a shared footer is one fault, not one per page.
    for target, group in hits.groupby("url", sort=False):
        first = group.iloc[0]
        text = first["text"] or target
        also = f"，另有 {len(group) - 1} 个页面也链接到它" if len(group) > 1 else ""
        kind = "附件" if first["kind"] == "attachment" else "链接"
        out.append(ctx.finding(rule_id, category=ctx.category_of(first["page_url"]), url=first["page_url"],
                               target=target, title=titles.get(first["page_url"], ""),
                               evidence=f"{kind}「{text}」（{target}）{first['reason']}{also}。",
                               details={"pages": list(group["page_url"][:20]), "count": int(len(group))}))
    return out


@rule("link.broken")
def link_broken(ctx: Context) -> list:
    """链接不可用：链接或附件返回404/410、重试后仍5xx、15秒无响应、连接失败，或为“页面不存在”的软404。"""
    return _findings(ctx, "link.broken", "broken")


@rule("link.unverified")
def link_unverified(ctx: Context) -> list:
    """链接无法确认：返回401/403/429或被robots.txt禁止，可能为防护或限流所致，需人工复核（提示，不计为错链）。"""
    return _findings(ctx, "link.unverified", "unverified")
