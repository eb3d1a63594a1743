"""`netcheck catalog template [FILE.xlsx]`: the bundled catalog as a workbook a clerk edits in Excel.

Sheets: 说明 (how to fill it in, and every column explained), 栏目, 规则, 设置 and 错误用语, in
the layout the catalog reader takes (checks.catalog.sheets), so the file loads back as the catalog
it was written from. Every header carries its field's help as a comment (checks.catalog.fields);
severities, category classes and yes/no columns have drop-downs, number columns accept numbers only.
"""
from __future__ import annotations

import sys
from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from checks.catalog import Catalog, load_catalog
from checks.catalog.fields import (CATEGORY_FIELDS, EDITIONS, KIND_LABELS, RULE_FIELDS, SETTING_FIELDS, SEVERITY_LABELS,
                                   SHEETS, TYPE_TEXT, WRONG_TERM_FIELDS, Field, sheet)
from reports.xlsx_layout import MARGINS, fit_rows, font

from .exitcodes import Exit
from .i18n import _

DEFAULT_NAME = "信息公开目录模板.xlsx"
ROWS_VALIDATED = 500  # the drop-downs reach this far below the last row written
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
WIDE = {"aliases": 40, "basis": 50, "help": 60, "description": 40}  # columns of long text: wrapped at this width
WRAP = Alignment(wrap_text=True, vertical="top")


def cmd_template(args) -> int:
    path = Path(args.file) if args.file else Path(DEFAULT_NAME)
    if path.suffix.lower() != ".xlsx":
        print(_("netcheck: 目录模板须为 .xlsx 文件：{path}").format(path=path), file=sys.stderr)
        return Exit.USAGE
    if path.exists() and not args.force:
        print(_("netcheck: {path} 已存在，未覆盖（要覆盖请加 --force）").format(path=path), file=sys.stderr)
        return Exit.USAGE
    try:
        write_template(path)
    except OSError as exc:
        print(_("netcheck: 无法写入 {path}：{reason}").format(path=path, reason=exc.strerror or exc), file=sys.stderr)
        return Exit.USAGE
    print(_("已写出目录模板：{path}（按本单位实际修改后，用 netcheck catalog check {name} 检查）").format(
        path=path.resolve(), name=path.name))
    return Exit.OK


def write_template(path: Path, catalog: Catalog | None = None) -> Path:
    """Write the catalog (the bundled one by default) as an editable workbook at path."""
    catalog = catalog or load_catalog()
    book = Workbook()
    _instructions(book.active)
    _table(book.create_sheet(sheet("categories").title), CATEGORY_FIELDS,
           [_category_row(c) for c in catalog.categories])
    _table(book.create_sheet(sheet("rules").title), RULE_FIELDS, _rule_rows(catalog))
    _settings(book.create_sheet(sheet("settings").title), catalog)
    _table(book.create_sheet(sheet("wrong_terms").title), WRONG_TERM_FIELDS,
           [{f.name: getattr(t, f.name, None) for f in WRONG_TERM_FIELDS} for t in catalog.wrong_terms])
    book.save(path)
    return path


# --- values as a clerk writes them (the inverse of checks.catalog.values) ---------------------

def cell_value(f: Field, value):
    if value is None or value == "" or value == ():
        return None
    if f.type == "list":
        return "、".join(value)
    if f.type == "severity":
        return SEVERITY_LABELS[value]
    if f.type == "kind":
        return KIND_LABELS[value]
    if f.type == "bool":
        return "是" if value else "否"
    if f.type == "dates":
        return "、".join(d.isoformat() for d in value)
    if f.type == "monthday":
        return f"{value[0]:02d}-{value[1]:02d}"
    if f.type == "number" and float(value).is_integer():
        return int(value)
    return value


def _category_row(c) -> dict:
    return {f.name: c.name if f.name == "category" else getattr(c, f.name, None) for f in CATEGORY_FIELDS}


def _rule_rows(catalog: Catalog) -> list[dict]:
    from checks import RULES

    caps = catalog.scoring.get("caps") or {}
    rows = []
    for r in RULES:
        setting = catalog.rule(r.rule_id)
        rows.append({"rule": r.rule_id, "name": r.spec.name, "severity": setting.severity, "points": setting.points,
                     "cap": caps.get(r.rule_id), "days": setting.days,
                     "items": setting.items, "basis": setting.basis,
                     "description": r.spec.description})
        rows[-1]["exclude"] = setting.exclude  # the names a rule leaves out (interaction.unanswered)
    return rows


def setting_values(catalog: Catalog) -> dict:
    """Each setting's value in the catalog, by its field name."""
    values = {"name": catalog.name, "edition": catalog.edition, "default_department": catalog.default_department,
              "annual_report.category": catalog.annual_category, "annual_report.deadline": catalog.annual_deadline,
              "annual_report.basis": catalog.annual_basis, "match_threshold": catalog.match_threshold,
              "calendar.holidays": catalog.extra_holidays, "calendar.workdays": catalog.extra_workdays}
    for severity, days in catalog.rectification_workdays.items():
        values[f"rectification_workdays.{severity}"] = days
    for section in ("veto", "early_warning"):
        for key, number in (catalog.scoring.get(section) or {}).items():
            values[f"scoring.{section}.{key}"] = number
    return values


# --- sheets ----------------------------------------------------------------------------------

def _table(ws, fields: tuple[Field, ...], rows: list[dict]) -> None:
    ws.append([f.header for f in fields])
    for row in rows:
        ws.append([cell_value(f, row.get(f.name)) for f in fields])
    last = max(len(rows) + 1, 2)
    for i, f in enumerate(fields, start=1):
        letter = get_column_letter(i)
        head = ws.cell(row=1, column=i)
        head.comment = _comment(f)
        _validate(ws, f, f"{letter}2:{letter}{last + ROWS_VALIDATED}")
        for cell in ws[letter][1:]:
            cell.alignment = WRAP
            if f.type == "date":
                cell.number_format = "yyyy-mm-dd"
        ws.column_dimensions[letter].width = WIDE.get(f.name, max(10, 2 * len(f.header) + 2))
    _head(ws, len(fields))


def _settings(ws, catalog: Catalog) -> None:
    layout = sheet("settings").fields
    ws.append([f.header for f in layout])
    values = setting_values(catalog)
    for row, f in enumerate(SETTING_FIELDS, start=2):
        ws.append([f.header, cell_value(f, values.get(f.name)), _help(f)])
        value = ws.cell(row=row, column=2)
        value.alignment = Alignment(horizontal="left", vertical="top")
        if f.type == "monthday":
            value.number_format = "@"  # 03-31 stays text: Excel would make it a date
        _validate(ws, f, value.coordinate)
        ws.cell(row=row, column=3).alignment = WRAP
    for i, f in enumerate(layout, start=1):
        ws.cell(row=1, column=i).comment = _comment(f)
    ws.column_dimensions["A"].width = 36
    ws.column_dimensions["B"].width = 40
    ws.column_dimensions["C"].width = WIDE["help"]
    _head(ws, len(layout))


def _instructions(ws) -> None:
    ws.title = "说明"
    lines = [
        ("信息公开目录（政务公开内容一览表）填写说明", "title"),
        ("本工作簿是 netcheck 检查网站所用的目录：网站须有哪些栏目、多久更新、几个工作日内公开、由哪个科室负责，"
         "以及各类问题的级别和扣分。内容是内置的示例目录（市食品药品监督管理局），请按本单位实际修改。", ""),
        ("怎样填：", "bold"),
        ("1. 在“栏目”表中每个栏目占一行：改名称、别名、责任科室、更新周期和公开时限，删去本单位没有的栏目，补上缺少的栏目。", ""),
        ("2. 第 1 行是列名：不要合并单元格，也不要在表头上方加标题行；列名写中文或英文均可，用不到的列可以整列删除（按默认值）。", ""),
        ("3. 一个格子里写多个名称（如别名）时，用“、”分隔（也可用；，或换行）。", ""),
        ("4. “级别”从下拉列表中选：单项否决、扣分 或 提示（写“一票否决”“否决”也按单项否决）。留空的格子按默认值。", ""),
        ("5. “规则”表是各类问题的级别、每个扣几分、最多扣几分；“设置”表是年报截止日期、整改时限等；“错误用语”表是不应再出现的旧称。", ""),
        ("6. 本“说明”表和“说明”“备注”列只供阅读，不会读入。", ""),
        ("改好以后：", "bold"),
        ("检查目录：netcheck catalog check 本文件.xlsx（有错时会指出哪个工作表、第几行、哪一列）", ""),
        ("检查网站：netcheck audit 网站首页地址 --catalog 本文件.xlsx", ""),
        ("", ""),
        ("各列说明：", "bold"),
    ]
    for text, style in lines:
        ws.append([text])
        cell = ws.cell(row=ws.max_row, column=1)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=5)
        if style == "title":
            cell.font = font(bold=True, size=14)
        elif style == "bold":
            cell.font = font(bold=True)
    for s in SHEETS:
        fields = SETTING_FIELDS if s.role == "settings" else s.fields
        ws.append([f"工作表“{s.title}”：{s.help}"])
        ws.cell(row=ws.max_row, column=1).font = font(bold=True)
        ws.append(["列名" if s.role != "settings" else "设置项", "英文名", "填写", "取值", "默认"])
        for cell in ws[ws.max_row]:
            cell.font, cell.fill = font(bold=True), HEADER_FILL
        for f in fields:
            ws.append([f.header, f.name, f.help, _kind(f), f.default_text])
            for cell in ws[ws.max_row]:
                cell.alignment = WRAP
        ws.append([])
    for letter, width in zip("ABCDE", (30, 26, 60, 28, 16)):
        ws.column_dimensions[letter].width = width
    ws.sheet_view.showGridLines = False
    fit_rows(ws)
    _print_setup(ws)


# --- cells -----------------------------------------------------------------------------------

def _kind(f: Field) -> str:
    return TYPE_TEXT[f.type] + (f"，{f.range_text}" if f.range_text and f.type in ("int", "number") else "")


def _help(f: Field) -> str:
    default = f"（默认：{f.default_text}）" if f.default_text else ""
    return f"{f.help}{default}"


def _comment(f: Field) -> Comment:
    text = f"{f.header}（{f.name}）\n{f.help}\n取值：{_kind(f)}" + (f"\n默认：{f.default_text}" if f.default_text else "")
    comment = Comment(text, "netcheck")
    comment.width, comment.height = 320, 140
    return comment


def _validate(ws, f: Field, cells: str) -> None:
    """A drop-down for a field of fixed words, a number check for a number field."""
    if f.type in ("severity", "kind", "bool", "edition"):
        words = {"severity": SEVERITY_LABELS.values(), "kind": KIND_LABELS.values(), "bool": ("是", "否"),
                 "edition": map(str, EDITIONS)}[f.type]
        rule = DataValidation(type="list", formula1='"' + ",".join(words) + '"', allow_blank=True)
        rule.error, rule.errorTitle = f"请从下拉列表中选择：{TYPE_TEXT[f.type]}", f.header
    elif f.type in ("int", "number"):
        kind = "whole" if f.type == "int" else "decimal"
        if f.maximum is not None:
            rule = DataValidation(type=kind, operator="between", formula1=f"{f.minimum:g}", formula2=f"{f.maximum:g}",
                                  allow_blank=True)
        else:
            rule = DataValidation(type=kind, operator="greaterThanOrEqual", formula1=f"{f.minimum or 0:g}",
                                  allow_blank=True)
        rule.error, rule.errorTitle = f"请填{_kind(f)}", f.header
    else:
        return
    rule.showErrorMessage = True
    rule.prompt, rule.promptTitle, rule.showInputMessage = f.help[:255], f.header, True
    ws.add_data_validation(rule)
    rule.add(cells)


def _head(ws, width: int) -> None:
    for cell in ws[1][:width]:
        cell.font, cell.fill = font(bold=True), HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    ws.freeze_panes = "B2"
    fit_rows(ws)
    _print_setup(ws)



def _print_setup(ws) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    for side, inches in MARGINS.items():
        setattr(ws.page_margins, side, inches)
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    if ws.title != "说明":
        ws.print_title_rows = "1:1"
