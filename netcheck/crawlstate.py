"""How a crawl ended, kept beside its pages (`crawl.json`) so that every later judgement knows.

An audit writes "running" before the first request and the crawl's finish after the last; a
crawl killed in between stays "running", and `netcheck report` then judges it as partial. A crawl
that ended early (Ctrl-C, a page or time budget, too many failures, a cancelled job) is partial:
whole-site rules cannot say a column is missing from a site they did not finish reading.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

FILE = "crawl.json"
FINISHED = "finished"
RUNNING = "running"
INTERRUPTED = "shutdown"  # Scrapy's finish reason after Ctrl-C / SIGTERM
CAPPED = "netcheck/capped"  # stat: --max-pages stopped the spider from following further links

# Scrapy's (and netcheck's) finish reasons, as the reports say them.
REASONS_CN = {
    "closespider_pagecount": "达到页数上限（--max-pages）",
    CAPPED: "达到页数上限（--max-pages），未抓取全部链接",
    "closespider_timeout": "达到时间上限（--max-time）",
    "closespider_errorcount": "出错过多，抓取提前停止",
    "closespider_itemcount": "达到条数上限",
    INTERRUPTED: "被中断（Ctrl-C 或终止信号）",
    RUNNING: "抓取进程中途停止，未正常结束",
    "cancelled": "Scrapyd 任务被取消",
}


def from_stats(stats: dict | None) -> dict:
    """The state of a crawl that just ended, from what crawler.run.run_crawl returned."""
    stats = stats or {}
    reason = stats.get("finish_reason")
    if reason == FINISHED and (stats.get("stats") or {}).get(CAPPED):
        reason = CAPPED
    return state(reason)


def state(reason: str | None, known: bool = True) -> dict:
    complete = reason == FINISHED or not known
    return {"complete": complete, "reason": reason, "known": known,
            "reason_cn": None if complete else REASONS_CN.get(reason, f"抓取提前结束（{reason}）")}


def write(run_dir: Path, crawl_state: dict) -> None:
    run_dir.mkdir(parents=True, exist_ok=True)
    path = run_dir / FILE
    tmp = path.with_name(f".{FILE}.tmp")
    tmp.write_text(json.dumps(crawl_state, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def started(run_dir: Path) -> None:
    write(run_dir, state(RUNNING))


def read(run_dir: Path, previous_run: dict) -> dict:
    """The state of the crawl stored in run_dir: its crawl.json, else what an older netcheck's
    run.json recorded, else unknown (pages.jsonl brought from elsewhere: judged as complete, and
    the run says it could not tell)."""
    try:
        data = json.loads((run_dir / FILE).read_text(encoding="utf-8"))
        if isinstance(data, dict) and "reason" in data:
            return state(data["reason"], data.get("known", True))
    except (OSError, ValueError):
        pass
    if previous_run.get("crawl_state"):
        return state(previous_run["crawl_state"].get("reason"), previous_run["crawl_state"].get("known", True))
    reason = (previous_run.get("crawl") or {}).get("finish_reason")
    return state(reason) if reason else state(None, known=False)
