"""Property tests of the personal-data detectors and redaction (checks/pii.py).

A real ID number (GB 11643 check digit, a province, a birth date that existed) or mobile
number is flagged wherever it stands in running text; the same number masked, with a wrong
check digit, inside a longer digit run or under a public-code label never is. Redaction
leaves no number the detector would flag, changes nothing when run twice, and keeps every
leak findable (the privacy rule judges the redacted crawl).
"""
from __future__ import annotations

import re
from collections import Counter
from datetime import date

from hypothesis import assume, example, given
from hypothesis import strategies as st

from checks.pii import LONG_DIGITS, find_personal_data, redact, valid_id
from fuzz_strategies import full_width, noisy_text, quiet_text

TODAY = date(2024, 6, 30)
# GB/T 2260 province-level codes, plus Taiwan (71), Hong Kong (81) and Macao (82).
PROVINCES = (11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
             50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82)
# Mobile number blocks in use (MIIT): 13x, 145–149, 15x but 154, 162/165–167, 170–178, 18x, 19x but 194.
MOBILE_BLOCKS = tuple(
    [*range(130, 140), *range(145, 150), *range(150, 154), *range(155, 160), 162, 165, 166, 167,
     *range(170, 179), *range(180, 190), *range(190, 194), *range(195, 200)])
MASKS = "*＊×xX"
# Nothing that may stand right before or after a number changes what it is: no digit, letter,
# mask, dash or +, and no 号/码 (public-code labels such as 文号 and 统一社会信用代码 end in them).
NOT_NUMBER = "".join(chr(c) for c in range(ord("A"), ord("z") + 1)) + MASKS + "-－—+号码"
SEPARATORS = st.sampled_from(["：", ":", "，", "。", " ", "（", "\n", "、", "是"])
SURROUNDING = quiet_text(extra=NOT_NUMBER, max_size=20)


def check_char(body: str) -> str:
    """GB 11643-1999: weights 2^(17-i) mod 11, check characters 1 0 X 9 8 7 6 5 4 3 2."""
    total = sum(int(c) * (2 ** (17 - i) % 11) for i, c in enumerate(body))
    return "10X98765432"[total % 11]


@st.composite
def id_numbers(draw, provinces=PROVINCES) -> str:
    region = f"{draw(st.sampled_from(provinces))}{draw(st.integers(0, 9999)):04d}"
    born = draw(st.dates(date(1880, 1, 1), TODAY))
    body = f"{region}{born:%Y%m%d}{draw(st.integers(0, 999)):03d}"
    check = check_char(body)
    return body + (check.lower() if draw(st.booleans()) else check)


@st.composite
def mobile_numbers(draw) -> str:
    return f"{draw(st.sampled_from(MOBILE_BLOCKS))}{draw(st.integers(0, 10**8 - 1)):08d}"


@st.composite
def written_mobile(draw, number: str) -> str:
    """As pages print a mobile number: 13904275678, 139 0427 5678, 139-0427-5678, +86 …"""
    sep = st.sampled_from(["", " ", "-"])
    country = draw(st.sampled_from(["", "", "+86 ", "+86-", "+86", "86 ", "0086"]))
    return f"{country}{number[:3]}{draw(sep)}{number[3:7]}{draw(sep)}{number[7:]}"


@st.composite
def masked(draw, number: str, positions: range) -> str:
    """`number` with some of its middle characters hidden by one mask character."""
    flags = draw(st.lists(st.booleans(), min_size=len(positions), max_size=len(positions)))
    hidden = {i for i, hide in zip(positions, flags) if hide} or {draw(st.sampled_from(positions))}
    mask = draw(st.sampled_from(MASKS))
    return "".join(mask if i in hidden else c for i, c in enumerate(number))


@st.composite
def card_numbers(draw) -> str:
    """A bank card number (16–19 digits, Luhn check digit last)."""
    length = draw(st.integers(11, 14))
    body = f"{draw(st.sampled_from([6222, 6228, 6217, 4367, 5187]))}{draw(st.integers(0, 10**length - 1)):0{length}d}"
    digits = [int(c) for c in reversed(body)]
    total = sum(d * 2 - 9 if i % 2 == 0 and d > 4 else d * 2 if i % 2 == 0 else d for i, d in enumerate(digits))
    return body + str(-total % 10)


def in_text(draw, value: str) -> str:
    return draw(SURROUNDING) + draw(SEPARATORS) + value + draw(SEPARATORS) + draw(SURROUNDING)


def found(text: str) -> list[tuple[str, str]]:
    return [(h.kind, h.masked) for h in find_personal_data(text, TODAY)]


# --- no exception on any input ---------------------------------------------------------------

@given(noisy_text(max_size=200))
def test_any_text_is_read_and_redacted_without_error(text):
    hits = find_personal_data(text, TODAY)
    assert all(0 <= h.start < h.end <= len(text) and h.kind in ("id", "mobile", "bank_card") for h in hits)
    assert isinstance(redact(text, TODAY), str)


# --- ID numbers ----------------------------------------------------------------------------

@given(st.data(), id_numbers())
def test_a_real_id_number_in_running_text_is_flagged_masked(data, number):
    text = in_text(data.draw, number)
    assert found(text) == [("id", number[:6] + "********" + number[14:])]


@given(st.data(), id_numbers())
def test_an_id_number_in_full_width_digits_is_flagged_as_the_same_number(data, number):
    text = in_text(data.draw, full_width(number))
    assert found(text) == [("id", number[:6] + "********" + number[14:])]


@given(st.data(), id_numbers())
def test_a_masked_id_number_is_never_flagged(data, number):
    text = in_text(data.draw, data.draw(masked(number, range(1, 17)), label="masked"))
    assert found(text) == []


@given(st.data(), id_numbers(provinces=(13, 15)).filter(lambda n: n[:3] != "154"),
       st.integers(12, 18))
def test_an_id_masked_after_its_first_eleven_digits_is_not_a_mobile_number(data, number, keep_last):
    # 13010219900******* shows eleven digits that look like a mobile number (130…): they are
    # an ID's head, hidden like its tail, whatever the mask character.
    mask = data.draw(st.sampled_from(MASKS), label="mask")
    assert found(in_text(data.draw, number[:11] + mask * (keep_last - 11) + number[keep_last:])) == []


@given(st.data(), id_numbers(), st.sampled_from("0123456789X"))
def test_an_id_number_with_a_wrong_check_character_is_not_flagged(data, number, wrong):
    assume(wrong != number[-1].upper())
    assert found(in_text(data.draw, number[:17] + wrong)) == []


@given(st.data(), id_numbers(), st.from_regex(r"[0-9]{1,4}", fullmatch=True), st.booleans())
def test_an_id_number_inside_a_longer_digit_run_is_not_flagged(data, number, extra, before):
    assert found(in_text(data.draw, extra + number if before else number + extra)) == []


@given(st.data(), id_numbers(),
       st.sampled_from(["统一社会信用代码", "注册号", "许可证编号", "索引号", "文号", "案号", "纳税人识别号"]),
       st.sampled_from(["：", ":", "为", "（证照）："]))
def test_an_id_shaped_number_under_a_public_code_label_is_not_flagged(data, number, label, colon):
    assert found(data.draw(SURROUNDING) + "，" + label + colon + number + data.draw(SEPARATORS)) == []


# --- mobile numbers -------------------------------------------------------------------------

@given(st.data(), mobile_numbers())
def test_a_mobile_number_in_any_written_form_is_flagged_masked(data, number):
    text = in_text(data.draw, data.draw(written_mobile(number), label="written"))
    assert found(text) == [("mobile", number[:3] + "****" + number[7:])]


@given(st.data(), mobile_numbers())
def test_a_mobile_number_in_full_width_digits_is_flagged_as_the_same_number(data, number):
    text = in_text(data.draw, full_width(data.draw(written_mobile(number), label="written")))
    assert found(text) == [("mobile", number[:3] + "****" + number[7:])]


@given(st.data(), mobile_numbers())
def test_a_masked_mobile_number_is_never_flagged(data, number):
    written = data.draw(masked(number, range(3, 7)), label="masked")
    spaced = data.draw(st.booleans())
    text = in_text(data.draw, f"{written[:3]} {written[3:7]} {written[7:]}" if spaced else written)
    assert found(text) == []


# --- bank cards -----------------------------------------------------------------------------

@given(st.data(), card_numbers(), st.sampled_from(["银行账号：", "开户银行：某银行 账号", "卡号:", "账户 "]),
       st.sampled_from(["", " ", "-"]))
def test_a_card_number_beside_a_bank_label_is_flagged_masked(data, digits, label, sep):
    assume(not valid_id(digits, TODAY))  # an 18-digit card can also be a valid ID number: that wins
    written = sep.join(digits[i:i + 4] for i in range(0, len(digits), 4))
    assert found(data.draw(SURROUNDING) + "，" + label + written + "。") == [
        ("bank_card", digits[:4] + "*" * (len(digits) - 8) + digits[-4:])]


# --- redaction --------------------------------------------------------------------------------

@st.composite
def pii_fragment(draw) -> str:
    kind = draw(st.sampled_from(["id", "bad id", "masked id", "mobile", "masked mobile", "card", "label",
                                 "noise", "digits", "token"]))
    if kind == "id":
        number = draw(id_numbers())
        return full_width(number) if draw(st.booleans()) else number
    if kind == "bad id":
        number = draw(id_numbers())
        return number[:17] + str((int(check_char(number[:17]).replace("X", "10")) + 1) % 10)
    if kind == "masked id":
        return draw(masked(draw(id_numbers()), range(1, 17)))
    if kind == "mobile":
        return draw(written_mobile(draw(mobile_numbers())))
    if kind == "masked mobile":
        return draw(masked(draw(mobile_numbers()), range(3, 7)))
    if kind == "card":
        digits = draw(card_numbers())
        return draw(st.sampled_from(["", " ", "-"])).join(digits[i:i + 4] for i in range(0, len(digits), 4))
    if kind == "label":
        return draw(st.sampled_from(["身份证号：", "手机：", "银行账号：", "统一社会信用代码：", "开户行", "文号", "，"]))
    if kind == "digits":
        return draw(st.text("0123456789 -", min_size=1, max_size=12))
    if kind == "token":
        return draw(st.sampled_from(["⟪", "⟫", "⟪id:", "⟪mobile:", "⟪bank_card:", "*", "+86"]))
    return draw(noisy_text(max_size=6))


PII_TEXT = st.lists(pii_fragment(), max_size=8).map("".join)


@given(PII_TEXT)
def test_redacted_text_holds_no_number_the_detector_would_flag(text):
    redacted = redact(text, TODAY)
    assert [h for h in find_personal_data(redacted, TODAY) if not redacted.startswith("⟪", h.start)] == []


@given(PII_TEXT)
def test_redaction_is_idempotent(text):
    once = redact(text, TODAY)
    assert redact(once, TODAY) == once


@given(PII_TEXT.filter(lambda t: "⟪" not in t and "⟫" not in t))
def test_every_leak_is_still_found_in_the_redacted_text(text):
    assert Counter(found(redact(text, TODAY))) == Counter(found(text))


@given(PII_TEXT)
@example("手机：1390427 5678。")  # a mobile number with one separator only
def test_the_privacy_rule_prefilter_never_hides_a_leak(text):
    if find_personal_data(text, TODAY):
        assert re.search(LONG_DIGITS, text)
