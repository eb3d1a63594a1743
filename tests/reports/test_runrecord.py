"""reports.runrecord: the run record is run.json, and reads back an older or foreign run.json leniently."""
import json
import subprocess
import sys
from dataclasses import FrozenInstanceError, replace

import pytest

from reports.runrecord import (AnnualStats, BaselineComparison, CrawlState, StatLine, HistorySummary, RunRecord, TrendPoint, Unverified,
                               read_run)


def test_run_json_reads_back_to_the_same_record_and_the_same_object(run, run_with):
    data = json.loads(json.dumps(RunRecord.from_dict(run_with(run, "partial", history=True)).to_dict()))
    record = RunRecord.from_dict(data)
    assert record.to_dict() == data
    assert record.crawl_state.resume and record.history.previous_run.as_of == "2024-04-06"
    assert record.unverified[0] == Unverified(rule="column.missing", name="栏目缺失", category=None,
                                              outcome="skipped", reason=record.unverified[0].reason)


def test_to_dict_leaves_out_fixed_an_absent_baseline_and_an_unknown_render(run):
    data = RunRecord.from_dict({**run, "fixed": [{"rule": "x"}]}).to_dict()
    assert "fixed" not in data and "baseline" not in data and "render" not in data["crawl_state"]
    assert data["history"] is None  # present, as every run.json has it: null without history
    gated = replace(RunRecord.from_dict(run), baseline=BaselineComparison(run_dir="base", new_fingerprints=("b", "a")))
    assert gated.to_dict()["baseline"] == {"run_dir": "base", "new_findings": 0, "new_fingerprints": ["b", "a"],
                                           "new_counting_vetoes": []}


def test_annual_stats_is_left_out_when_none_and_reads_back_when_there(run):
    plain = RunRecord.from_dict(run)
    assert plain.annual_stats is None and "annual_stats" not in plain.to_dict()
    assert json.dumps(plain.to_dict(), ensure_ascii=False) == json.dumps(
        RunRecord.from_dict({**run, "annual_stats": None}).to_dict(), ensure_ascii=False)  # byte for byte
    line = StatLine(item="行政处罚（本年处理决定数量）", year=2015, count=10, method="m", note="", category="行政处罚",
                    column="处罚公示")
    drafted = replace(plain, annual_stats=AnnualStats(year=2015, caption="c", rows=(line,)))
    data = json.loads(json.dumps(drafted.to_dict()))
    assert data["annual_stats"]["rows"][0]["count"] == 10
    assert RunRecord.from_dict(data).annual_stats == drafted.annual_stats


def test_an_older_run_json_reads_with_the_defaults_its_readers_assumed():
    record = RunRecord.from_dict({"site": "http://x.gov.cn/", "score": 90, "counts": {"findings": 2},
                                  "history": {"new": [1, 2], "fixed": [], "previous_run": {"score": 88}},
                                  "trend": "ignored", "an_unknown_key": 1})
    assert (record.status, record.veto, record.fail_on, record.exit_status) == ("complete", False, "veto", None)
    assert record.unverified is None and record.score_is_verdict is None and record.baseline is None
    assert record.crawl_state == CrawlState() and record.counts.by_rule == {} and record.counts.pages is None
    assert record.history == HistorySummary(previous_run=record.history.previous_run, new=2, fixed=0)
    assert record.history.previous_run.score == 88 and record.history.unverified is None


@pytest.mark.parametrize("data, field, value", [
    ({"categories": 5}, "categories", ()),
    ({"outcomes": [1, {"rule": "x", "outcome": "passed"}]}, "outcomes", 1),
    ({"judgement_errors": ["boom"]}, "judgement_errors", 1),
    ({"history": {}}, "history", None),
    ({"baseline": {}}, "baseline", None),
    ({"counts": None}, "counts", "default"),
    ({"status": None}, "status", "complete"),
])
def test_stray_values_read_as_nothing_rather_than_fail(data, field, value):
    got = getattr(RunRecord.from_dict(data), field)
    if value == "default":
        assert got == getattr(RunRecord(), field)
    elif isinstance(value, int) and not isinstance(value, bool):
        assert len(got) == value
    else:
        assert got == value


def test_judgement_error_given_as_text_keeps_it():
    (error,) = RunRecord.from_dict({"judgement_errors": ["TypeError: boom"]}).judgement_errors
    assert (error.rule, error.error) == (None, "TypeError: boom")


def test_read_run_is_none_for_what_is_not_a_run(tmp_path):
    (tmp_path / "run.json").write_text("[1, 2]", encoding="utf-8")
    assert read_run(tmp_path / "run.json") is None
    (tmp_path / "run.json").write_text('{"site": "http://x/"', encoding="utf-8")  # torn
    assert read_run(tmp_path) is None
    assert read_run(tmp_path / "missing.json") is None
    (tmp_path / "run.json").write_text('{"site": "http://x/", "veto": true}', encoding="utf-8")
    assert read_run(tmp_path).veto is True


def test_the_record_is_frozen_and_history_trends_are_tuples():
    record = RunRecord(history=HistorySummary(trend=(TrendPoint(as_of="2024-05-06", score=80.0),)))
    with pytest.raises(FrozenInstanceError):
        record.score = 1  # type: ignore[misc]
    assert record.to_dict()["history"]["trend"] == [{"as_of": "2024-05-06", "score": 80.0, "veto": False,
                                                    "findings": None, "status": None}]


def test_the_record_imports_nothing_of_netcheck():
    code = "import sys, reports.runrecord; print(sorted(m for m in sys.modules if m.split('.')[0] == 'netcheck'))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
