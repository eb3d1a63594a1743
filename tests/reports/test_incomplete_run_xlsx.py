"""rectification.xlsx of a run that is not complete: the 汇总 sheet says so in its first rows, and a
last sheet 未核实 lists what was not verified and the earlier findings not checked again."""
import openpyxl

from reports import write_all
from reports.runrecord import RunRecord
from reports.xlsx import UNVERIFIED_HEADERS
from reports.xlsx_layout import hyperlink_formula


def book(tmp_path, findings, run):
    write_all(tmp_path, findings, RunRecord.from_dict(run))
    return openpyxl.load_workbook(tmp_path / "rectification.xlsx")


def column_a(ws, n):
    return [ws.cell(row=r, column=1).value for r in range(1, n + 1)]


def test_partial_run_summary_starts_with_its_status(tmp_path, findings, run, run_with):
    ws = book(tmp_path, findings, run_with(run, "partial"))["汇总"]
    assert (ws["A2"].value, ws["B2"].value) == ("检查状态", "抓取未完成")
    assert column_a(ws, 6)[2:5] == [
        "抓取未完成：本次结果不完整，得分不作为结论，不参与排名",
        "抓取未完成（达到页数上限（--max-pages）），以下结果仅覆盖已抓取的页面；继续抓取："
        "netcheck audit http://fda.example.gov.cn/ --out runs/fda --resume",
        "未能核实的内容见工作表“未核实”"]
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert {"A3:L3", "A4:L4", "A5:L5"} <= merged  # across the sheet's width
    assert ws["A4"].alignment.wrap_text and ws.row_dimensions[4].height >= 34  # two lines at least
    assert ws["A5"].hyperlink.location == "'未核实'!A1"
    facts = {r[0]: r[1] for r in ws.iter_rows(values_only=True) if r[0]}
    assert facts["得分（未完成，不作排名）"] == 71.5 and "得分" not in facts
    assert facts["未核实"] == 2 and facts["此前问题未能复核"] == 1
    assert facts["检查项结果"] == "通过 2 · 发现问题 6 · 未核实 3 · 出错 0"  # as junit.xml counts


def test_incomplete_run_summary_names_the_rule_that_raised(tmp_path, findings, run, run_with):
    ws = book(tmp_path, findings, run_with(run, "incomplete"))["汇总"]
    assert ws["B2"].value == "评判未完成"
    assert ws["A3"].value == "评判未完成：本次结果不完整，得分不作为结论，不参与排名"
    assert ws["A4"].value.startswith("评判未完成：规则 栏目不更新 运行出错（TypeError: ")
    assert ws["A4"].value.endswith("可用 netcheck report <运行目录> 重新评判")


def test_unverified_sheet_lists_rules_then_earlier_findings(tmp_path, findings, run, run_with):
    wb = book(tmp_path, findings, run_with(run, "partial"))
    assert wb.sheetnames == ["汇总", "信息中心", "办公室", "法规科", "未核实"]  # offices' sheets keep their places
    ws = wb["未核实"]
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    assert rows[0] == UNVERIFIED_HEADERS
    assert rows[1] == [1, "本次未核实", "栏目缺失", "全站", None, None,
                       "抓取未完成，已抓取的页面中未见该栏目，无法确认是否缺失"]
    assert rows[2][:4] == [2, "本次未核实", "空白栏目", "行政处罚"]  # rule names, never ids
    old = "http://fda.example.gov.cn/old/notice.html"
    assert rows[3] == [3, "此前问题未能复核", "链接不可用", None, hyperlink_formula(old, old), "旧通知附件",
                       "抓取未完成，本次未抓取该页面（仍按未整改计，未销号）"]
    assert ws.cell(row=4, column=5).hyperlink.target == old
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == "A1:G4"


def test_error_rows_say_the_rule_raised(tmp_path, findings, run, run_with):
    ws = book(tmp_path, findings, run_with(run, "incomplete"))["未核实"]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert [(r[1], r[2], r[3]) for r in rows] == [("规则运行出错", "栏目不更新", "全站")]
    assert rows[0][6].startswith("规则运行出错（TypeError")


def test_complete_run_has_no_banner_rows_and_no_unverified_sheet(tmp_path, findings, run, run_with):
    for r in (run, run_with(run, "complete")):
        wb = book(tmp_path, findings, r)
        assert "未核实" not in wb.sheetnames
        ws = wb["汇总"]
        assert (ws["A2"].value, ws["B2"].value) == ("检查状态", "检查完成")
        assert ws["A3"].value == "站点"
        assert not [r for r in ws.merged_cells.ranges if r.min_col == 1 and r.min_row <= 3]  # no banner rows


def test_an_office_named_like_the_unverified_sheet_gets_another_name(tmp_path, run, run_with, make_finding,
                                                                      to_frame):
    df = to_frame([make_finding("column.missing", "deduct", "未核实", "行政处罚", None, "缺少栏目")])
    wb = book(tmp_path, df, run_with(run, "partial"))
    assert wb.sheetnames == ["汇总", "未核实(2)", "未核实"]
    assert wb["未核实(2)"].cell(row=2, column=3).value == "缺少栏目"
