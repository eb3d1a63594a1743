"""Read one page's text for the catalog's wording: every hit with its kind, level, exact position
and a snippet.

Levels (as the monitoring services grade wording): 严重 — a listed leader's name beside a title
not allowed for them on the page's date; 疑似 — a near-miss of a listed leader's name (same pinyin,
one character different) beside one of their titles, or a title error where the name may be the
start of a longer one; 一般 — everything else (an outdated agency name, a typo, a phrase not in
its fixed form).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from ..textnorm import to_simplified
from .automaton import LEADER, WRONG_TERM, Matcher
from .titles import allowed, is_cjk, name_ends_here, title_after, title_before

SEVERE, SUSPECTED, GENERAL = "严重", "疑似", "一般"
SNIPPET = 20  # characters each side of a hit
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Hit:
    kind: str
    level: str
    term: str  # as the page writes it (simplified)
    correct: str
    position: int  # offset of the hit in the page's text
    end: int
    snippet: str
    basis: str = ""
    title: str | None = None  # a leader's hit: the title the page gives
    near: bool = False  # a near-miss of a leader's name (not the name itself)


def simplified(text: str) -> str:
    """The text in simplified characters, character for character (positions kept): OpenCC's
    phrase tables may change a text's length, and then each character is converted alone."""
    out = to_simplified.__wrapped__(text)  # a page's text is met once: not into the cache
    if len(out) == len(text):
        return out
    return "".join(_one(c) for c in text)


def _one(char: str) -> str:
    out = to_simplified(char)
    return out[:1] if out else char


def snippet(text: str, start: int, end: int) -> str:
    return _SPACE.sub(" ", text[max(0, start - SNIPPET):end + SNIPPET]).strip()


def scan(matcher: Matcher, text: str, day: date) -> list[Hit]:
    """Every hit on a page whose date (or, undated, the as-of date) is `day`, in text order."""
    if matcher.empty or not text:
        return []
    plain = simplified(text)
    hits: list[Hit] = []
    spans: list[tuple[int, int]] = []
    if matcher.automaton is not None:
        for last, (key, entries) in matcher.automaton.iter(plain):
            start, end = last - len(key) + 1, last + 1
            for e in entries:
                hit = _judge(matcher, e, plain, start, end, day)
                if hit is not None:
                    hits.append(hit)
                spans.append((start, end))
    hits += _near_misses(matcher, plain, day)
    # A hit inside a longer one (a listed word within a longer listed word) is that one's.
    hits = [h for h in hits if not any(s <= h.position and h.end <= e and (s, e) != (h.position, h.end)
                                       for s, e in spans)]
    return sorted(set(hits), key=lambda h: (h.position, h.end, h.kind))


def _judge(matcher: Matcher, e, text: str, start: int, end: int, day: date) -> Hit | None:
    if e.kind == LEADER:
        return _leader(matcher, e, text, start, end, day)
    if e.kind == WRONG_TERM:
        if e.since and day < e.since:
            return None  # the name was right when the page was written
        if start > 0 and text[start - 1] in e.not_before or end < len(text) and text[end] in e.not_after:
            return None
    if _inside_correct(e.term, e.correct, text, start):
        return None
    return Hit(e.kind, GENERAL, e.term, e.correct, start, end, snippet(text, start, end), e.basis)


def _inside_correct(term: str, correct: str, text: str, start: int) -> bool:
    """The term is part of its own correct form here (a typo list's 截止 within 截止日期's right form)."""
    if not correct or term == correct:
        return False
    at = correct.find(term)
    while at >= 0:
        if start - at >= 0 and text.startswith(correct, start - at):
            return True
        at = correct.find(term, at + 1)
    return False


def _leader(matcher: Matcher, e, text: str, start: int, end: int, day: date) -> Hit | None:
    """A listed name beside a title: 严重 when the leader does not hold that title on `day`; none
    without a title, or on a day the list gives them no title (nothing to hold it against)."""
    before = title_before(text, start, matcher.titles, matcher.longest_title)
    after = title_after(text, end, matcher.titles, matcher.longest_title)
    found = before or after
    if found is None:
        return None
    if before is not None and _former(text, start, before):
        return None  # 原副局长王某某, 时任副局长王某某: a title they held, named as such
    holds = e.leader.titles_on(day)
    if not holds or allowed(found, holds):
        return None
    # Sure only where the name is plainly a name of its own: a title or no Chinese character on
    # each side (王某某 may be the start of 王某某东, or the end of another word).
    left = before is not None or start == 0 or not is_cjk(text[start - 1])
    right = after is not None or name_ends_here(text, end)
    level = SEVERE if left and right else SUSPECTED
    return Hit(LEADER, level, e.term, f"{e.leader.name}（{'、'.join(holds)}）", start, end,
               snippet(text, start, end), e.basis, title=found)


FORMER = ("原", "时任", "前任", "曾任", "历任", "原任")


def _former(text: str, start: int, title: str) -> bool:
    at = text.rfind(title, 0, start)
    return at >= 0 and text[:at].rstrip().endswith(FORMER)


# --- near-misses: same pinyin, one character different ----------------------------------------

def _near_pattern(matcher: Matcher) -> re.Pattern | None:
    pattern = matcher.extra.get("near")
    if pattern is None and "near" not in matcher.extra:
        alternatives = [re.escape(n[:i]) + "[\u4e00-\u9fff]" + re.escape(n[i + 1:])
                        for n in sorted(matcher.names) if len(n) >= 3 for i in range(len(n))]
        pattern = re.compile("(?=(" + "|".join(alternatives) + "))") if alternatives else None
        matcher.extra["near"] = pattern
    return pattern


@lru_cache(maxsize=16384)
def _readings(char: str) -> frozenset[str]:
    from pypinyin import Style, pinyin

    return frozenset(pinyin(char, style=Style.NORMAL, heteronym=True, errors="ignore")[0] or ())


def sounds_like(a: str, b: str) -> bool:
    """Same length, one character different, read alike (toneless pinyin, as an input method types it)."""
    if len(a) != len(b):
        return False
    diff = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
    return len(diff) == 1 and bool(_readings(a[diff[0]]) & _readings(b[diff[0]]))


def _near_misses(matcher: Matcher, text: str, day: date) -> list[Hit]:
    pattern = _near_pattern(matcher)
    if pattern is None:
        return []
    out = []
    for m in pattern.finditer(text):
        word, start = m.group(1), m.start()
        if word in matcher.names:
            continue
        end = start + len(word)
        for leader in matcher.leaders:
            if not sounds_like(word, leader.name):
                continue
            before = title_before(text, start, matcher.titles, matcher.longest_title)
            after = title_after(text, end, matcher.titles, matcher.longest_title)
            found = before or after
            # Only beside one of their own titles: another person of a like name is no typo.
            if found is None or not allowed(found, tuple(t.title for t in leader.titles)):
                continue
            out.append(Hit(LEADER, SUSPECTED, word, leader.name, start, end, snippet(text, start, end),
                           leader.basis, title=found, near=True))
            break
    return out
