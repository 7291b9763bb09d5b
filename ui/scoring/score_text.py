"""How score cells read and how typed cells are understood (no Qt): "pass", "7.5", "?"."""

from __future__ import annotations

from sixstep.case import Criterion
from sixstep.rules import check_score

PASS_WORDS = {"p", "pass", "y", "yes", "+", "\u2713", "true", "ok"}
FAIL_WORDS = {"f", "fail", "n", "no", "-", "x", "\u2717", "false"}
MISSING = "?"


def format_value(value: float) -> str:
    """``8``, ``7.5``, ``6.67``: at most two decimals, no trailing zeros."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def pass_fail(value: bool) -> str:
    return "\u2713 pass" if value else "\u2717 fail"


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
