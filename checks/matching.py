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
from typing import Callable

import numpy as np
from rapidfuzz import fuzz, process

from .catalog import Catalog, Category
from .crawl import Crawl, each_row
from .textnorm import norm_name, norm_name_once

# Words columns append to a category's name without changing what it holds.
GENERIC_SUFFIX = re.compile(r"(?:信息|公示|公开|公告|专栏|栏目|专题|列表|情况)+$")
GENERIC_PREFIX = re.compile(r"^(?:本局|市局|我局|本部门|部门)")
# Breadcrumb names that are not columns.
NOT_COLUMNS = {norm_name(n) for n in ("首页", "网站首页", "主页", "正文", "详情", "内容", "详细信息", "文章",
                                      "当前位置", "返回", "更多", "more", "首页>")}

_YEAR = re.compile(r"^\d{4}年?(度)?$")
BROADER = "broader"  # the method of a column whose name the category's contains: never a match
EXACT = ("name", "alias")
NEAR_MISS = 50  # a column scoring this much is named as a near miss when a category is not found
SEEN_MAX = 4096  # how many names and trails site_columns remembers between clears


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


def site_columns(crawl: Crawl, keep: Callable[[str], bool] = lambda key: True) -> dict[str, SiteColumn]:
    """Every column name the site shows, keyed by normalised name; only names `keep` accepts
    are kept (an article's own ColumnName is often its title: thousands of names, most of
    which can never match a category)."""
    cols: dict[str, SiteColumn] = {}
    dropped: dict[str, None] = {}  # names refused lately, so that a repeated one is judged once

    def add(name: str, source: str, url: str | None, once: bool = False):
        key = norm_name_once(name) if once else norm_name(name)
        if not key or key in NOT_COLUMNS or _YEAR.match(key) or len(key) > 40:
            return
        col = cols.get(key)
        if col is None:
            if key in dropped:
                return
            if not keep(key):
                if len(dropped) >= SEEN_MAX:
                    dropped.clear()
                dropped[key] = None
                return
            col = cols[key] = SiteColumn(name=name.strip())
        col.sources.add(source)
        if url and url not in col.urls:
            col.urls.append(url)

    html = crawl.html_pages(["url", "breadcrumb", "column_name", "page_type"])
    list_titles = dict(crawl.titles(html.index[html["page_type"] == "list"]))
    # Articles of one column repeat its trail thousands of times; a repeat adds nothing.
    seen_trails: dict[tuple, None] = {}
    for row, url, crumbs, column_name, page_type in each_row(html.assign(row=html.index), "row", "url", "breadcrumb",
                                                              "column_name", "page_type"):
        if page_type == "article":
            key = (crumbs, column_name)
            if key in seen_trails:
                continue
            if len(seen_trails) >= SEEN_MAX:
                seen_trails.clear()
            seen_trails[key] = None
        page_url = url if page_type != "article" else None
        for name in crumbs:
            add(name, "breadcrumb", page_url)
        if column_name:
            add(column_name, "ColumnName", page_url, once=page_type == "article")
        if page_type == "list" and list_titles[row]:
            add(re.split(r"[-_|｜—–]", list_titles[row])[0], "title", url)
    nav = crawl.nav_links  # short link texts to pages not articles, each (target, text) once, in order
    for url, text in zip(nav["url"].tolist(), nav["text"].tolist()):
        add(text.strip(), "nav", url if crawl.pages_row(url) is not None else None)
    return cols


class _Scorer:
    """Each category's score for a site column's normalised name, with how it matched."""

    def __init__(self, catalog: Catalog):
        self.names = [[norm_name(n) for n in cat.names] for cat in catalog.categories]
        self.flat = [n for names in self.names for n in names]
        self.any_name = set(self.flat)
        # Each name without its generic suffix (行政处罚信息公示 → 行政处罚): a column named that is
        # the category, not a broader one.
        self.stems = [{GENERIC_SUFFIX.sub("", n) for n in names} - {""} for names in self.names]
        self.any_stem = set().union(*self.stems) if self.stems else set()

    def may_reach(self, key: str, floor: float) -> bool:
        """Whether some category might score `floor` or more: never no when one does (a name
        scores 100, a suffix 95, else the best ratio against any name), often no at once."""
        if key in self.any_name or key in self.any_stem:
            return True
        stripped = GENERIC_SUFFIX.sub("", GENERIC_PREFIX.sub("", key))
        if len(stripped) >= 2 and stripped != key and stripped in self.any_name:
            return True
        return process.extractOne(key, self.flat, scorer=fuzz.ratio, score_cutoff=floor) is not None

    def scores(self, key: str) -> list[tuple[float, str]]:
        ratios = process.cdist([key], self.flat, scorer=fuzz.ratio, dtype=np.float64)[0].tolist() \
            if self.flat else []
        stripped = GENERIC_SUFFIX.sub("", GENERIC_PREFIX.sub("", key))
        out, i = [], 0
        for names, stems in zip(self.names, self.stems):
            fuzzy, i = max(ratios[i:i + len(names)], default=0.0), i + len(names)
            if key == names[0]:
                out.append((100.0, "name"))
            elif key in names[1:]:
                out.append((100.0, "alias"))
            elif (len(stripped) >= 2 and stripped != key and stripped in names) or (len(key) >= 2 and key in stems):
                out.append((95.0, "suffix"))
            elif any(key in n for n in names):
                # The site's column is a broader one whose name the category's contains (政府信息公开
                # for 政府信息公开年报): it holds much else, so it never stands for the category.
                out.append((float(fuzzy), BROADER))
            else:
                out.append((float(fuzzy), "fuzzy"))
        return out


def match_categories(crawl: Crawl, catalog: Catalog) -> tuple[dict[str, Match], dict[str, list[str]]]:
    """Per category, its best match; and per normalised site column, the categories it stands for.

    A column stands for the categories it scores best against (政府信息公开目录 is the 目录, not
    政府信息公开 with a suffix); ties stand for all (a 双公示 column is both 许可 and 处罚).
    """
    threshold = catalog.match_threshold
    scorer, by_key = _Scorer(catalog), {}
    floor = min(NEAR_MISS, threshold)  # a name scoring below this for every category is never shown

    def keep(key: str) -> bool:
        if not scorer.may_reach(key, floor):
            return False
        scored = scorer.scores(key)
        if max((score for score, _ in scored), default=0.0) < floor:
            return False
        by_key[key] = scored
        return True

    cols = site_columns(crawl, keep)
    scores = {cat.name: {key: by_key[key][i] for key in cols} for i, cat in enumerate(catalog.categories)}
    best_for_column = {key: max((scores[c][key][0] for c in scores), default=0.0) for key in cols}
    column_categories: dict[str, list[str]] = {}
    for cat in catalog.categories:
        for key, (score, method) in scores[cat.name].items():
            if score >= threshold and score == best_for_column[key] and method != BROADER:
                column_categories.setdefault(key, []).append(cat.name)
    # A column stands for one category, the best; only a name both share (a 双公示 column that
    # is an alias of 行政许可 and of 行政处罚) stands for several. A fuzzy tie is no match at all:
    # better a near-miss notice than a column counted for the wrong category.
    for key, names in list(column_categories.items()):
        if len(names) > 1 and any(scores[n][key][1] not in EXACT for n in names):
            del column_categories[key]
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
                             for s, _, k, m in ranked if NEAR_MISS <= s and (s < threshold or m == BROADER
                                                                             or k not in column_categories)
                             and k != (match.column and norm_name(match.column))][:3]
        matches[cat.name] = match
    return matches, column_categories
