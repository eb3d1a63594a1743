"""The catalog as the rules read it: categories, rules' settings, wrong terms and the top-level
settings; and CatalogError, the one-line Chinese refusal of a file that cannot be one.

The defaults of the top-level settings are the field table's (checks.catalog.fields), so that a
catalog built in code, a sheet that leaves a setting out and the template agree.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .fields import CATEGORY_FIELDS, SETTING_FIELDS, defaults
from .messages import N_, Message, Translate, msg, render

DEFAULT_CATALOG = Path(__file__).resolve().parent.parent / "default_catalog.yaml"
_SETTING = {f.name: f.default for f in SETTING_FIELDS}
_CATEGORY = {f.name: f.default for f in CATEGORY_FIELDS}


class CatalogError(ValueError):
    """A catalog that cannot be used. str() is the one-line message shown to the user:
    the file, where in it (sheet, row, category, YAML line, column) and why, in Chinese;
    render(_) is the same in the language of a gettext `_` (checks.catalog.messages).
    `reason` and `column` are text or a Message; `what` names a YAML list's items (N_-marked)."""

    def __init__(self, path, reason: str | Message, *, sheet: str | None = None, row: int | None = None,
                 entry: int | None = None, what: str = N_("栏目"), name: str | None = None, line: int | None = None,
                 column: str | Message | None = None):
        self.path, self.sheet, self.row, self.entry, self.line, self.column = str(path), sheet, row, entry, line, column
        self.name, self.what, self.reason = name, what, reason
        super().__init__(self.render())

    def render(self, translate: Translate | None = None) -> str:
        """The one-line message, each part through `translate` (gettext's `_`); Chinese without one."""
        where = []
        if self.sheet is not None:
            where.append(msg(N_("工作表「{sheet}」"), sheet=self.sheet))
        named = msg(N_("（{name}）"), name=self.name) if self.name else ""
        if self.row is not None:  # a sheet's row
            where.append(msg(N_("第 {row} 行{named}"), row=self.row, named=named))
        if self.entry is not None:  # a YAML list's item
            where.append(msg(N_("第 {entry} 个{what}{named}"), entry=self.entry, what=msg(self.what), named=named))
        if self.line is not None:
            where.append(msg(N_("第 {line} 行"), line=self.line))
        if self.column:
            where.append(self.column)
        # One line, whatever a parser put into its message or a clerk into a cell or a key.
        one_line = lambda text: " ".join(render(text, translate).split())  # noqa: E731
        return msg(N_("{where}：{reason}"), where=msg(N_("，")).render(translate).join([self.path, *map(one_line, where)]),
                   reason=one_line(self.reason)).render(translate)


@dataclass
class Where:
    """Where a row (a category, a rule, a setting, a wrong term) is in its file, to refuse it there.
    `columns` names each field's column as the file does: "D 列「更新周期（天）」" in a sheet,
    "「update_days」" in YAML."""

    path: str
    sheet: str | None = None
    row: int | None = None
    entry: int | None = None
    what: str = N_("栏目")  # a YAML list's items, as a message names them
    line: int | None = None
    name: str | None = None
    columns: dict[str, str] = field(default_factory=dict)
    sheet_like: bool = False  # a sheet: values are named by their column, by their Chinese header

    def error(self, reason: str | Message, field_name: str | None = None,
              column: str | Message | None = None) -> CatalogError:
        column = column or (self.columns.get(field_name) if field_name else None) or (
            f"「{field_name}」" if field_name else None)
        return CatalogError(self.path, reason, sheet=self.sheet, row=self.row, entry=self.entry, what=self.what,
                            name=self.name, line=self.line, column=column)

    def other(self, row: int) -> Message:
        """How another row of the same list is named in a message."""
        return msg(N_("第 {row} 行"), row=row) if self.entry is None else msg(N_("第 {row} 个{what}"), row=row,
                                                                             what=msg(self.what))

    def named(self, name: str | None) -> "Where":
        return Where(self.path, self.sheet, self.row, self.entry, self.what, self.line, name or None, self.columns,
                     self.sheet_like)


@dataclass(frozen=True)
class Category:
    name: str
    aliases: tuple[str, ...] = ()
    department: str = ""
    update_days: int | None = None
    limit_workdays: int | None = None
    min_items: int = _CATEGORY["min_items"]
    severity: str | None = None  # None: the rule's default severity
    points: float | None = None  # None: the rule's default points
    basis: str = ""
    kind: str = _CATEGORY["kind"]  # dynamics | notices | policy | personnel | plan | other (fields.KINDS)
    disclosure: bool = _CATEGORY["disclosure"]  # its items must carry 索引号 and 发布日期
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
    # What the rule requires, by the names a clerk writes: the footer's identity items
    # (site.identity), a 办事指南's elements. () : the rule's own default list.
    items: tuple[str, ...] = ()
    # Names the rule does not apply to (interaction.unanswered: boards named 信访, 纪检 …). () : the
    # rule's own default list.
    exclude: tuple[str, ...] = ()


RULE_SETTINGS = ("severity", "points", "basis", "days", "items", "exclude")  # RuleSetting's fields: what a catalog's rule entry sets


@dataclass(frozen=True)
class WrongTerm:
    term: str
    correct: str = ""
    since: date | None = None
    not_before: str = ""
    not_after: str = ""
    basis: str = ""


def _month_day(text: str) -> tuple[int, int]:
    month, day = text.split("-")
    return int(month), int(day)


@dataclass
class Catalog:
    name: str
    categories: list[Category]
    path: str = ""
    digest: str = ""
    edition: int = _SETTING["edition"]
    default_department: str = _SETTING["default_department"]
    annual_category: str = _SETTING["annual_report.category"]
    annual_deadline: tuple[int, int] = _month_day(_SETTING["annual_report.deadline"])
    annual_basis: str = ""
    rules: dict[str, RuleSetting] = field(default_factory=dict)
    rectification_workdays: dict[str, int] = field(
        default_factory=lambda: defaults(SETTING_FIELDS, "rectification_workdays"))
    match_threshold: float = float(_SETTING["match_threshold"])
    extra_holidays: tuple[date, ...] = ()
    extra_workdays: tuple[date, ...] = ()
    wrong_terms: list[WrongTerm] = field(default_factory=list)
    # The wording lists beside wrong_terms (checks.catalog.wording; YAML only): typos, political
    # phrases in their fixed form, leaders and their titles.
    typos: list = field(default_factory=list)
    phrases: list = field(default_factory=list)
    leaders: list = field(default_factory=list)
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
        from .rules import default_rule

        return default_rule(rule_id)


def default_severity(rule_id: str) -> str:
    """A rule's severity when neither the catalog nor the bundled one sets it: its declaration's
    (checks.registry), or deduct for an id no rule declares."""
    from .. import SPECS  # here: checks/__init__ imports the rules, which import this module

    spec = SPECS.get(rule_id)
    return spec.severity if spec else "deduct"
