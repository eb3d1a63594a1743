"""The audit, stage by stage: crawl → pages.jsonl → judge → findings → reports.

Each stage hands the next a file, so `netcheck report` can re-judge a saved crawl with a new
catalog or date without fetching anything.
"""
from __future__ import annotations

import ctypes
import json
import logging
import platform
import uuid
from dataclasses import asdict
from datetime import date, datetime, timezone
from pathlib import Path

import pandas as pd

import checks
from checks.catalog import Catalog
from checks.crawl import Crawl
from checks.findings import Finding
from checks.scoring import ScoringSettings, score

from . import __version__
from .exitcodes import exit_status
from .gating import gate
from .history import run_summary, site_key

log = logging.getLogger(__name__)

PAGES = "pages.jsonl"
FINDING_COLUMNS = list(Finding.__dataclass_fields__)
M_MMAP_THRESHOLD = -3  # glibc's mallopt parameter (malloc.h)


class RunDirError(ValueError):
    """A run directory that cannot be re-judged."""


def crawl_site(url: str, run_dir: Path, settings: dict | None = None, max_pages: int | None = None,
               max_seconds: int | None = None, check_external: bool = False, resume: bool = False) -> dict:
    from crawler.run import run_crawl  # scrapy is only needed when crawling

    run_dir.mkdir(parents=True, exist_ok=True)
    return run_crawl(url, run_dir / PAGES, settings=settings or {}, max_pages=max_pages, max_seconds=max_seconds,
                     check_external=check_external, resume=resume)


def judge_run(run_dir: Path, catalog: Catalog, as_of: date, fail_on: str = "veto", site: str | None = None,
              crawl_stats: dict | None = None, started: str | None = None, baseline=None,
              history=None, site_id: str | None = None) -> dict:
    """Judge the crawl stored in run_dir, write every report there, and return the run record.

    `baseline` (a gating.Baseline) makes the exit status count only findings new against it.
    `history` (a history.HistoryStore) marks findings new/persisting against the site's previous
    run, lists what was fixed, and records this run under `site_id` (default: from the URL).
    """
    pages_path = run_dir / PAGES
    if not pages_path.is_file():
        raise RunDirError(f"{run_dir}: no {PAGES} here (is it a netcheck run directory?)")
    previous = _read_run(run_dir)
    site = site or previous.get("site")
    _return_large_blocks()
    crawl = Crawl.load(pages_path, start_url=site)
    judgement = checks.judge(crawl, catalog, as_of)
    findings = judgement.findings
    site, pages = crawl.start_url, int(len(crawl.pages))
    del crawl  # what follows reads the findings alone: the crawl's tables go before the reports come
    site_id = site_id or previous.get("site_id") or site_key(site)
    # A fresh crawl is a new run; a re-judgement keeps its run's id so history replaces its row.
    run_id = (previous.get("run_id") if crawl_stats is None else None) or uuid.uuid4().hex
    comparison = history.compare(site_id, run_id, as_of, findings) if history is not None else None
    result = score(findings, catalog, judgement.facts)
    by = lambda attr: _counts(getattr(f, attr) for f in findings)
    run = {
        "site": site,
        "as_of": as_of.isoformat(),
        "started": started or previous.get("started") or _now(),
        "finished": _now(),
        "catalog": {"name": catalog.name, "path": catalog.path, "digest": catalog.digest},
        "counts": {"pages": pages, "findings": len(findings), "by_rule": by("rule"),
                   "by_severity": by("severity"), "by_department": by("department")},
        **result,
        "fail_on": fail_on,
        "exit_status": int(exit_status((f.severity for f in findings), fail_on, veto=result["veto"])),
        "versions": _versions(),
        "crawl": crawl_stats or previous.get("crawl") or {},
        "warnings": judgement.warnings + judgement.errors + result["early_warnings"],
        "matches": [{"category": m.category, "column": m.column, "method": m.method, "score": m.score,
                     "source": m.source, "url": m.url, "near_misses": m.near_misses,
                     "items": m.items, "newest": m.newest}
                    for m in judgement.matches.values()],
        "rules": {r.rule_id: {"description": r.description, "severity": catalog.rule(r.rule_id).severity,
                              "basis": catalog.rule(r.rule_id).basis} for r in checks.RULES},
        "categories": [c.name for c in catalog.categories],
        "fixed": comparison.fixed if comparison else [],
        "site_id": site_id,
        "run_id": run_id,
    }
    run["history"] = run_summary(comparison, history.trend(site_id, run_id, as_of), run) if comparison else None
    if baseline is not None:
        run.update(gate(findings, run, baseline, ScoringSettings.from_catalog(catalog.scoring)))
    frame = pd.DataFrame([asdict(f) for f in findings], columns=FINDING_COLUMNS)
    import reports

    reports.write_all(run_dir, frame, run)
    if history is not None:  # after the reports: a run in history has its files
        history.record(site_id, run, findings, run_dir)
    return run


def _return_large_blocks() -> None:
    """Have glibc hand large freed blocks back to the system, for the rest of the process.

    Judging makes and frees many large arrays (a column of every page). After the first large
    free, glibc raises its mmap threshold: later large blocks come from the heap, and the holes
    they leave stay resident, an eighth of the peak at 100,000 pages. A fixed threshold keeps
    each block over 512 KB in a mapping of its own, unmapped when freed. No-op without glibc.
    """
    try:
        ctypes.CDLL(None).mallopt(M_MMAP_THRESHOLD, 512 * 1024)
    except (OSError, AttributeError, TypeError):
        pass


def _read_run(run_dir: Path) -> dict:
    path = run_dir / "run.json"
    if not path.is_file():
        return {}
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _counts(values) -> dict:
    out: dict = {}
    for v in values:
        out[v] = out.get(v, 0) + 1
    return dict(sorted(out.items(), key=lambda kv: (-kv[1], str(kv[0]))))


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _versions() -> dict:
    out = {"netcheck": __version__, "python": platform.python_version()}
    for name in ("scrapy", "pandas", "rapidfuzz", "chinese_calendar", "opencc"):
        try:
            module = __import__(name)
            out[name] = getattr(module, "__version__", "") or ""
        except Exception:  # a version is informative only
            pass
    return out
