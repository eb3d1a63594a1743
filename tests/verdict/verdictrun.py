"""Running netcheck for the verdict tests: audits in subprocesses (the Twisted reactor runs once
per process), re-judgements in this process, and reading what every output says."""
import json
import os
import subprocess
import sys
from pathlib import Path

import openpyxl

ROOT = Path(__file__).resolve().parents[2]
AS_OF = "2016-06-30"
# The demo portal is on 127.0.0.1, which `netcheck audit` refuses without --allow-private.
FAST = ["--allow-private", "--no-cache", "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False",
        "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=16", "-s", "CONCURRENT_REQUESTS=16"]


def run_netcheck(*args, timeout=300):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "netcheck", *map(str, args)], capture_output=True, text=True,
                          timeout=timeout, cwd=ROOT, env=env, stdin=subprocess.DEVNULL)


def audit(url, out, *extra, as_of=AS_OF, timeout=300):
    return run_netcheck("audit", url, "--out", out, "--as-of", as_of, "--fail-on", "never", *FAST, *extra,
                        timeout=timeout)


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def run_json(run_dir: Path) -> dict:
    return json.loads((run_dir / "run.json").read_text(encoding="utf-8"))


def workbook_text(path: Path) -> str:
    """Every cell of every sheet, as one text."""
    book = openpyxl.load_workbook(path, read_only=True)
    return "\n".join(str(v) for ws in book.worksheets for row in ws.iter_rows(values_only=True) for v in row
                     if v is not None)


def outputs_text(run_dir: Path) -> dict[str, str]:
    """What a person reads in each output of a run directory."""
    return {"report.html": (run_dir / "report.html").read_text(encoding="utf-8"),
            "summary.md": (run_dir / "summary.md").read_text(encoding="utf-8"),
            "junit.xml": (run_dir / "junit.xml").read_text(encoding="utf-8"),
            "rectification.xlsx": workbook_text(run_dir / "rectification.xlsx")}
