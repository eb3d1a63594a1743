"""Distributed crawl benchmark: one process against a coordinator and Redis workers.

    python bench/distributed_bench.py [--pages 5000] [--rounds 2] [--configs single,w1,w2]

Generates a synthetic portal (bench/synthportal.py), serves it with nginx (crawl_bench.Server),
starts a private redis-server on a free port (no persistence), then runs, `--rounds` times and
alternating (single, w1, w2, single, w1, w2, …), with crawl_bench's SETTINGS:

    single  `netcheck audit URL --out DIR --no-history --no-cache --allow-private --fail-on never
            --as-of 2017-01-31 -s …`: 1 crawling process
    w1      the same audit with `--redis URL` (the coordinator, which crawls too) and 1
            `netcheck worker --redis URL --site URL`: 2 crawling processes
    w2      the coordinator and 2 workers: 3 crawling processes

Redis is flushed (FLUSHALL) before every run. Wall time: from the first process started to the
last one ended (the coordinator's audit ends with judging and the reports). CPU and peak RSS: each
process's own os.wait4 rusage. Findings: the multiset of `fingerprint`s in findings.jsonl and the set
of page URLs in pages.jsonl, against the first single-process run. Not part of the test suite.
"""
from __future__ import annotations

import argparse
import collections
import json
import os
import platform
import shutil
import signal
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import synthportal  # noqa: E402
from crawl_bench import PY, SETTINGS, Server, free_port  # noqa: E402

REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"
AUDIT_FLAGS = ["--no-history", "--no-cache", "--allow-private", "--fail-on", "never", "--as-of", "2017-01-31"]
WORKERS = {"single": None, "w1": 1, "w2": 2}
CRAWLING = {"single": 1, "w1": 2, "w2": 3}


def setting_args() -> list[str]:
    out = []
    for k, v in SETTINGS.items():
        out += ["-s", f"{k}={v}"]
    return out


class Redis:
    """A private redis-server on 127.0.0.1: no snapshots, no append-only file."""

    def __init__(self, work: str):
        self.work, self.port, self.proc = work, free_port(), None

    def __enter__(self):
        import redis

        self.proc = subprocess.Popen([REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
                                      "--appendonly", "no", "--dir", self.work],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.client = redis.Redis(host="127.0.0.1", port=self.port)
        deadline = time.monotonic() + 10
        while True:
            try:
                self.client.ping()
                return self
            except redis.ConnectionError:
                if time.monotonic() > deadline or self.proc.poll() is not None:
                    self.proc.kill()
                    raise RuntimeError("redis-server did not start")
                time.sleep(0.05)

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def cpu(self) -> float:
        """redis-server's CPU seconds so far (user+sys)."""
        info = self.client.info("cpu")
        return float(info["used_cpu_user"]) + float(info["used_cpu_sys"])

    def __exit__(self, *exc):
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def run_group(cmds: list[tuple[str, list[str]]], cwd: str, work: str, tag: str, timeout: float) -> dict:
    """Start every (name, cmd) in order, each in its own session; wait for all with os.wait4.
    Returns wall time (first start to last end) and each process's rusage."""
    procs = {}
    t0 = time.monotonic()
    for name, cmd in cmds:
        log = open(os.path.join(work, f"{tag}-{name}.log"), "wb")
        p = subprocess.Popen(cmd, cwd=cwd, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        procs[p.pid] = {"name": name, "proc": p, "log": log.name, "start": time.monotonic() - t0}
        log.close()
    waiting = set(procs)
    timed_out = False
    while waiting:
        for pid in list(waiting):
            got, status, ru = os.wait4(pid, os.WNOHANG)
            if got:
                waiting.discard(pid)
                procs[pid].update(rc=os.waitstatus_to_exitcode(status), end=time.monotonic() - t0,
                                  cpu=ru.ru_utime + ru.ru_stime, user=ru.ru_utime, sys=ru.ru_stime,
                                  maxrss_mb=ru.ru_maxrss / 1024)
        if waiting and time.monotonic() - t0 > timeout and not timed_out:
            timed_out = True
            for pid in waiting:
                os.killpg(pid, signal.SIGINT)
        if waiting and time.monotonic() - t0 > timeout + 60:
            for pid in waiting:
                os.killpg(pid, signal.SIGKILL)
        time.sleep(0.05)
    wall = time.monotonic() - t0
    return {"wall": wall, "timed_out": timed_out, "procs": [procs[p] for p in procs]}


def read_lines(path: str) -> list[dict]:
    try:
        with open(path, encoding="utf-8") as f:
            return [json.loads(line) for line in f if line.strip()]
    except OSError:
        return []


def run_config(config: str, url: str, work: str, redis: Redis | None, rnd: int, timeout: float,
               idle_wait: float | None) -> dict:
    tag = f"{config}-r{rnd}"
    out = os.path.join(work, f"run-{tag}")
    audit = [PY, "-m", "netcheck", "audit", url, "--out", out, *AUDIT_FLAGS]
    cmds = []
    if WORKERS[config]:
        redis.client.flushall()
        audit += ["--redis", redis.url]
        if idle_wait is not None:
            audit += ["--workers-only-wait", str(idle_wait)]
        # Started right after the coordinator: they wait (up to --wait) for it to announce the audit.
        for i in range(WORKERS[config]):
            cmds.append((f"worker{i + 1}", [PY, "-m", "netcheck", "worker", "--redis", redis.url, "--site", url,
                                            "--wait", "60"]))
    cmds.insert(0, ("coordinator" if WORKERS[config] else "audit", audit + setting_args()))
    load = os.getloadavg()
    redis_cpu0 = redis.cpu() if redis and WORKERS[config] else None
    r = run_group(cmds, REPO, work, tag, timeout)
    if redis_cpu0 is not None:
        r["redis_cpu"] = redis.cpu() - redis_cpu0
    r.update(config=config, round=rnd, out=out, load=load)
    pages = read_lines(os.path.join(out, "pages.jsonl"))
    r["pages"] = len(pages)
    r["urls"] = [p["url"] for p in pages]
    r["fingerprints"] = collections.Counter(f["fingerprint"] for f in read_lines(os.path.join(out, "findings.jsonl")))
    try:
        with open(os.path.join(out, "run.json"), encoding="utf-8") as f:
            crawl = json.load(f).get("crawl") or {}
    except (OSError, ValueError):
        crawl = {}
    r["crawl_elapsed"] = crawl.get("elapsed")
    stats = crawl.get("stats") or {}
    for p in r["procs"]:
        if p["name"] in ("audit", "coordinator"):
            p["fetched"] = stats.get("netcheck/records")
        else:
            p["fetched"] = None
            with open(p["log"], encoding="utf-8", errors="replace") as f:
                for line in f:
                    if "pages fetched" in line:  # netcheck worker: KEY: N pages fetched, …
                        p["fetched"] = int(line.split(": ")[-1].split()[0])
    return r


def compare(r: dict, ref: dict) -> str:
    if r is ref:
        return "reference"
    urls, ref_urls = set(r["urls"]), set(ref["urls"])
    dup = len(r["urls"]) - len(urls)
    parts = []
    parts.append("pages =" if urls == ref_urls else f"pages DIFFER (-{len(ref_urls - urls)} +{len(urls - ref_urls)})")
    if dup:
        parts.append(f"{dup} URLs recorded twice")
    if r["fingerprints"] == ref["fingerprints"]:
        parts.append(f"findings = ({sum(r['fingerprints'].values())})")
    else:
        missing = sum((ref["fingerprints"] - r["fingerprints"]).values())
        extra = sum((r["fingerprints"] - ref["fingerprints"]).values())
        parts.append(f"findings DIFFER (-{missing} +{extra})")
    return ", ".join(parts)


HEADER = ("| run | crawling procs | load (1/5 min) before | wall s | crawl s | pages | pages/s | "
          "CPU s per process (pages it fetched) | CPU s, all | redis-server CPU s | peak RSS MB | same as single |\n"
          "|---|---|---|---|---|---|---|---|---|---|---|---|")


def row(r: dict, ref: dict | None) -> str:
    pps = r["pages"] / r["wall"] if r["wall"] else 0
    procs = "; ".join(f"{p['name']} {p['cpu']:.1f}" + (f" ({p['fetched']})" if p.get("fetched") is not None else "")
                      + ("" if p["rc"] == 0 else f" rc={p['rc']}") for p in r["procs"])
    rss = "/".join(f"{p['maxrss_mb']:.0f}" for p in r["procs"])
    crawl = f"{r['crawl_elapsed']:.1f}" if r.get("crawl_elapsed") else "?"
    rc = f"{r['redis_cpu']:.1f}" if r.get("redis_cpu") is not None else "–"
    same = compare(r, ref) if ref else "?"
    flag = " TIMEOUT" if r["timed_out"] else ""
    return (f"| {r['config']} #{r['round']}{flag} | {CRAWLING[r['config']]} | {r['load'][0]:.2f}/{r['load'][1]:.2f} | "
            f"{r['wall']:.1f} | {crawl} | {r['pages']} | {pps:.0f} | {procs} | {sum(p['cpu'] for p in r['procs']):.1f} | "
            f"{rc} | {rss} | {same} |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=5000)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--configs", default="single,w1,w2", help="comma-separated, run in this order each round")
    ap.add_argument("--workers-only-wait", type=float, default=None,
                    help="passed to the coordinator (default: netcheck's own, 3 s)")
    ap.add_argument("--timeout", type=float, default=900, help="seconds per run")
    ap.add_argument("--keep", action="store_true", help="keep the temp dir (runs and logs)")
    a = ap.parse_args()
    configs = [c for c in a.configs.split(",") if c]
    assert all(c in WORKERS for c in configs), configs
    work = tempfile.mkdtemp(prefix="distbench-")
    import scrapy

    print(f"machine: nproc={os.cpu_count()} python={platform.python_version()} scrapy={scrapy.__version__} "
          f"{platform.platform()}")
    print(f"settings (all processes): {SETTINGS}")
    results = []
    ref = None
    try:
        site = os.path.join(work, f"site-{a.pages}")
        info = synthportal.generate(site, a.pages)
        print(f"site: {info['html_pages']} html pages + {info['attachments']} attachments")
        with Server(site, work) as srv, Redis(work) as redis:
            print(f"server: {srv.kind} at {srv.url}; redis-server at {redis.url}")
            print(HEADER, flush=True)
            for rnd in range(1, a.rounds + 1):
                for config in configs:
                    r = run_config(config, srv.url, work, redis, rnd, a.timeout, a.workers_only_wait)
                    if ref is None and config == "single":
                        ref = r
                    results.append(r)
                    print(row(r, ref), flush=True)
        print()
        print(HEADER)
        for r in results:
            print(row(r, ref))
        print()
        for config in configs:
            walls = [r["wall"] for r in results if r["config"] == config]
            print(f"{config}: {CRAWLING[config]} crawling process(es), wall s {', '.join(f'{w:.1f}' for w in walls)}")
        print(f"\nlogs and runs in {work}")
    finally:
        if not a.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
