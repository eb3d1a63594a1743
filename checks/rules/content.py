"""Content rule: wording the catalog lists as wrong or outdated (e.g. an agency renamed by a reform)."""
from __future__ import annotations

import re

from ..context import Context
from ..registry import rule
from ..textnorm import to_simplified, to_traditional
from ..workdays import as_date


def _variants(text: str) -> list[str]:
    """The text as simplified and as each traditional standard writes it, so that pages are
    searched as they are instead of converting every page."""
    return sorted({text, *(to_traditional(text, config) for config in ("s2t", "s2tw", "s2hk"))})


def _pattern(term) -> re.Pattern:
    def chars(text):
        return "".join(sorted({c for v in _variants(text) for c in v}))

    before = f"(?<![{re.escape(chars(term.not_before))}])" if term.not_before else ""
    after = f"(?![{re.escape(chars(term.not_after))}])" if term.not_after else ""
    return re.compile(before + "(?:" + "|".join(map(re.escape, _variants(term.term))) + ")" + after)


@rule("content.wrong_term", name="表述错误", scope="page")
def wrong_term(ctx: Context) -> list:
    """表述错误：页面使用了目录列出的错误或过时表述（如机构改革后已更名的机构名称）。"""
    terms = [(t, _pattern(t)) for t in ctx.catalog.wrong_terms]
    if not terms:
        return []
    crawl = ctx.crawl
    urls, published = crawl.pages["url"], crawl.pages["published"]
    any_term = re.compile("|".join(p.pattern for _, p in terms))
    found: dict[int, list] = {}  # row → (term, snippet, count): each text is read once and let go
    for row, text in crawl.texts():
        if any_term.search(text) and (hits := _hits(terms, published.iat[row], text)):
            found[row] = hits
    titles = dict(crawl.titles(found))
    out = []
    for row in sorted(found, key=urls.iat.__getitem__):
        url = urls.iat[row]
        for term, snippet, count in found[row]:
            fix = f"，应为「{term.correct}」" if term.correct else ""
            out.append(ctx.finding("content.wrong_term", category=ctx.category_of(url), url=url, title=titles[row],
                                   key=term.term, evidence=f"页面使用了「{term.term}」{fix}：“…{snippet}…”。",
                                   details={"term": term.term, "correct": term.correct, "count": count}))
    return out


def _hits(terms: list, published, text: str) -> list[tuple]:
    """(term, snippet, count) for each term the page uses (a term newer than the page is no fault)."""
    out = []
    published = as_date(published)
    for term, pattern in terms:
        if term.since and published and published < term.since:
            continue  # the name was right when the page was posted
        m = pattern.search(text)
        if not m:
            continue
        snippet = to_simplified(text[max(0, m.start() - 12):m.end() + 12].replace("\n", " "))
        out.append((term, snippet, len(pattern.findall(text))))
    return out
