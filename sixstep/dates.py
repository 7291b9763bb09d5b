"""Reading a date as a facilitator types it: ISO, a local date, or a few words ("next Friday").

``read_date(text, today, day_first=True)`` returns the calendar day the text names, or None
when it cannot be read (the caller then keeps the text as typed and says so). Today is always
passed in, so the same words read the same way in a test on any day and any machine.

The rules, said once:
- ISO: ``2026-12-04`` (also ``2026/12/04``, ``2026.12.04`` and ``20261204``).
- A local date with ``/``, ``.`` or ``-`` between numbers: day first (``3/12/2026`` is
  3 December) unless ``day_first`` is False (the locale writes the month first). When the
  stated order names no real day but the other order does (``13/3/2026``), the other order is
  taken; there is only one way to read it. A two-digit year is 20xx; no year is this year.
- A month by name: ``4 December``, ``Dec 4``, ``4 Dec 2027``.
- Words: today, tomorrow, yesterday; a weekday ("Friday", "this Friday") is the next such day
  after today; "next Friday" is the same day (never today: on a Friday it is a week on);
  "in 3 days", "in two weeks", "in a month", "in a fortnight"; "next week" (Monday of next
  week), "next month" (its first day); "end of week" / "end of this week" (the Friday of this
  week, the working week's end), "end of next week", "end of month", "end of next month",
  "end of year".
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "a couple of": 2, "couple of": 2, "a few": 3,
}
UNIT_DAYS = {"day": 1, "week": 7, "fortnight": 14}
FRIDAY = 4

_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_LOCAL = re.compile(r"(\d{1,2})[-/.](\d{1,2})(?:[-/.](\d{2}|\d{4}))?")
_IN = re.compile(r"(?:in|within) (\d+|[a-z ]+?) (day|week|fortnight|month|year)s?")


def read_date(text: str, today: date, day_first: bool = True) -> date | None:
    """The day ``text`` names, read by the rules of this module; None when it names none."""
    words = " ".join(text.strip().lower().replace(",", " ").split())
    if not words or not words.isascii():
        return None
    for reader in (_read_numbers, _read_month_name, _read_words):
        found = reader(words, today, day_first)
        if found is not None:
            return found
    return None


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _read_numbers(words: str, today: date, day_first: bool) -> date | None:
    if len(words) == 8 and words.isdigit():  # 20261204, as typed without dashes
        return _day(int(words[:4]), int(words[4:6]), int(words[6:]))
    iso = _ISO.fullmatch(words)
    if iso:
        return _day(int(iso[1]), int(iso[2]), int(iso[3]))
    local = _LOCAL.fullmatch(words)
    if not local:
        return None
    first, second = int(local[1]), int(local[2])
    year = today.year if local[3] is None else int(local[3])
    if local[3] is not None and len(local[3]) == 2:
        year += 2000
    day, month = (first, second) if day_first else (second, first)
    return _day(year, month, day) or _day(year, day, month)


def _month_number(word: str) -> int | None:
    for number, name in enumerate(MONTHS, start=1):
        if len(word) >= 3 and name.startswith(word.rstrip(".")):
            return number
    return None


def _read_month_name(words: str, today: date, day_first: bool) -> date | None:
    parts = words.split()
    if len(parts) not in (2, 3):
        return None
    year = today.year
    if len(parts) == 3:
        if not parts[2].isdigit() or len(parts[2]) != 4:
            return None
        year = int(parts[2])
    day_word, month_word = (parts[0], parts[1]) if parts[0][:1].isdigit() else (parts[1],
                                                                                 parts[0])
    day_word = re.sub(r"(st|nd|rd|th)$", "", day_word)
    month = _month_number(month_word)
    if month is None or not day_word.isdigit():
        return None
    return _day(year, month, int(day_word))


def _count(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word)


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, kept inside a shorter month (31 Jan + 1 = 28/29 Feb)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def _end_of_month(day: date) -> date:
    return date(day.year, day.month, calendar.monthrange(day.year, day.month)[1])


def _coming(today: date, weekday: int) -> date:
    """The first day after today that falls on ``weekday`` (a week on when today is one)."""
    return today + timedelta(days=(weekday - today.weekday() - 1) % 7 + 1)


def _read_words(words: str, today: date, day_first: bool) -> date | None:
    fixed = {"today": today, "now": today, "tomorrow": today + timedelta(days=1),
             "yesterday": today - timedelta(days=1),
             "next week": today + timedelta(days=7 - today.weekday()),
             "next month": add_months(today.replace(day=1), 1),
             "end of year": date(today.year, 12, 31),
             "end of the year": date(today.year, 12, 31)}
    if words in fixed:
        return fixed[words]
    ending = re.fullmatch(r"(?:by )?(?:the )?end of (?:the |this )?(next )?(week|month)", words)
    if ending:
        later = bool(ending[1])
        if ending[2] == "week":
            friday = today + timedelta(days=FRIDAY - today.weekday())
            return friday + timedelta(days=7 if later else 0)
        return _end_of_month(add_months(today.replace(day=1), 1 if later else 0))
    weekday = re.fullmatch(r"(?:on )?(?:(?:this|next|coming|this coming) )?([a-z]+)", words)
    if weekday and weekday[1] in WEEKDAYS:
        return _coming(today, WEEKDAYS.index(weekday[1]))
    span = _IN.fullmatch(words)
    if span:
        count = _count(span[1])
        if count is None or count > 3650:
            return None
        if span[2] == "month":
            return add_months(today, count)
        if span[2] == "year":
            return add_months(today, 12 * count)
        return today + timedelta(days=count * UNIT_DAYS[span[2]])
    return None
