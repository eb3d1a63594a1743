"""The audit, stage by stage: crawl → pages.jsonl → judge → findings → reports.

Each stage hands the next a file, so `netcheck report` can re-judge a saved crawl with a new
catalog or date without fetching anything.
"""
from __future__ import annotations

import ctypes
import logging
import os
import platform
import shutil
import uuid
from dataclasses import asdict, replace
from datetime import date, datetime
from pathlib import Path

import pandas as pd

import checks
from checks.catalog import Catalog
from checks.coverage import not_reverified
from checks.crawl import Crawl
from checks.findings import Finding
from checks.previous import RULE as BACKDATED
from checks.previous import PreviousAudit
from checks.scoring import ScoringSettings, score
from reports.runrecord import (RUN_JSON, AnnualStats, CatalogInfo, Counts, CrawlState, Deduction, JudgementError,
                               Match, NearMiss, RuleInfo, RuleOutcome, RunRecord, Unverified, read_run)

from . import __version__, crawlstate
from .exitcodes import Exit, exit_status
from .gating import gate
from .history import run_summary, site_key
from .i18n import _
from .review import load_reviews

log = logging.getLogger(__name__)

PAGES = "pages.jsonl"
FINDING_COLUMNS = list(Finding.__dataclass_fields__)
M_MMAP_THRESHOLD = -3  # glibc's mallopt parameter (malloc.h)


class RunDirError(ValueError):
    """A run directory that cannot be re-judged."""


def crawl_site(plan, run_dir: Path, settings: dict | None = None) -> dict:
    """Carry out `plan` (crawler.plan.CrawlPlan) here, into run_dir/pages.jsonl (which its resume_from names)."""
    from crawler.run import run_crawl  # scrapy is only needed when crawling

    run_dir.mkdir(parents=True, exist_ok=True)
    settings = {**progress_settings(), **(settings or {})}
    crawlstate.started(run_dir)  # a crawl killed before it ends stays "running": judged as partial
    stats = run_crawl(plan, run_dir / PAGES, settings=settings or {})
    crawlstate.write(run_dir, crawlstate.from_stats(stats))
    return stats


def progress_settings() -> dict:
    """The crawl's progress line in the user's language (crawler.extensions.progress)."""
    return {"NETCHECK_PROGRESS_FORMAT": _("netcheck: 已抓取 {pages} 个地址，待抓取 {queued} 个，出错 {errors} 个，"
                                          "{rate:.1f} 个/秒，用时 {elapsed}"),
            "NETCHECK_PROGRESS_UNITS": [_("秒"), _("分"), _("小时")]}


def judge_run(run_dir: Path, catalog: Catalog, as_of: date, fail_on: str = "veto", site: str | None = None,
              crawl_stats: dict | None = None, started: str | None = None, baseline=None,
              history=None, site_id: str | None = None, out_dir: Path | None = None,
              resume_hint: str | None = None) -> RunRecord:
    """Judge the crawl stored in run_dir, write every report there, and return the run record.

    `baseline` (a gating.Baseline) makes the exit status count only findings new against it.
    `history` (a history.HistoryStore) marks findings new/persisting against the site's previous
    complete run, lists what was fixed (only what this run checked again), and records this run
    under `site_id` (default: from the URL). `out_dir`: write the re-judgement there instead, a
    run directory of its own (its crawl linked or copied), leaving run_dir as it was.
    `resume_hint`: the command that finishes a partial crawl, when not `netcheck audit URL --resume`.
    """
    pages_path = run_dir / PAGES
    if not pages_path.is_file():
        raise RunDirError(_("{run_dir}：这里没有 {pages}（这是 netcheck 的运行目录吗？）").format(run_dir=run_dir, pages=PAGES))
    previous = _read_run(run_dir)
    crawl_state = crawlstate.from_stats(crawl_stats) if crawl_stats is not None else \
        crawlstate.read(run_dir, previous)
    out_dir = Path(out_dir) if out_dir else run_dir
    if out_dir != run_dir:
        _copy_crawl(run_dir, out_dir, crawl_state)
    site = site or previous.site
    _return_large_blocks()
    crawl = Crawl.load(out_dir / PAGES, start_url=site)
    site, pages = crawl.start_url, int(len(crawl.pages))
    site_id = site_id or previous.site_id or site_key(site)
    # A fresh crawl is a new run; a re-judgement keeps its run's id so history replaces its row.
    run_id = (previous.run_id if crawl_stats is None and out_dir == run_dir else None) or uuid.uuid4().hex
    judgement = checks.judge(crawl, catalog, as_of, crawl_complete=crawl_state["complete"],
                             previous=previous_audit(history, site_id, run_id, as_of, out_dir / PAGES),
                             reviews=load_reviews(history, site_id))
    findings = judgement.findings
    status = "incomplete" if judgement.errors else "complete" if crawl_state["complete"] else "partial"
    comparison = None
    if history is not None:
        comparison = history.compare(site_id, run_id, as_of, findings,
                                     reverify=lambda gone: not_reverified(gone, judgement, crawl))
    del crawl  # what follows reads the findings alone: the crawl's tables go before the reports come
    crawl_state = {**crawl_state, "resume": None if crawl_state["complete"] else
                   resume_hint or f"netcheck audit {site} --out {run_dir} --resume"}
    run = run_record(judgement, catalog, findings, crawl_state, status=status, site=site, site_id=site_id,
                     run_id=run_id, as_of=as_of, fail_on=fail_on, pages=pages, comparison=comparison,
                     catalog_copy=keep_catalog(catalog, out_dir), started=started or previous.started or _now(),
                     crawl=crawl_stats or previous.crawl)
    if comparison:
        run = replace(run, history=run_summary(comparison, history.trend(site_id, run_id, as_of), run))
    if baseline is not None:
        run = gate(findings, run, baseline, ScoringSettings.from_catalog(catalog.scoring))
        if status == "incomplete":
            run = replace(run, exit_status=int(Exit.INCOMPLETE))
    frame = pd.DataFrame([asdict(f) for f in findings], columns=FINDING_COLUMNS)
    import reports

    reports.write_all(out_dir, frame, run)
    if history is not None:  # after the reports: a run in history has its files
        history.record(site_id, run, findings, out_dir)
    return run


def previous_audit(history, site_id: str, run_id: str, as_of: date, this_crawl: Path) -> PreviousAudit | None:
    """What the site's previous complete run saw, for the rules that compare with it
    (content.backdated): its crawl's lists, read from its run directory, and its 疑似倒签 findings.
    None without history or such a run; its crawl gone, unreadable or overwritten by this one (an
    audit into the same --out), its findings alone."""
    if history is None:
        return None
    found = history.previous_run(site_id, run_id, as_of, rule=BACKDATED)
    if found is None:
        return None
    row, findings = found
    pages = Path(row["run_dir"]) / PAGES if row.get("run_dir") else None
    if pages is not None and pages.is_file() and this_crawl.is_file() and pages.samefile(this_crawl):
        pages = None
    try:
        return PreviousAudit.load(pages, row["as_of"], row["site_url"], findings)
    except OSError as exc:
        log.warning("previous run's crawl %s unreadable (%s): its lists are not compared", pages, exc)
        return PreviousAudit.load(None, row["as_of"], row["site_url"], findings)


def run_record(judgement, catalog: Catalog, findings: list[Finding], crawl_state: dict, *, status: str,
               as_of: date, fail_on: str, pages: int, catalog_copy: str | None, comparison=None,
               **given) -> RunRecord:
    """The run record of a judgement (checks.judge.Judgement), before history and baseline add theirs.

    `given`: the fields the caller knows as they are (site, site_id, run_id, started, crawl)."""
    result = score(findings, catalog, judgement.facts)
    by = lambda attr: _counts(getattr(f, attr) for f in findings)
    return RunRecord(
        **given, as_of=as_of.isoformat(), finished=_now(), status=status, score_is_verdict=status == "complete",
        catalog=CatalogInfo(name=catalog.name, path=catalog.path, digest=catalog.digest, copy=catalog_copy),
        categories=tuple(c.name for c in catalog.categories), rules=_rules(catalog), versions=_versions(),
        crawl_state=CrawlState.from_dict(crawl_state),
        judgement_errors=tuple(JudgementError.from_dict(e) for e in judgement.errors),
        outcomes=tuple(RuleOutcome.from_dict(o.to_dict()) for o in judgement.outcomes),
        unverified=tuple(Unverified.from_dict(u) for u in judgement.unverified()),
        counts=Counts(pages=pages, findings=len(findings), by_rule=by("rule"), by_severity=by("severity"),
                      by_department=by("department")),
        score=result["score"], veto=result["veto"], veto_reasons=tuple(result["veto_reasons"]),
        early_warnings=tuple(result["early_warnings"]), edition=result["edition"], counters=result["counters"],
        breakdown={rule: Deduction(**row) for rule, row in result["breakdown"].items()},
        matches=tuple(_match(m) for m in judgement.matches.values()),
        annual_stats=_annual_stats(judgement.annual_stats),
        warnings=tuple(_warnings(judgement, result, crawl_state)), fail_on=fail_on,
        exit_status=int(Exit.INCOMPLETE if status == "incomplete" else
                        exit_status((f.severity for f in findings), fail_on, veto=result["veto"])),
        fixed=tuple(comparison.fixed) if comparison else (),
        not_reverified=tuple(comparison.unverified) if comparison else ())


def _warnings(judgement, result: dict, crawl_state: dict) -> list[str]:
    return (judgement.warnings + [_error_line(e) for e in judgement.errors] + result["early_warnings"]
            + ([] if crawl_state["known"] else ["未记录抓取是否完整结束（pages.jsonl 来自别处），按完整抓取评判"])
            + [note for note in [crawlstate.render_note(crawl_state.get("render"))] if note])


def _match(m) -> Match:
    """A checks.matching.Match as the run keeps it."""
    return Match(category=m.category, column=m.column, method=m.method, score=m.score, source=m.source, url=m.url,
                 near_misses=tuple(NearMiss.from_dict(n) for n in m.near_misses), items=m.items, newest=m.newest)


def _annual_stats(table) -> AnnualStats | None:
    """A checks.annual_stats.StatsTable as the run keeps it (None stays None: run.json leaves it out)."""
    return AnnualStats.from_dict(table.to_dict()) if table is not None else None


def _rules(catalog: Catalog) -> dict[str, RuleInfo]:
    """Every rule, with the severity, points and basis this catalog gives it."""
    out = {}
    for r in checks.RULES:
        setting = catalog.rule(r.rule_id)
        out[r.rule_id] = RuleInfo(name=r.spec.name, scope=r.spec.scope, description=r.description,
                                  severity=setting.severity, points=setting.points, basis=setting.basis,
                                  source=catalog.rule_sources.get(r.rule_id, "default"))
    return out


def _error_line(error: dict) -> str:
    return f"{error['name']}{'（' + error['rule'] + '）' if error.get('rule') else ''} 运行出错：{error['error']}"


CATALOG_COPY = "catalog"  # the run's own copy of its catalog: catalog.yaml, catalog.xlsx or catalog.csv


def keep_catalog(catalog: Catalog, run_dir: Path) -> str | None:
    """Keep a byte copy of the catalog in the run directory, so that `netcheck report` re-judges
    with the catalog the run was judged with (not whatever is bundled or lying around later)."""
    source = Path(catalog.path) if catalog.path else None
    if source is None or not source.is_file():
        return None
    run_dir.mkdir(parents=True, exist_ok=True)
    name = CATALOG_COPY + source.suffix.lower()
    target = run_dir / name
    if source.resolve() != target.resolve():
        for old in run_dir.glob(CATALOG_COPY + ".*"):
            if old.name != name and old.suffix.lower() in (".yaml", ".yml", ".xlsx", ".xlsm", ".csv"):
                old.unlink(missing_ok=True)
        tmp = run_dir / f".{name}.tmp"
        shutil.copyfile(source, tmp)
        os.replace(tmp, target)
    return name


def saved_catalog(run_dir: Path) -> Path | None:
    """The catalog copy an audit kept in run_dir, if any."""
    for suffix in (".yaml", ".yml", ".xlsx", ".xlsm", ".csv"):
        path = Path(run_dir) / (CATALOG_COPY + suffix)
        if path.is_file():
            return path
    return None


def _copy_crawl(run_dir: Path, out_dir: Path, crawl_state: dict) -> None:
    """Make out_dir a run directory of the same crawl: pages linked (or copied), state written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / PAGES
    if target.exists() and target.samefile(run_dir / PAGES):
        return
    tmp = out_dir / f".{PAGES}.tmp"
    tmp.unlink(missing_ok=True)
    try:
        os.link(run_dir / PAGES, tmp)
    except OSError:  # another file system, or links not allowed
        shutil.copyfile(run_dir / PAGES, tmp)
    os.replace(tmp, target)
    crawlstate.write(out_dir, {k: crawl_state[k] for k in ("complete", "reason", "known", "reason_cn", "render")
                               if k in crawl_state})


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


def _read_run(run_dir: Path) -> RunRecord:
    """The run.json run_dir holds from its last judgement; an empty record when there is none."""
    return read_run(run_dir / RUN_JSON) or RunRecord()


def _counts(values) -> dict:
    out: dict = {}
    for v in values:
        out[v] = out.get(v, 0) + 1
    return dict(sorted(out.items(), key=lambda kv: (-kv[1], str(kv[0]))))


def _now() -> str:
    """This moment in the machine's time zone (TZ=Asia/Shanghai …), ISO 8601 with its offset: what a person
    reads in report.html is their own clock time, and the offset keeps it one instant for programs."""
    return datetime.now().astimezone().isoformat(timespec="seconds")


def _versions() -> dict:
    out = {"netcheck": __version__, "python": platform.python_version()}
    for name in ("scrapy", "pandas", "rapidfuzz", "chinese_calendar", "opencc"):
        try:
            module = __import__(name)
            out[name] = getattr(module, "__version__", "") or ""
        except Exception:  # a version is informative only
            pass
    return out
