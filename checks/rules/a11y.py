"""Accessibility and elder mode (无障碍环境建设法 第三十二条, in force 2023-09-01: sites built with
public money meet the accessibility standards step by step; GB/T 37668-2019, after WCAG 2.x).

Judged on the facts the crawler recorded per HTML page as fetched (PageRecord.a11y,
crawler.extract.a11y): counts and a few examples. What a script draws later is not seen, hence
notices by default (the catalog may make any of them a deduction).

One finding per check for the whole site, not one per page: the faults sit in templates and
editors' habits, and a 2,000-page site would otherwise get thousands of lines. Each finding
says how many pages and elements are affected, of how many pages read, names up to EXAMPLES
pages with an example element each, and counts the affected pages per column (details.columns).
It stands at the home page, so that it keeps its fingerprint while the pages it names change.
"""
from __future__ import annotations

import re
from collections import Counter

from ..context import Context
from ..crawl import each_row
from ..registry import rule

EXAMPLES = 5  # pages named in a finding
# Element checks: rule id → (the fact's key, what is wrong in Chinese, the element's unit).
ELEMENT_CHECKS = {
    "a11y.img_alt": ("img", "图片缺少替代文本（alt）", "张图片"),
    "a11y.form_label": ("field", "表单控件缺少标签（label、aria-label、title 或 placeholder）", "个表单控件"),
    "a11y.link_name": ("link", "链接缺少可访问名称（无文字、aria-label、title 或图片 alt）", "个链接"),
    "a11y.iframe_title": ("iframe", "框架（iframe）缺少 title", "个框架"),
}
# a11y.same_title: a <title> shared by at least this many pages (a list's further pages not counted)
# is no title a reader can tell pages apart by (WCAG 2.4.2), however big the site.
SAME_TITLE_MIN_PAGES = 10
_CJK = re.compile(r"[\u4e00-\u9fff]")
NO_FACTS = "抓取记录中没有页面的无障碍信息（抓取时未记录），无法核实"


def _facts(ctx: Context) -> list[tuple[str, dict, str]]:
    """(url, facts, column) of every HTML page that answered 200 and has facts, in address order;
    said once to be unverifiable when none has."""
    if "a11y" not in ctx.memo:
        pages = ctx.crawl.html_pages(["url", "a11y", "column", "list_of"])
        rows = [(url, facts, column or "", list_of) for url, facts, column, list_of
                in each_row(pages, "url", "a11y", "column", "list_of") if isinstance(facts, dict)]
        ctx.memo["a11y"] = sorted(rows, key=lambda r: (r[0] != ctx.crawl.start_url, r[0]))
    rows = ctx.memo["a11y"]
    if not rows:
        ctx.could_not_verify(NO_FACTS)
    return rows


def _site_finding(ctx: Context, rule_id: str, failing: list[tuple[str, str, str]], read: int, what: str,
                  count: int | None = None, unit: str = "", target: str | None = None) -> list:
    """One finding for the site: `failing` (url, column, an example) of the pages at fault."""
    if not failing:
        return []
    named = "、".join(f"{url}（{example}）" if example else url for url, _, example in failing[:EXAMPLES])
    amount = f"共 {count} {unit}" if count is not None else ""
    evidence = f"{len(failing)} 个页面（共检查 {read} 个）{what}{'，' + amount if amount else ''}，如 {named}。"
    columns = Counter(column or "（未归栏目）" for _, column, _ in failing)
    return [ctx.finding(rule_id, url=ctx.crawl.start_url, target=target, title="", evidence=evidence,
                        details={"pages": len(failing), "read": read, **({"elements": count} if count is not None else {}),
                                 "examples": [url for url, _, _ in failing[:EXAMPLES]],
                                 "columns": dict(columns.most_common())})]


def _element_rule(ctx: Context, rule_id: str) -> list:
    key, what, unit = ELEMENT_CHECKS[rule_id]
    rows = _facts(ctx)
    failing, count = [], 0
    for url, facts, column, _ in rows:
        total, bad = (list(facts.get(key) or [0, 0]) + [0, 0])[:2]
        if bad:
            count += bad
            example = ((facts.get("examples") or {}).get(key) or [""])[0]
            failing.append((url, column, example))
    return _site_finding(ctx, rule_id, failing, len(rows), what, count, unit)


@rule("a11y.img_alt", name="图片缺少替代文本", scope="site", severity="notice")
def img_alt(ctx: Context) -> list:
    """图片缺少替代文本：页面中的图片没有 alt 属性（装饰性图片应写 alt=""）。"""
    return _element_rule(ctx, "a11y.img_alt")


@rule("a11y.form_label", name="表单控件缺少标签", scope="site", severity="notice")
def form_label(ctx: Context) -> list:
    """表单控件缺少标签：输入框、下拉框等没有 label、aria-label、title 或 placeholder。"""
    return _element_rule(ctx, "a11y.form_label")


@rule("a11y.link_name", name="链接缺少可访问名称", scope="site", severity="notice")
def link_name(ctx: Context) -> list:
    """链接缺少可访问名称：链接既无文字，也无 aria-label、title 或带 alt 的图片，读屏软件无法读出。"""
    return _element_rule(ctx, "a11y.link_name")


@rule("a11y.iframe_title", name="框架缺少标题", scope="site", severity="notice")
def iframe_title(ctx: Context) -> list:
    """框架缺少标题：iframe 没有 title 属性，读屏软件无法说明其内容。"""
    return _element_rule(ctx, "a11y.iframe_title")


@rule("a11y.html_lang", name="未声明页面语言", scope="site", severity="notice")
def html_lang(ctx: Context) -> list:
    """未声明页面语言：<html> 缺少 lang 属性，或中文页面声明为其他语言（如 lang="en"）。"""
    rows = _facts(ctx)
    missing, wrong = [], []
    for url, facts, column, _ in rows:
        lang = str(facts.get("lang") or "").strip()
        if not lang:
            missing.append((url, column, ""))
        elif not lang.lower().startswith("zh") and _CJK.search(str(facts.get("title") or "")):
            wrong.append((url, column, f'lang="{lang}"'))
    return (_site_finding(ctx, "a11y.html_lang", missing, len(rows), "的 <html> 缺少 lang 属性（应为 lang=\"zh-CN\"）",
                          target="缺少 lang")
            + _site_finding(ctx, "a11y.html_lang", wrong, len(rows), "为中文页面却声明了其他语言", target="lang 不符"))


@rule("a11y.heading_order", name="标题层级跳跃", scope="site", severity="notice")
def heading_order(ctx: Context) -> list:
    """标题层级跳跃：页面标题（h1–h6）越级使用，如 h2 之后直接为 h4。"""
    rows = _facts(ctx)
    failing, count = [], 0
    for url, facts, column, _ in rows:
        skips = int(facts.get("heading_skips") or 0)
        if skips:
            count += skips
            failing.append((url, column, ((facts.get("examples") or {}).get("heading_skips") or [""])[0]))
    return _site_finding(ctx, "a11y.heading_order", failing, len(rows), "的标题层级越级", count, "处")


@rule("a11y.autoplay", name="媒体自动播放", scope="site", severity="notice")
def autoplay(ctx: Context) -> list:
    """媒体自动播放：音频或有声视频打开页面即自动播放，干扰读屏软件。"""
    rows = _facts(ctx)
    failing, count = [], 0
    for url, facts, column, _ in rows:
        n = int(facts.get("autoplay") or 0)
        if n:
            count += n
            failing.append((url, column, ((facts.get("examples") or {}).get("autoplay") or [""])[0]))
    return _site_finding(ctx, "a11y.autoplay", failing, len(rows), "有自动播放的音频或视频", count, "个")


@rule("a11y.same_title", name="页面标题雷同", scope="site", severity="notice")
def same_title(ctx: Context) -> list:
    """页面标题雷同：大量页面的 <title> 完全相同，无法从标题区分页面。"""
    rows = [r for r in _facts(ctx) if not isinstance(r[3], str)]  # a list's further pages share its title by right
    groups: dict[str, list[tuple[str, str, str]]] = {}
    for url, facts, column, _ in rows:
        title = str(facts.get("title") or "").strip()
        if title:
            groups.setdefault(title, []).append((url, column, ""))
    findings = []
    for title, pages in sorted(groups.items()):
        if len(pages) >= SAME_TITLE_MIN_PAGES:
            findings += _site_finding(ctx, "a11y.same_title", pages, len(rows), f"的 <title> 都是“{title}”",
                                      target=title)
    return findings


@rule("a11y.elder_entry", name="缺少无障碍或适老化入口", scope="site", severity="deduct")
def elder_entry(ctx: Context) -> list:
    """缺少无障碍或适老化入口：首页没有无障碍浏览、长者模式、关怀版或适老版入口，也未加载无障碍工具条。"""
    home = ctx.crawl.home()
    if home is None or home["status"] != 200 or not home["is_html"]:
        ctx.could_not_verify("首页未能作为网页读取，无法核实无障碍或适老化入口")
        return []
    facts = home.get("a11y")
    if not isinstance(facts, dict):
        ctx.could_not_verify(NO_FACTS)
        return []
    if facts.get("entry"):
        return []
    return [ctx.finding("a11y.elder_entry", url=ctx.crawl.start_url, title=home.get("title") or "首页",
                        evidence="首页未见无障碍浏览、长者模式、关怀版或适老版入口，也未加载无障碍工具条脚本。",
                        details={})]


A11Y_RULES = (html_lang, img_alt, form_label, link_name, iframe_title, heading_order, autoplay, same_title,
              elder_entry)
