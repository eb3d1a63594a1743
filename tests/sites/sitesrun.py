"""Running `netcheck` in its own process for the multi-site tests (the Twisted reactor runs once per
process), with the HTTP cache in the test's folder."""
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Loopback servers of our own: no politeness, and an unreachable site is judged at the first refusal.
# `netcheck audit` refuses 127.0.0.1 without --allow-private (passed on to each site's audit).
FAST = ["--allow-private", "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False",
        "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=16", "-s", "RETRY_TIMES=0"]


def run_netcheck(*args, cwd: Path, timeout=120, env: dict | None = None):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NETCHECK_CACHE_DIR": str(Path(cwd) / "cache"), **(env or {})}
    return subprocess.run([sys.executable, "-m", "netcheck", *map(str, args)], capture_output=True, text=True,
                          timeout=timeout, cwd=cwd, env=env)
