"""An office's filled-in 整改清单 goes back into history (import-status), and the next audit shows
the reported status beside each persisting finding, flagging "已整改" that is still found."""
import openpyxl
from historyrun import read_jsonl

from reports.xlsx import HEADERS


def test_each_office_sheet_carries_the_fingerprint_in_a_hidden_last_column(demo_history):
    findings = read_jsonl(demo_history["run1"] / "findings.jsonl")
    wb = openpyxl.load_workbook(demo_history["run1"] / "rectification.xlsx")
    assert HEADERS[-2:] == ["状态", "编号"]
    seen = set()
    for ws in wb.worksheets[1:]:
        assert [c.value for c in ws[1]] == HEADERS
        assert ws.column_dimensions["L"].hidden
        seen |= {ws.cell(row=r, column=12).value for r in range(2, ws.max_row + 1)}
    assert seen == {f["fingerprint"] for f in findings}


def test_import_says_how_many_rows_were_read_stored_and_unknown(demo_history):
    out = demo_history["imported"].stdout
    n = len(read_jsonl(demo_history["run1"] / "findings.jsonl"))
    assert f"读取 {n + 1} 行，填写状态 4 行，记录 3 条" in out  # + the pasted row of another list
    assert "未知编号 1 条" in out and "0123456789abcdef" in out


def test_reimporting_the_same_workbook_stores_nothing_twice(demo_history, history_copy, netcheck):
    again = netcheck("import-status", demo_history["workbook"], "--history", history_copy)
    assert again.returncode == 0, again.stderr
    assert "记录 0 条（与上次相同 3 条）" in again.stdout


def test_next_audit_shows_the_reported_status_beside_each_persisting_finding(demo_history):
    second = {f["fingerprint"]: f for f in read_jsonl(demo_history["run2"] / "findings.jsonl")}
    fixed = {f["fingerprint"] for f in read_jsonl(demo_history["run2"] / "fixed.jsonl")}
    for fp, (status, note) in demo_history["reported"].items():
        if fp in fixed:
            continue  # reported 已整改 and really gone: nothing to show
        details = second[fp]["details"]
        assert second[fp]["status"] == "persisting"
        assert details["reported_status"] == status
        assert details.get("reported_note") == note
        assert details.get("reported_fixed_but_found", False) == (status == "已整改")
    assert len(set(demo_history["reported"]) & fixed) == 1
    others = [f for fp, f in second.items() if fp not in demo_history["reported"]]
    assert not any("reported_status" in f["details"] for f in others)


def test_reported_fixed_but_still_found_is_flagged_on_that_finding_only(demo_history):
    flagged = [f for f in read_jsonl(demo_history["run2"] / "findings.jsonl")
               if f["details"].get("reported_fixed_but_found")]
    assert [(f["rule"], f["category"]) for f in flagged] == [("item.late", "行政处罚")]


def test_a_file_that_is_not_a_workbook_is_refused_with_exit_2(demo_history, history_copy, netcheck):
    result = netcheck("import-status", demo_history["run1"] / "findings.jsonl", "--history", history_copy)
    assert result.returncode == 2
    assert "not a readable .xlsx workbook" in result.stderr


def test_a_sheet_without_fingerprints_is_skipped_and_named(demo_history, history_copy, netcheck, tmp_path):
    old = tmp_path / "old.xlsx"
    wb = openpyxl.load_workbook(demo_history["run1"] / "rectification.xlsx")
    wb.worksheets[1].delete_cols(12)  # a workbook from before the 编号 column
    wb.save(old)
    result = netcheck("import-status", old, "--history", history_copy)
    assert result.returncode == 0, result.stderr
    assert f"跳过工作表 {wb.worksheets[1].title}" in result.stdout
