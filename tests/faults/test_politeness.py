"""Safety toward the audited site: what a crawl may do to a government server, checked on the
server's side of the wire (the fault server's request log)."""
from __future__ import annotations

from faultrun import run_audit

from crawler.downloadermiddlewares.useragent import user_agent
from crawler.run import crawl_settings

PAGES = {"/site/", "/site/a.html", "/site/b.html", "/site/c.html", "/site/d.html"}


def page_times(server) -> list[float]:
    with server.lock:
        return sorted(t for m, p, t in server.requests if p in PAGES)


def test_only_get_and_head_reach_the_server(server, tmp_path):
    audit = run_audit(server.url + "site/", tmp_path / "run", timeout=60)
    assert audit.returncode == 0, audit.stderr[-2000:]
    assert server.methods() == {"GET"}  # every file of this site is one that is read
    with server.lock:
        asked = {(m, p) for m, p, _ in server.requests}
    # an internal PDF is read (crawler.spidermiddlewares.attachments): one GET, no HEAD before it
    assert ("GET", "/site/file.pdf") in asked and ("HEAD", "/site/file.pdf") not in asked
    assert ("GET", "/site/nohead.pdf") in asked and ("HEAD", "/site/nohead.pdf") not in asked


def test_files_not_read_get_a_head_and_a_get_only_when_head_is_refused(server, tmp_path):
    audit = run_audit(server.url + "site/", tmp_path / "run", "-s", "NETCHECK_ATTACHMENT_MAX_BYTES=0", timeout=60)
    assert audit.returncode == 0, audit.stderr[-2000:]
    assert server.methods() == {"GET", "HEAD"}
    with server.lock:
        asked = {(m, p) for m, p, _ in server.requests}
    assert ("HEAD", "/site/file.pdf") in asked and ("GET", "/site/file.pdf") not in asked
    # a server refusing HEAD (405) gets a GET, whose body is not read past the headers
    assert {("HEAD", "/site/nohead.pdf"), ("GET", "/site/nohead.pdf")} <= asked


def test_robots_txt_is_obeyed_and_its_crawl_delay_kept_even_with_autothrottle(server, tmp_path):
    server.robots = "User-agent: *\nDisallow: /site/c.html\nCrawl-delay: 1\n"
    audit = run_audit(server.url + "site/", tmp_path / "run", "-s", "AUTOTHROTTLE_ENABLED=True", timeout=90)
    assert audit.returncode == 0, audit.stderr[-2000:]
    with server.lock:
        paths = [p for _, p, _ in server.requests]
    assert "/site/c.html" not in paths
    assert audit.page("/site/c.html")["error"] == "robots"
    times = page_times(server)
    assert len(times) == 4  # the home page, a, b, d
    gaps = [b - a for a, b in zip(times, times[1:])]
    assert min(gaps) >= 0.95, gaps  # Crawl-delay: 1, no jitter below it, AutoThrottle not lowering it


def test_a_crawl_delay_for_another_agent_does_not_slow_us(server, tmp_path):
    server.robots = "User-agent: SomeOtherBot\nCrawl-delay: 30\n\nUser-agent: *\nDisallow:\n"
    audit = run_audit(server.url + "site/", tmp_path / "run", timeout=60)
    assert audit.returncode == 0, audit.stderr[-2000:]
    times = page_times(server)
    assert len(times) == 5 and times[-1] - times[0] < 10


def test_a_crawl_delay_for_netcheck_by_name_is_kept_and_an_absurd_one_capped(server, tmp_path):
    server.robots = "User-agent: netcheck\nCrawl-delay: 3600\n"
    audit = run_audit(server.url + "site/", tmp_path / "run", "-s", "NETCHECK_CRAWL_DELAY_MAX=1", timeout=90)
    assert audit.returncode == 0, audit.stderr[-2000:]
    gaps = [b - a for a, b in zip(page_times(server), page_times(server)[1:])]
    assert len(gaps) == 4 and min(gaps) >= 0.95 and max(gaps) < 10, gaps


def test_the_user_agent_names_the_tool_and_the_configured_contact(server, tmp_path):
    audit = run_audit(server.url + "site/", tmp_path / "run", "-s", "NETCHECK_CONTACT=mailto:zwgk@example.gov.cn",
                      timeout=60)
    assert audit.returncode == 0, audit.stderr[-2000:]
    assert server.agents == {"netcheck/0.1 (+mailto:zwgk@example.gov.cn; government website audit)"}


def test_per_host_concurrency_is_bounded(server, tmp_path):
    server.slow = 1.0  # every page takes a second, so that the crawler would overlap them if allowed
    audit = run_audit(server.url + "site/", tmp_path / "run", "-s", "CONCURRENT_REQUESTS=16",
                      "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=2", timeout=60)
    assert audit.returncode == 0, audit.stderr[-2000:]
    assert server.max_in_flight == 2


def test_polite_defaults():
    settings = crawl_settings()
    assert settings.getbool("ROBOTSTXT_OBEY") and settings["ROBOTSTXT_USER_AGENT"] == "netcheck"
    assert settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN") == 4
    assert settings.getfloat("DOWNLOAD_DELAY") > 0 and settings.getbool("AUTOTHROTTLE_ENABLED")
    assert settings.getint("DOWNLOAD_MAXSIZE") == 20 * 1024 * 1024
    assert user_agent(settings["USER_AGENT"], settings["NETCHECK_CONTACT"]).startswith("netcheck/0.1 (+https://")
    assert user_agent("MyAgent/1.0", "mailto:x@example.gov.cn") == "MyAgent/1.0"  # a USER_AGENT without {contact}
