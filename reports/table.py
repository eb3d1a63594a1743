"""The findings table as every writer reads it: plain, ordered records.

Writers get the same DataFrame but each needs plain Python values (json cannot
encode numpy ints, openpyxl rejects control characters, NaN is not "missing"
to a template), in the same order. Doing that once here keeps the seven
outputs in agreement.
"""
from __future__ import annotations

import dataclasses
import math
import re
import unicodedata
from collections import Counter
from datetime import date, datetime
from urllib.parse import urlsplit

import pandas as pd

from checks.findings import SEVERITIES, SEVERITY_RANK, Finding
from reports.names import NO_DEPARTMENT

COLUMNS = [f.name for f in dataclasses.fields(Finding)]

# Characters XML 1.0 forbids (and openpyxl refuses); a scraped title may carry them.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def plain(value):
    """A json/openpyxl-safe Python value: NaN/inf/NaT → None, numpy scalars → Python."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):  # a Finding in RunRecord.fixed
        value = dataclasses.asdict(value)
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):  # numpy scalar
        return plain(value.item())
    return value


def records(findings: pd.DataFrame | None) -> list[dict]:
    """One plain dict per finding, keys in Finding field order, most serious first."""
    if findings is None or len(findings) == 0:
        return []
    extra = [c for c in findings.columns if c not in COLUMNS]
    rows = [{c: plain(row.get(c)) for c in COLUMNS + extra}
            for row in findings.to_dict(orient="records")]
    for row in rows:
        if row["details"] is None:
            row["details"] = {}
    return sorted(rows, key=sort_key)


def sort_key(row: dict) -> tuple:
    """Severity (veto, deduct, notice), then rule, then url; fingerprint keeps ties stable."""
    return (SEVERITY_RANK.get(row.get("severity"), len(SEVERITIES)), row.get("rule") or "",
            row.get("url") or "", row.get("target") or "", row.get("fingerprint") or "")


def department(row: dict) -> str:
    return (row.get("department") or "").strip() or NO_DEPARTMENT


def crosstab(rows: list[dict], key) -> dict[str, Counter]:
    """key(row) → Counter of severities, keys in order of first appearance."""
    table: dict[str, Counter] = {}
    for row in rows:
        table.setdefault(key(row), Counter())[row.get("severity")] += 1
    return table


def severity_counts(rows: list[dict]) -> dict[str, int]:
    counts = Counter(row.get("severity") for row in rows)
    return {s: counts.get(s, 0) for s in SEVERITIES}


def clean_text(value) -> str:
    """Text safe for XML and spreadsheet cells; None → ''."""
    if value is None:
        return ""
    return _CONTROL.sub("", str(value))


def as_date(value) -> date | None:
    """An ISO date string (or date) as a date; anything unparsable → None, shown as blank."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def web_url(value) -> str | None:
    """The URL if it may become a link (http or https only), else None.

    A crawled page can carry javascript: or data: hrefs; those must never be clickable.
    """
    if not value or not isinstance(value, str):
        return None
    try:
        scheme = urlsplit(value.strip()).scheme.lower()
    except ValueError:
        return None
    return value.strip() if scheme in ("http", "https") else None


def page_url(row: dict) -> str | None:
    """Where the office goes to fix it: the page, or the target when no page is known."""
    return row.get("url") or row.get("target")


def format_score(score, digits: int = 1) -> str:
    """A score for people: at most `digits` decimals, no trailing zeros, '—' when unknown."""
    score = plain(score)
    if score is None:
        return "—"
    if isinstance(score, (int, float)) and not isinstance(score, bool):
        return f"{score:.{digits}f}".rstrip("0").rstrip(".")
    return str(score)


def display_width(text) -> int:
    """Width in half-width character cells: CJK and other wide characters take two.

    Excel column widths and the HTML chart's label column are both sized with it.
    """
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in str(text))
