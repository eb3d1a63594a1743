"""Run every rule over a crawl; one rule that fails is reported and the others still run."""
from __future__ import annotations

import logging
import traceback
from dataclasses import dataclass, field
from datetime import date

from .catalog import Catalog
from .context import Context
from .crawl import Crawl
from .findings import SEVERITY_RANK, Finding
from .matching import Match
from .textnorm import norm_name

log = logging.getLogger(__name__)


@dataclass
class Judgement:
    findings: list[Finding]
    matches: dict[str, Match]
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # rules that crashed
    facts: dict = field(default_factory=dict)  # what scoring needs beyond the findings


def judge(crawl: Crawl, catalog: Catalog, as_of: date, rules=None) -> Judgement:
    if rules is None:
        from . import RULES as rules
    ctx = Context.build(crawl, catalog, as_of)
    findings: list[Finding] = []
    errors: list[str] = []
    for rule in rules:
        try:
            found = rule(ctx)
        except Exception as exc:  # a broken rule must not cost the office the other findings
            log.error("rule %s failed:\n%s", rule.rule_id, traceback.format_exc())
            errors.append(f"规则 {rule.rule_id} 运行出错：{type(exc).__name__}: {exc}")
            continue
        findings.extend(found)
        if rule.rule_id == "site.unreachable" and found:
            break  # nothing else on an unreachable site can be judged
    _column_facts(ctx)
    findings.sort(key=lambda f: (SEVERITY_RANK[f.severity], f.rule, f.category or "", f.url or "", f.target or ""))
    return Judgement(findings=findings, matches=ctx.matches, warnings=ctx.calendar.warnings(), errors=errors,
                     facts=_scoring_facts(ctx))


def _column_facts(ctx: Context) -> None:
    """Give each match the size and newest date of its column, for the run record."""
    items = ctx.items
    for name, match in ctx.matches.items():
        mine = items[items["category"] == name]
        dated = [d for d in mine["date"].dropna() if d <= ctx.as_of]
        match.items = int(mine["url"].nunique())
        match.newest = max(dated).isoformat() if dated else None


def _scoring_facts(ctx: Context) -> dict:
    from .rules.site import homepage_limit_days, homepage_newest

    newest = homepage_newest(ctx)
    return {
        "homepage_age_days": (ctx.as_of - newest).days if newest else None,
        "homepage_limit_days": homepage_limit_days(ctx),
        "first_level": {name: _first_level(ctx, m) for name, m in ctx.matches.items() if m.found},
    }


def _first_level(ctx: Context, match: Match) -> bool | None:
    """Whether a column sits right under the home page in its breadcrumb (None: unknown)."""
    page = ctx.crawl.page(match.url) if match.url else None
    trail = [norm_name(n) for n in (page or {}).get("breadcrumb") or []]
    key = norm_name(match.column)
    if key not in trail:
        return None
    return trail.index(key) <= 1
