"""Which of the site's columns is which catalog category — and why.

A site column is known by the names a reader sees: breadcrumb names, the ColumnName tag of
the national page-design standard, navigation labels, list-page titles. Each category is
matched by exact name, alias, name with a generic suffix (行政处罚信息公示 → 行政处罚), or
fuzzy similarity (rapidfuzz), all after traditional→simplified conversion. Every match
records its method and score, and the closest names that fell short, so that a
`column.missing` finding can say what it nearly matched.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from .catalog import Catalog, Category
from .crawl import Crawl
from .textnorm import norm_name

# Words columns append to a category's name without changing what it holds.
GENERIC_SUFFIX = re.compile(r"(?:信息|公示|公开|公告|专栏|栏目|专题|列表|情况)+$")
GENERIC_PREFIX = re.compile(r"^(?:本局|市局|我局|本部门|部门)")
# Breadcrumb names that are not columns.
NOT_COLUMNS = {norm_name(n) for n in ("首页", "网站首页", "主页", "正文", "详情", "内容", "详细信息", "文章",
                                      "当前位置", "返回", "更多", "more", "首页>")}
NAV_MAX_CHARS = 14  # a navigation label longer than this is an article title, not a column

_YEAR = re.compile(r"^\d{4}年?(度)?$")


@dataclass
class Match:
    category: str
    column: str | None = None  # the site's name for it, as the site writes it
    method: str | None = None  # 'name' | 'alias' | 'suffix' | 'fuzzy'
    score: float = 0.0
    source: str | None = None  # where the name was seen: breadcrumb | ColumnName | nav | title
    url: str | None = None  # a page of the column
    near_misses: list[dict] = field(default_factory=list)
    items: int | None = None  # items found for the category (filled after judging)
    newest: str | None = None  # ISO date of its newest dated item

    @property
    def found(self) -> bool:
        return self.column is not None


@dataclass
class SiteColumn:
    name: str  # as written on the site
    sources: set = field(default_factory=set)
    urls: list = field(default_factory=list)


def site_columns(crawl: Crawl) -> dict[str, SiteColumn]:
    """Every column name the site shows, keyed by normalised name."""
    cols: dict[str, SiteColumn] = {}

    def add(name: str, source: str, url: str | None):
        key = norm_name(name)
        if not key or key in NOT_COLUMNS or _YEAR.match(key) or len(key) > 40:
            return
        col = cols.setdefault(key, SiteColumn(name=name.strip()))
        col.sources.add(source)
        if url and url not in col.urls:
            col.urls.append(url)

    html = crawl.html
    seen_trails: set = set()  # articles of one column repeat its trail thousands of times
    columns = [html[c].tolist() for c in ("url", "breadcrumb", "meta", "page_type", "title")]
    for url, crumbs, meta, page_type, title in zip(*columns):
        column_name = meta.get("ColumnName")
        if page_type == "article":
            key = (tuple(crumbs), column_name)
            if key in seen_trails:
                continue
            seen_trails.add(key)
        page_url = url if page_type != "article" else None
        for name in crumbs:
            add(name, "breadcrumb", page_url)
        if column_name:
            add(column_name, "ColumnName", page_url)
        if page_type == "list" and title:
            add(re.split(r"[-_|｜—–]", title)[0], "title", url)
    kinds = dict(zip(crawl.pages["url"].tolist(), crawl.pages["page_type"].tolist()))
    nav = crawl.links[crawl.links["kind"].isin(["internal", "external"])].drop_duplicates(["url", "text"])
    for url, text in zip(nav["url"].tolist(), nav["text"].tolist()):
        text = text.strip()
        if 2 <= len(text) <= NAV_MAX_CHARS and kinds.get(url) != "article":
            add(text, "nav", url if url in kinds else None)
    return cols


def _score(key: str, cat: Category) -> tuple[float, str]:
    names = [norm_name(n) for n in cat.names]
    if key == names[0]:
        return 100.0, "name"
    if key in names[1:]:
        return 100.0, "alias"
    stripped = GENERIC_SUFFIX.sub("", GENERIC_PREFIX.sub("", key))
    if len(stripped) >= 2 and stripped != key and stripped in names:
        return 95.0, "suffix"
    best = process.extractOne(key, names, scorer=fuzz.ratio)
    return (float(best[1]), "fuzzy") if best else (0.0, "fuzzy")


def match_categories(crawl: Crawl, catalog: Catalog) -> tuple[dict[str, Match], dict[str, list[str]]]:
    """Per category, its best match; and per normalised site column, the categories it stands for.

    A column stands for the categories it scores best against (政府信息公开目录 is the 目录, not
    政府信息公开 with a suffix); ties stand for all (a 双公示 column is both 许可 and 处罚).
    """
    cols = site_columns(crawl)
    threshold = catalog.match_threshold
    scores = {cat.name: {key: _score(key, cat) for key in cols} for cat in catalog.categories}
    best_for_column = {key: max((scores[c][key][0] for c in scores), default=0.0) for key in cols}
    column_categories: dict[str, list[str]] = {}
    for cat in catalog.categories:
        for key, (score, _) in scores[cat.name].items():
            if score >= threshold and score == best_for_column[key]:
                column_categories.setdefault(key, []).append(cat.name)
    source_rank = {"breadcrumb": 0, "ColumnName": 1, "title": 2, "nav": 3}
    matches: dict[str, Match] = {}
    for cat in catalog.categories:
        ranked = sorted(((score, len(cols[key].urls), key, method) for key, (score, method) in scores[cat.name].items()),
                        reverse=True)
        match = Match(category=cat.name)
        mine = [r for r in ranked if cat.name in column_categories.get(r[2], [])]
        if mine:
            score, _, key, method = mine[0]
            col = cols[key]
            match.column, match.method, match.score = col.name, method, round(score, 1)
            match.source = min(col.sources, key=lambda s: source_rank.get(s, 9))
            match.url = col.urls[0] if col.urls else None
        match.near_misses = [{"column": cols[k].name, "score": round(s, 1)}
                             for s, _, k, _ in ranked if 50 <= s < threshold][:3]
        matches[cat.name] = match
    return matches, column_categories
