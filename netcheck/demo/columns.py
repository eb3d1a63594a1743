"""The demo portal's columns, as data: one row per column the site shows.

`category` names the catalog category (checks/default_catalog.yaml) a column stands for. The
site never prints it: it is here so the answer key and the tests can say which column should
satisfy which category. Several columns carry an alias of their category (新闻简讯 for 新闻动态,
产品召回 for 责令召回 …) so that the audit has to match names, not copy them. 在线访谈 has no
column at all (the planted column.missing).

Dates are chosen against the as-of date 2016-06-30: every column with a freshness rule is fresh
except 通知公告 (newest 2015-11-20, planted column.stale); 政策文件's newest is exactly 180 days
old (a look-alike that is not stale).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

D = date


@dataclass(frozen=True)
class Column:
    path: str  # directory URL, e.g. "/xxgk/xzcf/"; its first page is path + "index.html"
    name: str  # the name the site shows (nav, breadcrumb, ColumnName)
    category: str | None  # catalog category this column stands for
    kind: str  # "landing" (section front page), "list", "single" (one article), "empty"
    style: str = ""  # content style in content.py
    count: int = 0  # generated items (planted items come on top)
    oldest: date | None = None
    newest: date | None = None  # the newest generated item is dated exactly this day
    dates: tuple[date, ...] = ()  # fixed item dates instead of count/oldest/newest
    must_have: tuple[date, ...] = ()  # dates that must occur among the items
    page_size: int = 15
    parent: str | None = None  # path of the parent column, for breadcrumb and sidebar
    disclosure: bool = False  # a 政务公开 column: items carry the 信息公开 metadata table
    column_type: str = "列表"
    subject: str = "综合政务"  # 主题分类 in the metadata table

    @property
    def index(self) -> str:
        return self.path + "index.html"


XXGK = "/xxgk/"

COLUMNS: tuple[Column, ...] = (
    # -- 政务公开: the landing page stands for 政府信息公开 under its alias 政务公开.
    Column("/xxgk/", "政务公开", "政府信息公开", "landing", column_type="频道"),
    Column("/xxgk/gkzn/", "政府信息公开指南", "政府信息公开指南", "single", "guide_page",
           dates=(D(2015, 3, 16),), parent=XXGK, disclosure=True, column_type="单页"),
    Column("/xxgk/gkml/", "政府信息公开目录", "政府信息公开目录", "single", "catalog_page",
           dates=(D(2015, 3, 16),), parent=XXGK, disclosure=True, column_type="单页"),
    Column("/xxgk/gkzd/", "政府信息公开制度", "政府信息公开制度", "single", "rules_page",
           dates=(D(2015, 5, 12),), parent=XXGK, disclosure=True, column_type="单页"),
    Column("/xxgk/gknb/", "政府信息公开年报", "政府信息公开年报", "list",
           page_size=15, parent=XXGK, disclosure=True),  # items: all planted (2013, 2014, 2015)
    Column("/xxgk/ysqgk/", "依申请公开", "依申请公开", "single", "apply_page",
           dates=(D(2015, 3, 17),), parent=XXGK, disclosure=True, column_type="单页"),
    Column("/xxgk/jgzn/", "机构职能", "机构职能", "single", "duties_page",
           dates=(D(2015, 8, 20),), parent=XXGK, disclosure=True, column_type="单页"),
    Column("/xxgk/ldxx/", "领导信息", "领导信息", "single", "leaders_page",
           dates=(D(2016, 1, 11),), parent=XXGK, disclosure=True, column_type="单页"),
    Column("/xxgk/zcwj/", "政策文件", "政策文件", "list", "policy", 22,
           D(2014, 9, 1), D(2016, 1, 2), parent=XXGK, disclosure=True, subject="食品药品监管"),
    Column("/xxgk/zcjd/", "政策解读", "政策解读", "list", "interpret", 8,
           D(2015, 3, 1), D(2016, 5, 18), parent=XXGK, disclosure=True),
    Column("/xxgk/ghjh/", "计划总结", "规划计划", "list", "plan",
           dates=(D(2014, 1, 16), D(2014, 1, 17), D(2014, 7, 10), D(2015, 1, 15),
                  D(2015, 1, 16), D(2015, 7, 9), D(2016, 1, 14), D(2016, 1, 15)),
           parent=XXGK, disclosure=True),
    Column("/xxgk/rsxx/", "人事信息", "人事信息", "empty", parent=XXGK, disclosure=True),
    Column("/xxgk/czxx/", "财政信息", "财政信息", "list", "finance", 4,
           D(2015, 4, 1), D(2016, 4, 15), parent=XXGK, disclosure=True, subject="财政"),
    Column("/xxgk/czxx/ysjs/", "预算决算", "预算决算", "list", "budget",
           dates=(D(2014, 2, 20), D(2014, 9, 11), D(2015, 2, 12), D(2015, 9, 10), D(2016, 2, 18)),
           parent="/xxgk/czxx/", disclosure=True, subject="财政"),
    Column("/xxgk/czxx/sgjf/", "三公支出", "三公经费", "list", "sanggong",
           dates=(D(2015, 2, 13), D(2015, 9, 11), D(2016, 2, 19)),
           parent="/xxgk/czxx/", disclosure=True, subject="财政"),
    Column("/xxgk/qlqd/", "权力清单", "权力清单", "list", "power",
           dates=(D(2015, 6, 15), D(2015, 6, 16), D(2015, 6, 17)), parent=XXGK, disclosure=True),
    Column("/xxgk/xzxk/", "行政许可", "行政许可", "list", "license", 40,
           D(2015, 10, 8), D(2016, 6, 29), page_size=20, parent=XXGK, disclosure=True,
           subject="食品药品监管"),
    Column("/xxgk/xzcf/", "行政处罚", "行政处罚", "list", "penalty", 26,
           D(2015, 9, 1), D(2016, 6, 24), parent=XXGK, disclosure=True, subject="食品药品监管"),
    Column("/xxgk/jdcj/", "监督抽检", "监督抽检", "list", "sampling", 26,
           D(2015, 7, 1), D(2016, 6, 27), parent=XXGK, disclosure=True, subject="食品药品监管"),
    Column("/xxgk/zfjc/", "执法检查", "执法检查", "list", "inspection", 14,
           D(2015, 8, 3), D(2016, 6, 16), parent=XXGK, disclosure=True, subject="食品药品监管"),
    Column("/xxgk/zlzh/", "产品召回", "责令召回", "list", "recall", 8,
           D(2015, 5, 4), D(2016, 5, 30), parent=XXGK, disclosure=True, subject="食品药品监管"),
    Column("/xxgk/sfxm/", "行政事业性收费", "行政事业性收费", "single", "fees_page",
           dates=(D(2015, 4, 8),), parent=XXGK, disclosure=True, column_type="单页", subject="财政"),
    Column("/xxgk/zfcg/", "政府采购", "政府采购", "list", "procurement", 6,
           D(2015, 4, 1), D(2016, 5, 12), parent=XXGK, disclosure=True, subject="财政"),
    Column("/xxgk/yjgl/", "应急管理", "应急管理", "list", "emergency", 10,
           D(2015, 1, 5), D(2016, 6, 7), parent=XXGK, disclosure=True),
    # -- 新闻动态: the section keeps the category's own name; its columns use aliases.
    Column("/xwdt/", "新闻动态", "新闻动态", "landing", column_type="频道"),
    Column("/xwdt/xwjx/", "新闻简讯", "新闻动态", "list", "news", 66,
           D(2016, 1, 4), D(2016, 6, 28), must_have=(D(2016, 6, 12),), page_size=20,
           parent="/xwdt/"),
    Column("/xwdt/xqdt/", "县区动态", "新闻动态", "list", "news", 24,
           D(2015, 11, 2), D(2016, 6, 24), parent="/xwdt/"),
    # -- 通知公告: a list at the top level. Newest 2015-11-20: the planted column.stale.
    Column("/tzgg/", "通知公告", "通知公告", "list", "notice", 22,
           D(2014, 5, 5), D(2015, 11, 20)),
    # -- 办事服务
    Column("/bsfw/", "办事服务", "办事服务", "landing", column_type="频道"),
    Column("/bsfw/bslc/", "办事流程", "办事指南", "list", "howto", 16,
           D(2015, 3, 2), D(2016, 3, 15), parent="/bsfw/"),
    # -- 互动交流 (no 在线访谈 column: the planted column.missing)
    Column("/hdjl/", "互动交流", "互动交流", "landing", column_type="频道"),
    Column("/hdjl/zxdf/", "咨询答复", "政务咨询", "list", "consult", 18,
           D(2015, 9, 1), D(2016, 6, 27), parent="/hdjl/"),
    Column("/hdjl/yjzj/", "意见征集", "调查征集", "list", "survey", 5,
           D(2015, 4, 1), D(2016, 5, 5), parent="/hdjl/"),
    Column("/hdjl/tsjb/", "投诉举报", "投诉举报", "single", "complaint_page",
           dates=(D(2015, 6, 1),), parent="/hdjl/", column_type="单页"),
)

# Main menu, on every page.
NAV: tuple[tuple[str, str], ...] = (
    ("首页", "/"),
    ("政务公开", "/xxgk/index.html"),
    ("新闻动态", "/xwdt/index.html"),
    ("通知公告", "/tzgg/index.html"),
    ("办事服务", "/bsfw/index.html"),
    ("互动交流", "/hdjl/index.html"),
)


def by_path() -> dict[str, Column]:
    return {c.path: c for c in COLUMNS}


def children(parent: str) -> list[Column]:
    return [c for c in COLUMNS if c.parent == parent]
