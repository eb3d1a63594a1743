"""Run every rule over a crawl and say, for each, how it came out.

A rule has four outcomes, not one list: passed, failed (its findings), skipped (could not verify,
with the reason) or error (it raised). Per-category rules have one per catalog category too.
"Passed" and "could not judge" must never look alike downstream: a column the crawl never
reached is not a missing column, and a rule that crashed has not passed.
"""
from __future__ import annotations

import logging
import traceback
from dataclasses import asdict, dataclass, field
from datetime import date

from .annual_stats import StatsTable, annual_stats
from .catalog import Catalog
from .context import Context
from .crawl import Crawl
from .findings import SEVERITY_RANK, Finding
from .matching import Match
from .previous import PreviousAudit
from .registry import RuleSpec
from .textnorm import norm_name

log = logging.getLogger(__name__)

PASSED, FAILED, SKIPPED, ERROR = "passed", "failed", "skipped", "error"
UNREACHABLE = "首页无法访问，未能检查"
# What a whole-site rule could not verify on a partial crawl, per rule (the default for others).
PARTIAL = {
    "column.missing": "抓取未完成，已抓取的页面中未见该栏目，无法确认是否缺失",
    "column.empty": "抓取未完成，栏目信息可能尚未抓全，无法确认是否为空白栏目",
    "column.stale": "抓取未完成，已抓取的页面中未见近期信息，无法确认栏目是否更新",
    "report.annual_late": "抓取未完成，已抓取的页面中未见按期发布的年报，无法确认",
}
PARTIAL_DEFAULT = "抓取未完成，无法确认"


@dataclass
class Outcome:
    rule: str
    name: str  # the rule's Chinese name
    scope: str
    category: str | None  # None: the rule as a whole
    outcome: str  # passed | failed | skipped | error
    reason: str | None = None  # why skipped, or the error
    findings: int = 0

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Judgement:
    findings: list[Finding]
    matches: dict[str, Match]
    warnings: list[str] = field(default_factory=list)
    errors: list[dict] = field(default_factory=list)  # {rule, name, error}: what raised
    facts: dict = field(default_factory=dict)  # what scoring needs beyond the findings
    outcomes: list[Outcome] = field(default_factory=list)
    crawl_complete: bool = True
    # The annual report's section 二 drafted from the crawl for the year before the as-of date
    # (checks.annual_stats): a fact for the office, not a finding; None when nothing could be counted.
    annual_stats: StatsTable | None = None

    @property
    def complete(self) -> bool:
        return not self.errors

    def outcome(self, rule: str, category: str | None = None) -> Outcome | None:
        return next((o for o in self.outcomes if o.rule == rule and o.category == category), None)

    def unverified(self) -> list[dict]:
        """What 未核实 lists: every rule or category that was skipped or raised, a rule whose every
        category shares one reason said once."""
        out = []
        for o in self.outcomes:
            if o.outcome not in (SKIPPED, ERROR) and not (o.outcome == FAILED and o.category is None and o.reason):
                continue
            if o.category is not None and _said_whole(self.outcomes, o):
                continue
            mine = [c for c in self.outcomes if c.rule == o.rule and c.category is not None]
            if o.category is None and mine and not all(_said_whole(self.outcomes, c) for c in mine):
                continue  # its categories say it, each with its own reason
            out.append({"rule": o.rule, "name": o.name, "category": o.category, "outcome": o.outcome,
                        "reason": o.reason})
        return out


def _said_whole(outcomes: list[Outcome], row: Outcome) -> bool:
    whole = next((o for o in outcomes if o.rule == row.rule and o.category is None), None)
    return whole is not None and whole.outcome == row.outcome and whole.reason == row.reason


def judge(crawl: Crawl, catalog: Catalog, as_of: date, rules=None, crawl_complete: bool = True,
          previous: PreviousAudit | None = None, reviews=None) -> Judgement:
    """Judge the crawl. `crawl_complete` False: the crawl ended early, so a whole-site rule's
    findings become "could not verify" and only its passes stand. `previous`: what the site's
    previous complete audit saw (checks.previous), for the rules that compare with it; None: none.
    `reviews`: the office's review of wording hits (checks.wording.Reviews), for content.wrong_term."""
    if rules is None:
        from . import RULES as rules
    ctx = Context.build(crawl, catalog, as_of, specs={r.spec.id: r.spec for r in rules})
    ctx.crawl_complete = crawl_complete
    ctx.previous = previous
    ctx.reviews = reviews
    findings: list[Finding] = []
    errors: list[dict] = []
    outcomes: list[Outcome] = []
    unreachable = False
    for rule in rules:
        spec: RuleSpec = rule.spec
        if unreachable:
            outcomes += _rows(spec, catalog, [], SKIPPED, UNREACHABLE)
            continue
        ctx.running = spec.id
        try:
            found = rule(ctx)
        except Exception as exc:  # a broken rule must not cost the office the other findings
            log.error("rule %s failed:\n%s", spec.id, traceback.format_exc())
            error = f"{type(exc).__name__}: {exc}"
            errors.append({"rule": spec.id, "name": spec.name, "error": error})
            outcomes += _rows(spec, catalog, [], ERROR, f"规则运行出错（{error}）")
            continue
        if not crawl_complete and spec.whole_site:
            for f in found:
                ctx.could_not_verify(PARTIAL.get(spec.id, PARTIAL_DEFAULT), category=f.category)
            found = []
        findings.extend(found)
        outcomes += _rows(spec, catalog, found, None, None, ctx.skips.get(spec.id, {}))
        if spec.id == "site.unreachable" and found:
            unreachable = True  # nothing else on an unreachable site can be judged
    facts = {}
    for step in (_column_facts, _scoring_facts):
        try:
            facts.update(step(ctx) or {})
        except Exception as exc:  # as for a rule: say the judgement is not whole, keep the rest
            log.error("%s failed:\n%s", step.__name__, traceback.format_exc())
            errors.append({"rule": None, "name": STEP_NAMES[step.__name__], "error": f"{type(exc).__name__}: {exc}"})
    stats = None
    if not unreachable:
        try:
            stats = annual_stats(ctx)
        except Exception as exc:
            log.error("annual_stats failed:\n%s", traceback.format_exc())
            errors.append({"rule": None, "name": STEP_NAMES["annual_stats"], "error": f"{type(exc).__name__}: {exc}"})
    findings.sort(key=lambda f: (SEVERITY_RANK[f.severity], f.rule, f.category or "", f.url or "", f.target or ""))
    return Judgement(findings=findings, matches=ctx.matches, warnings=ctx.calendar.warnings() + ctx.memo.get("warnings", []),
                     errors=errors,
                     facts=facts, outcomes=outcomes, crawl_complete=crawl_complete,
                     annual_stats=stats)


def _rows(spec: RuleSpec, catalog: Catalog, found: list[Finding], forced: str | None, reason: str | None,
          skips: dict | None = None) -> list[Outcome]:
    """The rule's outcome, then one per category it judges. `forced`: every row is that outcome
    (skipped or error) with `reason`; otherwise failed where findings are, skipped where the rule
    said it could not verify, passed elsewhere."""
    skips = skips or {}
    rows = []
    for cat in spec.categories(catalog):
        mine = sum(1 for f in found if f.category == cat.name)
        if forced:
            rows.append(Outcome(spec.id, spec.name, spec.scope, cat.name, forced, reason))
        elif mine:
            rows.append(Outcome(spec.id, spec.name, spec.scope, cat.name, FAILED, None, mine))
        elif cat.name in skips:
            rows.append(Outcome(spec.id, spec.name, spec.scope, cat.name, SKIPPED, skips[cat.name]))
        else:
            rows.append(Outcome(spec.id, spec.name, spec.scope, cat.name, PASSED))
    if forced:
        whole = Outcome(spec.id, spec.name, spec.scope, None, forced, reason)
    elif found:  # what it could not verify beside its findings (privacy.leak: unread attachments) is said too
        whole = Outcome(spec.id, spec.name, spec.scope, None, FAILED, skips.get(None), len(found))
    elif None in skips:
        whole = Outcome(spec.id, spec.name, spec.scope, None, SKIPPED, skips[None])
    elif rows and all(r.outcome == SKIPPED for r in rows):
        whole = Outcome(spec.id, spec.name, spec.scope, None, SKIPPED, f"{len(rows)} 个栏目均未核实")
    else:
        skipped = sum(r.outcome == SKIPPED for r in rows)
        whole = Outcome(spec.id, spec.name, spec.scope, None, PASSED,
                        f"{skipped} 个栏目未核实" if skipped else None)
    return [whole] + rows


STEP_NAMES = {"_column_facts": "栏目统计", "_scoring_facts": "计分所需统计", "annual_stats": "本网站抓取统计"}


def _column_facts(ctx: Context) -> dict:
    """Give each match the size and newest date of its column, for the run record."""
    items = ctx.items
    for name, match in ctx.matches.items():
        mine = items[items["category"] == name]
        dated = [d for d in mine["date"].dropna() if d <= ctx.as_of]
        match.items = int(mine["url"].nunique())
        match.newest = max(dated).isoformat() if dated else None
    return {}


def _scoring_facts(ctx: Context) -> dict:
    from .rules.interaction import WARN_DAYS, near_limit
    from .rules.site import homepage_limit_days, homepage_newest

    newest = homepage_newest(ctx)
    return {
        "homepage_age_days": (ctx.as_of - newest).days if newest else None,
        "homepage_limit_days": homepage_limit_days(ctx),
        "messages_near_limit": near_limit(ctx),
        "message_warn_days": WARN_DAYS,
        "message_limit_days": ctx.catalog.rule("interaction.unanswered").days or 90,
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
