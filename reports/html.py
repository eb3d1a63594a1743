"""report.html: one self-contained page (inline CSS, SVG and JS) with score, charts and the list.

Self-contained because the page is mailed around and opened from intranet shares
where external fonts or CDNs are unreachable. Everything from the crawl is
escaped by jinja2's autoescape; only http(s) URLs become links.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd
from reports import completeness
from reports.htmlenv import environment
from reports.names import OUTCOME_NAMES, rule_name, severity_name, veto_reason, without_ids
from reports.runrecord import BaselineComparison, HistorySummary, Match, PreviousRun, RunRecord, TrendPoint
from reports.status import badges, filter_label, new_against_baseline
from reports.table import (as_date, crosstab, department, format_score, page_url, plain, records,
                           severity_counts, web_url)

# How the column matcher found each category's column (checks.matching: Match.method), in words.
MATCH_METHODS = {"name": "名称相同", "alias": "别名", "suffix": "名称加后缀", "fuzzy": "名称相近"}
# Trend chart in px: scores are 0–100, so the y axis is fixed and runs compare at a glance.
TREND_STEP, TREND_HEIGHT, TREND_LEFT, TREND_TOP, TREND_BOTTOM, TREND_MAX_LABELS = 70, 160, 40, 20, 40, 12
STATUS_ORDER = ("new", "persisting", "overdue", "reported:", "fixed-but-found", "baseline-new")


def write_html(path: Path, findings: pd.DataFrame, run: RunRecord) -> None:
    path.write_text(render(findings, run), encoding="utf-8")


def render(findings: pd.DataFrame, run: RunRecord) -> str:
    return environment().get_template("report.html.j2").render(**context(findings, run))


def context(findings: pd.DataFrame, run: RunRecord) -> dict:
    rows = records(findings)
    by_rule = crosstab(rows, lambda r: r["rule"])
    by_office = crosstab(rows, department)
    fresh = new_against_baseline(run)
    shown = [_finding(r, fresh) for r in rows]
    outcomes = completeness.outcome_counts(run)
    return {
        "status": completeness.run_status(run), "status_name": completeness.status_name(run),
        "complete": completeness.is_complete(run), "banners": completeness.banners(run),
        "score_label": completeness.score_label(run),
        "outcomes": [(k, OUTCOME_NAMES[k], n) for k, n in outcomes.items()] if outcomes else [],
        "unverified": completeness.unverified(run),
        "not_reverified": completeness.not_reverified(run),
        "site": run.site or "",
        "site_href": web_url(run.site),
        "as_of": run.as_of or "",
        "score": format_score(run.score),
        "veto": bool(run.veto),
        "veto_reasons": [veto_reason(r) for r in run.veto_reasons],
        "catalog": run.catalog.name or "",
        "started": run.started or "",
        "finished": run.finished or "",
        "pages": plain(run.counts.pages),
        "total": len(rows),
        "severities": [(s, severity_name(s), n) for s, n in severity_counts(rows).items()],
        "rule_chart": bars([(rule_name(k), sum(v.values())) for k, v in by_rule.items()]),
        "office_chart": bars([(k, sum(v.values())) for k, v in by_office.items()]),
        "rules": sorted((k, rule_name(k)) for k in by_rule),
        "offices": sorted(by_office),
        "findings": shown,
        "statuses": _statuses(shown),
        "matches": [_match(m) for m in run.matches],
        "warnings": [without_ids(w) for w in run.warnings],
        "fixed": [_fixed(plain(f), run) for f in run.fixed],
        "history": _history(run.history),
        "trend": trend(run.history.trend if run.history else ()),
        "baseline": _baseline(run.baseline),
        "versions": sorted((str(k), str(v)) for k, v in run.versions.items()),
    }


def bars(items: list[tuple[str, int]]) -> dict:
    """Horizontal bars, biggest first, each as a share of the biggest (in %); the template draws them
    in HTML, so that labels wrap and bars shrink with the screen."""
    items = sorted(items, key=lambda kv: (-kv[1], kv[0]))
    top = max((n for _, n in items), default=0) or 1
    return {"bars": [{"label": label, "count": n, "pct": round(100 * n / top, 1)} for label, n in items]}


def trend(points: tuple[TrendPoint, ...]) -> dict | None:
    """Line geometry of the score over past runs, oldest first; None below two scored runs."""
    points = sorted((p for p in points if _number(plain(p.score)) is not None), key=lambda p: str(p.as_of or ""))
    if len(points) < 2:
        return None
    every = -(-len(points) // TREND_MAX_LABELS)  # label at most TREND_MAX_LABELS dates (ceil division)
    dots = []
    for i, p in enumerate(points):
        value = min(100.0, max(0.0, _number(plain(p.score))))
        dots.append({"x": TREND_LEFT + 20 + i * TREND_STEP,
                     "y": round(TREND_TOP + TREND_HEIGHT * (1 - value / 100), 1),
                     "score": format_score(p.score), "as_of": str(p.as_of or ""),
                     "findings": plain(p.findings), "label": i % every == 0 or i == len(points) - 1})
    return {"width": dots[-1]["x"] + 40, "height": TREND_TOP + TREND_HEIGHT + TREND_BOTTOM,
            "left": TREND_LEFT, "top": TREND_TOP, "bottom": TREND_TOP + TREND_HEIGHT,
            "grid": [{"value": v, "y": TREND_TOP + TREND_HEIGHT * (1 - v / 100)} for v in (0, 50, 100)],
            "points": " ".join(f"{d['x']},{d['y']}" for d in dots), "dots": dots}


def _number(value) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value)


def _finding(row: dict, fresh: frozenset[str] = frozenset()) -> dict:
    url = page_url(row)
    marks = badges(row, fresh)
    return {
        "rule": row.get("rule") or "", "rule_name": rule_name(row.get("rule") or ""),
        "severity": row.get("severity") or "", "severity_name": severity_name(row.get("severity")),
        "department": department(row), "category": row.get("category") or "",
        "evidence": row.get("evidence") or "", "url": url or "", "href": web_url(url),
        "deadline": as_date(row.get("deadline")) or "",
        # The CSS class is the key's kind: every office-reported status looks alike.
        "badges": [{"key": key, "label": label, "kind": key.split(":")[0]} for key, label in marks],
        "status_keys": " ".join(key for key, _ in marks),
        # report.inconsistent: the annual report's section as parsed, the identity's cells marked
        "table": (row.get("details") or {}).get("table") if isinstance(row.get("details"), dict) else None,
    }


def _statuses(shown: list[dict]) -> list[tuple[str, str]]:
    """The status filter's options: each status some finding has, in STATUS_ORDER."""
    seen = {b["key"]: filter_label(b["key"], b["label"]) for f in shown for b in f["badges"]}
    rank = lambda key: next(i for i, p in enumerate(STATUS_ORDER + ("",)) if key.startswith(p))
    return sorted(seen.items(), key=lambda kv: (rank(kv[0]), kv[0]))


def _fixed(row: dict, run: RunRecord) -> dict:
    # A finding missing from this run was fixed by this run's date at the latest.
    fixed_on = row.get("fixed_on") or (row.get("details") or {}).get("fixed_on") or run.as_of
    return {**_finding(row), "first_seen": as_date(row.get("first_seen")) or "",
            "fixed_on": as_date(fixed_on) or ""}


def _history(history: HistorySummary | None) -> dict | None:
    """Counts against the site's previous run; None without history."""
    if history is None:
        return None
    prev = history.previous_run or PreviousRun()
    return {"new": plain(history.new), "persisting": plain(history.persisting), "fixed": plain(history.fixed),
            "unverified": plain(history.unverified),
            "previous_as_of": str(prev.as_of or ""), "previous_score": format_score(prev.score)}


def _baseline(baseline: BaselineComparison | None) -> dict | None:
    if baseline is None:
        return None
    return {"run_dir": str(baseline.run_dir or ""), "new_findings": plain(baseline.new_findings)}


def _match(m: Match) -> dict:
    return {
        "category": m.category or "", "column": m.column or "",
        "method": MATCH_METHODS.get(m.method, m.method or ""), "score": format_score(m.score, 2),
        "url": m.url or "", "href": web_url(m.url),
        "near_misses": [f"{n.column if n.column is not None else ''}（{format_score(n.score, 2)}）"
                        for n in m.near_misses],
    }

