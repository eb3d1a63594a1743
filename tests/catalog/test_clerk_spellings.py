"""What a clerk types is read as meant: Chinese or English headers, every list separator, Chinese
severities and classes, yes/no in words, numbers typed as text, dates as Excel makes them."""
from __future__ import annotations

from datetime import date, datetime

import openpyxl
import pytest

from checks.catalog import load_catalog


def workbook(path, categories: list[list], **sheets) -> object:
    book = openpyxl.Workbook()
    book.active.title = "栏目"
    for row in categories:
        book.active.append(row)
    for title, rows in sheets.items():
        ws = book.create_sheet(title)
        for row in rows:
            ws.append(row)
    book.save(path)
    return path


@pytest.mark.parametrize("written", ["工作动态;部门动态", "工作动态；部门动态", "工作动态,部门动态", "工作动态，部门动态",
                                     "工作动态、部门动态", "工作动态\n部门动态", "工作动态\r\n部门动态", " 工作动态 、 部门动态 、",
                                     "工作动态、、部门动态"])
def test_aliases_split_on_every_separator_a_clerk_types(tmp_path, written):
    path = workbook(tmp_path / "c.xlsx", [["栏目", "别名"], ["新闻动态", written]])
    assert load_catalog(path).category("新闻动态").aliases == ("工作动态", "部门动态")
    yaml_file = tmp_path / "c.yaml"
    yaml_file.write_text("categories:\n  - category: 新闻动态\n    aliases: " + repr(written).replace("'", '"') + "\n",
                         encoding="utf-8")
    assert load_catalog(yaml_file).category("新闻动态").aliases == ("工作动态", "部门动态")


def test_a_csv_with_chinese_headers_in_gbk(tmp_path):
    path = tmp_path / "一览表.csv"
    path.write_bytes("栏目,别名,责任科室,公开时限（工作日）,级别,栏目类型,须标注索引号\n"
                     "行政处罚,处罚公示、案件查处,稽查支队,7,一票否决,其他,是\n".encode("gb18030"))
    cat = load_catalog(path).category("行政处罚")
    assert (cat.aliases, cat.department, cat.limit_workdays, cat.severity, cat.kind, cat.disclosure) == (
        ("处罚公示", "案件查处"), "稽查支队", 7, "veto", "other", True)


@pytest.mark.parametrize("word, kind", [("动态要闻", "dynamics"), ("动态", "dynamics"), ("通知公告", "notices"),
                                        ("政策文件", "policy"), ("人事", "personnel"), ("规划计划", "plan"),
                                        ("其他", "other"), ("其它", "other"), ("policy", "policy")])
def test_category_classes_in_chinese(tmp_path, word, kind):
    path = workbook(tmp_path / "c.xlsx", [["栏目", "栏目类型"], ["某栏目", word]])
    assert load_catalog(path).category("某栏目").kind == kind


@pytest.mark.parametrize("word, flag", [("是", True), ("否", False), ("需要", True), ("不需要", False), ("√", True),
                                        ("TRUE", True), (True, True), (0, False), (None, False)])
def test_yes_and_no_in_words(tmp_path, word, flag):
    path = workbook(tmp_path / "c.xlsx", [["栏目", "须标注索引号"], ["某栏目", word]])
    assert load_catalog(path).category("某栏目").disclosure is flag


def test_numbers_typed_as_text_and_full_width(tmp_path):
    path = workbook(tmp_path / "c.xlsx", [["栏目", "更新周期", "扣分"], ["某栏目", " 14 ", "１.５"]])
    cat = load_catalog(path).category("某栏目")
    assert (cat.update_days, cat.points) == (14, 1.5)


def test_the_rules_sheet_by_rule_name_only(tmp_path):
    path = workbook(tmp_path / "c.xlsx", [["栏目"], ["某栏目"]],
                    规则=[["规则名称", "级别", "扣分", "最多扣分"], ["链接不可用", "提示", 0.2, 3], ["首页不更新", "否决", None, None]])
    catalog = load_catalog(path)
    assert (catalog.rule("link.broken").severity, catalog.rule("link.broken").points) == ("notice", 0.2)
    assert catalog.scoring["caps"]["link.broken"] == 3
    assert catalog.rule("site.homepage_stale").severity == "veto"
    assert catalog.rule_given["link.broken"] == ("severity", "points")


def test_settings_and_wrong_terms_sheets_as_excel_keeps_them(tmp_path):
    """Excel turns 3-31 typed in a cell into a date, and a date column into datetimes."""
    path = workbook(tmp_path / "c.xlsx", [["栏目"], ["某栏目"]],
                    设置=[["设置项", "值"], ["年报截止日期", datetime(2025, 1, 31)], ["指标版本", "2019"],
                        ["默认责任科室", "办公室"], ["补充节假日", "2030-10-08、2030/10/9"],
                        ["整改时限：单项否决（工作日）", 3], ["scoring.veto.blank_columns", 4], ["栏目匹配度", 85]],
                    错误用语=[["错误用语", "正确用语", "起始日期", "前字例外"],
                          ["国家工商行政管理总局", "国家市场监督管理总局", datetime(2018, 4, 10), "原"]])
    catalog = load_catalog(path)
    assert catalog.annual_deadline == (1, 31) and catalog.edition == 2019 and catalog.default_department == "办公室"
    assert catalog.extra_holidays == (date(2030, 10, 8), date(2030, 10, 9))
    assert catalog.rectification_workdays["veto"] == 3 and catalog.scoring["veto"]["blank_columns"] == 4
    assert catalog.scoring["veto"]["key_columns_stale"] == 5  # not given: the bundled value
    assert catalog.match_threshold == 85
    term = catalog.wrong_terms[0]
    assert (term.term, term.since, term.not_before) == ("国家工商行政管理总局", date(2018, 4, 10), "原")


def test_a_note_column_is_for_people(tmp_path):
    path = workbook(tmp_path / "c.xlsx", [["栏目", "备注"], ["某栏目", "2024年起由办公室维护"]],
                    规则=[["规则名称", "扣分", "说明", "备注"], ["链接不可用", 0.2, "检查什么", "本局自定"]])
    assert load_catalog(path).category("某栏目").name == "某栏目"


def test_instructions_first_then_categories(tmp_path):
    """The template's order: a 说明 sheet before the 栏目 sheet is not read as the categories."""
    book = openpyxl.Workbook()
    book.active.title = "说明"
    book.active.append(["填写说明：每个栏目一行"])
    ws = book.create_sheet("Sheet2")
    ws.append(["栏目"])
    ws.append(["某栏目"])
    book.save(tmp_path / "c.xlsx")
    assert [c.name for c in load_catalog(tmp_path / "c.xlsx").categories] == ["某栏目"]


def test_a_yaml_catalog_with_the_templates_chinese_keys(tmp_path):
    chinese = tmp_path / "一览表.yaml"
    chinese.write_text("categories:\n"
                       "  - 栏目名称: 政策文件\n    别名: 规范性文件、政策解读\n    责任科室: 办公室\n"
                       "    更新周期（天）: 30\n    公开时限(工作日): 20\n    级别: 单项否决\n"
                       "wrong_terms:\n  - 错误用语: 国家发改委\n", encoding="utf-8")
    english = tmp_path / "catalog.yaml"
    english.write_text("categories:\n"
                       "  - category: 政策文件\n    aliases: 规范性文件、政策解读\n    department: 办公室\n"
                       "    update_days: 30\n    limit_workdays: 20\n    severity: veto\n"
                       "wrong_terms:\n  - term: 国家发改委\n", encoding="utf-8")
    assert load_catalog(chinese).categories == load_catalog(english).categories
    assert load_catalog(chinese).wrong_terms == load_catalog(english).wrong_terms
