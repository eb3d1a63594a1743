"""The crawling half of `netcheck audit --sites`: one process that crawls every site of the list, a few at a
time, on one reactor (crawler.multirun), while the process that started it judges each site as soon as its
crawl ends. Two processes, so that crawling and judging use a core each.

    python -m netcheck.crawlnode JOBS.json

JOBS.json: {"in_flight": N, "process_settings": {…}, "jobs": [{"run_dir", "plan" (CrawlPlan's JSON),
"settings"}, …]}. Each site's crawl keeps its state beside its pages as a single-site audit does
(crawl.json: "running" from its start, its finish after its end: netcheck.crawlstate). One JSON line per
event on stdout, flushed: {"index", "event": "start", "started"} when a crawl begins, {"index", "event":
"done", "result"} or {"index", "event": "failed", "error"} when it ends, {"index", "event": "not_run"} for
the sites left when the process was stopped.
"""
from __future__ import annotations

import json
import sys
from datetime import datetime
from pathlib import Path

from . import crawlstate

PAGES = "pages.jsonl"


def main(argv: list[str] | None = None) -> int:
    from crawler.multirun import CrawlJob, run_crawls
    from crawler.plan import CrawlPlan

    spec = json.loads(Path((argv or sys.argv[1:])[0]).read_text(encoding="utf-8"))
    dirs = [Path(job["run_dir"]) for job in spec["jobs"]]
    jobs = [CrawlJob(CrawlPlan.from_json(job["plan"]), d / PAGES, job.get("settings") or {})
            for job, d in zip(spec["jobs"], dirs)]

    def say(**event) -> None:
        print(json.dumps(event, ensure_ascii=False, default=str), flush=True)

    def on_start(index: int) -> None:
        crawlstate.started(dirs[index])  # killed mid-crawl, the site is judged as partial
        say(index=index, event="start", started=datetime.now().astimezone().isoformat(timespec="seconds"))

    def on_done(index: int, result, error) -> None:
        if result is None:
            say(index=index, event="failed", error=error)
            return
        crawlstate.write(dirs[index], crawlstate.from_stats(result))
        say(index=index, event="done", result=result)

    left = run_crawls(jobs, spec.get("in_flight", 2), on_done, on_start, spec.get("process_settings"))
    for index in left:
        say(index=index, event="not_run")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
