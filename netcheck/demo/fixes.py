"""The bureau's rectification (整改) of some planted defects: a second state of the demo portal,
so that two audits show what 整改销号 looks like (`netcheck demo --fixed`, tests/history).

Each fix is a named patch of the generated items, applied before the pages are rendered, so the
fixed portal differs from the original only where the fix says. Nothing here is random.

The second audit is two weeks later, so a bureau that fixed things but posted nothing new would
find columns going stale under it (新闻动态's 14 days, 政策文件's 180) and score lower than before:
`keeps_posting` is the ordinary work of those two weeks, so the fixed portal scores higher.
"""
from __future__ import annotations

from datetime import date

from .columns import by_path
from .items import Item
from .planted import LEAKED_ID, LEAKED_MOBILE

AS_OF = date(2016, 7, 15)  # two weeks after the first audit: when the fixed portal is audited
NOTICE_POSTED = date(2016, 7, 8)
NEWS_POSTED = date(2016, 7, 13)
POLICY_FORMED, POLICY_POSTED = date(2016, 7, 7), date(2016, 7, 11)  # 2 working days: well within 20


def _mask(number: str, keep_head: int, keep_tail: int) -> str:
    return number[:keep_head] + "*" * (len(number) - keep_head - keep_tail) + number[-keep_tail:]


def broken_links(items: list[Item]) -> None:
    """The news article's link to the deleted document is unlinked; the missing PDF is uploaded."""
    for item in items:
        if item.doc_id == 5250:
            item.paragraphs = [p.replace('<a href="/xxgk/zcwj/201512/t20151201_999.html">', "").replace("</a>", "")
                               for p in item.paragraphs]
        if item.doc_id == 5105:
            item.missing.clear()


def privacy(items: list[Item]) -> None:
    """The penalty notice masks the resident ID and mobile number, as the other notices do."""
    for item in items:
        if item.doc_id == 5342:
            item.paragraphs = [p.replace(LEAKED_ID, _mask(LEAKED_ID, 6, 4)).replace(LEAKED_MOBILE,
                                                                                    _mask(LEAKED_MOBILE, 3, 4))
                               for p in item.paragraphs]


def notices(items: list[Item]) -> None:
    """通知公告 gets a new notice, so the column is no longer stale."""
    items.append(Item(
        by_path()["/tzgg/"], 5401, NOTICE_POSTED, date(2016, 7, 6),
        "关于开展2016年食品安全宣传周活动的通知",
        ["各县区食品药品监督管理局，市局各科室、直属单位：",
         "为普及食品安全知识，营造社会共治氛围，市局决定在全市范围内开展食品安全宣传周活动。现将有关事项通知如下：",
         "一、各单位要结合实际制定活动方案，明确责任分工。",
         "二、活动结束后，请将工作总结报送市局办公室。"],
        time="10:20", signed=True))


def keeps_posting(items: list[Item]) -> None:
    """新闻简讯 and 政策文件 get their items of the two weeks, so no column goes stale meanwhile."""
    columns = by_path()
    items.append(Item(
        columns["/xwdt/xwjx/"], 5402, NEWS_POSTED, None,
        "市局召开食品药品安全整改工作推进会",
        ["7月12日，市局召开食品药品安全整改工作推进会，通报政府网站检查发现问题的整改情况。",
         "会议要求，各科室对照整改清单逐项落实，按时限完成整改并报送整改情况，做到问题不销号、工作不放松。",
         "下一步，市局将建立网站信息发布常态化检查机制，确保信息发布及时、准确、规范。"],
        time="15:10"))
    items.append(Item(
        columns["/xxgk/zcwj/"], 5403, POLICY_POSTED, POLICY_FORMED,
        "盘锦市食品药品监督管理局关于进一步加强政府网站信息发布审核工作的通知",
        ["各县区食品药品监督管理局，市局各科室、直属单位：",
         "为规范政府网站信息发布工作，提高信息发布的及时性和准确性，现就进一步加强信息发布审核工作通知如下：",
         "一、严格执行信息发布“三审”制度，发布前核对信息内容、成文日期和索引号。",
         "二、涉及个人信息的内容须按规定作去标识化处理后方可发布。",
         "三、各栏目责任科室要按照规定的更新周期及时更新栏目内容。"],
        time="09:40", doc_prefix="盘食药监发", signed=True))


# Names for build(fixed=...) and the answer key; order is the order they are applied in.
FIXES = {"broken_links": broken_links, "privacy": privacy, "notices": notices, "keeps_posting": keeps_posting}


def apply(items: list[Item], names) -> None:
    unknown = set(names) - set(FIXES)
    if unknown:
        raise ValueError(f"unknown demo fixes: {sorted(unknown)} (known: {list(FIXES)})")
    for name, fix in FIXES.items():
        if name in names:
            fix(items)
