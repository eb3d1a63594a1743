"""What a clerk does to the template in Excel, done with openpyxl; and running netcheck for the
catalog tests (audits in a subprocess: the Twisted reactor runs once per process)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import openpyxl

ROOT = Path(__file__).resolve().parents[2]
AS_OF = "2016-06-30"
# The demo portal is on 127.0.0.1, which `netcheck audit` refuses without --allow-private.
FAST = ["--allow-private", "--no-cache", "--no-history", "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False",
        "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=16", "-s", "CONCURRENT_REQUESTS=16"]


def run_netcheck(*args, cwd=None, timeout=300):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "LANGUAGE": "zh_CN"}  # what offices see: Chinese
    return subprocess.run([sys.executable, "-m", "netcheck", *map(str, args)], capture_output=True, text=True,
                          timeout=timeout, cwd=cwd or ROOT, env=env, stdin=subprocess.DEVNULL)


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def run_json(run_dir: Path) -> dict:
    return json.loads((run_dir / "run.json").read_text(encoding="utf-8"))


def columns(ws) -> dict[str, int]:
    """Header → column number."""
    return {cell.value: cell.column for cell in ws[1] if cell.value is not None}


def rename(ws, old: str, new: str) -> None:
    ws.cell(row=1, column=columns(ws)[old]).value = new


def edit_like_a_clerk(template: Path, out: Path) -> Path:
    """The template, edited the way an office does without changing what it means:

    - the 说明 sheet deleted, the sheets left in their Chinese names;
    - headers retyped: 更新周期 without its unit, 公开时限(工作日) with half-width brackets, 严重程度
      for 级别, an English header (points) beside the Chinese ones;
    - aliases retyped with every separator a clerk uses: ， ； 、 , ; and line breaks;
    - severities in other words: 一票否决 and 否决 for 单项否决;
    - numbers typed as text ("14"), 是/否 as 需要/不需要;
    - in the 规则 sheet the rule's id column deleted (its Chinese name is enough), and 一票否决;
    - a 备注 filled in; the 设置 sheet's deadline typed as 3月31日.
    """
    book = openpyxl.load_workbook(template)
    del book["说明"]
    ws = book["栏目"]
    rename(ws, "更新周期（天）", "更新周期")
    rename(ws, "公开时限（工作日）", "公开时限(工作日)")
    rename(ws, "级别", "严重程度")
    rename(ws, "扣分", "points")
    col = columns(ws)
    separators = ["，", "；", "、", ",", ";", "\n"]
    for n, row in enumerate(ws.iter_rows(min_row=2), start=0):
        aliases = row[col["别名"] - 1]
        if aliases.value:
            names = aliases.value.split("、")
            if n % 2:  # one separator for the whole cell
                aliases.value = separators[n % len(separators)].join(names)
            else:  # every separator in one cell, spaces around them and one at the end
                aliases.value = "".join(f"{name} {separators[i % len(separators)]} " for i, name in enumerate(names))
        severity = row[col["严重程度"] - 1]
        if severity.value == "单项否决":
            severity.value = "一票否决" if n % 2 else "否决"
        days = row[col["更新周期"] - 1]
        if isinstance(days.value, int):
            days.value = str(days.value)
        flag = row[col["须标注索引号"] - 1]
        flag.value = {"是": "需要", "否": "不需要"}.get(flag.value, flag.value)
    ws.cell(row=2, column=col["备注"]).value = "2024年起由办公室维护"
    rules = book["规则"]
    rules.delete_cols(columns(rules)["规则编号"])
    rcol = columns(rules)
    for row in rules.iter_rows(min_row=2):
        if row[rcol["级别"] - 1].value == "单项否决":
            row[rcol["级别"] - 1].value = "一票否决"
    settings = book["设置"]
    for row in settings.iter_rows(min_row=2):
        if row[0].value == "年报截止日期":
            row[1].value = "3月31日"
    book.save(out)
    return out


def add_category(path: Path, row: dict[str, object]) -> Path:
    """One more category row, written under the Chinese headers given."""
    book = openpyxl.load_workbook(path)
    ws = book["栏目"]
    col = columns(ws)
    n = ws.max_row + 1
    for header, value in row.items():
        ws.cell(row=n, column=col[header]).value = value
    book.save(path)
    return path
