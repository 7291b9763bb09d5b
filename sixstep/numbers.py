"""Numbers as the case keeps and shows them: ``7`` rather than ``7.0``, at most two decimals."""

from __future__ import annotations


def plain_number(value: float) -> int | float:
    """An integral number as an int, so files read ``7`` rather than ``7.0``."""
    number = float(value)
    return int(number) if number.is_integer() else number


def format_number(value: float) -> str:
    """``8``, ``7.5``, ``6.67``: at most two decimals, no trailing zeros."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text
