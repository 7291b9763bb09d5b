"""A grid index over a layout's boxes and lines: which of them reach into a rectangle.

A poster page shows one small tile of a big diagram; asking the index for the tile's items
costs what the tile holds, not what the whole diagram holds.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from fishbone.geometry import Box, Layout, Line, Rect

Extent = tuple[float, float, float, float]  # x0, y0, x1, y1


def box_extent(box: Box) -> Extent:
    x, y, w, h = box.rect
    return (x, y, x + w, y + h)


def line_extent(line: Line) -> Extent:
    xs = [p[0] for p in line.points] or [0.0]
    ys = [p[1] for p in line.points] or [0.0]
    return (min(xs), min(ys), max(xs), max(ys))


def _touches(a: Extent, b: Extent) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


class _Grid:
    """Extents filed by the square cells of side ``cell`` they reach into."""

    def __init__(self, extents: Iterable[Extent], cell: float) -> None:
        self.cell = cell
        self.extents = list(extents)
        self.cells: dict[tuple[int, int], list[int]] = {}
        for index, extent in enumerate(self.extents):
            for key in self._keys(extent):
                self.cells.setdefault(key, []).append(index)

    def _keys(self, extent: Extent) -> Iterable[tuple[int, int]]:
        c = self.cell
        for i in range(math.floor(extent[0] / c), math.floor(extent[2] / c) + 1):
            for j in range(math.floor(extent[1] / c), math.floor(extent[3] / c) + 1):
                yield (i, j)

    def within(self, extent: Extent) -> list[int]:
        """The indices, in their first order, of the extents that touch ``extent``."""
        found: set[int] = set()
        for key in self._keys(extent):
            found.update(self.cells.get(key, ()))
        return sorted(i for i in found if _touches(self.extents[i], extent))


class LayoutIndex:
    """The boxes and lines of ``layout`` that reach into a rectangle: each item's extent is
    grown by ``reach`` on every side for what it draws past its own box or points (a pen's
    width, a badge, a tag), and the head and the spine by ``head_reach`` (the head's snout,
    the spine's tail)."""

    def __init__(self, layout: Layout, reach: float = 12.0, head_reach: float = 40.0,
                 cell: float = 256.0) -> None:
        self.layout = layout

        def grown(extent: Extent, kind: str) -> Extent:
            r = head_reach if kind in ("head", "spine") else reach
            return (extent[0] - r, extent[1] - r, extent[2] + r, extent[3] + r)

        self._boxes = _Grid((grown(box_extent(b), b.kind) for b in layout.boxes), cell)
        self._lines = _Grid((grown(line_extent(ln), ln.kind) for ln in layout.lines), cell)

    def boxes(self, rect: Rect) -> list[Box]:
        """The boxes that may draw inside ``rect``, in the layout's order."""
        return [self.layout.boxes[i] for i in self._boxes.within(_extent(rect))]

    def lines(self, rect: Rect) -> list[Line]:
        """The lines that may draw inside ``rect``, in the layout's order."""
        return [self.layout.lines[i] for i in self._lines.within(_extent(rect))]


def _extent(rect: Rect) -> Extent:
    x, y, w, h = rect
    return (x, y, x + w, y + h)
