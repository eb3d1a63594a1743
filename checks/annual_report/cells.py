"""Reading a report table's cells: the label key of a cell's words, and the number a cell holds.

Word-pasted tables split a label over <p>s (`商业</p><p>企业`, read back as "商业 企业"), mix full-
and half-width brackets and digits, and write a blank count as nothing, `&nbsp;`, `/`, `—` or `-`.
A number may carry its unit (`251000元`) or a sign (`+5174`, a 本年增/减 cell).
"""
from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass

# What a blank count is written as, once spaces are gone (NaN: an empty cell or one of &nbsp;).
BLANKS = frozenset({"", "/", "／", "-", "－", "—", "——", "–", "无", "\\"})
# Units a figure may carry after it; the figure is read, the unit kept.
UNITS = ("万元", "元", "件", "项", "个", "次", "人次", "家", "条")
NUMBER = re.compile(r"([+-]?)(\d+(?:\.\d+)?)(" + "|".join(UNITS) + r")?")
SPACE = re.compile(r"\s+")


def label_key(text) -> str:
    """A label as compared: NFKC (full-width → half-width), no spaces, Chinese brackets for ( )."""
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return ""
    key = SPACE.sub("", unicodedata.normalize("NFKC", str(text)))
    return key.replace("(", "（").replace(")", "）").replace("．", ".").replace("、", "、")


@dataclass(frozen=True)
class Cell:
    """One value cell as read: `value` the number (None when blank or unreadable), `blank` True
    when the cell was written empty (or /, —, -), `raw` the cell's words, `unit` a unit written
    with the number ('' when none)."""

    raw: str
    value: float | None
    blank: bool = False
    unit: str = ""

    @property
    def readable(self) -> bool:
        return self.blank or self.value is not None


def read_cell(text) -> Cell:
    """The number in a value cell: blank, a number (with sign, decimals, a unit), else unreadable."""
    raw = "" if text is None or (isinstance(text, float) and math.isnan(text)) else str(text)
    key = SPACE.sub("", unicodedata.normalize("NFKC", raw)).replace(",", "")
    if key in BLANKS:
        return Cell(raw, None, blank=True)
    m = NUMBER.fullmatch(key)
    if not m:
        return Cell(raw, None)
    value = float(m.group(2)) * (-1 if m.group(1) == "-" else 1)
    return Cell(raw, value, unit=m.group(3) or "")


def show(value: float | None) -> str:
    """A figure as a report writes it: 12, not 12.0."""
    if value is None:
        return "空"
    return f"{value:g}" if value != int(value) else str(int(value))
