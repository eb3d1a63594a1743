"""This run against the site's previous one: which findings are new, which persist, which were fixed.

Pure functions over Finding objects and plain rows, so the rules of 整改销号 can be read (and
tested) without a database.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from checks.findings import Finding, fingerprint
from reports.runrecord import HistorySummary, PreviousRun, RunRecord, TrendPoint

NEW, PERSISTING, FIXED = "new", "persisting", "fixed"
REPORTED_FIXED = "已整改"
REPORTED_FIXED_SHOWN = "已报整改"  # the workbook's 已报整改但仍存在 (reports.status.carried_status)


@dataclass
class Comparison:
    previous: dict | None  # the previous run's row, or None for a site's first run
    new: int = 0
    persisting: int = 0
    fixed: list[dict] = field(default_factory=list)  # fixed.jsonl's records
    # The previous run's findings gone from this run's list but not checked again (the rule did
    # not run, the page was not reached): still open, shown as 未核实. Each with its `reason`.
    unverified: list[dict] = field(default_factory=list)


def compare(findings: list[Finding], previous: dict | None, previous_findings: list[dict], as_of: date,
            reported: dict[str, dict] | None = None, unverified: dict[str, str] | None = None) -> Comparison:
    """Set each finding's status, first_seen and history details; list what is gone.

    `previous_findings` are the previous run's finding rows (dates as date objects);
    `reported` maps a fingerprint to the office's latest reported status row; `unverified` maps
    the fingerprint of a gone finding this run could not check again to the reason: it is not
    fixed, only not seen.
    """
    unverified = unverified or {}
    before = {row["fingerprint"]: row for row in previous_findings}
    reported = reported or {}
    out = Comparison(previous)
    seen = set()
    for f in findings:
        seen.add(f.fingerprint)
        old = before.get(f.fingerprint)
        if old is None:
            old = _under_earlier_key(f, before, seen)
        if old is None:
            f.status, f.first_seen = NEW, as_of.isoformat()
            out.new += 1
            continue
        f.status = PERSISTING
        # The chain's first date travels from run to run; a row without one began in that run.
        f.first_seen = _iso(old.get("first_seen") or previous["as_of"])
        out.persisting += 1
        details = dict(f.details or {})
        deadline = old.get("deadline")
        if deadline:
            # The 整改时限 a finding was first given does not move because it was found again: it
            # travels along the chain as first_seen does, and the office is held to it.
            f.deadline = _iso(deadline)
        if deadline and as_of > deadline:
            # Due by the previous run's deadline and still there: the office missed it.
            details["overdue"] = True
            details["previous_deadline"] = _iso(deadline)
        status = reported.get(f.fingerprint) or reported.get(old["fingerprint"])
        if status and status["reported_on"] >= date.fromisoformat(f.first_seen):
            details["reported_status"] = status["status"]
            details["reported_on"] = _iso(status["reported_on"])
            if status.get("note"):
                details["reported_note"] = status["note"]
            if _says_fixed(status["status"]):
                details["reported_fixed_but_found"] = True
        f.details = details
    for fp, old in before.items():
        if fp in seen:
            continue
        if fp in unverified:
            out.unverified.append(_unverified_record(old, previous, unverified[fp]))
        else:
            out.fixed.append(_fixed_record(old, previous, as_of))
    return out


# A finding whose fingerprint key a later netcheck made finer: rule → the key its findings had before, from
# the finding (content.wrong_term: the term alone, before its snippet told two hits of a term on one page
# apart). Without it the first audit after the change would list every such finding fixed and found anew.
EARLIER_KEYS = {
    "content.wrong_term": lambda f: (f.details or {}).get("term"),
}


def _under_earlier_key(f: Finding, before: dict, seen: set) -> dict | None:
    """The previous run's row for `f` under its rule's earlier fingerprint key, claimed once."""
    key_of = EARLIER_KEYS.get(f.rule)
    key = key_of(f) if key_of else None
    if not key:
        return None
    earlier = fingerprint(f.rule, f.site, f.category, f.url, f.target, key)
    if earlier in seen or earlier not in before:
        return None
    seen.add(earlier)
    return before[earlier]


def _unverified_record(row: dict, previous: dict, reason: str) -> dict:
    record = {k: _iso(row.get(k)) for k in ("rule", "category", "url", "target", "title", "fingerprint",
                                            "severity", "department", "deadline")}
    record["first_seen"] = _iso(row.get("first_seen") or previous["as_of"])
    record["last_seen"] = _iso(previous["as_of"])
    record["reason"] = reason
    return record


def _fixed_record(row: dict, previous: dict, as_of: date) -> dict:
    """A gone finding as fixed.jsonl holds it: the finding's own fields, then when it went."""
    record = {k: _iso(v) for k, v in row.items() if k not in ("id", "run_id")}
    record["site"] = previous["site_url"]
    record["details"] = dict(row.get("details") or {})
    record["first_seen"] = _iso(row.get("first_seen") or previous["as_of"])
    record["status"] = FIXED
    record["last_seen"] = _iso(previous["as_of"])
    record["fixed_on"] = as_of.isoformat()
    return record


def _says_fixed(text: str) -> bool:
    """已整改 as an office writes it, or the 已报整改但仍存在 the last list showed for one (the office
    sent it back unchanged: its word is still 已整改)."""
    return "".join(text.split()).startswith((REPORTED_FIXED, REPORTED_FIXED_SHOWN))


def _iso(value):
    return value.isoformat() if isinstance(value, date) else value


def history_status(run: RunRecord) -> str:
    """The run's status as history keeps it: run.json's, or 'unreachable' for a run that found
    the site down. Only a 'complete' run is the one the next run is compared with: a run that saw
    nothing (down), not all (partial) or judged not all (incomplete) must not close what it missed."""
    if "site.unreachable" in run.counts.by_rule:
        return "unreachable"
    return run.status or "complete"


def run_summary(comparison: Comparison, trend_before: list[TrendPoint], run: RunRecord) -> HistorySummary:
    """run.json's `history`: the previous run, the three counts, and the score trend to this run."""
    prev = comparison.previous
    previous = None if prev is None else PreviousRun(
        as_of=_iso(prev["as_of"]), score=prev["score"], veto=bool(prev["veto"]),
        findings=(prev["counts"] or {}).get("findings"), run_dir=prev["run_dir"], run_id=prev["run_key"])
    here = TrendPoint(as_of=run.as_of, score=run.score, veto=bool(run.veto), findings=run.counts.findings,
                      status=history_status(run))
    return HistorySummary(previous_run=previous, new=comparison.new, persisting=comparison.persisting,
                          fixed=len(comparison.fixed), unverified=len(comparison.unverified),
                          trend=(*trend_before, here))
