"""The disclosure catalog (一览表): load it from YAML, XLSX or CSV, and refuse a bad one clearly.

A refusal names the file, the row (the category's position; the spreadsheet row for sheets),
the line in a YAML file, and the reason, because offices keep these files by hand.
Rules' settings (severity, points, basis, days) are read and completed in catalog_rules.py.
"""
from __future__ import annotations

import hashlib
import math
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from .findings import SEVERITIES

DEFAULT_CATALOG = Path(__file__).with_name("default_catalog.yaml")

# The SPEC's columns, then the optional ones this project adds (documented in the default catalog).
SPEC_COLUMNS = ("category", "aliases", "department", "update_days", "limit_workdays",
                "min_items", "severity", "points", "basis")
EXTRA_COLUMNS = ("kind", "disclosure", "parent")
KINDS = ("dynamics", "notices", "policy", "personnel", "plan", "other")
TOP_LEVEL = ("name", "categories", "annual_report", "edition", "default_department", "rules",
             "rectification_workdays", "match_threshold", "calendar", "wrong_terms", "scoring", "meta")
RULE_SETTINGS = ("severity", "points", "basis", "days")
# Severity as offices write it in Chinese, beside the ids themselves.
SEVERITY_WORDS = {"一票否决": "veto", "单项否决": "veto", "否决": "veto", "扣分": "deduct", "提示": "notice"}


class CatalogError(ValueError):
    """A catalog that cannot be used. str() is the one-line message shown to the user."""

    def __init__(self, path, reason: str, row: int | None = None, category: str | None = None,
                 line: int | None = None, column: str | None = None, sheet: str | None = None):
        self.path, self.row, self.category, self.line, self.column = str(path), row, category, line, column
        self.sheet = sheet
        where = [self.path]
        if sheet is not None:  # named for a workbook's further sheets (规则); the first is the catalog
            where.append(f"sheet {sheet}")
        if row is not None:
            where.append(f"row {row}" + (f" ({category})" if category else ""))
        if line is not None:
            where.append(f"line {line}")
        if column:
            where.append(f"column {column}")
        # One line, whatever a parser put into its message: the CLI prints it as `netcheck: bad catalog: …`.
        super().__init__(": ".join([", ".join(where), " ".join(str(reason).split())]))


@dataclass(frozen=True)
class Category:
    name: str
    aliases: tuple[str, ...] = ()
    department: str = ""
    update_days: int | None = None
    limit_workdays: int | None = None
    min_items: int = 1
    severity: str | None = None  # None: the rule's default severity
    points: float | None = None  # None: the rule's default points
    basis: str = ""
    kind: str = "other"  # dynamics | notices | policy | personnel | plan | other (the national check's column classes)
    disclosure: bool = False  # its items must carry 索引号 and 发布日期
    parent: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class RuleSetting:
    severity: str
    points: float
    basis: str = ""
    days: int | None = None


@dataclass(frozen=True)
class WrongTerm:
    term: str
    correct: str = ""
    since: date | None = None
    not_before: str = ""
    not_after: str = ""
    basis: str = ""


@dataclass
class Catalog:
    name: str
    categories: list[Category]
    path: str = ""
    digest: str = ""
    edition: int = 2015
    default_department: str = "网站管理"
    annual_category: str = "政府信息公开年报"
    annual_deadline: tuple[int, int] = (3, 31)
    annual_basis: str = ""
    rules: dict[str, RuleSetting] = field(default_factory=dict)
    rectification_workdays: dict[str, int] = field(default_factory=lambda: {"veto": 5, "deduct": 10, "notice": 20})
    match_threshold: float = 80.0
    extra_holidays: tuple[date, ...] = ()
    extra_workdays: tuple[date, ...] = ()
    wrong_terms: list[WrongTerm] = field(default_factory=list)
    scoring: dict = field(default_factory=dict)
    # Every rule the audit runs → 'catalog' when the catalog has an entry (a `rules:` key, a 规则
    # sheet row) for it, 'default' when it takes the bundled catalog's settings whole.
    rule_sources: dict[str, str] = field(default_factory=dict)
    # Rule id → the settings (of RULE_SETTINGS) the catalog's own entry gives; the rest are defaults.
    rule_given: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def category(self, name: str | None) -> Category | None:
        return next((c for c in self.categories if c.name == name), None)

    def rule(self, rule_id: str) -> RuleSetting:
        """The rule's settings: the catalog's entry, completed from the bundled catalog's."""
        if rule_id in self.rules:
            return self.rules[rule_id]
        from .catalog_rules import default_rule

        return default_rule(rule_id)


def default_severity(rule_id: str) -> str:
    """A rule's severity when neither the catalog nor the bundled one sets it: its declaration's
    (checks.registry), or deduct for an id no rule declares."""
    from . import SPECS  # here: checks/__init__ imports the rules, which import this module

    spec = SPECS.get(rule_id)
    return spec.severity if spec else "deduct"


def load_catalog(path: str | Path | None = None) -> Catalog:
    """Load and validate a catalog; the packaged default when path is None."""
    path = Path(path) if path else DEFAULT_CATALOG
    if not path.is_file():
        raise CatalogError(path, "no such file")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise CatalogError(path, f"cannot read it: {exc.strerror or exc}") from None
    if not raw.strip():
        raise CatalogError(path, "the file is empty" + (" (0 bytes)" if not raw else ""))
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        catalog = _from_yaml(path, raw)
    elif suffix in (".xlsx", ".xlsm"):
        from .catalog_rules import sheet_rules
        from .catalog_sheets import sheet_rows

        rows, rule_sheet = sheet_rows(path, _refusal(path), SPEC_COLUMNS + EXTRA_COLUMNS)
        catalog = _from_rows(path, rows, {}, sheet_rules(path, rule_sheet) if rule_sheet else {})
    elif suffix == ".csv":
        from .catalog_sheets import csv_rows

        catalog = _from_rows(path, csv_rows(raw, _refusal(path), SPEC_COLUMNS + EXTRA_COLUMNS), {}, {})
    else:
        raise CatalogError(path, f"unknown catalog format {suffix or '(none)'}: use .yaml, .xlsx or .csv")
    catalog.path = str(path)
    catalog.digest = "sha256:" + hashlib.sha256(raw).hexdigest()
    return catalog


def _refusal(path):
    return lambda reason, row=None, column=None, sheet=None: CatalogError(path, reason, row=row, column=column,
                                                                          sheet=sheet)


# --- YAML -----------------------------------------------------------------------------------

class _UniqueKeyLoader(yaml.SafeLoader):
    """PyYAML keeps the last of two equal keys without a word; a catalog edited by hand then
    silently loses the first value (two update_days in one row). YAML forbids it: so do we."""

    def construct_mapping(self, node, deep=False):
        if isinstance(node, yaml.MappingNode):
            seen: dict = {}
            for key_node, _ in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    continue
                key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
                if key is not None and key in seen:
                    raise yaml.constructor.ConstructorError(
                        None, None, f"key {key!r} appears twice in one mapping (first on line {seen[key]})",
                        key_node.start_mark)
                seen[key] = key_node.start_mark.line + 1
        return super().construct_mapping(node, deep=deep)


def _printable_int(loader, node):
    """PyYAML's int, refused at its line when Python will not read or print it (past 4300 digits,
    or 0x and 4000 hex digits): every message that quotes the value would fail instead."""
    try:
        value = yaml.SafeLoader.construct_yaml_int(loader, node)
        str(value)
    except ValueError:
        raise yaml.constructor.ConstructorError(None, None, "a number too long to read", node.start_mark) from None
    return value


_UniqueKeyLoader.add_constructor("tag:yaml.org,2002:int", _printable_int)


def _from_yaml(path: Path, raw: bytes) -> Catalog:
    try:
        text = raw.decode("utf-8-sig")
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        doc = yaml.load(text, Loader=_UniqueKeyLoader)  # noqa: S506 - a SafeLoader
    except UnicodeDecodeError:
        raise CatalogError(path, "not UTF-8 text") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise CatalogError(path, f"not valid YAML: {getattr(exc, 'problem', exc)}",
                           line=mark.line + 1 if mark else None) from None
    except ValueError as exc:  # PyYAML builds the values too: a date 2016-02-30, a 5000-digit number
        raise CatalogError(path, f"not valid YAML: a value that cannot be read ({exc})") from None
    except RecursionError:
        raise CatalogError(path, "not valid YAML: nested too deeply") from None
    if not isinstance(doc, dict):
        raise CatalogError(path, "expected a mapping with a 'categories' list at the top")
    unknown = sorted(set(doc) - set(TOP_LEVEL), key=str)
    if unknown:
        raise CatalogError(path, f"unknown top-level key {unknown[0]!r} (known: {', '.join(TOP_LEVEL)})",
                           line=_key_line(node, unknown[0]))
    cats = doc.get("categories")
    if not isinstance(cats, list) or not cats:
        raise CatalogError(path, "'categories' must be a non-empty list", line=_key_line(node, "categories"))
    lines = _category_lines(node)
    rows = []
    for i, item in enumerate(cats):
        if not isinstance(item, dict):
            raise CatalogError(path, "each category must be a mapping of columns", row=i + 1,
                               line=lines[i] if i < len(lines) else None)
        rows.append((i + 1, lines[i] if i < len(lines) else None, item))
    return _from_rows(path, rows, doc)


def _key_line(node, key: str) -> int | None:
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if k.value == key:
                return k.start_mark.line + 1
    return None


def _category_lines(node) -> list[int]:
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if k.value == "categories" and isinstance(v, yaml.SequenceNode):
                return [item.start_mark.line + 1 for item in v.value]
    return []


# --- shared validation -----------------------------------------------------------------------

def _from_rows(path: Path, rows, doc: dict, given_rules: dict[str, dict] | None = None) -> Catalog:
    """The catalog of these category rows and top-level settings. `given_rules` (rule id → the
    settings a 规则 sheet gives) stands for a YAML file's `rules:` section."""
    categories: list[Category] = []
    seen: dict[str, int] = {}
    aliased: dict[str, tuple[int, str]] = {}  # alias → (row, category) of its first use
    for row, line, item in rows:
        cat = _category(path, row, line, item)
        if cat.name in seen:
            raise CatalogError(path, f"category {cat.name!r} repeats row {seen[cat.name]}", row=row,
                               category=cat.name, line=line)
        # One category's alias that is another's name is that category twice over. (Two categories
        # may share an alias: a 双公示 column holds both 行政许可 and 行政处罚.)
        named = next((a for a in cat.aliases if a in seen), None)
        if named:
            raise CatalogError(path, f"alias {named!r} is the category of row {seen[named]}: the same category twice",
                               row=row, category=cat.name, line=line, column="aliases")
        if cat.name in aliased:
            other_row, other = aliased[cat.name]
            raise CatalogError(path, f"{cat.name!r} is already an alias of {other!r} (row {other_row}): the same "
                               f"category twice", row=row, category=cat.name, line=line)
        seen[cat.name] = row
        for alias in cat.aliases:
            aliased.setdefault(alias, (row, cat.name))
        categories.append(cat)
    return _settings(path, doc, categories, given_rules)


def _category(path, row, line, item: dict) -> Category:
    raw_name = item.get("category")
    if raw_name is not None and not _is_scalar_text(raw_name):
        raise CatalogError(path, f"'category' must be text, not {_kind(raw_name)} {raw_name} (quote it in YAML)",
                           row=row, line=line, column="category")
    name = _text(raw_name)
    if not name:
        raise CatalogError(path, "'category' (the category's name) is missing", row=row, line=line)
    err = lambda reason, column=None: CatalogError(path, reason, row=row, category=name, line=line, column=column)
    unknown = sorted(set(item) - set(SPEC_COLUMNS + EXTRA_COLUMNS), key=str)
    if unknown:
        raise err(f"unknown column {unknown[0]!r} (known: {', '.join(SPEC_COLUMNS + EXTRA_COLUMNS)})", unknown[0])
    for column in ("department", "severity", "basis", "kind", "parent"):
        value = item.get(column)
        if value is not None and not _is_scalar_text(value):
            raise err(f"{column} must be text, not {_kind(value)}", column)
    severity = _severity(item.get("severity"), lambda reason: err(reason, "severity"))
    kind = _text(item.get("kind")) or "other"
    if kind not in KINDS:
        raise err(f"kind {kind!r} is not one of {', '.join(KINDS)}", "kind")
    return Category(
        name=name,
        aliases=tuple(_aliases(item.get("aliases"), err)),
        department=_text(item.get("department")),
        update_days=_number(item.get("update_days"), "update_days", err, integer=True),
        limit_workdays=_number(item.get("limit_workdays"), "limit_workdays", err, integer=True),
        min_items=_default(_number(item.get("min_items"), "min_items", err, integer=True), 1),
        severity=severity,
        points=_number(item.get("points"), "points", err),
        basis=_text(item.get("basis")),
        kind=kind,
        disclosure=_boolean(item.get("disclosure"), err),
        parent=_text(item.get("parent")) or None,
    )


def _settings(path: Path, doc: dict, categories: list[Category], given_rules: dict[str, dict] | None) -> Catalog:
    where = lambda key: {"line": None, "column": key}
    for key, kind in _SETTING_TYPES.items():
        if doc.get(key) is not None and not isinstance(doc[key], kind):
            raise CatalogError(path, f"{key} must be {_TYPE_NAMES[kind]}, not {_kind(doc[key])}", **where(key))
    catalog = Catalog(name=_text(doc.get("name")) or Path(path).stem, categories=categories)
    if "edition" in doc:
        if doc["edition"] not in (2015, 2019, "2015", "2019"):
            raise CatalogError(path, f"edition {doc['edition']!r} is not 2015 or 2019", **where("edition"))
        catalog.edition = int(doc["edition"])
    catalog.default_department = _text(doc.get("default_department")) or catalog.default_department
    annual = doc.get("annual_report") or {}
    if not isinstance(annual, dict):
        raise CatalogError(path, "annual_report must be a mapping", **where("annual_report"))
    catalog.annual_category = _text(annual.get("category")) or catalog.annual_category
    catalog.annual_basis = _text(annual.get("basis"))
    deadline = _text(annual.get("deadline")) or "03-31"
    m = re.fullmatch(r"(\d{1,2})-(\d{1,2})", deadline)
    try:
        date(2000, int(m.group(1)), int(m.group(2)))  # a leap year, so 02-29 passes
    except (AttributeError, ValueError):
        raise CatalogError(path, f"annual_report.deadline {deadline!r} is not a month-day like 03-31",
                           **where("annual_report")) from None
    catalog.annual_deadline = (int(m.group(1)), int(m.group(2)))
    from .catalog_rules import apply_rules, yaml_rules

    apply_rules(catalog, yaml_rules(path, doc.get("rules") or {}) if given_rules is None else given_rules)
    rect = doc.get("rectification_workdays")
    if rect:
        for sev, days in rect.items():
            if sev not in SEVERITIES or not isinstance(days, int) or days < 0:
                raise CatalogError(path, f"rectification_workdays.{sev}: expected a severity and a whole number of days",
                                   **where("rectification_workdays"))
        catalog.rectification_workdays = {**catalog.rectification_workdays, **rect}
    if "match_threshold" in doc:
        t = doc["match_threshold"]
        if isinstance(t, bool) or not isinstance(t, (int, float)) or not 0 < t <= 100:
            raise CatalogError(path, "match_threshold must be a number from 1 to 100", **where("match_threshold"))
        catalog.match_threshold = float(t)
    cal = doc.get("calendar") or {}
    catalog.extra_holidays = tuple(_dates(path, cal.get("holidays"), "calendar.holidays"))
    catalog.extra_workdays = tuple(_dates(path, cal.get("workdays"), "calendar.workdays"))
    catalog.wrong_terms = [_wrong_term(path, i, t) for i, t in enumerate(doc.get("wrong_terms") or [])]
    from .catalog_rules import with_bundled_scoring

    catalog.scoring = with_bundled_scoring(_scoring(path, doc.get("scoring") or {}))
    return catalog


# Top-level settings and the YAML type each must have (checked before they are read).
_SETTING_TYPES = {"name": (str, int), "default_department": str, "annual_report": dict, "rules": dict,
                  "rectification_workdays": dict, "calendar": dict, "wrong_terms": list, "scoring": dict}
_TYPE_NAMES = {(str, int): "text", str: "text", dict: "a mapping (name: value lines)", list: "a list (- lines)"}


_SCORING_KEYS = {"veto": ("key_columns_stale", "should_update_stale", "blank_columns"),
                 "early_warning": ("homepage_days", "blank_columns", "should_update_stale"),
                 "caps": None}


def _scoring(path, raw) -> dict:
    if not isinstance(raw, dict):
        raise CatalogError(path, "scoring must be a mapping", column="scoring")
    for section, value in raw.items():
        if section not in _SCORING_KEYS:
            raise CatalogError(path, f"scoring: unknown section {section!r} (known: {', '.join(_SCORING_KEYS)})",
                               column="scoring")
        if not isinstance(value, dict):
            raise CatalogError(path, f"scoring.{section} must be a mapping", column="scoring")
        for key, number in value.items():
            known = _SCORING_KEYS[section]
            if known is not None and key not in known:
                raise CatalogError(path, f"scoring.{section}: unknown setting {key!r}", column="scoring")
            if isinstance(number, bool) or not isinstance(number, (int, float)) or number < 0:
                raise CatalogError(path, f"scoring.{section}.{key} must be a number ≥ 0", column="scoring")
    return raw


def _wrong_term(path, i, spec) -> WrongTerm:
    if isinstance(spec, str):
        spec = {"term": spec}
    if not isinstance(spec, dict) or not _text(spec.get("term")):
        raise CatalogError(path, f"wrong_terms[{i + 1}] needs a 'term'", column="wrong_terms")
    since = spec.get("since")
    if since is not None and not isinstance(since, date):
        try:
            since = date.fromisoformat(str(since))
        except ValueError:
            raise CatalogError(path, f"wrong_terms[{i + 1}].since {since!r} is not a date", column="wrong_terms") from None
    return WrongTerm(term=_text(spec["term"]), correct=_text(spec.get("correct")), since=since,
                     not_before=_text(spec.get("not_before")), not_after=_text(spec.get("not_after")),
                     basis=_text(spec.get("basis")))


def _dates(path, values, key) -> list[date]:
    if values is not None and not isinstance(values, list):
        raise CatalogError(path, f"{key} must be a list of dates", column=key)
    out = []
    for v in values or []:
        if isinstance(v, date):
            out.append(v)
            continue
        try:
            out.append(date.fromisoformat(str(v)))
        except ValueError:
            raise CatalogError(path, f"{key}: {v!r} is not an ISO date", column=key) from None
    return out


def _severity(value, err) -> str | None:
    """A severity id, or its Chinese word (SEVERITY_WORDS); None when left empty.
    `err(reason)` builds the refusal."""
    if value is None:
        return None
    if not _is_scalar_text(value):
        raise err(f"severity must be text, not {_kind(value)}")
    text = _text(value)
    if not text:
        return None
    severity = SEVERITY_WORDS.get(text, text.lower())
    if severity not in SEVERITIES:
        raise err(f"severity {text!r} is not one of {', '.join(SEVERITIES)} "
                  f"(or {', '.join(SEVERITY_WORDS)})")
    return severity


def _is_scalar_text(value) -> bool:
    """Text, or a number a sheet may hold in a text column. Not a bool (YAML reads yes/no as one), a
    date, a list or a mapping: those are a YAML value where text was meant."""
    return isinstance(value, (str, int, float)) and not isinstance(value, bool)


def _kind(value) -> str:
    return {bool: "true/false", dict: "a mapping", list: "a list"}.get(type(value), type(value).__name__)


def _text(value) -> str:
    if value is None:
        return ""
    return str(value).strip()


def _aliases(value, err) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [a.strip() for a in re.split(r"[;；\n]", value) if a.strip()]
    if isinstance(value, (list, tuple)):
        for i, alias in enumerate(value):
            if not _is_scalar_text(alias):
                raise err(f"aliases[{i + 1}] must be text, not {_kind(alias)}", "aliases")
        return [str(a).strip() for a in value if str(a).strip()]
    raise err(f"aliases must be a list (or ';'-separated text), not {type(value).__name__}", "aliases")


def _number(value, column, err, integer=False, minimum=0):
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise err(f"{column} must be a number, not {value!r}", column)
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):  # OverflowError: an int past float's range
        raise err(f"{column} must be a number, not {value!r}", column) from None
    if math.isnan(number) or math.isinf(number) or number < minimum:
        raise err(f"{column} must be a number ≥ {minimum}, not {value!r}", column)
    if integer:
        if number != int(number):
            raise err(f"{column} must be a whole number, not {value!r}", column)
        return int(number)
    return number


def _default(value, fallback):
    return fallback if value is None else value


def _boolean(value, err) -> bool:
    if value is None or value == "":
        return False
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("true", "yes", "1", "是", "y"):
        return True
    if text in ("false", "no", "0", "否", "n"):
        return False
    raise err(f"disclosure must be true or false, not {value!r}", "disclosure")
