"""How typed score cells are understood (no Qt); how cells read is in sixstep.result_text."""

from __future__ import annotations

from sixstep.case import Criterion
from sixstep.numbers import format_number as format_value  # the old name, for callers
from sixstep.rules import check_score

PASS_WORDS = {"p", "pass", "y", "yes", "+", "\u2713", "true", "ok"}
FAIL_WORDS = {"f", "fail", "n", "no", "-", "x", "\u2717", "false"}


def parse_cell(text: str, criterion: Criterion, low: float, high: float) -> bool | float | None:
    """What a typed cell means: None to clear, a bool for a must, a number for a want."""
    word = text.strip().lower()
    if not word:
        return None
    if criterion.kind == "must":
        if word in PASS_WORDS or word == "1":
            return True
        if word in FAIL_WORDS or word == "0":
            return False
        raise ValueError(f"\u201c{criterion.name}\u201d is a must: type p for pass or f for fail.")
    try:
        number = float(word.replace(",", "."))
    except ValueError:
        raise ValueError(f"Type a number from {format_value(low)} to {format_value(high)}.") \
            from None
    return check_score(criterion.kind, criterion.name, number, low, high)
