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

log = logging.getLogger(__name__)


@dataclass
class Judgement:
    findings: list[Finding]
    matches: dict[str, Match]
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # rules that crashed


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
    findings.sort(key=lambda f: (SEVERITY_RANK[f.severity], f.rule, f.category or "", f.url or "", f.target or ""))
    return Judgement(findings=findings, matches=ctx.matches, warnings=ctx.calendar.warnings(), errors=errors)
