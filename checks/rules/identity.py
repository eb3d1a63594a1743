"""Who runs the site, said at the foot of every page: the identity items of 政府网站发展指引 (2017),
and the 我为政府网站找错 entry of the 2019 indicators.

Both read the items the crawler recorded per page (crawler.extract.identity). A footer drawn by
a script or a frame the crawl did not fetch shows nothing: when a page shows no item at all, the
rules say they could not verify it rather than call every item missing.
"""
from __future__ import annotations

from ..context import Context
from ..crawl import each_row
from ..registry import rule

# The names a catalog writes for each item (rules.site.identity.items), and the record's key.
ITEMS = {
    "网站标识码": "site_code",
    "ICP备案编号": "icp",
    "公安机关备案号": "police",
    "党政机关网站标识": "conac",
    "主办单位": "sponsor",
}
ITEM_ALIASES = {"标识码": "网站标识码", "ICP备案": "ICP备案编号", "ICP备案号": "ICP备案编号", "公安备案": "公安机关备案号",
                "公安机关备案": "公安机关备案号", "公安机关备案标识": "公安机关备案号", "党政机关标识": "党政机关网站标识",
                "开办者标识": "党政机关网站标识", "主办": "主办单位"}
# The codes that must agree, and what each is called in a finding.
CODES = {"meta_site_code": "页面标签 SiteIDCode", "site_code": "页面底部网站标识码", "error_sitecode": "找错入口的 sitecode"}
EXAMPLES = 5  # pages listed in a finding about many pages


@rule("site.identity", name="网站标识不全", scope="site", severity="deduct")
def site_identity(ctx: Context) -> list:
    """网站标识不全：页面底部缺少网站标识码、ICP备案编号、公安机关备案号、党政机关网站标识或主办单位，或各处标识码不一致。"""
    home = _home_identity(ctx, "页面底部标识")
    if home is None:
        return []
    required = required_items(ctx)
    findings = []
    missing = [name for name in required if ITEMS[name] not in home]
    if missing:
        findings.append(ctx.finding(
            "site.identity", url=ctx.crawl.home()["url"], title=ctx.crawl.home()["title"] or "首页",
            evidence=f"首页页面底部未列明：{'、'.join(missing)}。", details={"missing": missing, "pages": 1}))
    codes = {name: home[key] for key, name in CODES.items() if home.get(key)}
    if len({_code(v) for v in codes.values()}) > 1:
        findings.append(ctx.finding(
            "site.identity", url=ctx.crawl.home()["url"], title=ctx.crawl.home()["title"] or "首页",
            target="标识码不一致",
            evidence="网站标识码不一致：" + "，".join(f"{name} {code}" for name, code in codes.items()) + "。",
            details={"codes": codes}))
    findings += _pages_lacking(ctx, home, required)
    return findings


@rule("site.error_entry_missing", name="缺少找错入口", scope="site", severity="deduct")
def error_entry_missing(ctx: Context) -> list:
    """缺少找错入口：首页未设置“我为政府网站找错”入口（全国政府网站找错平台的 jiucuo.js）。"""
    home = _home_identity(ctx, "找错入口")
    if home is None or home.get("error_entry"):
        return []
    return [ctx.finding("site.error_entry_missing", url=ctx.crawl.home()["url"],
                        title=ctx.crawl.home()["title"] or "首页",
                        evidence="首页未设置“我为政府网站找错”入口（未加载全国政府网站找错平台的 jiucuo.js）。",
                        details={})]


def required_items(ctx: Context) -> list[str]:
    """The catalog's items for site.identity, by their standard names (a name it does not know is
    refused by `netcheck catalog check`, and left out here)."""
    given = ctx.catalog.rule("site.identity").items or tuple(ITEMS)
    names = [ITEM_ALIASES.get(name, name) for name in given]
    return [name for name in dict.fromkeys(names) if name in ITEMS]


def identity_of(ctx: Context, row: dict) -> dict[str, str] | None:
    """A page's items, with those of the frame its footer is drawn from when the crawl fetched it;
    None when the record has none (no HTML page, a crawl from before they were recorded) or the
    footer is a frame the crawl did not fetch."""
    value = row.get("identity")
    if value is None or value != value:  # NaN: an older crawl
        return None
    items = dict(value)
    frame = items.pop("footer_frame", None)
    if frame:
        framed = ctx.crawl.page(frame)
        if framed is None or framed.get("identity") is None or framed.get("identity") != framed.get("identity"):
            return None if not _shown(items) else items
        items = {**dict(framed["identity"]), **items}
    return items


def _home_identity(ctx: Context, what: str) -> dict[str, str] | None:
    home = ctx.crawl.home()
    if home is None or home["status"] != 200 or not home["is_html"]:
        ctx.could_not_verify(f"首页未能作为网页读取，无法核实{what}")
        return None
    items = identity_of(ctx, home)
    if items is None:
        ctx.could_not_verify(f"首页的页面底部未能读取（由未抓取的框架显示，或抓取时未记录），无法核实{what}")
        return None
    if not _shown(items):
        how = "经浏览器渲染后" if home.get("rendered") else ""
        ctx.could_not_verify(f"首页{how}页面底部未见任何标识信息，可能由脚本生成，无法核实{what}")
        return None
    return items


def _shown(items: dict[str, str]) -> bool:
    """Whether a page shows any footer at all that the crawl could read: any item but the tag."""
    return any(key in items for key in (*ITEMS.values(), "error_entry"))


def _pages_lacking(ctx: Context, home: dict[str, str], required: list[str]) -> list:
    """Pages other than the home page whose footer lacks items the home page shows: one finding
    per set of missing items (one template), naming how many pages and a few of them."""
    shown_at_home = [name for name in required if ITEMS[name] in home]
    if not shown_at_home:
        return []
    pages = ctx.crawl.html_pages(["url", "status", "identity", "list_of", "scripted"])
    home_url = ctx.crawl.home()["url"]
    groups: dict[tuple[str, ...], list[str]] = {}
    for url, status, identity, list_of, scripted in each_row(pages, "url", "status", "identity", "list_of",
                                                              "scripted"):
        if url == home_url or status != 200 or isinstance(list_of, str) or scripted:  # list_of: NaN when none
            continue
        items = identity_of(ctx, {"identity": identity})
        if items is None or not _shown(items):
            continue  # a page with no footer at all (a pop-up, a print view, a frame's inside)
        missing = tuple(name for name in shown_at_home if ITEMS[name] not in items)
        if missing:
            groups.setdefault(missing, []).append(url)
    # One finding per set of items, at the first of its pages in address order, not in crawl order:
    # the pages a crawl reaches first change from run to run, and the finding must stay one finding.
    for urls in groups.values():
        urls.sort()
    return [ctx.finding("site.identity", url=urls[0], title="",
                        target="、".join(missing),
                        evidence=f"{len(urls)} 个页面的页面底部未列明：{'、'.join(missing)}（首页已列明），"
                                 f"如 {'、'.join(urls[:EXAMPLES])}。",
                        details={"missing": list(missing), "pages": len(urls), "examples": urls[:EXAMPLES]})
            for missing, urls in groups.items()]


def _code(value: str) -> str:
    return value.strip().lower()
