"""Read an office's filled-in 整改清单 (rectification.xlsx) back: the 状态 it wrote per finding.

The office sheets carry each finding's fingerprint in the hidden 编号 column (reports/xlsx.py),
so a row maps back to its finding however the office sorted, filtered or trimmed the sheet.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from reports.xlsx import FINGERPRINT, STATUS, SUMMARY, UNVERIFIED

# Columns an office may add for its own explanation; the first one present is the note.
NOTE_HEADERS = ("备注", "整改情况", "说明", "情况说明")


@dataclass
class Reported:
    rows: int = 0  # finding rows read (rows with a 编号)
    statuses: list[dict] = field(default_factory=list)  # {fingerprint, status, note, sheet, row}
    skipped_sheets: list[str] = field(default_factory=list)  # office sheets without a 编号 column


class WorkbookError(ValueError):
    """Not a workbook netcheck can read statuses from."""


def read_statuses(path: Path) -> Reported:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        raise WorkbookError(f"{path}: not a readable .xlsx workbook ({exc.__class__.__name__}: {exc})") from exc
    out = Reported()
    try:
        for ws in wb.worksheets:
            if ws.title in (SUMMARY, UNVERIFIED):  # netcheck's own sheets: nothing an office fills in
                continue
            lines = ws.iter_rows(values_only=True)
            header = [_text(v) for v in next(lines, ())]
            if FINGERPRINT not in header or STATUS not in header:
                out.skipped_sheets.append(ws.title)
                continue
            fp_col, status_col = header.index(FINGERPRINT), header.index(STATUS)
            note_col = next((header.index(h) for h in NOTE_HEADERS if h in header), None)
            for number, line in enumerate(lines, start=2):
                fingerprint = _text(_cell(line, fp_col))
                if not fingerprint:
                    continue
                out.rows += 1
                status = _text(_cell(line, status_col))
                if status:
                    note = _text(_cell(line, note_col)) if note_col is not None else ""
                    out.statuses.append({"fingerprint": fingerprint, "status": status, "note": note or None,
                                         "sheet": ws.title, "row": number})
    finally:
        wb.close()
    return out


def _cell(line: tuple, col: int | None):
    return line[col] if col is not None and col < len(line) else None


def _text(value) -> str:
    return "" if value is None else str(value).strip()
