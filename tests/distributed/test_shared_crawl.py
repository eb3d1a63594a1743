"""One site crawled by a coordinator (`netcheck audit --redis`) and two `netcheck worker`
processes sharing a Redis frontier and seen-set: the same pages and findings as one process."""
import json
import signal
import subprocess
import sys
import time

import pytest
import redis
from e2erun import ROOT, audit_cmd, env_with_cache, run_audit
from mixed_site import MixedSite

COMMON = ["--no-cache", "--no-history"]


def records(out):
    return [json.loads(l) for l in (out / "pages.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]


def fingerprints(out):
    return sorted(json.loads(l)["fingerprint"] for l in (out / "findings.jsonl").read_text(encoding="utf-8").splitlines()
                  if l.strip())


def same_pages(got, want):
    """The same URLs, except which query variants of a trap-guarded path (the calendar) were fetched:
    crawler.traps admits the first NETCHECK_MAX_QUERY_VARIANTS it meets, and with several processes
    "first" depends on timing. Their number is the same."""
    def split(records):
        guarded = [r["url"] for r in records if "/calendar.jsp?" in r["url"]]
        return {r["url"] for r in records} - set(guarded), len(set(guarded))
    assert split(got) == split(want)


def worker_cmd(redis_url, site_url):
    return [sys.executable, "-m", "netcheck", "worker", "--redis", redis_url, "--site", site_url, "--wait", "30"]


def start_workers(redis_url, site_url, env, n=2):
    return [subprocess.Popen(worker_cmd(redis_url, site_url), env=env, cwd=ROOT, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True) for _ in range(n)]


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    """The mixed site (slowed a little, so that a crawl can be stopped midway) and its single-process audit."""
    tmp = tmp_path_factory.mktemp("single")
    site = MixedSite(delay=0.03).start()
    try:
        single = run_audit(site.url, tmp / "single", env_with_cache(tmp / "cache"), *COMMON)
        assert single.returncode == 0, single.stderr
        yield site, tmp / "single"
    finally:
        site.stop()


def test_coordinator_and_two_workers_crawl_what_one_process_crawls(tmp_path, redis_url, reference):
    env = env_with_cache(tmp_path / "cache")
    site, single = reference
    workers = start_workers(redis_url, site.url, env)
    coordinator = run_audit(site.url, tmp_path / "shared", env, *COMMON, "--redis", redis_url,
                            "--workers-only-wait", "2")
    outputs = [w.communicate(timeout=60) for w in workers]
    assert coordinator.returncode == 0, coordinator.stderr
    assert all(w.returncode == 0 for w in workers), [o[1][-2000:] for o in outputs]

    shared = records(tmp_path / "shared")
    urls = [r["url"] for r in shared]
    assert len(urls) == len(set(urls)), "a page was fetched twice"
    same_pages(shared, records(single))
    assert fingerprints(tmp_path / "shared") == fingerprints(single)
    assert all("个地址，出错" in out for out, _ in outputs), outputs
    # a finished crawl leaves nothing behind but its `done` marker (which stops late workers)
    server = redis.Redis.from_url(redis_url)
    assert [k for k in server.keys("netcheck:*") if not k.endswith(b":done")] == []


def test_a_shared_crawl_stopped_midway_resumes_with_the_same_findings(tmp_path, redis_url, reference):
    """Coordinator and workers killed (SIGKILL) midway; the queue and seen-set stay in Redis, the drained
    records in pages.jsonl; `audit --redis --resume` with new workers ends with the same findings."""
    env = env_with_cache(tmp_path / "cache")
    site, single = reference
    total = len(records(single))
    out = tmp_path / "shared"
    workers = start_workers(redis_url, site.url, env)
    # Slowed down (the settings reach the workers through Redis): on loopback the whole site is
    # otherwise fetched and drained in the moment between seeing a third of it and the kill.
    slow = ["-s", "DOWNLOAD_DELAY=0.15", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1"]
    coordinator = subprocess.Popen(audit_cmd(site.url, out, *COMMON, *slow, "--redis", redis_url), env=env,
                                   cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    pages = out / "pages.jsonl"
    deadline = time.time() + 60
    while time.time() < deadline and coordinator.poll() is None and (
            not pages.is_file() or pages.read_text(encoding="utf-8").count("\n") < total // 3):
        time.sleep(0.05)
    assert coordinator.poll() is None, "the crawl ended before it could be stopped"
    for proc in [*workers, coordinator]:
        proc.kill()
    for proc in [*workers, coordinator]:
        proc.wait(timeout=30)
    assert pages.read_text(encoding="utf-8").count("\n") < total
    server = redis.Redis.from_url(redis_url)
    assert server.exists(f"netcheck:{site.url.split('://')[1].rstrip('/')}:dupefilter")

    workers = start_workers(redis_url, site.url, env)
    resumed = run_audit(site.url, out, env, *COMMON, "--redis", redis_url, "--resume",
                        "--workers-only-wait", "2")
    for w in workers:
        w.communicate(timeout=60)
    assert resumed.returncode == 0, resumed.stderr
    urls = [r["url"] for r in records(out)]
    assert len(urls) == len(set(urls))
    same_pages(records(out), records(single))
    assert fingerprints(out) == fingerprints(single)
