"""`netcheck audit URL --scrapyd URL`: the crawl runs as a job on a Scrapyd server, the judging here.

The project is deployed to Scrapyd as it is (`scrapyd-deploy`, with the target in scrapy.cfg), so a
job runs the same `portal` spider with the same project settings (crawler.settings: robots.txt, speed
limits, redaction of personal data), and Scrapyd's feed (its `items_dir`) holds the same page records
a local crawl writes. This module schedules the job (schedule.json), follows it (listjobs.json), copies
its records into the run's pages.jsonl as they come, and its log beside them (crawl.log); the audit
then judges the run directory as any other (netcheck.pipeline.judge_run).

The records are copied while the job runs, a byte range at a time: Scrapyd deletes a job's items file
once `jobs_to_keep` newer jobs have started, and a large portal's file is better not fetched whole
every few seconds. Scheduling needs only the standard library; deploying needs scrapyd-client.
"""
from __future__ import annotations

import base64
import json
import re
import sys
import time
from pathlib import Path
from urllib.error import HTTPError, URLError
from urllib.parse import unquote, urlencode, urlsplit, urlunsplit
from urllib.request import Request, urlopen

from .exitcodes import Exit
from .i18n import N_, _

SPIDER = "portal"
LOG = "crawl.log"  # the job's Scrapy log, kept in the run directory
# How often to ask how the job is doing: soon at first (a small site takes seconds), then less often,
# up to every POLL_MAX seconds, so that an hour's crawl does not fill Scrapyd's access log.
POLL_MIN, POLL_MAX = 0.25, 5.0
MOVE_EVERY = 5.0  # seconds between looks for a free node while a job waits in its node's queue
CANCEL_WAIT = 30.0  # after cancel.json, how long to wait for the job's graceful end (its last records)
HTTP_TIMEOUT = 30
PROGRESS_SECONDS = 10.0  # as crawler.extensions.progress; NETCHECK_PROGRESS_INTERVAL sets it, 0 = none
# Reasons Scrapy gives for a crawl that did what it was asked (CLOSESPIDER_*: --max-pages, --max-time).
COMPLETE = re.compile(r"finished|closespider_\w+")
CANCELLED = "shutdown"  # a crawl stopped by cancel.json (SIGINT)
# listjobs.json's states, as progress lines name them
JOB_STATES = {"pending": N_("等待中"), "running": N_("运行中"), "finished": N_("已结束")}
# The stats Scrapy logs at the end of a crawl, `'name': value` one per line; only numbers and strings
# are kept (datetimes are written as constructor calls).
STATS_DUMP = "Dumping Scrapy stats:"
# A log line that says why a job failed: Scrapy's ERROR/CRITICAL records, or a traceback printed before logging began.
ERROR_LINE = re.compile(r"^\S.*\] (?:ERROR|CRITICAL): |^Traceback \(most recent call last\)|^\w+(?:\.\w+)*(?:Error|Exception): ", re.M)
# Levels under which Scrapy's closing stats are not logged; the log then cannot say how a crawl ended.
QUIET_LEVELS = {"WARNING", "ERROR", "CRITICAL", "30", "40", "50"}
STAT = re.compile(r"'([^']+)': ('[^']*'|-?\d+(?:\.\d+)?(?:e-?\d+)?)\s*[,}]")


class ScrapydError(Exception):
    """Scrapyd cannot run the crawl, or its job did not crawl: one line for the user."""


class Refused(ScrapydError):
    """Scrapyd answered {"status": "error", "message": …}."""


class Moved(Exception):
    """A job that waited in its node's queue was cancelled there, before it started, for a node that is free."""


class NodeError(ScrapydError):
    """The server did not answer as a working Scrapyd (unreachable, an HTTP error, not JSON, a job it forgot):
    another node may still run the crawl (netcheck.scrapyd_sites)."""


def add_audit_options(a) -> None:
    a.add_argument("--scrapyd", metavar="URL[,URL…]",
                   help=_("在部署了 netcheck 的 Scrapyd 上作为任务运行抓取（http://主机:6800/，需认证时 "
                          "http://用户:密码@主机:6800/）；运行目录写在本机。与 --sites 同用时可给多个以逗号分隔的地址，"
                          "各网站的抓取分到这些节点上"))
    a.add_argument("--scrapyd-project", default="netcheck", metavar="NAME",
                   help=_("与 --scrapyd 同用：netcheck 部署时的项目名（默认 netcheck）"))


class Scrapyd:
    """Scrapyd's HTTP API and the files it serves (items/, logs/) at one base URL."""

    def __init__(self, url: str):
        parts = urlsplit(url if "://" in url else f"http://{url}")
        self.headers = {}
        if parts.username:  # Scrapyd's own basic authentication (username/password in scrapyd.conf)
            pair = f"{unquote(parts.username)}:{unquote(parts.password or '')}"
            self.headers["Authorization"] = "Basic " + base64.b64encode(pair.encode()).decode()
        host = parts.hostname or ""
        netloc = (f"[{host}]" if ":" in host else host) + (f":{parts.port}" if parts.port else "")
        # Credentials stay out of every message and of run.json.
        self.url = urlunsplit((parts.scheme, netloc, parts.path.rstrip("/") + "/", "", ""))

    def call(self, endpoint: str, params: list | dict | None = None, post: bool = False) -> dict:
        query = urlencode(params or {})
        request = Request(self.url + endpoint + ("" if post or not query else f"?{query}"), headers=self.headers,
                          data=query.encode() if post else None)
        try:
            with urlopen(request, timeout=HTTP_TIMEOUT) as response:
                body = response.read()
        except HTTPError as exc:
            raise self._http_error(exc, endpoint) from None
        except (URLError, OSError) as exc:
            raise self._unreachable(exc) from None
        try:
            data = json.loads(body)
        except ValueError:
            raise NodeError(_("{url} 的回答不像 Scrapyd（{endpoint} 不是 JSON）：请检查 --scrapyd 的地址和端口").format(
                url=self.url, endpoint=endpoint)) from None
        if data.get("status") != "ok":
            raise Refused(_last_line(str(data.get("message") or data)))
        return data

    def fetch(self, path: str, start: int = 0) -> bytes | None:
        """A served file's bytes from offset `start` on; None when it is not there (yet)."""
        headers = {**self.headers, **({"Range": f"bytes={start}-"} if start else {})}
        try:
            with urlopen(Request(self.url + path, headers=headers), timeout=HTTP_TIMEOUT) as response:
                body = response.read()
                return body if response.status == 206 or not start else body[start:]
        except HTTPError as exc:
            if exc.code == 416:  # nothing past `start` yet
                return b""
            if exc.code == 404:
                return None
            raise self._http_error(exc, path) from None
        except (URLError, OSError) as exc:
            raise self._unreachable(exc) from None

    def _unreachable(self, exc: OSError) -> ScrapydError:
        return NodeError(_("无法连接 {url} 上的 Scrapyd：{reason}").format(url=self.url,
                                                                       reason=getattr(exc, "reason", exc)))

    def _http_error(self, exc: HTTPError, what: str) -> ScrapydError:
        if exc.code == 401:
            return NodeError(_("{url} 上的 Scrapyd 要求用户名和密码：请写在网址中（http://用户:密码@主机:端口/）")
                                .format(url=self.url))
        return NodeError(_("{url} 上的 Scrapyd 对 {what} 回答 {code} {reason}").format(
            url=self.url, what=what, code=exc.code, reason=exc.reason))


class FeedCopy:
    """A job's items file (JSON lines) appended to pages.jsonl whole lines at a time, as it grows."""

    def __init__(self, api: Scrapyd, path: str, out: Path):
        self.api, self.path, self.out = api, path, out
        self.offset = 0  # bytes of the items file copied so far
        self.records = 0
        self.found = False  # the items file was there at all (Scrapyd keeps none without items_dir)
        self.lost = False  # it was there, then deleted (jobs_to_keep newer jobs started meanwhile)
        self.partial = b""  # an unfinished last line, fetched again next time
        out.write_bytes(b"")

    def pull(self) -> None:
        data = self.api.fetch(self.path, self.offset)
        if data is None:
            self.lost = self.found
            return
        self.found = True
        whole = data[:data.rfind(b"\n") + 1]
        if whole:
            with self.out.open("ab") as fh:
                fh.write(whole)
            self.offset += len(whole)
            self.records += whole.count(b"\n")
        self.partial = data[len(whole):]


def crawl(args, plan, run_dir: Path) -> dict:
    """Carry out `plan` (crawler.plan.CrawlPlan; args: the `audit` command's) as a Scrapyd job; its records go to
    run_dir/pages.jsonl, its log to run_dir/crawl.log. Returns the crawl's stats for run.json.
    Exits 2, with one line on stderr, when Scrapyd cannot run the crawl or the job did not crawl."""
    from .pipeline import PAGES

    try:
        return _crawl(args, plan, run_dir, run_dir / PAGES)
    except ScrapydError as exc:
        print(_("netcheck: --scrapyd：{reason}").format(reason=exc), file=sys.stderr)
        raise SystemExit(Exit.USAGE)


def _crawl(args, plan, run_dir: Path, pages: Path) -> dict:
    api, project = Scrapyd(args.scrapyd), args.scrapyd_project
    settings, progress = job_settings(args, plan)
    run_dir.mkdir(parents=True, exist_ok=True)
    job = schedule(api, project, settings)
    print(scheduled_line(api, project, job), file=sys.stderr)
    return run_job(api, project, job, settings, run_dir, pages, progress, verbose=args.verbose)


def job_settings(args, plan) -> tuple[dict, float]:
    """The job's settings (the plan among them, as NETCHECK_PLAN) and how often to print its progress here."""
    settings = {**({"NETCHECK_CHECK_TLS": False} if args.allow_invalid_tls else {}), **dict(args.settings)}
    # Progress is printed here; the job's own progress lines would go to Scrapyd's log as errors.
    progress = _seconds(settings.pop("NETCHECK_PROGRESS_INTERVAL", PROGRESS_SECONDS))
    settings["NETCHECK_PROGRESS_INTERVAL"] = 0
    settings.update(plan.as_setting())  # the plan travels as it does to a local crawl: NETCHECK_PLAN
    return settings, progress


def scheduled_line(api: Scrapyd, project: str, job: str) -> str:
    return _("netcheck: 抓取由 Scrapyd {url} 运行：项目 {project}，任务 {job}").format(url=api.url, project=project, job=job)


def run_job(api: Scrapyd, project: str, job: str, settings: dict, run_dir: Path, pages: Path, progress: float,
            verbose: bool = False, stop=None, say=None, move=None) -> dict:
    """Follow a scheduled job to its end, its records copied to `pages` and its log to run_dir/crawl.log; the
    crawl's stats for run.json. `stop` (a threading.Event): once set, the job is cancelled and what it copied is
    returned as an interrupted crawl. `say` takes the lines meant for the user (default: stderr). `move`: see
    `follow` (Moved is raised)."""
    say = say or (lambda line: print(line, file=sys.stderr))
    feed = FeedCopy(api, f"items/{project}/{SPIDER}/{job}.jl", pages)
    try:
        entry = follow(api, project, job, feed, progress, stop=stop, say=say, move=move)
    except KeyboardInterrupt:  # the job would go on crawling the site for nobody
        _cancel(api, project, job)
        raise
    log = api.fetch(f"logs/{project}/{SPIDER}/{job}.log")
    if log is not None:
        (run_dir / LOG).write_bytes(log)
    if verbose and log:
        sys.stderr.write(log.decode("utf-8", "replace"))
    stats = job_stats(log.decode("utf-8", "replace") if log else "")
    reason = stats.get("finish_reason")
    if stop is not None and stop.is_set() and not (reason and COMPLETE.fullmatch(reason)):
        stats["finish_reason"] = CANCELLED  # cancelled by us: what was copied is judged as after Ctrl-C
    else:
        quiet = str(settings.get("LOG_LEVEL", "")).upper() in QUIET_LEVELS
        _check_outcome(api, job, feed, stats, log, run_dir, quiet, say=say)
    errors = stats["netcheck/errors"] if "netcheck/errors" in stats else _errors(pages)
    return {"pages": feed.records, "errors": errors,
            "elapsed": stats.get("elapsed_time_seconds"), "finish_reason": stats.get("finish_reason"),
            "stats": stats,
            "scrapyd": {"url": api.url, "project": project, "job": job, "start_time": entry.get("start_time"),
                        "end_time": entry.get("end_time"), "log": LOG if log is not None else None}}


def schedule(api: Scrapyd, project: str, settings: dict) -> str:
    """Ask Scrapyd to run the portal spider with `settings` (its crawl plan among them); the job's id."""
    params = [("project", project), ("spider", SPIDER), *(("setting", f"{k}={v}") for k, v in settings.items())]
    try:
        return api.call("schedule.json", params, post=True)["jobid"]
    except Refused as exc:
        message = str(exc)
        if message == f"project '{project}' not found":
            raise ScrapydError(_("项目 {project!r} 未部署到 {url} 上的 Scrapyd：请在 netcheck 的源代码目录运行 "
                                 "`scrapyd-deploy TARGET -p {project}` 部署（pip install scrapyd-client）").format(
                project=project, url=api.url)) from None
        if message == f"spider '{SPIDER}' not found":
            raise ScrapydError(_("{url} 上的 Scrapyd 项目 {project!r} 没有爬虫 {spider!r}：部署的是 netcheck 吗？").format(
                url=api.url, project=project, spider=SPIDER)) from None
        raise ScrapydError(_("{url} 上的 Scrapyd 拒绝了任务：{message}").format(url=api.url, message=message)) from None


def follow(api: Scrapyd, project: str, job: str, feed: FeedCopy, progress: float, stop=None, say=None,
           move=None) -> dict:
    """Wait for `job` to end, copying its records as they come; its listjobs.json entry. Once `stop` (an Event)
    is set the job is cancelled, and followed for at most CANCEL_WAIT seconds more (Scrapy stops gracefully).
    `move()`, asked every MOVE_EVERY seconds while the job waits in the node's queue, says whether another node
    is free: the job is then cancelled before it starts and Moved raised (a job that started meanwhile stays)."""
    from crawler.extensions.progress import format_elapsed

    say = say or (lambda line: print(line, file=sys.stderr))
    shown, last_state, began, cancelled = 0.0, None, time.monotonic(), None
    asked = began  # when `move` was last asked: a job is given MOVE_EVERY seconds to start where it is
    while True:
        if stop is not None and stop.is_set():
            if cancelled is None:
                _cancel(api, project, job, say)
                cancelled = time.monotonic()
            elif time.monotonic() - cancelled > CANCEL_WAIT:
                feed.pull()
                return {}
        state, entry = _job_state(api.call("listjobs.json", {"project": project}), job)
        if state is None:
            raise NodeError(_("{url} 上的 Scrapyd 已不知道任务 {job}（重启过，或保留的已完成任务少于所运行的："
                                 "finished_to_keep）；已复制 {pages} 个地址").format(url=api.url, job=job,
                                                                              pages=feed.records))
        if state != "pending":
            feed.pull()
        if state == "finished":
            return entry
        now = time.monotonic()
        if state == "pending" and move is not None and now - asked >= MOVE_EVERY:
            asked = now
            if move() and _unqueue(api, project, job):
                raise Moved(job)
        if progress and (state != last_state or now - shown >= progress):
            say(_("netcheck: 任务 {job}：{state}，{pages} 个地址，{elapsed}").format(
                job=job, state=_(JOB_STATES.get(state, state)), pages=feed.records, elapsed=format_elapsed(now - began, (_("秒"), _("分"), _("小时")))))
            shown, last_state = now, state
        wait = min(POLL_MAX, max(POLL_MIN, (now - began) / 20))
        if stop is not None:
            stop.wait(wait)
        else:
            time.sleep(wait)


def job_stats(log: str) -> dict:
    """The numbers and strings of the stats a Scrapy log ends with; {} when it has none (the crawl
    never ran, or LOG_LEVEL was above INFO)."""
    _, dumped, rest = log.rpartition(STATS_DUMP)
    if not dumped:
        return {}
    block = rest[:rest.find("}\n") + 1] if "}\n" in rest else rest
    return {name: value[1:-1] if value.startswith("'") else json.loads(value) for name, value in STAT.findall(block)}


def _check_outcome(api: Scrapyd, job: str, feed: FeedCopy, stats: dict, log: bytes | None, run_dir: Path,
                   quiet: bool = False, say=None) -> None:
    reason = stats.get("finish_reason")
    where = (_("日志在 {log}").format(log=run_dir / LOG) if log is not None
             else _("Scrapyd 未保存它的日志（logs_dir）"))
    if reason == CANCELLED:
        raise ScrapydError(_("任务 {job} 在 Scrapyd 上被取消，已抓取 {pages} 个地址，未评判（可用 `netcheck report {run_dir}` "
                             "评判这些）；{where}").format(job=job, pages=feed.records, run_dir=run_dir, where=where))
    if reason and COMPLETE.fullmatch(reason):
        if not feed.found:
            raise ScrapydError(_("{url} 上的 Scrapyd 不保存抓取结果，任务的页面记录已丢失：请在其 scrapyd.conf 中设置 "
                                 "items_dir").format(url=api.url))
    elif reason is None and log and not quiet and not ERROR_LINE.search(log.decode("utf-8", "replace")):
        # The crawl ran, then its log stops with neither stats nor an error: the process was ended from outside
        # (cancel.json while Scrapy was not yet listening for signals, or a kill); what it crawled is not all.
        raise ScrapydError(_("任务 {job} 在 Scrapyd 上被取消或被终止（日志既无结束统计也无错误），已抓取 {pages} 个地址，"
                             "未评判；{where}").format(job=job, pages=feed.records, where=where))
    elif not (reason is None and feed.records):  # no stats but pages: a quiet log (LOG_LEVEL), judge them
        detail = reason or (_last_line(log.decode("utf-8", "replace")) if log else _("没有页面，也没有日志"))
        raise ScrapydError(_("任务 {job} 在 Scrapyd 上失败（{detail}）；{where}").format(job=job, detail=detail, where=where))
    written = stats.get("netcheck/records")
    if feed.lost or (isinstance(written, int) and feed.records < written):
        raise ScrapydError(_("任务 {job} 的 {written} 个页面记录只取回 {pages} 个（已有 jobs_to_keep 个更新的任务开始后，"
                             "Scrapyd 会删除任务的记录：请在其 scrapyd.conf 中调大）").format(
            job=job, written=written or _("更多"), pages=feed.records))
    if feed.partial:
        line = _("netcheck: --scrapyd：任务 {job} 的最后一条记录不完整，未采用").format(job=job)
        if say:
            say(line)
        else:
            print(line, file=sys.stderr)


def _job_state(jobs: dict, job: str) -> tuple[str | None, dict]:
    for state in ("finished", "running", "pending"):
        for entry in jobs.get(state, []):
            if entry.get("id") == job:
                return state, entry
    return None, {}


def _unqueue(api: Scrapyd, project: str, job: str) -> bool:
    """Take `job` out of its node's queue; False when it has started meanwhile (it is left to run).

    Scrapyd's cancel.json removes a waiting job and signals a running one, in one call: signal 0 checks that a
    process exists and does nothing to it, on any system, so a job that started a moment ago keeps its crawl.
    It is asked only for a job listed as waiting a moment before (a Scrapyd older than 1.6 may not take 0)."""
    if _job_state(api.call("listjobs.json", {"project": project}), job)[0] != "pending":
        return False
    answer = api.call("cancel.json", {"project": project, "job": job, "signal": "0"}, post=True)
    return answer.get("prevstate") == "pending"


def _cancel(api: Scrapyd, project: str, job: str, say=None) -> None:
    say = say or (lambda line: print(line, file=sys.stderr))
    try:
        api.call("cancel.json", {"project": project, "job": job}, post=True)
        say(_("netcheck: 已取消 Scrapyd 任务 {job}").format(job=job))
    except ScrapydError as exc:
        say(_("netcheck: 无法取消 Scrapyd 任务 {job}：{reason}").format(job=job, reason=exc))


def _errors(pages: Path) -> int:
    """Records with no HTTP answer, when the log did not say (crawler.run counts them the same way)."""
    lines = pages.read_text(encoding="utf-8").splitlines() if pages.is_file() else []
    return sum(1 for line in lines if line.strip() and json.loads(line).get("status") is None)


def _seconds(value) -> float:
    try:
        return max(float(value), 0.0)
    except (TypeError, ValueError):
        return PROGRESS_SECONDS


def _last_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[-1] if lines else text
