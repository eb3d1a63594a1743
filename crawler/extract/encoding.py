"""Decode HTML bodies whose declared encoding is wrong or missing.

Scrapy's TextResponse already follows the HTTP header, then the `<meta charset>`,
then guesses. Four cases still go wrong on Chinese government servers:

- the server declares a Latin charset (``charset=ISO-8859-1`` is a common server
  default) for a GBK page: the text decodes "fine" into mojibake, no U+FFFD;
- the page declares UTF-8 but is GBK (or the reverse): U+FFFD replacement characters;
- the page declares one Chinese encoding and is in the other (GB2312 declared, Big5
  served): GB18030 maps almost every byte pair, unassigned ones to the Private Use
  Area, so the mojibake shows as PUA characters rather than U+FFFD;
- nothing is declared and a short page is guessed as Korean or Japanese (cp949,
  shift_jis), which read GBK bytes without complaint;
- a UTF-8 page into which a block in GBK was pasted (a syndicated box, an old footer): no
  single encoding reads it, and GB18030 reads all of it as mojibake without complaint.

In those cases we try the encodings these sites really use, strictly, and let
charset detection choose when more than one decodes cleanly. A page that is mostly UTF-8 is
read run by run instead: each stretch of non-ASCII bytes as UTF-8, or as GB18030 when it is
not UTF-8 (`decode_mixed`).
"""
from __future__ import annotations

import re

from w3lib.encoding import html_body_declared_encoding, http_content_type_encoding, resolve_encoding

# Encodings Scrapy may settle on that cannot be right for a page with CJK bytes.
LATIN_ENCODINGS = frozenset({"cp1252", "latin-1", "latin1", "iso-8859-1", "iso8859-1", "ascii", "us-ascii"})
# What Chinese government pages are really written in, most likely first.
# gb18030 is a superset of GBK and GB2312.
CANDIDATE_ENCODINGS = ("utf-8", "gb18030", "big5")
# A guess (nothing declared) outside these is a detector's mistake on a short page.
CHINESE_ENCODINGS = frozenset({"utf-8", "utf8", "gb18030", "gbk", "gb2312", "big5", "big5hkscs", "cp950",
                               "utf-16", "utf-16-le", "utf-16-be"})
# More suspicious characters (U+FFFD, Private Use Area) than this share of the text means a wrong decode.
SUSPICIOUS_SHARE = 0.001
# A body whose non-ASCII bytes are at least this share valid UTF-8 is a UTF-8 page, even when some
# stretches are not (GBK by accident forms valid UTF-8 only in short, rare runs).
MOSTLY_UTF8 = 0.5
_NON_ASCII_RUNS = re.compile(rb"[\x80-\xff]+")


_SUSPICIOUS = re.compile("[\ufffd\ue000-\uf8ff]")


def _suspicious(text: str) -> int:
    """U+FFFD and Private Use Area characters: what a decode with the wrong table leaves."""
    return len(_SUSPICIOUS.findall(text))


def _wrong(text: str) -> bool:
    return _suspicious(text) > max(2, len(text) * SUSPICIOUS_SHARE)


def _normal(encoding: str | None) -> str:
    return (encoding or "").lower().replace("_", "-")


def looks_misdecoded(text: str, encoding: str | None, body: bytes, declared: bool = True) -> bool:
    """True when `text` (decoded from `body` as `encoding`) is probably wrong.

    `declared`: whether the header or the page named an encoding; a mere guess
    outside the Chinese encodings is not trusted.
    """
    if not body or body.isascii():
        return False
    if _normal(encoding) in LATIN_ENCODINGS:
        return True
    if not declared and resolve_encoding(_normal(encoding)) not in {resolve_encoding(e) for e in CHINESE_ENCODINGS}:
        return True
    return _wrong(text)


def _strict(body: bytes, encoding: str) -> str | None:
    try:
        return body.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def decode_body(body: bytes) -> str:
    """Decode `body` ignoring any HTTP header: declared charset if it decodes cleanly, else the best candidate."""
    declared = html_body_declared_encoding(body)
    if declared:
        text = _strict(body, declared)
        if text is not None and not _wrong(text):
            return text
    mixed = decode_mixed(body)
    if mixed is not None:
        return mixed
    decoded = {enc: text for enc in CANDIDATE_ENCODINGS
               if (text := _strict(body, enc)) is not None and not _wrong(text)}
    if len(decoded) == 1:
        return next(iter(decoded.values()))
    if "utf-8" in decoded:  # bytes that are valid UTF-8 by accident are vanishingly rare
        return decoded["utf-8"]
    if decoded:  # gb18030 and big5 both decode: let charset detection choose
        try:
            from charset_normalizer import from_bytes  # installed with Scrapy (via requests)
        except ImportError:  # pragma: no cover
            return next(iter(decoded.values()))
        best = from_bytes(body, cp_isolation=list(decoded)).best()
        if best is not None and best.encoding in decoded:
            return decoded[best.encoding]
        return next(iter(decoded.values()))
    # Nothing decodes cleanly (a page with a stray bad byte): the decode that leaves the
    # fewest suspicious characters, the declared encoding first among equals.
    tried = ([declared] if declared else []) + list(CANDIDATE_ENCODINGS)
    texts = [body.decode(enc, errors="replace") for enc in tried if _known(enc)]
    return min(texts, key=_suspicious)


def decode_mixed(body: bytes) -> str | None:
    """A mostly-UTF-8 body that is not all UTF-8, decoded run by run; None for any other body.

    Each stretch of non-ASCII bytes (the ASCII between them is the same in both encodings) is
    read as UTF-8, else as GB18030; a stretch that is neither (a stray byte in UTF-8 text)
    keeps its UTF-8 reading with U+FFFD where the bad bytes are.
    """
    runs = _NON_ASCII_RUNS.findall(body)
    total = sum(map(len, runs))
    utf8 = sum(len(run) for run in runs if _strict(run, "utf-8") is not None)
    if not total or utf8 == total or utf8 < total * MOSTLY_UTF8:
        return None
    return _NON_ASCII_RUNS.sub(lambda m: _run_text(m.group()).encode("utf-8"), body).decode("utf-8")


def _run_text(run: bytes) -> str:
    text = _strict(run, "utf-8")
    if text is not None:
        return text
    loose = run.decode("utf-8", errors="replace")
    if loose.count("\ufffd") * 4 < len(run):  # a few bad bytes in UTF-8 text, not another encoding
        return loose
    other = _strict(run, "gb18030")
    return other if other is not None and not _suspicious(other) else loose


def _known(encoding: str) -> bool:
    try:
        "".encode(encoding)
        return True
    except LookupError:
        return False


def _declared(response) -> bool:
    """True when the Content-Type header or the page itself names an encoding."""
    content_type = response.headers.get(b"Content-Type") or b""
    return bool(http_content_type_encoding(content_type.decode("latin-1"))
                or html_body_declared_encoding(response.body))


def response_text(response) -> str:
    """The text of a Scrapy TextResponse, re-decoded when Scrapy's decoding looks wrong."""
    text = response.text
    if looks_misdecoded(text, getattr(response, "encoding", None), response.body, _declared(response)):
        return decode_body(response.body)
    if _suspicious(text):
        # A few bad characters: a stray bad byte in a right decode (kept), or a short page
        # in another Chinese encoding than declared (GBK served as Big5), which another
        # candidate then decodes without a single bad character.
        other = decode_body(response.body)
        if not _suspicious(other):
            return other
    return text
