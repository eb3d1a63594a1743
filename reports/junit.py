"""junit.xml: the audit as test results, so CI (GitLab, Jenkins) shows it natively.

One test case per site-wide rule (name "site") and per category rule × catalog
category: the run's outcome rows when it has them, else the catalog's grid. A case
fails on veto- or deduct-level findings; notice-level findings never fail a build but
are listed in the case's <system-out>. A rule that raised is an <error>; a rule or
category that could not be verified is <skipped> with the reason, never a pass.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

import pandas as pd

from checks.findings import SEVERITY_RANK
from reports.completeness import UNVERIFIED_OUTCOMES, outcome_rows, run_status, score_is_verdict
from reports.names import CATEGORY_RULES, rule_name, severity_name
from reports.runrecord import RuleOutcome, RunRecord
from reports.status import badges, new_against_baseline
from reports.table import clean_text, page_url, records

SITE = "site"
PASSING = {"notice"}


def write_junit(path: Path, findings: pd.DataFrame, run: RunRecord) -> None:
    tree = ET.ElementTree(build(findings, run))
    ET.indent(tree)
    tree.write(path, encoding="utf-8", xml_declaration=True)
    with open(path, "a", encoding="utf-8") as fh:
        fh.write("\n")


def case_key(row: dict) -> tuple[str, str]:
    rule = row.get("rule") or ""
    return rule, (row.get("category") or SITE) if rule in CATEGORY_RULES else SITE


def cases(rows: list[dict], run: RunRecord) -> dict[tuple[str, str], list[dict]]:
    """Every (rule, name) test case with its findings, the run's outcomes (or the catalog's grid) first.

    Findings outside the grid (a rule or category the run did not list) still get
    their own case: a failure must never disappear for want of a row.
    """
    outcomes = outcome_cases(run)
    if outcomes:
        grid: dict[tuple[str, str], list[dict]] = {key: [] for key in outcomes}
    else:
        categories = [str(c) for c in run.categories]
        grid = {}
        for rule in sorted(run.rules):
            for name in (categories if rule in CATEGORY_RULES else [SITE]):
                grid[(rule, name)] = []
    for row in rows:
        rule, category = row.get("rule") or "", row.get("category")
        key = next((k for k in ((rule, category), (rule, SITE)) if k in outcomes), None) or case_key(row)
        grid.setdefault(key, []).append(row)
    return grid


def outcome_cases(run: RunRecord) -> dict[tuple[str, str], RuleOutcome]:
    """(rule, category or "site") → its outcome row ({} for an older run): see completeness.outcome_rows."""
    return {(rule, category or SITE): row for (rule, category), row in outcome_rows(run).items()}


def build(findings: pd.DataFrame, run: RunRecord) -> ET.Element:
    grid = cases(records(findings), run)
    outcomes = outcome_cases(run)
    fresh = new_against_baseline(run)
    baseline = run.baseline
    kinds = {key: _kind(found, outcomes.get(key)) for key, found in grid.items()}
    seconds = f"{_duration(run):.3f}"
    counts = {"tests": str(len(grid)), "failures": str(sum(k == "failure" for k in kinds.values())),
              "errors": str(sum(k == "error" for k in kinds.values())),
              "skipped": str(sum(k == "skipped" for k in kinds.values())), "time": seconds}
    root = ET.Element("testsuites", {"name": "netcheck", **counts})
    suite = ET.SubElement(root, "testsuite", {"name": "netcheck", **counts,
                                              "timestamp": clean_text(run.started),
                                              "hostname": clean_text(_host(run))})
    props = ET.SubElement(suite, "properties")
    for name, value in (("site", run.site), ("as_of", run.as_of), ("score", run.score), ("veto", run.veto),
                        ("fail_on", run.fail_on)):
        ET.SubElement(props, "property", {"name": name, "value": clean_text(value)})
    ET.SubElement(props, "property", {"name": "status", "value": run_status(run)})
    ET.SubElement(props, "property", {"name": "score_is_verdict", "value": str(score_is_verdict(run))})
    if baseline:
        for name, value in (("run_dir", baseline.run_dir), ("new_findings", baseline.new_findings)):
            ET.SubElement(props, "property", {"name": f"baseline_{name}", "value": clean_text(value)})
    for (rule, name), found in grid.items():
        case = ET.SubElement(suite, "testcase", {"classname": rule, "name": name, "time": "0"})
        outcome = outcomes.get((rule, name)) or RuleOutcome()
        reason = clean_text(outcome.reason)
        kind = kinds[(rule, name)]
        failing = _failing(found)
        if kind == "error":
            error = ET.SubElement(case, "error", {"message": f"{rule_name(rule)}：规则运行出错（{reason}）" if reason
                                                  else f"{rule_name(rule)}：规则运行出错",
                                                  "type": _error_type(run, rule)})
            error.text = _error_text(run, rule) or reason
        elif kind == "failure":
            worst = min((r.get("severity") for r in failing), key=lambda s: SEVERITY_RANK.get(s, 99))
            fail = ET.SubElement(case, "failure", {
                "message": f"{rule_name(rule)}：{len(failing)} 项（{severity_name(worst)}）"
                           + (_against_baseline(failing, fresh) if baseline else ""),
                "type": worst})
            fail.text = "\n".join(_line(r, fresh) for r in failing)
        elif kind == "skipped":
            ET.SubElement(case, "skipped", {"message": f"未核实：{reason}" if reason else "未核实"})
        out = [_line(r, fresh) for r in found if r.get("severity") in PASSING]
        if kind == "failure" and outcome.outcome in UNVERIFIED_OUTCOMES and reason:
            out.insert(0, f"[未核实] {reason}")  # what was found stands; the rest could not be checked
        if out:
            ET.SubElement(case, "system-out").text = "\n".join(out)
    return root


def _kind(found: list[dict], outcome: RuleOutcome | None) -> str:
    """error, failure, skipped or passed: a rule that raised is an error even beside findings
    another part of it made; sure findings fail the case even where the rest could not be verified."""
    state = outcome.outcome if outcome else None
    if state == "error":
        return "error"
    if _failing(found):
        return "failure"
    return "skipped" if state == "skipped" else "passed"


def _error_type(run: RunRecord, rule: str) -> str:
    error = _error_text(run, rule)
    kind = error.split(":", 1)[0].strip() if ":" in error else ""
    return kind if kind.isidentifier() else "error"


def _error_text(run: RunRecord, rule: str) -> str:
    return next((clean_text(e.error) for e in run.judgement_errors if e.rule == rule), "")


def _failing(found: list[dict]) -> list[dict]:
    return [r for r in found if r.get("severity") not in PASSING]


def _against_baseline(failing: list[dict], fresh: frozenset[str]) -> str:
    # The CI job's exit status counts only these, so the message says whether this case is why it failed.
    n = sum(1 for r in failing if r.get("fingerprint") in fresh)
    return f"，其中基线外新增 {n} 项" if n else "，均为基线已有"


def _line(row: dict, fresh: frozenset[str] = frozenset()) -> str:
    url = page_url(row)
    marks = "".join(f"[{label}]" for _, label in badges(row, fresh))
    text = f"[{severity_name(row.get('severity'))}]{marks} {clean_text(row.get('evidence'))}"
    return text + (f" {clean_text(url)}" if url else "")


def _duration(run: RunRecord) -> float:
    try:
        start = datetime.fromisoformat(str(run.started))
        end = datetime.fromisoformat(str(run.finished))
        return max(0.0, (end - start).total_seconds())
    except (TypeError, ValueError):
        return 0.0


def _host(run: RunRecord) -> str:
    return urlsplit(str(run.site or "")).hostname or ""
