"""summary.md: a few lines for a CI log or a merge-request comment.

Short on purpose: a banner first when the run is not complete, the CI outcome (what the exit
status is, and why), the audit's verdict, what could not be verified, counts per rule, the ten
most serious findings, and where the full report is.

Written for GitHub's and GitLab's Markdown (CommonMark with the GFM extensions): page text is
escaped so that a title on the audited site cannot inject Markdown or HTML into the comment, and
every URL is an explicit autolink `<…>`, since GFM's bare-URL autolinking runs on to the next
space and would take the Chinese text after a URL into the link. Rules are called by their
names; their ids appear only in the counts table's code column, for machines and developers.
"""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote

import pandas as pd

from checks.findings import SEVERITIES
from reports import completeness
from reports.names import NO_VETO, VETO, rule_name, severity_name, veto_reason
from reports.runrecord import PreviousRun, RunRecord
from reports.status import badges, filter_label, new_against_baseline
from reports.table import crosstab, format_score, page_url, records, web_url

TOP = 10
TOP_UNVERIFIED = 20  # a partial crawl can leave every category unverified: list some, count all
FULL_REPORT = [("report.html", "完整报告"), ("rectification.xlsx", "整改清单"),
               ("findings.jsonl", "全部问题数据"), ("junit.xml", "CI 测试结果"),
               ("run.json", "运行信息")]
_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~])")
# A URL inside text: up to a space, a quote or bracket, or the first CJK character or punctuation
# (evidence writes “链接（http://…/a.html）返回404”); trailing ASCII punctuation is the sentence's.
_URL = re.compile(r"https?://[^\s<>\"'`\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”‘’…—]+", re.IGNORECASE)
_URL_TAIL = ".,;:!?'\""
# GFM also links a bare "www.x.cn" (after a space) up to the next space: an escaped dot stops it.
_WWW = re.compile(r"(?i)\b(www)\.")
# Exit statuses (netcheck.exitcodes), for what the CI saw; reports do not import the command line.
EXIT_OK, EXIT_FINDINGS, EXIT_INCOMPLETE, EXIT_INTERRUPTED = 0, 1, 3, 130
INTERRUPTED = "shutdown"  # crawl_state reason of a crawl ended by Ctrl-C (netcheck.crawlstate.INTERRUPTED)
MAX_EVIDENCE = 120
_LEAD = re.compile(r"[^：（]*")


def write_markdown(path: Path, findings: pd.DataFrame, run: RunRecord) -> None:
    path.write_text(render(findings, run), encoding="utf-8")


def render(findings: pd.DataFrame, run: RunRecord) -> str:
    rows = records(findings)
    fresh = new_against_baseline(run)
    if fresh:  # in a merge request, what the change broke comes first
        rows.sort(key=lambda r: r.get("fingerprint") not in fresh)
    lines = _banner(run) + _title(run) + [""]
    lines += [f"- {VETO} · {escape(veto_reason(r))}" for r in run.veto_reasons]
    if run.veto_reasons:
        lines.append("")
    lines += _changes(run)
    lines += _unverified(run)
    if not rows:
        lines += ["未发现问题。" if completeness.is_complete(run) else "已检查的部分未发现问题。", ""]
    else:
        lines += _counts(rows) + [""] + _top(rows, fresh) + [""]
    lines.append("详见：" + " · ".join(f"`{name}`（{label}）" for name, label in FULL_REPORT))
    return "\n".join(lines) + "\n"


def exit_code(run: RunRecord) -> int:
    """The exit status the command gave with this run: 130 when the crawl was interrupted, else
    run.exit_status (it honours --fail-on and --baseline); a run.json without it: 1 on a veto."""
    if run.crawl_state.reason == INTERRUPTED:
        return EXIT_INTERRUPTED
    if run.exit_status is not None:
        return int(run.exit_status)
    return EXIT_FINDINGS if run.veto else EXIT_OK


def failed(run: RunRecord) -> bool:
    """The CI verdict: whether the command's exit status was not 0."""
    return exit_code(run) != EXIT_OK


def outcome(run: RunRecord) -> tuple[str, str]:
    """The CI outcome in words, both following the exit status: the headline ("❌ 不通过（退出状态 1）")
    and why ("触发单项否决（`--fail-on veto`）"). Never a pass beside a veto: a veto under exit 0
    (`--fail-on never`, or a veto the baseline already had) says both."""
    code, veto = exit_code(run), bool(run.veto)
    fail_on = str(run.fail_on or "veto")
    level = f"`--fail-on {fail_on}`"
    base = run.baseline
    if code == EXIT_INCOMPLETE:
        word, why = "评判未完成", "有规则未能运行，本次不作结论"
    elif code == EXIT_INTERRUPTED:
        word, why = "已中断", "抓取被中断，已抓取的部分已评判，本次不作结论"
    elif code != EXIT_OK:
        word = "不通过"
        if base:
            why = f"对照基线，基线外新增问题达到 {level} 的级别"
        elif veto:
            why = f"触发{VETO}（{level}）"
        else:
            why = f"有{severity_name(fail_on)}及以上级别的问题（{level}）"
    else:
        word = f"{VETO}，但不使构建失败" if veto else "通过"
        if fail_on == "never":
            why = f"{level}：问题不影响退出状态"
        elif base:
            why = f"对照基线，基线外新增问题未达到 {level} 的级别"
        else:
            why = f"没有{severity_name(fail_on)}及以上级别的问题（{level}）"
    status = completeness.status_name(run)
    note = f"；{status}" if not completeness.is_complete(run) and status not in word else ""
    mark = "❌" if code == EXIT_FINDINGS else "✅" if word == "通过" and not note else "⚠️"
    return f"{mark} {word}（退出状态 {code}{note}）", why


def _banner(run: RunRecord) -> list[str]:
    """The first lines: how the run is not complete (none for a complete one), its lead phrase in
    bold and the commands in code spans, so that they can be copied from a raw CI log as they are."""
    commands = [c for c in (run.crawl_state.resume, completeness.rejudge_command())
                if c and "`" not in str(c)]
    out = []
    for text in completeness.banners(run):
        head = _LEAD.match(text).group(0)  # 评判未完成 / 抓取未完成
        rest = text[len(head):]
        parts = re.split("(" + "|".join(re.escape(str(c)) for c in commands) + ")", rest) if commands else [rest]
        body = "".join(f"`{p}`" if p in commands else _keep_ends(p, escape(p)) for p in parts)
        out += [f"> ⚠️ **{escape(head)}**{body}", ">"]
    return out[:-1] + [""] if out else []


def _keep_ends(raw: str, text: str) -> str:
    # escape() trims; the spaces around a code span must stay
    return (" " if raw[:1].isspace() else "") + text + (" " if raw[-1:].isspace() and text else "")


def _title(run: RunRecord) -> list[str]:
    """The heading (the CI outcome, site, date) and the audit's verdict under it."""
    headline, why = outcome(run)
    if run.veto:
        verdict = VETO
    else:
        verdict = NO_VETO if completeness.is_complete(run) else f"已检查部分{NO_VETO}"
    return [f"## netcheck {headline}：{link(run.site)} · {escape(run.as_of or '')}", "",
            f"**{completeness.score_label(run)} {format_score(run.score)} · {verdict}**。{why}。"]


def _unverified(run: RunRecord) -> list[str]:
    """未核实: what this run could not verify, and the earlier findings it could not check again."""
    out = []
    unchecked = completeness.unverified(run)
    if unchecked:
        out += [f"**未核实 {len(unchecked)} 项**（既不算通过，也不算发现问题）：", ""]
        for u in unchecked[:TOP_UNVERIFIED]:
            where = f" · {escape(u['category'])}" if u["category"] else ""
            out.append(f"- {escape(u['name'])}{where}（{u['outcome_name']}）：{escape(u['reason'])}")
        out += _more(len(unchecked)) + [""]
    earlier = completeness.not_reverified(run)
    if earlier:
        out += [f"**此前发现、本次未能复核的问题 {len(earlier)} 项**（仍按未整改计，未销号）：", ""]
        for u in earlier[:TOP_UNVERIFIED]:
            what = " · ".join(escape(v) for v in (u["category"], u["title"]) if v)
            where = f" {link(u['url'])}" if u["url"] else ""
            out.append(f"- {escape(u['name'])}{' · ' + what if what else ''}{where}：{escape(u['reason'])}")
        out += _more(len(earlier)) + [""]
    return out


def _more(n: int) -> list[str]:
    return [f"- ……另有 {n - TOP_UNVERIFIED} 项，见 `report.html`"] if n > TOP_UNVERIFIED else []


def _counts(rows: list[dict]) -> list[str]:
    table = crosstab(rows, lambda r: r["rule"])
    out = ["| 问题类型 | 规则编号 | " + " | ".join(severity_name(s) for s in SEVERITIES) + " | 合计 |",
           "|---|---|" + "---:|" * (len(SEVERITIES) + 1)]
    totals = [0] * (len(SEVERITIES) + 1)
    for rule in sorted(table):
        counts = [table[rule].get(s, 0) for s in SEVERITIES]
        counts.append(sum(counts))
        totals = [a + b for a, b in zip(totals, counts)]
        out.append(f"| {rule_name(rule)} | `{rule}` | " + " | ".join(map(str, counts)) + " |")
    out.append("| **合计** | | " + " | ".join(f"**{n}**" for n in totals) + " |")
    return out


def _changes(run: RunRecord) -> list[str]:
    """What changed: against the CI baseline, and against the site's previous run (history)."""
    out = []
    base = run.baseline
    if base:
        out.append(f"- 对照基线 {escape(base.run_dir or '')}：基线外新增 **{base.new_findings}** 项"
                   f"（退出状态只计这些）")
    history = run.history
    if history:
        count = lambda v: v if v is not None else "—"
        prev = history.previous_run or PreviousRun()
        since = f"与上次检查（{escape(prev.as_of)}）相比" if prev.as_of else "与上次检查相比"
        out.append(f"- {since}：新发现 {count(history.new)} 项 · 持续存在 {count(history.persisting)} 项"
                   f" · 已整改 {count(history.fixed)} 项")
    return out + [""] if out else []


def _top(rows: list[dict], fresh: frozenset[str] = frozenset()) -> list[str]:
    marks = [badges(row, fresh) for row in rows[:TOP]]
    show = any(marks)  # no status column at all without history or baseline
    first = "基线外新增及最严重的" if fresh else "最严重的"
    out = [f"{first} {min(TOP, len(rows))} 项（共 {len(rows)} 项）：", "",
           "| 严重程度 | 问题类型 |" + (" 状态 |" if show else "") + " 问题描述 | 页面链接 |",
           "|---|---|" + ("---|" if show else "") + "---|---|"]
    for row, mark in zip(rows[:TOP], marks):  # records() already puts the most serious first
        evidence = str(row.get("evidence") or "")
        if len(evidence) > MAX_EVIDENCE:
            evidence = evidence[:MAX_EVIDENCE] + "…"
        status = " " + escape("、".join(_short(k, label) for k, label in mark)) + " |" if show else ""
        out.append(f"| {severity_name(row.get('severity'))} | {rule_name(row.get('rule') or '')} |{status} "
                   f"{escape(evidence)} | {link(page_url(row))} |")
    return out


def _short(key: str, label: str) -> str:
    # 【】 make new findings stand out: escape() would show Markdown bold as literal asterisks.
    return f"【{filter_label(key, label)}】" if key in ("new", "baseline-new") else label


def escape(text) -> str:
    """Literal text (one line, e.g. inside a table cell), its URLs as autolinks."""
    text = " ".join(str(text).split())
    out, at = [], 0
    for m in _URL.finditer(text):
        url = m.group(0).rstrip(_URL_TAIL)
        if url.endswith(")") and url.count(")") > url.count("("):
            url = url[:-1]
        out += [_literal(text[at:m.start()]), link(url) if web_url(url) else _literal(url)]
        at = m.start() + len(url)
    return "".join(out) + _literal(text[at:])


def _literal(text: str) -> str:
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _WWW.sub(r"\1\\.", _SPECIAL.sub(r"\\\1", text))


def link(url) -> str:
    """An autolink for http(s) URLs; anything else is shown as escaped text."""
    href = web_url(url)
    if not href:
        return _literal(" ".join(str(url).split())) if url else ""
    # Inside <…> escapes are not processed, so quote what would end the link or split the cell.
    return "<" + quote(href, safe=":/?#[]@!$&'()*+,;=%-._~") + ">"
