from datetime import date, datetime

import openpyxl
import pytest

from reports import write_all
from reports.runrecord import RunRecord
from reports.table import display_width
from reports.xlsx import HEADERS, MAX_WIDTH, sheet_names
from reports.xlsx_layout import link_text


@pytest.fixture
def book(tmp_path, findings, run):
    write_all(tmp_path, findings, RunRecord.from_dict(run))
    return openpyxl.load_workbook(tmp_path / "rectification.xlsx")


def rows_of(ws):
    return [tuple(r) for r in ws.iter_rows(values_only=True)]


def find_row(ws, first):
    return next(i for i, r in enumerate(ws.iter_rows(values_only=True), 1) if r[0] == first)


def test_summary_sheet_first_then_one_sheet_per_office(book):
    assert book.sheetnames == ["汇总", "信息中心", "办公室", "法规科"]


def test_office_sheet_has_headers_frozen_pane_and_autofilter(book):
    ws = book["信息中心"]
    assert [c.value for c in ws[1]] == HEADERS
    assert HEADERS[:7] == ["序号", "问题类型", "问题描述", "栏目", "页面链接", "发现日期", "整改时限"]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:K4"


def test_office_rows_sorted_by_severity_then_rule_and_status_left_blank(book):
    body = rows_of(book["信息中心"])[1:]
    assert [r[0] for r in body] == [1, 2, 3]
    assert [r[1] for r in body] == ["首页不更新", "链接不可用", "链接无法确认"]
    assert [r[7] for r in body] == ["单项否决", "扣分", "提示"]
    assert [r[10] for r in body] == [None, None, None]
    assert body[1][2] == "附件链接返回404。"
    assert body[1][8] == 0.5


def test_page_link_is_a_real_hyperlink_only_for_http(book, site):
    ws = book["信息中心"]
    cell = ws.cell(row=2, column=HEADERS.index("页面链接") + 1)
    assert link_text(cell) == site and cell.hyperlink.target == site
    assert cell.value == f'=HYPERLINK("{site}","{site}")'  # its text wraps when printed, as a link's would not
    leak = book["法规科"].cell(row=2, column=HEADERS.index("页面链接") + 1)
    assert leak.value == "javascript:alert(1)" and leak.hyperlink is None


def test_dates_are_date_cells_formatted_iso(book):
    ws = book["办公室"]
    for col in ("发现日期", "整改时限"):
        cell = ws.cell(row=2, column=HEADERS.index(col) + 1)
        assert isinstance(cell.value, (date, datetime))
        assert cell.number_format == "yyyy-mm-dd"
    assert ws.cell(row=2, column=7).value.date() == date(2024, 5, 20)


def test_column_widths_count_chinese_characters_double(book):
    ws = book["办公室"]
    assert display_width("栏目") == 4 and display_width("ab") == 2
    # 问题类型 (8 wide) + padding; the 问题描述 column is capped and wraps instead.
    assert ws.column_dimensions["B"].width >= 10
    assert 18 <= ws.column_dimensions["C"].width <= MAX_WIDTH["问题描述"]
    assert ws.column_dimensions["K"].width >= 12  # 状态: empty, but the office writes in it


def test_summary_sheet_states_verdict_and_counts_per_office_and_rule(book, site):
    ws = book["汇总"]
    assert rows_of(ws)[1][:2] == ("检查状态", "检查完成")  # the status first, also for a complete run
    facts = {r[0]: r[1] for r in rows_of(ws)[1:10]}
    assert facts["站点"] == site and facts["得分"] == 71.5 and facts["单项否决"] == "是"
    assert facts["单项否决原因"] == "首页不更新；泄露个人信息"
    assert ws["B4"].value.date() == date(2024, 5, 6) and ws["B4"].number_format == "yyyy-mm-dd"
    assert ws["B3"].hyperlink.target == site
    head = find_row(ws, "科室")
    assert [c.value for c in ws[head]][:5] == ["科室", "单项否决", "扣分", "提示", "合计"]
    table = {r[0]: r[1:5] for r in rows_of(ws)[head:head + 4]}
    assert table == {"信息中心": (1, 1, 1, 3), "办公室": (0, 1, 0, 1), "法规科": (1, 1, 0, 2),
                     "合计": (2, 3, 1, 6)}
    assert ws.cell(row=head + 1, column=1).hyperlink.location == "'信息中心'!A1"
    head = next(i for i, r in enumerate(rows_of(ws), 1) if r[6] == "问题类型")  # beside the office table
    assert [c.value for c in ws[head]][6:12] == ["问题类型", "单项否决", "扣分", "提示", "合计", "扣分值"]
    by_rule = {r[6]: r[7:12] for r in rows_of(ws)[head:] if r[6]}
    assert by_rule["首页不更新"] == (1, 0, 0, 1, 0)  # rule names, never ids
    assert by_rule["信息发布超时"] == (0, 1, 0, 1, 2)  # no breakdown in this run.json: the findings' points
    assert by_rule["合计"] == (2, 3, 1, 6, 4.5)
    assert not any("." in str(r[6]) for r in rows_of(ws)[head:] if r[6])


def test_zero_findings_summary_says_no_problems_and_has_no_office_sheets(tmp_path, empty, run):
    write_all(tmp_path, empty, RunRecord.from_dict({**run, "veto": False, "veto_reasons": []}))
    book = openpyxl.load_workbook(tmp_path / "rectification.xlsx")
    assert book.sheetnames == ["汇总"]
    values = [v for r in rows_of(book["汇总"]) for v in r]
    assert "未发现问题" in values and "否" in values


def test_sheet_names_obey_excel_rules_and_stay_unique():
    long = "行政审批服务科" * 6
    names = sheet_names(["a/b:c", "A/B:C", "汇总", long, long + "x", "'引号'", ""])
    assert names["a/b:c"] == "a_b_c" and names["A/B:C"] == "A_B_C(2)"
    assert names["汇总"] == "汇总(2)"
    assert len(names[long]) == 31 and len(names[long + "x"]) == 31
    assert names[long] != names[long + "x"]
    assert names["'引号'"] == "引号" and names[""] == "未指定科室"


def test_office_with_awkward_name_gets_a_valid_sheet(tmp_path, run, make_finding, to_frame):
    df = to_frame([make_finding("column.missing", "deduct", "政务[公开]/办公室*", "行政处罚", None, "缺少栏目")])
    write_all(tmp_path, df, RunRecord.from_dict(run))
    book = openpyxl.load_workbook(tmp_path / "rectification.xlsx")
    assert book.sheetnames == ["汇总", "政务_公开__办公室_"]
    assert book["政务_公开__办公室_"].cell(row=2, column=5).value in (None, "")
