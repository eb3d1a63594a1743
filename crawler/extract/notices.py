"""What an empty column says instead of a list ("暂无信息"), and whether that is all a page says.

Real portals show an empty column as a short text page: the list container is
there but empty (`<ul class="list"></ul>`, a results `<table>` with only its
header row, a Hanweb `<datastore>` with no records, a TRS pager drawn for 0
pages) and a notice stands where the entries would be. Such a page is an empty
list, whatever else its template carries (an ArticleTitle tag, a date): counted
as a one-page item, a blank column would be reported as stale instead of empty.

The wordings are data: one alternative per wording, each with where it is used.
Matching is on the simplified text, so traditional pages (暫無信息) match too.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from crawler.extract.breadcrumb import BREADCRUMB_LABELS, HOME_NAMES
from crawler.extract.content import own_text_lines
from crawler.extract.normalize import collapse, simplified, squash

EMPTY_NOTICE = re.compile(
    r"""
      暂无(?:相关)?(?:信息|数据|内容|记录|文章|公开信息)  # 暂无信息 / 暂无相关信息 / 该栏目暂无信息: TRS and Hanweb list templates
    | 没有(?:找到|检索到|查询到)?(?:任何)?(?:相关|符合条件的)?(?:信息|内容|记录|数据|文章)
                                                     # 没有相关信息 / 没有找到相关记录 / 没有记录: lists a CMS fills from a query
    | (?<!有)无相关(?:信息|内容|记录|数据)            # 无相关信息 / 本栏目无相关信息 (not 有无相关信息, "whether there is")
    | (?:信息|内容|栏目|数据)(?:正在)?更新中          # 本栏目信息正在更新中: Epoint (新点) portals' page for a column with no items
    | 正在建设中 | (?:栏目|页面)建设中                # 栏目建设中 / 正在建设中: named as a blank column (空白栏目) in the national check
    """,
    re.X,
)
MAX_NOTICE_CHARS = 30  # the notice stands in a short element; long text merely mentions it

# What an empty list page prints besides the notice, set aside when weighing the notice against
# the page's own words: the 当前位置 label, pager words of a pager drawn for no pages, and the
# header row of an empty results table. Names of the page's own column and site are added per page.
PAGE_FURNITURE: tuple[str, ...] = (
    *BREADCRUMB_LABELS, *HOME_NAMES,
    "上一页", "下一页", "尾页", "末页", "前一页", "后一页", "跳转", "转到", "确定", "GO", "共", "第", "页", "条", "记录",
    "更多",
    "序号", "标题", "名称", "文件名称", "索引号", "文号", "发布机构", "发布日期", "发布时间", "生成日期", "成文日期",
    "日期", "时间", "来源",
)
# Punctuation, separators and spaces: not words. Letters, digits and CJK characters are.
_NOT_A_WORD = re.compile(r"[\W_]+")
NOTICE_SHARE = 0.5  # the notice must be at least this share of what the page says in its own words


def is_notice(text: str) -> bool:
    """True when `text` is short and says a list is empty (暂无信息, 没有相关记录, 栏目建设中 …)."""
    text = collapse(text)
    return bool(text) and len(text) <= MAX_NOTICE_CHARS and bool(EMPTY_NOTICE.search(simplified(text)))


def notice_only(tree, names: Iterable[str | None] = ()) -> bool:
    """True when the page's own words, in a cleaned `content.main_tree`, are mostly an empty-list notice.

    Own words: the text outside links (menus and a pager are links; a list would be links too),
    less the page's `names` (its breadcrumb, column and site names) and
    PAGE_FURNITURE. An article that mentions 暂无数据 in a table cell keeps its prose around it;
    an empty column page keeps little but the notice.
    """
    furniture = sorted({squash(simplified(n)) for n in (*PAGE_FURNITURE, *names) if n and squash(n)},
                       key=len, reverse=True)
    notice = rest = 0
    for line in own_text_lines(tree):
        if is_notice(line):
            notice += len(_NOT_A_WORD.sub("", line))
            continue
        words = squash(simplified(line))
        for name in furniture:
            words = words.replace(name, "")
        rest += len(_NOT_A_WORD.sub("", words))
    return notice > 0 and notice >= NOTICE_SHARE * (notice + rest)
