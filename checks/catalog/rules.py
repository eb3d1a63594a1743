"""Rules' settings (severity, points, basis, days) and scoring, completed from the bundled catalog.

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

from .fields import RULE_FIELDS
from .messages import N_, msg
from .model import DEFAULT_CATALOG, RULE_SETTINGS, Catalog, CatalogError, RuleSetting, default_severity
from .values import read

_SETTING_FIELDS = {f.name: f for f in RULE_FIELDS if f.name in RULE_SETTINGS}


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
        raise CatalogError(DEFAULT_CATALOG, msg(N_("内置目录无法读取：{error}（请重新安装 netcheck）"), error=exc)) from None


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
        def err(reason, setting=None, rule_id=rule_id):
            return CatalogError(DEFAULT_CATALOG, msg(N_("{setting}：{reason}"),
                                                     setting=f"rules.{rule_id}{'.' + setting if setting else ''}",
                                                     reason=reason))

        given = rule_values(spec, err)
        out[rule_id] = RuleSetting(**{"severity": default_severity(rule_id), "points": 0.0, **given})
    return MappingProxyType(out)


def rule_values(spec: dict, err) -> dict:
    """The settings one entry gives, checked: {setting: value} for each it sets. An empty value
    (a blank cell, `points:` with nothing after it) is not set. `err(reason, setting)` refuses."""
    values = {name: read(f, spec.get(name), lambda reason, name=name: err(reason, name))
              for name, f in _SETTING_FIELDS.items()}
    if values["basis"] == "":
        values["basis"] = None
    return {key: value for key, value in values.items() if value is not None and value != ()}  # () : a blank list


def apply_rules(catalog: Catalog, given: dict[str, dict]) -> None:
    """Set the rules the catalog gives settings for, completed from the bundled catalog, and
    record for every rule where its settings came from."""
    for rule_id, values in given.items():
        if values:
            catalog.rules[rule_id] = dataclasses.replace(default_rule(rule_id), **values)
            catalog.rule_given[rule_id] = tuple(key for key in RULE_SETTINGS if key in values)
    for rule_id in rule_ids():  # `given` names no other: unknown ids are refused
        catalog.rule_sources[rule_id] = "catalog" if given.get(rule_id) else "default"


def rule_ids() -> tuple[str, ...]:
    """The ids of the rules the audit runs, in their order."""
    from .. import RULES  # imported here: checks/__init__ imports the rules, which import the catalog

    return tuple(r.rule_id for r in RULES)
