"""One declaration per rule: its stable id, the name the reports show, what it judges, its default
severity, and which inputs it needs. The `@rule(...)` marker only labels a function with it; the
list of rules that run is written out in `checks/__init__.py`, so nothing registers itself by
being imported. Every table about rules elsewhere (report names, which rules a category's own
severity governs, default severities) is derived from these declarations.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

RuleFunc = Callable[..., list]

# What a rule judges, and so how its outcome is reported and when a finding of it is re-verified:
#   site      once for the whole site (the home page, its certificate)
#   category  once per catalog category; the category's own severity and points apply (column.*)
#   item      per disclosure item, reported under its category (item.late, item.metadata_missing,
#             the annual report)
#   page      per page or link, wherever it is (links, privacy, wording)
SCOPES = ("site", "category", "item", "page")


@dataclass(frozen=True)
class RuleSpec:
    id: str  # stable, e.g. 'column.stale'
    name: str  # what the reports call it, e.g. 栏目不更新
    scope: str  # one of SCOPES
    severity: str  # default severity when the catalog gives none
    # Needs the whole site crawled: on a partial crawl only its passes stand, and what it would
    # have flagged is "could not verify" (a column not seen is not a missing column).
    whole_site: bool = False
    description: str = ""  # the docstring's first line: what the rule flags, in Chinese
    # For a per-category rule: whether it judges a category (column.stale only those with an
    # update_days); None: every category.
    applies: Callable | None = None

    @property
    def per_category(self) -> bool:
        return self.scope in ("category", "item")

    def categories(self, catalog) -> list:
        """The catalog categories this rule gives an outcome for ([] for a rule not per category)."""
        if not self.per_category:
            return []
        return [c for c in catalog.categories if self.applies is None or self.applies(c, catalog)]


def rule(rule_id: str, *, name: str, scope: str, severity: str = "deduct", whole_site: bool = False,
         applies: Callable | None = None):
    """Label a rule function with its declaration; its docstring's first line is its description."""
    if scope not in SCOPES:
        raise ValueError(f"rule {rule_id}: scope {scope!r} is not one of {SCOPES}")

    def mark(func: RuleFunc) -> RuleFunc:
        description = (func.__doc__ or "").strip().splitlines()[0] if func.__doc__ else rule_id
        func.spec = RuleSpec(id=rule_id, name=name, scope=scope, severity=severity, whole_site=whole_site,
                             description=description, applies=applies)
        func.rule_id = rule_id
        func.description = description
        return func

    return mark
