"""Working days follow China's official calendar, vectorised, with a stated fallback."""
from datetime import date

import numpy as np
import pytest

from checks.workdays import WorkCalendar


@pytest.mark.parametrize("formed, posted, expected", [
    (date(2016, 3, 7), date(2016, 4, 7), 22),   # the seed report: Qingming (04-04) is off
    (date(2016, 3, 7), date(2016, 3, 8), 1),    # signed Monday, posted Tuesday
    (date(2016, 3, 11), date(2016, 3, 14), 1),  # Friday to Monday: the weekend is off
    (date(2016, 6, 8), date(2016, 6, 17), 6),   # 端午 06-09/10 off, Sunday 06-12 a make-up working day
    (date(2016, 5, 10), date(2016, 5, 19), 7),
    (date(2016, 4, 7), date(2016, 4, 7), 0),
])
def test_delay_counts_official_working_days(formed, posted, expected):
    assert WorkCalendar().workdays_after(formed, posted) == expected


def test_counts_many_items_at_once():
    cal = WorkCalendar()
    formed = np.array(["2016-03-07", "2016-06-08", "NaT"], dtype="datetime64[D]")
    posted = np.array(["2016-04-07", "2016-06-17", "2016-01-01"], dtype="datetime64[D]")
    assert cal.count_after(formed, posted).tolist() == [22, 6, -1]


def test_years_the_calendar_does_not_know_fall_back_to_weekdays_with_a_warning():
    cal = WorkCalendar()
    assert cal.workdays_after(date(2035, 1, 5), date(2035, 1, 12)) == 5
    assert cal.warnings() and "2035" in cal.warnings()[0]
    assert WorkCalendar().warnings() == []


def test_catalog_holidays_and_workdays_override():
    cal = WorkCalendar(holidays=[date(2035, 1, 8)], workdays=[date(2035, 1, 6)])
    assert cal.workdays_after(date(2035, 1, 5), date(2035, 1, 12)) == 5  # -1 holiday, +1 Saturday


def test_rectification_deadline_skips_the_national_day_week():
    assert WorkCalendar().add_workdays(date(2016, 9, 30), 1) == date(2016, 10, 8)  # 10-08 is a make-up Saturday
