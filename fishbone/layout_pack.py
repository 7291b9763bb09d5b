"""Packing category blocks along the spine with their outlines, not their bounding boxes.

An outline is a step function over y: for each of a few disjoint y intervals, the leftmost
(or rightmost) x anything in the block reaches. Two neighbours are pushed apart just enough
that, wherever they share a height (within ``sep``), one's right outline stays ``sep`` left
of the other's left outline. Cost is linear in the number of intervals.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from fishbone.layout_tree import Extent


@dataclass(frozen=True)
class Outline:
    """Disjoint, sorted y intervals ``(y0, y1)`` with one x each."""

    y0: tuple[float, ...]
    y1: tuple[float, ...]
    x: tuple[float, ...]


def outline(rects: list[Extent], right: bool) -> Outline:
    """The right outline (largest x1) or left outline (smallest x0) of some rectangles."""
    edges = sorted({r[1] for r in rects} | {r[3] for r in rects})
    best: list[float | None] = [None] * max(0, len(edges) - 1)
    for x0, y0, x1, y1 in rects:
        value = x1 if right else x0
        lo = bisect_left(edges, y0)
        hi = bisect_left(edges, y1)
        if lo == hi and best:  # a rectangle with no height still occupies its line
            lo, hi = max(0, lo - 1), min(len(best), lo + 1)
        for i in range(lo, hi):
            cur = best[i]
            if cur is None or (value > cur if right else value < cur):
                best[i] = value
    ys0: list[float] = []
    ys1: list[float] = []
    xs: list[float] = []
    for i, far in enumerate(best):
        if far is None:
            continue
        if xs and xs[-1] == far and ys1[-1] == edges[i]:
            ys1[-1] = edges[i + 1]
            continue
        ys0.append(edges[i])
        ys1.append(edges[i + 1])
        xs.append(far)
    return Outline(tuple(ys0), tuple(ys1), tuple(xs))


def push_needed(left: Outline, right: Outline, sep: float) -> float:
    """How far right of ``left``'s origin ``right``'s origin must go so they keep ``sep``."""
    need = float("-inf")
    for y0, y1, x in zip(right.y0, right.y1, right.x, strict=True):
        i = bisect_right(left.y1, y0 - sep)  # first interval ending below y0 - sep
        while i < len(left.y0) and left.y0[i] < y1 + sep:
            need = max(need, left.x[i] - x + sep)
            i += 1
    return need


def _xs_between(shape: Outline, y0: float, y1: float) -> list[float]:
    """The x of every outline interval that overlaps heights y0 to y1."""
    xs = []
    i = bisect_right(shape.y1, y0)
    while i < len(shape.y0) and shape.y0[i] < y1:
        xs.append(shape.x[i])
        i += 1
    return xs


def reach_between(shape: Outline, y0: float, y1: float) -> float:
    """The largest x the (right) outline reaches between heights y0 and y1."""
    return max(_xs_between(shape, y0, y1), default=float("-inf"))


def least_between(shape: Outline, y0: float, y1: float) -> float:
    """The smallest x the (left) outline reaches between heights y0 and y1."""
    return min(_xs_between(shape, y0, y1), default=float("inf"))
