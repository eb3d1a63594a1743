"""From what a loader read to a Catalog: every value checked against its field (checks.catalog.fields),
whatever the file's format. A loader gives each row with its place in the file (model.Where) and its
values under the fields' names; it has already refused unknown columns and keys, which only it can
point at. What is refused here is refused at that place.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .fields import CAPS, CATEGORY_FIELDS, RULE_FIELDS, SETTING_FIELDS, WRONG_TERM_FIELDS, Field
from .messages import N_, msg
from .model import Catalog, Category, Where, WrongTerm
from .rules import apply_rules, rule_values, with_bundled_scoring
from .values import read
from .wording import leader_entry, text_entry

_CATEGORY = {f.name: f for f in CATEGORY_FIELDS}
_RULE = {f.name: f for f in RULE_FIELDS}
_SETTING = {f.name: f for f in SETTING_FIELDS}
_CAP = _RULE["cap"]


@dataclass
class Parsed:
    """What a loader read, before its values are checked."""

    path: Path
    categories: list[tuple[Where, dict]]
    settings: dict[str, tuple[object, Where]] = field(default_factory=dict)  # setting name → (value, where)
    rules: list[tuple[Where, dict]] = field(default_factory=list)  # each row gives `rule` or `name`, or both
    caps: list[tuple[Where, object, object]] = field(default_factory=list)  # (where, rule, most points)
    wrong_terms: list[tuple[Where, dict]] = field(default_factory=list)
    wording: dict[str, list[tuple[Where, dict]]] = field(default_factory=dict)  # typos, phrases, leaders (YAML)


def build(parsed: Parsed) -> Catalog:
    categories = _categories(parsed.categories)
    catalog = Catalog(name=Path(parsed.path).stem, categories=categories)
    _settings(catalog, parsed.settings)
    given, caps = _rules(parsed.rules)
    caps.update(_caps(parsed.caps))
    catalog.wrong_terms = [_wrong_term(where, item) for where, item in parsed.wrong_terms]
    for kind, rows in parsed.wording.items():
        setattr(catalog, kind, [leader_entry(where, item) if kind == "leaders" else text_entry(kind, where, item)
                                for where, item in rows])
    apply_rules(catalog, given)
    scoring = catalog.scoring
    if caps:
        scoring = {**scoring, "caps": caps}
    catalog.scoring = with_bundled_scoring(scoring)
    return catalog


def _value(f: Field, value, where: Where):
    return read(f, value, lambda reason: where.error(reason, f.name))


# --- categories ------------------------------------------------------------------------------

def _categories(rows: list[tuple[Where, dict]]) -> list[Category]:
    categories: list[Category] = []
    seen: dict[str, Where] = {}
    aliased: dict[str, tuple[Where, str]] = {}  # alias → (where, category) of its first use
    for where, item in rows:
        cat = _category(where, item)
        where = where.named(cat.name)
        if cat.name in seen:
            raise where.error(msg(N_("栏目「{name}」与{other}重复：请删去一行，或改名"), name=cat.name,
                                  other=where.other(_place(seen[cat.name]))))
        # One category's alias that is another's name is that category twice over. (Two categories
        # may share an alias: a 双公示 column holds both 行政许可 and 行政处罚.)
        named = next((a for a in cat.aliases if a in seen), None)
        if named:
            raise where.error(msg(N_("别名「{alias}」是{other}的栏目名称：同一栏目写了两次"), alias=named,
                                  other=where.other(_place(seen[named]))), "aliases")
        if cat.name in aliased:
            other, other_name = aliased[cat.name]
            raise where.error(msg(N_("「{name}」已是{other}「{other_name}」的别名：同一栏目写了两次"), name=cat.name,
                                  other=where.other(_place(other)), other_name=other_name))
        seen[cat.name] = where
        for alias in cat.aliases:
            aliased.setdefault(alias, (where, cat.name))
        categories.append(cat)
    return categories


def _place(where: Where) -> int:
    return where.entry if where.entry is not None else where.row


def _category(where: Where, item: dict) -> Category:
    name = _value(_CATEGORY["category"], item.get("category"), where)
    if not name:
        raise where.error(msg(N_("未填栏目名称")), "category")
    where = where.named(name)
    values = {}
    for f in CATEGORY_FIELDS[1:]:
        if f.type == "info":
            continue
        value = _value(f, item.get(f.name), where)
        values[f.name] = f.default if value is None else value
    values["parent"] = values["parent"] or None
    return Category(name=name, **values)


# --- top-level settings ----------------------------------------------------------------------

def _settings(catalog: Catalog, given: dict[str, tuple[object, Where]]) -> None:
    values = {}
    for name, (raw, where) in given.items():
        value = _value(_SETTING[name], raw, where)
        if value not in (None, "", ()):
            values[name] = value
    catalog.name = values.get("name", catalog.name)
    catalog.edition = values.get("edition", catalog.edition)
    catalog.default_department = values.get("default_department", catalog.default_department)
    catalog.annual_category = values.get("annual_report.category", catalog.annual_category)
    catalog.annual_deadline = values.get("annual_report.deadline", catalog.annual_deadline)
    catalog.annual_basis = values.get("annual_report.basis", catalog.annual_basis)
    catalog.match_threshold = float(values.get("match_threshold", catalog.match_threshold))
    catalog.extra_holidays = values.get("calendar.holidays", ())
    catalog.extra_workdays = values.get("calendar.workdays", ())
    for severity in list(catalog.rectification_workdays):
        key = f"rectification_workdays.{severity}"
        catalog.rectification_workdays[severity] = values.get(key, catalog.rectification_workdays[severity])
    scoring: dict = {}
    for name, value in values.items():
        if name.startswith("scoring."):
            _, section, key = name.split(".")
            scoring.setdefault(section, {})[key] = value
    catalog.scoring = scoring


# --- rules -----------------------------------------------------------------------------------

def _rules(rows: list[tuple[Where, dict]]) -> tuple[dict[str, dict], dict[str, float]]:
    """Rule id → the settings its row gives; rule id → the most points it may take."""
    given: dict[str, dict] = {}
    caps: dict[str, float] = {}
    seen: dict[str, Where] = {}
    for where, item in rows:
        where = where.named(_written(item.get("rule")) or _written(item.get("name")))
        by_id = _value(_RULE["rule"], item.get("rule"), where)
        by_name = _value(_RULE["name"], item.get("name"), where)
        if not by_id and not by_name:
            raise where.error(msg(N_("未填规则名称或编号（如 链接不可用、link.broken）")), "rule" if "rule" in where.columns
                              or "name" not in where.columns else "name")
        if by_id and by_name and by_id != by_name:
            raise where.error(msg(N_("规则编号与规则名称「{name}」不是同一条规则：请改正其中一个"),
                                  name=_written(item.get("name"))), "name")
        rule_id = by_id or by_name
        if rule_id in seen:
            raise where.error(msg(N_("规则与{other}重复：请删去一行"), other=where.other(_place(seen[rule_id]))),
                              "rule" if by_id else "name")
        seen[rule_id] = where
        given[rule_id] = rule_values(item, lambda reason, setting=None: where.error(reason, setting))
        cap = _value(_CAP, item.get("cap"), where)
        if cap is not None:
            caps[rule_id] = cap
    return given, caps


def _caps(rows: list[tuple[Where, object, object]]) -> dict[str, float]:
    out = {}
    for where, rule, value in rows:
        rule_id = _value(_RULE["rule"], rule, where)
        cap = _value(_CAP, value, where)
        if rule_id is None or cap is None:
            raise where.error(msg(N_("须为规则编号及其最多扣分（如 link.broken: 10）")), CAPS)
        out[rule_id] = cap
    return out


def _written(value) -> str:
    return "" if value is None else str(value).strip()


# --- wrong terms -----------------------------------------------------------------------------

def _wrong_term(where: Where, item: dict) -> WrongTerm:
    values = {f.name: _value(f, item.get(f.name), where) for f in WRONG_TERM_FIELDS if f.type != "info"}
    if not values["term"]:
        raise where.error(msg(N_("未填错误用语")), "term")
    return WrongTerm(**{k: ("" if v is None and k != "since" else v) for k, v in values.items()})
