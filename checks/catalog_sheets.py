"""Catalog rows from a spreadsheet (XLSX) or CSV, as offices keep the 一览表.

Row 1 holds the column names, one per cell; every further non-blank row is a category. What
offices do to make a sheet look right and that would make it read wrong is refused, with the
cell that says where:

- merged cells: a title row merged across the top ("XX局政务公开一览表"), a header merged
  over two columns, one office merged down over the rows of its categories. openpyxl gives
  the value to the first cell only, so the other rows would silently lose it;
- a column with values but no name, and a name given to two columns;
- unknown column names (a typo would silently drop a limit).

A workbook may carry the rules' settings on a further sheet named 规则 (or "rules"): row 1
its header (RULE_HEADERS), then one row per rule, refused on the same grounds. A CSV file has
one table only: its rules take the bundled defaults.

Read with openpyxl and the csv module directly rather than pandas, which renames a repeated
column to 'category.1' and an unnamed one to 'Unnamed: 1', hiding both mistakes.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path

from openpyxl.utils import get_column_letter

MAX_COLUMNS = 18278  # XFD


# The sheet that holds the rules' settings, and its column names → the setting each gives.
RULE_SHEETS = ("规则", "rules")
RULE_HEADERS = {"rule": "rule", "规则": "rule", "规则编号": "rule", "severity": "severity", "级别": "severity",
                "points": "points", "扣分": "points", "分值": "points", "basis": "basis", "依据": "basis",
                "days": "days", "天数": "days"}


def sheet_rows(path: Path, error, known: tuple[str, ...]):
    """The category rows of the first sheet and the rules sheet's, if the workbook has one:
    ([(sheet row, None, {column: value})], None | (sheet name, rows, {setting: its column name})).
    `error(reason, row=None, column=None, sheet=None)` builds the refusal."""
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, data_only=True)  # data_only: a formula's value, not its text
    except Exception as exc:  # openpyxl raises many kinds on a file that is not a workbook
        raise error(f"not a readable XLSX workbook ({type(exc).__name__}: {exc})") from None
    sheet = book.worksheets[0]
    _refuse_merged(sheet, error)
    categories = table_rows([list(row) for row in sheet.iter_rows(values_only=True)], error, known)
    named = [s for s in book.worksheets[1:] if s.title.strip().lower() in RULE_SHEETS]
    if len(named) > 1:
        raise error(f"two rules sheets ({named[0].title!r} and {named[1].title!r}): keep one")
    return categories, _rule_sheet(named[0], error) if named else None


def _rule_sheet(sheet, error):
    at = lambda reason, row=None, column=None: error(reason, row=row, column=column, sheet=sheet.title)
    _refuse_merged(sheet, at)
    rows = [[_cell(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    if not any(v is not None for row in rows for v in row):
        return sheet.title, [], {}  # an empty 规则 sheet: every rule takes its default
    out = table_rows(rows, at, tuple(RULE_HEADERS), names=RULE_HEADERS, allow_empty=True,
                     hint="rule, severity, points, basis, days")
    written = {RULE_HEADERS[str(v)]: str(v) for v in rows[0] if v is not None}
    return sheet.title, out, written


def _refuse_merged(sheet, error) -> None:
    for merged in sorted(sheet.merged_cells.ranges, key=lambda r: (r.min_row, r.min_col)):
        column = get_column_letter(merged.min_col)
        if merged.min_row == 1:
            raise error(f"header cells {merged.coord} are merged: row 1 must hold the column names, one per "
                        f"cell (move a title above the table to another sheet)", row=1, column=column)
        raise error(f"cells {merged.coord} are merged: unmerge them and give every row its own value",
                    row=merged.min_row, column=column)


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


def table_rows(rows: list[list], error, known: tuple[str, ...], names: dict[str, str] | None = None,
               allow_empty: bool = False, hint: str = "category, department …") -> list[tuple[int, None, dict]]:
    """(row, None, {column: value}) for each non-blank row under the header. `names` maps a
    column name as written to the one it stands for (扣分 → points); without it names are as written."""
    rows = [[_cell(v) for v in row] for row in rows]
    if not rows or not any(v is not None for v in rows[0]):
        raise error(f"no header row: row 1 must hold the column names ({hint})", row=1)
    columns = _header(rows, error, known, names or {})
    out = []
    for number, row in enumerate(rows[1:], start=2):
        item = {columns[i]: value for i, value in enumerate(row) if value is not None and i in columns}
        if item:
            out.append((number, None, item))
    if not out and not allow_empty:
        raise error("no category rows: the sheet has only its header row")
    return out


def _header(rows: list[list], error, known: tuple[str, ...], names: dict[str, str]) -> dict[int, str]:
    """column index → name, refusing unnamed columns that hold values, repeated and unknown names."""
    header = rows[0]
    width = max(len(row) for row in rows)
    if width > MAX_COLUMNS:  # past XFD, a spreadsheet's last column: no letter to name a cell by
        raise error(f"{width} columns in a row: a catalog sheet has at most {MAX_COLUMNS}", row=1)
    columns: dict[int, str] = {}
    first: dict[str, int] = {}
    for i in range(width):
        name = str(header[i]) if i < len(header) and header[i] is not None else None
        letter = get_column_letter(i + 1)
        if name is None:
            filled = next((n for n, row in enumerate(rows[1:], start=2) if i < len(row) and row[i] is not None), None)
            if filled is not None:
                raise error(f"column {letter} has values (row {filled}) but no name in row 1", row=1, column=letter)
            continue
        if name not in known:
            raise error(f"unknown column {name!r} (known: {', '.join(known)})", row=1, column=letter)
        meaning = names.get(name, name)
        if meaning in first:
            other = first[meaning]
            said = str(header[other])
            raise error(f"column name {name!r} appears twice in row 1 (columns {get_column_letter(other + 1)} "
                        f"and {letter})" if said == name else
                        f"columns {get_column_letter(other + 1)} ({said!r}) and {letter} ({name!r}) both give "
                        f"{meaning}", row=1, column=letter)
        first[meaning] = i
        columns[i] = meaning
    return columns


def _cell(value):
    """A cell's value with surrounding space removed; None for an empty cell."""
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value
