"""Where a finding stands across runs, as the reports show it: new, persisting, overdue, reported, new
against a CI baseline.

The facts come from the run (history sets `status`, `first_seen`, `details.overdue`,
`details.reported_status`; `--baseline` sets run.baseline); this module only names them, so the
page, the summary and the JUnit file use the same words. A run without history or baseline gives
no badges at all, and the reports then leave the status out.
"""
from __future__ import annotations

import re

from reports.runrecord import RunRecord
from reports.table import as_date

STATUS_NAMES = {"new": "新发现", "persisting": "持续存在", "overdue": "逾期",
                "fixed-but-found": "已报整改但仍存在", "baseline-new": "基线外新增"}
REPORTED = "reported:"  # key prefix: one filter option per status an office reported
_SPACE = re.compile(r"\s+")


def new_against_baseline(run: RunRecord) -> frozenset[str]:
    """Fingerprints of the findings a --baseline run did not have (empty without a baseline)."""
    return frozenset(run.baseline.new_fingerprints) if run.baseline else frozenset()


def badges(row: dict, fresh: frozenset[str] = frozenset()) -> list[tuple[str, str]]:
    """(key, label) per status of one finding, in reading order; `fresh` from new_against_baseline."""
    details = row.get("details") or {}
    out = []
    if row.get("status") == "new":
        out.append(("new", STATUS_NAMES["new"]))
    elif row.get("status") == "persisting":
        first = as_date(row.get("first_seen"))
        out.append(("persisting", f"持续存在（首次发现 {first}）" if first else STATUS_NAMES["persisting"]))
    if details.get("overdue"):
        out.append(("overdue", STATUS_NAMES["overdue"]))
    reported = " ".join(str(details.get("reported_status") or "").split())
    if reported:
        out.append((REPORTED + _SPACE.sub("_", reported), f"科室反馈：{reported}"))
    if details.get("reported_fixed_but_found"):  # the office said 已整改; this audit still finds it
        out.append(("fixed-but-found", STATUS_NAMES["fixed-but-found"]))
    if row.get("fingerprint") in fresh:
        out.append(("baseline-new", STATUS_NAMES["baseline-new"]))
    return out


def overdue(row: dict, as_of) -> bool:
    """Past its 整改时限 on the as-of date. A persisting finding keeps the 整改时限 it was first given
    (netcheck.history.compare), so this is history's `details.overdue` and the deadline alike."""
    if (row.get("details") or {}).get("overdue"):
        return True
    deadline, day = as_date(row.get("deadline")), as_date(as_of)
    return bool(deadline and day and day > deadline)


def carried_status(row: dict) -> str | None:
    """The 状态 an office reported last round (imported with `netcheck import-status`), for the next
    round's 整改清单 to show again; 已报整改但仍存在 where it reported 已整改 and the audit still finds it."""
    details = row.get("details") or {}
    if details.get("reported_fixed_but_found"):
        return STATUS_NAMES["fixed-but-found"]
    return " ".join(str(details.get("reported_status") or "").split()) or None


def filter_label(key: str, label: str) -> str:
    """The filter's name for a key: 持续存在 without one finding's first-seen date."""
    return STATUS_NAMES.get(key, label)


__all__ = ["STATUS_NAMES", "REPORTED", "new_against_baseline", "badges", "overdue", "carried_status", "filter_label"]
