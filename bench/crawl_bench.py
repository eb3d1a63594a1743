"""Crawl benchmark: netcheck's full audit against a bare Scrapy CrawlSpider on the same site.

    python bench/crawl_bench.py [--pages 20000] [--big 100000] [--timeout 900] [--floor] [--links-only] [--portal synth|cms]

Generates a synthetic portal (bench/synthportal.py, or with --portal cms bench/cmsportal.py: other
CMS shapes, larger pages) in a temp dir, serves it with nginx
(/usr/sbin/nginx, else a threaded Python server), then runs, each in its own subprocess
(rusage read with os.wait4): (1) bench/bare_spider.py through `scrapy runspider`, (2)
`python -m netcheck audit` with every rule on; same settings for both. With --floor, (3) Scrapy
fetching the URLs the audit recorded and doing nothing else (bench/floor_spider.py): the part of
the cost no Scrapy crawler avoids. With --links-only, (4) the audit with nothing extracted but the links
(bench/links_only_audit.py): what it would cost if every extractor were free. With --big N, netcheck alone again on an N-page site, for peak
memory against size. Not part of the test suite.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import cmsportal  # noqa: E402
import synthportal  # noqa: E402

PY = sys.executable
SETTINGS = {
    "CONCURRENT_REQUESTS": 32,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 32,
    "DOWNLOAD_DELAY": 0,
    "AUTOTHROTTLE_ENABLED": False,
    "ROBOTSTXT_OBEY": True,
    "LOG_LEVEL": "WARNING",
    "HTTPCACHE_ENABLED": False,
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """nginx if installed, else http.server's ThreadingHTTPServer, in the background."""

    def __init__(self, root: str, work: str):
        self.root, self.work = root, work
        self.port = free_port()
        self.proc = None
        self.httpd = None
        self.kind = ""

    def __enter__(self):
        nginx = "/usr/sbin/nginx"
        if os.path.exists(nginx):
            conf = os.path.join(self.work, "nginx.conf")
            user = "user root;\n" if os.geteuid() == 0 else ""
            with open(conf, "w") as f:
                f.write(f"""{user}daemon off;
worker_processes 1;
pid {self.work}/nginx.pid;
error_log {self.work}/nginx-error.log warn;
events {{ worker_connections 1024; }}
http {{
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  types {{ text/html html; application/pdf pdf; text/plain txt; }}
  default_type application/octet-stream;
  charset utf-8;
  server {{
    listen 127.0.0.1:{self.port};
    root {self.root};
    index index.html;
    {cmsportal.NGINX_PAGING}
  }}
}}
""")
            self.proc = subprocess.Popen([nginx, "-p", self.work, "-c", conf],
                                         stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
            self.kind = "nginx 1 worker"
        else:
            import functools
            from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

            class Quiet(SimpleHTTPRequestHandler):
                def log_message(self, *a):
                    pass

                def translate_path(self, path):  # cmsportal's ?pageIndex=N pages
                    return super().translate_path(cmsportal.paged_path(path))
            self.httpd = ThreadingHTTPServer(("127.0.0.1", self.port),
                                             functools.partial(Quiet, directory=self.root))
            threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
            self.kind = "Python ThreadingHTTPServer (in the bench process)"
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.05)
        return self

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/index.html"

    def __exit__(self, *exc):
        if self.proc:
            self.proc.send_signal(signal.SIGQUIT)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        if self.httpd:
            self.httpd.shutdown()


def run_measured(cmd: list[str], cwd: str, timeout: float, log: str) -> dict:
    """Run cmd in its own process group; wall time and the child's rusage via os.wait4."""
    with open(log, "wb") as out:
        t0 = time.monotonic()
        p = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        timed_out = False
        while True:
            pid, status, ru = os.wait4(p.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() - t0 > timeout:
                timed_out = True
                os.killpg(p.pid, signal.SIGINT)  # Scrapy closes cleanly on the first SIGINT
                t1 = time.monotonic()
                while True:
                    pid, status, ru = os.wait4(p.pid, os.WNOHANG)
                    if pid:
                        break
                    if time.monotonic() - t1 > 60:
                        os.killpg(p.pid, signal.SIGKILL)
                        pid, status, ru = os.wait4(p.pid, 0)
                        break
                    time.sleep(0.1)
                break
            time.sleep(0.05)
        wall = time.monotonic() - t0
        p.returncode = os.waitstatus_to_exitcode(status)
    return {"wall": wall, "cpu": ru.ru_utime + ru.ru_stime,
            "user": ru.ru_utime, "sys": ru.ru_stime,
            "maxrss_mb": ru.ru_maxrss / 1024, "rc": p.returncode, "timed_out": timed_out}


def bare(url: str, work: str, timeout: float) -> dict:
    stats = os.path.join(work, "bare-stats.json")
    cmd = [PY, "-m", "scrapy", "runspider", os.path.join(HERE, "bare_spider.py"), "-a", f"start={url}",
           "-a", f"stats={stats}", "-s", "TELNETCONSOLE_ENABLED=False"]
    for k, v in SETTINGS.items():
        cmd += ["-s", f"{k}={v}"]
    # cwd outside the repository: scrapy.cfg would otherwise load netcheck's project settings
    r = run_measured(cmd, work, timeout, os.path.join(work, "bare.log"))
    try:
        with open(stats) as f:
            s = json.load(f)
        r["pages"] = int(s.get("response_received_count", 0))
        r["requests"] = int(s.get("downloader/request_count", 0))
    except (OSError, ValueError):
        r["pages"] = r["requests"] = 0
    r["name"] = "bare CrawlSpider"
    return r


def floor(audit_out: str, work: str, timeout: float) -> dict:
    """Scrapy fetching the URLs the audit recorded, doing nothing else (bench/floor_spider.py)."""
    urls = os.path.join(work, "floor-urls.txt")
    with open(os.path.join(audit_out, "pages.jsonl"), encoding="utf-8") as f, open(urls, "w") as out:
        out.write("\n".join(json.loads(line)["url"] for line in f if line.strip()))
    stats = os.path.join(work, "floor-stats.json")
    cmd = [PY, "-m", "scrapy", "runspider", os.path.join(HERE, "floor_spider.py"), "-a", f"urls={urls}",
           "-a", f"stats={stats}", "-s", "TELNETCONSOLE_ENABLED=False", "-s", "CONCURRENT_ITEMS=1"]
    for k, v in SETTINGS.items():
        cmd += ["-s", f"{k}={v}"]
    r = run_measured(cmd, work, timeout, os.path.join(work, "floor.log"))
    try:
        with open(stats) as f:
            r["pages"] = int(json.load(f).get("response_received_count", 0))
    except (OSError, ValueError):
        r["pages"] = 0
    r["name"] = "Scrapy fetch floor (same URLs, no parsing)"
    return r


def netcheck(url: str, work: str, timeout: float, tag: str, links_only: bool = False) -> dict:
    out = os.path.join(work, f"run-{tag}")
    launch = [PY, os.path.join(HERE, "links_only_audit.py")] if links_only else [PY, "-m", "netcheck"]
    cmd = [*launch, "audit", url, "--out", out, "--no-history", "--no-cache",
           "--allow-private", "--fail-on", "never", "--as-of", "2017-01-31"]
    for k, v in SETTINGS.items():
        cmd += ["-s", f"{k}={v}"]
    env_cwd = REPO
    r = run_measured(cmd, env_cwd, timeout, os.path.join(work, f"netcheck-{tag}.log"))
    pages = 0
    try:
        with open(os.path.join(out, "pages.jsonl"), "rb") as f:
            for _ in f:
                pages += 1
    except OSError:
        pass
    r["pages"] = pages
    r["name"] = f"netcheck audit ({tag})"
    r["out"] = out
    return r


def make_site(portal: str, root: str, n_pages: int) -> dict:
    """The portal generator chosen by --portal: synthportal (TRS, small pages) or cmsportal (Hanweb,
    集约化 and Lonsun shapes, 30-60 KB pages), so a gain is not tuned to one shape."""
    if portal == "cms":
        return cmsportal.generate(n_pages, root)
    return synthportal.generate(root, n_pages)


def row(r: dict) -> str:
    pps = r["pages"] / r["wall"] if r["wall"] else 0
    ppc = r["pages"] / r["cpu"] if r["cpu"] else 0
    flag = " TIMEOUT" if r["timed_out"] else ("" if r["rc"] == 0 else f" rc={r['rc']}")
    return (f"| {r['name']}{flag} | {r['pages']} | {r['wall']:.1f} | {pps:.0f} | {r['cpu']:.1f} "
            f"({r['user']:.1f}u+{r['sys']:.1f}s) | {ppc:.0f} | {r['maxrss_mb']:.0f} |")


HEADER = ("| run | pages fetched | wall s | pages/s | CPU s | pages/CPU s | peak RSS MB |\n"
          "|---|---|---|---|---|---|---|")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=20000)
    ap.add_argument("--big", type=int, default=0, help="also run netcheck alone on a site of this many pages (bigger or smaller), for peak memory against size")
    ap.add_argument("--timeout", type=float, default=900, help="seconds per run")
    ap.add_argument("--skip-bare", action="store_true")
    ap.add_argument("--floor", action="store_true", help="also fetch the audit's URLs with a do-nothing Scrapy spider: the framework's floor")
    ap.add_argument("--keep", action="store_true", help="keep the temp dir")
    ap.add_argument("--links-only", action="store_true",
                    help="also audit with nothing extracted but the links (bench/links_only_audit.py): the bound on extractor cuts")
    ap.add_argument("--portal", choices=("synth", "cms"), default="synth",
                    help="site generator: bench/synthportal.py (synth) or bench/cmsportal.py (cms)")
    a = ap.parse_args()
    work = tempfile.mkdtemp(prefix="crawlbench-")
    import scrapy
    print(f"machine: nproc={os.cpu_count()} python={platform.python_version()} scrapy={scrapy.__version__} "
          f"{platform.platform()}")
    print(f"settings (both): {SETTINGS}")
    results = []
    try:
        site = os.path.join(work, f"site-{a.pages}")
        t = time.monotonic()
        info = make_site(a.portal, site, a.pages)
        print(f"site ({a.portal}portal): {info['html_pages']} html pages + {info['attachments']} attachments in "
              f"{time.monotonic() - t:.1f}s")
        with Server(site, work) as srv:
            print(f"server: {srv.kind} at {srv.url}")
            if not a.skip_bare:
                results.append(bare(srv.url, work, a.timeout))
                print(HEADER.splitlines()[0]) if len(results) == 1 else None
                print(row(results[-1]), flush=True)
            results.append(netcheck(srv.url, work, a.timeout, f"{a.pages}"))
            print(row(results[-1]), flush=True)
            if a.floor:
                results.append(floor(results[-1]["out"], work, a.timeout))
                print(row(results[-1]), flush=True)
            if a.links_only:
                results.append(netcheck(srv.url, work, a.timeout, "links-only", links_only=True))
                print(row(results[-1]), flush=True)
        if a.big:
            shutil.rmtree(site, ignore_errors=True)
            site = os.path.join(work, f"site-{a.big}")
            info = make_site(a.portal, site, a.big)
            print(f"site: {info['html_pages']} html pages + {info['attachments']} attachments")
            with Server(site, work) as srv:
                results.append(netcheck(srv.url, work, a.timeout, f"{a.big}"))
                print(row(results[-1]), flush=True)
        print()
        print(HEADER)
        for r in results:
            print(row(r))
        by = {r["name"]: r for r in results}
        b = by.get("bare CrawlSpider")
        n = by.get(f"netcheck audit ({a.pages})")
        if b and n and b["cpu"] and n["cpu"]:
            ratio = (n["pages"] / n["cpu"]) / (b["pages"] / b["cpu"])
            print(f"\nnetcheck/bare pages per CPU second: {ratio:.2f} (goal >= 3)")
            fl = by.get("Scrapy fetch floor (same URLs, no parsing)")
            lo = by.get("netcheck audit (links-only)")
            if lo and lo["cpu"]:
                print(f"links-only audit/bare pages per CPU second: {(lo['pages'] / lo['cpu']) / (b['pages'] / b['cpu']):.2f} "
                      "(the most faster extractors could reach)")
            if fl and fl["cpu"]:
                print(f"floor/bare pages per CPU second: {(fl['pages'] / fl['cpu']) / (b['pages'] / b['cpu']):.2f} "
                      "(the most any Scrapy crawler could reach on this site)")
        if a.big and n:
            big = by.get(f"netcheck audit ({a.big})")
            if big:
                lo, hi = sorted([(a.pages, n), (a.big, big)], key=lambda x: x[0])
                print(f"peak RSS {hi[0]} / {lo[0]} pages: {hi[1]['maxrss_mb']:.0f} / {lo[1]['maxrss_mb']:.0f} MB "
                      f"= {hi[1]['maxrss_mb'] / lo[1]['maxrss_mb']:.2f} (goal <= 1.5)")
        print(f"\nlogs and runs in {work}")
    finally:
        if not a.keep:
            for d in os.listdir(work):
                if d.startswith("site-"):
                    shutil.rmtree(os.path.join(work, d), ignore_errors=True)


if __name__ == "__main__":
    main()
