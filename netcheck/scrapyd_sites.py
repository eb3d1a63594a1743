"""`netcheck audit --sites FILE --scrapyd URL,URL…`: a many-site audit's crawls spread over several Scrapyd nodes.

Past one machine, the crawling is what grows: a province's pages may not fit in a night on one machine's
cores, one egress address may not crawl that many government sites at once, or each network zone's sites must
be crawled from inside it. Each site's crawl runs as a Scrapyd job (netcheck.scrapyd: the same spider and
settings as its own `netcheck audit URL --scrapyd` would use), and the judging stays here, in this process's
main thread, through the same SiteJudge as the one-machine path (netcheck.multisite): each site is judged as
soon as its job ends, into its own run directory, exactly as its single-site audit would be.

At most `--jobs` sites are in flight in all; each new site goes to the node with the fewest jobs waiting in its
queue (daemonstatus.json's pending: a node whose max_proc is spent queues what it gets), then the fewest of
ours, so that a small node is not handed work that a free one could start. One thread follows each site's job
(the Scrapyd client is blocking urllib) and reports on a queue. A node that cannot be reached or refuses the job
passes the site to another node, each node once; only when no node will take it does the site fail, in one
line, and the others go on. A job still waiting in a busy node's queue while a node it has not tried is free is
taken out of that queue before it starts and placed there (Placer.free_elsewhere). Ctrl-C cancels our running
jobs and judges what they copied as interrupted crawls.
"""
from __future__ import annotations

import queue
import signal
import threading
import time
from collections import deque
from datetime import date, datetime
from pathlib import Path

from . import crawlstate
from .i18n import _
from .multisite import LOG, SiteJudge, SiteRun, crawl_jobs, run_dirs
from .scrapyd import Moved, NodeError, Scrapyd, ScrapydError, job_settings, run_job, schedule, scheduled_line
from .sites import Site

PAGES = "pages.jsonl"
WAKE = 0.5  # seconds between looks at Ctrl-C while waiting for the crawls' news
ASIDE = 60.0  # seconds a node that failed is asked only after the others


def node_urls(value: str) -> list[str]:
    """--scrapyd's comma-separated base URLs, in the order given."""
    return [url.strip() for url in value.split(",") if url.strip()]


class Node:
    """One Scrapyd server, how many of our jobs it has now, and until when it is left aside."""

    def __init__(self, url: str):
        self.api = Scrapyd(url)
        self.ours = 0
        self.aside_until = 0.0  # it did not answer or refused a job: the next sites try it last, for a while

    def set_aside(self) -> None:
        self.aside_until = time.monotonic() + ASIDE

    def queued(self) -> int:
        """Jobs waiting in its queue (every project's): its max_proc is spent while there are any."""
        return int(self.api.call("daemonstatus.json").get("pending") or 0)

    def load(self) -> tuple[int, int]:
        """(jobs waiting, jobs running), every project's."""
        status = self.api.call("daemonstatus.json")
        return int(status.get("pending") or 0), int(status.get("running") or 0)


class Placer:
    """Chooses the node for each new site, shared by the sites' threads."""

    def __init__(self, nodes: list[Node]):
        self.nodes, self.lock = nodes, threading.Lock()

    def take(self, tried: set[int], reasons: list[str]) -> Node | None:
        """The least busy node this site has not tried, counted as running one more of ours; None when none is
        left. A node that does not answer is marked tried, its reason kept."""
        load: dict[int, int] = {}
        while not load:
            untried = [k for k in range(len(self.nodes)) if k not in tried]
            if not untried:
                return None
            now = time.monotonic()
            # A node that failed lately is asked only when no other node is left to ask: a server that does not
            # answer at all would hold every new site for HTTP_TIMEOUT.
            for k in [k for k in untried if self.nodes[k].aside_until <= now] or untried:
                try:
                    load[k] = self.nodes[k].queued()
                except ScrapydError as exc:
                    tried.add(k)
                    reasons.append(str(exc))
                    self.nodes[k].set_aside()
        with self.lock:
            k = min(load, key=lambda k: (load[k], self.nodes[k].ours, k))
            tried.add(k)
            self.nodes[k].ours += 1
            return self.nodes[k]

    def free_elsewhere(self, node: Node, tried: set[int]) -> bool:
        """Whether a node this site has not tried may start its crawl now, while `node` keeps it waiting: one with
        nothing in its queue that runs fewer jobs than `node` (whose max_proc is spent, as a job of ours waits
        there). Scrapyd does not say its max_proc; a node that runs as many as `node` may be as full."""
        try:
            running_here = node.load()[1]
        except ScrapydError:
            return False  # the job's own follow finds out what became of the node
        now = time.monotonic()
        for k, other in enumerate(self.nodes):
            if k in tried or other is node or other.aside_until > now:
                continue
            try:
                waiting, running = other.load()
            except ScrapydError:
                other.set_aside()
                continue
            if waiting == 0 and running < running_here:
                return True
        return False

    def release(self, node: Node) -> None:
        with self.lock:
            node.ours -= 1


def crawl_one(i: int, plan_json: str, run_dir: Path, args, placer: Placer, stop: threading.Event, events) -> None:
    """Site i's crawl on whichever node takes it (the site's thread); its news on `events`: ("start", i, when),
    then ("done", i, result, notes) or ("failed", i, line, notes)."""
    from crawler.plan import CrawlPlan

    settings = job_settings(args, CrawlPlan.from_json(plan_json))[0]  # progress is the sites' lines here
    project, tried, reasons, notes = args.scrapyd_project, set(), [], []
    while not stop.is_set():
        node = placer.take(tried, reasons)
        if node is None:
            break
        try:
            job = schedule(node.api, project, settings)
        except ScrapydError as exc:  # refused or unreachable: the next node
            placer.release(node)
            node.set_aside()
            reasons.append(str(exc))
            continue
        notes.append(scheduled_line(node.api, project, job))
        crawlstate.started(run_dir)  # a run stopped mid-crawl is judged as partial
        events.put(("start", i, datetime.now().astimezone().isoformat(timespec="seconds")))
        try:
            result = run_job(node.api, project, job, settings, run_dir, run_dir / PAGES, 0, stop=stop,
                             say=notes.append, move=lambda: placer.free_elsewhere(node, tried))
        except Moved:  # it waited in a busy node's queue while another node was free: it goes there
            notes.append(_("任务 {job} 在 {url} 排队等候，已移到空闲的节点").format(job=job, url=node.api.url))
            continue
        except NodeError as exc:  # the node went away mid-job: the crawl starts again on another one
            reasons.append(str(exc))
            node.set_aside()
            continue
        except ScrapydError as exc:  # the job did not crawl (it failed on the server, was cancelled there)
            events.put(("failed", i, _("抓取失败：{why}").format(why=exc), notes))
            return
        finally:
            placer.release(node)
        crawlstate.write(run_dir, crawlstate.from_stats(result))
        events.put(("done", i, result, notes))
        return
    if stop.is_set():
        events.put(("failed", i, _("抓取失败：{why}").format(why=_("抓取未开始（运行被中断）")), notes))
    else:
        events.put(("failed", i, _("抓取失败：没有 Scrapyd 节点能运行这个网站的抓取（{reasons}）").format(
            reasons="；".join(reasons)), notes))


def _crawl_thread(i: int, *rest) -> None:
    """crawl_one, whose every end reaches the judge: a thread that died silently would leave the run waiting."""
    events = rest[-1]
    try:
        crawl_one(i, *rest)
    except Exception as exc:  # noqa: BLE001 - a bug of ours fails this site only
        events.put(("failed", i, _("抓取失败：{why}").format(why=f"{type(exc).__name__}: {exc}"), []))


def run_on_scrapyd(sites: list[Site], out: Path, args, as_of: date) -> list[SiteRun]:
    """Crawl every site as a Scrapyd job on the nodes of args.scrapyd, `args.jobs` in flight, and judge each here
    as its job ends (SiteJudge)."""
    dirs = run_dirs(sites, out)
    judge = SiteJudge(sites, dirs, args, as_of)
    plans = [job["plan"] for job in crawl_jobs(sites, dirs, args, None, judge.catalogs)]
    placer = Placer([Node(url) for url in node_urls(args.scrapyd)])
    events: queue.Queue = queue.Queue()
    stop = threading.Event()
    left, running = deque(range(len(sites))), 0

    def on_sigint(signum, frame):
        stop.set()  # the sites' threads cancel their jobs; what they copied is judged

    previous_handler = signal.signal(signal.SIGINT, on_sigint)
    try:
        while left or running:
            while left and running < max(1, args.jobs) and not stop.is_set():
                i = left.popleft()
                threading.Thread(target=_crawl_thread, args=(i, plans[i], dirs[i], args, placer, stop, events),
                                 daemon=True).start()
                running += 1
            if stop.is_set():
                while left:
                    judge.failed(left.popleft(), _("抓取失败：{why}").format(why=_("抓取未开始（运行被中断）")))
            if not running:
                break
            try:
                event = events.get(timeout=WAKE)
            except queue.Empty:
                continue
            running -= _judge(judge, event)
    finally:
        signal.signal(signal.SIGINT, previous_handler)
    return judge.runs()


def _judge(judge: SiteJudge, event: tuple) -> int:
    """Pass one site's news to the judge; 1 when its crawl has ended."""
    kind, i, *rest = event
    if kind == "start":
        judge.start(i, rest[0])
        return 0
    if kind == "done":
        judge.done(i, rest[0])
    else:
        judge.failed(i, rest[0])
    notes = rest[1]
    if notes:  # which node and job crawled it, after what its judging printed
        with open(judge.dirs[i] / LOG, "a", encoding="utf-8") as fh:
            fh.writelines(line + "\n" for line in notes)
    return 1
