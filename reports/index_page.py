"""index.html over a directory of run directories: every audit kept, newest first, one click to its report.

Scheduled audits leave one run directory per night (and, with --sites, one per site inside it);
this page is what the disclosure office opens on the share instead of listing folders. It reads
only each run's run.json (never re-judges) and links with relative paths, so the whole tree can
be copied or served as static files. Self-contained like report.html.
"""
from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from checks.findings import SEVERITIES
from reports import completeness
from reports.htmlenv import environment
from reports.names import VETO, severity_name
from reports.runrecord import RunRecord, read_run
from reports.table import format_score, web_url

# One 单项否决 column (是, with how many veto-level findings, or 否); the other severities are counted
# in a column each. Never a second column of veto-level counts beside it under the same word.
COUNTED = tuple(s for s in SEVERITIES if s != "veto")
INDEX = "index.html"
RANKING = "ranking.html"  # written by `netcheck audit --sites` beside the sites' run directories
# A run directory directly under the root, or a site's run inside a multi-site run (DATE/SITE/).
PATTERNS = ("*/run.json", "*/*/run.json")


def write_index(root: Path) -> Path:
    """Write root/index.html listing every run under root; return its path."""
    root = Path(root)
    runs, skipped = find_runs(root)
    page = environment().get_template("index.html.j2").render(
        root=root.resolve().name or str(root), runs=runs, skipped=skipped,
        veto_name=VETO, severities=[(s, severity_name(s)) for s in COUNTED])
    path = root / INDEX
    tmp = path.with_name(f".{INDEX}.tmp")  # never leave a half-written page on a share
    tmp.write_text(page, encoding="utf-8")
    tmp.replace(path)
    return path


def find_runs(root: Path) -> tuple[list[dict], list[str]]:
    """One row per readable run.json under root, newest first; the relative paths of unreadable ones."""
    rows, skipped = [], []
    for path in sorted({p for pattern in PATTERNS for p in root.glob(pattern)}):
        rel = path.parent.relative_to(root).as_posix()
        run = read_run(path)
        if run is None:
            skipped.append(rel)  # a run being written right now, or not ours: list it, do not fail
            continue
        rows.append(_row(run, rel, path.parent))
    rows.sort(key=lambda r: (r["as_of"], r["finished"], r["dir"]), reverse=True)
    return rows, skipped


def _row(run: RunRecord, rel: str, run_dir: Path) -> dict:
    by_severity = run.counts.by_severity
    history = run.history
    return {
        "dir": rel,
        "site": str(run.site or ""), "site_href": web_url(run.site),
        "as_of": str(run.as_of or ""), "finished": str(run.finished or ""),
        "score": format_score(run.score), "veto": bool(run.veto),
        # An older run.json has no status: it is a complete run.
        "status": completeness.run_status(run), "status_name": completeness.status_name(run),
        "score_is_verdict": completeness.score_is_verdict(run),
        "status_reason": "；".join(completeness.banners(run)),
        "findings": run.counts.findings,
        "by_severity": {s: by_severity.get(s, 0) for s in SEVERITIES},
        "veto_findings": by_severity.get("veto", 0),
        "new": history.new if history else None,
        "fixed": history.fixed if history else None,
        "report": quote(f"{rel}/report.html") if (run_dir / "report.html").is_file() else None,
        # A site's run inside a multi-site round: link the round's ranking (通报) too.
        "ranking": quote(f"{Path(rel).parent.as_posix()}/{RANKING}")
        if "/" in rel and (run_dir.parent / RANKING).is_file() else None,
    }


__all__ = ["write_index", "find_runs", "INDEX"]
