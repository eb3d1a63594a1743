"""Rules' settings in a catalog (severity, points, basis, days), from a YAML file's `rules:` section
or a workbook's 规则 sheet, each completed from the bundled catalog.

A rule the catalog does not name, or a setting its entry leaves out or leaves empty, takes the
national-check value written in the bundled catalog (checks/default_catalog.yaml `rules:`): a
catalog kept as a spreadsheet, which may have nowhere to write points, still deducts them. The
bundled values are read from that file on first use, and written nowhere else.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType

import yaml

from .catalog import (DEFAULT_CATALOG, RULE_SETTINGS, Catalog, CatalogError, RuleSetting, default_severity,
                      _is_scalar_text, _kind, _number, _severity, _text)


def default_rule(rule_id: str) -> RuleSetting:
    """The bundled catalog's settings for the rule. A rule it does not list keeps its
    declared severity and deducts 0 points (`netcheck catalog check` warns of it)."""
    return bundled_rules().get(rule_id) or RuleSetting(severity=default_severity(rule_id), points=0.0)


@lru_cache(maxsize=1)
def _bundled_doc() -> dict:
    try:
        return yaml.load(DEFAULT_CATALOG.read_text(encoding="utf-8"),  # noqa: S506 - a SafeLoader
                         Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise CatalogError(DEFAULT_CATALOG, f"the bundled catalog cannot be read: {exc}") from None


def with_bundled_scoring(given: dict) -> dict:
    """The catalog's `scoring:` completed section by section from the bundled catalog's, so that a
    sheet catalog caps a rule's points as the bundled one does (1,000 dead links are not 100 points)."""
    bundled = _bundled_doc().get("scoring") or {}
    return {section: {**(bundled.get(section) or {}), **(given.get(section) or {})}
            for section in {*bundled, *given}}


@lru_cache(maxsize=1)
def bundled_rules() -> Mapping[str, RuleSetting]:
    """Rule id → its settings in the bundled catalog's `rules:` section. Read once, on first use,
    with libyaml where PyYAML has it; the rest of the bundled catalog is not built."""
    doc = _bundled_doc()
    out = {}
    for rule_id, spec in (doc.get("rules") or {}).items():
        given = rule_values(spec, _yaml_refusal(DEFAULT_CATALOG, rule_id))
        out[rule_id] = RuleSetting(**{"severity": default_severity(rule_id), "points": 0.0, **given})
    return MappingProxyType(out)


def rule_values(spec: dict, err) -> dict:
    """The settings one entry gives, checked: {setting: value} for each it sets. An empty value
    (a blank cell, `points:` with nothing after it) is not set. `err(reason, setting)` refuses."""
    unknown = sorted(set(spec) - set(RULE_SETTINGS), key=str)
    if unknown:
        raise err(f"unknown setting {unknown[0]!r} (known: {', '.join(RULE_SETTINGS)})", None)
    basis = spec.get("basis")
    if basis is not None and not _is_scalar_text(basis):
        raise err(f"basis must be text, not {_kind(basis)}", "basis")
    values = {
        "severity": _severity(spec.get("severity"), lambda reason: err(reason, "severity")),
        "points": _number(spec.get("points"), "points", err),
        "basis": _text(basis) or None,
        "days": _number(spec.get("days"), "days", err, integer=True),
    }
    return {key: value for key, value in values.items() if value is not None}


def yaml_rules(path, section: dict) -> dict[str, dict]:
    """Rule id → the settings a YAML file's `rules:` section gives it."""
    known = _rule_ids()
    out = {}
    for rule_id, spec in section.items():
        if rule_id not in known:  # a typo would silently leave the rule at its default
            raise CatalogError(path, f"unknown rule {rule_id!r} (known: {', '.join(known)})", column="rules")
        if not isinstance(spec, dict):
            raise CatalogError(path, f"rules.{rule_id} must be a mapping", column="rules")
        out[rule_id] = rule_values(spec, _yaml_refusal(path, rule_id))
    return out


def _yaml_refusal(path, rule_id):
    return lambda reason, setting=None: CatalogError(path, f"rules.{rule_id}: {reason}", column="rules")


def sheet_rules(path, rule_sheet: tuple[str, list, dict[str, str]]) -> dict[str, dict]:
    """Rule id → the settings a workbook's 规则 sheet gives it, one row per rule.
    `rule_sheet` is (sheet name, rows, {setting: its column name as written}) from catalog_sheets."""
    sheet, rows, written = rule_sheet
    known = _rule_ids()
    out: dict[str, dict] = {}
    seen: dict[str, int] = {}
    for row, _, item in rows:
        item = dict(item)
        rule_id = _text(item.pop("rule", None))

        def err(reason, setting=None, row=row, rule_id=rule_id):
            return CatalogError(path, reason, sheet=sheet, row=row, category=rule_id or None,
                                column=written.get(setting, setting))

        if not rule_id:
            raise err("the rule id is missing (a rule such as link.broken)", "rule")
        if rule_id not in known:
            raise err(f"unknown rule {rule_id!r} (known: {', '.join(known)})", "rule")
        if rule_id in seen:
            raise err(f"rule {rule_id!r} repeats row {seen[rule_id]}", "rule")
        seen[rule_id] = row
        out[rule_id] = rule_values(item, err)
    return out


def apply_rules(catalog: Catalog, given: dict[str, dict]) -> None:
    """Set the rules the catalog gives settings for, completed from the bundled catalog, and
    record for every rule where its settings came from."""
    for rule_id, values in given.items():
        if values:
            catalog.rules[rule_id] = dataclasses.replace(default_rule(rule_id), **values)
            catalog.rule_given[rule_id] = tuple(key for key in RULE_SETTINGS if key in values)
    for rule_id in _rule_ids():  # `given` names no other: unknown ids are refused
        catalog.rule_sources[rule_id] = "catalog" if given.get(rule_id) else "default"


def _rule_ids() -> tuple[str, ...]:
    """The ids of the rules the audit runs, in their order."""
    from . import RULES  # imported here: checks/__init__ imports the rules, which import the catalog

    return tuple(r.rule_id for r in RULES)
