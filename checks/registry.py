"""The `@rule` marker. It only labels a function; the list of rules that run is written out in
`checks/__init__.py`, so nothing registers itself by being imported."""
from __future__ import annotations

from typing import Callable

RuleFunc = Callable[..., list]


def rule(rule_id: str):
    """Label a rule function with its stable id; its docstring's first line is its description."""

    def mark(func: RuleFunc) -> RuleFunc:
        func.rule_id = rule_id
        func.description = (func.__doc__ or "").strip().splitlines()[0] if func.__doc__ else rule_id
        return func

    return mark
