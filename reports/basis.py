"""依据 as an office reads it: the legal text of a basis, without the research marks it was written with.

The bundled catalog's `basis` texts carry the marks of the research behind them (shared
docs/rules.md): status tags in square brackets (`[V]`, `[V2]`, `[U art no.]`, `[V text]`,
`[context]`), row ids of the rules table (`W1`, `W3/W4/W6`, `W7'`, `L3`, `F1`), notes that a
number is unverified (`（U：…）`, `points U`) and English notes in parentheses (`(20 WD)`,
`(must have … channel)`). They help whoever maintains the catalog; an office acting on its
整改清单 needs the law and the article. `display_basis` strips them, for every report that shows
a basis; the catalog and findings.jsonl keep the text as written.

What it leaves alone: Chinese legal citations (〔2015〕15号, 第二十条(二), 预算法(2018)), standard
numbers in capitals (GB/T 35273), and any basis an office wrote without such marks.
"""
from __future__ import annotations

import re

# A research status tag or note in square brackets; legal text brackets with 〔〕 or 【】, never [].
_TAGS = re.compile(r"\s*\[[^\]]*\]")
# Row ids of the legal rules table: W1, W3/W4/W6, W7', L3, F1 … standing as a word of their own.
_ROW_IDS = re.compile(r"(?<![A-Za-z0-9])[WLF]\d{1,2}'?(?:/[WLF]\d{1,2}'?)*(?![A-Za-z0-9])\s*")
# A parenthesised note that says a value is unverified: （U：…）, (U: …), （V2）.
_STATUS_NOTE = re.compile(r"\s*[（(]\s*(?:U|V2?)\s*(?:[：:][^）)]*)?[）)]")
# "20 WD", "20+20 WD": working days, said in Chinese.
_WORKDAYS = re.compile(r"(\d+(?:\+\d+)*)\s*WD\b")
_PARENS = re.compile(r"\s*\(([^()]*)\)")
_ENGLISH = re.compile(r"[a-z]{3,}")  # a lower-case English word (not 5xx): a note, not a citation
_MARK = re.compile(r"^(?:[UV]2?|points\s+[UV]2?)$")
_SPACES = re.compile(r"[ \t]+")
_SPACE_AROUND = re.compile(r"\s*([；：，。、）])\s*|([（])\s*")


def display_basis(text) -> str:
    """The basis without research marks; '' for None or a basis that was marks only."""
    if text is None:
        return ""
    out = _TAGS.sub("", str(text))
    out = _STATUS_NOTE.sub("", out)
    out = _ROW_IDS.sub("", out)
    out = _WORKDAYS.sub(lambda m: m.group(1) + "个工作日", out)
    out = _PARENS.sub(_parenthesised, out)
    out = _SPACES.sub(" ", out)
    out = _SPACE_AROUND.sub(lambda m: m.group(1) or m.group(2), out)
    out = re.sub(r"；{2,}", "；", out)
    return out.strip(" ；，、")


def _parenthesised(m: re.Match) -> str:
    """Keep the parts of a (…) note that are Chinese or a citation, in full-width parentheses."""
    parts = [p.strip() for p in re.split(r"[;；]", m.group(1))]
    kept = [p for p in parts if p and not _ENGLISH.search(p) and not _MARK.match(p)]
    return f"（{'；'.join(kept)}）" if kept else ""


__all__ = ["display_basis"]
