"""`netcheck audit` as the fault tests run it: a subprocess (the Twisted reactor runs once per
process) with a hard timeout, so that a fault that hangs the crawler fails its test instead of
hanging the suite."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Our own loopback server: no politeness delays; short timeouts so that a silent server costs
# seconds (2 s × 2 tries), not the production 15 s × 3.
FAST = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False"]
SHORT = ["-s", "DOWNLOAD_TIMEOUT=2", "-s", "RETRY_TIMES=1"]


@dataclass
class Audit:
    """One finished `netcheck audit`: its exit, how long it took, and what it wrote."""

    returncode: int
    elapsed: float
    stdout: str
    stderr: str
    out: Path
    pages: list[dict] = field(default_factory=list)
    findings: list[dict] = field(default_factory=list)

    def page(self, suffix: str) -> dict:
        found = [p for p in self.pages if p["url"].endswith(suffix)]
        assert len(found) == 1, (suffix, [p["url"] for p in self.pages])
        return found[0]

    def rules_for(self, target_suffix: str) -> list[str]:
        """The rules of the findings about one link target (or, for site rules, the start URL)."""
        return sorted(f["rule"] for f in self.findings
                      if (f.get("target") or f.get("url") or "").endswith(target_suffix))


def _jsonl(path: Path) -> list[dict]:
    if not path.is_file():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def run_audit(url: str, out: Path, *extra: str, timeout: float = 60, env: dict | None = None) -> Audit:
    """`netcheck audit URL` as the fault tests run it; TimeoutExpired (a failed test) past `timeout`."""
    cmd = [sys.executable, "-m", "netcheck", "audit", url, "--out", str(out), "--as-of", "2016-06-30",
           "--no-history", "--no-cache", "--fail-on", "never", "--allow-private", *FAST, *extra]
    started = time.monotonic()
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})})
    return Audit(done.returncode, time.monotonic() - started, done.stdout, done.stderr, out,
                 _jsonl(out / "pages.jsonl"), _jsonl(out / "findings.jsonl"))
