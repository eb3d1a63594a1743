"""The bad catalogs, as data: (name, how to write it, what the refusal must say).

Each writer takes the folder and returns the file it wrote. The refusal must read
`FILE，WHERE：WHY…` on one line, in Chinese: `where` is the sheet, row, line and column exactly as
the message gives them ('' for a file-level reason), `why` the start of the reason.
"""
from __future__ import annotations

from pathlib import Path

import openpyxl


def text(name: str, content: str | bytes):
    def write(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
        return path
    return write


def sheet(name: str, rows: list[list], merge: tuple[str, ...] = ()):
    def write(folder: Path) -> Path:
        book = openpyxl.Workbook()
        for row in rows:
            book.active.append(row)
        for cells in merge:
            book.active.merge_cells(cells)
        path = folder / name
        book.save(path)
        return path
    return write


def rules_sheet(rows: list[list], title: str = "规则", merge: tuple[str, ...] = ()):
    """A workbook of one good category, and its rules' settings on a second sheet."""
    def write(folder: Path) -> Path:
        book = openpyxl.Workbook()
        book.active.append(["category", "department"])
        book.active.append(["行政处罚", "法规科"])
        rules = book.create_sheet(title)
        for row in rows:
            rules.append(row)
        for cells in merge:
            rules.merge_cells(cells)
        path = folder / "c.xlsx"
        book.save(path)
        return path
    return write


def workbook(**sheets: list[list]):
    """A workbook of one good category (the 栏目 sheet) and the further sheets given (title → rows)."""
    def write(folder: Path) -> Path:
        book = openpyxl.Workbook()
        book.active.title = "栏目"
        book.active.append(["栏目", "责任科室"])
        book.active.append(["行政处罚", "法规科"])
        for title, rows in sheets.items():
            added = book.create_sheet(title)
            for row in rows:
                added.append(row)
        path = folder / "c.xlsx"
        book.save(path)
        return path
    return write


def blank_workbook(folder: Path) -> Path:
    path = folder / "blank.xlsx"
    openpyxl.Workbook().save(path)
    return path


ROW = "  - category: 行政处罚\n    department: 法规科\n"
BAD_CATALOGS = [
    # -- wrong types ------------------------------------------------------------------------------
    ("text in a number column (CSV)", text("c.csv", "category,update_days\n行政处罚,三十\n"),
     "第 2 行（行政处罚），B 列「update_days」", "须为数字，不能是「三十」"),
    ("text in a number column (XLSX)", sheet("c.xlsx", [["category", "limit_workdays"], ["行政处罚", "七"]]),
     "工作表「Sheet」，第 2 行（行政处罚），B 列「limit_workdays」", "须为数字，不能是「七」"),
    ("a fraction of a day", text("c.yaml", "categories:\n  - category: 行政处罚\n    update_days: 1.5\n"),
     "第 1 个栏目（行政处罚），第 2 行，「update_days」", "须为整数，不能是 1.5"),
    ("a negative limit", text("c.yaml", "categories:\n  - category: 行政处罚\n    limit_workdays: -3\n"),
     "第 1 个栏目（行政处罚），第 2 行，「limit_workdays」", "须为不小于 0 的整数，不能是 -3"),
    ("an infinite limit", text("c.yaml", "categories:\n  - category: 行政处罚\n    update_days: .inf\n"),
     "第 1 个栏目（行政处罚），第 2 行，「update_days」", "须为不小于 0 的整数，不能是 inf"),
    ("true as points", text("c.yaml", "categories:\n  - category: 行政处罚\n    points: yes\n"),
     "第 1 个栏目（行政处罚），第 2 行，「points」", "须为数字，不能是 true"),
    ("a list as the category's name", text("c.yaml", "categories:\n  - category: [行政处罚, 行政许可]\n"),
     "第 1 个栏目，第 2 行，「category」", "须为文字，不能是列表"),
    ("a date as the category's name", text("c.yaml", "categories:\n  - category: 2016-01-01\n"),
     "第 1 个栏目，第 2 行，「category」", "须为文字，不能是日期 2016-01-01（在 YAML 中请给它加引号）"),
    ("a mapping as the office", text("c.yaml", "categories:\n  - category: 行政处罚\n    department: {科室: 法规科}\n"),
     "第 1 个栏目（行政处罚），第 2 行，「department」", "须为文字，不能是映射（键: 值）"),
    ("a number as aliases", text("c.yaml", "categories:\n  - category: 行政处罚\n    aliases: 5\n"),
     "第 1 个栏目（行政处罚），第 2 行，「aliases」", "须为名称列表，或用、分隔的文字，不能是 5"),
    ("an unknown severity", text("c.yaml", "categories:\n  - category: 行政处罚\n    severity: 严重\n"),
     "第 1 个栏目（行政处罚），第 2 行，「severity」", "「严重」无法识别：请填 单项否决、扣分、提示（或 veto、deduct、notice；一票否决、否决同单项否决）"),
    ("a list where a mapping belongs", text("c.yaml", "categories:\n" + ROW + "calendar: [2016-06-09]\n"),
     "第 4 行，「calendar」", "须为映射（键: 值）"),
    ("a mapping where a list belongs", text("c.yaml", "categories:\n" + ROW + "wrong_terms: {食药监局: 市场监管局}\n"),
     "第 4 行，「wrong_terms」", "须为列表（每个用语一项，以 - 开头）"),
    ("categories as a mapping", text("c.yaml", "categories: {category: 行政处罚}\n"),
     "第 1 行，「categories」", "须为非空的栏目列表（每个栏目一项，以 - 开头）"),
    # -- unknown columns and keys ---------------------------------------------------------------
    ("an unknown column (CSV)", text("c.csv", "category,office\n行政处罚,法规科\n"),
     "第 1 行，B 列", "未知的列「office」"),
    ("an unknown column (XLSX)", sheet("c.xlsx", [["栏目", "更新频率"], ["行政处罚", "每月"]]),
     "工作表「Sheet」，第 1 行，B 列", "未知的列「更新频率」"),
    ("an unknown column (YAML)", text("c.yaml", "categories:\n  - category: 行政处罚\n    update_dayz: 30\n"),
     "第 1 个栏目（行政处罚），第 2 行，「update_dayz」", "未知的键「update_dayz」"),
    ("an unknown top-level key", text("c.yaml", "categories:\n" + ROW + "deadlines: {}\n"),
     "第 4 行，「deadlines」", "未知的顶层键「deadlines」"),
    ("an unknown rule", text("c.yaml", "categories:\n" + ROW + "rules:\n  link.brokn: {severity: notice}\n"),
     "第 5 行，「rules.link.brokn」", "未知的规则「link.brokn」"),
    ("a column with values but no name", sheet("c.xlsx", [["category", None], ["行政处罚", "法规科"]]),
     "工作表「Sheet」，第 1 行，B 列", "B 列有值（第 2 行）但第 1 行没有列名"),
    ("one column name twice", text("c.csv", "category,department,department\n行政处罚,法规科,办公室\n"),
     "第 1 行，C 列", "列名「department」在第 1 行出现两次（B 列和 C 列）"),
    # -- duplicate categories -------------------------------------------------------------------
    ("a category twice (CSV)", text("c.csv", "category\n行政处罚\n行政许可\n行政处罚\n"),
     "第 4 行（行政处罚）", "栏目「行政处罚」与第 2 行重复"),
    ("a category twice (XLSX)", sheet("c.xlsx", [["category", "update_days"], ["行政处罚", 30], ["行政处罚", 60]]),
     "工作表「Sheet」，第 3 行（行政处罚）", "栏目「行政处罚」与第 2 行重复"),
    ("a category twice (YAML)", text("c.yaml", "categories:\n" + ROW + ROW),
     "第 2 个栏目（行政处罚），第 4 行", "栏目「行政处罚」与第 1 个栏目重复"),
    ("an alias that is another category", text("c.yaml", "categories:\n" + ROW +
                                               "  - category: 行政许可\n    aliases: [行政处罚]\n"),
     "第 2 个栏目（行政许可），第 4 行，「aliases」", "别名「行政处罚」是第 1 个栏目的栏目名称：同一栏目写了两次"),
    ("a key twice in one row", text("c.yaml", "categories:\n  - category: 行政处罚\n    update_days: 30\n"
                                              "    update_days: 60\n"),
     "第 4 行", "YAML 格式有误：键「update_days」在同一处出现两次（第一次在第 3 行）"),
    # -- empty files ----------------------------------------------------------------------------
    ("an empty YAML file", text("c.yaml", b""), "", "文件是空的（0 字节）"),
    ("an empty CSV file", text("c.csv", b""), "", "文件是空的（0 字节）"),
    ("an empty XLSX file", text("c.xlsx", b""), "", "文件是空的（0 字节）"),
    ("a YAML file of blank lines", text("c.yaml", "\n\n  \n"), "", "文件是空的"),
    ("a CSV with only its header", text("c.csv", "category,department,update_days\n"),
     "", "没有栏目行：表中只有表头"),
    ("a sheet with only its header", sheet("c.xlsx", [["category", "department"]]),
     "工作表「Sheet」", "没有栏目行：表中只有表头"),
    ("a workbook with nothing in it", blank_workbook, "工作表「Sheet」，第 1 行", "没有表头：第 1 行须是列名（栏目、别名、责任科室、更新周期（天） …）"),
    ("a YAML file with no categories", text("c.yaml", "name: 市食药监局\n"), "「categories」",
     "须为非空的栏目列表（每个栏目一项，以 - 开头）"),
    # -- merged cells ---------------------------------------------------------------------------
    ("header cells merged over two columns", sheet("c.xlsx", [["category", None, "update_days"],
                                                             ["行政处罚", "法规科", 30]], merge=("A1:B1",)),
     "工作表「Sheet」，第 1 行，A 列", "表头单元格 A1:B1 是合并的：第 1 行须是列名，每格一个（标题请移到别的工作表）"),
    ("a title row merged above the header", sheet("c.xlsx", [["市食药监局政务公开一览表", None, None],
                                                            ["category", "department", "update_days"],
                                                            ["行政处罚", "法规科", 30]], merge=("A1:C1",)),
     "工作表「Sheet」，第 1 行，A 列", "表头单元格 A1:C1 是合并的：第 1 行须是列名，每格一个（标题请移到别的工作表）"),
    ("one office merged down over its categories", sheet("c.xlsx", [["category", "department"],
                                                                    ["行政处罚", "法规科"], ["行政许可", None]],
                                                         merge=("B2:B3",)),
     "工作表「Sheet」，第 2 行，B 列", "单元格 B2:B3 是合并的：请取消合并，每行填上自己的值"),
    # -- rules' settings: a YAML rules: entry, a workbook's 规则 sheet ----------------------------
    ("negative points for a rule (YAML)", text("c.yaml", "categories:\n" + ROW + "rules:\n  link.broken: {points: -1}\n"),
     "第 5 行，「rules.link.broken.points」", "须为不小于 0 的数字，不能是 -1"),
    ("an unknown setting for a rule (YAML)", text("c.yaml", "categories:\n" + ROW + "rules:\n  link.broken: {分值: 1}\n"),
     "第 5 行，「rules.link.broken」", "未知的设置「分值」"),
    ("text as a rule's points", rules_sheet([["规则", "扣分"], ["link.broken", "很多"]]),
     "工作表「规则」，第 2 行（link.broken），B 列「扣分」", "须为数字，不能是「很多」"),
    ("negative points in the rules sheet", rules_sheet([["rule", "points"], ["item.late", 1], ["link.broken", -1]]),
     "工作表「规则」，第 3 行（link.broken），B 列「points」", "须为不小于 0 的数字，不能是 -1"),
    ("a fraction of a day in the rules sheet", rules_sheet([["规则", "天数"], ["site.homepage_stale", 1.5]]),
     "工作表「规则」，第 2 行（site.homepage_stale），B 列「天数」", "须为整数，不能是 1.5"),
    ("an unknown severity in the rules sheet", rules_sheet([["rule", "severity"], ["item.late", "严重"]], "rules"),
     "工作表「rules」，第 2 行（item.late），B 列「severity」", "「严重」无法识别：请填 单项否决、扣分、提示（或 veto、deduct、notice；一票否决、否决同单项否决）"),
    ("an unknown rule in the rules sheet", rules_sheet([["规则", "扣分"], ["link.brokn", 1]]),
     "工作表「规则」，第 2 行（link.brokn），A 列「规则」", "未知的规则「link.brokn」"),
    ("a rule twice in the rules sheet", rules_sheet([["规则编号", "扣分"], ["link.broken", 1], ["link.broken", 2]]),
     "工作表「规则」，第 3 行（link.broken），A 列「规则编号」", "规则与第 2 行重复"),
    ("a rules-sheet row without its rule", rules_sheet([["规则", "扣分"], [None, 1]]),
     "工作表「规则」，第 2 行，A 列「规则」", "未填规则名称或编号（如 链接不可用、link.broken）"),
    ("an unknown column in the rules sheet", rules_sheet([["规则", "扣分", "罚分"], ["link.broken", 1, 2]]),
     "工作表「规则」，第 1 行，C 列", "未知的列「罚分」"),
    ("one setting in two columns of the rules sheet", rules_sheet([["规则", "扣分", "分值"], ["link.broken", 1, 2]]),
     "工作表「规则」，第 1 行，C 列", "B 列「扣分」和 C 列「分值」是同一列（扣分）"),
    ("a title row above the rules sheet's header", rules_sheet([["规则设置", None], ["规则", "扣分"],
                                                              ["link.broken", 1]], merge=("A1:B1",)),
     "工作表「规则」，第 1 行，A 列", "表头单元格 A1:B1 是合并的：第 1 行须是列名，每格一个（标题请移到别的工作表）"),
    ("merged cells in the rules sheet", rules_sheet([["规则", "扣分"], ["link.broken", 1], ["item.late", None]],
                                                    merge=("B2:B3",)),
     "工作表「规则」，第 2 行，B 列", "单元格 B2:B3 是合并的：请取消合并，每行填上自己的值"),
    ("the rules sheet's header not in row 1", rules_sheet([[None, None], ["规则", "扣分"], ["link.broken", 1]]),
     "工作表「规则」，第 1 行", "没有表头：第 1 行须是列名（规则名称、规则编号、级别、扣分 …）"),
    # -- not a catalog at all -------------------------------------------------------------------
    ("a YAML syntax error", text("c.yaml", "categories:\n  - category: 行政处罚\n  - [unclosed\n"),
     "第 4 行", "YAML 格式有误：expected ',' or ']', but got '<stream end>'"),
    ("tabs in YAML", text("c.yaml", "categories:\n\t- category: 行政处罚\n"), "第 2 行", "YAML 格式有误：found character '\\t' that cannot start any token"),
    ("a zip that is no workbook", text("c.xlsx", b"PK\x03\x04 not really"), "", "不是可读取的 XLSX 工作簿（BadZipFile: File is not a zip file）"),
    ("binary as CSV", text("c.csv", b"category\n\x00\xff\xfe\x81\n"), "", "CSV 文件既不是 UTF-8 也不是 GB18030（GBK）编码"),
    ("a Word file", text("c.docx", b"PK\x03\x04"), "", "无法识别的目录格式 .docx：请用 .xlsx、.csv 或 .yaml"),
    # -- what a clerk writes in Chinese ---------------------------------------------------------
    ("a Chinese and an English header for one column", sheet("c.xlsx", [["栏目", "category"], ["行政处罚", "行政许可"]]),
     "工作表「Sheet」，第 1 行，B 列", "A 列「栏目」和 B 列「category」是同一列（栏目）"),
    ("an unknown category class", sheet("c.xlsx", [["栏目", "栏目类型"], ["行政处罚", "新闻"]]),
     "工作表「Sheet」，第 2 行（行政处罚），B 列「栏目类型」", "「新闻」无法识别：请填 动态要闻、通知公告、政策文件"),
    ("neither yes nor no", sheet("c.xlsx", [["栏目", "须标注索引号"], ["行政处罚", "可能"]]),
     "工作表「Sheet」，第 2 行（行政处罚），B 列「须标注索引号」", "须填 是 或 否，不能是「可能」"),
    ("a Chinese severity that is none", sheet("c.xlsx", [["栏目", "级别"], ["行政处罚", "严重扣分"]]),
     "工作表「Sheet」，第 2 行（行政处罚），B 列「级别」", "「严重扣分」无法识别：请填 单项否决、扣分、提示"),
    ("an unknown setting in the settings sheet", workbook(设置=[["设置项", "值"], ["年报期限", "03-31"]]),
     "工作表「设置」，第 2 行（年报期限），A 列「设置项」", "未知的设置项「年报期限」"),
    ("a day that is no day in the settings sheet", workbook(设置=[["设置项", "值"], ["年报截止日期", "4月31日"]]),
     "工作表「设置」，第 2 行（年报截止日期），B 列「值」", "「4月31日」不是月-日（如 03-31）"),
    ("a setting twice in the settings sheet", workbook(设置=[["设置项", "值"], ["指标版本", 2015], ["edition", 2019]]),
     "工作表「设置」，第 3 行（edition），A 列「设置项」", "设置项与第 2 行重复"),
    ("a wrong term without the term", workbook(错误用语=[["错误用语", "正确用语"], [None, "国家市场监督管理总局"]]),
     "工作表「错误用语」，第 2 行，A 列「错误用语」", "未填错误用语"),
    ("a rule id and name that disagree", workbook(规则=[["规则编号", "规则名称", "扣分"], ["link.broken", "栏目缺失", 1]]),
     "工作表「规则」，第 2 行（link.broken），B 列「规则名称」", "规则编号与规则名称「栏目缺失」不是同一条规则"),
    ("an unknown rule name", workbook(规则=[["规则名称", "扣分"], ["错链", 1]]),
     "工作表「规则」，第 2 行（错链），A 列「规则名称」", "未知的规则「错链」"),
    ("two rules sheets", workbook(规则=[["规则", "扣分"]], rules=[["rule", "points"]]),
     "", "有两个规则表（「规则」和「rules」）：请只留一个"),
]
