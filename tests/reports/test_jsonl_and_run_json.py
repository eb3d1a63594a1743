import json
from dataclasses import replace

import numpy as np

from reports import write_all
from reports.runrecord import RunRecord
from reports.table import COLUMNS


def test_findings_jsonl_one_object_per_finding_with_finding_keys(tmp_path, findings, run):
    findings.loc[0, "points"] = np.nan  # NaN must become null, not the invalid token NaN
    write_all(tmp_path, findings, RunRecord.from_dict(run))
    text = (tmp_path / "findings.jsonl").read_text(encoding="utf-8")
    lines = text.splitlines()
    assert len(lines) == 6 and "NaN" not in text
    objs = [json.loads(line) for line in lines]
    assert all(list(o) == COLUMNS for o in objs)
    assert "身份证号" in text  # ensure_ascii=False keeps Chinese readable
    late = next(o for o in objs if o["rule"] == "item.late")
    assert late["points"] is None and late["details"] == {"delay": 27, "limit": 20}
    assert [o["severity"] for o in objs] == ["veto", "veto", "deduct", "deduct", "deduct", "notice"]


def test_fixed_jsonl_empty_without_history_and_lists_fixed_with_it(tmp_path, findings, run, empty):
    write_all(tmp_path, empty, RunRecord.from_dict(run))
    assert (tmp_path / "fixed.jsonl").read_text() == ""
    gone = {"rule": "link.broken", "evidence": "附件链接返回404。", "fingerprint": "abc"}
    write_all(tmp_path, findings, RunRecord.from_dict({**run, "fixed": [gone]}))
    lines = (tmp_path / "fixed.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(x) for x in lines] == [gone]


def test_run_json_is_the_run_without_fixed_keys_sorted(tmp_path, findings, run):
    record = RunRecord.from_dict({**run, "fixed": [{"rule": "x"}], "score": np.float64(71.5)})
    write_all(tmp_path, findings, record)
    text = (tmp_path / "run.json").read_text(encoding="utf-8")
    data = json.loads(text)
    assert "fixed" not in data and data["score"] == 71.5
    assert data == record.to_dict() and RunRecord.from_dict(data) == replace(record, fixed=())
    assert data["counts"] == run["counts"] and data["veto_reasons"] == run["veto_reasons"]
    assert list(data) == sorted(data) and "测试目录" in text


def test_fixed_accepts_finding_objects_as_well_as_dicts(tmp_path, empty, run, make_finding):
    gone = make_finding("column.stale", "deduct", "办公室", "人事信息", "http://x/rs/", "栏目半年未更新。")
    write_all(tmp_path, empty, RunRecord.from_dict({**run, "fixed": [gone]}))
    (line,) = (tmp_path / "fixed.jsonl").read_text(encoding="utf-8").splitlines()
    assert json.loads(line) == gone.to_dict()
