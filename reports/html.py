"""report.html: one self-contained page (inline CSS, SVG and JS) with score, charts and the list.

Self-contained because the page is mailed around and opened from intranet shares
where external fonts or CDNs are unreachable. Everything from the crawl is
escaped by jinja2's autoescape; only http(s) URLs become links.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from reports.names import rule_name, severity_name
from reports.table import (as_date, crosstab, department, display_width, format_score, page_url,
                           plain, records, severity_counts, web_url)

TEMPLATES = Path(__file__).parent / "templates"
# Chart geometry in px; the label column grows with the longest label (13px font ≈ 7px per
# half-width cell) so that long office names are not clipped.
BAR_HEIGHT, BAR_GAP, BAR_SPAN, CELL_PX, MAX_LABEL_PX = 22, 6, 360, 7, 320


def write_html(path: Path, findings: pd.DataFrame, run: dict) -> None:
    path.write_text(render(findings, run), encoding="utf-8")


def render(findings: pd.DataFrame, run: dict) -> str:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    return env.get_template("report.html.j2").render(**context(findings, run))


def context(findings: pd.DataFrame, run: dict) -> dict:
    rows = records(findings)
    by_rule = crosstab(rows, lambda r: r["rule"])
    by_office = crosstab(rows, department)
    return {
        "site": run.get("site") or "",
        "site_href": web_url(run.get("site")),
        "as_of": run.get("as_of") or "",
        "score": format_score(run.get("score")),
        "veto": bool(run.get("veto")),
        "veto_reasons": [str(r) for r in run.get("veto_reasons") or []],
        "catalog": (run.get("catalog") or {}).get("name") or "",
        "started": run.get("started") or "",
        "finished": run.get("finished") or "",
        "pages": plain((run.get("counts") or {}).get("pages")),
        "total": len(rows),
        "severities": [(s, severity_name(s), n) for s, n in severity_counts(rows).items()],
        "rule_chart": bars([(f"{rule_name(k)}（{k}）", sum(v.values())) for k, v in by_rule.items()]),
        "office_chart": bars([(k, sum(v.values())) for k, v in by_office.items()]),
        "rules": sorted((k, rule_name(k)) for k in by_rule),
        "offices": sorted(by_office),
        "findings": [_finding(r) for r in rows],
        "matches": [_match(m) for m in run.get("matches") or []],
        "warnings": [str(w) for w in run.get("warnings") or []],
        "fixed": [_finding(plain(f)) for f in run.get("fixed") or []],
        "versions": sorted((str(k), str(v)) for k, v in (run.get("versions") or {}).items()),
    }


def bars(items: list[tuple[str, int]]) -> dict:
    """Horizontal bar geometry, biggest first; the template only draws it."""
    items = sorted(items, key=lambda kv: (-kv[1], kv[0]))
    top = max((n for _, n in items), default=0) or 1
    widest = max((display_width(label) for label, _ in items), default=0)
    label_width = min(MAX_LABEL_PX, widest * CELL_PX + 12)
    step = BAR_HEIGHT + BAR_GAP
    return {
        "width": label_width + BAR_SPAN + 50, "height": max(step * len(items), step),
        "label_width": label_width, "bar_height": BAR_HEIGHT, "text_y": round(BAR_HEIGHT * 0.7),
        "bars": [{"label": label, "count": n, "y": i * step, "w": max(1, round(BAR_SPAN * n / top))}
                 for i, (label, n) in enumerate(items)],
    }


def _finding(row: dict) -> dict:
    url = page_url(row)
    return {
        "rule": row.get("rule") or "", "rule_name": rule_name(row.get("rule") or ""),
        "severity": row.get("severity") or "", "severity_name": severity_name(row.get("severity")),
        "department": department(row), "category": row.get("category") or "",
        "evidence": row.get("evidence") or "", "url": url or "", "href": web_url(url),
        "deadline": as_date(row.get("deadline")) or "", "status": row.get("status") or "",
    }


def _match(m: dict) -> dict:
    misses = m.get("near_misses") or []
    return {
        "category": m.get("category") or "", "column": m.get("column") or "",
        "method": m.get("method") or "", "score": format_score(m.get("score"), 2),
        "url": m.get("url") or "", "href": web_url(m.get("url")),
        "near_misses": [f"{n.get('column', '')}（{format_score(n.get('score'), 2)}）" for n in misses],
    }

