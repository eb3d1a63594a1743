"""`netcheck audit --sites FILE --scrapyd URL,URL`: the sites' crawls spread over two real Scrapyd nodes as jobs,
each site judged here as its own single-site audit would be; a node that cannot be reached passes its sites on
to the other. The judging is the same SiteJudge as the one-machine path (tests/sites/test_one_process.py)."""
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.request import urlopen

import pytest
from mixed_site import MixedSite

from netcheck.demo.server import serve

sys.path.append(str(Path(__file__).resolve().parents[1] / "sites"))  # running netcheck as the --sites tests do
from sitesrun import FAST, ROOT, run_netcheck  # noqa: E402
from trapsite import TrapSite  # noqa: E402

AS_OF = "2016-06-30"
# As tests/sites/test_one_process.py: retries, so that the mixed site's busy.html (429 on its first hit only) is
# read alike by whichever audit comes first.
OPTIONS = ["--as-of", AS_OF, "--no-history", "--no-cache", "--fail-on", "never", *FAST,
           "-s", "DOWNLOAD_TIMEOUT=4", "-s", "RETRY_TIMES=2"]


def _closed_url() -> str:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return f"http://127.0.0.1:{port}/"


@pytest.fixture(scope="module")
def sites(small_sites):
    """Four local sites: the mixed test site, the demo portal twice, a port nothing listens on."""
    demo2, demo2_url = serve()
    yield {**small_sites, "demo2": demo2_url + "/"}
    demo2.shutdown()


def run_sites(tmp: Path, listed: dict, nodes: list[str]) -> dict:
    (tmp / "sites.yaml").write_text("".join(f"- department: 局{i}\n  url: {url}\n" for i, url in enumerate(listed.values())),
                                    encoding="utf-8")
    result = run_netcheck("audit", "--sites", tmp / "sites.yaml", "--out", tmp / "out", "--jobs", "4",
                          "--scrapyd", ",".join(nodes), *OPTIONS, cwd=tmp, timeout=180)
    ranking = json.loads((tmp / "out" / "ranking.json").read_text(encoding="utf-8"))
    return {"out": tmp / "out", "by_url": {e["url"]: e for e in ranking["sites"]}, "listed": listed, "result": result}


def run_json(run: dict, which: str) -> dict:
    entry = run["by_url"][run["listed"][which]]
    return json.loads((run["out"] / entry["run_dir"] / "run.json").read_text(encoding="utf-8"))


def findings(run_dir: Path) -> list:
    rows = [json.loads(line) for line in (run_dir / "findings.jsonl").read_text(encoding="utf-8").splitlines()]
    return sorted((f["rule"], f["fingerprint"], f["severity"], f["points"]) for f in rows)


def finished_jobs(url: str) -> set[str]:
    with urlopen(url + "listjobs.json?project=netcheck") as response:
        return {job["id"] for job in json.load(response)["finished"]}


@pytest.fixture(scope="module")
def two_nodes(sites, deployed, scrapyd_url, second_scrapyd_url, tmp_path_factory):
    return run_sites(tmp_path_factory.mktemp("two-nodes"), sites, [scrapyd_url, second_scrapyd_url])


@pytest.fixture(scope="module")
def one_node_down(sites, deployed, second_scrapyd_url, tmp_path_factory):
    """The first node given is a port nothing listens on."""
    return run_sites(tmp_path_factory.mktemp("one-down"), sites, [_closed_url(), second_scrapyd_url])


@pytest.fixture(scope="module")
def single(sites, single_site_audit):
    """Each site's own single-site local audit (made once for the session: tests/sites compares with them too)."""
    return lambda which: single_site_audit(sites[which], *OPTIONS)


def test_every_site_ends_with_its_jobs_on_both_nodes(two_nodes, scrapyd_url, second_scrapyd_url):
    assert two_nodes["result"].returncode == 0, two_nodes["result"].stderr
    assert all(e["status"] == "ok" for e in two_nodes["by_url"].values())
    jobs = {which: run_json(two_nodes, which)["crawl"]["scrapyd"] for which in two_nodes["listed"]}
    on = {url: {j["job"] for j in jobs.values() if j["url"] == url} for url in (scrapyd_url, second_scrapyd_url)}
    assert all(on.values()), jobs  # both nodes crawled
    assert on[scrapyd_url] <= finished_jobs(scrapyd_url) and on[second_scrapyd_url] <= finished_jobs(second_scrapyd_url)
    # The console is the sites' progress; which node and job crawled a site is in its audit.log.
    stderr = two_nodes["result"].stderr
    assert [line for line in stderr.splitlines() if line.startswith("netcheck: [")][-1].startswith("netcheck: [4/4]")
    assert "任务" not in stderr
    entry = two_nodes["by_url"][two_nodes["listed"]["demo"]]
    log = (two_nodes["out"] / entry["run_dir"] / "audit.log").read_text(encoding="utf-8")
    assert f"任务 {jobs['demo']['job']}" in log


@pytest.mark.parametrize("which", ["mixed", "demo", "closed"])
def test_each_site_is_judged_as_its_own_single_site_audit(two_nodes, which, single):
    entry = two_nodes["by_url"][two_nodes["listed"][which]]
    assert entry["status"] == "ok", entry["error"]
    assert findings(two_nodes["out"] / entry["run_dir"]) == findings(single(which))
    multi, alone = run_json(two_nodes, which), json.loads((single(which) / "run.json").read_text(encoding="utf-8"))
    assert (multi["score"], multi["status"], multi["crawl"]["pages"]) == \
        (alone["score"], alone["status"], alone["crawl"]["pages"])


def test_a_node_that_cannot_be_reached_passes_its_sites_to_the_other(one_node_down, second_scrapyd_url, single):
    assert one_node_down["result"].returncode == 0, one_node_down["result"].stderr
    for which in one_node_down["listed"]:
        assert one_node_down["by_url"][one_node_down["listed"][which]]["status"] == "ok"
        assert run_json(one_node_down, which)["crawl"]["scrapyd"]["url"] == second_scrapyd_url
    entry = one_node_down["by_url"][one_node_down["listed"]["demo"]]
    assert findings(one_node_down["out"] / entry["run_dir"]) == findings(single("demo"))


def test_a_node_that_refuses_the_job_passes_the_site_to_the_other(sites, deployed, bare_scrapyd_url,
                                                                  second_scrapyd_url, tmp_path):
    listed = {"demo": sites["demo"], "closed": sites["closed"]}
    run = run_sites(tmp_path, listed, [bare_scrapyd_url, second_scrapyd_url])
    assert run["result"].returncode == 0, run["result"].stderr
    for which in listed:
        assert run["by_url"][listed[which]]["status"] == "ok"
        assert run_json(run, which)["crawl"]["scrapyd"]["url"] == second_scrapyd_url


def test_no_node_that_answers_fails_each_site_in_one_line(sites, tmp_path):
    listed = {"demo": sites["demo"]}
    run = run_sites(tmp_path, listed, [_closed_url(), _closed_url()])
    assert run["result"].returncode == 1  # a failed audit vouches for nothing, even with --fail-on never
    [entry] = run["by_url"].values()
    assert entry["status"] == "failed"
    [line] = entry["error"].splitlines()
    assert line.startswith("抓取失败：没有 Scrapyd 节点能运行这个网站的抓取（无法连接 ") and line.count("无法连接") == 2


def test_a_single_site_audit_takes_one_scrapyd(tmp_path):
    done = run_netcheck("audit", "http://127.0.0.1:1/", "--allow-private", "--scrapyd",
                        "http://127.0.0.1:1/,http://127.0.0.1:2/", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "netcheck: 审计一个网址时 --scrapyd 只能给一个 Scrapyd 地址；以逗号分隔的多个地址用于 --sites"]


def running_jobs(url: str) -> list:
    with urlopen(url + "listjobs.json?project=netcheck") as response:
        return json.load(response)["running"]


def test_ctrl_c_cancels_the_running_jobs_and_judges_what_they_copied(deployed, scrapyd_url, second_scrapyd_url,
                                                                     tmp_path):
    traps = [TrapSite(delay=0.2).start() for _ in range(2)]  # each answer after a while: crawls that never end
    (tmp_path / "sites.yaml").write_text("".join(f"- department: 局{i}\n  url: http://127.0.0.1:{t.server_port}/\n"
                                                 for i, t in enumerate(traps)), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NETCHECK_CACHE_DIR": str(tmp_path / "cache")}
    client = subprocess.Popen([sys.executable, "-m", "netcheck", "audit", "--sites", tmp_path / "sites.yaml",
                               "--out", tmp_path / "out", "--jobs", "2", "--scrapyd",
                               f"{scrapyd_url},{second_scrapyd_url}", *OPTIONS], cwd=tmp_path, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while not (running_jobs(scrapyd_url) and running_jobs(second_scrapyd_url)):
            assert client.poll() is None and time.monotonic() < deadline, client.communicate()
            time.sleep(0.1)
        time.sleep(3)  # their crawls under way, a few pages copied
        client.send_signal(signal.SIGINT)
        _, stderr = client.communicate(timeout=60)
    finally:
        if client.poll() is None:
            client.kill()
        for trap in traps:
            trap.stop()
    assert client.returncode == 130, stderr
    assert not running_jobs(scrapyd_url) and not running_jobs(second_scrapyd_url)
    ranking = json.loads((tmp_path / "out" / "ranking.json").read_text(encoding="utf-8"))
    for entry in ranking["sites"]:
        assert entry["status"] == "ok" and entry["run_status"] == "partial" and entry["rank"] is None, entry
        run = json.loads((tmp_path / "out" / entry["run_dir"] / "run.json").read_text(encoding="utf-8"))
        assert run["crawl"]["pages"] >= 1 and run["crawl_state"]["reason"] == "shutdown"
        log = (tmp_path / "out" / entry["run_dir"] / "audit.log").read_text(encoding="utf-8")
        assert f"已取消 Scrapyd 任务 {run['crawl']['scrapyd']['job']}" in log


def test_a_node_that_dies_mid_job_has_the_site_crawled_again_on_another(own_scrapyd, second_scrapyd_url, tmp_path):
    proc, dying = own_scrapyd
    slow = MixedSite(delay=0.25).start()
    (tmp_path / "sites.yaml").write_text(f"- department: 局\n  url: {slow.url}\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NETCHECK_CACHE_DIR": str(tmp_path / "cache")}
    client = subprocess.Popen([sys.executable, "-m", "netcheck", "audit", "--sites", tmp_path / "sites.yaml",
                               "--out", tmp_path / "out", "--jobs", "1", "--scrapyd", f"{dying},{second_scrapyd_url}",
                               *OPTIONS], cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True)
    try:
        deadline = time.monotonic() + 60
        while not running_jobs(dying):  # the first node given takes the first site
            assert client.poll() is None and time.monotonic() < deadline, client.communicate()
            time.sleep(0.1)
        [job] = running_jobs(dying)
        os.kill(job["pid"], signal.SIGKILL)  # the node and its job die together
        proc.kill()
        proc.wait()
        _, stderr = client.communicate(timeout=120)
    finally:
        if client.poll() is None:
            client.kill()
        slow.stop()
    assert client.returncode == 0, stderr
    ranking = json.loads((tmp_path / "out" / "ranking.json").read_text(encoding="utf-8"))
    [entry] = ranking["sites"]
    assert entry["status"] == "ok" and entry["run_status"] == "complete", entry
    run = json.loads((tmp_path / "out" / entry["run_dir"] / "run.json").read_text(encoding="utf-8"))
    assert run["crawl"]["scrapyd"]["url"] == second_scrapyd_url and run["crawl"]["pages"] > 1
    log = (tmp_path / "out" / entry["run_dir"] / "audit.log").read_text(encoding="utf-8")
    assert f"任务 {job['id']}" in log and f"任务 {run['crawl']['scrapyd']['job']}" in log


def test_a_job_waiting_in_a_full_nodes_queue_moves_to_a_node_that_is_free(deployed, scrapyd_url, second_scrapyd_url,
                                                                          sites, tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NETCHECK_CACHE_DIR": str(tmp_path / "cache")}
    # Two endless crawls fill the first node's two places (max_proc 2); each has a client of its own.
    traps = [TrapSite(delay=0.2).start() for _ in range(2)]
    blockers = [subprocess.Popen([sys.executable, "-m", "netcheck", "audit", f"http://127.0.0.1:{t.server_port}/",
                                  "--out", tmp_path / f"blocker{i}", "--scrapyd", scrapyd_url, *OPTIONS],
                                 cwd=tmp_path, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                for i, t in enumerate(traps)]
    try:
        deadline = time.monotonic() + 60
        while len(running_jobs(scrapyd_url)) < 2:
            assert time.monotonic() < deadline, "the blocking crawls did not start"
            time.sleep(0.1)
        # Both nodes have empty queues: the site goes to the first node given, and waits there.
        run = run_sites(tmp_path, {"demo": sites["demo"]}, [scrapyd_url, second_scrapyd_url])
    finally:
        for blocker in blockers:
            blocker.send_signal(signal.SIGINT)  # each cancels its job
        for blocker in blockers:
            blocker.wait(timeout=60)
        for trap in traps:
            trap.stop()
    assert run["result"].returncode == 0, run["result"].stderr
    entry = run["by_url"][sites["demo"]]
    assert entry["status"] == "ok" and entry["run_status"] == "complete", entry
    job = json.loads((run["out"] / entry["run_dir"] / "run.json").read_text(encoding="utf-8"))["crawl"]["scrapyd"]
    assert job["url"] == second_scrapyd_url
    log = (run["out"] / entry["run_dir"] / "audit.log").read_text(encoding="utf-8")
    assert f"在 {scrapyd_url} 排队等候，已移到空闲的节点" in log
    assert not running_jobs(scrapyd_url) and not pending_jobs(scrapyd_url)


def pending_jobs(url: str) -> list:
    with urlopen(url + "listjobs.json?project=netcheck") as response:
        return json.load(response)["pending"]
