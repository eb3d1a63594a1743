"""Personal data in published text: resident ID numbers, mobile numbers, bank card numbers.

Each detector is a pattern plus the checks that make it sure, so that a published page is
flagged only for a number that really is personal data: an ID number passes GB 11643's
check digit, birth date and region; a mobile number lies in a range carriers use; a card
number passes Luhn and sits beside a bank-account label. Masked numbers (2101**********1234,
139****5678) never match, nor do the numbers that must be published (统一社会信用代码,
许可证编号, 索引号, 文号) or landlines and hotlines (0427-2812331, 12331).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

ID18 = re.compile(r"(?<![0-9A-Za-z*＊×])([1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx])(?![0-9A-Za-z*＊×])")
MOBILE = re.compile(r"(?<![0-9A-Za-z*＊×\-－—])(?:(?:\+|00)?86[\s-]?)?(1[3-9]\d(?:[ -]?\d{4}){2})(?![0-9*＊×xX])")
CARD = re.compile(r"(?<![\d*＊×])(\d{4}(?:[ -]?\d{4}){3}(?:[ -]?\d{1,3})?)(?![\d*＊×])")
# Digits next to a mask character (*, ＊, ×; x after a mobile number) are part of a masked number.
# Full-width digits (an IME's full-width mode) are read as the same number: one character each, so
# positions in the text stay the same.
_FULL_WIDTH = str.maketrans("０１２３４５６７８９Ｘｘ＋－\u3000", "0123456789Xx+- ")

# Every number the detectors look for has 11 digits in a row, or 3 + 4 + 4 with or without separators.
LONG_DIGITS = r"\d{3}[\s\-－]?\d{4}[\s\-－]?\d{4}|⟪"

# GB 11643-1999: weights 2^(17-i) mod 11 and the check characters.
_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
_CHECK = "10X98765432"
# First two digits: provinces (GB/T 2260), Taiwan, Hong Kong, Macao, and 91 for foreigners' permits.
_PROVINCES = {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
              50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83, 91}
# Mobile number ranges in use (MIIT allocations): 13x, 145–149, 15x but 154, 162/165–167, 170–178, 18x, 19x but 194.
_MOBILE_PREFIX = re.compile(r"^1(?:3\d|4[5-9]|5[0-35-9]|6[2567]|7[0-8]|8\d|9[0-35-9])")
# A number right after one of these labels is a code that must be published, not personal data.
_PUBLIC_CODE_LABELS = re.compile(r"(统一社会信用代码|社会信用代码|信用代码|组织机构代码|注册号|许可证编号|许可证号|证书编号|"
                                 r"索引号|文号|批准文号|案号|登记号|税号|纳税人识别号)[^，。；\n]{0,12}$")
_CARD_LABELS = re.compile(r"(银行|账号|帐号|卡号|开户|账户|帐户)[^。；\n]{0,16}$")


@dataclass(frozen=True)
class Hit:
    kind: str  # 'id' | 'mobile' | 'bank_card'
    masked: str
    start: int
    end: int = 0


# A number already redacted when the crawl was stored: ⟪id:211102********2319⟫. The crawl
# record never holds the number itself, and re-judging it still finds the leak.
REDACTED = re.compile(r"⟪(id|mobile|bank_card):([^⟫]{1,40})⟫")


def id_check_ok(number: str) -> bool:
    total = sum(int(d) * w for d, w in zip(number[:17], _WEIGHTS))
    return _CHECK[total % 11] == number[17].upper()


def valid_id(number: str, today: date | None = None) -> bool:
    """A real 18-digit resident ID: region, a birth date that existed, and the check digit."""
    if len(number) != 18 or not number[:17].isdigit():
        return False
    if int(number[:2]) not in _PROVINCES:
        return False
    try:
        born = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return False
    if born.year < 1880 or born > (today or date.today()):
        return False
    return id_check_ok(number)


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def mask(kind: str, number: str) -> str:
    if kind == "id":
        return number[:6] + "*" * 8 + number[-4:]
    if kind == "mobile":
        return number[:3] + "****" + number[-4:]
    return number[:4] + "*" * (len(number) - 8) + number[-4:]


def _public_code(text: str, start: int) -> bool:
    return bool(_PUBLIC_CODE_LABELS.search(text[max(0, start - 24):start]))


_ANY_CANDIDATE = re.compile(LONG_DIGITS)  # \d and \s take full-width digits and spaces too


def find_personal_data(text: str, today: date | None = None) -> list[Hit]:
    if not _ANY_CANDIDATE.search(text):
        return []  # most texts: no number long enough, and every record passes through here
    text = text.translate(_FULL_WIDTH)
    hits: list[Hit] = [Hit(m.group(1), m.group(2), m.start(), m.end()) for m in REDACTED.finditer(text)]
    taken: list[tuple[int, int]] = [(h.start, h.end) for h in hits]
    for m in ID18.finditer(text):
        number = m.group(1)
        if valid_id(number, today) and not _public_code(text, m.start()):
            hits.append(Hit("id", mask("id", number), *m.span(1)))
            taken.append(m.span(1))
    for m in CARD.finditer(text):
        digits = re.sub(r"\D", "", m.group(1))
        if 16 <= len(digits) <= 19 and luhn_ok(digits) and _CARD_LABELS.search(text[max(0, m.start() - 24):m.start()]) \
                and not any(a <= m.start() < b for a, b in taken):
            hits.append(Hit("bank_card", mask("bank_card", digits), *m.span(1)))
            taken.append(m.span(1))
    for m in MOBILE.finditer(text):
        number = re.sub(r"[ -]", "", m.group(1))  # written 139 0427 5678 or 139-0427-5678 too
        if _MOBILE_PREFIX.match(number) and not any(a <= m.start(1) < b for a, b in taken):
            hits.append(Hit("mobile", mask("mobile", number), *m.span(1)))
    return sorted(hits, key=lambda h: h.start)


def redact(text: str, today: date | None = None) -> str:
    """The text with every unmasked number replaced by its redacted, masked form."""
    if not text:
        return text
    out, last = [], 0
    for hit in find_personal_data(text, today):
        if hit.start < last or text.startswith("⟪", hit.start):
            continue
        out.append(text[last:hit.start] + f"⟪{hit.kind}:{hit.masked}⟫")
        last = hit.end
    out.append(text[last:])
    return "".join(out)
