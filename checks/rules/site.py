"""Site-wide rules: can the home page be fetched, would a browser trust it, and is it kept current."""
from __future__ import annotations

from datetime import timedelta

from ..context import Context
from ..registry import rule
from ..workdays import as_date


@rule("site.unreachable", name="网站无法访问", scope="site", severity="veto")
def site_unreachable(ctx: Context) -> list:
    """站点无法访问：首页无法打开（无响应、超过15秒、连接失败或返回错误状态）。"""
    home = ctx.crawl.home()
    if home is not None and home["status"] is not None and home["status"] < 400:
        return []
    if home is None:
        why = "爬取记录中没有首页"
    elif home["status"] is None:
        why = f"请求失败（{_error_cn(home['error'])}）"
    else:
        why = f"返回 HTTP {int(home['status'])}"
    return [ctx.finding("site.unreachable", url=ctx.crawl.start_url, title="首页",
                        evidence=f"首页无法访问：{why}。", details={"status": home and home["status"],
                                                             "error": home and home["error"]})]


@rule("site.tls_invalid", name="网站证书无效", scope="site", severity="veto")
def tls_invalid(ctx: Context) -> list:
    """网站证书无效：首页的HTTPS证书未通过验证（自签名、过期、与域名不符等），浏览器会拦截并显示安全警告。"""
    home = ctx.crawl.home()
    problem = home and home.get("certificate_error")
    if not problem or (isinstance(problem, float) and problem != problem):  # NaN: a crawl from before the check
        return []
    return [ctx.finding("site.tls_invalid", url=ctx.crawl.start_url, title=home["title"] or "首页",
                        evidence=f"首页的HTTPS证书未通过验证（{problem}），访问者的浏览器会显示安全警告并拦截页面。",
                        details={"certificate_error": problem})]


@rule("site.homepage_stale", name="首页不更新", scope="site", severity="veto")
def homepage_stale(ctx: Context) -> list:
    """首页不更新：首页最新信息的日期早于规定天数（默认14天）；无日期的信息视为未更新。"""
    home = ctx.crawl.home()
    if home is None or home["status"] != 200 or not home["is_html"]:
        ctx.could_not_verify("首页未能作为网页读取，无法判断更新情况")
        return []
    days = homepage_limit_days(ctx)
    entries = ctx.crawl.entries[ctx.crawl.entries["page_url"] == home["url"]]
    newest = homepage_newest(ctx)
    if newest is not None and (ctx.as_of - newest) <= timedelta(days=days):
        return []
    if newest is None and home.get("scripted"):  # its lists are drawn in the browser, unseen here
        how = "经浏览器渲染仍未显示列表" if home.get("rendered") else "本次未渲染"
        ctx.could_not_verify(f"首页的信息列表由脚本生成，{how}，无法判断首页更新情况")
        return []
    if newest is None and home.get("yearless"):  # dates shown without the year are not missing dates
        ctx.could_not_verify("首页信息只显示月日、未显示年份，页面上也没有可确定年份的完整日期，无法判断首页更新情况")
        return []
    if newest is None:
        evidence = f"首页未发现带发布日期的信息（{len(entries)} 条信息均无日期），按未更新计。"
    else:
        evidence = (f"首页最新信息发布于 {newest.isoformat()}，距检查日 {(ctx.as_of - newest).days} 天，"
                    f"超过 {days} 天未更新。")
    return [ctx.finding("site.homepage_stale", url=home["url"], title=home["title"] or "首页",
                        evidence=evidence, details={"newest": newest and newest.isoformat(), "days": days})]


def homepage_limit_days(ctx: Context) -> int:
    return ctx.catalog.rule("site.homepage_stale").days or 14


def homepage_newest(ctx: Context):
    """The newest date among the home page's dated items (a date after the as-of date is ignored)."""
    home = ctx.crawl.home()
    if home is None:
        return None
    entries = ctx.crawl.entries[ctx.crawl.entries["page_url"] == home["url"]]
    dates = [d for d in (as_date(x) for x in entries["date"]) if d and d <= ctx.as_of]
    return max(dates) if dates else None


ERRORS_CN = {"timeout": "超过15秒无响应", "refused": "连接被拒绝", "dns": "域名无法解析", "reset": "连接被重置",
             "tls": "证书或加密连接错误", "robots": "robots.txt 禁止访问", "bad response": "返回的不是有效的HTTP响应",
             "decoding": "压缩内容无法解压", "too many redirects": "重定向次数过多（循环重定向）",
             "too large": "内容超过下载上限"}


def _error_cn(error: str | None) -> str:
    if not error:
        return "未知错误"
    return ERRORS_CN.get(error, error)
