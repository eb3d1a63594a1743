"""A crawl killed midway (SIGKILL: no chance to save anything) and resumed ends with the
same findings as one that ran through."""
import json
import subprocess
import time

from e2erun import audit_cmd, run_audit
from mixed_site import MixedSite


def lines(path):
    try:
        return path.read_text(encoding="utf-8", errors="ignore").count("\n")
    except FileNotFoundError:
        return 0


def fingerprints(out):
    return sorted(json.loads(l)["fingerprint"] for l in (out / "findings.jsonl").read_text(encoding="utf-8").splitlines()
                  if l.strip())


def test_a_crawl_killed_midway_and_resumed_ends_with_the_same_findings(tmp_path, netcheck_env):
    site = MixedSite(delay=0.05).start()
    try:
        whole = run_audit(site.url, tmp_path / "whole", netcheck_env, "--no-cache")
        assert whole.returncode == 0, whole.stderr
        total = lines(tmp_path / "whole" / "pages.jsonl")

        out = tmp_path / "killed"
        proc = subprocess.Popen(audit_cmd(site.url, out, "--no-cache"), env=netcheck_env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 60
        while lines(out / "pages.jsonl") < total // 3 and time.time() < deadline and proc.poll() is None:
            time.sleep(0.05)
        assert proc.poll() is None, "the crawl ended before it could be killed"
        proc.kill()
        proc.wait()
        assert lines(out / "pages.jsonl") < total

        resumed = run_audit(site.url, out, netcheck_env, "--no-cache", "--resume")
        assert resumed.returncode == 0, resumed.stderr
        assert fingerprints(out) == fingerprints(tmp_path / "whole")
    finally:
        site.stop()
