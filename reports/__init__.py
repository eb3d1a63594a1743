"""Report writers: render a run's findings into the run directory, one module per format.

Writers render and never re-judge: every file is drawn from the same findings
table and run record (reports.runrecord), so the spreadsheet, the page and the CI results agree.
"""
from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path
from typing import Any, Callable

import pandas as pd

from reports.html import write_html
from reports.jsonl import write_findings, write_fixed
from reports.junit import write_junit
from reports.markdown import write_markdown
from reports.runjson import write_run
from reports.runrecord import RunRecord
from reports.xlsx import write_rectification

Writer = Callable[[Path, pd.DataFrame, RunRecord], None]
_STAGE = ".reports-"  # a hidden folder in the run directory: the set of reports being written
_PART = ".part"  # on each file in it, so that nothing looking for a run's run.json finds it there

WRITERS: dict[str, Writer] = {
    "findings.jsonl": write_findings,
    "rectification.xlsx": write_rectification,
    "report.html": write_html,
    "junit.xml": write_junit,
    "summary.md": write_markdown,
    "run.json": write_run,
    "fixed.jsonl": write_fixed,
}


def write_all(run_dir: Path, findings: pd.DataFrame, run: RunRecord) -> list[Path]:
    """Write every report into run_dir; return their paths in WRITERS order.

    The reports are one set, swapped in whole: each is written into a hidden staging folder
    in run_dir (`.reports-*.tmp/NAME.part`), which is renamed `.reports-*.commit` once all
    are written, and only then are they moved into place, run.json last. A process killed
    while writing leaves the previous set untouched (and a staging folder the next write
    removes); one killed while moving leaves the `.commit` folder, whose files the next write
    into run_dir moves into place first (`recover`). So the files never mix two runs, and
    none is ever half-written. A writer that fails does not stop the others; the files that
    were written are moved into place, and the first failure is raised.
    """
    run_dir = Path(run_dir)
    run_dir.mkdir(parents=True, exist_ok=True)
    recover(run_dir)
    stage = run_dir / f"{_STAGE}{uuid.uuid4().hex[:8]}.tmp"
    stage.mkdir()
    errors = []
    try:
        for name, writer in WRITERS.items():
            try:
                writer(stage / (name + _PART), findings, run)
            except Exception as exc:  # noqa: BLE001 - re-raised below, after the other files
                (stage / (name + _PART)).unlink(missing_ok=True)
                errors.append((name, exc))
        commit = stage.rename(stage.with_suffix(".commit"))  # the set is whole: from here on it goes in
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    _move_into_place(commit, run_dir)
    if errors:
        name, exc = errors[0]
        raise ReportError(f"could not write {name}: {exc}") from exc
    return [run_dir / name for name in WRITERS]


def recover(run_dir: Path) -> None:
    """Finish what a process killed while writing reports into run_dir left: move a whole set's
    files into place, remove a set that was still being written (and the single `.NAME.*.tmp`
    files of netcheck versions that replaced the reports one by one). One writer per run directory."""
    run_dir = Path(run_dir)
    for commit in sorted(run_dir.glob(f"{_STAGE}*.commit")):
        _move_into_place(commit, run_dir)
    for stage in run_dir.glob(f"{_STAGE}*.tmp"):
        shutil.rmtree(stage, ignore_errors=True)
    for name in WRITERS:
        for old in run_dir.glob(f".{name}.*.tmp"):
            old.unlink(missing_ok=True)


def _move_into_place(commit: Path, run_dir: Path) -> None:
    # run.json last: it says which run the directory holds (netcheck index, history --prune-dirs).
    for part in sorted(os.listdir(commit), key=lambda n: n == "run.json" + _PART):
        os.replace(commit / part, run_dir / part.removesuffix(_PART))
    commit.rmdir()


def write_atomic(path: Path, writer: Callable[[Path, pd.DataFrame | None, Any], None], findings: pd.DataFrame | None,
                 data: RunRecord | Any) -> Path:
    """writer(path, findings, data) into a temporary file beside path, then renamed onto it: a run
    writer with its run record, or another page's writer with what it renders (reports.ranking)."""
    # Same directory as the target: os.replace is only atomic within one file system.
    # A dot name keeps it out of `ls`; the ".tmp" suffix tells anyone what it is.
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        writer(tmp, findings, data)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path


class ReportError(RuntimeError):
    """A report file could not be written; the others were."""


__all__ = ["WRITERS", "write_all", "write_atomic", "recover", "ReportError"]
