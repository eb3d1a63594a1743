"""Reading the 整改清单 back as a person reads it: rows of an office sheet by header, the text a
cell shows (a link's text, a date as yyyy-mm-dd and what its format adds)."""
from __future__ import annotations

from reports.xlsx import FINGERPRINT, HEADERS, OWN_SHEETS
from reports.xlsx_layout import shown

FIRST_AS_OF, SECOND_AS_OF = "2016-06-30", "2016-07-15"  # the demo's two rounds (netcheck demo, demo --fixed)


def office_sheets(book) -> list:
    return [ws for ws in book.worksheets if ws.title not in OWN_SHEETS]


def rows_of(ws, headers=HEADERS) -> list[dict]:
    """{header: cell} per data row."""
    assert [c.value for c in ws[1]] == headers
    return [dict(zip(headers, line)) for line in ws.iter_rows(min_row=2)]


def office_rows(book) -> dict[str, dict]:
    """fingerprint → {header: cell, 'sheet': name} over every office sheet."""
    out = {}
    for ws in office_sheets(book):
        for row in rows_of(ws):
            out[row[FINGERPRINT].value] = {**row, "sheet": ws.title}
    return out


def text(cell) -> str:
    return shown(cell)
