"""The tables of an annual disclosure report page (政府信息公开工作年度报告), kept for the checks.

The report's statistics (sections 二, 三, 四 of the national form) are tables that
`report.inconsistent` (checks/rules/report.py) adds up; the crawl keeps no page's HTML, so the
crawler records these tables. A page is a report when its title says 年度报告 or 年报 and
信息公开 (ANNUAL_REPORT_TITLE). Each innermost <table> (one holding no other table: a layout table
around the article is no statistics table) is kept normalised: only tr/td/th with their rowspan and
colspan, each cell's words with its paragraphs and line breaks as spaces. The checks never judge
here; they read these grids.
"""
from __future__ import annotations

import re
from html import escape

ANNUAL_REPORT_TITLE = re.compile(r"(?:信息公开|政务公开).{0,12}(?:年度报告|年报)|(?:年度报告|年报).{0,6}信息公开")
MAX_TABLES = 30  # a report has three statistics tables; a page with more keeps the first ones
MAX_CELLS = 2000  # per table: a report's largest (section 三) has under 300


def report_tables(root, title: str) -> list[str] | None:
    """The normalised HTML of the innermost tables of a report page; [] on a report page with no
    table (a free-form or pre-2019 report, or one posted as an attachment); None on other pages."""
    if not ANNUAL_REPORT_TITLE.search(title or ""):
        return None
    kept = []
    for table in root.iter("table"):
        if any(inner is not table for inner in table.iter("table")):
            continue
        html = _normalised(table)
        if html:
            kept.append(html)
        if len(kept) >= MAX_TABLES:
            break
    return kept


def _normalised(table) -> str:
    rows, cells = [], 0
    for tr in table.iter("tr"):
        out = []
        for td in tr:
            if not isinstance(td.tag, str) or td.tag.lower() not in ("td", "th"):
                continue
            cells += 1
            if cells > MAX_CELLS:
                return ""
            attrs = "".join(f' {name}="{int(td.get(name))}"' for name in ("rowspan", "colspan")
                            if (td.get(name) or "").strip().isdigit() and int(td.get(name)) > 1)
            out.append(f"<td{attrs}>{escape(_words(td))}</td>")
        rows.append("<tr>" + "".join(out) + "</tr>")
    return "<table>" + "".join(rows) + "</table>" if cells else ""


def _words(td) -> str:
    parts = []
    for node in td.iter():
        if not isinstance(node.tag, str) or node.tag in ("script", "style"):
            continue
        if node.tag in ("p", "div", "br", "li") and parts:
            parts.append(" ")
        if node.text and node.tag not in ("script", "style"):
            parts.append(node.text)
        if node is not td and node.tail:
            parts.append(node.tail)
    return " ".join("".join(parts).split())
