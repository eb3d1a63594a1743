"""An office's filled-in 整改清单 goes back into history (import-status), and the next audit shows
the reported status beside each persisting finding, flagging "已整改" that is still found."""
import openpyxl
import pytest
from historyrun import read_jsonl

from reports.xlsx import HEADERS, OWN_SHEETS


def test_each_office_sheet_carries_the_fingerprint_in_a_hidden_last_column(demo_history):
    findings = read_jsonl(demo_history["run1"] / "findings.jsonl")
    wb = openpyxl.load_workbook(demo_history["run1"] / "rectification.xlsx")
    assert HEADERS[-2:] == ["状态", "编号"]
    seen = set()
    for ws in (ws for ws in wb.worksheets if ws.title not in OWN_SHEETS):  # the offices' sheets
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
    assert "不是可读取的 .xlsx 工作簿或 .csv 文件" in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


def office_sheet(workbook):
    """The first office sheet of a workbook (the one office_fills_in added the unknown row to)."""
    wb = openpyxl.load_workbook(workbook)
    return wb, wb.worksheets[1]


def test_a_sheet_whose_hidden_number_column_was_lost_is_refused(demo_history, history_copy, netcheck, tmp_path):
    copied = tmp_path / "复制的清单.xlsx"
    wb, ws = office_sheet(demo_history["workbook"])
    ws.delete_cols(HEADERS.index("编号") + 1)  # what copying the visible cells into a new workbook leaves
    wb.save(copied)
    result = netcheck("import-status", copied, "--history", history_copy)
    assert result.returncode == 2, result.stdout
    reason = result.stderr.strip()
    assert len(reason.splitlines()) == 1 and "Traceback" not in reason
    assert f"工作表“{ws.title}”有“状态”列但没有“编号”列" in reason
    assert result.stdout == ""  # nothing was stored: no half import


def test_a_workbook_with_no_sheet_of_findings_is_refused(history_copy, netcheck, tmp_path):
    other = tmp_path / "other.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["姓名", "电话"])
    wb.save(other)
    result = netcheck("import-status", other, "--history", history_copy)
    assert result.returncode == 2
    assert "没有含“编号”和“状态”列的工作表" in result.stderr


def test_a_sheet_of_the_offices_own_is_skipped_and_named(demo_history, history_copy, netcheck, tmp_path):
    extra = tmp_path / "extra.xlsx"
    wb = openpyxl.load_workbook(demo_history["workbook"])
    wb.create_sheet("科室说明").append(["说明", "本科室已全部整改"])
    wb.save(extra)
    result = netcheck("import-status", extra, "--history", history_copy)
    assert result.returncode == 0, result.stderr
    assert "跳过工作表 科室说明" in result.stdout
    assert "记录 0 条（与上次相同 3 条）" in result.stdout


def test_a_status_on_a_row_without_a_number_is_named(demo_history, history_copy, netcheck, tmp_path):
    pasted = tmp_path / "pasted.xlsx"
    wb, ws = office_sheet(demo_history["workbook"])
    ws.append([100, "其他", "从别处粘贴的一行", "", "", None, None, "", 0, "", "已整改", None])
    wb.save(pasted)
    result = netcheck("import-status", pasted, "--history", history_copy)
    assert result.returncode == 0, result.stderr
    assert f"未读取 {ws.title} 第 {ws.max_row} 行：填写了状态但没有编号" in result.stdout


def sheet_as_csv(workbook, out, encoding, status=None, delete_number=False):
    """The first office sheet saved as CSV, as Excel does; `status` (fingerprint, text) changes one row first."""
    import csv

    wb, ws = office_sheet(workbook)
    rows = [["" if v is None else v for v in row] for row in ws.iter_rows(values_only=True)]
    fp_col, status_col = rows[0].index("编号"), rows[0].index("状态")
    if status:
        row = next(r for r in rows[1:] if r[fp_col] == status[0])
        row[status_col] = status[1]
    if delete_number:
        rows = [r[:fp_col] + r[fp_col + 1:] for r in rows]
    with open(out, "w", encoding=encoding, newline="") as fh:
        csv.writer(fh).writerows(rows)
    return rows


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030"])  # Excel's "CSV UTF-8", and plain CSV on a Chinese Windows
def test_one_sheet_saved_as_csv_is_read(demo_history, history_copy, netcheck, tmp_path, encoding):
    findings = read_jsonl(demo_history["run1"] / "findings.jsonl")
    _, ws = office_sheet(demo_history["workbook"])
    fp_col = HEADERS.index("编号") + 1
    mine = [ws.cell(row=r, column=fp_col).value for r in range(2, ws.max_row + 1)]
    known = next(f["fingerprint"] for f in findings if f["fingerprint"] in mine)
    export = tmp_path / f"{ws.title}.csv"
    rows = sheet_as_csv(demo_history["workbook"], export, encoding, status=(known, "暂无法整改"))
    result = netcheck("import-status", export, "--history", history_copy)
    assert result.returncode == 0, result.stderr
    filled = sum(1 for r in rows[1:] if r[HEADERS.index("状态")])
    assert f"读取 {len(rows) - 1} 行，填写状态 {filled} 行" in result.stdout
    assert "记录 1 条" in result.stdout  # the changed row; the others are as imported before
    from netcheck.history.workbook import read_statuses

    got = {s["fingerprint"]: s["status"] for s in read_statuses(export).statuses}
    assert got[known] == "暂无法整改" and all(s["sheet"] == ws.title for s in read_statuses(export).statuses)


def test_a_csv_without_the_number_column_is_refused(demo_history, history_copy, netcheck, tmp_path):
    export = tmp_path / "科室.csv"
    sheet_as_csv(demo_history["workbook"], export, "utf-8-sig", delete_number=True)
    result = netcheck("import-status", export, "--history", history_copy)
    assert result.returncode == 2
    assert "有“状态”列但没有“编号”列" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_a_binary_file_named_csv_is_refused_in_one_line(history_copy, netcheck, tmp_path):
    fake = tmp_path / "fake.csv"
    fake.write_bytes(b"PK\x03\x04\x00\x00binary")
    result = netcheck("import-status", fake, "--history", history_copy)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "不是文本格式的 CSV 文件" in result.stderr
