"""互动回应差: messages on a 政务咨询 / 留言 board left unanswered, or answered, more than 3 months after
they were written, within the year before the as-of date (W8: 2015 普查评分表 and the 2019 检查指标
单项否决 "互动回应差"; 网上信访, 纪检举报, 在线访谈, 调查征集 are not judged by it).

It reads what the crawler recorded of each board (crawler.extract.board): the rows of a list of
messages (留言时间, a 回复时间 where the row shows one, a state from 已回复 / 未回复 / 办理中 …) and
each message's own page (来信时间, 答复时间, 答复单位 …); a message's page, where fetched, wins over
its row. A page is a board's when a name on it (breadcrumb, column, ColumnName tag; a list's
title) holds one of the catalog's board names (`items`) and none of its exclusions (`exclude`).

- A message asked within the year and still open more than `days` days later: a finding at the
  rule's severity (default veto: the indicators' own words, "留言超过3个月未回复").
- One answered more than `days` days after it was asked: a finding, at most a deduction (it is
  answered now; the veto is for messages left unanswered).
- A message whose date or state the page does not show is not judged (a could-not-verify note).
- A board whose list is readable but shows no message and no reply within the year: one notice
  per board (W8 2019: no effective 咨询建言 channel). On a crawl that ended early, could not
  verify instead: the year's messages may be on a page not reached.
- No board found, or none whose messages could be read: could not verify, no finding.

Messages open longer than the early-warning days (60) but not yet `days` are counted for the
run's early warnings (`near_limit`), never a finding.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from urllib.parse import urlsplit

from ..context import Context
from ..crawl import each_row
from ..registry import rule
from ..textnorm import norm_name, norm_name_once

RULE = "interaction.unanswered"
# Names that make a page a message board's (rules.interaction.unanswered.items).
DEFAULT_BOARDS = ("政务咨询", "咨询", "留言", "信箱", "来信", "问政", "诉求", "建言", "热线", "互动", "民声", "网民")
# Names that take a board out of the rule (rules.interaction.unanswered.exclude): W8 2015 leaves out
# 在线访谈 / 调查征集 / 举报投诉, 2019 网上信访 and 纪检举报.
DEFAULT_EXCLUDE = ("信访", "纪检", "举报", "访谈", "征集", "调查")
DEFAULT_DAYS = 90  # W8 (V): 3 months
WARN_DAYS = 60  # the monitors' early warning (issue 14; U)
LOOKBACK_DAYS = 365  # W8 (V): the year before the check
EXAMPLES = 5  # messages or boards named in a could-not-verify note


@dataclass
class Message:
    key: str  # the message's page URL, or its list page and row when it has none
    board: str  # the page where it is listed or shown
    title: str
    asked: date | None
    answered: date | None
    state: str | None


@rule(RULE, name="互动回应差", scope="page", severity="veto")
def unanswered(ctx: Context) -> list:
    """互动回应差：政务咨询、留言类栏目的留言超过 3 个月未回复，或超过 3 个月才回复（近一年内的留言）。"""
    setting = ctx.catalog.rule(RULE)
    limit = setting.days or DEFAULT_DAYS
    boards = read_boards(ctx)
    if not boards.pages:
        ctx.could_not_verify("抓取中未发现政务咨询、留言类栏目（信访、纪检举报、在线访谈、调查征集类栏目不计），未核实互动回应")
        return []
    since = ctx.as_of - timedelta(days=LOOKBACK_DAYS)
    findings, unknown = [], []
    in_year: set[str] = set()
    for m in boards.messages.values():
        if m.asked is None or (m.state is None and m.answered is None):
            unknown.append(m.key)
            continue
        if not since <= m.asked <= ctx.as_of:
            continue
        in_year.add(boards.board_of[m.board])
        if m.answered is not None:
            late = (m.answered - m.asked).days
            if late > limit:
                findings.append(_finding(ctx, m, f"留言《{m.title}》{m.asked.isoformat()} 提出，{m.answered.isoformat()} "
                                                 f"才答复，相隔 {late} 天，超过 {limit} 天。", late, "deduct"))
        elif m.state == "open":
            waited = (ctx.as_of - m.asked).days
            if waited > limit:
                findings.append(_finding(ctx, m, f"留言《{m.title}》{m.asked.isoformat()} 提出，至检查日已 {waited} 天"
                                                 f"仍未答复（超过 {limit} 天）。", waited, None))
    if unknown:
        unknown.sort()
        ctx.could_not_verify(f"{len(unknown)} 条留言的时间或办理状态未在页面列出，未核实，如 {'、'.join(unknown[:EXAMPLES])}")
    unread = sorted(b for b in set(boards.board_of.values()) if b not in boards.readable)
    for board in sorted(boards.readable - in_year):
        if ctx.crawl_complete:
            page = boards.readable_page[board]
            findings.append(ctx.finding(
                RULE, category=ctx.category_of(page), url=page, title=board, target=None, key="no-messages",
                evidence=f"「{board}」栏目近一年（{since.isoformat()} 至 {ctx.as_of.isoformat()}）没有一条留言和答复。",
                details={"board": board, "messages": 0}, at_most="notice"))
        else:
            ctx.could_not_verify(f"「{board}」栏目未见近一年的留言，抓取提前结束，未核实")
    if unread and not boards.readable:
        ctx.could_not_verify(f"{len(unread)} 个留言类栏目未列出留言的时间和办理状态（或由脚本生成），未核实互动回应，"
                             f"如 {'、'.join(unread[:EXAMPLES])}")
    return findings


def near_limit(ctx: Context) -> int:
    """Messages asked within the year, still open after WARN_DAYS days but not yet the rule's limit:
    the run's early warning."""
    limit = ctx.catalog.rule(RULE).days or DEFAULT_DAYS
    since = ctx.as_of - timedelta(days=LOOKBACK_DAYS)
    return sum(1 for m in read_boards(ctx).messages.values()
               if m.asked and since <= m.asked and m.state == "open" and m.answered is None
               and WARN_DAYS < (ctx.as_of - m.asked).days <= limit)


def _finding(ctx: Context, m: Message, evidence: str, days: int, at_most: str | None):
    target = m.key if m.key.startswith(("http://", "https://")) else None
    url = target if target and ctx.crawl.row(target) is not None else m.board
    # The key without scheme and host, as the fingerprint reads URLs: the same message is the same
    # finding when the site moves to https or another port (the message's URL is the target).
    key = "" if target else _without_host(m.key)
    return ctx.finding(RULE, category=ctx.category_of(m.board), url=url, target=target, title=m.title,
                       key=key, evidence=evidence, at_most=at_most,
                       details={"asked": m.asked.isoformat(), "answered": m.answered.isoformat() if m.answered else None,
                                "days": days, "state": m.state})


@dataclass
class Boards:
    pages: list[str]  # pages of boards that count
    board_of: dict[str, str]  # page URL → its board's name
    readable: set[str]  # boards with a page whose messages (or emptiness) could be read
    readable_page: dict[str, str]  # board → its first such page
    messages: dict[str, Message]


def read_boards(ctx: Context) -> Boards:
    """The boards that count and their messages, read once per judgement."""
    if RULE not in ctx.memo:
        ctx.memo[RULE] = _read_boards(ctx)
    return ctx.memo[RULE]


def _read_boards(ctx: Context) -> Boards:
    setting = ctx.catalog.rule(RULE)
    names = [norm_name(n) for n in (setting.items or DEFAULT_BOARDS) if norm_name(n)]
    exclude = [norm_name(n) for n in (setting.exclude or DEFAULT_EXCLUDE) if norm_name(n)]
    columns = ["url", "breadcrumb", "column", "column_name", "page_type", "empty_notice", "messages", "message"]
    pages = ctx.crawl.html_pages([c for c in columns if c in ctx.crawl.pages])
    for c in columns:
        if c not in pages:
            pages[c] = None
    out = Boards([], {}, set(), {}, {})
    excluded: set[str] = set()
    kinds: dict[tuple, str | None] = {}
    rows = pages.index.tolist()
    for row, (url, crumbs, column, column_name, page_type, empty, listed, own) in zip(
            rows, each_row(pages, *columns)):
        listed = listed if isinstance(listed, tuple) else None
        own = own if isinstance(own, tuple) else None
        said = (tuple(crumbs or ()), column or "", column_name or "", ctx.crawl.title(row) if listed else "")
        if said not in kinds:  # thousands of articles share a handful of trails
            keys = [norm_name_once(n) for n in (*said[0], *said[1:]) if n]
            kinds[said] = "excluded" if any(x in k for k in keys for x in exclude) else \
                "board" if any(n in k for k in keys for n in names) else None
        if kinds[said] == "excluded":
            excluded.add(url)
        if kinds[said] != "board":
            continue
        board = _board_name(column_name, column, crumbs, ctx.crawl.title(row) if listed else "")
        out.pages.append(url)
        out.board_of[url] = board
        if listed or own or (empty and page_type == "list"):
            out.readable.add(board)
            out.readable_page.setdefault(board, url)
        for i, (m_url, title, asked, answered, state) in enumerate(listed or ()):
            key = m_url or f"{url}#{i + 1}"
            out.messages.setdefault(key, Message(key, url, title or "", _day(asked), _day(answered), state))
        if own:
            asked, answered, _replier, state = own
            earlier = out.messages.get(url)
            title = earlier.title if earlier else ctx.crawl.title(row)
            # the message's own page wins over its row; what it leaves out the row may say
            out.messages[url] = Message(
                url, url, title, _day(asked) or (earlier.asked if earlier else None),
                _day(answered) or (earlier.answered if earlier else None),
                state or (earlier.state if earlier else None))
    # a row listed on a board that counts, whose own page stands under one the rule leaves out
    for key in [k for k in out.messages if k in excluded]:
        del out.messages[key]
    return out


def _board_name(column_name, column, crumbs, title: str) -> str:
    return column_name or column or (crumbs[-1] if crumbs else "") or title or "留言板"


def _day(value) -> date | None:
    if not value or not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _without_host(key: str) -> str:
    """A row's key (its board page's URL and its place, "http://…/hdjl/zx/index.html#3") from its path on."""
    parts = urlsplit(key)
    return key if not parts.scheme else key[len(f"{parts.scheme}://{parts.netloc}"):]
