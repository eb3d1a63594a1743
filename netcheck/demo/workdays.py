"""China's official working days, as the audit counts them (SPEC: 调休 weekends work, holidays off).

The demo plants its late and on-time items with these helpers, so the planted delays are the
ones an auditor counting with the official calendar gets, not a weekday count.
"""
from __future__ import annotations

from datetime import date, timedelta

import chinese_calendar

_DAY = timedelta(days=1)


def is_workday(day: date) -> bool:
    return chinese_calendar.is_workday(day)


def delay(formed: date, posted: date) -> int:
    """Working days after `formed`, up to and including `posted` (signed Monday, posted Tuesday: 1)."""
    count, day = 0, formed + _DAY
    while day <= posted:
        count += is_workday(day)
        day += _DAY
    return count


def formed_before(posted: date, workdays: int) -> date:
    """A working day from which `posted` is exactly `workdays` working days later."""
    day, seen = posted, 0
    while True:
        seen += is_workday(day)
        if seen == workdays:
            break
        day -= _DAY
    day -= _DAY
    # A document is signed on a working day; stepping back over days off keeps the count.
    while not is_workday(day):
        day -= _DAY
    return day


def workdays_between(first: date, last: date) -> list[date]:
    """All working days from `first` to `last`, both included."""
    days, day = [], first
    while day <= last:
        if is_workday(day):
            days.append(day)
        day += _DAY
    return days
