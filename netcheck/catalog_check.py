"""`netcheck catalog check FILE`: load a catalog (a bad one is refused by the caller with exit 2)
and print what was understood: its categories, every rule's severity and points and where they
came from, and a warning for each setting under which a finding would cost nothing.

Columns are aligned by display width (a Chinese character takes two cells in a terminal), and
headed with the catalog's own Chinese column names (checks.catalog.fields).
"""
from __future__ import annotations

from checks.catalog import Catalog, load_catalog
from checks.catalog.fields import CATEGORY_FIELDS, RULE_FIELDS, SEVERITY_LABELS
from reports.table import display_width

from .exitcodes import Exit
from .i18n import N_, _

# Named apart, not looked up by a literal key inside _(): Babel before 2.13 extracts such a key
# (_(NAMES["default"])) as a message of its own.
FROM_CATALOG, FROM_DEFAULT = N_("目录"), N_("默认")
SETTING_NAMES = {f.name: f.header for f in RULE_FIELDS}  # severity → 级别, points → 扣分 …
SCORED = ("severity", "points", "basis")  # what a rule's source says; days only where a rule has them
_HEADER = {f.name: f.header for f in CATEGORY_FIELDS}
NONE = "-"


def check_catalog(args) -> int:
    catalog = load_catalog(args.file)
    print(_("目录：{name}（{count} 个栏目，{edition} 版指标）").format(
        name=catalog.name, count=len(catalog.categories), edition=catalog.edition))
    print(_("年报：{category}，截止 {deadline}").format(
        category=catalog.annual_category, deadline=f"{catalog.annual_deadline[0]:02d}-{catalog.annual_deadline[1]:02d}"))
    for line in category_lines(catalog):
        print(line)
    print_rules(catalog)
    for line in zero_point_warnings(catalog):
        print(line)
    return Exit.OK


def category_lines(catalog: Catalog) -> list[str]:
    columns = ("category", "department", "update_days", "limit_workdays", "severity", "points")
    rows = [[_HEADER[c] for c in columns]]
    for c in catalog.categories:
        rows.append([c.name, c.department or catalog.default_department, _or_none(c.update_days),
                     _or_none(c.limit_workdays), SEVERITY_LABELS.get(c.severity, NONE),
                     NONE if c.points is None else _points(c.points)])
    return table(rows, "llrrlr")


def print_rules(catalog: Catalog) -> None:
    from reports.names import rule_name

    print(_("规则设置（目录未设置的取内置目录的全国检查默认值）："))
    caps = catalog.scoring.get("caps") or {}
    rows = [[SETTING_NAMES["name"], SETTING_NAMES["severity"], SETTING_NAMES["points"], SETTING_NAMES["cap"], _("来源"),
             SETTING_NAMES["rule"]]]
    for rule_id in _rule_ids(catalog):
        setting = catalog.rule(rule_id)
        rows.append([rule_name(rule_id), SEVERITY_LABELS.get(setting.severity, setting.severity),
                     _points(setting.points), _points(caps[rule_id]) if rule_id in caps else NONE,
                     source(catalog, rule_id), rule_id])
    for line in table(rows, "llrrll"):
        print(line)


def table(rows: list[list[str]], align: str, gap: int = 2) -> list[str]:
    """The rows as lines, each column padded to its widest cell's display width ('l' left, 'r' right
    aligned), the last column not padded on the right."""
    widths = [max(display_width(row[i]) for row in rows) for i in range(len(align))]
    lines = []
    for row in rows:
        cells = []
        for i, (cell, how) in enumerate(zip(row, align)):
            pad = " " * (widths[i] - display_width(cell))
            last = i == len(align) - 1
            cells.append(pad + cell if how == "r" else cell + ("" if last else pad))
        lines.append((" " * gap).join(cells).rstrip())
    return lines


def source(catalog: Catalog, rule_id: str) -> str:
    """目录 or 默认; for an entry that sets some settings only, which ones (目录：扣分；其余默认)."""
    if catalog.rule_sources.get(rule_id, "default") == "default":
        return _(FROM_DEFAULT)
    given = catalog.rule_given.get(rule_id, ())
    if all(key in given for key in SCORED):
        return _(FROM_CATALOG)
    return _("目录：{settings}；其余默认").format(settings="、".join(SETTING_NAMES[k] for k in given))


def zero_point_warnings(catalog: Catalog) -> list[str]:
    """A line for each deduct-level rule, and each deduct-level category, whose findings deduct 0 points."""
    from reports.names import rule_name

    out = [_("注意：规则「{rule}」为扣分级但每条扣 0 分，发现问题也不会扣分：请在目录中给它扣分，或改为提示级").format(
        rule=rule_name(rule_id))
           for rule_id in _rule_ids(catalog)
           if catalog.rule(rule_id).severity == "deduct" and not catalog.rule(rule_id).points]
    column_rules_deduct = any(catalog.rule(r).severity == "deduct" for r in _category_rules())
    for c in catalog.categories:
        deducts = c.severity == "deduct" or (c.severity is None and column_rules_deduct)
        if c.points == 0 and deducts:
            out.append(_("注意：栏目「{category}」为扣分级但每条扣 0 分，栏目缺失、空白或不更新也不会扣分：请在目录中给它扣分")
                       .format(category=c.name))
    return out


def _rule_ids(catalog: Catalog) -> list[str]:
    import checks

    ids = [r.rule_id for r in checks.RULES]
    return ids + [r for r in catalog.rule_sources if r not in ids]


def _category_rules() -> list[str]:
    """The rules a category's own severity and points govern (column.missing, .empty, .stale)."""
    import checks

    return [r.rule_id for r in checks.RULES
            if getattr(getattr(r, "spec", None), "scope", None) == "category"
            or (not hasattr(r, "spec") and r.rule_id.startswith("column."))]


def _or_none(value) -> str:
    return NONE if value is None else str(value)


def _points(points: float) -> str:
    return f"{points:g}"
