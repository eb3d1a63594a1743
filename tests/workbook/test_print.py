"""The 整改清单 on paper. LibreOffice prints the workbook to PDF (`libreoffice --headless
--convert-to pdf`), and the PDF is read back with pdfminer.six: each sheet prints on the pages its
rows need (汇总 on one), the header row heads every page of a list, nothing is printed below 9 pt,
and no text is cut: every character of every visible cell is on paper, inside its cell, over no
other. Two workbooks: the demo's second round (offices, 已整改（销号）) and a long partial run (a
forty-row list over several pages, twelve offices, 未核实). The pages are saved as images in
tests/browser/artifacts/ (workbook-demo-*.png, workbook-long-*.png) for people to look at.

Skipped, with the reason, where LibreOffice (or the fonts it needs to print as Excel does) is not
installed; .ci/run installs libreoffice-calc, fonts-crosextra-carlito and poppler-utils.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import openpyxl
import pytest
from printout import (crossings, libreoffice, metric_font_missing, outside, overlaps, page_images, read_pages,
                      to_pdf)

from reports.xlsx import FIXED, SUMMARY, UNVERIFIED
from reports.xlsx_layout import MARGINS, shown

ARTIFACTS = Path(__file__).resolve().parents[1] / "browser" / "artifacts"  # gitignored
MIN_POINTS = 9.0
A4_SHORT_SIDE = 210 / 25.4 * 72  # points: the height of an A4 landscape page


@pytest.fixture(scope="module", params=["demo", "long"])
def printed(request, rounds, long_workbook, tmp_path_factory):
    if libreoffice() is None:
        pytest.skip("LibreOffice is not installed (Debian: libreoffice-calc): cannot print the workbook")
    missing = metric_font_missing()
    if missing:
        pytest.skip(f"LibreOffice would not print as Excel does: {missing}")
    workbook = rounds["run2"] / "rectification.xlsx" if request.param == "demo" else long_workbook
    book = openpyxl.load_workbook(workbook)
    pdf = to_pdf(workbook, tmp_path_factory.mktemp(f"printed-{request.param}"))
    images = page_images(pdf, ARTIFACTS, f"workbook-{request.param}")
    pages = read_pages(pdf, book.sheetnames)
    return {"name": request.param, "book": book, "pdf": pdf, "pages": pages, "images": images,
            "by_sheet": {name: [p for p in pages if p.sheet == name] for name in book.sheetnames}}


def expected_pages(ws, scale: float) -> int:
    """Rows laid on pages as a spreadsheet pages them: whole rows, the header row again on each page."""
    body = (A4_SHORT_SIDE - 72 * (MARGINS["top"] + MARGINS["bottom"])) / scale
    heights = [ws.row_dimensions[r].height or 15 for r in range(1, ws.max_row + 1)]
    repeat = heights[0] if ws.print_title_rows else 0
    pages, used = 1, heights[0]
    for h in heights[1:]:
        if used + h > body:
            pages, used = pages + 1, repeat
        used += h
    return pages


def test_every_page_belongs_to_a_sheet_in_order_and_counts_from_one(printed):
    book = printed["book"]
    assert all(p.sheet for p in printed["pages"]), [p.header for p in printed["pages"] if not p.sheet]
    order = [p.sheet for p in printed["pages"]]
    assert sorted(set(order), key=order.index) == book.sheetnames  # every sheet printed, in order
    for name, pages in printed["by_sheet"].items():
        numbers = ["".join(h.split()) for p in pages for h in p.header if h.replace(" ", "").startswith("第")]
        assert numbers == [f"第{i}页" for i in range(1, len(pages) + 1)], name
    site = next(r[1] for r in book[SUMMARY].iter_rows(values_only=True) if r[0] == "站点")
    assert all(site in p.footer for p in printed["pages"])  # whose list, on every page


def test_each_sheet_prints_on_the_pages_its_rows_need(printed):
    book = printed["book"]
    assert len(printed["by_sheet"][SUMMARY]) == 1  # 汇总 on one page
    counts = {}
    for ws in book.worksheets[1:]:
        pages = printed["by_sheet"][ws.title]
        counts[ws.title] = len(pages)
        assert len(pages) == expected_pages(ws, pages[0].body_size() / 11), ws.title
    assert max(counts.values()) >= 2  # a list runs over a page: its header row repeats
    assert len(printed["pages"]) == 1 + sum(counts.values())
    own = {"demo": FIXED, "long": UNVERIFIED}[printed["name"]]
    assert counts[own] >= 1
    if printed["name"] == "long":
        notes = [r[0] for r in book[SUMMARY].iter_rows(values_only=True) if str(r[0]).startswith("注：")]
        assert notes[0].startswith("注：链接不可用各项扣分合计") and len(notes) == 2  # the cap, then the sum


def test_the_header_row_heads_every_page_of_a_list(printed):
    book = printed["book"]
    for ws in book.worksheets[1:]:
        headers = [c.value for c in ws[1] if c.value and not ws.column_dimensions[c.column_letter].hidden]
        for page in printed["by_sheet"][ws.title]:
            text = page.text()
            assert all(h in text for h in headers), (ws.title, page.number)


def test_nothing_prints_below_9_points(printed):
    for page in printed["pages"]:
        small = [g.text for g in page.glyphs if g.size < MIN_POINTS]
        assert not small, (page.sheet, page.number, min(g.size for g in page.glyphs), "".join(small)[:40])
        if page.sheet != SUMMARY:  # a list is fit to the page's width only: near full size, 11 pt
            assert page.body_size() >= 10, (page.sheet, page.body_size())


def visible_chars(ws) -> Counter:
    hidden = {k for k, d in ws.column_dimensions.items() if d.hidden}
    out = Counter()
    for line in ws.iter_rows():
        for cell in line:
            if cell.value is not None and cell.column_letter not in hidden:
                out.update(ch for ch in shown(cell) if not ch.isspace())
    return out


def test_every_character_of_every_visible_cell_is_on_paper(printed):
    for ws in printed["book"].worksheets:
        on_paper = Counter()
        for page in printed["by_sheet"][ws.title]:
            on_paper += page.chars()
        missing = visible_chars(ws) - on_paper
        assert not missing, (ws.title, dict(missing))


def test_no_text_runs_out_of_its_cell_or_over_other_text(printed):
    for page in printed["pages"]:
        assert page.rules  # the tables' grid
        assert not crossings(page), (page.sheet, page.number, crossings(page)[:5])
        assert not overlaps(page), (page.sheet, page.number, overlaps(page)[:5])
        if page.sheet != SUMMARY:
            assert not outside(page), (page.sheet, page.number, "".join(outside(page))[:40])


def test_page_images_are_saved_for_people(printed):
    if not printed["images"]:
        pytest.skip("pdftoppm (Debian: poppler-utils) is not installed: no page images")
    assert len(printed["images"]) == len(printed["pages"])
    assert all(p.stat().st_size > 10_000 for p in printed["images"])
