"""办事指南 that lack key elements: the 2019 indicators' "服务不实用" veto item (办事指南重点要素类别
缺失), judged guide by guide so that each finding names the page and the elements its office must add.

It reads the elements the crawler found labelled on each guide page (crawler.extract.guide, by
their standard names; variants such as 受理条件 / 申报条件 / 所需材料 / 咨询电话 are mapped there). A
guide that labels fewer than MIN_LABELLED elements is not judged: its content is an image, an
attachment or a script the crawl could not read, or it is no service guide at all (a 行政强制
flow chart filed under 办事指南), and the rule says it could not verify it. A site where no guide
was found gives no finding either: the rule says so, as not verified.

One guide lacking an element is a deduction on that guide, not a veto: the 2019 veto falls on a
site whose guides, as a whole, are not usable, and how many incomplete guides make it is not in
the sources (U). A catalog that wants the veto sets this rule's severity.
"""
from __future__ import annotations

from ..context import Context
from ..crawl import each_row
from ..registry import rule

# The elements a catalog can require (rules.service.guide_incomplete.items), by the names the
# crawler records; the default is the catalog's, else the first four.
ELEMENTS = ("事项名称", "设定依据", "申请条件", "办理材料", "办理地点", "办理时间", "联系电话", "办理流程",
            "办理时限", "收费标准")
DEFAULT_ITEMS = ELEMENTS[:4]
# Other names a catalog may write for an element.
ELEMENT_ALIASES = {
    "受理条件": "申请条件", "申报条件": "申请条件", "办理条件": "申请条件",
    "申请材料": "办理材料", "所需材料": "办理材料", "申报材料": "办理材料", "提交材料": "办理材料",
    "法律依据": "设定依据", "办理依据": "设定依据", "实施依据": "设定依据",
    "受理地点": "办理地点", "办公地点": "办理地点", "受理时间": "办理时间", "办公时间": "办理时间",
    "咨询电话": "联系电话", "联系方式": "联系电话", "办事流程": "办理流程", "办理程序": "办理流程",
    "承诺时限": "办理时限", "法定时限": "办理时限", "收费依据及标准": "收费标准",
}
MIN_LABELLED = 2  # a guide labelling fewer elements than this is not judged (could not verify)
EXAMPLES = 5  # guides named in a could-not-verify note


@rule("service.guide_incomplete", name="办事指南要素缺失", scope="page", severity="deduct")
def guide_incomplete(ctx: Context) -> list:
    """办事指南要素缺失：办事指南未列明事项名称、设定依据、申请条件、办理材料等重点要素（按目录设置）。"""
    required = required_elements(ctx)
    pages = ctx.crawl.html_pages(["url", "status", "guide"])
    findings, thin = [], []
    for row, (url, status, guide) in zip(pages.index.tolist(), each_row(pages, "url", "status", "guide")):
        if status != 200 or not isinstance(guide, tuple):  # None / NaN: no guide, or an older crawl
            continue
        if len(guide) < MIN_LABELLED:
            thin.append(url)
            continue
        missing = [name for name in required if name not in guide]
        if not missing:
            continue
        title = ctx.crawl.title(row) or "办事指南"
        shown = [name for name in guide if name in ELEMENTS]
        findings.append(ctx.finding(
            "service.guide_incomplete", category=ctx.category_of(url), url=url, title=title,
            target="、".join(missing),
            evidence=f"办事指南《{title}》未列明：{'、'.join(missing)}（已列明：{'、'.join(shown)}）。",
            details={"missing": missing, "shown": shown}))
    if thin:
        thin.sort()
        ctx.could_not_verify(f"{len(thin)} 个办事指南页面几乎未列出任何要素标签（内容可能为图片、附件或由脚本生成），"
                             f"未核实其要素，如 {'、'.join(thin[:EXAMPLES])}")
    if not findings and not thin and not _any_guide(pages):
        ctx.could_not_verify("抓取中未发现办事指南页面，未核实办事指南要素")
    return findings


def required_elements(ctx: Context) -> list[str]:
    """The catalog's items for this rule, by standard names (a name it does not know is left out)."""
    given = ctx.catalog.rule("service.guide_incomplete").items or DEFAULT_ITEMS
    names = [ELEMENT_ALIASES.get(name, name) for name in given]
    return [name for name in dict.fromkeys(names) if name in ELEMENTS]


def _any_guide(pages) -> bool:
    return any(isinstance(g, tuple) for g in pages["guide"].tolist())
