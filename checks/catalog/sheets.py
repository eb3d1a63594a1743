"""A catalog kept as a spreadsheet (XLSX) or CSV, as offices keep the 一览表.

A workbook's sheets are found by name (fields.SHEETS): 栏目 the categories (without one, the first
sheet), 规则 the rules' settings, 设置 the top-level settings, 错误用语 the wrong terms; 说明 and
any other sheet are for people and never read. A CSV file is the categories alone. In every sheet
row 1 holds the column names, Chinese or English (fields.find_field), and every further non-blank
row is one entry. What offices do to make a sheet look right and that would make it read wrong is
refused, with the cell that says where:

- merged cells: a title row merged across the top ("XX局政务公开一览表"), a header merged
  over two columns, one office merged down over the rows of its categories. openpyxl gives
  the value to the first cell only, so the other rows would silently lose it;
- a column with values but no name, and two columns for one field (栏目 and category);
- unknown column names (a typo would silently drop a limit).

Read with openpyxl and the csv module directly rather than pandas, which renames a repeated
column to 'category.1' and an unnamed one to 'Unnamed: 1', hiding both mistakes.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path

from .build import Parsed
from .fields import INSTRUCTIONS, SETTING_FIELDS, SHEETS, Field, find_field, header_key, sheet
from .messages import N_, msg
from .model import CatalogError, Where

MAX_COLUMNS = 18278  # XFD


def get_column_letter(n: int) -> str:
    """A spreadsheet column's letters (1 → A, 28 → AB), without importing openpyxl for a YAML catalog."""
    letters = ""
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def read_workbook(path: Path, raw: bytes) -> Parsed:
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(raw), data_only=True)  # data_only: a formula's value, not its text
    except Exception as exc:  # openpyxl raises many kinds on a file that is not a workbook
        raise CatalogError(path, msg(N_("不是可读取的 XLSX 工作簿（{error}）"), error=f"{type(exc).__name__}: {exc}")) from None
    found = _sheets(path, book)
    categories = found.get("categories")
    if categories is None:
        raise CatalogError(path, msg(N_("工作簿中没有栏目表（名为“栏目”的工作表）")))
    parsed = Parsed(path, _table(path, categories, sheet("categories").fields, what="栏目"))
    if "rules" in found:
        parsed.rules = _table(path, found["rules"], sheet("rules").fields, allow_empty=True)
    if "wrong_terms" in found:
        parsed.wrong_terms = _table(path, found["wrong_terms"], sheet("wrong_terms").fields, allow_empty=True)
    if "settings" in found:
        parsed.settings = _settings(path, found["settings"])
    return parsed


def _sheets(path, book) -> dict:
    """role → its worksheet; the categories are the first sheet of no other role when none is named so."""
    found: dict = {}
    roles = {header_key(name): s.role for s in SHEETS for name in s.names}
    ignored = {header_key(name) for name in INSTRUCTIONS}
    for ws in book.worksheets:
        role = roles.get(header_key(ws.title))
        if role is None:
            continue
        if role in found:
            raise CatalogError(path, msg(N_("有两个{role}表（「{first}」和「{second}」）：请只留一个"), role=sheet(role).title,
                                         first=found[role].title, second=ws.title))
        found[role] = ws
    if "categories" not in found:
        first = next((ws for ws in book.worksheets if header_key(ws.title) not in {*roles, *ignored}), None)
        if first is not None:
            found["categories"] = first
    return found


def _table(path, ws, fields: tuple[Field, ...], what: str = "", allow_empty: bool = False) -> list[tuple[Where, dict]]:
    where = Where(str(path), sheet=ws.title)
    _refuse_merged(ws, where)
    return table_rows([list(row) for row in ws.iter_rows(values_only=True)], fields, where, allow_empty)


def _settings(path, ws) -> dict[str, tuple[object, Where]]:
    rows = _table(path, ws, sheet("settings").fields, allow_empty=True)
    out: dict[str, tuple[object, Where]] = {}
    seen: dict[str, int] = {}
    for where, item in rows:
        label = str(item.get("setting", "")).strip()
        if not label:
            if item.get("value") is None:
                continue  # a note in the 说明 column only
            raise where.error(msg(N_("未填设置项")), "setting")
        f = find_field(SETTING_FIELDS, label)
        if f is None:
            raise where.named(label).error(msg(N_("未知的设置项「{label}」（可用：{known}）"), label=label,
                                               known="、".join(f.header for f in SETTING_FIELDS)), "setting")
        where = where.named(label)
        if f.name in seen:
            raise where.error(msg(N_("设置项与第 {row} 行重复：请删去一行"), row=seen[f.name]), "setting")
        seen[f.name] = where.row
        where.columns[f.name] = where.columns.get("value")
        out[f.name] = (item.get("value"), where)
    return out


def _refuse_merged(ws, where: Where) -> None:
    for merged in sorted(ws.merged_cells.ranges, key=lambda r: (r.min_row, r.min_col)):
        column = _column(get_column_letter(merged.min_col))
        at = Where(where.path, sheet=where.sheet, row=merged.min_row)
        if merged.min_row == 1:
            raise at.error(msg(N_("表头单元格 {cell} 是合并的：第 1 行须是列名，每格一个（标题请移到别的工作表）"),
                               cell=merged.coord), column=column)
        raise at.error(msg(N_("单元格 {cell} 是合并的：请取消合并，每行填上自己的值"), cell=merged.coord), column=column)


def read_csv(path: Path, raw: bytes) -> Parsed:
    for encoding in ("utf-8-sig", "gb18030"):  # offices save CSV from Excel in GBK as often as UTF-8
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise CatalogError(path, msg(N_("CSV 文件既不是 UTF-8 也不是 GB18030（GBK）编码")))
    try:
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as exc:  # NUL bytes, an unclosed quote at the end
        raise CatalogError(path, msg(N_("不是可读取的 CSV 文件（{error}）"), error=exc)) from None
    return Parsed(path, table_rows(rows, sheet("categories").fields, Where(str(path))))


def table_rows(rows: list[list], fields: tuple[Field, ...], where: Where,
               allow_empty: bool = False) -> list[tuple[Where, dict]]:
    """(where, {field name: value}) for each non-blank row under the header."""
    rows = [[_cell(v) for v in row] for row in rows]
    if not rows or not any(v is not None for v in rows[0]):
        if allow_empty and not any(v is not None for row in rows for v in row):
            return []  # an empty sheet: every entry takes its default
        raise _at(where, 1).error(msg(N_("没有表头：第 1 行须是列名（{headers} …）"),
                                      headers="、".join(f.header for f in fields[:4])))
    columns, named = _header(rows, fields, where)
    out = []
    for number, row in enumerate(rows[1:], start=2):
        item = {columns[i]: value for i, value in enumerate(row) if value is not None and i in columns}
        if item:
            out.append((Where(where.path, sheet=where.sheet, row=number, columns=dict(named)), item))
    if not out and not allow_empty:
        raise where.error(msg(N_("没有栏目行：表中只有表头")))
    return out


def _at(where: Where, row: int) -> Where:
    return Where(where.path, sheet=where.sheet, row=row)


def _header(rows: list[list], fields: tuple[Field, ...], where: Where) -> tuple[dict[int, str], dict[str, str]]:
    """column index → field name, and field name → how messages name its column; refusing unnamed
    columns that hold values, two columns for one field and unknown names."""
    header = rows[0]
    width = max(len(row) for row in rows)
    if width > MAX_COLUMNS:  # past XFD, a spreadsheet's last column: no letter to name a cell by
        raise _at(where, 1).error(msg(N_("一行有 {width} 列：目录表最多 {most} 列"), width=width, most=MAX_COLUMNS))
    columns: dict[int, str] = {}
    named: dict[str, str] = {}
    first: dict[str, int] = {}
    for i in range(width):
        written = str(header[i]).strip() if i < len(header) and header[i] is not None else None
        letter = get_column_letter(i + 1)
        if written is None:
            filled = next((n for n, row in enumerate(rows[1:], start=2) if i < len(row) and row[i] is not None), None)
            if filled is not None:
                raise _at(where, 1).error(msg(N_("{letter} 列有值（第 {row} 行）但第 1 行没有列名"), letter=letter, row=filled),
                                          column=_column(letter))
            continue
        f = find_field(fields, written)
        if f is None:
            raise _at(where, 1).error(msg(N_("未知的列「{written}」（可用的列：{known}；也可用英文列名）"), written=written,
                                          known="、".join(f.header for f in fields)), column=_column(letter))
        if f.name in first:
            other = first[f.name]
            said = str(header[other]).strip()
            raise _at(where, 1).error(
                msg(N_("列名「{written}」在第 1 行出现两次（{first} 列和 {letter} 列）：请删去一列"), written=written,
                    first=get_column_letter(other + 1), letter=letter) if said == written
                else msg(N_("{first} 列「{said}」和 {letter} 列「{written}」是同一列（{header}）：请删去一列"),
                         first=get_column_letter(other + 1), said=said, letter=letter, written=written, header=f.header),
                column=_column(letter))
        first[f.name] = i
        columns[i] = f.name
        named[f.name] = msg(N_("{letter} 列「{header}」"), letter=letter, header=written)
    return columns, named


def _column(letter: str):
    """A column as a message names it: "D 列"."""
    return msg(N_("{letter} 列"), letter=letter)


def _cell(value):
    """A cell's value with surrounding space removed; None for an empty cell."""
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value
