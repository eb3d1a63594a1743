"""Running `netcheck audit` on the mixed test site in its own process."""
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# The test servers are on 127.0.0.1, which `netcheck audit` refuses without --allow-private.
FAST = ["--allow-private", "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=8"]


def env_with_cache(cache: Path) -> dict:
    """The repo importable, and the HTTP cache where the test says."""
    return {**os.environ, "PYTHONPATH": str(ROOT), "NETCHECK_CACHE_DIR": str(cache)}


def audit_cmd(url, out, *extra):
    return [sys.executable, "-m", "netcheck", "audit", url, "--out", str(out), "--as-of", "2016-06-30",
            "--catalog", str(ROOT / "tests" / "data" / "catalog_mixed.yaml"), "--fail-on", "never", *FAST, *extra]


def run_audit(url, out, env, *extra, timeout=180):
    return subprocess.run(audit_cmd(url, out, *extra), capture_output=True, text=True, timeout=timeout, env=env,
                          cwd=ROOT)
