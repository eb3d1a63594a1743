"""Text normalisation shared by the extractors.

Government pages pad labels with ASCII, full-width (U+3000) and no-break spaces
("索 引 号：", "标&nbsp;&nbsp;题"), and some are served in traditional characters
(big5 gateways, 繁体 switches). Matching happens on the squashed, simplified form;
values are kept as the page printed them.
"""
from __future__ import annotations

import re
from functools import lru_cache

# str.split() already treats U+3000 and U+00A0 as whitespace; zero-width
# characters are not whitespace to Python but are invisible padding on these pages.
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff]")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=1)
def _t2s():
    # Built on first use, not at import: the converter loads dictionaries.
    import opencc

    return opencc.OpenCC("t2s")


def simplified(text: str) -> str:
    """Traditional → simplified Chinese (OpenCC t2s); other text unchanged."""
    if not text or text.isascii():
        return text
    # Labels, menu names and column names recur on every page: short texts are memoised.
    return _simplified_short(text) if len(text) <= SHORT_TEXT else _t2s().convert(text)


SHORT_TEXT = 64


@lru_cache(maxsize=1 << 16)
def _simplified_short(text: str) -> str:
    return _t2s().convert(text)


def collapse(text: str) -> str:
    """Runs of whitespace (any kind) become one space; ends stripped."""
    if not text:
        return ""
    if not text.isascii():
        text = _INVISIBLE.sub("", text)
    return " ".join(text.split())  # str.split() and the regex \s agree on what whitespace is


def squash(text: str) -> str:
    """Remove every whitespace and invisible character ("索 引 号" → "索引号")."""
    return _SPACES.sub("", _INVISIBLE.sub("", text or ""))


def match_key(text: str) -> str:
    """The form labels are compared in: squashed and simplified."""
    return simplified(squash(text))
