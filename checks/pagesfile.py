"""Where each record of a crawl sits, so that its text, title and links can be read again later.

Judging holds the crawl's tables, not its records: a page's text (kilobytes), its title and its
links (dozens a page, mostly the same nav and footer) would make memory grow with the site.
The rules that need them ask again and get them from here: from `pages.jsonl` by byte offset
(`FileRecords`), or from the list a test built the crawl from (`ListRecords`).
"""
from __future__ import annotations

import json
import re
from array import array
from json.decoder import scanstring
from pathlib import Path
from typing import Iterable, Iterator

# The record's string fields read back alone, and whether the crawler writes the field after
# the same key of its entries and links ("text": links come first) or before ("title").
FIELDS = {"text": True, "title": False}
KEYS = {name: re.compile(rb'"%s"\s*:\s*"' % name.encode()) for name in FIELDS}
# Every "url" value of a line (the page's own, its entries' and its links'), up to its closing
# quote, or up to a backslash: an escaped URL, rare, for which the line is parsed whole.
URL_VALUE = re.compile(rb'"url"\s*:\s*"([^"\\]*)(["\\])')
SEEN_MAX = 1 << 16  # URLs remembered while scanning, between clears


class ListRecords:
    """Records kept in memory: a crawl built from a list (tests, small tools)."""

    def __init__(self):
        self.records: list[dict] = []

    def add(self, record: dict) -> int:
        self.records.append(record)
        return len(self.records) - 1

    def record(self, seq: int) -> dict:
        return self.records[seq]

    def strings(self, field: str, seqs: Iterable[int]) -> Iterator[str]:
        for seq in seqs:
            yield self.records[seq].get(field) or ""

    def linking(self, targets: set[str], canonical) -> Iterator[dict]:
        yield from self.records


class FileRecords:
    """Records of a pages.jsonl file, read once in order and then by position.

    For each record it keeps the line's offset and where the JSON strings of the page's text
    and title lie in the line (24 bytes a record), so that reading one back decodes it alone.
    """

    def __init__(self, path: Path):
        self.path = path
        self.offsets = array("q")
        # Per field: where its JSON string starts in the line (-1: not found there, parse the
        # whole line) and how many bytes it takes (0: empty).
        self.spans = {name: (array("i"), array("i")) for name in FIELDS}

    def read(self) -> Iterator[tuple[int, dict]]:
        """(seq, record) for every record, in file order. A torn or blank line is skipped:
        a crawl killed mid-write leaves a torn last line, and the rest stands."""
        offset = 0
        with open(self.path, "rb") as fh:
            for line in fh:
                start, offset = offset, offset + len(line)
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except ValueError:
                    continue
                self.offsets.append(start)
                for name, (at, size) in self.spans.items():
                    a, s = _span(line, name, record.get(name) if isinstance(record, dict) else None)
                    at.append(a)
                    size.append(s)
                yield len(self.offsets) - 1, record

    def record(self, seq: int) -> dict:
        with open(self.path, "rb") as fh:
            fh.seek(self.offsets[seq])
            return json.loads(fh.readline())

    def strings(self, field: str, seqs: Iterable[int]) -> Iterator[str]:
        """The text or title of each given record (in file order, the reads run forward)."""
        at, size = self.spans[field]
        with open(self.path, "rb") as fh:
            for seq in seqs:
                if at[seq] < 0:
                    fh.seek(self.offsets[seq])
                    yield json.loads(fh.readline()).get(field) or ""
                elif size[seq] == 0:
                    yield ""
                else:
                    fh.seek(self.offsets[seq] + at[seq])
                    yield json.loads(fh.read(size[seq]))

    def linking(self, targets: set[str], canonical) -> Iterator[dict]:
        """Every record, in file order, that may link to one of `targets` (canonical URLs).

        A line is parsed only when one of its "url" values is a target: a few hundred lines
        out of a hundred thousand, when the targets are a site's dead links."""
        hits: dict[bytes, bool] = {}  # the nav and footer repeat on every line: judge each URL once
        with open(self.path, "rb") as fh:
            for line in fh:
                for raw, end in URL_VALUE.findall(line):
                    hit = hits.get(raw) if end == b'"' else True
                    if hit is None:
                        if len(hits) >= SEEN_MAX:
                            hits.clear()
                        hit = hits[raw] = canonical(raw.decode("utf-8", "replace")) in targets
                    if hit:
                        break
                else:
                    continue
                try:
                    record = json.loads(line)
                except ValueError:
                    continue
                yield record


def _span(line: bytes, name: str, value) -> tuple[int, int]:
    """Where the JSON string of the record's top-level `name` field lies in the line: (offset,
    bytes). It is the last (text) or first (title) such key in a crawler's record; any other
    layout fails the check against the parsed value and falls back to parsing the line again."""
    if not value or not isinstance(value, str):
        return 0, 0
    key = b'"%s"' % name.encode()
    i = line.rfind(key) if FIELDS[name] else line.find(key)
    m = KEYS[name].match(line, i) if i >= 0 else None
    if m is None:
        return -1, 0
    quote = m.end() - 1
    # A title is short: decode a slice, not the kilobytes of links after it (a character cut
    # at the slice's end is dropped; a title longer than the slice fails the check below).
    tail = line[quote:] if FIELDS[name] else line[quote:quote + 4096]
    tail = tail.decode("utf-8", "ignore")
    try:
        decoded, end = scanstring(tail, 1)
    except ValueError:
        return -1, 0
    if decoded != value:
        return -1, 0
    return quote, len(tail[:end].encode("utf-8"))
