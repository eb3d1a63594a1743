"""The 整改清单 across rounds: a finding still there keeps the 发现日期 it was first found on and the
整改时限 it was first given, says 逾期 once that has passed, and shows again the 状态 the office
reported (已报整改但仍存在 where it said 已整改); what was fixed is listed on 已整改（销号）."""
from datetime import date

import pytest
from workbookread import FIRST_AS_OF, SECOND_AS_OF, office_rows, rows_of, text

from checks.findings import Finding
from netcheck.history.compare import compare
from reports.xlsx import FIXED, FIXED_HEADERS, OVERDUE, OWN_SHEETS


@pytest.fixture(scope="module")
def first(rounds):
    return {f["fingerprint"]: f for f in rounds["first"]}


@pytest.fixture(scope="module")
def second(rounds):
    return {f["fingerprint"]: f for f in rounds["second"]}


def test_a_persisting_finding_keeps_its_first_date_and_deadline(book, first, second):
    rows = office_rows(book)
    persisting = [fp for fp, f in second.items() if f["status"] == "persisting"]
    assert len(persisting) >= 10
    for fp in persisting:
        row = rows[fp]
        assert text(row["发现日期"]) == FIRST_AS_OF
        assert row["整改时限"].value.date() == date.fromisoformat(first[fp]["deadline"])
        assert second[fp]["deadline"] == first[fp]["deadline"]  # findings.jsonl says the same
    for fp, f in second.items():
        if f["status"] == "new":
            assert text(rows[fp]["发现日期"]) == SECOND_AS_OF
            assert rows[fp]["整改时限"].value.date() > date.fromisoformat(SECOND_AS_OF)


def test_overdue_shows_when_the_as_of_date_is_past_the_deadline(book, second):
    rows = office_rows(book)
    overdue = {fp for fp, f in second.items() if date.fromisoformat(f["deadline"]) < date.fromisoformat(SECOND_AS_OF)}
    assert overdue and overdue != set(second)  # the notices' 20 working days have not run out yet
    for fp, row in rows.items():
        cell = row["整改时限"]
        shows = text(cell)
        if fp in overdue:
            assert shows == f"{second[fp]['deadline']} {OVERDUE}"
            assert cell.font.b and cell.font.color.rgb.endswith("C62828")
            assert second[fp]["details"]["overdue"] is True
        else:
            assert shows == second[fp]["deadline"] and OVERDUE not in cell.number_format


def test_the_status_the_office_reported_is_carried_forward(book, rounds, second):
    rows = office_rows(book)
    shown = {fp: rows[fp]["状态"].value for fp in rows}
    fixed = {f["fingerprint"] for f in rounds["fixed"]}
    expect = {}
    for fp, status in rounds["reported"].items():
        if fp in fixed:
            assert fp not in rows  # reported 已整改 and gone: on the 销号 sheet, not an office's list
            continue
        expect[fp] = "已报整改但仍存在" if status == "已整改" else status
    assert sorted(expect.values()) == ["已报整改但仍存在", "整改中"]
    assert {fp: s for fp, s in shown.items() if s} == expect


def test_fixed_sheet_lists_what_was_fixed_since_the_previous_round(book, rounds, first):
    # after the offices' sheets (only 本网站抓取统计 and 未核实, netcheck's own, come after it)
    assert FIXED in book.sheetnames and [n for n in book.sheetnames if n not in ("本网站抓取统计", "未核实")][-1] == FIXED
    rows = rows_of(book[FIXED], FIXED_HEADERS)
    fixed = rounds["fixed"]
    assert len(rows) == len(fixed) >= 3
    by_text = {(r["问题描述"].value, text(r["页面链接"])) for r in rows}
    for f in fixed:
        assert (f["evidence"], f["url"] or f["target"]) in by_text
    for r in rows:
        assert text(r["发现日期"]) == FIRST_AS_OF and text(r["销号日期"]) == SECOND_AS_OF
        assert r["责任科室"].value and r["问题类型"].value and "." not in r["问题类型"].value  # a name, not an id
    summary = {r[0]: r[1] for r in book["汇总"].iter_rows(values_only=True) if r[0]}
    assert summary["与上次比较"].endswith(f"已整改（销号） {len(fixed)}")
    assert book["汇总"].cell(row=[r[0] for r in book["汇总"].iter_rows(values_only=True)].index("与上次比较") + 1,
                             column=2).hyperlink.location == f"'{FIXED}'!A1"


def test_fixed_and_summary_sheets_are_not_read_back_as_an_office_list(rounds):
    from netcheck.history.workbook import read_statuses

    reported = read_statuses(rounds["run2"] / "rectification.xlsx")
    assert not {FIXED, "汇总"} & set(reported.skipped_sheets)
    assert set(OWN_SHEETS) >= {"汇总", FIXED, "未核实"}


def test_first_round_has_no_fixed_sheet_and_no_carried_status(rounds):
    import openpyxl

    book = openpyxl.load_workbook(rounds["run1"] / "rectification.xlsx")
    assert FIXED not in book.sheetnames
    assert not any(row["状态"].value for row in office_rows(book).values())


def finding(fp, deadline, details=None):
    return Finding(rule="column.stale", severity="deduct", points=2, site="http://s/", department="办公室",
                   category="通知公告", url=None, target=None, title="", evidence="e", detected_on="2016-08-01",
                   deadline=deadline, fingerprint=fp, details=details or {})


def previous_row(fp, deadline, first_seen=None):
    return {"fingerprint": fp, "deadline": deadline, "first_seen": first_seen, "rule": "column.stale"}


@pytest.mark.parametrize("as_of, overdue", [(date(2016, 7, 14), False), (date(2016, 8, 1), True)])
def test_compare_keeps_the_deadline_of_the_chain(as_of, overdue):
    found = [finding("a", "2016-08-15")]
    previous = {"as_of": date(2016, 7, 1), "site_url": "http://s/"}
    compare(found, previous, [previous_row("a", date(2016, 7, 14), first_seen=date(2016, 6, 1))], as_of)
    assert (found[0].first_seen, found[0].deadline) == ("2016-06-01", "2016-07-14")
    assert found[0].details.get("overdue", False) is overdue


def test_a_status_sent_back_unchanged_still_counts_as_reported_fixed():
    found = [finding("a", "2016-08-15")]
    previous = {"as_of": date(2016, 7, 1), "site_url": "http://s/"}
    reported = {"a": {"status": "已报整改但仍存在", "reported_on": date(2016, 7, 5), "note": None}}
    compare(found, previous, [previous_row("a", date(2016, 7, 14))], date(2016, 8, 1), reported)
    assert found[0].details["reported_fixed_but_found"] is True


def test_no_rule_id_anywhere_in_the_workbook(book, long_workbook):
    """Offices read rule names (链接不可用), never ids (link.broken): the glossary, reports/names.py."""
    import re

    import openpyxl

    from reports.names import RULE_NAMES

    ids = re.compile(r"(?<![\w./-])(" + "|".join(map(re.escape, RULE_NAMES)) + r")(?![\w/-])")
    for workbook in (book, openpyxl.load_workbook(long_workbook)):
        for ws in workbook.worksheets:
            hidden = {k for k, d in ws.column_dimensions.items() if d.hidden}
            for line in ws.iter_rows():
                for cell in line:
                    if isinstance(cell.value, str) and cell.column_letter not in hidden:
                        assert not ids.search(text(cell)), (ws.title, cell.coordinate, cell.value)
