"""`netcheck audit --sites FILE`: audit many departments' sites, then rank them (通报).

The sites are crawled in a few crawling processes (netcheck.crawlnode, one per core), `--jobs` sites at a
time in all, each process running its share on one reactor, each site with its own politeness, budgets and
records; this process judges each site as soon as its crawl ends, as the site's own `netcheck audit` would
(SiteJudge). A site whose crawl or judging fails ends alone, and so does a crawling process that dies.
Every site gets a normal run directory, OUT/<nn>-<host>/, with what its audit printed in audit.log beside
the reports; the crawls' log is OUT/crawl.log; the ranking is written into OUT from the sites' run.json.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from urllib.parse import urlsplit

from checks.catalog import load_catalog
from reports.runrecord import RunRecord, read_run

from .exitcodes import Exit
from .i18n import _
from .sites import Site, SitesError, load_sites
from .targets import private_address

LOG = "audit.log"
ERROR_TAIL = 2000  # characters of a failed audit's log kept in the ranking
UNREACHABLE = "site.unreachable"


@dataclass
class SiteRun:
    """How one site's audit process ended."""

    site: Site
    run_dir: Path
    returncode: int | None  # None: the process could not be started
    run: RunRecord | None  # its run.json; None when the audit failed
    error: str | None = None  # the log's tail when it failed


def cmd_audit_sites(args) -> int:
    """The --sites form of `netcheck audit` (args as netcheck.cli parses them)."""
    if args.site_id:
        print(_("netcheck: 用 --sites 时，各网站的历史记在其部门（或网站名称）名下；--site-id 只用于审计一个网址，"
                "请去掉它"), file=sys.stderr)
        return Exit.USAGE
    try:
        sites = load_sites(args.sites)
    except SitesError as exc:
        print(_("netcheck: 网站清单有误：{reason}").format(reason=exc), file=sys.stderr)
        return Exit.USAGE
    refusals = [] if args.allow_private else [(s, private_address(s.url)) for s in sites]
    for site, refusal in refusals:  # refuse now what each site's audit would refuse (netcheck.targets)
        if refusal:
            where = _("{path} 第 {row} 行").format(path=args.sites, row=site.row)
            print(_("netcheck: 网站清单有误：{where}：拒绝审计 {url}：{reason}；确要审计本机或内网网站，请加 --allow-private")
                  .format(where=where, url=site.url, reason=refusal), file=sys.stderr)
            return Exit.USAGE
    # Refuse a bad catalog now, not in the middle of the run; CatalogError reaches the CLI's handler.
    for path in {s.catalog or args.catalog for s in sites}:
        load_catalog(path)
    as_of = args.as_of or date.today()  # one date for all: a run across midnight judges every site alike
    out = args.out or Path("netcheck-runs") / f"sites-{datetime.now():%Y%m%d-%H%M%S}"
    out.mkdir(parents=True, exist_ok=True)
    print(_("审计 {count} 个网站（同时 {jobs} 个），检查日 {as_of}，输出 {out}").format(
        count=len(sites), jobs=args.jobs, as_of=as_of, out=out), flush=True)

    if getattr(args, "scrapyd", None):  # the crawls as jobs on Scrapyd nodes, the judging here
        from .scrapyd_sites import run_on_scrapyd

        runs = run_on_scrapyd(sites, out, args, as_of)
    else:
        runs = run_all_in_one(sites, out, args, as_of)
    from reports.ranking import write_ranking

    table = ranking(runs, out, as_of=as_of.isoformat(), sites_file=str(args.sites))
    paths = write_ranking(out, table)
    for entry in table["sites"]:
        print(summary_line(entry))
    print(_("通报：{paths}").format(paths="  ".join(str(p) for p in paths)))
    if any(r.returncode == Exit.INTERRUPTED for r in runs):
        return Exit.INTERRUPTED
    if any(r.returncode == Exit.INCOMPLETE or (r.run is not None and r.run.status == "incomplete") for r in runs):
        return Exit.INCOMPLETE  # some site's judgement is no verdict: the ranking is not one either
    if any(r.run is None or r.returncode == Exit.FINDINGS for r in runs):
        return Exit.FINDINGS  # a failed audit cannot vouch for the site either
    return Exit.OK


NODE_LOG = "crawl.log"  # OUT/crawl.log: the crawling processes' log, every site's crawl in it
JOBS_FILE = ".crawl-jobs-{node}.json"


def crawl_jobs(sites: list[Site], dirs: list[Path], args, log: Path | None, catalogs: dict) -> list[dict]:
    """Each site's crawl as its own `netcheck audit` would plan it: {"run_dir", "plan" (CrawlPlan's JSON),
    "settings"}. Its run directory is made ready: the catalog kept, an earlier run's run.json removed."""
    from crawler.plan import CrawlPlan

    from .cli import _cache_settings, render_budget
    from .pipeline import keep_catalog

    level = "INFO" if args.verbose else "WARNING"
    jobs = []
    for site, run_dir in zip(sites, dirs):
        run_dir.mkdir(parents=True, exist_ok=True)
        (run_dir / "run.json").unlink(missing_ok=True)  # an earlier run's must not pass for this one's
        keep_catalog(catalogs[site.catalog or args.catalog], run_dir)
        plan = CrawlPlan(start_url=site.url, max_pages=args.max_pages, max_seconds=args.max_time,
                         check_external=args.check_external, render_budget=render_budget(args))
        settings = {"LOG_LEVEL": level, **({"LOG_FILE": str(log)} if log else {}), "NETCHECK_PROGRESS_INTERVAL": 0,
                    **_cache_settings(args), **({"NETCHECK_CHECK_TLS": False} if args.allow_invalid_tls else {}),
                    **dict(args.settings)}
        jobs.append({"run_dir": str(run_dir), "plan": plan.to_json(), "settings": settings})
    return jobs


class SiteJudge:
    """Judges each site of a --sites run in this process as soon as its crawl ends, as the site's own
    `netcheck audit` would (the same catalog, as-of date, fail-on, history and run directory), and says
    how far the run is. Whatever crawled the site (crawling processes here, Scrapyd nodes) reports to it."""

    def __init__(self, sites: list[Site], dirs: list[Path], args, as_of: date):
        from .history.commands import open_for

        self.sites, self.dirs, self.args, self.as_of = sites, dirs, args, as_of
        self.catalogs = {path: load_catalog(path) for path in {s.catalog or args.catalog for s in sites}}
        self.history = open_for(args)
        self.results: dict[int, SiteRun] = {}
        self.started: dict[int, str] = {}

    def start(self, i: int, when: str) -> None:
        self.started[i] = when

    def done(self, i: int, result: dict) -> SiteRun:
        """Judge site i on the crawl it has in its run directory; `result` as crawler.run.run_crawl returns it."""
        import contextlib

        from .cli import interrupted, judged, unreachable_reason
        from .pipeline import RunDirError, judge_run
        from .summary import print_summary

        site, run_dir, args = self.sites[i], self.dirs[i], self.args
        log = run_dir / LOG
        with open(log, "w", encoding="utf-8") as fh, contextlib.redirect_stdout(fh), contextlib.redirect_stderr(fh):
            try:
                run = judged(run_dir, lambda: judge_run(
                    run_dir, self.catalogs[site.catalog or args.catalog], self.as_of, fail_on=args.fail_on,
                    site=site.url, crawl_stats=result, started=self.started.get(i), history=self.history,
                    site_id=site.site_id))
            except RunDirError as exc:  # nothing was recorded (its crawling process died at once)
                run = None
                print(_("抓取失败：{why}").format(why=exc))
            if run is not None:
                reason = unreachable_reason(run_dir)
                if reason:
                    print(reason)
                print_summary(run, run_dir)
        if run is None:
            tail = log.read_text(encoding="utf-8", errors="replace")[-ERROR_TAIL:]
            return self._ended(i, SiteRun(site, run_dir, Exit.INCOMPLETE, None, tail.strip() or None))
        code = Exit.INTERRUPTED if interrupted(result) else run.exit_status
        return self._ended(i, SiteRun(site, run_dir, code, run))

    def failed(self, i: int, said: str) -> SiteRun:
        """Site i was never judged: its crawl could not run (`said`, one line, goes to its audit.log)."""
        (self.dirs[i] / LOG).write_text(said + "\n", encoding="utf-8")
        return self._ended(i, SiteRun(self.sites[i], self.dirs[i], None, None, said))

    def _ended(self, i: int, run: SiteRun) -> SiteRun:
        self.results[i] = run
        _progress(run, len(self.results), len(self.sites), len(self.started) - len(self.results))
        return run

    def runs(self) -> list[SiteRun]:
        return [self.results[i] for i in range(len(self.sites))]


def crawl_processes(args, sites: int) -> int:
    """How many crawling processes: one per core (the judging here takes its share too), never more than
    sites in flight; --crawl-processes sets it."""
    wanted = getattr(args, "crawl_processes", None) or os.cpu_count() or 1
    return max(1, min(wanted, max(1, args.jobs), sites))


def run_all_in_one(sites: list[Site], out: Path, args, as_of: date) -> list[SiteRun]:
    """Crawl every site in a few crawling processes (netcheck.crawlnode, one per core: each crawls its share
    of the sites on one reactor, `args.jobs` sites in flight in all) and judge each here as soon as its crawl
    ends (SiteJudge). A site whose crawl or judging fails ends alone; a crawling process that dies (killed,
    out of memory, a crash in native code) takes only the crawls it was running with it: they are judged on
    what they read, as partial, and the sites it had not started go to a new process."""
    import queue
    import signal

    dirs = run_dirs(sites, out)
    node_log = out / NODE_LOG
    judge = SiteJudge(sites, dirs, args, as_of)
    jobs = crawl_jobs(sites, dirs, args, node_log, judge.catalogs)
    count = crawl_processes(args, len(sites))
    level = "INFO" if args.verbose else "WARNING"
    lines: queue.Queue = queue.Queue()
    nodes: list[_Node] = []

    def launch(share: list[int], in_flight: int) -> None:
        spec = out / JOBS_FILE.format(node=len(nodes) + 1)
        spec.write_text(json.dumps({"in_flight": max(1, in_flight), "jobs": [jobs[i] for i in share],
                                    "process_settings": {"LOG_LEVEL": level, "LOG_FILE": str(node_log)}},
                                   ensure_ascii=False), encoding="utf-8")
        nodes.append(_Node(len(nodes), share, spec, lines))

    # Sites dealt round the processes in list order, `jobs` in flight shared out as evenly as it goes.
    for k in range(count):
        launch(list(range(k, len(sites), count)), args.jobs // count + (1 if k < args.jobs % count else 0))
    stop = [False]

    def on_sigint(signum, frame):
        if not stop[0]:
            stop[0] = True
            for node in nodes:
                node.interrupt()

    previous_handler = signal.signal(signal.SIGINT, on_sigint)
    noise: list[str] = []
    restarts = 0
    try:
        while any(node.open for node in nodes):
            k, line = lines.get()
            node = nodes[k]
            if line is None:
                node.close()
                unstarted = [i for i in node.share if i not in judge.started and i not in judge.results]
                for i in node.share:
                    if i in judge.started and i not in judge.results:  # killed mid-crawl: crawl.json says "running"
                        judge.done(i, None)
                if unstarted and not stop[0] and restarts < MAX_RESTARTS:
                    restarts += 1
                    launch(unstarted, node.in_flight)
                continue
            try:
                event = json.loads(line)
            except ValueError:
                noise.append(line)  # a line a crawling process printed itself (a warning): kept for the log
                continue
            i, kind = node.share[event["index"]], event["event"]
            if kind == "start":
                judge.start(i, event["started"])
            elif kind == "done":
                judge.done(i, event["result"])
            else:  # failed, not_run
                why = event.get("error") or _("抓取未开始（运行被中断）")
                judge.failed(i, _("抓取失败：{why}").format(why=why))
    finally:
        signal.signal(signal.SIGINT, previous_handler)
    if noise:
        with open(node_log, "a", encoding="utf-8") as fh:
            fh.writelines(noise)
    for node in nodes:
        for i in node.share:
            if i not in judge.results:  # never started, and no process left to start it: the log says why
                tail = node_log.read_text(encoding="utf-8", errors="replace")[-ERROR_TAIL:] if node_log.is_file() else ""
                judge.failed(i, f"{tail.rstrip()}\n（抓取进程退出状态 {node.returncode}）".lstrip())
        node.spec.unlink(missing_ok=True)
    return judge.runs()


MAX_RESTARTS = 3  # new crawling processes after deaths: a site that kills every process it is in stops there


class _Node:
    """One crawling process (netcheck.crawlnode) and the thread that passes its event lines on, as
    (node number, line), None at its end."""

    def __init__(self, number: int, share: list[int], spec: Path, lines) -> None:
        import threading

        self.share, self.spec, self.open, self.returncode = share, spec, True, None
        self.in_flight = json.loads(spec.read_text(encoding="utf-8"))["in_flight"]
        # Its own session: Ctrl-C reaches this process alone, which passes one SIGINT on (Scrapy's graceful stop).
        self.proc = subprocess.Popen([sys.executable, "-m", "netcheck.crawlnode", str(spec)], stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=_child_env(), text=True,
                                     encoding="utf-8", start_new_session=True)

        def read() -> None:
            for line in self.proc.stdout:
                lines.put((number, line))
            lines.put((number, None))

        threading.Thread(target=read, daemon=True).start()

    def interrupt(self) -> None:
        import signal

        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)

    def close(self) -> None:
        self.returncode = self.proc.wait()
        self.open = False


def _progress(result: SiteRun, done: int, total: int, crawling: int) -> None:
    print(_("netcheck: [{done}/{total}] {site}：{outcome}（抓取中 {crawling} 个，未开始 {left} 个）").format(
        done=done, total=total, site=result.site.label, outcome=_outcome(result), crawling=max(0, crawling),
        left=max(0, total - done - max(0, crawling))), file=sys.stderr, flush=True)


def run_dirs(sites: list[Site], out: Path) -> list[Path]:
    """OUT/<nn>-<host>: numbered in list order so `ls` shows the list, named so a person can find a site."""
    width = max(2, len(str(len(sites))))
    return [out / f"{i:0{width}d}-{_slug(s.url)}" for i, s in enumerate(sites, start=1)]


def _slug(url: str) -> str:
    parts = urlsplit(url)
    host = parts.hostname or "site"
    host += f"-{parts.port}" if parts.port else ""
    return re.sub(r"[^a-z0-9.]+", "-", host.lower()).strip("-.") or "site"


def _child_env() -> dict:
    # The child must import this very netcheck, also when it runs from a checkout, not an install.
    root = str(Path(__file__).resolve().parents[1])
    paths = [root] + [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p and p != root]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(paths)}


def _outcome(result: SiteRun) -> str:
    if result.run is None:
        return _("审计失败（退出状态 {code}），见 {log}").format(code=result.returncode, log=result.run_dir / LOG)
    status = {"partial": _("，抓取未完成"), "incomplete": _("，评判未完成")}.get(result.run.status, "")
    return (_("得分 {score}").format(score=result.run.score) + (_("，单项否决") if result.run.veto else "")
            + status)


# --- the ranking ------------------------------------------------------------------------------

def ranking(runs: list[SiteRun], out: Path, as_of: str | None = None, sites_file: str | None = None) -> dict:
    """The ranking dict that reports.ranking renders (its docstring lists the fields)."""
    from reports.names import RULE_NAMES

    entries = [_entry(r, out) for r in runs]
    extra = sorted({rule for e in entries for rule in e["by_rule"]} - set(RULE_NAMES))
    return {
        "as_of": as_of,
        "generated": datetime.now().astimezone().isoformat(timespec="seconds"),
        "sites_file": sites_file,
        "rules": {**RULE_NAMES, **{rule: rule for rule in extra}},  # a new rule shows under its id
        "sites": rank(entries),
    }


def rank(entries: list[dict]) -> list[dict]:
    """Order as the 通报 does: sites without a veto by score (highest first), then vetoed sites by
    score, ties by department name. Then the sites that could not be reached: their audit saw
    nothing, so nothing was deducted and their score (100) says nothing; they must not outrank a
    site that was checked. Then, unranked, the sites whose run is not complete (crawl cut short or a
    rule that raised: their score is no verdict), by department, not by score; failed audits last,
    unranked. Equal standing shares a rank (1, 2, 2, 4)."""
    def standing(e):
        if e["status"] != "ok":
            return 4, 0
        if not ranked(e):
            return 3, 0
        return (2 if e.get("unreachable") else 1 if e["veto"] else 0), -(e["score"] or 0)

    ordered = sorted(entries, key=lambda e: (*standing(e), e["department"], e["name"], e["url"]))
    previous = None
    for i, e in enumerate(ordered, start=1):
        if e["status"] != "ok" or not ranked(e):
            e["rank"] = None
        elif previous is not None and standing(previous) == standing(e):
            e["rank"] = previous["rank"]
        else:
            e["rank"] = i
        previous = e
    return ordered


def ranked(entry: dict) -> bool:
    """Whether the entry's score is a verdict that may be ranked (an older entry without the key is)."""
    return entry["status"] == "ok" and entry.get("score_is_verdict", True) is not False


def previous_score(run: RunRecord) -> float | None:
    """The score of the site's run before this one that was a verdict (complete, or the site down),
    from the history's trend: a partial or incomplete run's score compares with nothing."""
    history = run.history
    if history is None or not history.trend:  # a run.json from before the trend kept statuses
        return history.previous_run.score if history and history.previous_run else None
    earlier = [t for t in history.trend[:-1] if t.status in (None, "complete", "unreachable")]
    return earlier[-1].score if earlier else None


def _entry(result: SiteRun, out: Path) -> dict:
    site, run = result.site, result.run or RunRecord()
    counts = run.counts
    previous = previous_score(run)
    score = run.score
    report = result.run_dir / "report.html"
    from reports import completeness

    return {
        "rank": None, "department": site.department, "name": site.name, "url": site.url,
        "site_id": site.site_id, "run_dir": _relative(result.run_dir, out),
        "status": "ok" if result.run is not None else "failed", "exit_status": result.returncode,
        "score": score, "veto": bool(run.veto), "veto_reasons": list(run.veto_reasons),
        "by_rule": dict(counts.by_rule), "findings": counts.findings,
        "unreachable": UNREACHABLE in counts.by_rule,
        "previous_score": previous,
        "change": round(score - previous, 2) if score is not None and previous is not None else None,
        "report": _relative(report, out) if result.run is not None and report.is_file() else None,
        "error": result.error,
        # How complete the site's run is (reports.completeness; an older run.json is complete).
        "run_status": completeness.run_status(run) if result.run is not None else None,
        "score_is_verdict": completeness.score_is_verdict(run) if result.run is not None else False,
        "status_note": "；".join(completeness.banners(run)) if result.run is not None else "",
        "unverified": len(completeness.unverified(run)),
    }


def _relative(path: Path, out: Path) -> str:
    try:
        return path.resolve().relative_to(out.resolve()).as_posix()
    except ValueError:
        return str(path)


def summary_line(entry: dict) -> str:
    rank = entry["rank"] if entry["rank"] is not None else "—"
    who = " ".join(p for p in (entry["department"], entry["name"]) if p)
    if entry["status"] != "ok":
        return f"{rank:>3}  {who}  " + _("审计失败，见 {log}").format(log=f"{entry['run_dir']}/{LOG}")
    from reports.table import format_score

    veto = (_("单项否决") if entry["veto"] else _("未触发单项否决")) + (_("（网站无法访问）") if entry["unreachable"] else "")
    score = format_score(entry["score"])
    if not ranked(entry):
        from reports.names import run_status_name

        score += _("（{status}，不作排名）").format(status=run_status_name(entry.get("run_status")))
    return f"{rank:>3}  {who}  " + _("得分 {score}  {veto}  问题 {findings}  {report}").format(
        score=score, veto=veto, findings=entry["findings"], report=entry["report"] or "")
