"""`netcheck review RUN`: the review queue of a run's wording hits (content.wrong_term).

The hits are listed numbered, in the order of the run's findings.jsonl; `--confirm N …` and
`--dismiss N …` record the office's decision in history, by the hit's page, term and snippet
(checks.wording.review_key). A dismissed hit (误报) is no finding in the site's later runs; a
confirmed one counts as the catalog says. The workbook's 状态 column does the same when read back
by `netcheck import-status` (已确认; 已忽略 or 误报): `decision_of` reads it.
"""
from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

from checks.wording import CONFIRMED, DISMISSED, Reviews
from checks.wording.review import review_key
from reports.runrecord import read_run

from .history import open_history, site_key
from .history.commands import HISTORY_HELP
from .i18n import N_, _

RULE = "content.wrong_term"
# What an office writes in the 状态 column for a wording hit, by decision (the first is offered).
STATUS_WORDS = {CONFIRMED: ("已确认", "确认", "属实"), DISMISSED: ("已忽略", "误报", "忽略", "不是错误")}
KIND_NAMES = {"wrong_term": N_("过时用语"), "typo": N_("错别字"), "phrase": N_("固定表述"), "leader": N_("领导姓名职务")}


def decision_of(status: str | None) -> str | None:
    """The review decision a 状态 says (已确认 → confirmed; 已忽略, 误报 → dismissed), or None."""
    text = "".join((status or "").split())
    for decision, words in STATUS_WORDS.items():
        if text.startswith(words):
            return decision
    return None


def load_reviews(history, site_id: str) -> Reviews | None:
    """The site's reviews for the judge (None without history)."""
    return None if history is None else Reviews.from_rows(history.reviews(site_id))


def wording_hits(run_dir: Path) -> list[dict]:
    """The run's wording findings, in findings.jsonl's order."""
    out = []
    with open(Path(run_dir) / "findings.jsonl", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                f = json.loads(line)
                if f.get("rule") == RULE and "snippet" in (f.get("details") or {}):
                    out.append(f)
    return out


def review_row(finding: dict, site: str, site_url: str, decision: str, on: date, source: str) -> dict:
    d = finding.get("details") or {}
    url, term, snippet = review_key(finding.get("url"), site_url, d.get("term") or "", d["snippet"])
    return {"site": site, "url": url, "term": term, "snippet": snippet, "decision": decision,
            "fingerprint": finding.get("fingerprint"), "decided_on": on, "source": source}


def rows_from_statuses(store, statuses: list[dict], sites: dict[str, str], on: date, source: str) -> list[dict]:
    """Review rows for the statuses an office reported on wording hits (import-status)."""
    wanted = {s["fingerprint"]: decision_of(s["status"]) for s in statuses if s["fingerprint"] in sites}
    wanted = {fp: d for fp, d in wanted.items() if d}
    rows = []
    for fp, row in store.latest_findings(wanted).items():
        if row.get("rule") == RULE and "snippet" in (row.get("details") or {}):
            rows.append(review_row(row, sites[fp], row["site_url"], wanted[fp], on, source))
    return rows


def add_parser(sub) -> None:
    r = sub.add_parser("review", help=_("审核一次检查的表述问题：逐条编号列出，标记为已确认或误报（已忽略）"),
                       description=_("列出运行目录中的表述问题（content.wrong_term），并用 --confirm/--dismiss 按编号标记。"
                                     "标记为误报的问题在该网站以后的检查中不再列出；只有已确认或“严重”的问题计入扣分。"))
    r.add_argument("run", type=Path, metavar="RUN", help=_("运行目录"))
    r.add_argument("--confirm", type=int, nargs="+", action="extend", default=[], metavar="N", help=_("确认这些编号的问题"))
    r.add_argument("--dismiss", type=int, nargs="+", action="extend", default=[], metavar="N", help=_("把这些编号的问题标记为误报（已忽略）"))
    r.add_argument("--history", metavar="FILE|URL", help=_(HISTORY_HELP))
    r.add_argument("--on", type=date.fromisoformat, metavar="DATE", help=_("审核日期（默认今天）"))


def cmd_review(args) -> int:
    run = read_run(args.run / "run.json")
    if run is None or not (args.run / "findings.jsonl").is_file():
        print(_("netcheck review：{run} 不是 netcheck 的运行目录（没有 run.json 或 findings.jsonl）").format(run=args.run),
              file=sys.stderr)
        return 2
    hits = wording_hits(args.run)
    numbers = [*args.confirm, *args.dismiss]
    wrong = sorted({n for n in numbers if not 1 <= n <= len(hits)})
    both = sorted(set(args.confirm) & set(args.dismiss))
    if wrong or both:
        print(_("netcheck review：编号 {numbers} 无效（本次检查有 {count} 处表述问题，编号 1–{count}；同一编号不能既确认又忽略）")
              .format(numbers="、".join(map(str, wrong or both)), count=len(hits)), file=sys.stderr)
        return 2
    store = open_history(args.history)
    site = run.site_id or site_key(run.site)
    on = args.on or date.today()
    rows = [review_row(hits[n - 1], site, run.site, CONFIRMED, on, "netcheck review") for n in args.confirm]
    rows += [review_row(hits[n - 1], site, run.site, DISMISSED, on, "netcheck review") for n in args.dismiss]
    if rows:
        stored = store.add_reviews(rows)
        print(_("记录审核 {stored} 条（与已有审核相同 {same} 条）").format(stored=stored, same=len(rows) - stored))
    reviews = Reviews.from_rows(store.reviews(site))
    dismissed = sum(d == DISMISSED for d in reviews.decisions.values())
    if dismissed:
        print(_("该网站已有 {count} 处表述问题标记为误报（已忽略），以后的检查不再列出").format(count=dismissed))
    if not hits:
        print(_("这次检查没有表述问题"))
        return 0
    names = {CONFIRMED: _("已确认"), DISMISSED: _("误报（已忽略）"), None: _("待审核")}
    for n, f in enumerate(hits, start=1):
        d = f["details"]
        decision = reviews.decision(f.get("url"), run.site, d.get("term") or "", d["snippet"])
        kind = KIND_NAMES.get(d.get("kind"))
        kind = _(kind) if kind else d.get("kind") or ""
        print(f"{n:>3}. [{d.get('level', '')}] {kind}"
              f"「{d.get('term')}」→「{d.get('correct') or ''}」  {names[decision]}")
        print(f"     {f.get('url') or ''}")
        print(f"     …{d['snippet']}…")
    return 0
