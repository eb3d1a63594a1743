"""`netcheck catalog check FILE`: load a catalog (a bad one is refused by the caller with exit 2)
and print what was understood: its categories, every rule's severity and points and where they
came from, and a warning for each setting under which a finding would cost nothing."""
from __future__ import annotations

from checks.catalog import Catalog, load_catalog

from .exitcodes import Exit

SOURCE_NAMES = {"catalog": "目录", "default": "默认"}
SETTING_NAMES = {"severity": "级别", "points": "扣分", "basis": "依据", "days": "天数"}
SCORED = ("severity", "points", "basis")  # what a rule's source says; days only where a rule has them


def check_catalog(args) -> int:
    catalog = load_catalog(args.file)
    print(f"目录：{catalog.name}（{len(catalog.categories)} 个栏目，{catalog.edition} 版指标）")
    print(f"年报：{catalog.annual_category}，截止 {catalog.annual_deadline[0]:02d}-{catalog.annual_deadline[1]:02d}")
    print(f"{'栏目':<14}{'责任科室':<10}{'更新周期':>8}{'时限(工作日)':>12}  级别      扣分")
    for c in catalog.categories:
        print(f"{c.name:<14}{c.department or catalog.default_department:<10}"
              f"{c.update_days if c.update_days is not None else '-':>8}"
              f"{c.limit_workdays if c.limit_workdays is not None else '-':>12}  {c.severity or '-':<8}"
              f"{_points(c.points) if c.points is not None else '-':>6}")
    print_rules(catalog)
    for line in zero_point_warnings(catalog):
        print(line)
    return Exit.OK


def print_rules(catalog: Catalog) -> None:
    print("规则设置（目录未设置的取内置目录的全国检查默认值）：")
    print(f"{'规则':<26}{'级别':<6}{'扣分':>6}  来源")
    for rule_id in _rule_ids(catalog):
        setting = catalog.rule(rule_id)
        print(f"{rule_id:<28}{setting.severity:<8}{_points(setting.points):>8}  {source(catalog, rule_id)}")


def source(catalog: Catalog, rule_id: str) -> str:
    """目录 or 默认; for an entry that sets some settings only, which ones (目录：扣分；其余默认)."""
    if catalog.rule_sources.get(rule_id, "default") == "default":
        return SOURCE_NAMES["default"]
    given = catalog.rule_given.get(rule_id, ())
    if all(key in given for key in SCORED):
        return SOURCE_NAMES["catalog"]
    return f"{SOURCE_NAMES['catalog']}：{'、'.join(SETTING_NAMES[k] for k in given)}；其余{SOURCE_NAMES['default']}"


def zero_point_warnings(catalog: Catalog) -> list[str]:
    """A line for each deduct-level rule, and each deduct-level category, whose findings deduct 0 points."""
    out = [f"注意：规则 {rule_id} 为扣分级但每条扣 0 分，发现问题也不会扣分" for rule_id in _rule_ids(catalog)
           if catalog.rule(rule_id).severity == "deduct" and not catalog.rule(rule_id).points]
    column_rules_deduct = any(catalog.rule(r).severity == "deduct" for r in _category_rules())
    for c in catalog.categories:
        deducts = c.severity == "deduct" or (c.severity is None and column_rules_deduct)
        if c.points == 0 and deducts:
            out.append(f"注意：栏目 {c.name} 为扣分级但每条扣 0 分，栏目缺失、空白或不更新也不会扣分")
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


def _points(points: float) -> str:
    return f"{points:g}"
