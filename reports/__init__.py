"""Report writers: render a run's findings into the run directory, one module per format.

Writers render and never re-judge: every file is drawn from the same findings
table and run dict, so the spreadsheet, the page and the CI results agree.
"""
from __future__ import annotations

import os
import uuid
from pathlib import Path
from typing import Callable

import pandas as pd

from reports.html import write_html
from reports.jsonl import write_findings, write_fixed
from reports.junit import write_junit
from reports.markdown import write_markdown
from reports.runjson import write_run
from reports.xlsx import write_rectification

Writer = Callable[[Path, pd.DataFrame, dict], None]

WRITERS: dict[str, Writer] = {
    "findings.jsonl": write_findings,
    "rectification.xlsx": write_rectification,
    "report.html": write_html,
    "junit.xml": write_junit,
    "summary.md": write_markdown,
    "run.json": write_run,
    "fixed.jsonl": write_fixed,
}


def write_all(run_dir: Path, findings: pd.DataFrame, run: dict) -> list[Path]:
    """Write every report into run_dir; return their paths in WRITERS order.

    Each file is written under a temporary name and moved into place, so a reader
    (or a crash half-way) never sees a half-written report. A writer that fails
    does not stop the others; the first failure is raised once they are done.
    """
    run_dir = Path(run_dir)
    run_dir.mkdir(parents=True, exist_ok=True)
    paths, errors = [], []
    for name, writer in WRITERS.items():
        try:
            paths.append(write_atomic(run_dir / name, writer, findings, run))
        except Exception as exc:  # noqa: BLE001 - re-raised below, after the other files
            errors.append((name, exc))
    if errors:
        name, exc = errors[0]
        raise ReportError(f"could not write {name}: {exc}") from exc
    return paths


def write_atomic(path: Path, writer: Writer, findings: pd.DataFrame, run: dict) -> Path:
    # Same directory as the target: os.replace is only atomic within one file system.
    # A dot name keeps it out of `ls`; the ".tmp" suffix tells anyone what it is.
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        writer(tmp, findings, run)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path


class ReportError(RuntimeError):
    """A report file could not be written; the others were."""


__all__ = ["WRITERS", "write_all", "write_atomic", "ReportError"]
