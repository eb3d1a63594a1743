"""How complete a run is, as every output says it: the banner, the score's label, what was not verified.

A crawl cut short (partial) or a rule that raised (incomplete) must never pass for a finished
audit: a false veto in a published 通报 is the worst defect this tool can have. The facts come
from the run record (`status`, `crawl_state`, `judgement_errors`, `outcomes`, `unverified`,
`score_is_verdict`, `not_reverified`); this module only words them, once, so that the console,
the page, the workbook, the summary and the ranking say the same thing. A run.json written before
these keys existed is a complete run (reports.runrecord reads it so).
"""
from __future__ import annotations

from collections import Counter

from reports.names import OUTCOME_NAMES, outcome_name, rule_name, run_status_name
from reports.runrecord import RuleOutcome, RunRecord, Unverified
from reports.table import clean_text, plain, web_url

COMPLETE, PARTIAL, INCOMPLETE = "complete", "partial", "incomplete"
UNVERIFIED_OUTCOMES = ("skipped", "error")
SCORE = "得分"
SCORE_NOT_VERDICT = "得分（未完成，不作排名）"
RUN_DIR = "<运行目录>"  # a report file does not know where it will be read; the console does
MAX_ERROR = 160  # characters of one rule's error in a banner: the exception line, not a traceback


def run_status(run: RunRecord) -> str:
    """'complete', 'partial' or 'incomplete'; a run without the key is complete."""
    return str(run.status or COMPLETE)


def is_complete(run: RunRecord) -> bool:
    return run_status(run) == COMPLETE


def status_name(run: RunRecord) -> str:
    return run_status_name(run_status(run))


def score_is_verdict(run: RunRecord) -> bool:
    """False when the score must not be ranked or read as a conclusion."""
    return bool(run.score_is_verdict) if run.score_is_verdict is not None else is_complete(run)


def score_label(run: RunRecord) -> str:
    return SCORE if score_is_verdict(run) else SCORE_NOT_VERDICT


def crawl_cut_short(run: RunRecord) -> bool:
    return run.crawl_state.complete is False or run_status(run) == PARTIAL


def judgement_errors(run: RunRecord) -> list[dict]:
    """[{rule, name, error}], the name in Chinese."""
    out = []
    for e in run.judgement_errors:
        rule = str(e.rule or "")
        out.append({"rule": rule, "name": _name(rule, e.name), "error": _first_line(e.error)})
    return out


def banners(run: RunRecord, run_dir=None) -> list[str]:
    """The lines every output puts first, most serious first; none for a complete run.

    run_dir: where `netcheck report` would re-judge the run (the console knows it; a file says RUN_DIR)."""
    lines = []
    errors = judgement_errors(run)
    if run_status(run) == INCOMPLETE or errors:
        if errors:  # a rule ("规则 栏目不更新"), or a judging step that is not one (栏目统计)
            names = "、".join(dict.fromkeys(f"规则 {e['name']}" if e["rule"] else e["name"] for e in errors))
            detail = "；".join(dict.fromkeys(e["error"] for e in errors if e["error"]))
            what = f"{names} 运行出错" + (f"（{detail}）" if detail else "")
        else:
            what = "部分规则未能运行"
        lines.append(f"评判未完成：{what}，得分不作为结论；可用 {rejudge_command(run_dir)} 重新评判")
    if crawl_cut_short(run):
        state = run.crawl_state
        reason = clean_text(state.reason_cn or state.reason or "原因未记录")
        line = f"抓取未完成（{reason}），以下结果仅覆盖已抓取的页面"
        if state.resume:
            line += f"；继续抓取：{clean_text(state.resume)}"
        lines.append(line)
    return lines


def rejudge_command(run_dir=None) -> str:
    return f"netcheck report {run_dir if run_dir is not None else RUN_DIR}"


def unverified(run: RunRecord) -> list[dict]:
    """What this run could not verify: [{rule, name, category, outcome, outcome_name, reason}].

    run.unverified when given, else the skipped and error rows of run.outcomes."""
    rows: tuple[Unverified | RuleOutcome, ...] = run.unverified
    if rows is None:
        rows = tuple(o for o in run.outcomes if o.outcome in UNVERIFIED_OUTCOMES)
    out = []
    for row in rows:
        rule = str(row.rule or "")
        outcome = row.outcome if row.outcome in OUTCOME_NAMES else "skipped"
        out.append({"rule": rule, "name": _name(rule, row.name), "category": clean_text(row.category),
                    "outcome": outcome, "outcome_name": outcome_name(outcome),
                    "reason": clean_text(row.reason) or "原因未记录"})
    return out


def not_reverified(run: RunRecord) -> list[dict]:
    """The site's earlier findings this run could not check again: still open, not fixed."""
    out = []
    for row in run.not_reverified:
        row = plain(row) if isinstance(row, dict) else {}
        rule = str(row.get("rule") or "")
        url = row.get("url") or row.get("target")
        out.append({"rule": rule, "name": _name(rule, row.get("name")), "category": clean_text(row.get("category")),
                    "url": clean_text(url), "href": web_url(url), "title": clean_text(row.get("title")),
                    "fingerprint": clean_text(row.get("fingerprint")),
                    "reason": clean_text(row.get("reason")) or "本次未能复核"})
    return out


def not_reverified_count(run: RunRecord) -> int:
    count = run.history.unverified if run.history else None
    return int(count) if isinstance(count, int) and not isinstance(count, bool) else len(not_reverified(run))


def outcome_rows(run: RunRecord) -> dict[tuple[str, str | None], RuleOutcome]:
    """(rule, category or None) → outcome row, one per thing checked ({} for a run without outcomes).

    A rule judged per category counts once per category; its whole-rule row counts on its own only
    when it says something its categories do not (skipped or error for the rule as a whole)."""
    rows = [o for o in run.outcomes if o.rule]
    per_category = {o.rule for o in rows if o.category}
    out: dict[tuple[str, str | None], RuleOutcome] = {}
    for o in rows:
        rule, category = str(o.rule), o.category
        if category:
            out[(rule, str(category))] = o
        elif rule not in per_category or (
                o.outcome in UNVERIFIED_OUTCOMES
                and not any(p.outcome == o.outcome for p in rows if p.rule == rule and p.category)):
            out[(rule, None)] = o
    return out


def outcome_counts(run: RunRecord) -> dict[str, int] | None:
    """The things checked (outcome_rows) counted by outcome in OUTCOME_NAMES order; None without outcomes."""
    rows = outcome_rows(run)
    if not rows:
        return None
    counts = Counter(o.outcome for o in rows.values())
    return {k: counts.get(k, 0) for k in OUTCOME_NAMES}


def _name(rule: str, given) -> str:
    # rule_name() is the one source of rule names; the run's own name covers a rule it does not know yet.
    name = rule_name(rule)
    return clean_text(given) if name == rule and given else name


def _first_line(error) -> str:
    lines = [line.strip() for line in clean_text(error).splitlines() if line.strip()]
    text = lines[-1] if lines and lines[0].startswith("Traceback") else (lines[0] if lines else "")
    return text if len(text) <= MAX_ERROR else text[:MAX_ERROR] + "…"


__all__ = ["COMPLETE", "PARTIAL", "INCOMPLETE", "run_status", "is_complete", "status_name", "score_is_verdict",
           "score_label", "crawl_cut_short", "judgement_errors", "banners", "rejudge_command", "unverified",
           "not_reverified", "not_reverified_count", "outcome_rows", "outcome_counts"]
