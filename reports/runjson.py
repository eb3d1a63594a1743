"""run.json: what was audited and how it came out (the run dict minus the fixed list)."""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from reports.table import plain


def write_run(path: Path, findings: pd.DataFrame, run: dict) -> None:
    # fixed findings have their own file; repeating them here would let the two disagree.
    data = {k: v for k, v in run.items() if k != "fixed"}
    text = json.dumps(plain(data), ensure_ascii=False, indent=2, sort_keys=True, allow_nan=False)
    path.write_text(text + "\n", encoding="utf-8")
