"""The case's value rules, each written once: typed text, weights, the score scale, scores
and votes. The file loader, the edit verbs and the typed-cell parser all call these."""

from __future__ import annotations

import math
from typing import Any

from sixstep.numbers import format_number, plain_number

SCALE_LIMIT = 1e6  # the largest magnitude of either end of the score scale
WEIGHT_LIMIT = 1e9  # the largest weight a want criterion may have
MAX_VOTES = 1_000_000  # the most votes (dots) one cause may hold
MAX_TEXT = 100_000  # characters in one text field


class RuleError(ValueError):
    """A value that a rule refuses; the message is a sentence for the user."""


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def check_text(value: Any, what: str = "The text") -> str:
    """Plain text that can be saved: a string, within MAX_TEXT, with no lone surrogate."""
    if not isinstance(value, str):
        raise RuleError(f"{what} must be text.")
    if len(value) > MAX_TEXT:
        raise RuleError(f"{what} is longer than {MAX_TEXT:,} characters.")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise RuleError(f"{what} holds a character that cannot be saved.") from None
    return value


def check_choice(value: Any, allowed: tuple[str, ...], what: str) -> str:
    if value not in allowed:
        raise RuleError(f"{what} is one of {', '.join(allowed)}, not {value!r}.")
    return str(value)


def check_weight(value: Any) -> int | float | None:
    """A want criterion's weight: None (not weighted yet) or a finite number above 0."""
    if value is None:
        return None
    if not _is_number(value) or not math.isfinite(value) or not 0 < value <= WEIGHT_LIMIT:
        raise RuleError(f"A weight is a number above 0 and up to {WEIGHT_LIMIT:,.0f}.")
    return plain_number(value)


def check_scale(low: Any, high: Any) -> tuple[int | float, int | float]:
    """The score scale's two ends: finite, within SCALE_LIMIT, the highest above the lowest."""
    for end in (low, high):
        if not _is_number(end) or not math.isfinite(end) or abs(end) > SCALE_LIMIT:
            raise RuleError(f"The scale ends must be numbers between {-SCALE_LIMIT:,.0f} and "
                            f"{SCALE_LIMIT:,.0f}.")
    if not low < high:
        raise RuleError("The highest score must be above the lowest.")
    return plain_number(low), plain_number(high)


def check_score(kind: str, name: str, value: Any, low: float, high: float) -> bool | int | float:
    """One cell's value: pass or fail (a bool) for a must, a number on the scale for a want."""
    if kind == "must":
        if not isinstance(value, bool):
            raise RuleError(f"\u201c{name}\u201d is a must: pass or fail only.")
        return value
    if not _is_number(value):
        raise RuleError(f"\u201c{name}\u201d needs a number, not pass or fail.")
    if not math.isfinite(value) or not low <= value <= high:
        raise RuleError(f"Scores run from {format_number(low)} to {format_number(high)}.")
    return plain_number(value)


def check_votes(value: Any) -> int:
    """Votes on a cause: a whole number from 0 to MAX_VOTES."""
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= MAX_VOTES:
        raise RuleError(f"Votes are a whole number from 0 to {MAX_VOTES:,}.")
    return value
