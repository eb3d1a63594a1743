"""junit.xml: the audit as test results, so CI (GitLab, Jenkins) shows it natively.

One test case per site-wide rule (name "site") and per category rule × catalog
category. A case fails on veto- or deduct-level findings; notice-level findings
never fail a build but are listed in the case's <system-out>.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

import pandas as pd

from checks.findings import SEVERITY_RANK
from reports.names import CATEGORY_RULES, rule_name, severity_name
from reports.status import badges, new_against_baseline
from reports.table import clean_text, page_url, records

SITE = "site"
PASSING = {"notice"}


def write_junit(path: Path, findings: pd.DataFrame, run: dict) -> None:
    tree = ET.ElementTree(build(findings, run))
    ET.indent(tree)
    tree.write(path, encoding="utf-8", xml_declaration=True)
    with open(path, "a", encoding="utf-8") as fh:
        fh.write("\n")


def case_key(row: dict) -> tuple[str, str]:
    rule = row.get("rule") or ""
    return rule, (row.get("category") or SITE) if rule in CATEGORY_RULES else SITE


def cases(rows: list[dict], run: dict) -> dict[tuple[str, str], list[dict]]:
    """Every (rule, name) test case with its findings, the catalog's grid first.

    Findings outside the grid (a rule or category the run did not list) still get
    their own case: a failure must never disappear for want of a row.
    """
    categories = [str(c) for c in run.get("categories") or []]
    grid: dict[tuple[str, str], list[dict]] = {}
    for rule in sorted(run.get("rules") or {}):
        for name in (categories if rule in CATEGORY_RULES else [SITE]):
            grid[(rule, name)] = []
    for row in rows:
        grid.setdefault(case_key(row), []).append(row)
    return grid


def build(findings: pd.DataFrame, run: dict) -> ET.Element:
    grid = cases(records(findings), run)
    fresh = new_against_baseline(run)
    baseline = run.get("baseline") or {}
    failures = sum(1 for found in grid.values() if _failing(found))
    seconds = f"{_duration(run):.3f}"
    counts = {"tests": str(len(grid)), "failures": str(failures), "errors": "0",
              "skipped": "0", "time": seconds}
    root = ET.Element("testsuites", {"name": "netcheck", **counts})
    suite = ET.SubElement(root, "testsuite", {"name": "netcheck", **counts,
                                              "timestamp": clean_text(run.get("started")),
                                              "hostname": clean_text(_host(run))})
    props = ET.SubElement(suite, "properties")
    for name in ("site", "as_of", "score", "veto", "fail_on"):
        ET.SubElement(props, "property", {"name": name, "value": clean_text(run.get(name))})
    if baseline:
        for name in ("run_dir", "new_findings"):
            ET.SubElement(props, "property", {"name": f"baseline_{name}", "value": clean_text(baseline.get(name))})
    for (rule, name), found in grid.items():
        case = ET.SubElement(suite, "testcase", {"classname": rule, "name": name, "time": "0"})
        failing = _failing(found)
        if failing:
            worst = min((r.get("severity") for r in failing), key=lambda s: SEVERITY_RANK.get(s, 99))
            fail = ET.SubElement(case, "failure", {
                "message": f"{rule_name(rule)}：{len(failing)} 项（{severity_name(worst)}）"
                           + (_against_baseline(failing, fresh) if baseline else ""),
                "type": worst})
            fail.text = "\n".join(_line(r, fresh) for r in failing)
        notices = [r for r in found if r.get("severity") in PASSING]
        if notices:
            ET.SubElement(case, "system-out").text = "\n".join(_line(r, fresh) for r in notices)
    return root


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


def _duration(run: dict) -> float:
    try:
        start = datetime.fromisoformat(str(run.get("started")))
        end = datetime.fromisoformat(str(run.get("finished")))
        return max(0.0, (end - start).total_seconds())
    except (TypeError, ValueError):
        return 0.0


def _host(run: dict) -> str:
    return urlsplit(str(run.get("site") or "")).hostname or ""
