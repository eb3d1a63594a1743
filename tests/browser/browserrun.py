"""What the browser tests share: where Chromium is, how it is started, the history given to the demo's findings.

A plain module (not conftest) so that tests can import it by a name no other folder uses.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
ARTIFACTS = Path(__file__).parent / "artifacts"  # gitignored: screenshots for people to look at
# Root in a container, on a closed network: no sandbox, and nothing that phones home.
CHROME_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1000")
# The statuses the history work gives findings, spread over the demo's findings by position.
REPORTED = "整改中"
FIRST_SEEN = "2016-05-31"


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def with_history(row: dict, i: int) -> dict:
    """Finding i as a history run would have it: every third new, the rest persisting, some overdue
    (every fourth), some with the office's reported status (every fifth)."""
    row = {**row, "details": {k: v for k, v in (row.get("details") or {}).items()
                              if k not in ("overdue", "reported_status")}}
    if i % 3 == 0:
        row.update(status="new", first_seen=row["detected_on"])
    else:
        row.update(status="persisting", first_seen=FIRST_SEEN)
    if i % 4 == 1:
        row["details"]["overdue"] = True
    if i % 5 == 2:
        row["details"]["reported_status"] = REPORTED
    return row


def rerender(demo_dir: Path, out: Path, rows: list[dict], run: dict) -> Path:
    """The demo run's directory copied to out, its reports written again from these findings and run."""
    import pandas as pd

    from reports import write_all
    from reports.runrecord import RunRecord
    from reports.table import COLUMNS

    shutil.copytree(demo_dir, out)
    write_all(out, pd.DataFrame(rows, columns=COLUMNS), RunRecord.from_dict(run))
    return out
