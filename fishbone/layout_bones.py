"""Placing a category's bone: its block emitted into boxes and lines, kept between layouts.

A ``Bone`` holds one category's block with its packing outlines, and remembers the boxes and
lines it made at its last place on the spine and its last move into the drawing. A layout
cache keeps the bones of the last layout, so after an edit the bones whose causes did not
change are neither measured, packed, emitted nor made into ``Box`` and ``Line`` objects again
unless they moved; when they moved they are emitted again with the very same arithmetic, so
the geometry is exactly what a fresh layout gives.
"""

from __future__ import annotations

from fishbone.geometry import Box, Line, Point
from fishbone.layout_pack import Outline, outline
from fishbone.layout_tree import Block, stem_pieces

# Boxes and lines before the drawing is moved into place: (id, kind, x, y, w, h, lines, role,
# depth) and (id, kind, points). Plain tuples, so each Box and Line is made once, at the end.
RawBox = tuple[str, str, float, float, float, float, tuple[str, ...], str, int]
RawLine = tuple[str, str, tuple[Point, ...]]
Extent = tuple[float, float, float, float]  # least x, most x, least y, most y


class Bone:
    """One category's block, its outlines, and what it made at its last place."""

    def __init__(self, block: Block, pad: float) -> None:
        self.block = block
        shape = stem_pieces(block, pad)
        self.right: Outline = outline(shape, right=True)
        self.left: Outline = outline(shape, right=False)
        self._placed_at: tuple[float, float, bool] | None = None
        self.raw_boxes: list[RawBox] = []
        self.raw_lines: list[RawLine] = []
        self.extent: Extent = (0.0, 0.0, 0.0, 0.0)
        self._final_at: tuple[object, ...] | None = None
        self.boxes: list[Box] = []
        self.lines: list[Line] = []

    def place(self, foot: float, fy: float, flip: bool) -> Extent:
        """Emit the bone with its foot at (foot, 0) (mirrored for a head on the left) and
        give the least and most x and y it reaches; nothing is redone at the same place."""
        where = (foot, fy, flip)
        if where != self._placed_at:
            boxes: list[RawBox] = []
            lines: list[RawLine] = []
            emit(self.block, fy, foot, boxes, lines)
            if flip:
                boxes, lines = mirror(boxes, lines)
            self.raw_boxes, self.raw_lines = boxes, lines
            self.extent = extent(boxes, lines)
            self._placed_at = where
            self._final_at = None
        return self.extent

    def finish(self, dx: float, dy: float) -> tuple[list[Box], list[Line]]:
        """The placed boxes and lines moved by (dx, dy), made anew only when they moved."""
        where = (self._placed_at, dx, dy)
        if where != self._final_at:
            self.boxes, self.lines = finish(self.raw_boxes, self.raw_lines, dx, dy)
            self._final_at = where
        return self.boxes, self.lines


def emit(block: Block, fy: float, ox: float, boxes: list[RawBox], lines: list[RawLine]) -> None:
    """Place a category's block with its foot at (ox, 0), y scaled by ``fy`` (1 or -1)."""
    stack: list[tuple[Block, float, float, float, str]] = [(block, ox, 0.0, fy, "bone")]
    while stack:
        block, ox, oy, fy, kind = stack.pop()
        lab = block.label
        x, y, w, h = block.rect
        top = oy + y if fy > 0 else oy - y - h
        boxes.append((lab.id, lab.kind, ox + x, top, w, h, lab.lines, lab.role, lab.depth))
        (ax, ay), (bx, by) = block.line  # a block's line runs from its label to (0, 0)
        lines.append((lab.id, kind, ((ox + ax, oy + fy * ay), (ox + bx, oy + fy * by))))
        for kid, dx, dy, mirrored in reversed(block.children):
            stack.append((kid, ox + dx, oy + fy * dy, -fy if mirrored else fy, "cause"))


def mirror(boxes: list[RawBox], lines: list[RawLine]) -> tuple[list[RawBox], list[RawLine]]:
    """The drawing mirrored left to right (for a head on the left)."""
    return ([(i, k, -x - w, y, w, h, t, r, d) for i, k, x, y, w, h, t, r, d in boxes],
            [(i, k, tuple((-px, py) for px, py in points)) for i, k, points in lines])


def extent(boxes: list[RawBox], lines: list[RawLine]) -> Extent:
    """The least and most x and y of every box corner and line point."""
    xs = [b[2] for b in boxes] + [b[2] + b[4] for b in boxes]
    ys = [b[3] for b in boxes] + [b[3] + b[5] for b in boxes]
    for _, _, points in lines:
        xs.extend(p[0] for p in points)
        ys.extend(p[1] for p in points)
    return min(xs), max(xs), min(ys), max(ys)


def finish(boxes: list[RawBox], lines: list[RawLine], dx: float,
           dy: float) -> tuple[list[Box], list[Line]]:
    """Boxes and lines moved by (dx, dy)."""
    if dx == 0.0 and dy == 0.0:  # an anchored layout: nothing to add
        return ([Box(i, k, (x, y, w, h), t, r, d) for i, k, x, y, w, h, t, r, d in boxes],
                [Line(i, k, points) for i, k, points in lines])
    return ([Box(i, k, (x + dx, y + dy, w, h), t, r, d) for i, k, x, y, w, h, t, r, d in boxes],
            [Line(i, k, tuple((px + dx, py + dy) for px, py in points))
             for i, k, points in lines])
