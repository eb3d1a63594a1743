"""Catalog rows from a spreadsheet (XLSX) or CSV, as offices keep the 一览表.

Row 1 holds the column names, one per cell; every further non-blank row is a category. What
offices do to make a sheet look right and that would make it read wrong is refused, with the
cell that says where:

- merged cells: a title row merged across the top ("XX局政务公开一览表"), a header merged
  over two columns, one office merged down over the rows of its categories. openpyxl gives
  the value to the first cell only, so the other rows would silently lose it;
- a column with values but no name, and a name given to two columns;
- unknown column names (a typo would silently drop a limit).

Read with openpyxl and the csv module directly rather than pandas, which renames a repeated
column to 'category.1' and an unnamed one to 'Unnamed: 1', hiding both mistakes.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path

from openpyxl.utils import get_column_letter

MAX_COLUMNS = 18278  # XFD


def sheet_rows(path: Path, error, known: tuple[str, ...]) -> list[tuple[int, None, dict]]:
    """(sheet row, None, {column: value}) for every category row of the first sheet.
    `error(reason, row=None, column=None)` builds the refusal."""
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, data_only=True)  # data_only: a formula's value, not its text
    except Exception as exc:  # openpyxl raises many kinds on a file that is not a workbook
        raise error(f"not a readable XLSX workbook ({type(exc).__name__}: {exc})") from None
    sheet = book.worksheets[0]
    for merged in sorted(sheet.merged_cells.ranges, key=lambda r: (r.min_row, r.min_col)):
        column = get_column_letter(merged.min_col)
        if merged.min_row == 1:
            raise error(f"header cells {merged.coord} are merged: row 1 must hold the column names, one per "
                        f"cell (move a title above the table to another sheet)", row=1, column=column)
        raise error(f"cells {merged.coord} are merged: unmerge them and give every row its own value",
                    row=merged.min_row, column=column)
    return table_rows([list(row) for row in sheet.iter_rows(values_only=True)], error, known)


def csv_rows(raw: bytes, error, known: tuple[str, ...]) -> list[tuple[int, None, dict]]:
    for encoding in ("utf-8-sig", "gb18030"):  # offices save CSV from Excel in GBK as often as UTF-8
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise error("CSV is neither UTF-8 nor GB18030 text")
    try:
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as exc:  # NUL bytes, an unclosed quote at the end
        raise error(f"not a readable CSV file ({exc})") from None
    return table_rows(rows, error, known)


def table_rows(rows: list[list], error, known: tuple[str, ...]) -> list[tuple[int, None, dict]]:
    rows = [[_cell(v) for v in row] for row in rows]
    if not rows or not any(v is not None for v in rows[0]):
        raise error("no header row: row 1 must hold the column names (category, department …)", row=1)
    names = _header(rows, error, known)
    out = []
    for number, row in enumerate(rows[1:], start=2):
        item = {names[i]: value for i, value in enumerate(row) if value is not None and i in names}
        if item:
            out.append((number, None, item))
    if not out:
        raise error("no category rows: the sheet has only its header row")
    return out


def _header(rows: list[list], error, known: tuple[str, ...]) -> dict[int, str]:
    """column index → name, refusing unnamed columns that hold values, repeated and unknown names."""
    header = rows[0]
    width = max(len(row) for row in rows)
    if width > MAX_COLUMNS:  # past XFD, a spreadsheet's last column: no letter to name a cell by
        raise error(f"{width} columns in a row: a catalog sheet has at most {MAX_COLUMNS}", row=1)
    names: dict[int, str] = {}
    first: dict[str, int] = {}
    for i in range(width):
        name = str(header[i]) if i < len(header) and header[i] is not None else None
        letter = get_column_letter(i + 1)
        if name is None:
            filled = next((n for n, row in enumerate(rows[1:], start=2) if i < len(row) and row[i] is not None), None)
            if filled is not None:
                raise error(f"column {letter} has values (row {filled}) but no name in row 1", row=1, column=letter)
            continue
        if name in first:
            raise error(f"column name {name!r} appears twice in row 1 (columns {get_column_letter(first[name] + 1)} "
                        f"and {letter})", row=1, column=letter)
        if name not in known:
            raise error(f"unknown column {name!r} (known: {', '.join(known)})", row=1, column=letter)
        first[name] = i
        names[i] = name
    return names


def _cell(value):
    """A cell's value with surrounding space removed; None for an empty cell."""
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value
