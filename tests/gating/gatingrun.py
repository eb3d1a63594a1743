"""What the gating tests share: a tiny saved crawl and the CLI run in-process.

A plain module (not conftest) so that tests import it by a name no other folder uses.
`netcheck report` never crawls, so the whole CLI path (options, baseline, exit status, reports)
runs in-process in well under a second per call.
"""
from __future__ import annotations

import json
from pathlib import Path

from netcheck.cli import main

HOME = "http://gov.example.cn/"
AS_OF = "2016-06-30"  # the home page's newest item (06-25) is 5 days old: no veto for it yet
LATER = "2016-07-30"  # 35 days old: site.homepage_stale, a veto-level finding the baseline lacks
PAGES = [
    {"url": HOME, "final_url": HOME, "status": 200, "is_html": True, "depth": 0, "title": "某市食品药品监督管理局",
     "page_type": "list", "entries": [{"title": "市局召开工作会议", "url": HOME + "xwdt/1.html", "date": "2016-06-25"}],
     "links": [{"url": HOME + "xwdt/1.html", "text": "市局召开工作会议", "kind": "internal", "tag": "a"}]},
    {"url": HOME + "xwdt/1.html", "final_url": HOME + "xwdt/1.html", "status": 404, "is_html": True, "depth": 1,
     "referer": HOME, "title": "", "entries": [], "links": []},
]


def netcheck(*args) -> int:
    """`netcheck ARGS` in this process, without the run history (each test stands alone)."""
    return main([*map(str, args), "--no-history"])


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
