"""Read an office's filled-in 整改清单 back: the 状态 it wrote per finding.

The office sheets of rectification.xlsx carry each finding's fingerprint in the hidden 编号 column
(reports/xlsx.py), so a row maps back to its finding however the office sorted, filtered or trimmed
the sheet. Offices send the workbook back as it is, or one sheet saved as CSV (Excel's "CSV UTF-8",
or plain "CSV", which a Chinese Windows writes in GBK).

A sheet with a 状态 column but no 编号 (a clerk copied the visible cells into a new workbook, or
deleted the column) is refused with the reason, never read as "nothing filled in": its statuses
would be lost without a word.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from reports.xlsx import FINGERPRINT, OWN_SHEETS, STATUS

from ..i18n import _

# Columns an office may add for its own explanation; the first one present is the note.
NOTE_HEADERS = ("备注", "整改情况", "说明", "情况说明")
# The encodings an office's CSV comes in, tried in this order: Excel's "CSV UTF-8" (with a BOM), then
# the GBK superset a Chinese Windows writes for plain "CSV". gb18030 decodes nearly any bytes, so last.
CSV_ENCODINGS = ("utf-8-sig", "gb18030")
CSV_DELIMITERS = ",\t;"


@dataclass
class Reported:
    rows: int = 0  # finding rows read (rows with a 编号)
    statuses: list[dict] = field(default_factory=list)  # {fingerprint, status, note, sheet, row}
    skipped_sheets: list[str] = field(default_factory=list)  # sheets without 编号 and 状态: not a list of findings
    unnumbered: list[dict] = field(default_factory=list)  # {sheet, row}: a 状态 filled in on a row without 编号


class WorkbookError(ValueError):
    """Not a workbook (or CSV) netcheck can read statuses from; the message is one line for the user."""


def read_statuses(path: Path) -> Reported:
    """The statuses filled in; raises WorkbookError for a file or sheet that cannot be read back."""
    path = Path(path)
    sheets = _csv_sheets(path) if path.suffix.lower() in (".csv", ".txt") else _xlsx_sheets(path)
    out = Reported()
    readable = 0
    for title, lines in sheets:
        header = [_text(v) for v in next(lines, ())]
        if FINGERPRINT not in header:
            if STATUS in header:
                raise WorkbookError(_("{path}：工作表“{sheet}”有“{status}”列但没有“{number}”列（隐藏列，复制或另存时丢失），"
                                      "填写的状态无法对应到问题；请在 netcheck 生成的 rectification.xlsx 里填写后原样导入")
                                    .format(path=path, sheet=title, status=STATUS, number=FINGERPRINT))
            out.skipped_sheets.append(title)
            continue
        if STATUS not in header:
            out.skipped_sheets.append(title)
            continue
        readable += 1
        _read_sheet(out, title, header, lines)
    if not readable:
        raise WorkbookError(_("{path}：没有含“{number}”和“{status}”列的工作表，不是 netcheck 的整改清单：请导入 netcheck "
                              "生成、科室填写了状态的 rectification.xlsx").format(path=path, number=FINGERPRINT, status=STATUS))
    return out


def _read_sheet(out: Reported, title: str, header: list[str], lines: Iterator[tuple]) -> None:
    fp_col, status_col = header.index(FINGERPRINT), header.index(STATUS)
    note_col = next((header.index(h) for h in NOTE_HEADERS if h in header), None)
    for number, line in enumerate(lines, start=2):
        fingerprint = _text(_cell(line, fp_col))
        status = _text(_cell(line, status_col))
        if not fingerprint:
            if status:
                out.unnumbered.append({"sheet": title, "row": number})
            continue
        out.rows += 1
        if status:
            note = _text(_cell(line, note_col)) if note_col is not None else ""
            out.statuses.append({"fingerprint": fingerprint, "status": status, "note": note or None,
                                 "sheet": title, "row": number})


def _xlsx_sheets(path: Path) -> Iterable[tuple[str, Iterator[tuple]]]:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        raise WorkbookError(_("{path}：不是可读取的 .xlsx 工作簿或 .csv 文件（{error}）").format(
            path=path, error=f"{exc.__class__.__name__}: {_one_line(exc)}")) from exc
    try:
        # netcheck's own sheets (汇总, 已整改（销号）, 未核实) hold nothing an office fills in.
        sheets = [(ws.title, ws.iter_rows(values_only=True)) for ws in wb.worksheets
                  if ws.title not in OWN_SHEETS]
        yield from sheets
    finally:
        wb.close()


def _csv_sheets(path: Path) -> list[tuple[str, Iterator[tuple]]]:
    """A CSV export of one sheet, named after the file."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise WorkbookError(_("{path}：无法读取（{error}）").format(path=path, error=exc.strerror or exc)) from exc
    text = _decode(path, data)
    try:
        dialect = csv.Sniffer().sniff(text[:4096].split("\n", 1)[0], delimiters=CSV_DELIMITERS)
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    try:
        rows = [tuple(row) for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    except csv.Error as exc:
        raise WorkbookError(_("{path}：不是可读取的 CSV 文件（{error}）").format(path=path, error=exc)) from exc
    return [(path.stem, iter(rows))]


def _decode(path: Path, data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode text": UTF-16 with a BOM, tab-separated
        return data.decode("utf-16")
    if b"\x00" in data[:4096]:
        raise WorkbookError(_("{path}：不是文本格式的 CSV 文件：请在 Excel 中另存为“CSV UTF-8”").format(path=path))
    for encoding in CSV_ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise WorkbookError(_("{path}：无法识别 CSV 文件的编码（应为 UTF-8 或 GBK）").format(path=path))


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split())


def _cell(line: tuple, col: int | None):
    return line[col] if col is not None and col < len(line) else None


def _text(value) -> str:
    return "" if value is None else str(value).strip()
