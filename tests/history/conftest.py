"""Two audits of the demo portal, the second after the bureau fixed some defects (整改销号),
with the office's filled-in workbook imported in between, as a department would do it.

Runs are subprocesses with their own history database under tmp, named by --history so that
nothing else's runs mix in.
"""
import shutil

import pytest
from historyrun import office_fills_in, read_jsonl, run_netcheck


@pytest.fixture(scope="session")
def netcheck():
    return run_netcheck


@pytest.fixture(scope="session")
def jsonl():
    return read_jsonl


@pytest.fixture(scope="session")
def demo_history(tmp_path_factory):
    """run1: the demo as of 2016-06-30; the office reports three statuses; run2: the fixed demo
    as of 2016-07-15. Returns a dict of paths and what the office reported."""
    base = tmp_path_factory.mktemp("demo-history")
    db = base / "history.sqlite3"
    run1, run2 = base / "run1", base / "run2"
    first = run_netcheck("demo", "--out", run1, "--history", db, timeout=180)
    assert first.returncode == 0, first.stdout + first.stderr
    findings = {(f["rule"], f["category"]): f for f in read_jsonl(run1 / "findings.jsonl")}
    reported = {
        # says fixed, but the next audit still finds it
        findings[("item.late", "行政处罚")]["fingerprint"]: ("已整改", "已重新发布"),
        # honest: still being worked on
        findings[("column.empty", "人事信息")]["fingerprint"]: ("整改中", "正在补充人事任免信息"),
        # says fixed, and it is (the fixed portal masks the number)
        next(f["fingerprint"] for f in findings.values() if f["rule"] == "privacy.leak"): ("已整改", None),
    }
    filled = base / "办公室反馈.xlsx"
    office_fills_in(run1 / "rectification.xlsx", reported, filled, unknown="0123456789abcdef")
    imported = run_netcheck("import-status", filled, "--history", db)
    assert imported.returncode == 0, imported.stdout + imported.stderr
    second = run_netcheck("demo", "--fixed", "--out", run2, "--history", db, timeout=180)
    assert second.returncode == 0, second.stdout + second.stderr
    return {"db": db, "run1": run1, "run2": run2, "reported": reported, "imported": imported,
            "second": second, "workbook": filled}


@pytest.fixture
def history_copy(demo_history, tmp_path):
    """The demo history database and run directories copied, for tests that change them."""
    db = tmp_path / "history.sqlite3"
    shutil.copyfile(demo_history["db"], db)
    return db
