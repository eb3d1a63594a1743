"""The field table is the one list of a catalog's columns: the model, the readers, the template and
the README all follow it, so a new column is one line there."""
from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from checks.catalog import Catalog, Category, RuleSetting, WrongTerm
from checks.catalog.fields import (CATEGORY_FIELDS, RULE_FIELDS, SETTING_FIELDS, SEVERITY_LABELS, SHEETS,
                                   WRONG_TERM_FIELDS, find_field, header_index, header_key)
from checks.catalog.readme import markdown_tables
from checks.scoring import ScoringSettings
from netcheck.gating import COUNTING_VETOES
from reports.names import VETO

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
TABLES = {"栏目": CATEGORY_FIELDS, "规则": RULE_FIELDS, "设置": SETTING_FIELDS, "错误用语": WRONG_TERM_FIELDS}


def read(fields):
    return [f for f in fields if f.type != "info"]


def test_the_model_has_a_field_for_every_column_and_no_other():
    assert ["name" if f.name == "category" else f.name for f in read(CATEGORY_FIELDS)] == \
        [f.name for f in dataclasses.fields(Category)]
    assert [f.name for f in read(WRONG_TERM_FIELDS)] == [f.name for f in dataclasses.fields(WrongTerm)]
    settings = {f.name for f in dataclasses.fields(RuleSetting)}
    assert settings <= {f.name for f in RULE_FIELDS}


def test_the_models_defaults_are_the_tables():
    category = Category(name="行政处罚")
    for f in read(CATEGORY_FIELDS)[1:]:
        expected = f.default if f.default is not None else {"list": (), "text": ""}.get(f.type)
        if f.name == "parent":
            expected = None
        assert getattr(category, f.name) == expected, f.name
    catalog = Catalog(name="t", categories=[])
    defaults = {f.name: f.default for f in SETTING_FIELDS}
    assert catalog.edition == defaults["edition"] and catalog.default_department == defaults["default_department"]
    assert catalog.annual_category == defaults["annual_report.category"]
    assert "%02d-%02d" % catalog.annual_deadline == defaults["annual_report.deadline"]
    assert catalog.match_threshold == defaults["match_threshold"]
    assert catalog.rectification_workdays == {k.split(".")[1]: v for k, v in defaults.items()
                                              if k.startswith("rectification_workdays.")}


def test_the_scoring_settings_are_listed_once():
    """The counting vetoes and early warnings: the table's names are the ones scoring and gating read."""
    scoring = [f for f in SETTING_FIELDS if f.name.startswith("scoring.")]
    assert tuple(f.name.split(".")[2] for f in scoring if f.name.startswith("scoring.veto.")) == COUNTING_VETOES
    raw = {}
    for f in scoring:
        _, section, key = f.name.split(".")
        raw.setdefault(section, {})[key] = f.default + 1
    assert ScoringSettings.from_catalog(raw) == ScoringSettings(*(f.default + 1 for f in scoring))
    assert ScoringSettings() == ScoringSettings(*(f.default for f in scoring))


@pytest.mark.parametrize("title", TABLES)
def test_no_header_names_two_fields(title):
    fields = TABLES[title]
    seen = {}
    for f in fields:
        for header in f.headers:
            key = header_key(header)
            assert seen.setdefault(key, f.name) == f.name, (title, header)
    assert all(find_field(fields, f.header) is f and find_field(fields, f.name) is f for f in fields)
    assert len(header_index(fields)) >= 2 * len(fields)


@pytest.mark.parametrize("written, name", [("更新周期（天）", "update_days"), ("更新周期(天)", "update_days"),
                                           ("更新周期", "update_days"), (" 更新 周期 ", "update_days"),
                                           ("Update_Days", "update_days"), ("公开时限（工作日）", "limit_workdays"),
                                           ("严重程度", "severity"), ("栏目名称", "category"), ("ＰＯＩＮＴＳ", "points"),
                                           ("栏目*", "category")])
def test_a_header_is_known_however_it_is_spelt(written, name):
    assert find_field(CATEGORY_FIELDS, written).name == name


def test_veto_is_shown_as_the_glossary_says():
    assert SEVERITY_LABELS == {"veto": VETO, "deduct": "扣分", "notice": "提示"}


def test_every_sheet_names_its_fields():
    assert {s.title for s in SHEETS} == set(TABLES)
    assert all(s.title in s.names for s in SHEETS)


def test_the_readme_documents_every_field_from_the_table():
    """The README's catalog tables are generated (`python -m checks.catalog.readme README.md`)."""
    assert markdown_tables() in README, "run: python -m checks.catalog.readme README.md"
    for fields in TABLES.values():
        for f in fields:
            assert f"| {f.header}" in README and f"`{f.name}`" in README, f.name
    assert "netcheck catalog template" in README
