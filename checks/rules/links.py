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

import numpy as np
import pandas as pd

from ..context import Context
from ..registry import rule
from ..softnotfound import is_soft_not_found
from .site import ERRORS_CN

UNVERIFIED_STATUS = {401, 403, 407, 429}
BROKEN_ERRORS = {"timeout", "refused", "dns", "reset", "tls", "bad response", "decoding", "too many redirects"}
UNVERIFIED_ERRORS = {"robots": "robots.txt 禁止抓取，未能核实",
                     "too large": "内容超过下载上限，未能核实"}


def _state(page: dict, text: str = "") -> tuple[str, str] | None:
    """('broken'|'unverified', reason in Chinese) for a fetch record, or None when it is fine.
    `text` is the page's text, read only for pages that answered 200 with HTML (a soft-404)."""
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
    if status == 200 and page.get("is_html") and is_soft_not_found(page.get("title"), text):
        return "broken", "返回200但页面内容为“页面不存在”（软404）"
    return None


def _row_states(ctx: Context) -> dict[int, tuple[str, str]]:
    """pages row → state, for every fetched page that is broken or unverified."""
    crawl = ctx.crawl
    pages = crawl.pages
    states = {}
    others = pages[~(pages["status"] == 200)]  # failures are few: their records are small
    for row, rec in zip(others.index.tolist(), others.to_dict("records")):
        if state := _state(rec):
            states[row] = state
    # A soft-404 shows in the words, which are read back only for the pages some link points at.
    linked = np.flatnonzero(crawl.html_mask & pages["linked"].to_numpy())
    for (row, title), (_, text) in zip(crawl.titles(linked), crawl.texts(linked)):
        if is_soft_not_found(title, text):
            states[row] = _state({**pages.iloc[row].to_dict(), "title": title}, text)
    return states


def _target_states(ctx: Context) -> dict[str, tuple[str, str]]:
    """The state of every URL a link may point to: a page fetched under that URL, or else the
    first page whose redirects ended there."""
    crawl = ctx.crawl
    by_row = _row_states(ctx)
    urls = crawl.pages["url"]
    states = {urls.iat[row]: state for row, state in sorted(by_row.items())}
    states.update({final: by_row[row] for final, row in crawl.landed.items() if row in by_row})
    return states


def _link_states(ctx: Context) -> pd.DataFrame:
    """One row per (linking page, target) whose target is broken or unverified."""
    crawl = ctx.crawl
    states = _target_states(ctx)
    links = crawl.links_to(set(states))
    html = crawl.html_mask
    rows = [crawl.pages_row(u) for u in links["page_url"].tolist()]
    from_html = pd.Series([r is not None and bool(html[r]) for r in rows], index=links.index, dtype=bool)
    # Further list pages the crawler built from a script are not links the site prints: a
    # data proxy that refuses our GET is no dead link for the office to fix.
    keep = from_html & (links["kind"] != "other") & (links["tag"] != "pagination")
    hit = links[keep].copy()
    hit["state"] = hit["url"].map(lambda u: states[u][0])
    hit["reason"] = hit["url"].map(lambda u: states[u][1])
    depths = crawl.pages["depth"]
    hit["depth"] = pd.Series([depths.iat[r] for r, k in zip(rows, keep.tolist()) if k], index=hit.index,
                             dtype=depths.dtype).fillna(99)
    return hit.sort_values(["depth", "page_url"])


def _findings(ctx: Context, rule_id: str, state: str) -> list:
    if "link_states" not in ctx.memo:  # link.broken and link.unverified read the same table
        ctx.memo["link_states"] = _link_states(ctx)
    hits = ctx.memo["link_states"]
    hits = hits[hits["state"] == state]
    out = []
    firsts = hits.drop_duplicates("url")["page_url"]
    titles = dict(ctx.crawl.titles(ctx.crawl.pages_row(u) for u in firsts.tolist()))
    # One finding per target: a dead link in a shared footer is one fault, not one per page.
    for target, group in hits.groupby("url", sort=False):
        first = group.iloc[0]
        text = first["text"] or target
        also = f"，另有 {len(group) - 1} 个页面也链接到它" if len(group) > 1 else ""
        kind = "附件" if first["kind"] == "attachment" else "链接"
        out.append(ctx.finding(rule_id, category=ctx.category_of(first["page_url"]), url=first["page_url"],
                               target=target, title=titles[ctx.crawl.pages_row(first["page_url"])],
                               evidence=f"{kind}「{text}」（{target}）{first['reason']}{also}。",
                               details={"pages": list(group["page_url"][:20]), "count": int(len(group))}))
    return out


@rule("link.broken", name="链接不可用", scope="page")
def link_broken(ctx: Context) -> list:
    """链接不可用：链接或附件返回404/410、重试后仍5xx、15秒无响应、连接失败，或为“页面不存在”的软404。"""
    return _findings(ctx, "link.broken", "broken")


@rule("link.unverified", name="链接无法确认", scope="page", severity="notice")
def link_unverified(ctx: Context) -> list:
    """链接无法确认：返回401/403/429或被robots.txt禁止，可能为防护或限流所致，需人工复核（提示，不计为错链）。"""
    return _findings(ctx, "link.unverified", "unverified")
