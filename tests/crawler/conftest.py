"""Fixtures for the crawler tests: saved pages as Scrapy responses, and a local portal to crawl.

The local portal serves tests/data/site_small/ on 127.0.0.1 (ephemeral port) and
adds what a static server cannot: a redirect and an attachment whose server
refuses HEAD (405). Whole crawls run in a subprocess, because Twisted's reactor
cannot be restarted inside one pytest process.
"""
from __future__ import annotations

import functools
import json
import os
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from scrapy.http import HtmlResponse

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "tests" / "data"
SITE_DIR = DATA / "site_small"
REDIRECTS = {"/old-notice.html": "/zwgk/xzcf/201603/t20160310_1.html"}
HEAD_REFUSED = {"/files/nohead.pdf"}
# Fast settings for a local server: no politeness delays, short timeouts.
FAST_CRAWL = {"AUTOTHROTTLE_ENABLED": False, "DOWNLOAD_DELAY": 0, "DOWNLOAD_TIMEOUT": 5, "LOG_LEVEL": "WARNING"}


def page_response(name: str, url: str, headers: dict | None = None) -> HtmlResponse:
    """A saved page from tests/data/pages as if fetched from `url`."""
    return HtmlResponse(url=url, body=(DATA / "pages" / name).read_bytes(), headers=headers)


@pytest.fixture
def saved_page():
    return page_response


class PortalHandler(SimpleHTTPRequestHandler):
    def _special(self) -> bool:
        if self.path in REDIRECTS:
            self.send_response(302)
            self.send_header("Location", REDIRECTS[self.path])
            self.send_header("Content-Length", "0")
            self.end_headers()
            return True
        if self.command == "HEAD" and self.path in HEAD_REFUSED:
            self.send_error(405)
            return True
        return False

    def do_GET(self):
        if not self._special():
            super().do_GET()

    def do_HEAD(self):
        if not self._special():
            super().do_HEAD()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def site_url():
    """Base URL ('http://127.0.0.1:PORT/') of the small test portal, served for the whole session."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(PortalHandler, directory=str(SITE_DIR)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def run_crawl_subprocess(start_url: str, out: Path, settings: dict, max_pages: int | None = None, **options):
    """Run crawler.run.run_crawl in a fresh Python, from a directory outside the repo.

    `options` are the crawl plan's other fields (crawler.plan.CrawlPlan: max_seconds, check_external).
    Returns (stats dict, list of page records); stats['netcheck'] holds the crawl's
    netcheck/* and retry/* counters.
    """
    code = (
        "import json, sys\n"
        "from pathlib import Path\n"
        "from crawler.plan import CrawlPlan\n"
        "from crawler.run import run_crawl\n"
        "start, out, settings, max_pages, options = json.loads(sys.argv[1])\n"
        "plan = CrawlPlan(start_url=start, max_pages=max_pages, **options)\n"
        "stats = run_crawl(plan, Path(out), settings=settings)\n"
        "full = stats.pop('stats')\n"
        "stats['netcheck'] = {k: v for k, v in full.items() if k.startswith(('netcheck/', 'retry/'))}\n"
        "print(json.dumps(stats))\n"
    )
    args = json.dumps([start_url, str(out), settings, max_pages, options])
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, "-c", code, args], capture_output=True, text=True,
                          cwd=out.parent, env=env, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    stats = json.loads(done.stdout.strip().splitlines()[-1])
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    return stats, records


@pytest.fixture(scope="session")
def crawl_runner():
    """run_crawl_subprocess with the fast local settings:
    (start_url, out_path, max_pages=None, settings=None, **options) -> (stats, records)."""
    return lambda start_url, out, max_pages=None, settings=None, **options: run_crawl_subprocess(
        start_url, out, {**FAST_CRAWL, **(settings or {})}, max_pages, **options)


@pytest.fixture(scope="module")
def small_crawl(site_url, tmp_path_factory):
    """One crawl of the small portal: (base URL, stats, records by requested URL)."""
    out = tmp_path_factory.mktemp("crawl") / "pages.jsonl"
    stats, records = run_crawl_subprocess(site_url, out, FAST_CRAWL)
    return site_url, stats, records
