"""The case's value rules, each written once: typed text, weights, the score scale, scores
and votes. The file loader, the edit verbs and the typed-cell parser all call these."""

from __future__ import annotations

import math
from typing import Any

from sixstep.numbers import format_number, plain_number

SCALE_LIMIT = 1e6  # the largest magnitude of either end of the score scale
WEIGHT_LIMIT = 1e9  # the largest weight a want criterion may have
MAX_VOTES = 1_000_000  # the most votes (dots) one cause may hold

# How much each kind of text may hold: (characters, lines). The file loader, the edit verbs
# and the typed cells all read this one table.
TEXT_LIMITS: dict[str, tuple[int, int]] = {
    "id": (200, 1),  # an id, or a reference to one
    "name": (1_000, 100),  # a title, a name, a heading, the effect, a cause's text, a term
    "text": (10_000, 1_000),  # a sentence or paragraph: a question, a reason, a description
    "notes": (100_000, 5_000),  # notes, findings and step notes
}
MAX_TEXT = TEXT_LIMITS["notes"][0]  # characters in any one text

# How many entries each list of a case may hold (a big workshop stays far below these).
ITEM_LIMITS: dict[str, int] = {
    "categories": 50,
    "causes": 5_000,
    "addresses": 5_000,  # the causes one alternative addresses
    "criteria": 200,
    "alternatives": 1_000,
    "participants": 500,
    "scores": 50_000,  # (each score is seven texts in the file)
    "actions": 1_000,
    "step_notes": 50,
    "list": 1_000,  # any other list: terms, symptoms, efforts, addresses, chosen...
}
MAX_CAUSE_DEPTH = 30  # levels of sub-causes under a main bone, the top cause being level 1

# What keys this version does not know may hold in one record (kept and saved as they are).
MAX_EXTRA_VALUES = 10_000  # values, counting every list, object, text and number
MAX_EXTRA_CHARS = 1_000_000  # characters of text, keys included

_LINE_BREAKS = ("\n", "\r", "\v", "\f", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")


class RuleError(ValueError):
    """A value that a rule refuses; the message is a sentence for the user."""


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def line_count(value: str) -> int:
    """How many lines ``value`` shows as (a CR LF pair is one break; empty text is one line)."""
    breaks = sum(value.count(mark) for mark in _LINE_BREAKS)
    return 1 + breaks - value.count("\r\n")


def text_problem(value: str, kind: str = "notes") -> str | None:
    """Why ``value`` cannot be kept as a text of ``kind`` (see TEXT_LIMITS), or None."""
    chars, lines = TEXT_LIMITS[kind]
    if len(value) > chars:
        return f"is longer than {chars:,} characters"
    if line_count(value) > lines:
        return "may not break across lines" if lines == 1 else f"has more than {lines:,} lines"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return "holds a character that cannot be saved"
    return None


def check_text(value: Any, what: str = "The text", kind: str = "notes") -> str:
    """Plain text that can be saved: a string within the ``kind``'s limits of TEXT_LIMITS
    (characters and lines), with no lone surrogate."""
    if not isinstance(value, str):
        raise RuleError(f"{what} must be text.")
    problem = text_problem(value, kind)
    if problem is not None:
        raise RuleError(f"{what} {problem}.")
    return value


def check_count(count: int, what: str, kind: str = "list") -> None:
    """Refuse a list of ``kind`` (a key of ITEM_LIMITS) growing to more than its limit."""
    limit = ITEM_LIMITS.get(kind, ITEM_LIMITS["list"])
    if count > limit:
        raise RuleError(f"{what} may hold at most {limit:,} entries.")


def check_cause_depth(depth: int) -> None:
    """Refuse a cause nested deeper than MAX_CAUSE_DEPTH (1 is a cause on a main bone)."""
    if depth > MAX_CAUSE_DEPTH:
        raise RuleError(f"Causes may be nested at most {MAX_CAUSE_DEPTH} levels deep.")


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
