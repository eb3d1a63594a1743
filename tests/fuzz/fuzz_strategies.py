"""Strategies and helpers shared by the property tests.

`quiet_text` is the surrounding text of a round-trip property: it holds nothing that could
make or break a date or a number next to the value under test (no digit in any script, no
Chinese numeral, nothing NFKC turns into one, no character from `extra`). `noisy_text` is
the opposite: any text at all, weighted towards the characters the parsers look for.
"""
from __future__ import annotations

import signal
import unicodedata
from contextlib import contextmanager

from hypothesis import strategies as st

# Characters that carry meaning for the date and number parsers: digits in several
# widths and scripts, Chinese numerals and date words, separators, mask characters,
# the redaction brackets.
INTERESTING = (
    "0123456789０１２３４５６７８９٠١٢٣¹²³①⑩"
    "〇零○OΟ一二三四五六七八九十年月日号 \u3000\n\t-/.－／．:：[]()（）【】"
    "*＊×xX⟪⟫+"
    "身份证号码手机电话银行账号卡统一社会信用代码文号发布日期时间成文"
)
# Never in a quiet text: letters the Chinese-numeral year accepts, and the redaction brackets.
_ALWAYS_LOUD = "OΟ○〇零⟪⟫"


def _is_quiet(text: str, extra: str) -> bool:
    folded = unicodedata.normalize("NFKC", text)
    return not any(c.isnumeric() or c in _ALWAYS_LOUD or c in extra for c in folded)


def quiet_text(extra: str = "", max_size: int = 12) -> st.SearchStrategy[str]:
    """Text with no digit or numeral in any script, before or after NFKC, and none of `extra`."""
    alphabet = st.characters(exclude_categories=("Cs", "Nd", "Nl", "No"),
                             exclude_characters=_ALWAYS_LOUD + extra)
    return st.text(alphabet, max_size=max_size).filter(lambda s: _is_quiet(s, extra))


def noisy_text(max_size: int = 80) -> st.SearchStrategy[str]:
    """Any text (no lone surrogates), most characters drawn from `INTERESTING`."""
    alphabet = st.one_of(st.sampled_from(INTERESTING), st.characters(exclude_categories=("Cs",)))
    return st.text(alphabet, max_size=max_size)


def digit_runs(max_digits: int = 5000) -> st.SearchStrategy[str]:
    """A run of digits from one digit up to far past Python's int() limit (4300 digits)."""
    return st.one_of(
        st.integers(min_value=0, max_value=10**30).map(str),
        st.integers(min_value=1, max_value=max_digits).map(lambda n: "9" * n),
    )


def full_width(text: str) -> str:
    """ASCII digits, letters and - / . as their full-width forms (２０１６－０３－０７)."""
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else "\u3000" if c == " " else c for c in text)


@contextmanager
def time_limit(seconds: float):
    """Raise TimeoutError when the block runs longer than `seconds`.

    A runaway loop is a bug Hypothesis cannot catch on its own: it times a call only after
    the call returns. SIGALRM interrupts pure-Python loops, which is where runaways live.
    """

    def expire(signum, frame):
        raise TimeoutError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
