"""CI gating against a baseline run: fail a build only on what a change made worse.

A site maintainer gating a template change on "no veto-level finding" cannot wait for every
old defect to be fixed first. With `--baseline RUN_DIR` the exit status counts only findings
whose fingerprint the baseline run does not have, and a counting veto (五个空白栏目 …) only
when the baseline had not reached it yet. Pure functions: the CLI loads, the pipeline decides.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path

from checks.scoring import SCORING_KEYS, ScoringSettings
from reports.runrecord import BaselineComparison, RunRecord, read_run

from .exitcodes import exit_status
from .i18n import _

FINDINGS = "findings.jsonl"
# run.json counter → ScoringSettings threshold that turns it into a veto (checks/scoring.py): the
# catalog's scoring.veto settings.
COUNTING_VETOES = tuple(key.split(".")[1] for key in SCORING_KEYS if key.startswith("veto."))


class BaselineError(ValueError):
    """A --baseline that is not a readable run directory (exit status 2)."""


@dataclass(frozen=True)
class Baseline:
    run_dir: Path
    fingerprints: frozenset[str]
    counters: dict  # the baseline run's counting-rule counters ({} when run.json lacks them)


def load_baseline(run_dir: Path) -> Baseline:
    """Read a baseline run directory's fingerprints; refuse anything that is not a finished run.

    A torn or foreign findings.jsonl is refused rather than read as "no findings": a gate
    comparing against an empty baseline would fail every build for the wrong reason.
    """
    run_dir = Path(run_dir)
    path = run_dir / FINDINGS
    if not run_dir.is_dir():
        raise BaselineError(_("--baseline {run_dir}：没有这个文件夹：请给出一次 netcheck 运行的运行目录").format(run_dir=run_dir))
    if not path.is_file():
        raise BaselineError(_("--baseline {run_dir}：其中没有 {findings}，不是 netcheck 的运行目录：请给出一次完成的运行的目录")
                            .format(run_dir=run_dir, findings=FINDINGS))
    prints = set()
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                prints.add(str(json.loads(line)["fingerprint"]))
            except (ValueError, TypeError, KeyError):
                raise BaselineError(_("--baseline {path} 第 {line} 行：不是带 fingerprint 的问题记录，文件已损坏或不是 netcheck 写的："
                                      "请换一次完整的运行作基线").format(path=path, line=n)) from None
    return Baseline(run_dir, frozenset(prints), _counters(run_dir / "run.json"))


def _counters(path: Path) -> dict:
    run = read_run(path)
    return run.counters if run else {}


def new_fingerprints(fingerprints, baseline: Baseline) -> list[str]:
    """The fingerprints not in the baseline, in the order given."""
    return [fp for fp in fingerprints if fp not in baseline.fingerprints]


def counting_vetoes(counters: dict, settings: ScoringSettings) -> set[str]:
    """The counting rules a run's counters reach (scoring uses >=, so do we)."""
    return {name for name in COUNTING_VETOES if int(counters.get(name) or 0) >= getattr(settings, name)}


def gate(findings, run: RunRecord, baseline: Baseline, settings: ScoringSettings) -> RunRecord:
    """The run as a baseline gates it: its `baseline` set, and an `exit_status` counting only new findings.

    `findings` are Finding objects (anything with .fingerprint and .severity).
    """
    fresh = set(new_fingerprints((f.fingerprint for f in findings), baseline))
    vetoes = counting_vetoes(run.counters, settings) - counting_vetoes(baseline.counters, settings)
    status = exit_status((f.severity for f in findings if f.fingerprint in fresh), run.fail_on, veto=bool(vetoes))
    against = BaselineComparison(run_dir=str(baseline.run_dir), new_findings=len(fresh),
                                 new_fingerprints=tuple(sorted(fresh)), new_counting_vetoes=tuple(sorted(vetoes)))
    return replace(run, baseline=against, exit_status=int(status))


__all__ = ["Baseline", "BaselineError", "load_baseline", "new_fingerprints", "counting_vetoes", "gate"]
