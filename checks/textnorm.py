"""Name normalisation shared by every comparison of Chinese names.

Sites write the same column as 政務公開, 政务公开, "政务 公开" or 政务公开：; all compare equal.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_PUNCT = re.compile(r"[\s\u3000\u00a0:：,，.。;；、/\\|()（）\[\]【】<>《》“”\"'‘’·•\-—_>»]+")


@lru_cache(maxsize=4)
def _converter(config: str = "t2s"):
    # OpenCC builds its dictionaries on first use; keep one per direction, built lazily.
    import opencc

    return opencc.OpenCC(config)


@lru_cache(maxsize=65536)
def to_simplified(text: str) -> str:
    return _converter().convert(text) if text else text


def to_traditional(text: str, config: str = "s2t") -> str:
    return _converter(config).convert(text) if text else text


@lru_cache(maxsize=65536)
def norm_name(text: str | None) -> str:
    """Simplified, NFKC (full-width → half-width), lower-case, no spaces or punctuation."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text)
    return _PUNCT.sub("", to_simplified(text)).lower()


def norm_name_once(text: str | None) -> str:
    """norm_name without the caches, for a name met once: a site has thousands of those (an
    article's own column name is often its title), and they would crowd out the ones that repeat."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text)
    return _PUNCT.sub("", to_simplified.__wrapped__(text)).lower()
