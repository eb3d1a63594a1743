"""A run and its findings are written in one transaction: a failure or a kill half-way through
leaves no run row and no findings, and a failed re-judgement leaves the earlier row in place."""
import subprocess
import sys
import textwrap

import pytest
import sqlalchemy as sa
from historyrun import ROOT

from checks.findings import Finding
from netcheck.history import HistoryError, HistoryStore
from netcheck.history.schema import SCHEMA_VERSION, findings, meta, runs
from reports.runrecord import RunRecord

SITE = "http://www.pjfda.gov.cn/"


def finding(n: int, broken: bool = False) -> Finding:
    """A finding; `broken` leaves out its fingerprint, which the database refuses (NOT NULL)."""
    return Finding(rule="link.broken", severity="deduct", points=0.5, site=SITE, department="信息中心",
                   category="新闻动态", url=f"{SITE}news/{n}.html", target=f"{SITE}gone/{n}.pdf", title="标题",
                   evidence="附件链接返回404。", detected_on="2016-06-30", deadline="2016-07-14",
                   fingerprint=None if broken else f"fp{n:06d}", details={"status": 404})


def run(run_id="r1", as_of="2016-06-30", n=3) -> RunRecord:
    return RunRecord.from_dict({"run_id": run_id, "site": SITE, "as_of": as_of, "score": 90.0, "veto": False,
                                "counts": {"findings": n}, "catalog": {"digest": "abc"}, "started": "s",
                                "finished": "f"})


def count(store):
    with store.engine.connect() as conn:
        return (conn.execute(sa.select(sa.func.count()).select_from(runs)).scalar(),
                conn.execute(sa.select(sa.func.count()).select_from(findings)).scalar())


@pytest.fixture
def store(tmp_path):
    s = HistoryStore(f"sqlite:///{tmp_path / 'h.sqlite3'}")
    yield s
    s.close()


def test_a_run_with_a_bad_finding_half_way_leaves_no_run_and_no_findings(store):
    bad = [finding(n) for n in range(1500)] + [finding(1500, broken=True)]
    with pytest.raises(sa.exc.IntegrityError):
        store.record("www.pjfda.gov.cn", run(n=len(bad)), bad, None)
    assert count(store) == (0, 0)


def test_a_failed_rejudgement_keeps_the_earlier_row_of_that_run(store):
    store.record("www.pjfda.gov.cn", run(), [finding(n) for n in range(3)], None)
    with pytest.raises(sa.exc.IntegrityError):
        store.record("www.pjfda.gov.cn", run(as_of="2016-07-01"), [finding(0), finding(1, broken=True)], None)
    assert count(store) == (1, 3)
    assert [r["as_of"].isoformat() for r in store.runs("www.pjfda.gov.cn")] == ["2016-06-30"]


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_process_killed_while_writing_a_run_leaves_no_partial_run(tmp_path):
    db = tmp_path / "h.sqlite3"
    HistoryStore(f"sqlite:///{db}").record("www.pjfda.gov.cn", run("before"), [finding(1)], None)
    script = textwrap.dedent(f"""
        import os, signal, sys
        sys.path.insert(0, {str(ROOT)!r}); sys.path.insert(0, {str(ROOT / 'tests' / 'history')!r})
        from test_store_transactions import finding, run
        from netcheck.history import HistoryStore

        def findings():
            for n in range(2500):  # more than one batch reaches the database before the kill
                yield finding(n)
            os.kill(os.getpid(), signal.SIGKILL)

        HistoryStore("sqlite:///{db}").record("www.pjfda.gov.cn", run("killed"), findings(), None)
    """)
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert proc.returncode == -9, proc.stderr
    store = HistoryStore(f"sqlite:///{db}")
    assert count(store) == (1, 1)
    assert [r["run_key"] for r in store.runs("www.pjfda.gov.cn")] == ["before"]


def test_tables_are_created_once_with_a_schema_version(tmp_path):
    url = f"sqlite:///{tmp_path / 'h.sqlite3'}"
    HistoryStore(url).record("demo", run(), [finding(1)], None)
    store = HistoryStore(url)  # opening again keeps what is there
    assert count(store) == (1, 1)
    with store.engine.connect() as conn:
        assert conn.execute(sa.select(meta.c.value).where(meta.c.key == "schema_version")).scalar() == str(
            SCHEMA_VERSION)


def test_a_database_from_a_newer_netcheck_is_refused(tmp_path):
    url = f"sqlite:///{tmp_path / 'h.sqlite3'}"
    store = HistoryStore(url)
    with store.engine.begin() as conn:
        conn.execute(meta.update().values(value=str(SCHEMA_VERSION + 1)))
    with pytest.raises(HistoryError, match="newer"):
        HistoryStore(url)
