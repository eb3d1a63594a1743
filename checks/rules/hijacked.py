"""External links whose target now serves something else: a 友情链接 whose domain expired and was
bought by a casino, an adult site or a domain parker. A status check sees 200 OK; the words do not.

Judged on what the crawl kept of each external target (PageRecord.external: its title, keywords
and description, the start of its text, the hosts it draws from; crawler.extract.external), so only
with `netcheck audit --check-external`: without it no target was fetched, and the rule says it
could not verify (未核实) rather than pass.

- A term of GAMBLING or ADULT (these words name a casino or a porn site) in the target's title or
  description tags: a finding at the catalog's severity; in its text only: the same when the target's
  title no longer relates to the link's text (the site is another now), else a notice (疑似: a police
  site's news of a 百家乐 gambling case names it too).
- A term of GAMBLING_WEAK or ADULT_WEAK (博彩, 赌场, 色情: words a 扫黄打非 or anti-gambling news
  page uses too) in the target's title or description tags: a finding; only in its text: a notice
  (疑似), for a person to look at.
- A parked or for-sale page (PARKING_WORDS in its words, or it draws from a PARKING_HOSTS host):
  a finding, at most deduct (the link is dead, not obscene), when its title no longer relates to
  the link's text; a notice when it still does (a site showing its own for-sale banner).
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

from ..context import Context
from ..crawl import each_row
from ..registry import rule

# Names of casinos, betting and porn: a page showing one is one.
GAMBLING = ("澳门新葡京", "新葡京", "葡京娱乐", "真人娱乐", "百家乐", "彩票投注", "娱乐城", "太阳城", "威尼斯人娱乐",
            "皇冠体育", "皇冠足球", "体育投注", "六合彩", "时时彩", "北京赛车", "棋牌游戏", "开元棋牌", "老虎机",
            "赌球", "网上赌博", "线上赌场", "bet365", "casino", "baccarat")
ADULT = ("成人视频", "成人电影", "成人网站", "av在线", "黄色网站", "一本道", "porn", "xxx videos")
# Words that also stand in news against them (严厉打击跨境赌博、淫秽色情): sure only in the title or tags.
GAMBLING_WEAK = ("博彩", "赌场", "赌博", "下注")
ADULT_WEAK = ("色情", "裸聊", "约炮")
# A parked or for-sale domain says so.
PARKING_WORDS = ("domain is for sale", "domain may be for sale", "this domain is parked", "buy this domain",
                 "domain for sale", "domain name is for sale", "make an offer on this domain", "parked free",
                 "域名出售", "该域名正在出售", "此域名正在出售", "域名转让", "本域名出售", "域名可出售",
                 "this domain has expired", "域名已过期")
# ... or its page is drawn by a parking service (script, frame or link host; a suffix matches).
PARKING_HOSTS = ("sedo.com", "sedoparking.com", "dan.com", "bodis.com", "parkingcrew.net", "above.com",
                 "afternic.com", "hugedomains.com", "parklogic.com", "domainmarket.com", "undeveloped.com",
                 "parked-content.godaddy.com", "park.above.com", "4.cn", "juming.com", "ename.com")
KINDS_CN = {"gambling": "赌博", "adult": "色情", "parked": "域名停放或出售"}
IN_TEXT_ONLY = "\x00text"  # marks a verdict whose strong words stand in the target's text only
EXAMPLES = 5  # pages named in a finding about a link on many pages

_CJK = re.compile(r"[\u4e00-\u9fff]")
_WORD = re.compile(r"[a-z0-9]{4,}")


@rule("link.hijacked", name="外部链接被劫持", scope="page", severity="veto")
def link_hijacked(ctx: Context) -> list:
    """外部链接被劫持：外部链接的目标网站现已变为赌博、色情或域名停放（出售）页面。"""
    pages = ctx.crawl.pages
    elsewhere = [not ctx.same_site(url) for url in pages["url"].tolist()]
    if not any(elsewhere):
        ctx.could_not_verify("未检查外部链接（未使用 --check-external），无法核实外部链接是否被劫持")
        return []
    fetched = pages[pages["external"].notna()] if "external" in pages else pages.iloc[:0]
    if fetched.empty:
        ctx.could_not_verify("外部链接只检查了能否访问，未读取其内容（抓取时未记录），无法核实外部链接是否被劫持")
        return []
    judged = {}
    exclude = tuple(h.lower().lstrip(".") for h in ctx.catalog.rule("link.hijacked").exclude)
    for url, status, external in each_row(fetched, "url", "status", "external"):
        host = (urlsplit(url).hostname or "").lower()
        if any(host == h or host.endswith("." + h) for h in exclude):
            continue
        if status == 200 and isinstance(external, dict) and not ctx.same_site(url):
            verdict = judge_target(external)
            if verdict:
                judged[url] = (verdict, external)
    if not judged:
        return []
    links = ctx.crawl.links_to(set(judged))
    findings = []
    for target, (verdict, external) in sorted(judged.items()):
        holding = links[links["url"] == target]
        if holding.empty:
            continue  # a target reached only by redirect from another external link
        page_urls = sorted(set(holding["page_url"].tolist()), key=lambda u: (u != ctx.crawl.start_url, u))
        text = next((t for t in holding["text"].tolist() if t), "")
        kind, sure, words = verdict
        related = relates(text, external.get("title") or "")
        at_most = None
        if IN_TEXT_ONLY in words:
            words = tuple(w for w in words if w != IN_TEXT_ONLY)
            # A casino's name in the text of a page whose title still matches the link (a 公安局 site's news of
            # a 百家乐 gambling case): a person looks at it; no veto on it.
            sure = sure and not related
        if not sure:
            at_most = "notice"
        elif kind == "parked":
            at_most = "deduct" if not related else "notice"
        title = external.get("title") or ""
        where = page_urls[0] if len(page_urls) == 1 else \
            f"{len(page_urls)} 个页面（如 {'、'.join(page_urls[:EXAMPLES])}）"
        doubt = "" if at_most != "notice" else "疑似："
        evidence = (f"{doubt}{where}上的外部链接“{text or target}”（{target}）现指向{KINDS_CN[kind]}页面"
                    f"（标题“{title or '无'}”，命中“{'、'.join(words)}”），请核实后删除或更正该链接。")
        findings.append(ctx.finding(
            "link.hijacked", category=ctx.category_of(page_urls[0]), url=page_urls[0], target=target,
            title=text, evidence=evidence, at_most=at_most,
            details={"kind": kind, "sure": sure, "matched": list(words), "target_title": title,
                     "link_text": text, "pages": len(page_urls), "examples": page_urls[:EXAMPLES],
                     "title_relates": related}))
    return findings


def judge_target(external: dict) -> tuple[str, bool, tuple[str, ...]] | None:
    """(kind, sure, words matched) for what an external target shows, or None when nothing in it
    says gambling, adult or parked. `sure` False: only a word that news uses too, in the text."""
    head = " ".join(str(external.get(k) or "") for k in ("title", "description")).lower()
    text = str(external.get("text") or "").lower()
    both = head + " " + text
    for kind, strong, weak in (("gambling", GAMBLING, GAMBLING_WEAK), ("adult", ADULT, ADULT_WEAK)):
        words = tuple(w for w in strong if w in head)
        if words:
            return kind, True, words
        words = tuple(w for w in strong if w in text)
        if words:  # only in the text: sure unless the page still is what the link names (see link_hijacked)
            return kind, True, words + (IN_TEXT_ONLY,)
        words = tuple(w for w in weak if w in head)
        if words:
            return kind, True, words
    words = tuple(w for w in PARKING_WORDS if w in both)
    hosts = tuple(h for h in external.get("hosts") or () if any(h == p or h.endswith("." + p) for p in PARKING_HOSTS))
    if words or hosts:
        return "parked", True, words + hosts
    for kind, weak in (("gambling", GAMBLING_WEAK), ("adult", ADULT_WEAK)):
        words = tuple(w for w in weak if w in text)
        if words:
            return kind, False, words
    return None


def relates(link_text: str, title: str) -> bool:
    """Whether a link's text and its target's title still speak of the same thing: one holds the
    other, or they share two Chinese characters in a row or a word of four letters or more."""
    a, b = re.sub(r"\s+", "", link_text.lower()), re.sub(r"\s+", "", title.lower())
    if not a or not b:
        return False
    if a in b or b in a:
        return True
    pairs = {a[i:i + 2] for i in range(len(a) - 1) if _CJK.match(a[i]) and _CJK.match(a[i + 1])}
    if any(p in b for p in pairs):
        return True
    return bool(set(_WORD.findall(link_text.lower())) & set(_WORD.findall(title.lower())))
