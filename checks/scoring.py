"""The score: 100 less the points of every finding; any veto-level finding fails the site."""
from __future__ import annotations

from .findings import Finding


def score(findings: list[Finding]) -> dict:
    deducted = sum(f.points for f in findings if f.severity != "notice")
    vetoes = [f for f in findings if f.severity == "veto"]
    reasons = []
    for f in vetoes:
        reason = f"{f.rule}：{f.evidence}"
        if reason not in reasons:
            reasons.append(reason)
    return {"score": round(max(0.0, 100.0 - deducted), 2), "veto": bool(vetoes), "veto_reasons": reasons[:20]}
