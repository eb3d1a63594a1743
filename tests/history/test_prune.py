"""`netcheck history --prune KEEP` keeps the newest KEEP runs of each site; --prune-dirs also
deletes the pruned runs' directories, but only a directory that still holds that very run."""
import json

import pytest

from checks.findings import Finding
from netcheck.history import HistoryStore
from reports.runrecord import RunRecord


def make_run(store, tmp_path, site, as_of, run_id, write_dir=True):
    run_dir = tmp_path / "runs" / run_id
    if write_dir:
        run_dir.mkdir(parents=True)
        (run_dir / "run.json").write_text(json.dumps({"run_id": run_id}), encoding="utf-8")
    run = RunRecord.from_dict({"run_id": run_id, "site": f"http://{site}/", "as_of": as_of, "score": 80.0,
                               "veto": False, "counts": {"findings": 1}})
    f = Finding(rule="column.missing", severity="deduct", points=1, site=run.site, department="办公室",
                category="在线访谈", url=None, target=None, title="", evidence="e", detected_on=as_of,
                deadline=as_of, fingerprint="f1")
    store.record(site, run, [f], run_dir)
    return run_dir


@pytest.fixture
def history(tmp_path):
    db = tmp_path / "h.sqlite3"
    store = HistoryStore(f"sqlite:///{db}")
    dirs = {}
    for i, as_of in enumerate(["2016-03-31", "2016-06-30", "2016-09-30", "2016-12-31"]):
        dirs[("a", as_of)] = make_run(store, tmp_path, "a.gov.cn", as_of, f"a{i}")
    for i, as_of in enumerate(["2016-06-30", "2016-12-31"]):
        dirs[("b", as_of)] = make_run(store, tmp_path, "b.gov.cn", as_of, f"b{i}")
    store.close()
    return db, dirs


def as_ofs(db, site):
    store = HistoryStore(f"sqlite:///{db}")
    try:
        return [r["as_of"].isoformat() for r in store.runs(site)]
    finally:
        store.close()


def test_prune_keeps_the_newest_runs_of_every_site_and_their_directories(history, netcheck):
    db, dirs = history
    result = netcheck("history", "--prune", "2", "--history", db)
    assert result.returncode == 0, result.stderr
    assert "删除 2 次检查记录，保留 4 次" in result.stdout
    assert as_ofs(db, "a.gov.cn") == ["2016-09-30", "2016-12-31"]
    assert as_ofs(db, "b.gov.cn") == ["2016-06-30", "2016-12-31"]
    assert all(d.is_dir() for d in dirs.values())  # without --prune-dirs nothing on disk goes


def test_prune_dirs_deletes_only_directories_that_still_hold_the_pruned_run(history, netcheck):
    db, dirs = history
    reused = dirs[("a", "2016-06-30")]  # someone wrote another run into this directory since
    (reused / "run.json").write_text(json.dumps({"run_id": "something-else"}), encoding="utf-8")
    result = netcheck("history", "a.gov.cn", "--prune", "1", "--prune-dirs", "--history", db)
    assert result.returncode == 0, result.stderr
    assert as_ofs(db, "a.gov.cn") == ["2016-12-31"] and len(as_ofs(db, "b.gov.cn")) == 2  # only that site
    assert not dirs[("a", "2016-03-31")].exists() and not dirs[("a", "2016-09-30")].exists()
    assert reused.is_dir() and "run_id 不符" in result.stdout
    assert dirs[("a", "2016-12-31")].is_dir() and dirs[("b", "2016-06-30")].is_dir()


def test_prune_dirs_without_prune_is_a_usage_error(history, netcheck):
    db, _ = history
    assert netcheck("history", "--prune-dirs", "--history", db).returncode == 2
    assert netcheck("history", "--prune", "0", "--history", db).returncode == 2


def test_history_without_a_site_lists_the_sites(history, netcheck):
    db, _ = history
    result = netcheck("history", "--history", db)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[1].split() == ["a.gov.cn", "4", "2016-12-31"] and lines[2].split() == ["b.gov.cn", "2", "2016-12-31"]
    unknown = netcheck("history", "c.gov.cn", "--history", db)
    assert unknown.returncode == 2 and "历史中没有 'c.gov.cn' 的检查记录" in unknown.stderr
