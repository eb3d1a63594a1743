"""Running netcheck for the history tests: in subprocesses (the Twisted reactor runs once per
process), and filling in a rectification workbook as an office does."""
import json
import os
import subprocess
import sys
from pathlib import Path

import openpyxl

from reports.xlsx import OWN_SHEETS

ROOT = Path(__file__).resolve().parents[2]
FIRST_AS_OF, SECOND_AS_OF = "2016-06-30", "2016-07-15"


def run_netcheck(*args, timeout=300, env=None):
    env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    return subprocess.run([sys.executable, "-m", "netcheck", *map(str, args)], capture_output=True, text=True,
                          timeout=timeout, cwd=ROOT, env=env)


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def office_fills_in(workbook: Path, statuses: dict[str, tuple[str, str | None]], out: Path,
                    unknown: str | None = None) -> None:
    """Write 状态 (and a 备注 column the office adds) by fingerprint, as an office would in Excel."""
    wb = openpyxl.load_workbook(workbook)
    for ws in wb.worksheets[1:]:
        if ws.title in OWN_SHEETS:  # netcheck's own (未核实, 本网站抓取统计 …): no office's
            continue
        header = [c.value for c in ws[1]]
        fp_col, status_col = header.index("编号") + 1, header.index("状态") + 1
        note_col = len(header) + 1
        ws.cell(row=1, column=note_col, value="备注")
        for row in range(2, ws.max_row + 1):
            fp = ws.cell(row=row, column=fp_col).value
            if fp in statuses:
                status, note = statuses[fp]
                ws.cell(row=row, column=status_col, value=status)
                ws.cell(row=row, column=note_col, value=note)
    if unknown:  # a row pasted in from some other list
        ws = wb.worksheets[1]
        ws.append([99, "其他", "", "", "", None, None, "", 0, "", "已整改", unknown])
    wb.save(out)
