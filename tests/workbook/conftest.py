"""Two rounds of the demo audit with history, the office's statuses imported between them, as a
department lives through 整改: round 1 (2016-06-30), the office fills in 状态 and it is imported,
round 2 on the fixed portal (2016-07-15). Its workbook is what these tests read back and print.

Audits run as subprocesses (the Twisted reactor runs once per process), with their own history
database under tmp.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

ROOT = Path(__file__).resolve().parents[2]
FIRST_AS_OF, SECOND_AS_OF = "2016-06-30", "2016-07-15"


def run_netcheck(*args, timeout=300):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-m", "netcheck", *map(str, args)], capture_output=True, text=True,
                            timeout=timeout, cwd=ROOT, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def fill_in(workbook: Path, statuses: dict[str, str], out: Path) -> None:
    """Write 状态 by 编号 into the office sheets, as a clerk does in Excel."""
    wb = openpyxl.load_workbook(workbook)
    for ws in wb.worksheets:
        header = [c.value for c in ws[1]]
        if "编号" not in header or "状态" not in header:
            continue
        fp_col, status_col = header.index("编号") + 1, header.index("状态") + 1
        for row in range(2, ws.max_row + 1):
            fp = ws.cell(row=row, column=fp_col).value
            if fp in statuses:
                ws.cell(row=row, column=status_col, value=statuses[fp])
    wb.save(out)


@pytest.fixture(scope="session")
def rounds(tmp_path_factory) -> dict:
    base = tmp_path_factory.mktemp("workbook-rounds")
    db, run1, run2 = base / "history.sqlite3", base / "run1", base / "run2"
    run_netcheck("demo", "--out", run1, "--history", db, timeout=180)
    first = {(f["rule"], f["category"]): f for f in read_jsonl(run1 / "findings.jsonl")}
    reported = {
        first[("item.late", "行政处罚")]["fingerprint"]: "已整改",  # said fixed; round 2 still finds it
        first[("column.empty", "人事信息")]["fingerprint"]: "整改中",
        next(f["fingerprint"] for f in first.values() if f["rule"] == "privacy.leak"): "已整改",  # and it is
    }
    filled = base / "反馈.xlsx"
    fill_in(run1 / "rectification.xlsx", reported, filled)
    run_netcheck("import-status", filled, "--history", db)
    run_netcheck("demo", "--fixed", "--out", run2, "--history", db, timeout=180)
    return {"run1": run1, "run2": run2, "reported": reported, "base": base,
            "first": read_jsonl(run1 / "findings.jsonl"), "second": read_jsonl(run2 / "findings.jsonl"),
            "fixed": read_jsonl(run2 / "fixed.jsonl"),
            "run": json.loads((run2 / "run.json").read_text(encoding="utf-8"))}


@pytest.fixture(scope="session")
def book(rounds):
    """Round 2's 整改清单 as openpyxl reads it."""
    return openpyxl.load_workbook(rounds["run2"] / "rectification.xlsx")


# --- findings built in-process, for workbooks of a chosen shape ------------------------------------

SITE = "http://fda.example.gov.cn/"


def finding(rule, severity, department, category=None, url=None, evidence="", points=1.0, target=None,
            **extra) -> dict:
    from checks.findings import Finding, fingerprint

    return Finding(rule=rule, severity=severity, points=points, site=SITE, department=department,
                   category=category, url=url, target=target, title="标题", evidence=evidence,
                   detected_on="2024-05-06", deadline="2024-05-20",
                   fingerprint=fingerprint(rule, SITE, category, url, target), **extra).to_dict()


@pytest.fixture
def make_finding():
    return finding


@pytest.fixture
def to_frame():
    import pandas as pd

    from reports.table import COLUMNS

    return lambda rows: pd.DataFrame(rows, columns=COLUMNS)


@pytest.fixture
def run() -> dict:
    return {"site": SITE, "as_of": "2024-05-06", "status": "complete",
            "catalog": {"name": "测试目录", "path": "catalog.yaml", "digest": "sha256:abc"},
            "counts": {"pages": 42, "findings": 0, "by_rule": {}}, "score": 100.0, "veto": False,
            "veto_reasons": [], "fixed": []}
