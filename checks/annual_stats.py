"""A draft of the annual report's section 二 (主动公开政府信息情况) from the crawl: for the year before
the as-of date, how many items the site itself posted in the columns that stand for each row of
the form (../shared/docs/rules.md §2.4). The workbook shows it as 本网站抓取统计, for the office that
would otherwise count by hand; it is a fact about the crawl, never a finding.

Which catalog category feeds which row is named data (SECTION2): a row takes the first of its
names that is a catalog category's name, else one of its aliases. An item counts for the year by
its page's 发布日期 (its 信息公开 table, 日期 line or PubDate tag), else the date its list shows;
an item with only a date read from its address, or none, is not counted but said. Every row says
how it was counted, and what could not be: no category for it in the catalog, its column not
found on the site, a column that is one page (no items to count), a crawl that ended early.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from datetime import date

from .annual_report.found import of_year
from .context import Context
from .textnorm import norm_name

CAPTION = "本网站抓取统计，供编制年报参考"
# The dates an item counts by (Context.items' date_source): the page's own, or its list's.
COUNTED_SOURCES = ("table", "text", "meta", "page", "list")
PARTIAL_NOTE = "抓取未完成，仅为已抓取部分"


@dataclass(frozen=True)
class Section2Row:
    """One row of the form's section 二 and the catalog categories that stand for it."""
    item: str  # the row as the workbook names it (the form's 信息内容 and what is counted)
    names: tuple[str, ...]  # category names or aliases, best first
    caveat: str = ""  # what a count of posted items is not, for this row
    # The report's figure for the row: (its row names, its column names), each best first; () when a count of
    # posted items cannot stand beside any (收费: an amount or a number of charges).
    reported: tuple[tuple[str, ...], tuple[str, ...]] = ()


# The columns of a report's section 二 that give the figure a row's count is set beside: the 2021 form's, then
# the 2019 form's (for documents, 本年新公开数量: what was posted, not what was drafted).
DOCUMENTS_MADE = ("本年制发件数", "本年新公开数量")
DECISIONS = ("本年处理决定数量", "处理决定数量")

SECTION2 = (
    Section2Row("规章（本年制发件数）", ("规章",), reported=(("规章",), DOCUMENTS_MADE)),
    Section2Row("行政规范性文件（本年制发件数）", ("行政规范性文件", "规范性文件", "政策文件"),
                "栏目中可能有规范性文件以外的文件（通知、转发的法律法规等），须逐条核对是否属行政规范性文件",
                (("行政规范性文件", "规范性文件"), DOCUMENTS_MADE)),
    Section2Row("行政许可（本年处理决定数量）", ("行政许可",),
                "一条信息可能含多个许可决定（如汇总表），也可能有决定未在本栏目公开", (("行政许可",), DECISIONS)),
    Section2Row("行政处罚（本年处理决定数量）", ("行政处罚",),
                "一条信息可能含多个处罚决定（如汇总表），也可能有决定未在本栏目公开", (("行政处罚",), DECISIONS)),
    Section2Row("行政强制（本年处理决定数量）", ("行政强制",), reported=(("行政强制",), DECISIONS)),
    Section2Row("行政事业性收费", ("行政事业性收费",),
                "年报填收费项目数（2019年版）或收费金额（2021年版），本栏目发布的信息条数不能代替"),
)


@dataclass(frozen=True)
class StatLine:
    """One row of the draft: the count, how it was made, what it leaves out."""
    item: str  # Section2Row.item
    year: int  # the year counted
    count: int | None  # items dated in that year; None: could not be counted
    method: str  # how it was counted (统计方法)
    note: str  # what it leaves out, or why there is no count (说明)
    category: str | None = None  # the catalog category counted, None when the catalog has none
    column: str | None = None  # the site's column it was found as, None when not found
    partial: bool = False  # True: the crawl ended early, the count is of what was crawled
    reported: float | None = None  # the figure the site's own annual report for the year gives, if found
    reported_in: str | None = None  # that report's title


@dataclass(frozen=True)
class StatsTable:
    """The draft of section 二 for one year."""
    year: int
    caption: str
    complete: bool  # False: the crawl ended early
    rows: tuple[StatLine, ...]

    def to_dict(self) -> dict:
        return asdict(self)


def stats_year(as_of: date) -> int:
    """The year whose report is being drafted: the one before the as-of date's."""
    return as_of.year - 1


def _category_for(row: Section2Row, ctx: Context):
    """The catalog category that stands for the row: by name first, then by alias, in the row's order."""
    by_name = {norm_name(c.name): c for c in ctx.catalog.categories}
    for name in row.names:
        if norm_name(name) in by_name:
            return by_name[norm_name(name)]
    for name in row.names:
        for cat in ctx.catalog.categories:
            if norm_name(name) in {norm_name(a) for a in cat.aliases}:
                return cat
    return None


def _short(row: Section2Row) -> str:
    return row.item.split("（")[0]


def annual_stats(ctx: Context, year: int | None = None) -> StatsTable | None:
    """The section 二 draft for `year` (default: the year before the as-of date), each row beside the figure
    the site's own report for that year gives when the crawl found it; None when no row could be counted
    (none of its categories found on the site): then there is nothing to draft from."""
    key = ("annual_stats", year or stats_year(ctx.as_of))
    if key not in ctx.memo:
        ctx.memo[key] = _annual_stats(ctx, key[1])
    return ctx.memo[key]


def reported_cell(report, row: Section2Row) -> tuple[str, str] | None:
    """The (row, column) of the report's section 二 that holds the row's figure: its first named row and
    column found; None when the report has none."""
    names, columns = row.reported or ((), ())
    return next(((n, c) for n in names for c in columns if (n, c) in report.s2), None)


def reported_figure(report, row: Section2Row) -> float | None:
    """The report's section 二 figure for the row; a blank is 0 (the form's blank is none); None when the
    report has no such cell or it holds no figure."""
    key = reported_cell(report, row)
    cell = report.s2[key] if key else None
    if cell is None or not cell.readable:
        return None
    return 0.0 if cell.blank else cell.value


def _annual_stats(ctx: Context, year: int) -> StatsTable | None:
    from .rules.columns import _column_scripted, scripted_reason  # here: the rules import checks.judge

    items = ctx.items
    partial = not ctx.crawl_complete
    found = [(row, cat, ctx.matches.get(cat.name) if cat else None)
             for row, cat in ((row, _category_for(row, ctx)) for row in SECTION2)]
    # One site column standing for two rows (a 双公示 column for 许可 and 处罚): said on both.
    sharing: dict[str, list[str]] = {}
    for row, _, match in found:
        if match is not None and match.found:
            sharing.setdefault(norm_name(match.column), []).append(_short(row))
    rows = []
    for row, cat, match in found:
        if cat is None:
            rows.append(StatLine(row.item, year, None, "—", "目录中没有对应的栏目，无法统计"))
            continue
        if match is None or not match.found:
            why = "抓取未完成，已抓取的页面中未见该栏目，无法统计" if partial else "网站上未找到该栏目，无法统计"
            rows.append(StatLine(row.item, year, None, f"按目录栏目「{cat.name}」统计", why, cat.name,
                                 partial=partial))
            continue
        mine = items[items["category"] == cat.name].drop_duplicates("url")
        single = (~mine["article"].astype(bool)) & (mine["row"].astype(int) >= 0)
        where = f"网站栏目「{match.column}」（目录栏目「{cat.name}」）"
        if len(mine) and single.all():
            rows.append(StatLine(row.item, year, None, f"{where}为单页，不按条计数",
                                 "栏目为单个页面，须按页面内容统计", cat.name, match.column, partial))
            continue
        mine = mine[~single]
        if mine.empty and ctx.column_pages(cat.name).empty:  # only named in a link: its list never read
            why = PARTIAL_NOTE + "，该栏目页面未抓取，无法统计" if partial else f"「{match.column}」栏目页面未能读取，无法统计"
            rows.append(StatLine(row.item, year, None, f"按{where}统计", why, cat.name, match.column, partial))
            continue
        scripted = _column_scripted(ctx, match, ctx.column_pages(cat.name))
        if scripted and mine.empty:  # its list drawn by script, unseen: nothing counted is no count
            rows.append(StatLine(row.item, year, None, f"按{where}统计",
                                 scripted_reason(match.column, rendered=scripted == "rendered"), cat.name,
                                 match.column, partial))
            continue
        dated = mine[mine["date"].notna() & mine["date_source"].isin(COUNTED_SOURCES)]
        count = sum(1 for d in dated["date"] if d.year == year)
        notes = []
        if partial:
            notes.append(PARTIAL_NOTE)
        if scripted:
            notes.append("栏目列表由脚本生成，未能全部读取，数字可能偏少")
        undated = len(mine) - len(dated)
        if undated:
            notes.append(f"另有 {undated} 条无发布日期（或仅网址含日期），未计入")
        others = [o for o in sharing[norm_name(match.column)] if o != _short(row)]
        if others:
            notes.append(f"与{'、'.join(f'「{o}」' for o in others)}为同一网站栏目，数字相同，须逐条区分")
        if row.caveat:
            notes.append(row.caveat)
        rows.append(StatLine(row.item, year, count,
                             f"{where}中发布日期在 {year} 年的信息条数（页面无发布日期的按栏目列表所示日期）",
                             "；".join(notes) + ("。" if notes else ""), cat.name, match.column, partial))
    if all(r.count is None for r in rows):
        return None
    found = of_year(ctx, year)
    if found is not None:
        rows = [replace(line, reported=reported_figure(found.report, row), reported_in=found.name)
                for line, row in zip(rows, SECTION2)]
    return StatsTable(year=year, caption=CAPTION, complete=not partial, rows=tuple(rows))
