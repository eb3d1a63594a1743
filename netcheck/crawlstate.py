"""How a crawl ended, kept beside its pages (`crawl.json`) so that every later judgement knows.

An audit writes "running" before the first request and the crawl's finish after the last; a
crawl killed in between stays "running", and `netcheck report` then judges it as partial. A crawl
that ended early (Ctrl-C, a page or time budget, too many failures, a cancelled job) is partial:
whole-site rules cannot say a column is missing from a site they did not finish reading.

It also keeps what the crawl could not render (`render`): how many pages whose list a script draws
were drawn in a browser, and why the others were not (rendering off, its budget spent, no browser,
failed renders; crawler.render). Such pages' columns are "could not verify"; the run says why.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

from reports.runrecord import CrawlState, RunRecord

FILE = "crawl.json"
FINISHED = "finished"
RUNNING = "running"
INTERRUPTED = "shutdown"  # Scrapy's finish reason after Ctrl-C / SIGTERM
CAPPED = "netcheck/capped"  # stat: --max-pages stopped the spider from following further links
# A crawl that went on to the end while the spider raised on some responses: those pages were fetched and
# never read, so what the site holds is not all known (Scrapy's stat spider_exceptions/count).
SPIDER_ERRORS = "netcheck/spider_errors"
# The stats that count such pages: the spider raised reading a response; a request failed on a bug of ours
# (crawler.fetch_errors.INTERNAL_ERRORS).
UNREAD_STATS = ("spider_exceptions/count", "netcheck/internal_errors")

# Scrapy's (and netcheck's) finish reasons, as the reports say them.
REASONS_CN = {
    "closespider_pagecount": "达到页数上限（--max-pages）",
    CAPPED: "达到页数上限（--max-pages），未抓取全部链接",
    "closespider_timeout": "达到时间上限（--max-time）",
    "closespider_errorcount": "出错过多，抓取提前停止",
    "closespider_itemcount": "达到条数上限",
    SPIDER_ERRORS: "部分页面读取时程序出错，未能检查（见抓取日志中的 Spider error）",
    INTERRUPTED: "被中断（Ctrl-C 或终止信号）",
    RUNNING: "抓取进程中途停止，未正常结束",
    "cancelled": "Scrapyd 任务被取消",
    # No finish reason recorded (a Scrapyd job whose LOG_LEVEL hid Scrapy's closing stats): not known to be whole.
    None: "未记录抓取的结束原因，无法确认抓取完整（如 Scrapyd 任务的日志级别高于 INFO）",
}


RENDER_STAT = "netcheck/render/"  # crawler.render.spidermiddleware's stats
# Why a page whose list a script draws was not rendered (the stat netcheck/render/unrendered/WHY, or
# netcheck/render/failed), as the run says it.
UNRENDERED_CN = {
    "off": "渲染已关闭（--no-render 或 --render 0）",
    "unavailable": "{unavailable}",
    "over_budget": "渲染页数达到上限 {budget} 页（可用 --render N 调整）",
    "failed": "浏览器渲染失败或超时",
    "crawl_ended": "抓取提前结束，未及渲染",
}


def from_stats(stats: dict | None) -> dict:
    """The state of a crawl that just ended, from what crawler.run.run_crawl returned."""
    stats = stats or {}
    reason = stats.get("finish_reason")
    if reason == FINISHED and (stats.get("stats") or {}).get(CAPPED):
        reason = CAPPED
    elif reason == FINISHED and any((stats.get("stats") or {}).get(key) for key in UNREAD_STATS):
        reason = SPIDER_ERRORS
    return state(reason, render=render_facts(stats.get("stats") or {}))


def render_facts(stats: dict) -> dict | None:
    """What the crawl rendered, from Scrapy's stats: {'budget', 'browser' (its path, or None),
    'rendered', 'read_from_data' (scripted pages whose JSON was read instead), 'unrendered' (pages
    that needed rendering and were left as read), 'why' (why → how many), 'unavailable' (why there
    was no browser, or None), 'note_cn' (one sentence for the run's warnings, or None)}.
    None for a crawl made before rendering existed."""
    if RENDER_STAT + "budget" not in stats:
        return None
    why = {key[len(RENDER_STAT + "unrendered/"):]: value for key, value in stats.items()
           if key.startswith(RENDER_STAT + "unrendered/")}
    if stats.get(RENDER_STAT + "failed"):
        why["failed"] = stats[RENDER_STAT + "failed"]
    facts = {"budget": stats[RENDER_STAT + "budget"], "browser": stats.get(RENDER_STAT + "browser"),
             "rendered": stats.get(RENDER_STAT + "rendered", 0),
             "read_from_data": stats.get(RENDER_STAT + "read_from_data", 0),
             "unrendered": sum(why.values()), "why": why, "unavailable": stats.get(RENDER_STAT + "unavailable")}
    facts["note_cn"] = render_note(facts)
    return facts


def render_note(facts: dict | None) -> str | None:
    """The run's one-line warning when pages whose list a script draws were left unrendered."""
    if not facts or not facts.get("unrendered"):
        return None
    reasons = "；".join(UNRENDERED_CN.get(why, why).format(**facts) + f"（{n} 页）" for why, n in facts["why"].items())
    return f"{facts['unrendered']} 个由脚本生成列表的页面未经浏览器渲染：{reasons}。相关栏目记为未核实"


def state(reason: str | None, known: bool = True, render: dict | None = None) -> dict:
    complete = reason == FINISHED or not known
    out = {"complete": complete, "reason": reason, "known": known,
           "reason_cn": None if complete else REASONS_CN.get(reason, f"抓取提前结束（{reason}）")}
    if render is not None:
        out["render"] = render
    return out


def write(run_dir: Path, crawl_state: dict) -> None:
    run_dir.mkdir(parents=True, exist_ok=True)
    path = run_dir / FILE
    tmp = path.with_name(f".{FILE}.tmp")
    tmp.write_text(json.dumps(crawl_state, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def started(run_dir: Path) -> None:
    write(run_dir, state(RUNNING))


def read(run_dir: Path, previous_run: RunRecord) -> dict:
    """The state of the crawl stored in run_dir: its crawl.json, else what an older netcheck's
    run.json recorded, else unknown (pages.jsonl brought from elsewhere: judged as complete, and
    the run says it could not tell)."""
    try:
        data = json.loads((run_dir / FILE).read_text(encoding="utf-8"))
        if isinstance(data, dict) and "reason" in data:
            return state(data["reason"], data.get("known", True), render=data.get("render"))
    except (OSError, ValueError):
        pass
    recorded = previous_run.crawl_state
    if recorded != CrawlState():
        return state(recorded.reason, recorded.known, render=recorded.render)
    reason = previous_run.crawl.get("finish_reason")
    return state(reason) if reason else state(None, known=False)
