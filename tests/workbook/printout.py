"""A printed workbook read back: LibreOffice's PDF of it, page by page, with pdfminer.six.

Each page knows its sheet (the page header names it: reports/xlsx_layout.print_setup), its
glyphs (text, box, size) below the page header, and the table rules (the grid's grey lines).
"""
from __future__ import annotations

import shutil
import subprocess
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar, LTLine, LTTextLineHorizontal

from reports.xlsx_layout import MARGINS

GRID_GREY = 0xA6 / 255  # reports.xlsx_layout's grid colour, A6A6A6
HEADER_ZONE = MARGINS["top"] * 72 - 4  # points from the page's top: the page header, not the sheet
FOOTER_ZONE = MARGINS["bottom"] * 72 - 4  # points from the page's foot: the page footer


def libreoffice() -> str | None:
    return shutil.which("libreoffice") or shutil.which("soffice")


def metric_font_missing() -> str | None:
    """Why LibreOffice would not print as Excel does here, or None. The workbook's font is Calibri;
    without a font of the same metrics (Carlito) LibreOffice sets every column in a wider one."""
    fc = shutil.which("fc-match")
    if fc is None:
        return None
    found = subprocess.run([fc, "Calibri"], capture_output=True, text=True).stdout
    if "Carlito" not in found:
        return f"no font metric-compatible with Calibri (fc-match: {found.strip()}; Debian: fonts-crosextra-carlito)"
    cjk = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True).stdout
    if not cjk.strip():
        return "no Chinese font (Debian: fonts-noto-cjk)"
    return None


def to_pdf(workbook: Path, out: Path, timeout: int = 240) -> Path:
    """`libreoffice --headless --convert-to pdf`, with a profile of its own (a running LibreOffice
    would otherwise take the job and print nothing)."""
    out.mkdir(parents=True, exist_ok=True)
    profile = (out / "lo-profile").resolve()
    result = subprocess.run([libreoffice(), f"-env:UserInstallation={profile.as_uri()}", "--headless",
                             "--norestore", "--convert-to", "pdf", "--outdir", str(out), str(workbook)],
                            capture_output=True, text=True, timeout=timeout)
    pdf = out / (workbook.stem + ".pdf")
    assert pdf.is_file(), result.stdout + result.stderr
    return pdf


def page_images(pdf: Path, out: Path, prefix: str) -> list[Path]:
    """PNG images of the pages (pdftoppm, from poppler-utils), for people to look at."""
    if shutil.which("pdftoppm") is None:
        return []
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob(f"{prefix}-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-r", "80", "-png", str(pdf), str(out / prefix)], check=True, timeout=120)
    return sorted(out.glob(f"{prefix}-*.png"))


@dataclass
class Glyph:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    size: float


@dataclass
class Page:
    number: int
    sheet: str | None
    header: list[str]
    footer: list[str] = field(default_factory=list)
    glyphs: list[Glyph] = field(default_factory=list)
    rules: list[tuple[float, float, float, float]] = field(default_factory=list)  # grid lines: x0, y0, x1, y1

    def text(self) -> str:
        return "".join(g.text for g in self.glyphs)

    def chars(self) -> Counter:
        return Counter(ch for g in self.glyphs for ch in g.text if not ch.isspace())

    def body_size(self) -> float:
        """The size most of the page's text is set in."""
        return Counter(round(g.size, 1) for g in self.glyphs).most_common(1)[0][0]


def read_pages(pdf: Path, sheets: list[str]) -> list[Page]:
    pages = []
    for number, layout in enumerate(extract_pages(str(pdf)), start=1):
        top, foot = layout.height - HEADER_ZONE, FOOTER_ZONE
        lines = list(_walk(layout, LTTextLineHorizontal))
        header = [line.get_text().strip() for line in lines if line.y0 > top]
        named = [h for h in header if h in sheets]
        page = Page(number, named[0] if named else None, header,
                    [line.get_text().strip() for line in lines if line.y1 < foot])
        for ch in _walk(layout, LTChar):
            if foot <= ch.y0 <= top:
                # The glyph's ink, about: from a little under the baseline to a cap's height above it
                # (the font's box, ascent to descent, is taller than a tight row and overlaps the next line).
                base = ch.matrix[5]
                page.glyphs.append(Glyph(ch.get_text(), ch.x0, base - 0.12 * ch.size, ch.x1, base + 0.8 * ch.size,
                                         ch.size))
        for line in _walk(layout, LTLine):
            colour = line.stroking_color
            if isinstance(colour, (list, tuple)) and len(colour) == 3 and all(abs(c - GRID_GREY) < 0.02 for c in colour):
                page.rules.append((line.x0, line.y0, line.x1, line.y1))
        pages.append(page)
    return pages


def crossings(page: Page, slack: float = 1.0) -> list[tuple[str, tuple]]:
    """Glyphs a table rule runs through: text that ran out of its cell (too long for the row's
    height, or for the column's width)."""
    out = []
    for g in page.glyphs:
        if not g.text.strip():
            continue
        for x0, y0, x1, y1 in page.rules:
            horizontal = abs(y1 - y0) < 0.5
            if horizontal and g.y0 + slack < y0 < g.y1 - slack and x0 < g.x1 - slack and g.x0 + slack < x1:
                out.append((g.text, (x0, y0, x1, y1)))
            elif not horizontal and g.x0 + slack < x0 < g.x1 - slack and y0 < g.y1 - slack and g.y0 + slack < y1:
                out.append((g.text, (x0, y0, x1, y1)))
    return out


def outside(page: Page, slack: float = 1.0) -> list[str]:
    """Glyphs left or right of the table (a page with a table): text printed where no column is."""
    verticals = [x0 for x0, y0, x1, y1 in page.rules if abs(x1 - x0) < 0.5]
    if not verticals:
        return []
    left, right = min(verticals), max(verticals)
    return [g.text for g in page.glyphs if g.text.strip() and (g.x0 < left - slack or g.x1 > right + slack)]


def overlaps(page: Page, share: float = 0.25) -> list[tuple[str, str]]:
    """Pairs of glyphs drawn over each other (more than `share` of the smaller one's box)."""
    cells: dict[tuple[int, int], list[Glyph]] = {}
    for g in page.glyphs:
        if g.text.strip():
            cells.setdefault((int(g.x0 // 20), int(g.y0 // 20)), []).append(g)
    out = []
    for (cx, cy), here in cells.items():
        near = [g for dx in (-1, 0, 1) for dy in (-1, 0, 1) for g in cells.get((cx + dx, cy + dy), [])]
        for a in here:
            for b in near:
                if a is b or id(a) > id(b):
                    continue
                w = min(a.x1, b.x1) - max(a.x0, b.x0)
                h = min(a.y1, b.y1) - max(a.y0, b.y0)
                smaller = min((a.x1 - a.x0) * (a.y1 - a.y0), (b.x1 - b.x0) * (b.y1 - b.y0)) or 1
                if w > 0 and h > 0 and w * h > share * smaller:
                    out.append((a.text, b.text))
    return out


def _walk(node, kind):
    if isinstance(node, kind):
        yield node
    elif hasattr(node, "__iter__") and not isinstance(node, LTChar):
        for child in node:
            yield from _walk(child, kind)
