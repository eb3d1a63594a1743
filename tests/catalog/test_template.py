"""`netcheck catalog template [FILE.xlsx]`: the bundled catalog as a workbook a clerk can fill in —
an instructions sheet, every column explained, drop-downs for severities — that loads back as
the bundled catalog."""
from __future__ import annotations

import openpyxl
import pytest

from catalogclerk import run_netcheck
from checks.catalog import load_catalog
from checks.catalog.fields import CATEGORY_FIELDS, RULE_FIELDS, SETTING_FIELDS, SEVERITY_LABELS, WRONG_TERM_FIELDS
from netcheck.catalog_template import DEFAULT_NAME, write_template
from netcheck.cli import main


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    return write_template(tmp_path_factory.mktemp("template") / "t.xlsx")


def test_the_command_writes_the_default_file_and_says_where_in_one_chinese_line(tmp_path):
    done = run_netcheck("catalog", "template", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    path = tmp_path / DEFAULT_NAME
    assert path.is_file() and DEFAULT_NAME == "信息公开目录模板.xlsx"
    assert done.stdout.count("\n") == 1 and done.stdout.startswith("已写出目录模板：") and str(path) in done.stdout
    # a second run does not overwrite what the clerk has edited since
    again = run_netcheck("catalog", "template", cwd=tmp_path)
    assert again.returncode == 2 and "已存在" in again.stderr and again.stderr.count("\n") == 1


def test_a_file_given_is_written_there_and_only_as_xlsx(tmp_path, capsys):
    assert main(["catalog", "template", str(tmp_path / "本局.xlsx")]) == 0
    assert (tmp_path / "本局.xlsx").is_file() and "本局.xlsx" in capsys.readouterr().out
    assert main(["catalog", "template", str(tmp_path / "本局.xlsx"), "--force"]) == 0
    assert main(["catalog", "template", str(tmp_path / "本局.csv")]) == 2
    assert ".xlsx" in capsys.readouterr().err
    assert main(["catalog", "template", str(tmp_path / "没有这个文件夹" / "t.xlsx")]) == 2
    assert "无法写入" in capsys.readouterr().err


def test_it_loads_back_as_the_bundled_catalog(template):
    written, bundled = load_catalog(template), load_catalog()
    assert written.categories == bundled.categories and len(written.categories) == 33
    assert written.rules == bundled.rules and written.rule_sources == bundled.rule_sources
    assert written.rule_given == bundled.rule_given
    assert written.scoring == bundled.scoring and written.wrong_terms == bundled.wrong_terms
    assert (written.name, written.default_department, written.annual_deadline) == (
        bundled.name, bundled.default_department, bundled.annual_deadline)


def test_its_sheets_and_headers_are_the_field_tables(template):
    book = openpyxl.load_workbook(template)
    assert book.sheetnames == ["说明", "栏目", "规则", "设置", "错误用语"]
    for title, fields in (("栏目", CATEGORY_FIELDS), ("规则", RULE_FIELDS), ("错误用语", WRONG_TERM_FIELDS)):
        head = book[title][1]
        assert [c.value for c in head] == [f.header for f in fields]
        for cell, f in zip(head, fields):  # every column explained where it is
            assert cell.comment is not None and f.help in cell.comment.text, (title, f.name)
    assert [row[0].value for row in book["设置"].iter_rows(min_row=2)] == [f.header for f in SETTING_FIELDS]
    assert book["栏目"].freeze_panes == "B2" and book["栏目"].print_title_rows == "$1:$1"


def test_the_instructions_sheet_explains_every_column_in_chinese(template):
    text = "\n".join(str(v) for row in openpyxl.load_workbook(template)["说明"].iter_rows(values_only=True)
                     for v in row if v is not None)
    assert "填写说明" in text and "netcheck catalog check" in text and "单项否决" in text
    for f in (*CATEGORY_FIELDS, *RULE_FIELDS, *SETTING_FIELDS, *WRONG_TERM_FIELDS):
        assert f.header in text and f.help in text, f.name


def test_severities_and_fixed_words_have_drop_downs(template):
    book = openpyxl.load_workbook(template)
    lists = {}
    for title in ("栏目", "规则"):
        ws = book[title]
        head = {c.value: c.column_letter for c in ws[1]}
        for rule in ws.data_validations.dataValidation:
            for header, letter in head.items():
                if f"{letter}2:" in str(rule.sqref):
                    lists[(title, header)] = (rule.type, rule.formula1)
    severities = '"' + ",".join(SEVERITY_LABELS.values()) + '"'
    assert lists[("栏目", "级别")] == ("list", severities) == (lists[("规则", "级别")][0], severities)
    assert lists[("栏目", "须标注索引号")] == ("list", '"是,否"')
    assert lists[("栏目", "栏目类型")][0] == "list" and "动态要闻" in lists[("栏目", "栏目类型")][1]
    assert lists[("栏目", "更新周期（天）")][0] == "whole" and lists[("规则", "扣分")][0] == "decimal"
    assert SEVERITY_LABELS["veto"] == "单项否决"


def test_long_text_rows_are_tall_enough_to_show_it(template):
    ws = openpyxl.load_workbook(template)["栏目"]
    aliases = [c.column_letter for c in ws[1] if c.value == "别名"][0]
    row = next(c.row for c in ws[aliases][1:] if c.value and len(c.value) > 60)
    assert ws.row_dimensions[row].height and ws.row_dimensions[row].height >= 45
    assert ws[f"{aliases}{row}"].alignment.wrap_text
