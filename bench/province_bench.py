"""Province benchmark: many sites audited in one `netcheck audit --sites` run, against the same sites
audited one by one, with netcheck's polite defaults (issue 17).

    python bench/province_bench.py [--sites 100] [--pages 1000] [--jobs 50] [--single-parallel 16]
                                   [--max-time S] [--skip-single] [--work DIR] [--keep]

A disclosure office audits a province's sites on a schedule; each site must be crawled politely, so
one audit is mostly waiting and the province is only fast when many sites are crawled at once. This
measures how close one multi-site run comes to the machine's CPU-bound ideal, and checks that it
judges every site exactly as the site's own audit does.

Set-up: N synthetic sites, alternately bench/synthportal.py (TRS, small pages) and bench/cmsportal.py
(Hanweb / 集约化 / Lonsun shapes, 30-60 KB pages), of 0.5x-1.5x --pages pages each, served by ONE nginx
in the foreground with a `server` block per site on its own loopback address 127.0.1.i:PORT (each its
own host, so each gets Scrapy's per-host politeness). The last three sites are always: a slow server
(nginx limit_req with a burst: requests past --slow-rate wait in line), an unreachable one (listed,
nothing listens there) and a trap (a /trap/ page linking to a relative a/ that nests without end, and
a calendar linking next month up to the year 2099). Every 10th site is slow as well.

Measured in one invocation:
  (a) the province run: `python -m netcheck audit --sites SITES.yaml --jobs J ...`: wall, CPU of the whole
      process tree (os.wait4: it includes the waited-for crawling process), peak memory of the tree (RSS
      of the process and its descendants summed, sampled from /proc every 0.5 s) and ru_maxrss (the
      largest single process);
  (b) each site audited alone with the same flags, --single-parallel at a time: each one's wall and CPU;
      the sum of their walls is what auditing one site after another would take;
  (c) the CPU-bound ideal (CPU of (a) / cores) and (a)'s wall against it and against (b)'s sum;
  (d) findings identical: per site, findings.jsonl (every field but FINDING_FIELDS_DROPPED), score,
      status and page count of (a)'s run directory against the site's own audit.
Results: a Markdown table printed and written with the raw figures to WORK/province-results.{md,json}.
Not part of the test suite.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from datetime import date, timedelta

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import cmsportal  # noqa: E402
import synthportal  # noqa: E402

PY = sys.executable
NGINX = "/usr/sbin/nginx"
AS_OF = "2017-01-31"  # both generators date their items against this day
FLAGS = ["--allow-private", "--no-history", "--no-cache", "--fail-on", "never", "--as-of", AS_OF]
# Fields of a finding that may differ between two audits of the same site; none is expected to with
# --no-history and a fixed --as-of (first_seen and status come from the history).
FINDING_FIELDS_DROPPED: tuple[str, ...] = ()
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")


# --- the sites -----------------------------------------------------------------------------------

def plan_sites(n: int, pages: int, port: int) -> list[dict]:
    """Which site is which: generator, size, kind (normal, slow, unreachable, trap) and address.
    Sizes spread over 0.5x-1.5x `pages` by the golden ratio, so neighbours differ."""
    plan = []
    for i in range(1, n + 1):
        kind = "normal"
        if n >= 3 and i > n - 3:
            kind = ("slow", "unreachable", "trap")[i - (n - 2)]
        elif i % 10 == 0:
            kind = "slow"
        factor = 0.5 + (i * 0.6180339887) % 1.0
        addr = f"127.0.{1 + (i - 1) // 254}.{(i - 1) % 254 + 1}"  # 127.0.1.1 … 127.0.1.254, 127.0.2.1 …
        plan.append({"i": i, "kind": kind, "portal": "synth" if i % 2 else "cms",
                     "pages": max(30, round(pages * factor)), "addr": addr, "port": port,
                     "url": f"http://{addr}:{port}/index.html", "department": f"测试部门{i:03d}",
                     "name": f"第{i}号网站"})
    return plan


def generate_sites(plan: list[dict], root: str) -> dict:
    """Write every reachable site under root/<i>; returns totals of HTML pages and attachments."""
    totals = Counter()
    for site in plan:
        if site["kind"] == "unreachable":
            continue
        site["root"] = os.path.join(root, f"site-{site['i']:03d}")
        if site["portal"] == "cms":
            style = (("mixed",) + cmsportal.STYLES)[(site["i"] // 2) % 4]  # the CMS sites differ in shape too
            info = cmsportal.generate(site["pages"], site["root"], seed=site["i"], style=style)
        else:
            info = synthportal.generate(site["root"], site["pages"])
        if site["kind"] == "trap":
            add_trap(site["root"])
        totals["html_pages"] += info["html_pages"]
        totals["attachments"] += info["attachments"]
    return dict(totals)


def add_trap(root: str) -> None:
    """Two traps linked from the home page: /trap/ (nginx answers every path under it with the same page,
    whose relative link a/ nests the path without end) and a calendar of month pages, each linking the
    next, up to 2099: what a crawl without trap guards would walk for ever."""
    os.makedirs(os.path.join(root, "trap"), exist_ok=True)
    with open(os.path.join(root, "trap", "index.html"), "w", encoding="utf-8") as f:
        f.write('<!DOCTYPE html><html><head><meta charset="utf-8"><title>专题专栏</title></head><body>'
                '<h1>专题专栏</h1><p>本专题持续更新。</p><a href="a/">下一级</a></body></html>\n')
    cal = os.path.join(root, "calendar")
    os.makedirs(cal, exist_ok=True)
    month = date(2016, 1, 1)
    while month.year < 2100:
        nxt = (month + timedelta(days=32)).replace(day=1)
        with open(os.path.join(cal, f"{month:%Y-%m}.html"), "w", encoding="utf-8") as f:
            f.write(f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>活动日历 {month:%Y年%m月}</title>'
                    f'</head><body><h1>活动日历 {month:%Y年%m月}</h1><p>本月暂无活动。</p>'
                    f'<a href="{nxt:%Y-%m}.html">下个月</a></body></html>\n')
        month = nxt
    home = os.path.join(root, "index.html")
    with open(home, encoding="utf-8") as f:
        html = f.read()
    links = '<div class="zt"><a href="/trap/">专题专栏</a> <a href="/calendar/2016-01.html">活动日历</a></div>'
    with open(home, "w", encoding="utf-8") as f:
        f.write(html.replace("</body>", links + "</body>", 1))


def write_sites_file(plan: list[dict], path: str) -> None:
    """The --sites YAML (url, department, name), every site in plan order, the unreachable one too."""
    with open(path, "w", encoding="utf-8") as f:
        for s in plan:
            f.write(f"- url: {s['url']}\n  department: {s['department']}\n  name: {s['name']}\n")


# --- the server ----------------------------------------------------------------------------------

def nginx_conf(plan: list[dict], work: str, slow_rate: float) -> str:
    """One nginx, one worker, a server block per reachable site on its own loopback address."""
    servers = []
    for s in plan:
        if s["kind"] == "unreachable":
            continue
        extra = [cmsportal.NGINX_PAGING] if s["portal"] == "cms" else []
        if s["kind"] == "slow":
            extra.append("limit_req zone=slow burst=100;")  # past the rate, requests wait in line
        if s["kind"] == "trap":
            extra.append("location /trap/ { try_files $uri /trap/index.html; }")
        servers.append(f"  server {{\n    listen {s['addr']}:{s['port']};\n    root {s['root']};\n"
                       f"    index index.html;\n" + "".join(f"    {e}\n" for e in extra) + "  }\n")
    user = "user root;\n" if os.geteuid() == 0 else ""
    rate = f"{max(1, round(slow_rate * 60))}r/m"
    return f"""{user}daemon off;
worker_processes 1;
pid {work}/nginx.pid;
error_log {work}/nginx-error.log warn;
events {{ worker_connections 8192; }}
http {{
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  types {{ text/html html; application/pdf pdf; text/plain txt; image/png png;
          application/msword doc; application/vnd.ms-excel xls;
          application/vnd.openxmlformats-officedocument.wordprocessingml.document docx;
          application/vnd.openxmlformats-officedocument.spreadsheetml.sheet xlsx; }}
  default_type application/octet-stream;
  charset utf-8;
  limit_req_zone $server_addr zone=slow:1m rate={rate};
  limit_req_status 503;
{"".join(servers)}}}
"""


class Nginx:
    """nginx in the foreground with the generated config, stopped gracefully on exit."""

    def __init__(self, plan: list[dict], work: str, slow_rate: float):
        self.plan, self.work, self.slow_rate = plan, work, slow_rate
        self.proc = None

    def __enter__(self):
        if not os.path.exists(NGINX):
            raise SystemExit(f"{NGINX} not found: the province benchmark needs nginx (apt-get install nginx-core)")
        conf = os.path.join(self.work, "nginx.conf")
        with open(conf, "w") as f:
            f.write(nginx_conf(self.plan, self.work, self.slow_rate))
        self.proc = subprocess.Popen([NGINX, "-p", self.work, "-c", conf],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        for s in self.plan:
            if s["kind"] != "unreachable":
                wait_listening(s["addr"], s["port"], self.proc)
        return self

    def __exit__(self, *exc):
        self.proc.send_signal(signal.SIGQUIT)
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def wait_listening(addr: str, port: int, proc, timeout: float = 10) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if proc.poll() is not None:
            raise SystemExit(f"nginx exited ({proc.returncode}): see nginx-error.log")
        try:
            socket.create_connection((addr, port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    raise SystemExit(f"nothing listens on {addr}:{port} after {timeout}s")


# --- measuring a process tree ---------------------------------------------------------------------

def tree_rss(root_pid: int) -> int:
    """Bytes of RSS of root_pid and all its descendants, from /proc (psutil is no dependency)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as f:
                ppid = int(f.read().rsplit(b")", 1)[1].split()[1])  # the name in (...) may hold spaces
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    total, todo = 0, [root_pid]
    while todo:
        pid = todo.pop()
        try:
            with open(f"/proc/{pid}/statm", "rb") as f:
                total += int(f.read().split()[1]) * PAGE_SIZE
        except (OSError, IndexError, ValueError):
            pass
        todo.extend(children.get(pid, ()))
    return total


class PeakSampler(threading.Thread):
    """Samples tree_rss(pid) every `interval` seconds until stopped; keeps the peak."""

    def __init__(self, pid: int, interval: float = 0.5):
        super().__init__(daemon=True)
        self.pid, self.interval, self.peak = pid, interval, 0
        self.stopped = threading.Event()

    def run(self):
        while not self.stopped.is_set():
            self.peak = max(self.peak, tree_rss(self.pid))
            self.stopped.wait(self.interval)


def start(cmd: list[str], log: str):
    """Start cmd in its own session (Ctrl-C of the bench does not reach it twice), output to log."""
    with open(log, "wb") as out:
        return subprocess.Popen(cmd, cwd=REPO, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)


def stop(proc, grace: float = 120) -> None:
    """Over time: one SIGINT (netcheck stops its crawls gracefully and judges what it has), then SIGKILL."""
    os.killpg(proc.pid, signal.SIGINT)
    end = time.monotonic() + grace
    while time.monotonic() < end:
        if os.waitid(os.P_PID, proc.pid, os.WEXITED | os.WNOHANG | os.WNOWAIT):
            return
        time.sleep(0.2)
    os.killpg(proc.pid, signal.SIGKILL)


def measured(rusage, t0: float, status: int, timed_out: bool) -> dict:
    return {"wall": time.monotonic() - t0, "cpu": rusage.ru_utime + rusage.ru_stime, "user": rusage.ru_utime,
            "sys": rusage.ru_stime, "maxrss_mb": rusage.ru_maxrss / 1024,
            "rc": os.waitstatus_to_exitcode(status), "timed_out": timed_out}


def run_tree(cmd: list[str], log: str, timeout: float) -> dict:
    """Run cmd; wall, CPU (os.wait4: includes its waited-for descendants), peak tree RSS, ru_maxrss."""
    t0 = time.monotonic()
    proc = start(cmd, log)
    sampler = PeakSampler(proc.pid)
    sampler.start()
    timed_out = False
    while True:
        pid, status, ru = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if not timed_out and time.monotonic() - t0 > timeout:
            timed_out = True
            threading.Thread(target=stop, args=(proc,), daemon=True).start()
        time.sleep(0.1)
    sampler.stopped.set()
    sampler.join()
    return {**measured(ru, t0, status, timed_out), "peak_tree_rss_mb": sampler.peak / 2**20}


def run_pool(cmds: list[tuple[str, list[str], str]], parallel: int, timeout: float) -> dict[str, dict]:
    """Run (key, cmd, log) commands `parallel` at a time; each one's wall, CPU and exit status."""
    waiting, running, done = list(cmds), {}, {}
    while waiting or running:
        while waiting and len(running) < parallel:
            key, cmd, log = waiting.pop(0)
            running[key] = (start(cmd, log), time.monotonic(), [False])
        for key, (proc, t0, timed_out) in list(running.items()):
            pid, status, ru = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                done[key] = measured(ru, t0, status, timed_out[0])
                del running[key]
            elif not timed_out[0] and time.monotonic() - t0 > timeout:
                timed_out[0] = True
                threading.Thread(target=stop, args=(proc,), daemon=True).start()
        time.sleep(0.1)
    return done


# --- the runs ------------------------------------------------------------------------------------

def province_cmd(sites_file: str, out: str, jobs: int, max_time: int) -> list[str]:
    cmd = [PY, "-m", "netcheck", "audit", "--sites", sites_file, "--jobs", str(jobs), "--out", out, *FLAGS]
    return cmd + (["--max-time", str(max_time)] if max_time else [])


def single_cmd(site: dict, out: str, max_time: int) -> list[str]:
    cmd = [PY, "-m", "netcheck", "audit", site["url"], "--out", out, "--site-id", site["department"], *FLAGS]
    return cmd + (["--max-time", str(max_time)] if max_time else [])


def province_dirs(out: str, plan: list[dict]) -> dict[int, str]:
    """Site number → its run directory in the province run (OUT/<nn>-<host>-<port>, netcheck.multisite)."""
    found = {}
    for name in os.listdir(out):
        for s in plan:
            if name.endswith(f"-{s['addr']}-{s['port']}") and name.split("-", 1)[0].isdigit():
                found[s["i"]] = os.path.join(out, name)
    return found


# --- comparing a site's two audits ---------------------------------------------------------------

def findings(run_dir: str) -> Counter:
    """The run's findings as a multiset of canonical JSON strings (dropped fields removed)."""
    out = Counter()
    try:
        with open(os.path.join(run_dir, "findings.jsonl"), encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    rec = {k: v for k, v in json.loads(line).items() if k not in FINDING_FIELDS_DROPPED}
                    out[json.dumps(rec, ensure_ascii=False, sort_keys=True)] += 1
    except OSError:
        pass
    return out


def verdict(run_dir: str) -> dict:
    """What a run says about its site: score, status, veto, page count, page URLs."""
    try:
        with open(os.path.join(run_dir, "run.json"), encoding="utf-8") as f:
            run = json.load(f)
    except (OSError, ValueError):
        run = {}
    urls = []
    try:
        with open(os.path.join(run_dir, "pages.jsonl"), encoding="utf-8") as f:
            urls = [json.loads(line)["url"] for line in f if line.strip()]
    except OSError:
        pass
    return {"score": run.get("score"), "status": run.get("status"), "veto": run.get("veto"),
            "pages": len(urls), "urls": set(urls)}


def compare(a_dir: str | None, b_dir: str) -> list[str]:
    """How the province run's directory differs from the single audit's: empty when they agree."""
    if a_dir is None:
        return ["no run directory in the province run"]
    diffs = []
    va, vb = verdict(a_dir), verdict(b_dir)
    for key in ("score", "status", "veto", "pages"):
        if va[key] != vb[key]:
            diffs.append(f"{key}: province {va[key]} vs single {vb[key]}")
    if va["urls"] != vb["urls"]:
        only_a, only_b = sorted(va["urls"] - vb["urls"]), sorted(vb["urls"] - va["urls"])
        diffs.append(f"page URLs: {len(only_a)} only in province {only_a[:3]}, {len(only_b)} only in single {only_b[:3]}")
    fa, fb = findings(a_dir), findings(b_dir)
    if fa != fb:
        only_a, only_b = list((fa - fb).elements()), list((fb - fa).elements())
        diffs.append(f"findings: {len(only_a)} only in province, {len(only_b)} only in single; e.g. "
                     f"{(only_a or only_b)[0][:300]}")
    return diffs


# --- the report ----------------------------------------------------------------------------------

def table(r: dict) -> str:
    a, b = r["province"], r.get("single")
    ideal = a["cpu"] / r["cores"]
    sum_single = (f"{b['sum_wall']:.0f} = {b['sum_wall'] / a['wall']:.1f}x wall (phase {b['phase_wall']:.0f}, "
                  f"CPU {b['sum_cpu']:.0f})" if b else "skipped")
    same = f"{r['identical']}/{r['sites']}" if b else "skipped"
    flag = " TIMEOUT" if a["timed_out"] else ("" if a["rc"] == 0 else f" rc={a['rc']}")
    return ("| sites | pages fetched | wall s | CPU s (user+sys) | ideal s (CPU/cores) | wall/ideal | "
            "peak tree RSS MB (largest process) | sum of single walls s (÷ wall) | identical findings |\n"
            "|---|---|---|---|---|---|---|---|---|\n"
            f"| {r['sites']}{flag} | {r['pages_fetched']:,} | {a['wall']:.1f} | {a['cpu']:.1f} ({a['user']:.1f}u+"
            f"{a['sys']:.1f}s) | {ideal:.1f} | {a['wall'] / ideal:.2f} | {a['peak_tree_rss_mb']:.0f} "
            f"({a['maxrss_mb']:.0f}) | {sum_single} | {same} |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sites", type=int, default=100)
    ap.add_argument("--pages", type=int, default=1000, help="pages per site on average (0.5x-1.5x)")
    ap.add_argument("--jobs", type=int, default=50, help="sites in flight in the province run (--jobs)")
    ap.add_argument("--single-parallel", type=int, default=16, help="single-site audits run at a time")
    ap.add_argument("--max-time", type=int, default=0, help="netcheck --max-time per site (0: none)")
    ap.add_argument("--slow-rate", type=float, default=2.0, help="requests/s a slow site answers")
    ap.add_argument("--port", type=int, default=8080)
    ap.add_argument("--timeout", type=float, default=6 * 3600, help="seconds before a run is stopped")
    ap.add_argument("--skip-single", action="store_true", help="only the province run (no single-site references)")
    ap.add_argument("--work", help="where sites, runs and results go (default: a new temp dir)")
    ap.add_argument("--keep", action="store_true", help="keep the generated sites")
    a = ap.parse_args()
    work = a.work or tempfile.mkdtemp(prefix="province-")
    os.makedirs(work, exist_ok=True)
    import scrapy
    print(f"machine: nproc={os.cpu_count()} python={sys.version.split()[0]} scrapy={scrapy.__version__}; work {work}")
    plan = plan_sites(a.sites, a.pages, a.port)
    kinds = Counter(s["kind"] for s in plan)
    t = time.monotonic()
    sizes = generate_sites(plan, os.path.join(work, "www"))
    print(f"sites: {a.sites} ({dict(kinds)}), {sizes.get('html_pages', 0):,} html pages + "
          f"{sizes.get('attachments', 0):,} attachments, generated in {time.monotonic() - t:.0f}s", flush=True)
    sites_file = os.path.join(work, "sites.yaml")
    write_sites_file(plan, sites_file)
    result = {"sites": a.sites, "pages": a.pages, "jobs": a.jobs, "cores": os.cpu_count(), "as_of": AS_OF,
              "kinds": dict(kinds), "generated": sizes, "max_time": a.max_time, "slow_rate": a.slow_rate}
    try:
        with Nginx(plan, work, a.slow_rate):
            result.update(measure(a, plan, work, sites_file))
    finally:
        if not a.keep:
            shutil.rmtree(os.path.join(work, "www"), ignore_errors=True)
    md = table(result)
    print("\n" + md)
    if result.get("mismatches"):
        print("\nsites whose findings differ from their single audit:")
        for site, diffs in result["mismatches"].items():
            print(f"- {site}: " + "; ".join(diffs))
    elif "single" in result:
        print(f"\nevery site's findings identical to its single audit ({result['identical']}/{a.sites})")
    with open(os.path.join(work, "province-results.md"), "w", encoding="utf-8") as f:
        f.write(md + "\n")
    with open(os.path.join(work, "province-results.json"), "w", encoding="utf-8") as f:
        json.dump(result, f, ensure_ascii=False, indent=1, default=str)
    print(f"\nresults: {work}/province-results.md, province-results.json; runs in {work}")


def measure(a, plan: list[dict], work: str, sites_file: str) -> dict:
    """(a) the province run, (b) the single-site runs, (d) the comparison; (c) is in table()."""
    out = os.path.join(work, "province")
    shutil.rmtree(out, ignore_errors=True)
    print(f"(a) province run: {' '.join(province_cmd(sites_file, out, a.jobs, a.max_time))}", flush=True)
    prov = run_tree(province_cmd(sites_file, out, a.jobs, a.max_time), os.path.join(work, "province.log"), a.timeout)
    dirs = province_dirs(out, plan)
    pages = sum(verdict(d)["pages"] for d in dirs.values())
    print(f"    wall {prov['wall']:.1f}s CPU {prov['cpu']:.1f}s peak tree RSS {prov['peak_tree_rss_mb']:.0f} MB "
          f"rc={prov['rc']}, {pages:,} pages fetched", flush=True)
    res = {"province": prov, "pages_fetched": pages}
    if a.skip_single:
        return res
    single_root = os.path.join(work, "single")
    shutil.rmtree(single_root, ignore_errors=True)
    os.makedirs(single_root)
    cmds = [(s["i"], single_cmd(s, os.path.join(single_root, f"{s['i']:03d}"), a.max_time),
             os.path.join(single_root, f"{s['i']:03d}.log")) for s in plan]
    print(f"(b) {len(cmds)} single-site audits, {a.single_parallel} at a time, e.g. {' '.join(cmds[0][1])}",
          flush=True)
    t0 = time.monotonic()
    singles = run_pool(cmds, max(1, a.single_parallel), a.timeout)
    phase = time.monotonic() - t0
    res["single"] = {"phase_wall": phase, "sum_wall": sum(r["wall"] for r in singles.values()),
                     "sum_cpu": sum(r["cpu"] for r in singles.values()),
                     "per_site": {str(i): r for i, r in sorted(singles.items())}}
    print(f"    phase wall {phase:.1f}s, sum of walls {res['single']['sum_wall']:.1f}s, "
          f"sum of CPU {res['single']['sum_cpu']:.1f}s", flush=True)
    mismatches = {}
    for s in plan:
        diffs = compare(dirs.get(s["i"]), os.path.join(single_root, f"{s['i']:03d}"))
        if diffs:
            mismatches[f"{s['i']:03d} {s['kind']} {s['portal']} {s['url']}"] = diffs
    res["mismatches"] = mismatches
    res["identical"] = len(plan) - len(mismatches)
    return res


if __name__ == "__main__":
    main()
