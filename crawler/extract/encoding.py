"""Decode HTML bodies whose declared encoding is wrong or missing.

Scrapy's TextResponse already follows the HTTP header, then the `<meta charset>`,
then guesses. Two cases still go wrong on Chinese government servers:

- the server declares a Latin charset (``charset=ISO-8859-1`` is a common server
  default) for a GBK page: the text decodes "fine" into mojibake, no U+FFFD;
- the page declares UTF-8 but is GBK (or the reverse): many U+FFFD.

In both cases we try the encodings these sites really use, strictly, and let
charset detection choose when more than one decodes cleanly.
"""
from __future__ import annotations

from w3lib.encoding import html_body_declared_encoding

# Encodings Scrapy may settle on that cannot be right for a page with CJK bytes.
LATIN_ENCODINGS = frozenset({"cp1252", "latin-1", "latin1", "iso-8859-1", "iso8859-1", "ascii", "us-ascii"})
# What Chinese government pages are really written in, most likely first.
# gb18030 is a superset of GBK and GB2312.
CANDIDATE_ENCODINGS = ("utf-8", "gb18030", "big5")
# More replacement characters than this share of the text means a wrong decode.
REPLACEMENT_SHARE = 0.001


def looks_misdecoded(text: str, encoding: str | None, body: bytes) -> bool:
    """True when `text` (decoded from `body` as `encoding`) is probably wrong."""
    if not body or body.isascii():
        return False
    if (encoding or "").lower().replace("_", "-") in LATIN_ENCODINGS:
        return True
    return text.count("\ufffd") > max(2, len(text) * REPLACEMENT_SHARE)


def _strict(body: bytes, encoding: str) -> str | None:
    try:
        return body.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def decode_body(body: bytes) -> str:
    """Decode `body` ignoring any HTTP header: declared charset if it decodes, else the best candidate."""
    declared = html_body_declared_encoding(body)
    if declared:
        text = _strict(body, declared)
        if text is not None:
            return text
    decoded = {enc: text for enc in CANDIDATE_ENCODINGS if (text := _strict(body, enc)) is not None}
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
    return body.decode("gb18030", errors="replace")


def response_text(response) -> str:
    """The text of a Scrapy TextResponse, re-decoded when Scrapy's decoding looks wrong."""
    text = response.text
    if looks_misdecoded(text, getattr(response, "encoding", None), response.body):
        return decode_body(response.body)
    return text
