"""Per-field extraction accuracy on the real-page corpus, overall and per CMS family.

    PYTHONPATH=. python tests/real/accuracy.py            # the table
    PYTHONPATH=. python tests/real/accuracy.py --misses   # and every page read wrong, with both sides

The extraction code measured is whatever `crawler` imports first on PYTHONPATH, so an older
checkout can be measured on today's corpus: PYTHONPATH=/tmp/old:. python tests/real/accuracy.py
"""
from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parent))
sys.path.append(str(Path(__file__).resolve().parents[2]))  # the checkout, after any PYTHONPATH

from realcorpus import FIELDS, MANIFEST, pages, reading  # noqa: E402


def measure(manifest: Path = MANIFEST):
    """{field: {family: [right, applicable]}} and the misses (field, page, truth, reading)."""
    table: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    misses = []
    for page in pages(manifest):
        record = reading(page)
        for field in FIELDS:
            if not field.applies(page):
                continue
            truth, read = field.truth(page), field.read(record)
            for family in ("all", page.cms):
                table[field.name][family][1] += 1
                table[field.name][family][0] += truth == read
            if truth != read:
                misses.append((field.name, page.id, truth, read))
    return table, misses


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--manifest", type=Path, default=MANIFEST)
    parser.add_argument("--misses", action="store_true", help="list every page read wrong")
    args = parser.parse_args(argv)
    table, misses = measure(args.manifest)
    import crawler
    print(f"{len(pages(args.manifest))} pages; extraction code: {Path(crawler.__file__).parent}")
    families = sorted({f for by in table.values() for f in by} - {"all"})
    print("field".ljust(12) + "all".rjust(14) + "".join(f.rjust(12) for f in families))
    for name, by in table.items():
        cells = []
        for family in ["all", *families]:
            right, total = by.get(family, (0, 0))
            cells.append(f"{right}/{total} {100 * right / total:.0f}%" if total else "-")
        print(name.ljust(12) + cells[0].rjust(14) + "".join(c.rjust(12) for c in cells[1:]))
    if args.misses:
        for name, page, truth, read in misses:
            print(f"\n{name}  {page}\n  truth:   {truth}\n  reading: {read}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
