"""Whether this judgement saw enough to say an earlier finding is gone (整改销号).

A finding of the site's previous run that is absent now is fixed only when the rule that made it
ran to completion and looked again at the same thing: the same category for a column rule, the
same page (and, for a link, the same target) for a page rule. A site that was down on audit day,
a rule that crashed, a crawl cut short or a page the crawl never reached closes nothing: those
findings stay open, shown as 未核实 in this round.
"""
from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from .crawl import Crawl, canonical
from .judge import ERROR, SKIPPED, Judgement

NOT_RUN = "本次未运行该规则"
PARTIAL = "本次抓取未完成，未能复查"
PAGE_NOT_READ = "本次未能重新读取该页面"
TARGET_NOT_CHECKED = "本次未能复查该链接目标"
CATEGORY_NOT_JUDGED = "本次未按该栏目检查（目录或规则已变）"


def not_reverified(previous: list[dict], judgement: Judgement, crawl: Crawl) -> dict[str, str]:
    """fingerprint → why it could not be checked again, for each of `previous` (finding rows of
    the site's previous run that this run did not find) that this run cannot call fixed."""
    out: dict[str, str] = {}
    if not previous:
        return out
    if not judgement.crawl_complete:
        return {row["fingerprint"]: PARTIAL for row in previous}
    link_rows = []
    previous = [_rebased(row, crawl.start_url) for row in previous]
    for row in previous:
        reason = _rule_reason(row, judgement) or _page_reason(row, crawl)
        if reason:
            out[row["fingerprint"]] = reason
        elif row["rule"].startswith("link.") and row.get("target"):
            link_rows.append(row)
    out.update(_link_reasons(link_rows, crawl))
    return out


def _rebased(row: dict, start_url: str) -> dict:
    """The row with its URLs on this crawl's scheme and host where they were on the previous
    run's site (fingerprints ignore both: a site that moved to https, or the demo on a new port,
    keeps its history)."""
    old_host = urlsplit(row.get("site_url") or "").netloc
    here = urlsplit(start_url)

    def move(url):
        if not url or not old_host:
            return url
        parts = urlsplit(url)
        return urlunsplit((here.scheme, here.netloc, *parts[2:])) if parts.netloc == old_host else url

    return {**row, "url": move(row.get("url")), "target": move(row.get("target"))}


def _rule_reason(row: dict, judgement: Judgement) -> str | None:
    whole = judgement.outcome(row["rule"])
    if whole is None:
        return NOT_RUN
    if whole.outcome in (SKIPPED, ERROR):
        return whole.reason or NOT_RUN
    if row.get("category") and any(o.rule == row["rule"] and o.category is not None for o in judgement.outcomes):
        mine = judgement.outcome(row["rule"], row["category"])
        if mine is None:
            return CATEGORY_NOT_JUDGED
        if mine.outcome in (SKIPPED, ERROR):
            return mine.reason or CATEGORY_NOT_JUDGED
    return None


def _page_reason(row: dict, crawl: Crawl) -> str | None:
    """A finding about a page is checked again only where the page was fetched again (whatever it
    answered: a removed page no longer publishes the problem)."""
    if not _page_bound(row["rule"]) or not row.get("url"):
        return None
    return None if _answered(crawl.page(row["url"])) else PAGE_NOT_READ


def _page_bound(rule_id: str) -> bool:
    """Whether a rule's finding is about one page (links, privacy, wording, an item), as its
    declaration says; a site or column finding, or the annual report's, is judged site-wide."""
    from . import SPECS

    spec = SPECS.get(rule_id)
    return spec is not None and (spec.scope == "page" or (spec.scope == "item" and not spec.whole_site))


def _answered(page: dict | None) -> bool:
    """Fetched with an HTTP answer (a status that is neither missing nor NaN)."""
    status = page.get("status") if page is not None else None
    return status is not None and status == status


def _link_reasons(rows: list[dict], crawl: Crawl) -> dict[str, str]:
    """A dead link is gone when its target now answers, or when the page that had it was read
    again and no longer links there."""
    out, pending = {}, []
    for row in rows:
        if _answered(crawl.page(row["target"])):
            continue  # fetched again with an answer: the link rule judged it
        page = crawl.page(row["url"])
        if page is None or page.get("status") != 200 or not page.get("is_html"):
            out[row["fingerprint"]] = TARGET_NOT_CHECKED
        else:
            pending.append(row)
    if pending:
        still = crawl.links_to({canonical(r["target"]) for r in pending})
        linked = set(zip(still["page_url"].tolist(), still["url"].tolist()))
        for row in pending:
            if (canonical(row["url"]), canonical(row["target"])) in linked:
                out[row["fingerprint"]] = TARGET_NOT_CHECKED  # still linked, yet not fetched
    return out
