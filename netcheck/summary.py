"""What `netcheck audit`, `report` and `demo` print when a run is written: a few lines for a person.

A run that is not complete says so first (reports.completeness words it, as every report does),
then how many things could not be verified, then the score and counts.
"""
from __future__ import annotations

from pathlib import Path

from reports.completeness import banners, is_complete, not_reverified_count, score_is_verdict, status_name, unverified
from reports.names import VETO, rule_name, without_ids
from reports.runrecord import RunRecord
from reports.table import display_width, format_score

from .i18n import N_, _

RULE_COLUMN = 18  # display cells (a CJK character is two) for the rule names of the counts
# reports.names' severity and run status names, as the console says them in its language
SEVERITY_WORDS = {"veto": N_("单项否决"), "deduct": N_("扣分"), "notice": N_("提示")}
STATUS_WORDS = (N_("检查完成"), N_("抓取未完成"), N_("评判未完成"))  # reports.names.RUN_STATUS_NAMES


def print_summary(run: RunRecord, out: Path) -> None:
    for line in banners(run, out):
        print(line)
    unchecked = unverified(run)
    if unchecked:
        print(_("未核实 {count} 项：这些规则或栏目本次未能确认，既不算通过也不算问题（见报告“未核实”部分）").format(
            count=len(unchecked)))
    if run.history and not_reverified_count(run):
        print(_("此前发现的问题中 {count} 条本次未能复核：仍按未整改计，未销号").format(count=not_reverified_count(run)))
    counts = run.counts
    sev = counts.by_severity
    verdict = _(VETO) if run.veto else _("未触发单项否决") if is_complete(run) else _("未发现单项否决项（结果不完整）")
    score = format_score(run.score, digits=6)
    if not score_is_verdict(run):
        score += _("（{status}，不作为结论）").format(status=_(status_name(run)))
    print(_("{site}  检查日 {as_of}  得分 {score}  {verdict}").format(site=run.site, as_of=run.as_of, score=score,
                                                                   verdict=verdict))
    print(_("抓取 {pages} 个地址，发现问题 {findings} 条（{by_severity}）").format(
        pages=counts.pages, findings=counts.findings,
        by_severity=_("，").join(f"{_(SEVERITY_WORDS[s])} {sev.get(s, 0)}" for s in ("veto", "deduct", "notice"))))
    for rule_id, n in counts.by_rule.items():  # rule names, not ids: people read this (ids: run.json)
        name = rule_name(rule_id)
        print(f"  {name}{' ' * max(1, RULE_COLUMN - display_width(name))}{n:>5}")
    for w in run.warnings:
        print("  " + _("注意：{warning}").format(warning=without_ids(w)))
    if run.baseline:
        print(_("对照基线 {run_dir}：新增问题 {new} 条").format(run_dir=run.baseline.run_dir,
                                                          new=run.baseline.new_findings))
    if run.history:
        h, prev = run.history, run.history.previous_run
        since = _("与 {as_of} 的检查相比").format(as_of=prev.as_of) if prev else _("首次检查")
        print(_("{since}：新增 {new} 条，持续 {persisting} 条，已整改 {fixed} 条（历史：netcheck history {site_id}）").format(
            since=since, new=h.new, persisting=h.persisting, fixed=h.fixed, site_id=run.site_id))
    print(_("报告：{path}").format(path=out / "report.html"))
    print(_("整改清单：{path}").format(path=out / "rectification.xlsx"))


__all__ = ["print_summary"]
