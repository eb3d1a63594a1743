"""Benchmark: judge a synthetic crawl of N items (default one million) against the default catalog.

    python bench/judge_million.py [N]

Writes a synthetic crawl record (33 columns, each a list page listing its items, every item
an article page with breadcrumb, metadata table, formation and posting dates, a little text
and a link) to a temporary pages.jsonl, then times loading it into tables (`Crawl.load`, one
record at a time, as `netcheck report` does) and running every rule. Prints the time of each
stage and the peak resident memory. Not a test: this machine's timings are noisy.
"""
from __future__ import annotations

import json
import random
import resource
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from checks import judge  # noqa: E402
from checks.catalog import load_catalog  # noqa: E402
from checks.crawl import Crawl  # noqa: E402


def synthetic_records(n: int, catalog):
    """The records, one at a time (a list page after the items it lists)."""
    rnd = random.Random(7)
    site = "http://bench.test/"
    cats = [c.name for c in catalog.categories]
    yield {"url": site, "status": 200, "is_html": True, "depth": 0, "page_type": "list", "title": "首页",
           "entries": [], "links": [{"url": f"{site}c{i}/", "text": c, "kind": "internal"} for i, c in enumerate(cats)]}
    per = n // len(cats) + 1
    start = date(2014, 1, 1)
    made = 0
    for i, cat in enumerate(cats):
        entries = []
        for j in range(per):
            if made >= n:
                break
            posted = start + timedelta(days=rnd.randrange(900))
            formed = posted - timedelta(days=rnd.randrange(0, 40))
            url = f"{site}c{i}/{posted:%Y%m}/t{posted:%Y%m%d}_{j}.html"
            entries.append({"title": f"{cat}信息{j}", "url": url, "date": posted.isoformat()})
            yield {"url": url, "status": 200, "is_html": True, "depth": 2, "page_type": "article",
                   "title": f"{cat}信息{j}", "breadcrumb": ["首页", "政务公开", cat],
                   "metadata": {"索引号": f"0001/{posted.year}-{j:05d}", "发布日期": posted.isoformat()},
                   "published": posted.isoformat(), "formed": formed.isoformat(),
                   "text": f"{cat}信息{j}。联系电话：0427-2812331。",
                   "links": [{"url": f"{site}c{i}/", "text": cat, "kind": "internal"}]}
            made += 1
        yield {"url": f"{site}c{i}/", "status": 200, "is_html": True, "depth": 1, "page_type": "list",
               "title": cat, "breadcrumb": ["首页", "政务公开", cat], "entries": entries}


def main(n: int) -> None:
    catalog = load_catalog()
    with tempfile.TemporaryDirectory(prefix="judge-million-") as tmp:
        path = Path(tmp) / "pages.jsonl"
        t0 = time.perf_counter()
        with open(path, "w", encoding="utf-8") as fh:
            for rec in synthetic_records(n, catalog):
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        t1 = time.perf_counter()
        crawl = Crawl.load(path, "http://bench.test/")
        t2 = time.perf_counter()
        judge_and_print(n, crawl, catalog, t0, t1, t2)


def judge_and_print(n: int, crawl, catalog, t0: float, t1: float, t2: float) -> None:
    result = judge(crawl, catalog, date(2016, 6, 30))
    t3 = time.perf_counter()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    by_rule: dict[str, int] = {}
    for f in result.findings:
        by_rule[f.rule] = by_rule.get(f.rule, 0) + 1
    print(f"items: {n:,}  pages: {len(crawl.pages):,}  entries: {len(crawl.entries):,}")
    print(f"write pages.jsonl {t1 - t0:.1f}s  load tables {t2 - t1:.1f}s  judge {t3 - t2:.1f}s  "
          f"peak RSS {peak_mb:,.0f} MB")
    print(f"findings: {len(result.findings):,}  {by_rule}")
    if result.errors:
        print("rule errors:", result.errors)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000)
