"""China's official working days, counted for many items at once.

Weekends and public holidays are off and make-up working weekends (调休) are on, as the
State Council announces them (the chinesecalendar package). For years the package does not
know yet, weekdays count as working days and the run carries a warning; a catalog can list
extra holidays and working days for those years or for local arrangements.
"""
from __future__ import annotations

from datetime import date, timedelta

import numpy as np

_DAY = np.timedelta64(1, "D")


def _official() -> tuple[dict, dict, range]:
    from chinese_calendar import constants

    years = {d.year for d in constants.holidays}
    return constants.holidays, constants.workdays, range(min(years), max(years) + 1)


class WorkCalendar:
    """Counts working days between dates, vectorised over arrays of dates.

    A table of days with a running count of working days is built once for the span needed;
    a count between two dates is then a difference of two look-ups.
    """

    def __init__(self, holidays=(), workdays=()):
        self._holidays = {np.datetime64(d, "D") for d in holidays}
        self._workdays = {np.datetime64(d, "D") for d in workdays}
        self._official_off, self._official_on, self.known_years = _official()
        self.fallback_years: set[int] = set()
        self._start = self._end = None
        self._cum = None  # _cum[i] = working days in [_start, _start + i]

    # -- table ------------------------------------------------------------------------------
    def _ensure(self, lo: np.datetime64, hi: np.datetime64) -> None:
        if self._start is not None and lo >= self._start and hi <= self._end:
            return
        lo = min(lo, self._start) if self._start is not None else lo
        hi = max(hi, self._end) if self._end is not None else hi
        # Pad so that adding a rectification period to the as-of date stays inside the table.
        lo, hi = lo - 7 * _DAY, hi + 120 * _DAY
        days = np.arange(lo, hi + _DAY, _DAY)
        weekday = (days.astype("datetime64[D]").view("int64") - 4) % 7  # 1970-01-01 was a Thursday
        working = weekday < 5
        years = days.astype("datetime64[Y]").astype(int) + 1970
        known = (years >= self.known_years.start) & (years < self.known_years.stop)
        for d in self._official_off:
            i = (np.datetime64(d, "D") - lo) // _DAY
            if 0 <= i < len(days):
                working[i] = False
        for d in self._official_on:
            i = (np.datetime64(d, "D") - lo) // _DAY
            if 0 <= i < len(days):
                working[i] = True
        for d in self._holidays:
            i = (d - lo) // _DAY
            if 0 <= i < len(days):
                working[i] = False
        for d in self._workdays:
            i = (d - lo) // _DAY
            if 0 <= i < len(days):
                working[i] = True
        self._unknown_years = set(np.unique(years[~known]).tolist())
        self._start, self._end = lo, hi
        self._cum = np.cumsum(working, dtype=np.int64)
        self._working = working

    def _index(self, dates: np.ndarray) -> np.ndarray:
        return ((dates - self._start) // _DAY).astype(np.int64)

    def _note_fallback(self, dates: np.ndarray) -> None:
        if len(dates):
            years = set(np.unique(dates.astype("datetime64[Y]").astype(int) + 1970).tolist())
            self.fallback_years |= years & self._unknown_years

    # -- queries ----------------------------------------------------------------------------
    def count_after(self, formed, posted) -> np.ndarray:
        """Working days after `formed`, up to and including `posted` (Mon→Tue is 1).

        Accepts scalars or array-likes of dates (NaT allowed; the result is -1 there).
        """
        f = np.atleast_1d(np.asarray(formed, dtype="datetime64[D]"))
        p = np.atleast_1d(np.asarray(posted, dtype="datetime64[D]"))
        valid = ~(np.isnat(f) | np.isnat(p))
        out = np.full(np.broadcast(f, p).shape, -1, dtype=np.int64)
        if valid.any():
            fv, pv = np.broadcast_arrays(f, p)
            fv, pv = fv[valid], pv[valid]
            self._ensure(min(fv.min(), pv.min()), max(fv.max(), pv.max()))
            self._note_fallback(np.concatenate([fv, pv]))
            out[valid] = self._cum[self._index(pv)] - self._cum[self._index(fv)]
        return out

    def workdays_after(self, formed: date, posted: date) -> int:
        return int(self.count_after(formed, posted)[0])

    def is_workday(self, day: date) -> bool:
        d = np.datetime64(day, "D")
        self._ensure(d, d)
        self._note_fallback(np.array([d]))
        return bool(self._working[self._index(np.array([d]))[0]])

    def add_workdays(self, start: date, n: int) -> date:
        """The n-th working day after `start` (n=0: start itself)."""
        if n <= 0:
            return start
        d = np.datetime64(start, "D")
        self._ensure(d, d + (n * 2 + 30) * _DAY)
        i = self._index(np.array([d]))[0]
        target = self._cum[i] + n
        j = int(np.searchsorted(self._cum, target, side="left"))
        if j >= len(self._cum):  # a long period past the table: grow it and ask again
            self._ensure(d, d + (n * 3 + 60) * _DAY)
            return self.add_workdays(start, n)
        result = (self._start + j * _DAY).astype(date)
        self._note_fallback(np.array([np.datetime64(result, "D")]))
        return result

    def warnings(self) -> list[str]:
        return [f"{y}年不在官方节假日日历（chinesecalendar {self.known_years.start}–{self.known_years.stop - 1}）内："
                f"按周一至周五计算工作日，可在目录 calendar 中补充节假日与调休"
                for y in sorted(self.fallback_years)]


def as_date(value) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def days_between(earlier: date, later: date) -> int:
    return (later - earlier) // timedelta(days=1)
