"""A report table as rows of cells, rowspans and colspans laid out on a grid (the HTML table
model, as pandas.read_html over lxml lays them out), each cell kept once with the grid columns
it covers: Word-pasted tables shift a figure's colspan against its header's, so a figure is
paired with its header by order, and by position only when the orders do not agree."""
from __future__ import annotations

from dataclasses import dataclass

from lxml import html as lxml_html

from .cells import label_key

MAX_SPAN = 100  # a rowspan/colspan above this is a typo, read as 1


@dataclass(frozen=True)
class GridCell:
    """A table cell: its words, the first row it stands in, and the grid columns [start, end) it covers."""

    id: int
    text: str
    row: int
    start: int
    end: int

    @property
    def key(self) -> str:
        return label_key(self.text)


def _span(el, name: str) -> int:
    try:
        n = int(str(el.get(name, "1")).strip() or 1)
    except ValueError:
        return 1
    return n if 1 <= n <= MAX_SPAN else 1


def _words(el) -> str:
    """A cell's words, its paragraphs and line breaks joined by a space (商业</p><p>企业 → "商业 企业")."""
    for node in el.iter("br", "p", "div"):
        node.tail = " " + (node.tail or "")
    return " ".join(el.text_content().split())


def table_rows(table_html: str) -> list[list[GridCell]]:
    """Each row's cells left to right, cells spanning into a row from above included (same id)."""
    root = lxml_html.fragment_fromstring(table_html, create_parent="div")
    table = root if root.tag == "table" else next(root.iter("table"), None)
    if table is None:
        return []
    taken: dict[tuple[int, int], GridCell] = {}
    trs = [tr for tr in table.iter("tr") if _own_table(tr, table)]
    next_id = 0
    for r, tr in enumerate(trs):
        col = 0
        for td in tr:
            if td.tag not in ("td", "th"):
                continue
            while (r, col) in taken:
                col += 1
            rs, cs = _span(td, "rowspan"), _span(td, "colspan")
            cell = GridCell(next_id, _words(td), r, col, col + cs)
            next_id += 1
            for dr in range(rs):
                if r + dr >= len(trs):
                    break
                for dc in range(cs):
                    taken[(r + dr, col + dc)] = cell
            col += cs
    rows = []
    for r in range(len(trs)):
        seen, row = set(), []
        for (rr, c), cell in sorted(taken.items(), key=lambda kv: kv[0][1]):
            if rr == r and cell.id not in seen:
                seen.add(cell.id)
                row.append(cell)
        rows.append(row)
    return rows


def _own_table(tr, table) -> bool:
    parent = tr.getparent()
    while parent is not None and parent.tag != "table":
        parent = parent.getparent()
    return parent is table
