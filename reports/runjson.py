"""run.json: what was audited and how it came out (the run record's to_dict(): all but the fixed list)."""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from reports.runrecord import RunRecord


def write_run(path: Path, findings: pd.DataFrame, run: RunRecord) -> None:
    # fixed findings have their own file; repeating them here would let the two disagree.
    text = json.dumps(run.to_dict(), ensure_ascii=False, indent=2, sort_keys=True, allow_nan=False)
    path.write_text(text + "\n", encoding="utf-8")
