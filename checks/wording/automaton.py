"""One Aho-Corasick automaton per catalog over every listed term (wrong terms, typos, phrases and
leaders' names), all in simplified characters; a page's text is simplified before it is searched,
keeping each character's position (checks.wording.scan).

Each key of the automaton holds the entries that spell it (two lists may list one word).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import ahocorasick

from ..textnorm import to_simplified
from .titles import TITLE_WORDS

WRONG_TERM, TYPO, PHRASE, LEADER = "wrong_term", "typo", "phrase", "leader"


@dataclass(frozen=True)
class Entry:
    kind: str  # wrong_term | typo | phrase | leader
    term: str  # as searched: simplified
    correct: str = ""
    basis: str = ""
    since: date | None = None  # wrong_term: pages before this day are right to use it
    not_before: frozenset[str] = frozenset()  # wrong_term: characters that make it part of a longer right word
    not_after: frozenset[str] = frozenset()
    leader: object = None  # leader: the catalog's Leader


@dataclass
class Matcher:
    automaton: ahocorasick.Automaton | None
    leaders: tuple = ()  # every Leader, for near-misses
    titles: frozenset[str] = frozenset()  # title vocabulary: TITLE_WORDS and the leaders' own
    longest_title: int = 0
    names: frozenset[str] = frozenset()  # the leaders' names, simplified
    extra: dict = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return self.automaton is None and not self.leaders


def _chars(text: str) -> frozenset[str]:
    return frozenset(to_simplified(text or ""))


def _entries(catalog, kind: str) -> list:
    """A list of the catalog, its entries read as a catalog file's are where they are plain
    mappings (a catalog built in code, a rule case's overrides)."""
    from ..catalog.model import Where
    from ..catalog.wording import leader_entry, text_entry

    out = []
    for i, item in enumerate(getattr(catalog, kind, None) or ()):
        if isinstance(item, dict):
            where = Where(catalog.path or catalog.name, entry=i + 1)
            item = leader_entry(where, item) if kind == "leaders" else text_entry(kind, where, item)
        out.append(item)
    return out


def build(catalog) -> Matcher:
    """The catalog's matcher: every list's entries under their simplified spelling."""
    entries: list[Entry] = []
    for t in catalog.wrong_terms:
        entries.append(Entry(WRONG_TERM, to_simplified(t.term), t.correct, t.basis, t.since,
                             _chars(t.not_before), _chars(t.not_after)))
    for t in _entries(catalog, "typos"):
        entries.append(Entry(TYPO, to_simplified(t.term), t.correct, t.basis))
    for t in _entries(catalog, "phrases"):
        entries.append(Entry(PHRASE, to_simplified(t.term), t.correct, t.basis))
    leaders = tuple(_entries(catalog, "leaders"))
    for leader in leaders:
        entries.append(Entry(LEADER, to_simplified(leader.name), leader.name, leader.basis, leader=leader))
    automaton = None
    keyed: dict[str, list[Entry]] = {}
    for e in entries:
        if e.term:
            keyed.setdefault(e.term, []).append(e)
    if keyed:
        automaton = ahocorasick.Automaton()
        for key, found in keyed.items():
            automaton.add_word(key, (key, tuple(found)))
        automaton.make_automaton()
    titles = frozenset(TITLE_WORDS) | {to_simplified(t.title) for leader in leaders for t in leader.titles}
    return Matcher(automaton, leaders, titles, max(map(len, titles)),
                   frozenset(to_simplified(leader.name) for leader in leaders))
