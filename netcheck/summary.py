"""What `netcheck audit`, `report` and `demo` print when a run is written: a few lines for a person.

A run that is not complete says so first (reports.completeness words it, as every report does),
then how many things could not be verified, then the score and counts.
"""
from __future__ import annotations

from pathlib import Path

from reports.completeness import banners, is_complete, not_reverified_count, score_is_verdict, status_name, unverified
from reports.names import VETO, rule_name, severity_name, without_ids
from reports.table import display_width, format_score

RULE_COLUMN = 18  # display cells (a CJK character is two) for the rule names of the counts


def print_summary(run: dict, out: Path) -> None:
    for line in banners(run, out):
        print(line)
    unchecked = unverified(run)
    if unchecked:
        print(f"未核实 {len(unchecked)} 项：这些规则或栏目本次未能确认，既不算通过也不算问题"
              f"（见报告“未核实”部分）")
    if run.get("history") and not_reverified_count(run):
        print(f"此前发现的问题中 {not_reverified_count(run)} 条本次未能复核：仍按未整改计，未销号")
    counts = run["counts"]
    sev = counts["by_severity"]
    verdict = VETO if run["veto"] else "未触发单项否决" if is_complete(run) else "未发现单项否决项（结果不完整）"
    score = format_score(run.get("score"), digits=6)
    if not score_is_verdict(run):
        score += f"（{status_name(run)}，不作为结论）"
    print(f"{run['site']}  检查日 {run['as_of']}  得分 {score}  {verdict}")
    print(f"抓取 {counts['pages']} 个地址，发现问题 {counts['findings']} 条（"
          + "，".join(f"{severity_name(s)} {sev.get(s, 0)}" for s in ("veto", "deduct", "notice")) + "）")
    for rule_id, n in counts["by_rule"].items():  # rule names, not ids: people read this (ids: run.json)
        name = rule_name(rule_id)
        print(f"  {name}{' ' * max(1, RULE_COLUMN - display_width(name))}{n:>5}")
    for w in run.get("warnings", []):
        print(f"  注意：{without_ids(w)}")
    if run.get("baseline"):
        print(f"对照基线 {run['baseline']['run_dir']}：新增问题 {run['baseline']['new_findings']} 条")
    if run.get("history"):
        h, prev = run["history"], run["history"]["previous_run"]
        since = f"与 {prev['as_of']} 的检查相比" if prev else "首次检查"
        print(f"{since}：新增 {h['new']} 条，持续 {h['persisting']} 条，已整改 {h['fixed']} 条"
              f"（历史：netcheck history {run['site_id']}）")
    print(f"报告：{out / 'report.html'}")
    print(f"整改清单：{out / 'rectification.xlsx'}")


__all__ = ["print_summary"]
