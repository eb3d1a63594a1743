"""A cell's or a YAML value's meaning, by its field's type (checks.catalog.fields): text, a list of
names, a whole number or a number in range, a severity, a category class, yes/no, dates.

`read(field, value, err)` gives the value, or raises `err(reason)`, a CatalogError naming where.
Reasons are Chinese and name the value as written; the caller's `err` adds the file, the row and
the column.
"""
from __future__ import annotations

import math
import re
from datetime import date, datetime

from .fields import EDITIONS, KIND_WORDS, LIST_SEPARATORS, NO_WORDS, SEVERITY_WORDS, YES_WORDS, Field
from .messages import N_, Message, msg

_SEVERITY = {word.lower(): severity for severity, words in SEVERITY_WORDS.items() for word in (severity, *words)}
_KIND = {word.lower(): kind for kind, words in KIND_WORDS.items() for word in (kind, *words)}
_YES = {w.lower() for w in YES_WORDS}
_NO = {w.lower() for w in NO_WORDS}


def read(f: Field, value, err):
    """The value of field `f` as written: None/""/() when left empty (the caller applies the default)."""
    return _READERS[f.type](f, value, err)


def is_empty(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def shown(value) -> str | Message:
    """A value as a message quotes it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f"「{value if len(value) <= 40 else value[:40] + '…'}」"
    if isinstance(value, (list, tuple)):
        return msg(N_("列表"))
    if isinstance(value, dict):
        return msg(N_("映射（键: 值）"))
    if isinstance(value, (date, datetime)):
        return msg(N_("日期 {date}"), date=value.isoformat())
    return str(value)


def _not(value) -> Message:
    """"不能是…" for the value as written: a space before a number or true/false, as before Latin text."""
    said = shown(value)
    return msg(N_("不能是 {value}") if str(said)[:1].isascii() else N_("不能是{value}"), value=said)


def _lead(value) -> str | Message:
    """The value as written, to begin a sentence with (a space after a number: "{value} ", which English
    translates without the space, its sentences having their own)."""
    said = shown(value)
    return msg(N_("{value} "), value=said) if str(said)[-1:].isascii() else said


def is_scalar_text(value) -> bool:
    """Text, or a number a sheet may hold in a text column. Not a bool (YAML reads yes/no as one), a
    date, a list or a mapping: those are a YAML value where text was meant."""
    return isinstance(value, (str, int, float)) and not isinstance(value, bool)


def text(value) -> str:
    return "" if value is None else str(value).strip()


def _text(f: Field, value, err) -> str:
    if value is None:
        return ""
    if not is_scalar_text(value):
        hint = msg(N_("（在 YAML 中请给它加引号）")) if isinstance(value, (bool, date)) else ""
        raise err(msg(N_("须为文字，{not_value}{hint}"), not_value=_not(value), hint=hint))
    return text(value)


def _list(f: Field, value, err) -> tuple[str, ...]:
    if value is None or value == "":
        return ()
    if isinstance(value, str):
        return tuple(a.strip() for a in re.split(LIST_SEPARATORS, value) if a.strip())
    if isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            if not is_scalar_text(item):
                raise err(msg(N_("第 {n} 项须为文字，{not_value}"), n=i + 1, not_value=_not(item)))
        return tuple(str(a).strip() for a in value if str(a).strip())
    raise err(msg(N_("须为名称列表，或用、分隔的文字，{not_value}"), not_value=_not(value)))


def _number(f: Field, value, err, integer: bool = False):
    if is_empty(value):
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise err(msg(N_("须为数字，{not_value}"), not_value=_not(value)))
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):  # OverflowError: an int past float's range
        raise err(msg(N_("须为数字，{not_value}"), not_value=_not(value))) from None
    low, high = f.minimum, f.maximum
    if math.isnan(number) or math.isinf(number) or (low is not None and number < low) or (
            high is not None and number > high):
        if integer:
            limit = (msg(N_("须为 {low} 到 {high} 之间的整数"), low=f"{low:g}", high=f"{high:g}") if high is not None else
                     msg(N_("须为不小于 {low} 的整数"), low=f"{low:g}") if low is not None else msg(N_("须为有限的整数")))
        else:
            limit = (msg(N_("须为 {low} 到 {high} 之间的数字"), low=f"{low:g}", high=f"{high:g}") if high is not None else
                     msg(N_("须为不小于 {low} 的数字"), low=f"{low:g}") if low is not None else msg(N_("须为有限的数字")))
        raise err(msg(N_("{limit}，{not_value}"), limit=limit, not_value=_not(value)))
    if integer:
        if number != int(number):
            raise err(msg(N_("须为整数，{not_value}"), not_value=_not(value)))
        return int(number)
    return number


def _int(f: Field, value, err):
    return _number(f, value, err, integer=True)


def _words(f: Field, value, err, words: dict, choices: str):
    if is_empty(value):
        return None
    if not is_scalar_text(value):
        raise err(msg(N_("须为文字，{not_value}{hint}"), not_value=_not(value), hint=""))
    word = text(value)
    found = words.get(word.lower())
    if found is None:
        raise err(msg(N_("{value}无法识别：请填 {choices}"), value=shown(word), choices=choices))
    return found


def _severity(f: Field, value, err):
    ids = "、".join(SEVERITY_WORDS)
    return _words(f, value, err, _SEVERITY,
                  msg(N_("{words}（或 {ids}；一票否决、否决同单项否决）"),
                      words="、".join(words[0] for words in SEVERITY_WORDS.values()), ids=ids))


def _kind(f: Field, value, err):
    return _words(f, value, err, _KIND, msg(N_("{words}（或 {ids}）"), words="、".join(words[0] for words in KIND_WORDS.values()),
                                            ids="、".join(KIND_WORDS)))


def _bool(f: Field, value, err):
    if is_empty(value):
        return None
    if isinstance(value, bool):
        return value
    word = text(value).lower()
    if isinstance(value, (int, float, str)) and word in _YES:
        return True
    if isinstance(value, (int, float, str)) and word in _NO:
        return False
    raise err(msg(N_("须填 是 或 否，{not_value}"), not_value=_not(value)))


_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")


def _one_date(value, err) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    m = _DATE.fullmatch(text(value)) if is_scalar_text(value) else None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except (AttributeError, ValueError):
        raise err(msg(N_("{value}不是日期（如 2016-06-30）"), value=_lead(value))) from None


def _date(f: Field, value, err):
    return None if is_empty(value) else _one_date(value, err)


def _dates(f: Field, value, err) -> tuple[date, ...]:
    if is_empty(value):
        return ()
    if isinstance(value, str):
        value = [v for v in re.split(LIST_SEPARATORS + r"|\s+", value) if v.strip()]
    elif isinstance(value, (date, datetime)):
        value = [value]
    elif not isinstance(value, (list, tuple)):
        raise err(msg(N_("须为日期列表，{not_value}"), not_value=_not(value)))
    return tuple(_one_date(v, err) for v in value)


_MONTH_DAY = re.compile(r"(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")


def _monthday(f: Field, value, err):
    if is_empty(value):
        return None
    if isinstance(value, (date, datetime)):  # Excel makes 3-31 typed in a cell a date of this year
        return value.month, value.day
    m = _MONTH_DAY.fullmatch(text(value)) if is_scalar_text(value) else None
    try:
        date(2000, int(m.group(1)), int(m.group(2)))  # a leap year, so 02-29 passes
    except (AttributeError, ValueError):
        raise err(msg(N_("{value}不是月-日（如 03-31）"), value=_lead(value))) from None
    return int(m.group(1)), int(m.group(2))


def _edition(f: Field, value, err):
    if is_empty(value):
        return None
    if is_scalar_text(value) and text(value) in {str(e) for e in EDITIONS}:
        return int(text(value))
    raise err(msg(N_("{value}不是指标版本：请填 {editions}"), value=_lead(value),
                  editions=msg(N_("{choices} 或 {last}"), choices="、".join(map(str, EDITIONS[:-1])), last=EDITIONS[-1])))


def rule_names() -> dict[str, str]:
    """A rule's id and its Chinese name, as written (compared without spaces, case ignored) → its id."""
    from .. import SPECS  # here: checks/__init__ imports the rules, which import the catalog

    out = {}
    for rule_id, spec in SPECS.items():
        out[rule_id.lower()] = rule_id
        out[re.sub(r"\s+", "", spec.name).lower()] = rule_id
    return out


def _rule(f: Field, value, err):
    if is_empty(value):
        return None
    if not is_scalar_text(value):
        raise err(msg(N_("须为规则名称或编号，{not_value}"), not_value=_not(value)))
    word = text(value)
    found = rule_names().get(re.sub(r"\s+", "", word).lower())
    if found is None:
        from .. import SPECS

        raise err(msg(N_("未知的规则{value}（可填：{names}，或其编号）"), value=shown(word),
                      names="、".join(s.name for s in SPECS.values())))
    return found


def _info(f: Field, value, err):
    return None


def _any(f: Field, value, err):
    return value


_READERS = {"text": _text, "list": _list, "int": _int, "number": _number, "severity": _severity, "kind": _kind,
            "bool": _bool, "date": _date, "dates": _dates, "monthday": _monthday, "edition": _edition,
            "rule": _rule, "info": _info, "any": _any}
