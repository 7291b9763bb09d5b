"""Proposed weights for want criteria from their order of importance alone."""

from __future__ import annotations

from fractions import Fraction

METHODS: dict[str, str] = {
    "roc": "Rank-order centroid",
    "rank_sum": "Rank sum",
    "ten_point": "Most important is 10",
}


def roc(n: int) -> list[Fraction]:
    """Rank-order centroid: the i-th of n gets (1/n) * (1/i + 1/(i+1) + ... + 1/n); sums to 1."""
    return [sum((Fraction(1, k) for k in range(i, n + 1)), Fraction(0)) / n
            for i in range(1, n + 1)]


def rank_sum(n: int) -> list[Fraction]:
    """Rank sum: the i-th of n gets n - i + 1 (so n, n-1, ..., 1)."""
    return [Fraction(n - i + 1) for i in range(1, n + 1)]


def ten_point(n: int) -> list[Fraction]:
    """The most important gets 10 and each next one a step less, down to 10/n for the last."""
    return [Fraction(10 * (n - i + 1), n) for i in range(1, n + 1)]


def propose_weights(method: str, n: int) -> list[float]:
    """Weights for ``n`` want criteria listed most important first, rounded for people to read.

    Rank-order centroid is given in percent (summing to about 100); rank sum as whole
    numbers; "most important is 10" to one decimal place.
    """
    if method not in METHODS:
        raise ValueError(f"unknown weighting method {method!r}")
    if n <= 0:
        return []
    if method == "roc":
        values = [w * 100 for w in roc(n)]
    elif method == "rank_sum":
        values = rank_sum(n)
    else:
        values = ten_point(n)
    return [_tidy(round(float(w), 1)) for w in values]


def _tidy(value: float) -> float:
    """Whole numbers as ints, so a file says 10 rather than 10.0."""
    return int(value) if value == int(value) else value
