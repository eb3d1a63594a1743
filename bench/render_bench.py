"""What rendering costs: a page drawn in headless Chromium against a page read as sent.

    PYTHONPATH=. python bench/render_bench.py [--columns 20] [--articles 10] [--repeat 3]

A synthetic portal on 127.0.0.1 (a threaded Python server in this process, so its CPU is not
counted): a home page, COLUMNS column list pages of ARTICLES entries each, and their articles. It
is served two ways with the same content:

- plain:    every list printed in the HTML;
- scripted: every column list page an empty <ul> that fetch() fills from JSON at a URL the script
            builds by concatenation, so only a browser sees the list (crawler.render renders it).

Each crawl is crawler.run.run_crawl in a subprocess of its own (one reactor per process), the site's
pages only (no judging), with the same settings: CONCURRENT_REQUESTS(_PER_DOMAIN)=16,
DOWNLOAD_DELAY=0, AutoThrottle off, robots.txt obeyed, no cache. Wall time is time.monotonic around
the subprocess; CPU (user+sys) and max RSS (the largest single process's peak) come from os.wait4's
rusage, which includes the crawl's descendants (Playwright's driver and every Chromium process, once
they have exited).
The browser's memory is sampled every 50 ms while the crawl runs: the summed proportional set size
(PSS: shared pages split between the processes sharing them) of every descendant process of the
crawl (Playwright's driver and Chromium's processes), its peak reported.

Runs: (A) plain site, --no-render; (B) plain site, rendering on: nothing to render, no browser
started, so B-A is what having rendering on costs a crawl that needs none; (C) scripted site,
rendering on: C-A over the pages rendered is a rendered page's cost beyond the plain page it
replaces (the same page is also fetched as sent first). The median of --repeat runs is kept.

Measured 2026-12-06 on the 2-core machine of bench/RESULTS.md (other sessions' test runs sharing
it), --columns 20 --articles 10 --repeat 3, medians. Newest versions (Python 3.11, Scrapy 2.19,
scrapy-playwright 0.0.48, Playwright 1.65, Debian Chromium 150):

    run                           pages  rendered  wall s  CPU s    max RSS MB  browser PSS MB
    A plain, --no-render            221         0    2.03   1.95           132               0
    B plain, rendering on           221         0    2.20   2.01           139               0
    C scripted, rendering on        221        20    9.88   5.99           212             483

    per plain page (A):               9.2 ms wall,    8.8 ms CPU
    per rendered page ((C-A)/20):    392 ms wall,    202 ms CPU  (43x wall, 23x CPU of a plain page)
    rendering on, nothing to render (B-A): +0.17 s wall, +0.06 s CPU per crawl; browsers started: 0
    browser: 483 MB PSS at its peak (driver and Chromium processes)

A rendered page's wall time is mostly waiting: its load, then half a second of network quiet
(crawler.render.browser.settle), two pages at a time; its CPU is Chromium's. The browser is
launched once, at the first page to render. With the lowest versions pyproject.toml allows
(Scrapy 2.18, scrapy-playwright 0.0.45, which has no browser providers), Playwright's driver starts
with every crawl that could render: B-A was +0.44 s wall, +0.66 s CPU and 103 MB for the driver
(still no browser); per rendered page 433 ms wall, 279 ms CPU, the browser 462 MB.
"""
from __future__ import annotations

import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
SETTINGS = {"CONCURRENT_REQUESTS": 16, "CONCURRENT_REQUESTS_PER_DOMAIN": 16, "DOWNLOAD_DELAY": 0,
            "AUTOTHROTTLE_ENABLED": False, "ROBOTSTXT_OBEY": True, "HTTPCACHE_ENABLED": False, "LOG_LEVEL": "WARNING",
            "NETCHECK_PROGRESS_INTERVAL": 0}
FRAME = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title></head><body>
<div class="nav"><a href="/">首页</a> {nav}</div>
<div class="position">当前位置：<a href="/">首页</a> &gt; {crumb}</div>
<div class="main">{body}</div><div class="footer">主办单位：示范市某某局 网站标识码：0000000002</div></body></html>"""
SCRIPTED_LIST = """<ul class="list" id="list"></ul>
<script>
  fetch('/api/' + 'col{c}' + '/list' + '.json').then(function (r) {{ return r.json(); }}).then(function (data) {{
    document.getElementById('list').innerHTML = data.rows.map(function (row) {{
      return '<li><a href="' + row.url + '">' + row.title + '</a><span>' + row.date + '</span></li>';
    }}).join('');
  }});
</script>"""


def build_site(columns: int, articles: int, scripted: bool) -> dict[str, tuple[str, bytes]]:
    nav = " ".join(f"<a href='/col{c}/'>栏目{c}</a>" for c in range(columns))
    page = lambda title, crumb, body: ("text/html; charset=utf-8",
                                       FRAME.format(title=title, nav=nav, crumb=crumb, body=body).encode())
    site = {"/": page("首页", "", "<p>欢迎访问</p>"),
            "/robots.txt": ("text/plain", b"User-agent: *\nDisallow:\n")}
    for c in range(columns):
        items = [(f"/col{c}/t201606{1 + a % 28:02d}_{a}.html", f"栏目{c}的第{a}条信息", f"2016-06-{1 + a % 28:02d}")
                 for a in range(articles)]
        listed = "<ul class='list'>" + "".join(f"<li><a href='{u}'>{t}</a><span>{d}</span></li>" for u, t, d in items) + "</ul>"
        crumb = f"<a href='/col{c}/'>栏目{c}</a>"
        site[f"/col{c}/"] = page(f"栏目{c}", crumb, SCRIPTED_LIST.format(c=c) if scripted else listed)
        site[f"/api/col{c}/list.json"] = ("application/json", json.dumps(
            {"rows": [{"title": t, "url": u, "date": d} for u, t, d in items]}, ensure_ascii=False).encode())
        for u, t, d in items:
            site[u] = page(t, crumb, f"<h1>{t}</h1><div>发布日期：{d}</div><div class='TRS_Editor'><p>"
                                     + "根据工作安排，现将有关事项公布如下。" * 8 + "</p></div>")
    return site


class Site(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, pages):
        self.pages = pages
        super().__init__(("127.0.0.1", 0), _Handler)
        threading.Thread(target=self.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/"


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_GET(self, body=True):
        kind, data = self.server.pages.get(self.path.split("?")[0], ("text/html", b""))
        self.send_response(200 if self.path.split("?")[0] in self.server.pages else 404)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if body:
            self.wfile.write(data)

    def do_HEAD(self):
        self.do_GET(body=False)


CRAWL = """
import json, sys
from crawler.plan import CrawlPlan
from crawler.run import run_crawl
url, out, budget, settings = sys.argv[1], sys.argv[2], int(sys.argv[3]), json.loads(sys.argv[4])
stats = run_crawl(CrawlPlan(url, render_budget=budget), out, settings)["stats"]
print(json.dumps({k: v for k, v in stats.items() if k.startswith(("netcheck/", "playwright/browser"))}))
"""


def _descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    out, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            out.append(child)
            todo.append(child)
    return out


def _pss_mb(pids: list[int]) -> float:
    """Summed proportional set size (shared pages split between the processes sharing them: Chromium's
    processes share most of their code), else RSS where smaps_rollup is not readable."""
    total = 0.0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/smaps_rollup") as f:
                total += next(int(line.split()[1]) for line in f if line.startswith("Pss:")) * 1024
        except (OSError, StopIteration, ValueError):
            try:
                with open(f"/proc/{pid}/statm") as f:
                    total += int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
            except (OSError, IndexError, ValueError):
                pass
    return total / 2 ** 20


def crawl(url: str, budget: int, work: str) -> dict:
    """One crawl in a subprocess: wall, CPU and peak RSS (crawl process, its descendants), its stats."""
    out = os.path.join(work, f"pages-{time.monotonic_ns()}.jsonl")
    env = {**os.environ, "PYTHONPATH": REPO}
    t0 = time.monotonic()
    p = subprocess.Popen([sys.executable, "-c", CRAWL, url, out, str(budget), json.dumps(SETTINGS)], cwd=REPO, env=env,
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, start_new_session=True)
    browser_peak = 0.0
    while True:
        pid, status, ru = os.wait4(p.pid, os.WNOHANG)
        if pid:
            break
        browser_peak = max(browser_peak, _pss_mb(_descendants(p.pid)))
        if time.monotonic() - t0 > 600:
            os.killpg(p.pid, signal.SIGKILL)
        time.sleep(0.05)
    wall = time.monotonic() - t0
    stats = json.loads(p.stdout.read().decode().strip().splitlines()[-1])
    with open(out, encoding="utf-8") as f:
        records = [json.loads(line) for line in f]
    return {"wall": wall, "cpu": ru.ru_utime + ru.ru_stime, "rss": ru.ru_maxrss / 1024, "browser": browser_peak,
            "pages": len({r["url"] for r in records}), "rendered": sum(1 for r in records if r["rendered"]),
            "browsers": stats.get("playwright/browser_count", 0)}


def median_run(url: str, budget: int, work: str, repeat: int) -> dict:
    runs = [crawl(url, budget, work) for _ in range(repeat)]
    return {key: statistics.median(r[key] for r in runs) for key in runs[0]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--columns", type=int, default=20)
    ap.add_argument("--articles", type=int, default=10)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    plain = Site(build_site(args.columns, args.articles, scripted=False))
    scripted = Site(build_site(args.columns, args.articles, scripted=True))
    with tempfile.TemporaryDirectory() as work:
        rows = [("A plain, --no-render", median_run(plain.url, 0, work, args.repeat)),
                ("B plain, rendering on", median_run(plain.url, 50, work, args.repeat)),
                ("C scripted, rendering on", median_run(scripted.url, 10 ** 6, work, args.repeat))]
    print(f"{'run':28} {'pages':>6} {'rendered':>9} {'wall s':>7} {'CPU s':>6} {'max RSS MB':>13} {'browser PSS MB':>15}")
    for name, r in rows:
        print(f"{name:28} {r['pages']:6.0f} {r['rendered']:9.0f} {r['wall']:7.2f} {r['cpu']:6.2f} {r['rss']:13.0f} "
              f"{r['browser']:15.0f}")
    a, b, c = (r for _, r in rows)
    n = max(c["rendered"], 1)
    print(f"\nper plain page (A):            {1000 * a['wall'] / a['pages']:6.1f} ms wall, {1000 * a['cpu'] / a['pages']:6.1f} ms CPU")
    print(f"per rendered page ((C-A)/{n:.0f}): {1000 * (c['wall'] - a['wall']) / n:6.0f} ms wall, "
          f"{1000 * (c['cpu'] - a['cpu']) / n:6.0f} ms CPU  ({(c['wall'] - a['wall']) / n / (a['wall'] / a['pages']):.0f}x wall, "
          f"{(c['cpu'] - a['cpu']) / n / (a['cpu'] / a['pages']):.0f}x CPU of a plain page)")
    print(f"rendering on, nothing to render (B-A): {b['wall'] - a['wall']:+.2f} s wall, {b['cpu'] - a['cpu']:+.2f} s CPU "
          f"per crawl; browsers started: {b['browsers']:.0f}")
    print(f"browser: {c['browser']:.0f} MB PSS at its peak (driver and Chromium processes)")


if __name__ == "__main__":
    main()
