"""netcheck.gating's pure functions: which findings are new, which counting vetoes are new."""
from types import SimpleNamespace

import pytest

from checks.scoring import ScoringSettings
from netcheck.gating import Baseline, counting_vetoes, gate, new_fingerprints
from reports.runrecord import RunRecord

SETTINGS = ScoringSettings()  # 5 key columns stale, 10 should-update stale, 5 blank columns veto


def finding(fingerprint, severity):
    return SimpleNamespace(fingerprint=fingerprint, severity=severity)


def baseline(prints=(), counters=None):
    return Baseline(run_dir="base", fingerprints=frozenset(prints), counters=counters or {})


def test_new_fingerprints_keep_order_and_drop_the_baselines():
    assert new_fingerprints(["c", "a", "b"], baseline({"a"})) == ["c", "b"]


@pytest.mark.parametrize("counters, vetoes", [
    ({}, set()),
    ({"blank_columns": 4}, set()),
    ({"blank_columns": 5}, {"blank_columns"}),
    ({"key_columns_stale": 5, "should_update_stale": 10}, {"key_columns_stale", "should_update_stale"}),
])
def test_counting_vetoes_use_the_scoring_thresholds(counters, vetoes):
    assert counting_vetoes(counters, SETTINGS) == vetoes


@pytest.mark.parametrize("fail_on, found, base, status", [
    ("notice", [("a", "veto")], {"a"}, 0),  # everything known
    ("veto", [("a", "veto"), ("b", "deduct")], {"a"}, 0),  # new but below the level
    ("deduct", [("a", "veto"), ("b", "deduct")], {"a"}, 1),
    ("veto", [("b", "veto")], set(), 1),
    ("never", [("b", "veto")], set(), 0),
])
def test_exit_status_counts_only_new_findings(fail_on, found, base, status):
    result = gate([finding(*f) for f in found], RunRecord(fail_on=fail_on), baseline(base), SETTINGS)
    assert result.exit_status == status
    assert result.baseline.new_findings == len({fp for fp, _ in found} - base)


def test_a_counting_veto_fails_only_when_the_baseline_had_not_reached_it():
    run = RunRecord(fail_on="veto", counters={"blank_columns": 5})
    blank = [finding("x", "deduct")]
    assert gate(blank, run, baseline({"x"}, {"blank_columns": 4}), SETTINGS).exit_status == 1
    assert gate(blank, run, baseline({"x"}, {"blank_columns": 6}), SETTINGS).exit_status == 0
    result = gate(blank, run, baseline({"x"}, {"blank_columns": 4}), SETTINGS)
    assert result.baseline.new_counting_vetoes == ("blank_columns",)
    assert result.to_dict()["baseline"]["new_counting_vetoes"] == ["blank_columns"]
