"""`netcheck audit --sites` crawls every site in one crawling process (netcheck.crawlnode), a few at a time,
and judges each as its crawl ends: each site's findings are those of its own single-site audit, and a
site that never answers holds up only its own slot, for its own time budget."""
import json
import sys
import time

import pytest
from sitesrun import FAST, ROOT, run_netcheck

sys.path.append(str(ROOT / "tests" / "faults"))  # the misbehaving server lives with the fault tests
from faultserver import FaultServer  # noqa: E402

AS_OF = "2016-06-30"
# The hanging site's budget; and retries, so that the mixed site's busy.html (429 on its first hit only) is
# read alike by whichever audit comes first.
TIMEOUT = ["-s", "DOWNLOAD_TIMEOUT=4", "-s", "RETRY_TIMES=2"]


@pytest.fixture(scope="module")
def hanging():
    server = FaultServer().start()
    yield server.url + "f/hang.html"
    server.stop()


@pytest.fixture(scope="module")
def one_run(three_sites, hanging, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("one-process")
    listed = {**three_sites, "hang": hanging}
    (tmp / "sites.yaml").write_text("".join(f"- department: 局{i}\n  url: {url}\n" for i, url in enumerate(listed.values())),
                                    encoding="utf-8")
    began = time.monotonic()
    result = run_netcheck("audit", "--sites", tmp / "sites.yaml", "--out", tmp / "out", "--as-of", AS_OF,
                          "--no-history", "--no-cache", "--jobs", "2", "--fail-on", "never", *FAST, *TIMEOUT, cwd=tmp)
    took = time.monotonic() - began
    assert result.returncode == 0, result.stdout + result.stderr
    ranking = json.loads((tmp / "out" / "ranking.json").read_text(encoding="utf-8"))
    by_url = {e["url"]: e for e in ranking["sites"]}
    return {"tmp": tmp, "out": tmp / "out", "by_url": by_url, "listed": listed, "took": took, "result": result}


def findings(run_dir):
    rows = [json.loads(line) for line in (run_dir / "findings.jsonl").read_text(encoding="utf-8").splitlines()]
    return sorted((f["rule"], f["fingerprint"], f["severity"], f["points"]) for f in rows)


@pytest.mark.parametrize("which", ["mixed", "demo", "closed"])
def test_each_site_finds_what_its_own_single_site_audit_finds(one_run, which):
    url = one_run["listed"][which]
    entry = one_run["by_url"][url]
    assert entry["status"] == "ok", entry["error"]
    single = one_run["tmp"] / f"single-{which}"
    done = run_netcheck("audit", url, "--out", single, "--as-of", AS_OF, "--no-history", "--no-cache",
                        "--fail-on", "never", *FAST, *TIMEOUT, cwd=one_run["tmp"])
    assert done.returncode == 0, done.stderr
    assert findings(one_run["out"] / entry["run_dir"]) == findings(single)
    multi_run = json.loads((one_run["out"] / entry["run_dir"] / "run.json").read_text(encoding="utf-8"))
    single_run = json.loads((single / "run.json").read_text(encoding="utf-8"))
    assert (multi_run["score"], multi_run["status"], multi_run["crawl"]["pages"]) == \
        (single_run["score"], single_run["status"], single_run["crawl"]["pages"])


def test_a_site_that_never_answers_ends_alone_within_its_budget(one_run):
    entry = one_run["by_url"][one_run["listed"]["hang"]]
    assert entry["status"] == "ok" and entry["unreachable"]
    others = [e for url, e in one_run["by_url"].items() if url != one_run["listed"]["hang"]]
    assert all(e["status"] == "ok" for e in others)
    crawl = json.loads((one_run["out"] / entry["run_dir"] / "run.json").read_text(encoding="utf-8"))["crawl"]
    assert crawl["elapsed"] < 4 + 10  # its download timeout, and start-up


def test_progress_says_sites_done_crawling_and_not_started(one_run):
    lines = [line for line in one_run["result"].stderr.splitlines() if line.startswith("netcheck: [")]
    assert len(lines) == 4 and lines[-1].startswith("netcheck: [4/4]")
    assert all("抓取中" in line and "未开始" in line for line in lines)
    assert (one_run["out"] / "crawl.log").is_file()
