"""An https home page whose certificate a browser would refuse.

Scrapy never verifies certificates, so the crawl goes on (the national check's crawler reads
the page too); the certificate is checked separately against the system's trust store and a
failure is its own finding, site.tls_invalid (veto: the public sees a full-page warning).
`--allow-invalid-tls` skips the check for a certificate the auditor knows and accepts.
"""
from __future__ import annotations

import pytest

from faultrun import SHORT, run_audit
from faultserver import FaultServer, self_signed_context


@pytest.fixture
def tls_server(tmp_path):
    context, _ = self_signed_context(tmp_path)
    server = FaultServer(tls=context).start()
    yield server
    server.stop()


def test_a_self_signed_certificate_is_crawled_anyway_and_reported(tls_server, tmp_path):
    audit = run_audit(tls_server.url + "start/ok", tmp_path / "run", *SHORT, timeout=60)
    assert audit.returncode == 0, audit.stderr[-2000:]
    home = audit.page("/start/ok")
    assert (home["status"], home["title"]) == (200, "故障测试局")
    assert "self-signed" in home["certificate_error"]
    assert audit.page("/f/ok.html")["status"] == 200  # the crawl went on past the home page
    tls = [f for f in audit.findings if f["rule"] == "site.tls_invalid"]
    assert len(tls) == 1 and tls[0]["severity"] == "veto" and tls[0]["url"] == tls_server.url + "start/ok"
    assert "self-signed" in tls[0]["evidence"] and "安全警告" in tls[0]["evidence"]
    assert "site.unreachable" not in {f["rule"] for f in audit.findings}


def test_allow_invalid_tls_skips_the_check_and_the_finding(tls_server, tmp_path):
    audit = run_audit(tls_server.url + "start/ok", tmp_path / "run", *SHORT, "--allow-invalid-tls", timeout=60)
    assert audit.returncode == 0, audit.stderr[-2000:]
    assert audit.page("/start/ok")["certificate_error"] is None
    assert audit.page("/f/ok.html")["status"] == 200
    assert "site.tls_invalid" not in {f["rule"] for f in audit.findings}


def test_a_certificate_from_a_trusted_ca_is_no_finding(tmp_path):
    context, ca_file = self_signed_context(tmp_path, ca=True)
    server = FaultServer(tls=context).start()
    try:
        # The CA is trusted through the standard OpenSSL variable, as a system store would trust it.
        audit = run_audit(server.url + "start/ok", tmp_path / "run", *SHORT, timeout=60,
                          env={"SSL_CERT_FILE": str(ca_file)})
    finally:
        server.stop()
    assert audit.returncode == 0, audit.stderr[-2000:]
    assert audit.page("/start/ok")["certificate_error"] is None
    assert "site.tls_invalid" not in {f["rule"] for f in audit.findings}


def test_a_rejudged_run_keeps_the_finding(tls_server, tmp_path):
    """The certificate's verdict is in pages.jsonl: `netcheck report` judges it again without crawling."""
    import subprocess
    import sys

    from faultrun import ROOT

    out = tmp_path / "run"
    run_audit(tls_server.url + "start/ok", out, *SHORT, timeout=60)
    again = subprocess.run([sys.executable, "-m", "netcheck", "report", str(out), "--as-of", "2016-07-01",
                            "--no-history", "--fail-on", "veto"], capture_output=True, text=True, cwd=ROOT,
                           timeout=60)
    assert again.returncode == 1 and "网站证书无效" in again.stdout, again.stdout + again.stderr  # the rule's name


def test_the_certificate_check_speaks_only_of_certificates(fault_server):
    from crawler.tls import certificate_problem

    assert certificate_problem("http://127.0.0.1/") is None  # not https
    assert certificate_problem(f"https://127.0.0.1:{fault_server.closed_port}/", timeout=2) is None  # refused
    plain = fault_server.url.replace("http://", "https://")  # a server that speaks no TLS: nothing to judge
    assert certificate_problem(plain, timeout=2) is None
