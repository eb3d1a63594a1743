"""Re-judging a saved run (`netcheck report RUN_DIR`) replaces that run's row in history instead of
adding a second one, and compares with the run before it, never with itself. --no-history leaves
history alone and the findings without a status."""
import json
import shutil

import sqlalchemy as sa
from historyrun import FIRST_AS_OF, read_jsonl

from netcheck.history.schema import findings, runs


def copy_run(src, dst):
    dst.mkdir()
    for name in ("pages.jsonl", "run.json"):
        shutil.copyfile(src / name, dst / name)
    return dst


def rows(db):
    engine = sa.create_engine(f"sqlite:///{db}")
    with engine.connect() as conn:
        got = [dict(r) for r in conn.execute(sa.select(runs).order_by(runs.c.as_of)).mappings()]
        counts = dict(conn.execute(sa.select(findings.c.run_id, sa.func.count()).group_by(findings.c.run_id)).all())
    engine.dispose()
    return got, counts


def test_rejudging_replaces_the_runs_own_row_and_compares_with_the_run_before(demo_history, history_copy,
                                                                             netcheck, tmp_path):
    before, _ = rows(history_copy)
    run2 = copy_run(demo_history["run2"], tmp_path / "run2")
    result = netcheck("report", run2, "--as-of", "2016-07-20", "--fail-on", "never", "--history", history_copy)
    assert result.returncode == 0, result.stderr
    after, per_run = rows(history_copy)
    assert len(after) == len(before) == 2
    assert [r["run_key"] for r in after] == [r["run_key"] for r in before]
    assert [r["as_of"].isoformat() for r in after] == [FIRST_AS_OF, "2016-07-20"]
    assert after[1]["run_dir"] == str(run2.resolve())
    findings_now = read_jsonl(run2 / "findings.jsonl")
    assert per_run[after[1]["id"]] == len(findings_now)  # not the old findings plus the new
    assert per_run[after[0]["id"]] == len(read_jsonl(demo_history["run1"] / "findings.jsonl"))
    history = json.loads((run2 / "run.json").read_text(encoding="utf-8"))["history"]
    assert history["previous_run"]["as_of"] == FIRST_AS_OF  # not the row being replaced
    assert [p["as_of"] for p in history["trend"]] == [FIRST_AS_OF, "2016-07-20"]
    assert {f["first_seen"] for f in findings_now if f["status"] == "persisting"} == {FIRST_AS_OF}


def test_no_history_leaves_status_and_first_seen_empty_fixed_empty_and_history_untouched(
        demo_history, history_copy, netcheck, tmp_path):
    before = rows(history_copy)
    run2 = copy_run(demo_history["run2"], tmp_path / "run2")
    result = netcheck("report", run2, "--as-of", "2016-07-15", "--fail-on", "never", "--no-history",
                      "--history", history_copy)
    assert result.returncode == 0, result.stderr
    assert rows(history_copy) == before
    found = read_jsonl(run2 / "findings.jsonl")
    assert found and {(f["status"], f["first_seen"]) for f in found} == {(None, None)}
    assert (run2 / "fixed.jsonl").read_text(encoding="utf-8") == ""
    assert json.loads((run2 / "run.json").read_text(encoding="utf-8"))["history"] is None


def test_an_unusable_history_url_is_refused_before_judging(demo_history, netcheck, tmp_path):
    run2 = copy_run(demo_history["run2"], tmp_path / "run2")
    result = netcheck("report", run2, "--history", "nosuchdb://x/y")
    assert result.returncode == 2
    assert "无法打开历史数据库" in result.stderr and "Traceback" not in result.stderr
    assert not (run2 / "findings.jsonl").exists()
