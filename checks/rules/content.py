"""Content rule: wording the catalog lists as wrong or outdated — an agency renamed by a reform, a
typo, a political phrase not in its fixed form, a leader given a title not theirs (checks.wording).

Every hit is graded 严重 / 疑似 / 一般 and reviewed by the office (`netcheck review`, or the 状态
column of the workbook read back by `netcheck import-status`): a dismissed hit is no finding in
later runs; only a confirmed or 严重 hit counts as the catalog says, any other is a notice.
"""
from __future__ import annotations

from itertools import chain

from ..context import Context
from ..registry import rule
from ..wording import CONFIRMED, DISMISSED, SEVERE, build, scan
from ..wording.automaton import LEADER, PHRASE, TYPO
from ..workdays import as_date
from .privacy import linking_pages

MAX_PER_TERM = 5  # findings per page and term; the rest are counted in them (one document may repeat a name 100 times)
KINDS = {"wrong_term": "过时用语", TYPO: "错别字", PHRASE: "不规范表述", LEADER: "领导姓名职务"}


@rule("content.wrong_term", name="表述错误", scope="page")
def wrong_term(ctx: Context) -> list:
    """表述错误：页面使用了目录列出的错误或过时表述（已更名的机构名称、错别字、不规范的固定表述、领导姓名或职务错误）。"""
    matcher = ctx.memo.get("wording")
    if matcher is None:
        matcher = ctx.memo["wording"] = build(ctx.catalog)
    if matcher.empty:
        return []
    crawl = ctx.crawl
    urls, published = crawl.pages["url"], crawl.pages["published"]
    files = crawl.attachments
    read = [int(r) for r in files.index[files["read"].astype(bool)]] if len(files) else []
    found: dict[int, list] = {}  # row → its hits: each text is read once and let go
    for row, text in chain(crawl.texts(), crawl.texts(read) if read else ()):  # pages, then attachments read
        if hits := scan(matcher, text, as_date(published.iat[row]) or ctx.as_of):
            found[row] = hits
    titles = dict(crawl.titles(found))
    # An attachment is named by the link to it and filed under the category of the page that links it.
    in_files = {urls.iat[row] for row in found if row in set(read)}
    linking = linking_pages(ctx, in_files) if in_files else {}
    reviews = getattr(ctx, "reviews", None)
    site = crawl.start_url
    out, dismissed = [], 0
    for row in sorted(found, key=urls.iat.__getitem__):
        url = ctx.address(urls.iat[row])
        count: dict[str, int] = {}
        for h in found[row]:
            count[h.term] = count.get(h.term, 0) + 1
        shown: dict[str, set] = {}
        for h in found[row]:
            seen = shown.setdefault(h.term, set())
            if h.snippet in seen or len(seen) >= MAX_PER_TERM:
                continue
            seen.add(h.snippet)
            decision = reviews.decision(url, site, h.term, h.snippet) if reviews else None
            if decision == DISMISSED:
                dismissed += 1
                continue
            details = {"kind": h.kind, "level": h.level, "term": h.term, "correct": h.correct, "position": h.position,
                       "snippet": h.snippet, "count": count[h.term]}
            if h.title:
                details["title_found"] = h.title
            if h.near:
                details["near_miss"] = True
            if h.basis:
                details["term_basis"] = h.basis
            if decision == CONFIRMED:
                details["review"] = CONFIRMED
            counts = decision == CONFIRMED or h.level == SEVERE  # the rest are notices until confirmed
            page, label = linking.get(urls.iat[row], (None, ""))
            if page:
                details["attachment"], details["linked_from"] = True, page
            out.append(ctx.finding("content.wrong_term", category=ctx.category_of(page or url), url=url,
                                   title=titles.get(row) or label or url.rsplit("/", 1)[-1],
                                   key=f"{h.term}\x1f{h.snippet}", evidence=_evidence(h, decision),
                                   details=details, at_most=None if counts else "notice"))
    if dismissed:
        ctx.memo.setdefault("warnings", []).append(f"表述错误：{dismissed} 处经审核为误报（已忽略），不再列为问题")
    return out


def _evidence(h, decision: str | None) -> str:
    state = "已确认" if decision == CONFIRMED else "待审核" if h.level != SEVERE else ""
    level = f"【{h.level}{'，' + state if state else ''}】"
    quote = f"“…{h.snippet}…”"
    if h.kind == LEADER and not h.near:
        return f"{level}领导职务表述有误：「{h.title}」与「{h.term}」不符，应为 {h.correct}：{quote}。"
    if h.kind == LEADER:
        return f"{level}疑似领导姓名有误：「{h.title}{h.term}」，应为「{h.correct}」？{quote}。"
    fix = f"，应为「{h.correct}」" if h.correct else ""
    return f"{level}页面使用了{KINDS[h.kind] if h.kind != 'wrong_term' else ''}「{h.term}」{fix}：{quote}。"
