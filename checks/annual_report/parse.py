"""An annual report's tables read into the form's schema (checks/annual_report/form.py).

Input: the HTML of the report page's <table>s, as the crawl recorded them (PageRecord.report_tables).
Each table is laid out on a grid (grid.py); a table is section 二 when it speaks of 第二十条, 三 when
its header names the applicants (申请人情况, 自然人 …), 四 when it names 行政复议 and 行政诉讼. A table
that continues section 三 without a header (a table split in two) takes the header before it.

Cells are matched by their row's words and their column's header, never by position: a row's
figures are paired with the header's columns in order when there are as many of each (a colspan
shifted against the header's does not move a figure), else by the grid columns they cover. What
cannot be read (a cell that holds no number, a row or column no label names, a section not
there) is written in `Report.unread`; nothing is guessed.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from . import form
from .cells import Cell, label_key, read_cell
from .grid import GridCell, table_rows


@dataclass
class Report:
    """The parsed tables. s3[(row key, column)] and s4[(group, kind)] are the cells as read;
    s2[(row label, column label)] section 二's; edition '2019' / '2021' / None (not told);
    unread: what could not be read, in words."""

    s2: dict[tuple[str, str], Cell] = field(default_factory=dict)
    s3: dict[tuple[str, str], Cell] = field(default_factory=dict)
    s4: dict[tuple[str, str], Cell] = field(default_factory=dict)
    result_rows: int = 0  # rows seen under 三、本年度办理结果
    edition: str | None = None
    edition_signs: list[str] = field(default_factory=list)
    unread: list[str] = field(default_factory=list)

    @property
    def readable(self) -> bool:
        """True when section 三 or 四 was found with figures in it."""
        return bool(self.s3 or self.s4)


def parse_report(tables: list[str]) -> Report:
    report = Report()
    header3: list[str] | None = None
    for html in tables or ():
        rows = table_rows(html)
        if not rows:
            continue
        words = "".join(c.key for row in rows for c in row)
        if "第二十条" in words and not any(w in words for w in form.SECTION3_WORDS):
            _section2(rows, report)
        elif "行政复议" in words and "行政诉讼" in words and "本年新收" not in words:
            _section4(rows, report)
        elif any(w in words for w in form.SECTION3_WORDS) or ("本年度办理结果" in words and header3):
            header3 = _section3(rows, report, header3)
    for key in ("一", "二", "三（七）", "四"):
        if report.s3 and not any(k == key for k, _ in report.s3):
            report.unread.append(f"第三部分未找到“{form.ROWS3[key]}”行")
    if not report.s3:
        report.unread.append("未找到第三部分（收到和处理政府信息公开申请情况）表格")
    if not report.s4:
        report.unread.append("未找到第四部分（行政复议、行政诉讼情况）表格")
    report.edition = _edition(report)
    return report


# --- section 三 -----------------------------------------------------------------------------

def _section3(rows: list[list[GridCell]], report: Report, inherited: list[str] | None) -> list[str] | None:
    """Read section 三's rows into report.s3; returns the column header used (for a continuation)."""
    header, columns = inherited, None
    for row in rows:
        keys = [c.key for c in row]
        if any(k in form.SECTION3_WORDS for k in keys) and _row3(row)[0] is None:
            header, columns = _header3(rows, row)
            continue
        key, label = _row3(row)
        if key is None:
            continue
        if header is None:
            report.unread.append(f"第三部分“{label}”行：未找到申请人类别表头，无法对应各列")
            continue
        if key.startswith("三"):
            report.result_rows += 1
        values = [c for c in row if c.row == _row_index(row) and not _is_label(c)]
        if len(values) == len(header):
            pairs = list(zip(header, values))
        elif columns:
            pairs = [(name, next((c for c in values if c.start <= col < c.end), None)) for name, col in columns]
        else:
            report.unread.append(f"第三部分“{label}”行有 {len(values)} 个数值格，与表头的 {len(header)} 列对不上")
            continue
        for name, cell in pairs:
            if cell is None:
                report.unread.append(f"第三部分“{label}”行“{name}”列：无对应单元格")
                continue
            read = read_cell(cell.text)
            if not read.readable:
                report.unread.append(f"第三部分“{label}”行“{name}”列：“{cell.text}”不是数字")
            report.s3.setdefault((key, name), read)
    return header


def _row_index(row: list[GridCell]) -> int:
    """The grid row a row of cells is: the latest first row among its cells."""
    return max(c.row for c in row)


def _is_label(cell: GridCell) -> bool:
    """A cell of words (a row's or a column's name), not of a figure."""
    return not read_cell(cell.text).readable


def _header3(rows, header_row) -> tuple[list[str], list[tuple[str, int]]]:
    """The applicant columns in order (each header cell once) and, per grid column, its name."""
    at = _row_index(header_row)
    names, columns, seen = [], [], set()
    width = max((c.end for row in rows for c in row), default=0)
    for col in range(width):
        name = None
        for row in rows[: at + 1]:
            for c in row:
                if c.start <= col < c.end and c.key in form.COLUMNS3:
                    name = c.key
        if name:
            columns.append((name, col))
            if name not in seen:
                seen.add(name)
                names.append(name)
    return names, columns


def _row3(row: list[GridCell]) -> tuple[str | None, str]:
    """The section 三 row key a row's labels name, and the labels as shown."""
    labels = []
    for c in row:
        if _is_label(c) and c.key and c.key not in labels:
            labels.append(c.key)
    shown = " ".join(labels)
    for key, words in form.ROW_WORDS:
        if any(words.search(k) for k in labels):
            return key, shown
    group = item = None
    for k in labels:
        m = form.GROUP.match(k)
        if m:
            group = m.group(1)
        m = form.ITEM.match(k)
        if m:
            item = m.group(1)
    if group is None:
        return None, shown
    key = f"三（{group}）" + (item or "")
    return (key if key in form.ROWS3 else None), shown


# --- section 四 -----------------------------------------------------------------------------

def _section4(rows: list[list[GridCell]], report: Report) -> None:
    columns: list[tuple[tuple[str, str], int]] = []
    width = max((c.end for row in rows for c in row), default=0)
    header_ids = set()
    for col in range(width):
        group = kind = None
        for row in rows:
            for c in row:
                if not (c.start <= col < c.end):
                    continue
                k = c.key
                if "复议后起诉" in k:
                    group, _ = "复议后起诉", header_ids.add(c.id)
                elif "直接起诉" in k and group != "复议后起诉":
                    group, _ = "未经复议直接起诉", header_ids.add(c.id)
                elif k == "行政复议" and group is None:
                    group, _ = "行政复议", header_ids.add(c.id)
                elif k == "行政诉讼":
                    header_ids.add(c.id)
                else:
                    for name, word in form.KIND_WORDS:
                        if word in k and not read_cell(c.text).readable:
                            kind = name
                            header_ids.add(c.id)
                            break
        if group and kind:
            columns.append(((group, kind), col))
    if not columns:
        report.unread.append("第四部分表格未找到“行政复议/行政诉讼”各列表头")
        return
    header = [gk for gk, _ in columns]
    for row in rows:
        own = [c for c in row if c.row == _row_index(row) and c.id not in header_ids]
        if not own or not any(read_cell(c.text).value is not None or read_cell(c.text).blank for c in own):
            continue
        if all(read_cell(c.text).blank for c in own) and any(c.id in header_ids for c in row):
            continue  # the empty cells under a header row (a three-row header's filler)
        if len(own) == len(header):
            pairs = list(zip(header, own))
        else:
            pairs = [(gk, next((c for c in own if c.start <= col < c.end), None)) for gk, col in columns]
        for (group, kind), cell in pairs:
            if cell is None:
                report.unread.append(f"第四部分“{group}/{kind}”：无对应单元格")
                continue
            read = read_cell(cell.text)
            if not read.readable:
                report.unread.append(f"第四部分“{group}/{kind}”：“{cell.text}”不是数字")
            report.s4.setdefault((group, kind), read)
        break


# --- section 二 -----------------------------------------------------------------------------

def _section2(rows: list[list[GridCell]], report: Report) -> None:
    header: list[str] = []
    for row in rows:
        own = [c for c in row if c.row == _row_index(row)]
        keys = [c.key for c in own]
        if not keys or keys[0].startswith("第二十条"):
            continue
        if keys[0] == "信息内容":
            header = keys[1:]
            report.edition_signs += [k for k in header if k in form.SECTION2_2019 + form.SECTION2_2021]
            continue
        if not header:
            continue
        values = own[1:]
        if len(values) != len(header):
            report.unread.append(f"第二部分“{keys[0]}”行有 {len(values)} 个数值格，与表头的 {len(header)} 列对不上")
            continue
        for name, cell in zip(header, values):
            report.s2.setdefault((keys[0], name), read_cell(cell.text))


def _edition(report: Report) -> str | None:
    signs = []
    if any(s in form.SECTION2_2021 for s in report.edition_signs):
        signs.append("2021")
    if any(s in form.SECTION2_2019 for s in report.edition_signs):
        signs.append("2019")
    if report.s3:
        if any(k.startswith("三（六）") and k != "三（六）" for k, _ in report.s3):
            signs.append("2021")
        elif any(k == "三（六）" for k, _ in report.s3):
            signs.append("2019")
    found = set(signs)
    return found.pop() if len(found) == 1 else None
