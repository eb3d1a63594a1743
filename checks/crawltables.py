"""The crawl's tables, built one record at a time: pages.jsonl is never held whole.

A page costs its URL and a few pointers. Values that repeat are kept once: URLs (a page's
own, the entries and links that point to it), dates, breadcrumb trails, column names and the
titles lists show. Title, text and links stay in the file (checks.pagesfile); of the links
only the short labels that name columns are kept, each (target, label) pair once.
"""
from __future__ import annotations

from array import array
from datetime import datetime, timedelta, timezone

import numpy as np
import pandas as pd

from .urls import canonical

# One row per fetched URL. Besides the record's own fields: column_name (the ColumnName tag),
# has_index (the 信息公开 table gives a 索引号), text_len (characters of text), and linked (a
# link or attachment of some page points at the URL, or at where it redirected: the pages whose
# answer the link rules need to know), date_cell_blank (the 信息公开 table has a 发布日期 row with
# nothing in it: a missing date even when one was found elsewhere on the page), published_source
# (where `published` came from: table, meta, text, url; None in crawls made before it was recorded),
# scripted (the page's list is drawn by script and was not rendered: its column cannot be counted;
# False in crawls made before it was recorded), rendered (the page was drawn in a browser, crawler.render: a
# rendered page still `scripted` drew no list even there), list_of (the column page a further list page continues,
# a TRS index_1.html or the JSON a scripted page draws from; None otherwise), identity (the page's footer
# identity items as a tuple of (item, value) pairs, one shared copy per template; None where the record has
# none: no HTML page, or a crawl made before it was recorded), guide (a 办事指南's labelled elements as a tuple of
# standard names, one shared copy per set; None on a page that is no guide, or in a crawl made before it was
# recorded), fetched (the day the page was fetched, ISO, in
# China's time (UTC+8) as the site dates its items; None when the record does not say), search and
# search_probe (the page's search box, and on the answer to the crawl's one search what it asked for,
# crawler.spidermiddlewares.searchprobe: (key, value) tuples, None without), messages (a list of messages'
# rows, crawler.extract.board: a tuple of (url, title, asked, answered, state) tuples; None on a page that
# shows none, and in crawls made before they were recorded), message (one message's page: (asked, answered,
# replier, state); None elsewhere).
PAGE_COLUMNS = ["url", "final_url", "status", "error", "is_html", "depth", "column_name", "breadcrumb", "column",
                "has_index", "date_cell_blank", "published", "published_source", "formed", "page_type",
                "empty_notice", "scripted", "rendered", "list_of", "text_len", "certificate_error", "identity", "guide",
                "fetched", "search", "search_probe", "messages", "message", "linked"]
# Issue 16: external (what an external link's target shows, crawler.extract.external: a dict, only on those
# records) and a11y (an HTML page's accessibility facts, crawler.extract.a11y: a small dict); None elsewhere.
PAGE_COLUMNS += ["external", "a11y"]
# Issue 16: attachment (an attachment downloaded to be read, crawler.extract.attachments: (type, read, why,
# chars, cut) — why its text could not be read, or None when it was; cut: its record keeps only the start
# of its text; None on every other record).
PAGE_COLUMNS += ["attachment"]
# yearless (some of the page's entries show a month and day whose year nothing on the page settles: their dates
# are unknown, not absent; False in crawls made before it was recorded).
PAGE_COLUMNS += ["yearless"]
ENTRY_COLUMNS = ["page_url", "title", "url", "date"]
MESSAGE_ROW = ("url", "title", "asked", "answered", "state")  # a `messages` row's tuple, in this order
MESSAGE_PAGE = ("asked", "answered", "replier", "state")  # a `message`'s tuple, in this order
NAV_COLUMNS = ["url", "text"]
# A link whose text is this short can name a column (行政处罚, 信息公开); a longer one is an
# article's title. Only such links of kind internal/external are kept, for category matching,
# and not those to an article: they say 上一篇 or the article's title, never a column's name.
NAV_MIN_CHARS, NAV_MAX_CHARS = 2, 14
NAV_KINDS = frozenset({"internal", "external"})
CHINA = timezone(timedelta(hours=8))  # the sites' own dates are China's: a page fetched 23:00 UTC is fetched tomorrow
CANONICAL_MAX = 1 << 12  # link URLs whose canonical form is remembered, between clears


class FirstSeen:
    """Distinct int64 keys in the order first seen, kept in numpy: 16 bytes a distinct key."""

    CHUNK = 1 << 16
    RECENT = 1 << 12

    def __init__(self):
        self.keys = np.empty(0, np.int64)
        self.first = np.empty(0, np.int64)
        self.pending = array("q")
        self.recent: set[int] = set()  # the shared nav and footer: the same keys on every page
        self.seen = 0

    def add(self, key: int) -> None:
        if key in self.recent:
            return  # already pending or kept, with an earlier sighting
        if len(self.recent) >= self.RECENT:
            self.recent.clear()
        self.recent.add(key)
        self.pending.append(key)
        if len(self.pending) >= self.CHUNK:
            self._merge()

    def _merge(self) -> None:
        new = np.array(self.pending, dtype=np.int64)
        # The kept keys come first, so np.unique's first index is each key's earliest sighting.
        keys, index = np.unique(np.concatenate([self.keys, new]), return_index=True)
        self.first = np.concatenate([self.first, np.arange(self.seen, self.seen + len(new))])[index]
        self.keys, self.seen, self.pending = keys, self.seen + len(new), array("q")

    def ordered(self) -> np.ndarray:
        self._merge()
        return self.keys[np.argsort(self.first, kind="stable")]


class TableBuilder:
    """Feed it records in crawl order with `add`; `tables` gives the crawl's tables.

    `records` (a pagesfile source) is read again only for a URL recorded twice, to find the
    links its earlier records already gave (a link counts once per page and target).
    """

    FLAGS = ("is_html", "has_index", "date_cell_blank", "empty_notice", "scripted", "rendered",
             "yearless")  # kept a byte each, not a pointer

    def __init__(self, records):
        self.records = records
        self.url_ids: dict[str, int] = {}
        self.urls: list[str] = []
        self.row_by_id = array("i")  # per URL id: the pages row fetched under it, or -1
        self.linked = bytearray()  # per URL id: a link or attachment points there
        self.ids = array("i")  # per pages row: the ids of its URL and of where it landed (-1: nowhere)
        self.final_ids = array("i")
        self.pool: dict = {}  # one copy of each repeated value
        self.labels: dict[str, int] = {}
        self.label_list: list[str] = []
        self.columns: dict[str, list | array] = {c: [] for c in PAGE_COLUMNS}
        self.columns.update({c: array("b") for c in self.FLAGS}, text_len=array("q"))
        self.seqs = array("q")
        self.superseded: list[int] = []
        self.earlier: dict[str, list[int]] = {}  # URL recorded more than once → its earlier records
        self.entries: dict[str, list] = {c: [] for c in ENTRY_COLUMNS}
        self.nav = FirstSeen()
        self.canonical_of: dict = {}

    def _url(self, url: str) -> int:
        i = self.url_ids.get(url)
        if i is None:
            i = self.url_ids[url] = len(self.urls)
            self.urls.append(url)
            self.row_by_id.append(-1)
            self.linked.append(0)
        return i

    def _one(self, value):
        try:
            return self.pool.setdefault(value, value)
        except TypeError:  # a list or dict where a string belongs: kept as it is
            return value

    def add(self, seq: int, rec: dict) -> None:
        url_id = self._url(canonical(rec.get("url")))
        url = self.urls[url_id]
        final = canonical(rec.get("final_url"))
        metadata, meta = rec.get("metadata") or {}, rec.get("meta") or {}
        text = rec.get("text") or ""
        previous = self.row_by_id[url_id]
        if previous >= 0:  # a URL fetched twice (e.g. a resumed crawl) keeps its last answer
            self.superseded.append(previous)
            self.earlier.setdefault(url, []).append(self.seqs[previous])
        self.row_by_id[url_id] = len(self.seqs)
        self.seqs.append(seq)
        self.ids.append(url_id)
        self.final_ids.append(self._url(final) if final else -1)
        c = self.columns
        c["url"].append(url)
        c["final_url"].append(self.urls[self.final_ids[-1]] if final else None)
        c["status"].append(rec.get("status"))
        c["error"].append(self._one(rec.get("error")))
        c["is_html"].append(bool(rec.get("is_html")))
        c["depth"].append(rec.get("depth"))
        c["column_name"].append(self._one(meta.get("ColumnName") or ""))
        c["breadcrumb"].append(self._one(tuple(map(self._one, rec.get("breadcrumb") or ()))))
        c["column"].append(self._one(rec.get("column") or ""))
        c["has_index"].append(bool(str(metadata.get("索引号") or "").strip()))
        c["date_cell_blank"].append("发布日期" in metadata and not str(metadata.get("发布日期") or "").strip())
        c["published"].append(self._one(rec.get("published")))
        c["published_source"].append(self._one(rec.get("published_source")))
        c["formed"].append(self._one(rec.get("formed")))
        c["page_type"].append(self._one(rec.get("page_type")))
        c["empty_notice"].append(bool(rec.get("empty_notice")))
        c["scripted"].append(bool(rec.get("scripted")))
        c["rendered"].append(bool(rec.get("rendered")))
        c["yearless"].append(bool(rec.get("yearless_dates")))
        c["list_of"].append(self._one(rec.get("list_of")))
        c["text_len"].append(len(text) if isinstance(text, str) else 0)
        c["certificate_error"].append(rec.get("certificate_error"))
        identity = rec.get("identity")
        c["identity"].append(None if identity is None else self._one(tuple(sorted(identity.items()))))
        guide = rec.get("guide")
        c["guide"].append(None if guide is None else self._one(tuple(guide)))
        for name in ("search", "search_probe"):
            value = rec.get(name)
            c[name].append(self._one(tuple(sorted(value.items()))) if value else None)
        c["fetched"].append(self._one(fetched_day(rec.get("fetched_at"))))
        messages, message = rec.get("messages"), rec.get("message")
        c["messages"].append(tuple((canonical(m["url"]) if m.get("url") else None,
                                    *(self._one(m.get(k)) for k in MESSAGE_ROW[1:])) for m in messages)
                             if messages else None)
        c["message"].append(tuple(self._one(message.get(k)) for k in MESSAGE_PAGE) if message else None)
        c["external"].append(rec.get("external"))
        c["a11y"].append(rec.get("a11y"))
        attachment = rec.get("attachment")
        c["attachment"].append(None if not attachment else self._one(
            tuple(attachment.get(k) for k in ("type", "read", "why", "chars", "cut"))))
        e = self.entries
        for entry in rec.get("entries") or ():
            e["page_url"].append(url)
            e["title"].append(self._one(entry.get("title") or ""))
            target = canonical(entry.get("url"))
            e["url"].append(self.urls[self._url(target)] if target else "")
            e["date"].append(self._one(entry.get("date")))
        self._links(url, rec.get("links") or ())

    def _canonical(self, url: str | None) -> str:
        """canonical(), remembered for the URLs every page links to (nav, footer)."""
        form = self.canonical_of.get(url)
        if form is None:
            if len(self.canonical_of) >= CANONICAL_MAX:
                self.canonical_of.clear()
            form = self.canonical_of[url] = canonical(url)
        return form

    def _links(self, page_url: str, links) -> None:
        seen = set()
        for seq in self.earlier.get(page_url, ()):
            seen.update(canonical(link.get("url")) for link in self.records.record(seq).get("links") or ())
        for link in links:
            url = self._canonical(link.get("url"))
            if (link.get("kind") or "internal") != "other" and (link.get("tag") or "a") != "pagination":
                self.linked[self._url(url)] = 1
            if url in seen:
                continue  # a page's first link to a target is the one that counts
            seen.add(url)
            if (link.get("kind") or "internal") in NAV_KINDS:
                text = link.get("text") or ""
                if NAV_MIN_CHARS <= len(text.strip()) <= NAV_MAX_CHARS:
                    label = self.labels.get(text)
                    if label is None:
                        label = self.labels[text] = len(self.label_list)
                        self.label_list.append(text)
                    self.nav.add(self._url(url) << 32 | label)

    def tables(self) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, np.ndarray]:
        """pages, entries, nav_links, and per pages row the seq of its record. Spends the builder:
        each list is let go as soon as its column is made, so the lists and the tables never
        stand side by side in memory."""
        page_type = self.columns["page_type"]
        nav: dict[str, list] = {"url": [], "text": []}
        for key in self.nav.ordered().tolist():
            row = self.row_by_id[key >> 32]
            if row < 0 or page_type[row] != "article":  # a link to an article names the article
                nav["url"].append(self.urls[key >> 32])
                nav["text"].append(self.label_list[key & 0xFFFFFFFF])
        linked = np.frombuffer(self.linked, dtype=np.uint8).astype(bool)
        ids, final_ids = np.array(self.ids, dtype=np.int64), np.array(self.final_ids, dtype=np.int64)
        self.columns["linked"] = linked[ids] | (linked[final_ids] & (final_ids >= 0))
        self.url_ids = self.urls = self.row_by_id = self.pool = self.labels = self.label_list = self.nav = None
        self.canonical_of = self.linked = self.ids = self.final_ids = None
        seqs, keep = np.array(self.seqs, dtype=np.int64), None
        if self.superseded:
            keep = np.ones(len(seqs), dtype=bool)
            keep[self.superseded] = False
            seqs = seqs[keep]
        return _frame(self.columns, PAGE_COLUMNS, keep), _frame(self.entries, ENTRY_COLUMNS), \
            _frame(nav, NAV_COLUMNS), seqs


def fetched_day(stamp) -> str | None:
    """The day of a record's `fetched_at` (an ISO timestamp, UTC unless it says otherwise) in China's
    time, ISO; None when there is none or it does not parse."""
    if not stamp or not isinstance(stamp, str):
        return None
    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(CHINA).date().isoformat()


def _frame(columns: dict[str, list], names: list[str], keep: np.ndarray | None = None) -> pd.DataFrame:
    """A table from its columns' lists, emptying `columns` one list at a time."""
    if not columns[names[0]]:
        columns.clear()
        return pd.DataFrame([], columns=names)  # all object: pandas types empty lists float64
    data = {}
    for name in names:
        values = columns.pop(name)
        if isinstance(values, (array, np.ndarray)):
            if isinstance(values, array):
                values = np.array(values, dtype=bool if values.typecode == "b" else np.int64)
            data[name] = pd.Series(values if keep is None else values[keep])
        else:
            data[name] = pd.Series(values if keep is None else [v for v, k in zip(values, keep) if k])
        del values
    return pd.DataFrame(data, copy=False)
