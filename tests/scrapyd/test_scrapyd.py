"""netcheck deployed to a real Scrapyd with scrapyd-deploy, an audit scheduled there with
`netcheck audit URL --scrapyd …`: the same pages and findings as a local audit, and one clear
line when Scrapyd cannot run it or its job fails."""
import json
import subprocess
import time
from urllib.parse import urlsplit
from urllib.request import urlopen

import pytest
from e2erun import ROOT, audit_cmd, env_with_cache, run_audit
from mixed_site import MixedSite

COMMON = ["--no-cache", "--no-history"]


def records(out):
    return [json.loads(l) for l in (out / "pages.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]


def findings(out):
    return [json.loads(l) for l in (out / "findings.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]


def page_urls(out):
    """Fetched URLs, but for which query variants of the calendar trap were admitted: crawler.traps
    takes the first NETCHECK_MAX_QUERY_VARIANTS it meets, and which come first depends on timing."""
    urls = {r["url"] for r in records(out)}
    calendar = {u for u in urls if "/calendar.jsp?" in u}
    return urls - calendar, len(calendar)


def running_job(scrapyd_url, client, timeout=30):
    """The job once its crawl has begun (Scrapy then stops gracefully on cancel.json's SIGINT)."""
    deadline = time.monotonic() + timeout
    while True:
        assert client.poll() is None and time.monotonic() < deadline, client.communicate()
        with urlopen(scrapyd_url + "listjobs.json?project=netcheck") as response:
            running = json.load(response)["running"]
        if running and running[0].get("log_url"):
            with urlopen(scrapyd_url + running[0]["log_url"].lstrip("/")) as response:
                if b"Spider opened" in response.read():
                    return running[0]
        time.sleep(0.1)


@pytest.fixture(scope="module")
def site():
    site = MixedSite().start()
    yield site
    site.stop()


@pytest.fixture(scope="module")
def audits(site, deployed, scrapyd_url, tmp_path_factory):
    """The mixed site audited locally and through Scrapyd, with the same options."""
    tmp = tmp_path_factory.mktemp("audits")
    env = env_with_cache(tmp / "cache")
    started = time.monotonic()
    local = run_audit(site.url, tmp / "local", env, *COMMON)
    assert local.returncode == 0, local.stderr
    began = time.monotonic()
    remote = run_audit(site.url, tmp / "remote", env, *COMMON, "--scrapyd", scrapyd_url)
    assert remote.returncode == 0, remote.stderr
    print(f"local audit {began - started:.1f} s, on Scrapyd {time.monotonic() - began:.1f} s")
    return {"local": tmp / "local", "remote": tmp / "remote", "stderr": remote.stderr, "stdout": remote.stdout}


def test_scrapyd_deploy_uploads_the_project_with_its_portal_spider(deployed, scrapyd_url):
    answer = json.loads(deployed.stdout)
    assert (answer["status"], answer["project"], answer["spiders"]) == ("ok", "netcheck", 1)
    with urlopen(scrapyd_url + "listspiders.json?project=netcheck") as response:
        assert json.load(response)["spiders"] == ["portal"]


def test_an_audit_run_on_scrapyd_fetches_and_finds_what_a_local_audit_does(audits):
    assert page_urls(audits["remote"]) == page_urls(audits["local"])
    assert sorted(f["fingerprint"] for f in findings(audits["remote"])) == \
        sorted(f["fingerprint"] for f in findings(audits["local"]))
    broken = {urlsplit(f["target"]).path for f in findings(audits["remote"]) if f["rule"] == "link.broken"}
    assert broken == {"/about/old.html"}  # the soft-404, as tests/e2e find it
    local_run = json.loads((audits["local"] / "run.json").read_text(encoding="utf-8"))
    remote_run = json.loads((audits["remote"] / "run.json").read_text(encoding="utf-8"))
    assert remote_run["score"] == local_run["score"]
    assert remote_run["matches"] == local_run["matches"]


def test_the_job_crawls_with_the_projects_own_settings(audits):
    run = json.loads((audits["remote"] / "run.json").read_text(encoding="utf-8"))
    crawl = run["crawl"]
    assert crawl["finish_reason"] == "finished"
    assert crawl["pages"] == len(records(audits["remote"]))
    # robots.txt obeyed and each record through crawler.pipelines: crawler.settings, from the egg
    assert crawl["stats"]["robotstxt/request_count"] >= 1
    assert crawl["stats"]["netcheck/records"] == crawl["pages"]
    assert crawl["scrapyd"]["project"] == "netcheck" and crawl["scrapyd"]["job"]
    log = (audits["remote"] / "crawl.log").read_text(encoding="utf-8")
    assert "crawler.pipelines.RedactPersonalData" in log
    assert f"运行：项目 netcheck，任务 {crawl['scrapyd']['job']}" in audits["stderr"]


def test_every_report_is_written_from_the_scrapyd_crawl(audits):
    names = {p.name for p in audits["remote"].iterdir()}
    assert {"findings.jsonl", "report.html", "rectification.xlsx", "junit.xml", "summary.md", "run.json",
            "pages.jsonl", "crawl.log"} <= names
    assert "报告：" in audits["stdout"]


def test_a_scrapyd_that_does_not_answer_is_one_line_and_exit_2(site, tmp_path, closed_port):
    done = run_audit(site.url, tmp_path / "run", env_with_cache(tmp_path / "cache"), *COMMON,
                     "--scrapyd", f"http://127.0.0.1:{closed_port}/")
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        f"netcheck: --scrapyd：无法连接 http://127.0.0.1:{closed_port}/ 上的 Scrapyd："
        "[Errno 111] Connection refused"]


def test_a_project_not_deployed_is_named_with_how_to_deploy_it(site, tmp_path, scrapyd_url):
    done = run_audit(site.url, tmp_path / "run", env_with_cache(tmp_path / "cache"), *COMMON,
                     "--scrapyd", scrapyd_url, "--scrapyd-project", "elsewhere")
    assert done.returncode == 2
    [line] = done.stderr.strip().splitlines()
    assert "项目 'elsewhere' 未部署到" in line and "scrapyd-deploy" in line


def test_a_job_that_fails_on_the_server_is_reported_with_its_error(site, deployed, tmp_path, scrapyd_url):
    done = run_audit(site.url, tmp_path / "run", env_with_cache(tmp_path / "cache"), *COMMON,
                     "--scrapyd", scrapyd_url, "-s", "DOWNLOADER=nowhere.Downloader")
    assert done.returncode == 2
    error = done.stderr.strip().splitlines()[-1]
    assert "在 Scrapyd 上失败（ModuleNotFoundError: No module named 'nowhere'）" in error
    assert "No module named 'nowhere'" in (tmp_path / "run" / "crawl.log").read_text(encoding="utf-8")
    assert not (tmp_path / "run" / "findings.jsonl").exists()


def test_a_job_cancelled_on_the_server_is_reported_and_not_judged(deployed, tmp_path, scrapyd_url):
    slow = MixedSite(delay=0.25).start()
    try:
        out = tmp_path / "run"
        client = subprocess.Popen(audit_cmd(slow.url, out, *COMMON, "--scrapyd", scrapyd_url),
                                  env=env_with_cache(tmp_path / "cache"), cwd=ROOT, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True)
        job = running_job(scrapyd_url, client)
        with urlopen(scrapyd_url + "cancel.json", data=f"project=netcheck&job={job['id']}".encode()) as response:
            assert json.load(response)["prevstate"] == "running"
        _, stderr = client.communicate(timeout=30)
    finally:
        slow.stop()
    assert client.returncode == 2
    assert f"任务 {job['id']} 在 Scrapyd 上被取消" in stderr.strip().splitlines()[-1]
    assert (out / "pages.jsonl").exists() and not (out / "findings.jsonl").exists()
