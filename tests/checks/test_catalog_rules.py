"""Rules' severity, points and basis: the catalog's own (a YAML `rules:` section, an XLSX 规则 sheet),
completed from the bundled catalog's `rules:`, so a catalog that leaves points out never scores 0."""
from __future__ import annotations

import dataclasses
from pathlib import Path

import openpyxl
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import checks
from checks.catalog import DEFAULT_CATALOG, Catalog, CatalogError, Category, RuleSetting, load_catalog
from checks.catalog.fields import RULE_FIELDS

RULE_IDS = [r.rule_id for r in checks.RULES]
RULE_HEADERS = [header for f in RULE_FIELDS for header in f.headers]
# What the bundled file says, read here independently of the loader.
BUNDLED = yaml.safe_load(DEFAULT_CATALOG.read_text(encoding="utf-8"))["rules"]
CATEGORIES = [["category", "department", "update_days"], ["行政处罚", "稽查支队", 30], ["行政许可", "审批科", None]]


def workbook(path: Path, categories=CATEGORIES, **sheets) -> Path:
    """A workbook: the categories on the first sheet, then each further sheet (title → rows)."""
    book = openpyxl.Workbook()
    for row in categories:
        book.active.append(row)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def bundled(rule_id: str) -> RuleSetting:
    spec = BUNDLED[rule_id]
    return RuleSetting(severity=spec["severity"], points=float(spec["points"]), basis=spec.get("basis", ""),
                       days=spec.get("days"), items=tuple(spec.get("items") or ()),
                       exclude=tuple(spec.get("exclude") or ()))


CATALOGS_WITHOUT_RULES = {
    "xlsx": lambda folder: workbook(folder / "c.xlsx"),
    "csv": lambda folder: write(folder / "c.csv", "category,department,update_days\n行政处罚,稽查支队,30\n"),
    "yaml": lambda folder: write(folder / "c.yaml", "name: t\ncategories:\n  - category: 行政处罚\n"),
}


@pytest.mark.parametrize("kind", CATALOGS_WITHOUT_RULES)
def test_a_catalog_without_rule_settings_takes_every_rules_bundled_severity_points_and_basis(tmp_path, kind):
    catalog = load_catalog(CATALOGS_WITHOUT_RULES[kind](tmp_path))
    assert {r: catalog.rule(r) for r in RULE_IDS} == {r: bundled(r) for r in RULE_IDS}
    assert catalog.rule("link.broken").points == 0.1 and catalog.rule("column.missing").points == 2
    assert catalog.rule("site.homepage_stale").days == 14
    assert catalog.rule_sources == {r: "default" for r in RULE_IDS} and catalog.rule_given == {}


def test_the_bundled_catalog_gives_every_rule_its_severity_points_and_basis():
    catalog = load_catalog()
    assert catalog.rule_sources == {r: "catalog" for r in RULE_IDS}
    assert {r: catalog.rule(r) for r in RULE_IDS} == {r: bundled(r) for r in RULE_IDS}


def test_a_catalog_built_in_code_also_takes_the_bundled_settings():
    catalog = Catalog(name="t", categories=[Category(name="行政处罚")])
    assert catalog.rule("item.late") == bundled("item.late")


def test_a_rule_the_bundled_catalog_lacks_keeps_its_default_severity_with_0_points(monkeypatch):
    catalog = Catalog(name="t", categories=[Category(name="行政处罚")])
    assert catalog.rule("a11y.contrast") == RuleSetting(severity="deduct", points=0.0)
    declared = dataclasses.replace(checks.SPECS["link.unverified"], id="a11y.contrast", severity="notice")
    monkeypatch.setitem(checks.SPECS, "a11y.contrast", declared)
    assert catalog.rule("a11y.contrast") == RuleSetting(severity="notice", points=0.0)


def test_a_rules_sheet_overrides_the_settings_it_gives_and_the_rest_stay_bundled(tmp_path):
    path = workbook(tmp_path / "c.xlsx", 规则=[
        ["规则", "级别", "扣分", "依据", "天数"],
        ["link.broken", None, 0.5, None, None],
        ["item.late", "提示", None, "本局规定：5个工作日内公开", None],
        ["site.homepage_stale", None, None, None, 7],
        ["column.stale", "deduct", "3", None, None],  # a number typed as text
    ])
    catalog = load_catalog(path)
    assert catalog.rule("link.broken") == RuleSetting("deduct", 0.5, bundled("link.broken").basis)
    assert catalog.rule("item.late") == RuleSetting("notice", 0.5, "本局规定：5个工作日内公开")
    assert catalog.rule("site.homepage_stale") == RuleSetting("veto", 0.0, bundled("site.homepage_stale").basis, 7)
    assert catalog.rule("column.stale").points == 3.0
    others = [r for r in RULE_IDS if r not in ("link.broken", "item.late", "site.homepage_stale", "column.stale")]
    assert {r: catalog.rule(r) for r in others} == {r: bundled(r) for r in others}
    assert catalog.rule_given == {"link.broken": ("points",), "item.late": ("severity", "basis"),
                                  "site.homepage_stale": ("days",), "column.stale": ("severity", "points")}
    assert [r for r in RULE_IDS if catalog.rule_sources[r] == "catalog"] == [
        "site.homepage_stale", "column.stale", "item.late", "link.broken"]


def test_a_sheet_named_rules_with_english_headers_is_read_and_other_sheets_are_not(tmp_path):
    path = workbook(tmp_path / "c.xlsx", 说明=[["填表说明：扣分为每条问题扣的分"]],
                    rules=[["rule", "severity", "points", "basis"], ["privacy.leak", "一票否决", 0, "本市规定"]])
    catalog = load_catalog(path)
    assert catalog.rule("privacy.leak") == RuleSetting("veto", 0.0, "本市规定")
    assert catalog.rule_sources["privacy.leak"] == "catalog" and catalog.rule_sources["link.broken"] == "default"


@pytest.mark.parametrize("rows", [[], [["rule", "points"]]], ids=["blank", "header only"])
def test_an_empty_rules_sheet_leaves_every_rule_at_its_default(tmp_path, rows):
    catalog = load_catalog(workbook(tmp_path / "c.xlsx", 规则=rows))
    assert {r: catalog.rule(r) for r in RULE_IDS} == {r: bundled(r) for r in RULE_IDS}


def test_a_yaml_rules_entry_that_sets_only_points_keeps_the_bundled_severity_and_basis(tmp_path):
    catalog = load_catalog(write(tmp_path / "c.yaml", "categories:\n  - category: 行政处罚\n"
                                 "rules:\n  site.homepage_stale:\n    points: 5\n  link.broken:\n    points:\n"))
    assert catalog.rule("site.homepage_stale") == RuleSetting("veto", 5.0, bundled("site.homepage_stale").basis, 14)
    assert catalog.rule("link.broken") == bundled("link.broken")  # `points:` left empty: the default
    assert catalog.rule_given == {"site.homepage_stale": ("points",)}
    assert catalog.rule_sources["site.homepage_stale"] == "catalog"
    assert catalog.rule_sources["link.broken"] == "default"


@pytest.mark.parametrize("word, severity", [("一票否决", "veto"), ("单项否决", "veto"), ("否决", "veto"),
                                            ("扣分", "deduct"), ("提示", "notice"), ("Notice", "notice")])
def test_chinese_severities_in_a_category_row_and_a_rule_alike(tmp_path, word, severity):
    sheet = load_catalog(workbook(tmp_path / "c.xlsx", [["category", "severity"], ["行政处罚", word]],
                                  规则=[["规则编号", "级别"], ["link.broken", word]]))
    assert sheet.category("行政处罚").severity == severity and sheet.rule("link.broken").severity == severity
    text = load_catalog(write(tmp_path / "c.yaml", f"categories:\n  - category: 行政处罚\n    severity: {word}\n"
                                                   f"rules:\n  item.late: {{severity: {word}}}\n"))
    assert text.category("行政处罚").severity == severity and text.rule("item.late").severity == severity


# --- whatever a 规则 sheet holds: a Catalog or a one-line CatalogError, never another exception ---

RULE_CELL = st.one_of(st.none(), st.booleans(), st.integers(-5, 10 ** 20), st.floats(allow_nan=False),
                      st.text(st.characters(exclude_categories=("Cs", "Cc")), max_size=6).map(lambda t: t.replace("=", "")), st.dates(),
                      st.sampled_from([*RULE_HEADERS, *RULE_IDS, "一票否决", "扣分", "提示", "严重", "0.5", "-1"]))


@settings(max_examples=40, deadline=None)  # openpyxl writes and reads a workbook per example
@given(st.lists(st.lists(RULE_CELL, max_size=5), max_size=4), st.sampled_from(["规则", "rules", "Rules"]),
       st.lists(st.tuples(st.integers(1, 4), st.integers(1, 5)), max_size=1))
def test_any_rules_sheet_loads_or_is_refused_on_one_line(tmp_path_factory, rows, title, merges):
    path = tmp_path_factory.mktemp("rules") / "c.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["category"])
    book.active.append(["行政处罚"])
    sheet = book.create_sheet(title)
    for row in rows:
        sheet.append(row)
    for top, left in merges:
        sheet.merge_cells(start_row=top, start_column=left, end_row=top + 1, end_column=left)
    book.save(path)
    try:
        catalog = load_catalog(path)
    except CatalogError as exc:
        assert str(exc).startswith(f"{path}，工作表「{title}」") and "\n" not in str(exc)
        return
    assert all(catalog.rule(r).points >= 0 and catalog.rule(r).severity in ("veto", "deduct", "notice")
               for r in RULE_IDS)
