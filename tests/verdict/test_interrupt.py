"""Ctrl-C during the crawl: the pages fetched so far are judged as a partial audit, every output
says so, and the exit status is 130 (interrupted), not 1 (findings)."""
import os
import signal
import subprocess
import sys
import time

from verdictrun import AS_OF, FAST, ROOT, read_jsonl, run_json


def test_ctrl_c_mid_crawl_writes_a_partial_run_and_exits_130(demo_site, tmp_path):
    _, url = demo_site
    out = tmp_path / "run"
    cmd = [sys.executable, "-m", "netcheck", "audit", url, "--out", str(out), "--as-of", AS_OF, "--no-history",
           *FAST, "-s", "CONCURRENT_REQUESTS=1", "-s", "DOWNLOAD_DELAY=0.2"]
    # A child inherits an ignored SIGINT from some test runners: give it the default, as a terminal does.
    proc = subprocess.Popen(cmd, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    pages = out / "pages.jsonl"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and (not pages.is_file() or len(pages.read_bytes().splitlines()) < 3):
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    stdout, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 130, stderr
    run = run_json(out)
    assert run["status"] == "partial" and run["crawl_state"]["reason"] == "shutdown"
    assert "抓取未完成" in stdout and "--resume" in stdout
    assert not [f for f in read_jsonl(out / "findings.jsonl") if f["rule"].startswith("column.")]
