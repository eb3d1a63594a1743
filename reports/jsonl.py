"""findings.jsonl and fixed.jsonl: one JSON object per line, the machine-readable truth."""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from reports.runrecord import RunRecord
from reports.table import plain, records


def _write_lines(path: Path, rows: list[dict]) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        for row in rows:
            fh.write(json.dumps(plain(row), ensure_ascii=False, allow_nan=False) + "\n")


def write_findings(path: Path, findings: pd.DataFrame, run: RunRecord) -> None:
    _write_lines(path, records(findings))


def write_fixed(path: Path, findings: pd.DataFrame, run: RunRecord) -> None:
    """Findings of the previous run that are gone now; empty file without history."""
    _write_lines(path, list(run.fixed))
