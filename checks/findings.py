"""The finding: one problem a responsible office must fix. Its fields are the SPEC's."""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from urllib.parse import urlsplit

SEVERITIES = ("veto", "deduct", "notice")  # most to least serious
SEVERITY_RANK = {s: i for i, s in enumerate(SEVERITIES)}


@dataclass
class Finding:
    rule: str  # stable rule id, e.g. 'item.late'
    severity: str  # 'veto' | 'deduct' | 'notice'
    points: float  # points deducted for this finding
    site: str  # the audited site's start URL
    department: str  # 责任科室
    category: str | None  # catalog category, or None for site-wide findings
    url: str | None  # where the problem is
    target: str | None  # a broken link's target
    title: str  # the page's or item's title ('' when none)
    evidence: str  # a Chinese sentence the office can act on; personal data masked
    detected_on: str  # ISO date (the audit's as-of date)
    deadline: str  # ISO date: rectification due
    fingerprint: str  # stable across runs: rule + site path + category + url path + target + key
    basis: str | None = None  # legal or inspection basis
    status: str | None = None  # 'new' | 'persisting' with history
    first_seen: str | None = None  # ISO date with history
    details: dict = field(default_factory=dict)  # rule-specific facts (delay, limit, score …)

    def to_dict(self) -> dict:
        return asdict(self)


def _path(url: str | None) -> str:
    """Fingerprints ignore scheme and host so that a site moving to https keeps its history."""
    if not url:
        return ""
    parts = urlsplit(url)
    return parts.path + ("?" + parts.query if parts.query else "")


def fingerprint(rule: str, site: str, category: str | None, url: str | None,
                target: str | None, key: str = "") -> str:
    host = urlsplit(site).hostname or site
    raw = "\x1f".join([rule, host, category or "", _path(url), _path(target) if target else "", key])
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]
