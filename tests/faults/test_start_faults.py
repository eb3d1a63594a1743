"""Faults at the start URL itself: the whole site is at stake, so the finding is a site rule
(site.unreachable) and the run directory is still written."""
from __future__ import annotations

import pytest

from faultrun import SHORT, run_audit


def test_a_refused_start_url_is_site_unreachable(fault_server, tmp_path):
    url = f"http://127.0.0.1:{fault_server.closed_port}/"
    audit = run_audit(url, tmp_path / "run", *SHORT, timeout=60)
    assert audit.returncode == 0, audit.stderr[-2000:]
    assert [(p["url"], p["status"], p["error"]) for p in audit.pages] == [(url, None, "refused")]
    assert [f["rule"] for f in audit.findings] == ["site.unreachable"]
    assert "连接被拒绝" in audit.findings[0]["evidence"]
    # robots.txt could not be fetched either: one line on the console, not a traceback
    assert "Traceback" not in audit.stderr


@pytest.mark.parametrize("path, error", [("f/hang.html", "timeout"), ("f/drop.html", "reset"),
                                         ("f/loop.html", "too many redirects")])
def test_a_start_url_that_never_answers_is_site_unreachable_within_bounds(fault_server, tmp_path, path, error):
    audit = run_audit(fault_server.url + path, tmp_path / "run", *SHORT, timeout=60)
    assert audit.returncode == 0, audit.stderr[-2000:]
    assert audit.elapsed < 30
    assert (audit.pages[0]["status"], audit.pages[0]["error"]) == (None, error)
    assert [f["rule"] for f in audit.findings] == ["site.unreachable"]


def test_a_too_large_home_page_answers_and_is_not_unreachable(fault_server, tmp_path):
    audit = run_audit(fault_server.url + "f/huge.html", tmp_path / "run", *SHORT, timeout=60)
    assert audit.returncode == 0, audit.stderr[-2000:]
    home = audit.pages[0]
    assert (home["status"], home["error"], home["is_html"]) == (200, "too large", False)
    assert "site.unreachable" not in {f["rule"] for f in audit.findings}


def test_the_exit_status_still_follows_fail_on(fault_server, tmp_path):
    """--fail-on never in the suite; the default (veto) fails an unreachable site with 1, not a crash."""
    url = f"http://127.0.0.1:{fault_server.closed_port}/"
    audit = run_audit(url, tmp_path / "run", *SHORT, "--fail-on", "veto", timeout=60)
    assert audit.returncode == 1, audit.stderr[-2000:]
