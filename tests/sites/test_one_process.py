"""`netcheck audit --sites` crawls every site in a few crawling processes (netcheck.crawlnode, one per core),
a few sites at a time, and judges each as its crawl ends: each site's findings are those of its own
single-site audit, and a site that misbehaves (never answers, has a bug that raises on its pages, is an
endless trap, kills the process crawling it) ends alone, within its own budget, and is said to be partial
where its crawl was cut short; the others are unaffected."""
import json
import os
import sys
import time
from pathlib import Path

import pytest
from crashmw import middlewares_setting
from sitesrun import FAST, ROOT, run_netcheck
from trapsite import TrapSite

from netcheck.demo.server import serve

sys.path.append(str(ROOT / "tests" / "faults"))  # the misbehaving server lives with the fault tests
sys.path.append(str(ROOT / "tests" / "portal2"))  # the county portal, with its own catalog
sys.path.append(str(ROOT / "tests" / "crawler"))  # a TRS-shaped site with a calendar
from cms_site import CmsSite  # noqa: E402
from county_server import CountyServer  # noqa: E402
from faultserver import FaultServer  # noqa: E402

COUNTY_CATALOG = ROOT / "tests" / "portal2" / "county_catalog.yaml"

HERE = Path(__file__).resolve().parent
AS_OF = "2016-06-30"
# The hanging site's budget; and retries, so that the mixed site's busy.html (429 on its first hit only) is
# read alike by whichever audit comes first.
TIMEOUT = ["-s", "DOWNLOAD_TIMEOUT=4", "-s", "RETRY_TIMES=2"]
# The trap's budget: more pages than any well-behaved site here has, far fewer than the trap offers.
PAGE_BUDGET = ["--max-pages", "600"]
CRASHING = ["-s", f"SPIDER_MIDDLEWARES={middlewares_setting()}"]


@pytest.fixture(scope="module")
def misbehaving():
    hang = FaultServer().start()
    trap = TrapSite().start()
    buggy, buggy_url = serve()  # the demo portal again, on its own port: the one whose pages raise
    victim, victim_url = serve()  # and once more: the one whose crawl kills its process
    yield {"hang": hang.url + "f/hang.html", "trap": trap.url,
           "buggy": buggy_url + "/", "victim": victim_url + "/"}
    hang.stop()
    trap.stop()
    buggy.shutdown()
    victim.shutdown()


def netloc(url: str) -> str:
    return url.split("/")[2]


def run_sites(tmp, listed: dict, *options, crash: str = ""):
    (tmp / "sites.yaml").write_text("".join(
        f"- department: 局{i}\n  url: {url}\n" + (f"  catalog: {COUNTY_CATALOG}\n" if which == "county" else "")
        for i, (which, url) in enumerate(listed.items())), encoding="utf-8")
    began = time.monotonic()
    # crashmw is imported by the crawling processes, and reads which site to crash on from the environment.
    result = run_netcheck("audit", "--sites", tmp / "sites.yaml", "--out", tmp / "out", "--as-of", AS_OF,
                          "--no-history", "--no-cache", "--fail-on", "never", *FAST, *TIMEOUT, *options, cwd=tmp,
                          env={"PYTHONPATH": os.pathsep.join([str(ROOT), str(HERE)]), "NETCHECK_TEST_CRASH": crash})
    took = time.monotonic() - began
    ranking = json.loads((tmp / "out" / "ranking.json").read_text(encoding="utf-8"))
    return {"out": tmp / "out", "by_url": {e["url"]: e for e in ranking["sites"]}, "listed": listed, "took": took,
            "result": result}


@pytest.fixture(scope="module")
def ordinary(small_sites):
    """Five small sites of different shapes: the mixed site, the demo portal, a closed port, the county
    portal (with its own catalog) and a TRS-shaped site with a calendar trap its guards catch."""
    county, cms = CountyServer().start(), CmsSite().start()
    yield {**small_sites, "county": county.base_url + "/", "cms": cms.url}
    county.stop()
    cms.stop()


@pytest.fixture(scope="module")
def one_run(ordinary, misbehaving, tmp_path_factory):
    """Eight sites, three in flight in two crawling processes: five ordinary ones, one that never answers,
    one whose pages make the spider raise, one endless trap."""
    listed = {**ordinary, **{k: misbehaving[k] for k in ("hang", "buggy", "trap")}}
    return run_sites(tmp_path_factory.mktemp("one-process"), listed, "--jobs", "3", "--crawl-processes", "2",
                     *PAGE_BUDGET, *CRASHING, crash=f"raise@{netloc(misbehaving['buggy'])}#3")


@pytest.fixture(scope="module")
def killed_run(small_sites, misbehaving, tmp_path_factory):
    """One crawling process, two sites in flight; the first site's crawl kills the process at its 5th page."""
    listed = {"victim": misbehaving["victim"], "demo": small_sites["demo"], "mixed": small_sites["mixed"],
              "closed": small_sites["closed"]}
    return run_sites(tmp_path_factory.mktemp("killed"), listed, "--jobs", "2", "--crawl-processes", "1", *CRASHING,
                     crash=f"kill@{netloc(misbehaving['victim'])}#5")


@pytest.fixture(scope="module")
def single(ordinary, single_site_audit):
    """Each ordinary site's own single-site audit (made once for the session: tests/scrapyd compares with them too)."""
    def audit(which: str):
        catalog = ["--catalog", COUNTY_CATALOG] if which == "county" else []
        return single_site_audit(ordinary[which], "--as-of", AS_OF, "--no-history", "--no-cache", "--fail-on", "never",
                                 *FAST, *TIMEOUT, *catalog)
    return audit


def findings(run_dir):
    rows = [json.loads(line) for line in (run_dir / "findings.jsonl").read_text(encoding="utf-8").splitlines()]
    return sorted((f["rule"], f["fingerprint"], f["severity"], f["points"]) for f in rows)


def run_json(run, which):
    entry = run["by_url"][run["listed"][which]]
    return json.loads((run["out"] / entry["run_dir"] / "run.json").read_text(encoding="utf-8"))


def assert_as_its_own_audit(run, which, single):
    entry = run["by_url"][run["listed"][which]]
    assert entry["status"] == "ok", entry["error"]
    assert findings(run["out"] / entry["run_dir"]) == findings(single(which))
    multi_run, single_run = run_json(run, which), json.loads((single(which) / "run.json").read_text(encoding="utf-8"))
    assert (multi_run["score"], multi_run["status"], multi_run["crawl"]["pages"]) == \
        (single_run["score"], single_run["status"], single_run["crawl"]["pages"])


@pytest.mark.parametrize("which", ["mixed", "demo", "closed", "county", "cms"])
def test_each_site_finds_what_its_own_single_site_audit_finds(one_run, which, single):
    assert one_run["result"].returncode == 0, one_run["result"].stderr  # --fail-on never; partial sites unranked
    assert_as_its_own_audit(one_run, which, single)


def test_a_site_that_never_answers_ends_alone_within_its_budget(one_run):
    entry = one_run["by_url"][one_run["listed"]["hang"]]
    assert entry["status"] == "ok" and entry["unreachable"]
    assert run_json(one_run, "hang")["crawl"]["elapsed"] < 4 + 10  # its download timeout, and start-up


def test_a_site_whose_pages_make_the_spider_raise_is_partial_not_judged_whole(one_run):
    entry = one_run["by_url"][one_run["listed"]["buggy"]]
    assert entry["status"] == "ok" and entry["rank"] is None and entry["run_status"] == "partial"
    state = run_json(one_run, "buggy")["crawl_state"]
    assert state["complete"] is False and "程序出错" in state["reason_cn"]


def test_an_endless_trap_ends_at_its_own_page_budget(one_run):
    entry = one_run["by_url"][one_run["listed"]["trap"]]
    assert entry["status"] == "ok" and entry["run_status"] == "partial"
    run = run_json(one_run, "trap")
    assert run["crawl"]["pages"] <= 600 + 5 and run["crawl_state"]["complete"] is False


def test_progress_says_sites_done_crawling_and_not_started(one_run):
    lines = [line for line in one_run["result"].stderr.splitlines() if line.startswith("netcheck: [")]
    assert len(lines) == 8 and lines[-1].startswith("netcheck: [8/8]")
    assert all("抓取中" in line and "未开始" in line for line in lines)
    assert (one_run["out"] / "crawl.log").is_file()


def test_a_process_killed_by_one_site_takes_only_its_running_crawls_and_the_rest_go_on(killed_run, single):
    victim, demo = (killed_run["by_url"][killed_run["listed"][w]] for w in ("victim", "demo"))
    # The two crawls the dead process was running are judged on what they had read, as partial, unranked.
    for entry in (victim, demo):
        assert entry["status"] == "ok" and entry["run_status"] == "partial" and entry["rank"] is None
    victim_dir = killed_run["out"] / victim["run_dir"]
    assert (victim_dir / "pages.jsonl").read_text(encoding="utf-8").count("\n") >= 1  # what it had written
    # The sites it had not started were crawled by a new process, as their own audits would have been.
    assert_as_its_own_audit(killed_run, "mixed", single)
    assert_as_its_own_audit(killed_run, "closed", single)
    assert killed_run["result"].returncode == 0, killed_run["result"].stderr
