"""How the 整改清单's sheets look on screen and on paper: column widths, row heights, borders, A4 pages.

openpyxl writes no row heights of its own, and Excel does not grow a row to its wrapped text when
it opens a file: each row gets the height its wrapped text needs, estimated here from the text's
width in the sheet's default font (Calibri 11 pt: Excel's width unit is its digit, 7 px; a CJK
glyph, from the fallback font, is 2.1 digits wide) and the column's width. The estimate errs on
the tall side: a row a little too high costs white space, one too low cuts the text when printed.

Every sheet prints on A4 landscape at (nearly) full size: the columns are sized to fit the page's
width (`PAGE_WIDTH`), so "fit to one page wide" leaves the type at 11 pt in Excel (whose digit is
7 px) and about 10.4 pt in LibreOffice (whose digit, unrounded, is 7.4 px); the header row repeats
on every page, each page's header names the list, the sheet and its page number, its footer the site.
"""
from __future__ import annotations

import math
import re
import unicodedata
from copy import copy
from datetime import date, datetime
from functools import lru_cache

from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.worksheet import Worksheet

A4 = 9  # openpyxl's paperSize for A4
# Inches, as Excel keeps them: narrow side margins leave the table the page's width.
MARGINS = dict(left=0.3, right=0.3, top=0.6, bottom=0.45, header=0.25, footer=0.2)
_UNIT_MM = 7 * 25.4 / 96  # one width unit: Calibri 11's digit, 7 px at 96 dpi
# Width units across an A4 landscape page between the margins, with a little to spare.
PAGE_WIDTH = math.floor((297 - 25.4 * (MARGINS["left"] + MARGINS["right"])) / _UNIT_MM) - 2
LINE_HEIGHT = 16.5  # points per line of 11 pt text: CJK glyphs come from a taller fallback font
ROW_PADDING = 3.0  # points above and below a row's text
CELL_PADDING = 1.2  # width units a cell keeps free around its text
BOLD = 1.08  # bold glyphs are wider

# Glyph widths in width units for the Latin letters that are not about one digit wide.
_NARROW = dict.fromkeys("fijlrtI.,:;!|'/\\()[]", 0.6) | {" ": 0.55}
_WIDE = dict.fromkeys("mwMW@%", 1.5) | dict.fromkeys("ABCDEGHKNOPQRSUVXYZ&", 1.3)
_CJK = 2.1
# Where a line may break inside Latin text (after these), as a spreadsheet's line breaker does.
_BREAK_AFTER = set(" -/?&=")
# Closing punctuation is kept with the character before it, as a line breaker that keeps 禁则 does
# (LibreOffice does not: the estimate then errs tall, as it should).
_CLOSING = set("，。、；：！？）】」』》〉”’,.;:!?)]")

_THIN = Side(style="thin", color="A6A6A6")
FONT_NAME, FONT_SIZE = "Calibri", 11  # the workbook's default font, named on every styled cell
# A link looks like one, in the sheet's own size (the built-in "Hyperlink" style is 12 pt).
LINK_FONT = Font(name=FONT_NAME, size=FONT_SIZE, color="0563C1", underline="single")
_LITERAL = 255  # characters per string literal in a formula, as Excel allows
GRID = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)


@lru_cache(maxsize=None)
def char_width(ch: str) -> float:
    if unicodedata.east_asian_width(ch) in "WF":
        return _CJK
    return _NARROW.get(ch) or _WIDE.get(ch) or 1.05


def text_width(text: str, bold: bool = False) -> float:
    """The width of one line of text in width units."""
    return sum(char_width(ch) for ch in text) * (BOLD if bold else 1)


def line_count(text, width: float, bold: bool = False) -> int:
    """Lines the text takes when wrapped in a cell `width` units wide (its own newlines included)."""
    usable = max(1.0, width - CELL_PADDING)
    return sum(_wrapped(part, usable, BOLD if bold else 1) for part in str(text).split("\n")) or 1


def _wrapped(text: str, usable: float, scale: float) -> int:
    lines, used = 1, 0.0
    for token in _tokens(text):
        w = sum(char_width(ch) for ch in token) * scale
        if used + w <= usable or (used == 0 and w <= usable):
            used += w
            continue
        if token.isspace():  # a space at the end of a line takes no room on the next
            lines, used = lines + 1, 0.0
            continue
        if w <= usable:
            lines, used = lines + 1, w
            continue
        for ch in token:  # a word wider than the cell breaks anywhere
            c = char_width(ch) * scale
            if used + c > usable and used > 0:
                lines, used = lines + 1, 0.0
            used += c
    return lines


def _tokens(text: str) -> list[str]:
    """Pieces a line may break between: each CJK character (with the closing punctuation after it),
    each run of Latin text up to and including a break character."""
    out: list[str] = []
    word = ""
    for ch in text:
        wide = unicodedata.east_asian_width(ch) in "WF"
        if ch in _CLOSING and (out or word):
            if word:
                word += ch
            else:
                out[-1] += ch
            continue
        if wide:
            if word:
                out.append(word)
                word = ""
            out.append(ch)
        elif ch == " ":
            if word:
                out.append(word)
                word = ""
            out.append(ch)
        else:
            word += ch
            if ch in _BREAK_AFTER:
                out.append(word)
                word = ""
    if word:
        out.append(word)
    return out


def shown(cell) -> str:
    """The text a cell shows: a date as yyyy-mm-dd (and any text its number format adds)."""
    value = link_text(cell)
    if value is None:
        return ""
    if isinstance(value, (date, datetime)):
        text = (value.date() if isinstance(value, datetime) else value).isoformat()
        return text + "".join(cell.number_format.split('"')[1::2])  # the format's quoted literals
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def fit_columns(ws: Worksheet, caps: dict[str, float], floors: dict[str, float] | None = None,
                shrink: tuple[str, ...] = (), budget: float = PAGE_WIDTH, default_cap: float = 30,
                skip_rows: tuple[int, ...] = ()) -> None:
    """Each column as wide as its widest line (plus padding), within its cap and floor; then, when
    the visible columns are wider than the page, the `shrink` columns give up width (down to their
    floor) so that the sheet prints at full size. Merged cells and `skip_rows` do not count."""
    floors = floors or {}
    merged = {c for r in ws.merged_cells.ranges for c in _cells(r)}
    widths: dict[str, float] = {}
    seen: dict = {}
    for line in ws.iter_rows():
        for cell in line:
            if cell.value is None or cell.coordinate in merged or cell.row in skip_rows:
                continue
            _, bold, size = looks(cell, seen)
            widest = max(text_width(part, bold) for part in shown(cell).split("\n")) * size
            widths[cell.column_letter] = max(widths.get(cell.column_letter, 0), widest)
    for letter in set(widths) | set(floors):
        natural = min(widths.get(letter, 0) + CELL_PADDING + 0.8, caps.get(letter, default_cap))
        widths[letter] = round(max(6, floors.get(letter, 0), natural), 1)
    visible = {k: v for k, v in widths.items() if not ws.column_dimensions[k].hidden}
    over = sum(visible.values()) - budget
    room = {k: widths[k] - max(floors.get(k, 0), 10) for k in shrink if k in widths}
    room = {k: v for k, v in room.items() if v > 0}
    if over > 0 and room:
        share = min(1.0, over / sum(room.values()))
        for k, v in room.items():
            widths[k] = math.floor((widths[k] - v * share) * 10) / 10  # down: the sum stays within
    for letter, width in widths.items():
        ws.column_dimensions[letter].width = width


def fit_rows(ws: Worksheet, first: int = 1, last: int | None = None, every: bool = False) -> None:
    """Give each row from `first` to `last` the height its wrapped text needs (merged cells by the
    width of their whole range). Rows of one line of 11 pt text keep the default height, unless
    `every`: then they too get a height of their own, so that every program pages the sheet alike."""
    spans = {}
    for r in ws.merged_cells.ranges:
        width = sum(column_width(ws, get_column_letter(c)) for c in range(r.min_col, r.max_col + 1))
        spans[(r.min_row, r.min_col)] = width
        spans.update({(row, col): 0 for row, col in _cells_rc(r) if (row, col) != (r.min_row, r.min_col)})
    seen: dict = {}
    for row in ws.iter_rows(min_row=first, max_row=last or ws.max_row):
        height = 0.0
        for cell in row:
            if cell.value is None:
                continue
            width = spans.get((cell.row, cell.column), column_width(ws, cell.column_letter))
            if not width:
                continue
            wrap, bold, size = looks(cell, seen)
            n = line_count(shown(cell), width / size, bold) if wrap else 1
            height = max(height, n * size * LINE_HEIGHT)
        if height > LINE_HEIGHT or every:
            ws.row_dimensions[row[0].row].height = round(max(height, LINE_HEIGHT) + ROW_PADDING, 1)


def looks(cell, seen: dict) -> tuple[bool, bool, float]:
    """(wrapped, bold, font size against the sheet's 11 pt) of a cell, looked up once per style in
    `seen` (one workbook's): reading a cell's style through openpyxl costs more than measuring its text."""
    key = tuple(cell._style) if cell.has_style else None
    found = seen.get(key)
    if found is None:
        wrap = bool(cell.alignment and cell.alignment.wrap_text)
        found = (wrap, bool(cell.font and cell.font.b), float(cell.font.sz or 11) / 11 if cell.font else 1.0)
        seen[key] = found
    return found


def font(**settings) -> Font:
    """The sheet's font with what differs (bold, colour, size): a font without a name would be
    drawn in whatever the reader's program falls back to."""
    return Font(**{"name": FONT_NAME, "size": FONT_SIZE, **settings})


def link(cell, url: str | None = None, sheet: str | None = None, wraps: bool = True,
         stamps: dict | None = None) -> None:
    """Make the cell a link to `url` (http or https only: the caller checks), or a jump to the top of
    another `sheet` of the workbook.

    A web link in a cell that `wraps` is written as a HYPERLINK formula showing the URL, with the
    cell's hyperlink set as well (for programs that read those): LibreOffice never wraps the text
    of a cell that is only a hyperlink, so a long URL would be cut at the column's edge when
    printed. The formula's text wraps like any other."""
    if sheet:
        cell.hyperlink = Hyperlink(ref=cell.coordinate, location=f"'{sheet}'!A1")
    elif url and not wraps:
        cell.hyperlink = url
    elif url:
        cell.value = hyperlink_formula(url, cell.value if isinstance(cell.value, str) and cell.value else url)
        cell.hyperlink = url
    else:
        return
    stamp(stamps, "link", cell, font=LINK_FONT)


def stamp(stamps: dict | None, key, cell, **settings) -> None:
    """Style the cell with `settings`, or, when `stamps` (a dict per sheet) already holds `key`, copy
    that style: for cells of one base style (`body`) that differ alike, e.g. every overdue date."""
    if stamps is None:
        for name, value in settings.items():
            setattr(cell, name, value)
    elif key in stamps:
        stamps[key].on(cell)
    else:
        stamps[key] = Stamp.of(cell, **settings)


def hyperlink_formula(url: str, text: str) -> str:
    return f"=HYPERLINK({_literal(url)},{_literal(text)})"


def _literal(text: str) -> str:
    """A formula's string, quotes doubled, cut into pieces Excel accepts and joined with &."""
    text = str(text)
    pieces = [text[i:i + _LITERAL // 2] for i in range(0, len(text), _LITERAL // 2)] or [""]
    return "&".join('"' + p.replace('"', '""') + '"' for p in pieces)


def link_text(cell) -> str | None:
    """What a link cell shows: the HYPERLINK formula's text, or the cell's value."""
    value = cell.value
    m = _FORMULA.match(value) if isinstance(value, str) else None
    if not m:
        return value
    return "".join(re.findall(r'"((?:[^"]|"")*)"', m.group(2))).replace('""', '"')


_FORMULA = re.compile(r'^=HYPERLINK\(((?:"(?:[^"]|"")*"&?)+),((?:"(?:[^"]|"")*"&?)+)\)$')


def column_width(ws: Worksheet, letter: str) -> float:
    dim = ws.column_dimensions.get(letter)
    return dim.width if dim is not None and dim.width else 8.43  # Excel's default


TOP = Alignment(vertical="top", wrap_text=True)


def body(ws: Worksheet, first: int, last: int, columns: int, start: int = 1) -> None:
    """A table's rows: cells wrapped, at the top, within thin borders. One cell is styled and its style
    copied to the others (openpyxl looks every style it is given up in the workbook's styles, which
    for a list of thousands of rows costs more than writing it)."""
    proto = ws.cell(row=first, column=start)
    proto.alignment, proto.border = TOP, GRID
    Stamp(proto._style).over(ws.iter_rows(min_row=first, max_row=last, min_col=start, max_col=start + columns - 1))


class Stamp:
    """A cell style to put on many cells: set once on one cell (`Stamp.of`), copied to the rest."""

    def __init__(self, style):
        self.style = copy(style)

    @classmethod
    def of(cls, cell, **settings) -> "Stamp":
        """Style `cell` with `settings` (font, number_format, alignment …) and keep that style."""
        for name, value in settings.items():
            setattr(cell, name, value)
        return cls(cell._style)

    def on(self, cell) -> None:
        cell._style = copy(self.style)

    def over(self, rows) -> None:
        for line in rows:
            for cell in line:
                cell._style = copy(self.style)


def grid(ws: Worksheet, first: int, last: int, columns: int, start: int = 1) -> None:
    """Thin borders round every cell of a table, so that its rows stay apart on paper."""
    for line in ws.iter_rows(min_row=first, max_row=last, min_col=start, max_col=start + columns - 1):
        for cell in line:
            cell.border = GRID


def print_setup(ws: Worksheet, title: str, footer: str = "", header_rows: str | None = "1:1",
                one_page: bool = False) -> None:
    """A4 landscape, one page wide (and one page tall for `one_page`), the header row on every
    page; on each page's top the list's title, the sheet's name and the page number (each sheet
    counts from 1), and `footer` (the site) at its foot."""
    ws.page_setup.paperSize = A4
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 1 if one_page else 0
    ws.page_setup.firstPageNumber, ws.page_setup.useFirstPageNumber = 1, True
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins = PageMargins(**MARGINS)
    ws.print_options.horizontalCentered = True
    if header_rows:
        ws.print_title_rows = header_rows
    ws.oddHeader.left.text = _escape(title)
    ws.oddHeader.center.text = "&A"  # the sheet's name: the office whose list it is
    ws.oddHeader.right.text = "第 &P 页"
    ws.oddFooter.left.text = _escape(footer)
    for part in (ws.oddHeader.left, ws.oddHeader.center, ws.oddHeader.right, ws.oddFooter.left):
        part.size = 10


def _escape(text: str) -> str:
    return str(text).replace("&", "&&")


def _cells(r) -> list[str]:
    return [f"{get_column_letter(c)}{row}" for row, c in _cells_rc(r)]


def _cells_rc(r) -> list[tuple[int, int]]:
    return [(row, c) for row in range(r.min_row, r.max_row + 1) for c in range(r.min_col, r.max_col + 1)]


__all__ = ["A4", "MARGINS", "PAGE_WIDTH", "LINE_HEIGHT", "GRID", "char_width", "text_width", "line_count",
           "TOP", "Stamp", "stamp", "body", "looks", "shown", "font", "fit_columns", "fit_rows", "link", "link_text", "hyperlink_formula", "column_width", "grid", "print_setup"]
