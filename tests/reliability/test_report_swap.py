"""The reports go into a run directory as one set. A process killed at any step of writing them
(SIGKILL in a forked child, after each file is written, after each rename) leaves the previous set
whole, or the new one marked for moving in, and the next write into the directory (`recover`)
finishes or discards what it left: never a mix of two runs, never a half-written file."""
import os
import signal
import sys

import pandas as pd
import pytest

import reports
from checks.findings import Finding, fingerprint
from reports.index_page import find_runs
from reports.runrecord import RunRecord
from reports.table import COLUMNS
from rundir import REPORTS, assert_one_run, read_reports, stray

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="fork and SIGKILL are POSIX")

SITE = "http://fda.example.gov.cn/"
# A whole write: each of the seven files written, the set marked whole, each file moved, the folder removed.
STEPS = len(REPORTS) + 1 + len(REPORTS) + 1


def a_run(started: str, n: int) -> tuple[pd.DataFrame, RunRecord]:
    """A run of n findings over two offices, told apart from another by its start time."""
    found = [Finding(rule="link.broken", severity="deduct", points=0.5, site=SITE, department=office,
                     category=None, url=f"{SITE}news/{k}.html", target=f"{SITE}files/{k}.pdf", title="标题",
                     evidence="附件链接返回404。", detected_on="2016-06-30", deadline="2016-07-14",
                     fingerprint=fingerprint("link.broken", SITE, None, f"{SITE}news/{k}.html", f"{SITE}files/{k}.pdf"))
             for k, office in zip(range(n), ["办公室", "信息中心"] * n)]
    run = RunRecord.from_dict({
        "site": SITE, "site_id": "fda.example.gov.cn", "run_id": started, "as_of": "2016-06-30",
        "started": started, "finished": started.replace(":00+", ":30+"),
        "catalog": {"name": "目录", "path": None, "digest": "sha256:abc"},
        "counts": {"pages": 10 + n, "findings": n, "by_rule": {"link.broken": n}, "by_severity": {"deduct": n},
                   "by_department": {}},
        "score": 100 - n / 2, "veto": False, "veto_reasons": [], "fail_on": "veto", "exit_status": 0,
        "versions": {}, "warnings": [], "matches": [], "categories": [], "fixed": [],
        "rules": {"link.broken": {"description": "链接不可用", "severity": "deduct", "basis": None}}})
    return pd.DataFrame([f.to_dict() for f in found], columns=COLUMNS), run


OLD = a_run("2016-06-30T09:00:00+08:00", 3)
NEW = a_run("2016-07-15T09:00:00+08:00", 5)


def write_killed_at(step: int, run_dir, findings, run) -> bool:
    """write_all in a forked child that SIGKILLs itself after its step-th file written or renamed;
    True when it was killed (False: the write has fewer steps and finished)."""
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        try:
            done = [0]

            def counted(fn):
                def step_done(*args, **kwargs):
                    result = fn(*args, **kwargs)
                    done[0] += 1
                    if done[0] == step:
                        os.kill(os.getpid(), signal.SIGKILL)
                    return result
                return step_done

            os.rename, os.replace, os.rmdir = counted(os.rename), counted(os.replace), counted(os.rmdir)
            for name in list(reports.WRITERS):
                reports.WRITERS[name] = counted(reports.WRITERS[name])
            reports.write_all(run_dir, findings, run)
        finally:
            os._exit(0)
    _, status = os.waitpid(pid, 0)
    return os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL


def started(run_dir) -> str:
    got = read_reports(run_dir)
    assert_one_run(got)
    return got["run"]["started"]


@pytest.mark.parametrize("step", range(1, STEPS + 1))
def test_reports_killed_at_any_step_are_the_old_set_or_the_new_one(tmp_path, step):
    run_dir = tmp_path / "site"
    reports.write_all(run_dir, *OLD)
    assert write_killed_at(step, run_dir, *NEW)
    expected = (OLD if step <= len(REPORTS) else NEW)[1].started

    if not list(run_dir.glob(".reports-*.commit")):  # as a reader finds it right after the kill: one whole set
        assert started(run_dir) == expected
    rows, skipped = find_runs(tmp_path)  # what the kill left is no run of its own for `netcheck index`
    assert [r["dir"] for r in rows] == ["site"] and skipped == []
    reports.recover(run_dir)  # what the next write into the directory does first
    assert stray(run_dir) == [] and started(run_dir) == expected
    reports.write_all(run_dir, *OLD)  # and the directory takes the next run as usual
    assert started(run_dir) == OLD[1].started and stray(run_dir) == []


def test_an_unkilled_write_takes_exactly_those_steps(tmp_path):
    assert not write_killed_at(STEPS + 1, tmp_path, *NEW)
    assert started(tmp_path) == NEW[1].started and stray(tmp_path) == []


def test_leftovers_of_reports_replaced_one_by_one_are_removed_by_the_next_write(tmp_path):
    reports.write_all(tmp_path, *OLD)
    (tmp_path / ".rectification.xlsx.0a1b2c3d.tmp").write_bytes(b"PK\x03\x04 half a workbook")
    reports.write_all(tmp_path, *NEW)
    assert stray(tmp_path) == [] and started(tmp_path) == NEW[1].started
