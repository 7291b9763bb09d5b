"""Dates as facilitators type them read to one calendar day, with today passed in."""

from datetime import date

import pytest

from sixstep.dates import read_date

THURSDAY = date(2026, 12, 3)


@pytest.mark.parametrize(("text", "expected"), [
    ("2026-12-04", date(2026, 12, 4)),
    (" 2027/1/5 ", date(2027, 1, 5)),
    ("20270105", date(2027, 1, 5)),
    ("today", THURSDAY),
    ("Tomorrow", date(2026, 12, 4)),
    ("next Friday", date(2026, 12, 4)),
    ("Friday", date(2026, 12, 4)),
    ("next Thursday", date(2026, 12, 10)),
    ("this coming monday", date(2026, 12, 7)),
    ("in two weeks", date(2026, 12, 17)),
    ("in 3 days", date(2026, 12, 6)),
    ("in a fortnight", date(2026, 12, 17)),
    ("in a couple of weeks", date(2026, 12, 17)),
    ("in one month", date(2027, 1, 3)),
    ("end of month", date(2026, 12, 31)),
    ("by the end of next month", date(2027, 1, 31)),
    ("end of week", date(2026, 12, 4)),
    ("end of next week", date(2026, 12, 11)),
    ("next week", date(2026, 12, 7)),
    ("next month", date(2027, 1, 1)),
    ("end of year", date(2026, 12, 31)),
    ("4 December", date(2026, 12, 4)),
    ("Jan 15th 2027", date(2027, 1, 15)),
])
def test_words_and_iso_read_to_one_day(text, expected):
    assert read_date(text, THURSDAY) == expected


def test_local_dates_are_day_first_unless_the_locale_says_month_first():
    assert read_date("3/12/2026", THURSDAY) == date(2026, 12, 3)
    assert read_date("3/12/2026", THURSDAY, day_first=False) == date(2026, 3, 12)
    assert read_date("12.3.26", THURSDAY) == date(2026, 3, 12)
    assert read_date("24/12", THURSDAY) == date(2026, 12, 24)
    # only one reading names a real day: that one, whatever the order
    assert read_date("13/3/2026", THURSDAY, day_first=False) == date(2026, 3, 13)
    assert read_date("3/13/2026", THURSDAY) == date(2026, 3, 13)


@pytest.mark.parametrize("text", [
    "", "soon", "when Ann is back", "2026-13-45", "31/31/2026", "in many weeks", "next blue",
    "2026-\u0661\u0662-01", "end of days", "30 February",
])
def test_text_that_names_no_day_reads_as_none(text):
    assert read_date(text, THURSDAY) is None


def test_next_weekday_is_never_today():
    friday = date(2026, 12, 4)
    assert read_date("next friday", friday) == date(2026, 12, 11)
    assert read_date("end of month", date(2027, 2, 10)) == date(2027, 2, 28)
    assert read_date("in 1 month", date(2027, 1, 31)) == date(2027, 2, 28)
