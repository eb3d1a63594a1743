"""The run record: what one audit was and how it came out. Its fields are the schema behind run.json.

netcheck.pipeline builds a RunRecord once, from the judgement; every writer in reports/ reads it,
and so do the console summary, the history and the CI gate. `to_dict()` is run.json's content
(the record without `fixed`, which fixed.jsonl holds), `read_run()` / `RunRecord.from_dict()` read
a run.json back: a re-judgement reads its own run's, and the ranking, the index and the history
read runs of other sites and of older netcheck versions. Reading is lenient, as those readers
need: unknown keys are ignored, missing ones take the defaults below, which say what an older
run.json meant by leaving them out (no `status`: a complete run; no `unverified`: read the
outcomes; no `exit_status`: 1 on a veto).

Each part is a frozen dataclass documented field by field; lists are tuples. Dicts stay where
their keys are data (counts by rule, Scrapy's stats, versions by package) or where a row is a
finding's (`fixed`, `not_reverified`: the findings table's columns, as records() gives them).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Callable

from reports.table import plain

RUN_JSON = "run.json"
COMPLETE = "complete"
_OMIT_NONE = {"omit_none": True}  # a field run.json leaves out when it is None
_NOT_IN_RUN_JSON = {"skip": True}


class _Part:
    """to_dict / from_dict for the record's dataclasses."""

    def to_dict(self) -> dict:
        """The JSON object run.json holds for this part: its fields, nested parts as objects, tuples as lists."""
        return {f.name: _json(getattr(self, f.name)) for f in fields(self)
                if not f.metadata.get("skip") and not (f.metadata.get("omit_none") and getattr(self, f.name) is None)}

    @classmethod
    def from_dict(cls, data):
        """The part from a run.json object (None for anything that is not one): its known keys, the
        others left at their defaults; nested parts and lists read by the class's READ table."""
        if isinstance(data, cls):
            return data
        if not isinstance(data, dict):
            return None
        read = getattr(cls, "READ", {})
        names = {f.name for f in fields(cls)}
        return cls(**{k: read[k](v) if k in read else v for k, v in data.items() if k in names})


def _json(value):
    if isinstance(value, _Part):
        return value.to_dict()
    if isinstance(value, (list, tuple)):
        return [_json(v) for v in value]
    if isinstance(value, dict):
        return {k: _json(v) for k, v in value.items()}
    return value


def _rows(part: type[_Part]) -> Callable[[Any], tuple]:
    """A reader for a list of `part` objects: the readable ones, as a tuple."""
    return lambda rows: tuple(r for r in map(part.from_dict, _seq(rows)) if r is not None)


def _seq(values) -> tuple:
    """A list as a tuple; anything else (null, a stray object) as none."""
    return tuple(values) if isinstance(values, (list, tuple)) else ()


def _mapping(value) -> dict:
    return dict(value) if isinstance(value, dict) else {}


def _count(value) -> int | None:
    """A history count; a run.json from before the counts listed the findings themselves."""
    return len(value) if isinstance(value, (list, tuple)) else value


# --- what was audited --------------------------------------------------------------------------

@dataclass(frozen=True)
class CatalogInfo(_Part):
    """The catalog (一览表) the run was judged with."""
    name: str | None = None  # its `name`
    path: str | None = None  # the file it was read from
    digest: str | None = None  # "sha256:…" of that file's bytes
    copy: str | None = None  # the run directory's byte copy of it (catalog.yaml …), None when none was kept


@dataclass(frozen=True)
class RuleInfo(_Part):
    """One rule as this run's catalog set it (run.json `rules`, by rule id)."""
    name: str | None = None  # the rule's Chinese name
    scope: str | None = None  # site | category | page | item: what one outcome of it is about
    description: str | None = None  # its docstring's first line: what it finds
    severity: str | None = None  # veto | deduct | notice, from the catalog
    points: float | None = None  # points per finding, from the catalog
    basis: str | None = None  # the legal or inspection basis shown beside its findings
    source: str | None = None  # where severity and points came from: "default" or the catalog


# --- how the crawl and the judging went --------------------------------------------------------

@dataclass(frozen=True)
class CrawlState(_Part):
    """How the crawl ended (netcheck.crawlstate's crawl.json, plus how to finish it)."""
    complete: bool | None = None  # False: it ended early (partial); None: a run.json that did not say
    reason: str | None = None  # Scrapy's finish reason ("finished", "closespider_pagecount" …)
    known: bool = True  # False: pages.jsonl came from elsewhere, judged as complete
    reason_cn: str | None = None  # the reason as the reports say it, None for a complete crawl
    resume: str | None = None  # the command that finishes a partial crawl, None for a complete one
    render: dict | None = field(default=None, metadata=_OMIT_NONE)  # what was rendered in a browser
    # (crawlstate.render_facts); left out for a crawl made before rendering existed


@dataclass(frozen=True)
class JudgementError(_Part):
    """A rule, or a judging step that is not one, that raised: the judgement is incomplete."""
    rule: str | None = None  # the rule id, None for a step (栏目统计 …)
    name: str | None = None  # the rule's or step's Chinese name
    error: str | None = None  # "TypeError: …", the exception's line

    @classmethod
    def from_dict(cls, data):
        return super().from_dict(data) if isinstance(data, (dict, cls)) else cls(error=str(data))


@dataclass(frozen=True)
class RuleOutcome(_Part):
    """What one rule, or one rule × category, came to (checks.judge.Outcome)."""
    rule: str | None = None
    name: str | None = None  # the rule's Chinese name
    scope: str | None = None
    category: str | None = None  # None: the rule as a whole
    outcome: str | None = None  # passed | failed | skipped | error
    reason: str | None = None  # why it was skipped, or the error
    findings: int = 0


@dataclass(frozen=True)
class Unverified(_Part):
    """One thing 未核实 lists: a rule or category skipped or errored (checks.judge.Judgement.unverified)."""
    rule: str | None = None
    name: str | None = None
    category: str | None = None  # None: the rule as a whole
    outcome: str | None = None  # skipped | error
    reason: str | None = None


@dataclass(frozen=True)
class NearMiss(_Part):
    """A site column whose name came close to a category's without matching it."""
    column: str | None = None
    score: float | None = None  # similarity, 0–100


@dataclass(frozen=True)
class Match(_Part):
    """Where the crawl found a catalog category's column (checks.matching.Match)."""
    category: str | None = None
    column: str | None = None  # the site's name for it; None: not found
    method: str | None = None  # name | alias | suffix | fuzzy
    score: float | None = None
    source: str | None = None  # where the name was seen: breadcrumb | ColumnName | nav | title
    url: str | None = None  # a page of the column
    near_misses: tuple[NearMiss, ...] = ()
    items: int | None = None  # items found for the category
    newest: str | None = None  # ISO date of its newest dated item

    READ = {"near_misses": _rows(NearMiss)}


# --- what it came to ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Counts(_Part):
    """How much was crawled and found; the by-* counts most first."""
    pages: int | None = None  # addresses crawled
    findings: int | None = None
    by_rule: dict[str, int] = field(default_factory=dict)
    by_severity: dict[str, int] = field(default_factory=dict)
    by_department: dict[str, int] = field(default_factory=dict)

    READ = {"by_rule": _mapping, "by_severity": _mapping, "by_department": _mapping}


@dataclass(frozen=True)
class Deduction(_Part):
    """One rule's share of the score (checks.scoring: run.json `breakdown`, by rule id)."""
    count: int = 0  # its findings
    points: float = 0.0  # the points its deducting findings carry
    deducted: float = 0.0  # what the score took for them, after any cap


@dataclass(frozen=True)
class StatLine(_Part):
    """One row of the section 二 draft (checks.annual_stats.StatLine)."""
    item: str | None = None  # the form's row, e.g. 行政处罚（本年处理决定数量）
    year: int | None = None  # the year counted
    count: int | None = None  # items the site posted in that year; None: could not be counted
    method: str | None = None  # how it was counted (统计方法)
    note: str | None = None  # what it leaves out, or why there is no count (说明)
    category: str | None = None  # the catalog category counted; None: the catalog has none
    column: str | None = None  # the site's column it was found as; None: not found
    partial: bool = False  # the crawl ended early: a count of what was crawled
    reported: float | None = None  # the figure the site's own annual report for the year gives, if the crawl found it
    reported_in: str | None = None  # that report's title


@dataclass(frozen=True)
class AnnualStats(_Part):
    """The annual report's section 二 drafted from the crawl (checks.annual_stats), for the year
    before the as-of date: the workbook's 本网站抓取统计 sheet."""
    year: int | None = None
    caption: str | None = None  # 本网站抓取统计，供编制年报参考
    complete: bool = True  # False: the crawl ended early, every count is of what was crawled
    rows: tuple[StatLine, ...] = ()

    READ = {"rows": _rows(StatLine)}


# --- against earlier runs ----------------------------------------------------------------------

@dataclass(frozen=True)
class PreviousRun(_Part):
    """The site's previous complete run, as the history holds it."""
    as_of: str | None = None
    score: float | None = None
    veto: bool = False
    findings: int | None = None
    run_dir: str | None = None
    run_id: str | None = None


@dataclass(frozen=True)
class TrendPoint(_Part):
    """One run in the score trend."""
    as_of: str | None = None
    score: float | None = None
    veto: bool = False
    findings: int | None = None
    status: str | None = None  # complete | partial | incomplete | unreachable; None: a run.json from before


@dataclass(frozen=True)
class HistorySummary(_Part):
    """This run against the site's previous complete run (netcheck.history.run_summary)."""
    previous_run: PreviousRun | None = None  # None: the site's first run
    new: int | None = None  # findings the previous run did not have
    persisting: int | None = None
    fixed: int | None = None  # the previous run's findings checked again and gone (fixed.jsonl)
    unverified: int | None = None  # the previous run's findings gone but not checked again; None: not counted
    trend: tuple[TrendPoint, ...] = ()  # the site's last runs, oldest first, this one last

    READ = {"previous_run": PreviousRun.from_dict, "new": _count, "persisting": _count, "fixed": _count,
            "unverified": _count, "trend": _rows(TrendPoint)}


@dataclass(frozen=True)
class BaselineComparison(_Part):
    """This run against a CI baseline run (`--baseline`, netcheck.gating)."""
    run_dir: str | None = None
    new_findings: int = 0  # findings whose fingerprint the baseline does not have
    new_fingerprints: tuple[str, ...] = ()
    new_counting_vetoes: tuple[str, ...] = ()  # counting vetoes (空白栏目 …) the baseline had not reached

    READ = {"new_fingerprints": _seq, "new_counting_vetoes": _seq}


# --- the run -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class RunRecord(_Part):
    """One audit of one site: the record every report is drawn from, and run.json."""
    # What was audited, and when
    site: str | None = None  # the start URL
    site_id: str | None = None  # whose runs are whose in the history (history.site_key)
    run_id: str | None = None  # one per crawl, kept when the crawl is re-judged in place
    as_of: str | None = None  # ISO date every "how old / how late" is judged at
    started: str | None = None  # ISO 8601 with offset
    finished: str | None = None
    catalog: CatalogInfo = field(default_factory=CatalogInfo)
    categories: tuple[str, ...] = ()  # the catalog's categories, in its order
    rules: dict[str, RuleInfo] = field(default_factory=dict)  # every rule, by id
    versions: dict[str, str] = field(default_factory=dict)  # netcheck's, Python's and its libraries'
    # How complete it is
    status: str = COMPLETE  # complete | partial (the crawl ended early) | incomplete (a rule raised)
    score_is_verdict: bool | None = None  # False: the score must not be ranked; None: as `status` says
    crawl_state: CrawlState = field(default_factory=CrawlState)
    crawl: dict = field(default_factory=dict)  # the crawl's own stats (crawler.run), {} when not crawled here
    judgement_errors: tuple[JudgementError, ...] = ()
    outcomes: tuple[RuleOutcome, ...] = ()  # one per rule, and per rule × category
    unverified: tuple[Unverified, ...] | None = None  # what 未核实 lists; None: the skipped/error outcomes
    # What it found, and the score
    counts: Counts = field(default_factory=Counts)
    score: float | None = None  # 100 minus the deductions (0 for an unreachable site)
    veto: bool = False  # 单项否决
    veto_reasons: tuple[str, ...] = ()  # "rule：evidence" lines and counting vetoes, at most 30
    early_warnings: tuple[str, ...] = ()  # 预警: near a counting veto or the home page limit
    edition: int | None = None  # the check's edition the catalog scores by (2015, 2019)
    counters: dict[str, int] = field(default_factory=dict)  # the counting vetoes' counters
    breakdown: dict[str, Deduction] = field(default_factory=dict)  # the score's arithmetic, by rule
    matches: tuple[Match, ...] = ()  # where each category's column was found
    # The section 二 draft from the crawl; left out of run.json when there is none (nothing counted,
    # or a run.json from before it)
    annual_stats: AnnualStats | None = field(default=None, metadata=_OMIT_NONE)
    warnings: tuple[str, ...] = ()  # calendar, judging and crawl notes for the reader
    # What the command made of it
    fail_on: str = "veto"  # --fail-on
    exit_status: int | None = None  # the command's exit status; None: a run.json from before (1 on a veto)
    # Against earlier runs
    history: HistorySummary | None = None  # None without history
    baseline: BaselineComparison | None = field(default=None, metadata=_OMIT_NONE)  # with --baseline only
    fixed: tuple[dict, ...] = field(default=(), metadata=_NOT_IN_RUN_JSON)  # fixed.jsonl's rows
    not_reverified: tuple[dict, ...] = ()  # the previous run's findings gone but not checked again, each
    # with its `reason` (netcheck.history.compare): still open

    READ = {
        "catalog": lambda v: CatalogInfo.from_dict(v) or CatalogInfo(), "categories": _seq,
        "rules": lambda v: {k: RuleInfo.from_dict(r) or RuleInfo() for k, r in _mapping(v).items()},
        "versions": _mapping, "crawl_state": lambda v: CrawlState.from_dict(v) or CrawlState(),
        "crawl": _mapping, "judgement_errors": _rows(JudgementError), "outcomes": _rows(RuleOutcome),
        "unverified": lambda v: None if v is None else _rows(Unverified)(v),
        "counts": lambda v: Counts.from_dict(v) or Counts(), "veto": bool, "veto_reasons": _seq,
        "early_warnings": _seq, "counters": _mapping,
        "breakdown": lambda v: {k: Deduction.from_dict(r) or Deduction() for k, r in _mapping(v).items()},
        "matches": _rows(Match), "annual_stats": lambda v: AnnualStats.from_dict(v) if v else None,
        "warnings": _seq, "fail_on": lambda v: v or "veto",
        "status": lambda v: v or COMPLETE,  # an empty history or baseline object is none
        "history": lambda v: HistorySummary.from_dict(v) if v else None,
        "baseline": lambda v: BaselineComparison.from_dict(v) if v else None,
        "fixed": lambda rows: tuple(plain(r) for r in _seq(rows)),  # a Finding, or its row
        "not_reverified": lambda rows: tuple(r for r in _seq(rows) if isinstance(r, dict)),
    }

    def to_dict(self) -> dict:
        """run.json's content: every field but `fixed`, as plain JSON values."""
        return plain(super().to_dict())

    @property
    def is_complete(self) -> bool:
        return self.status == COMPLETE


def read_run(path: Path) -> RunRecord | None:
    """The run in a run.json file (or a run directory's), None when it cannot be read as one."""
    path = Path(path)
    if path.is_dir():
        path = path / RUN_JSON
    try:
        return RunRecord.from_dict(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return None


__all__ = ["RunRecord", "CatalogInfo", "RuleInfo", "CrawlState", "JudgementError", "RuleOutcome", "Unverified",
           "NearMiss", "Match", "StatLine", "AnnualStats", "Counts", "Deduction", "PreviousRun", "TrendPoint",
           "HistorySummary", "BaselineComparison", "read_run", "RUN_JSON"]
