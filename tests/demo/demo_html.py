"""A small HTML reader for the demo-portal tests (named uniquely: tests/*/conftest.py abound).

The parser is deliberately independent of crawler/: these tests check the demo's own promises
(what is planted, and that nothing else is wrong), not the product's extraction.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from netcheck.demo import site as demo_site

DEMO_DIR = Path(demo_site.__file__).parent
REPO = DEMO_DIR.parents[1]
BASE = "http://demo.invalid"
# Traditional labels of the seed page → simplified, for matching table labels.
T2S = str.maketrans("號發佈題標機關類詞報", "号发布题标机关类词报")


@dataclass
class Parsed:
    path: str
    title: str = ""
    meta: dict[str, str] = field(default_factory=dict)
    links: list[str] = field(default_factory=list)  # internal targets as paths; external ones dropped
    external: list[str] = field(default_factory=list)
    text: str = ""  # visible body text, whitespace removed
    table: dict[str, str] = field(default_factory=dict)  # label (simplified, no spaces/colons) → value
    crumbs: list[str] = field(default_factory=list)
    entries: list[tuple[str, date | None]] = field(default_factory=list)  # list-page <li> entries
    signed: date | None = None  # the date line of the signing block

    @property
    def published(self) -> date | None:
        value = self.table.get("发布日期") or ""
        if not value and (m := re.search(r"发布时间：(\d{4}-\d\d-\d\d)", self.text)):
            value = m[1]
        return date.fromisoformat(value) if value else None

    @property
    def formed(self) -> date | None:
        value = self.table.get("成文日期")
        return date.fromisoformat(value) if value else self.signed


class _Parser(HTMLParser):
    def __init__(self, page: Parsed):
        super().__init__(convert_charrefs=True)
        self.page = page
        self.stack: list[str] = []
        self.classes: list[str] = []
        self.text: list[str] = []
        self.cells: list[str] = []
        self.cell: list[str] | None = None
        self.li: tuple[str, list[str]] | None = None
        self.sign: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta" and "name" in a:
            self.page.meta[a["name"]] = a.get("content", "")
        if tag == "a" and a.get("href"):
            url = urljoin(BASE + self.page.path, a["href"])
            if url.startswith(BASE):
                self.page.links.append(urlsplit(url).path or "/")
            else:
                self.page.external.append(url)
            if "location" in self.classes:
                self.page.crumbs.append("")
        if tag in ("meta", "link", "br", "input"):
            return
        self.stack.append(tag)
        self.classes.append(a.get("class", ""))
        if tag == "td":
            self.cell = []
        if tag == "li" and "list" in self.classes:
            self.li = ("", [])

    def handle_endtag(self, tag):
        if tag not in self.stack:
            return
        while self.stack and self.stack[-1] != tag:
            self.stack.pop(), self.classes.pop()
        if tag == "td" and self.cell is not None:
            self.cells.append("".join(self.cell))
            self.cell = None
        if tag == "tr" and "xxgk-meta" in self.classes:
            for label, value in zip(self.cells[::2], self.cells[1::2]):
                key = re.sub(r"[\s:：]", "", label).translate(T2S)
                self.page.table[key] = value.strip()
            self.cells = []
        if tag == "li" and self.li is not None:
            texts = "".join(self.li[1])
            m = re.search(r"(\d{4}-\d\d-\d\d)$", texts)
            self.page.entries.append((texts, date.fromisoformat(m[1]) if m else None))
            self.li = None
        self.stack.pop(), self.classes.pop()

    def handle_data(self, data):
        if not self.stack or "title" in self.stack[-1:]:
            if self.stack[-1:] == ["title"]:
                self.page.title += data
            return
        if "head" in self.stack:
            return
        self.text.append(data)
        if self.cell is not None:
            self.cell.append(data)
        if self.li is not None:
            self.li[1].append(data)
        if "location" in self.classes and self.page.crumbs and self.stack[-1] == "a":
            self.page.crumbs[-1] += data
        if "sign" in self.classes:
            self.sign.append(data)

    def close(self):
        super().close()
        self.page.text = re.sub(r"\s+", "", "".join(self.text))
        if self.sign and (m := re.fullmatch(r"(\d{4})年(\d+)月(\d+)日", self.sign[-1].strip())):
            self.page.signed = date(int(m[1]), int(m[2]), int(m[3]))


def parse(path: str, body: bytes) -> Parsed:
    page = Parsed(path)
    parser = _Parser(page)
    parser.feed(body.decode("utf-8"))
    parser.close()
    return page
