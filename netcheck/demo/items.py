"""The portal's items (articles, documents, single pages) before they become HTML.

Generated items get working-day posting dates drawn with the seeded generator, and a formation
date 1–3 working days earlier, so that none of them is late, stale or out of place. The planted
items (planted.py) are added as they are written. Numbers that a real CMS assigns in order — 文号
per prefix and year, 索引号 per year — are assigned here once every item is known.
"""
from __future__ import annotations

import itertools
import random
import re
from dataclasses import dataclass, field
from datetime import date

from . import content
from .columns import COLUMNS, Column
from .planted import PLANTED
from .singles import SINGLES
from .workdays import formed_before, workdays_between

ORG_CODE = "11211100"  # first part of every 索引号
_DOC_NO = re.compile(r"^(.+)〔(\d{4})〕(\d+)号$")


@dataclass
class Item:
    column: Column
    doc_id: int
    posted: date
    formed: date | None
    title: str
    paragraphs: list[str]  # trusted HTML
    time: str = "09:30"  # PubDate time of day
    single: bool = False  # the column's only page (lives at the column's index.html)
    doc_prefix: str = ""
    doc_no: str = ""
    signed: bool = False
    attachments: list[tuple[str, str]] = field(default_factory=list)  # (label, file name)
    missing: set[str] = field(default_factory=set)  # attachment files the server does not have
    has_index: bool = True
    index_no: str = ""
    seed: bool = False
    source: str = "办公室"

    @property
    def path(self) -> str:
        if self.single:
            return self.column.index
        return f"{self.column.path}{self.posted:%Y%m}/t{self.posted:%Y%m%d}_{self.doc_id}.html"

    @property
    def folder(self) -> str:
        return self.path.rsplit("/", 1)[0] + "/"


def _draw_dates(rng: random.Random, col: Column) -> list[date]:
    if col.dates:
        return sorted(col.dates)
    fixed = {col.newest, *col.must_have}
    pool = [d for d in workdays_between(col.oldest, col.newest) if d not in fixed]
    return sorted(rng.sample(pool, col.count - len(fixed)) + sorted(fixed))


def _time(rng: random.Random) -> str:
    return f"{rng.randint(8, 16):02d}:{rng.choice(('05', '12', '20', '30', '38', '45', '50'))}"


def generate(rng: random.Random) -> list[Item]:
    ids = itertools.count(1000)  # TRS document ids; 999 stays unused (a planted 404 cites it)
    files = itertools.count(101)
    items: list[Item] = []
    for col in COLUMNS:
        if col.kind == "single":
            title, paragraphs, atts = SINGLES[col.style]()
            posted = col.dates[0]
            item = Item(col, next(ids), posted, formed_before(posted, rng.randint(1, 3)) if col.disclosure else None,
                        title, paragraphs, _time(rng), single=True)
            item.attachments = [(f"{label}.{ext}", f"P0{posted:%Y%m%d}{next(files):03d}.{ext}") for label, ext in atts]
            items.append(item)
        elif col.kind == "list" and col.style:
            used = {p.title for p in PLANTED if p.column == col.path}
            per_year: dict[int, int] = {}
            for posted in _draw_dates(rng, col):
                n = per_year[posted.year] = per_year.get(posted.year, 0) + 1
                text = content.make(col.style, rng, posted, n, used)
                dated = col.disclosure or text.signed
                item = Item(col, next(ids), posted, formed_before(posted, rng.randint(1, 3)) if dated else None,
                            text.title, text.paragraphs, _time(rng), doc_prefix=text.doc_prefix,
                            signed=text.signed, source=text.source)
                if text.attachment:
                    label, ext = text.attachment
                    item.attachments.append((f"{label}.{ext}", f"P0{posted:%Y%m%d}{next(files):03d}.{ext}"))
                items.append(item)
    columns = {c.path: c for c in COLUMNS}
    for p in PLANTED:
        item = Item(columns[p.column], p.doc_id, p.posted, p.formed, p.title, list(p.paragraphs), _time(rng),
                    doc_no=p.doc_no, signed=p.signed, has_index=p.has_index and not p.seed, seed=p.seed)
        item.attachments.extend(p.files)
        if p.attachment:
            item.attachments.append(p.attachment)
            if p.missing_attachment:
                item.missing.add(p.attachment[1])
        items.append(item)
    number(items)
    return items


def number(items: list[Item]) -> None:
    """文号 per prefix and year in signing order, around the planted ones; 索引号 per year. Again after
    fixes.apply: items added later are the newest, so the numbers of the others stay as they were."""
    taken = set()
    for item in items:
        if m := _DOC_NO.match(item.doc_no):
            taken.add((m[1], int(m[2]), int(m[3])))
    counters: dict[tuple[str, int], int] = {}
    for item in sorted(items, key=lambda i: (i.formed or i.posted, i.doc_id)):
        if item.doc_prefix and not item.doc_no:
            year = (item.formed or item.posted).year
            n = counters.get((item.doc_prefix, year), 0) + 1
            while (item.doc_prefix, year, n) in taken:
                n += 1
            counters[(item.doc_prefix, year)] = n
            item.doc_no = f"{item.doc_prefix}〔{year}〕{n}号"
    seq: dict[int, int] = {}
    for item in sorted(items, key=lambda i: (i.posted, i.doc_id)):
        if item.column.disclosure and item.has_index:
            n = seq[item.posted.year] = seq.get(item.posted.year, 0) + 1
            item.index_no = f"{ORG_CODE}/{item.posted.year}-{n:05d}"
