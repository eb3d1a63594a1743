"""The catalog loads from YAML, XLSX and CSV alike, and a bad one is refused with where and why."""
from pathlib import Path

import openpyxl
import pytest

from checks.catalog import CatalogError, load_catalog

GOOD_ROW = "  - category: 行政处罚\n    aliases: [处罚公示]\n    department: 稽查支队\n    limit_workdays: 7\n    severity: deduct\n"


def write(tmp_path: Path, text: str, name="catalog.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_default_catalog_has_the_drafts_33_categories_with_offices_and_basis():
    catalog = load_catalog()
    assert len(catalog.categories) == 33
    assert all(c.department for c in catalog.categories)
    penalty = catalog.category("行政处罚")
    assert penalty.limit_workdays == 7 and penalty.disclosure and "国办发〔2015〕51号" in penalty.basis
    assert catalog.category("政府信息公开年报").limit_workdays == 20
    assert catalog.annual_deadline == (3, 31)
    assert catalog.digest.startswith("sha256:")


def test_bad_severity_is_refused_with_file_row_line_and_reason(tmp_path):
    path = write(tmp_path, "name: t\ncategories:\n" + GOOD_ROW +
                 "  - category: 行政许可\n    severity: fatal\n")
    with pytest.raises(CatalogError) as err:
        load_catalog(path)
    message = str(err.value)
    assert message.startswith(f"{path}，第 2 个栏目（行政许可），第 8 行，「severity」：")
    assert "「fatal」无法识别：请填 单项否决、扣分、提示" in message


def test_unknown_column_is_refused(tmp_path):
    path = write(tmp_path, "categories:\n  - category: 行政许可\n    update_dayz: 30\n")
    with pytest.raises(CatalogError, match="第 1 个栏目.*未知的键「update_dayz」"):
        load_catalog(path)


def test_duplicate_category_and_non_numbers_are_refused(tmp_path):
    with pytest.raises(CatalogError, match="与第 1 个栏目重复"):
        load_catalog(write(tmp_path, "categories:\n" + GOOD_ROW + GOOD_ROW))
    with pytest.raises(CatalogError, match="「limit_workdays」：须为数字"):
        load_catalog(write(tmp_path, "categories:\n  - category: 行政许可\n    limit_workdays: 七\n"))


def test_yaml_syntax_error_names_the_line(tmp_path):
    with pytest.raises(CatalogError, match=r"第 \d+ 行：YAML 格式有误"):
        load_catalog(write(tmp_path, "categories:\n  - category: a\n  - [unclosed\n"))


def test_csv_catalog_with_semicolon_aliases_in_gbk(tmp_path):
    path = tmp_path / "c.csv"
    path.write_bytes("category,aliases,department,limit_workdays,severity\n行政处罚,处罚公示;案件查处,稽查支队,7,deduct\n"
                     .encode("gb18030"))
    cat = load_catalog(path).category("行政处罚")
    assert cat.aliases == ("处罚公示", "案件查处") and cat.limit_workdays == 7


def test_xlsx_catalog_bad_severity_names_the_sheet_row(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["category", "aliases", "department", "severity"])
    ws.append(["行政处罚", "处罚公示", "稽查支队", "deduct"])
    ws.append(["行政许可", "", "审批科", "严重"])
    path = tmp_path / "c.xlsx"
    wb.save(path)
    with pytest.raises(CatalogError, match=r"第 3 行（行政许可），D 列「severity」：「严重」无法识别"):
        load_catalog(path)
