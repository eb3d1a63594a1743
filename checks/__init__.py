"""Judge a stored crawl against a catalog. Never imports scrapy: it reads the crawl's tables.

Every rule the audit runs is listed in RULES, in the order findings are reported.
"""
from __future__ import annotations

from .judge import Judgement, judge
from .rules.annual import annual_late
from .rules.columns import column_empty, column_missing, column_stale
from .rules.content import wrong_term
from .rules.dates import backdated
from .rules.guide import guide_incomplete
from .rules.identity import error_entry_missing, site_identity
from .rules.interaction import unanswered
from .rules.items import item_late, metadata_missing
from .rules.search import search_missing
from .rules.links import link_broken, link_unverified
from .rules.privacy import privacy_leak
from .rules.report import report_inconsistent
from .rules.hijacked import link_hijacked  # issue 16
from .rules.a11y import A11Y_RULES  # issue 16
from .rules.site import homepage_stale, site_unreachable, tls_invalid

RULES = (
    site_unreachable,
    tls_invalid,
    homepage_stale,
    site_identity,
    error_entry_missing,
    column_missing,
    search_missing,
    column_empty,
    column_stale,
    item_late,
    metadata_missing,
    link_broken,
    link_unverified,
    privacy_leak,
    annual_late,
    guide_incomplete,
    report_inconsistent,
    unanswered,
    wrong_term,
    backdated,
    link_hijacked,  # issue 16
    *A11Y_RULES,  # issue 16: a11y.* (checks.rules.a11y)
)

__all__ = ["RULES", "Judgement", "judge"]

# Each rule's declaration (checks.registry.RuleSpec) by id: what the reports and the catalog derive from.
SPECS = {r.spec.id: r.spec for r in RULES}
__all__ += ["SPECS"]
