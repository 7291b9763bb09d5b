"""Placing a category's bone: its block emitted into boxes and lines, kept between layouts.

A ``Bone`` holds one category's block with its packing outlines, and remembers the boxes and
lines it made at its last place on the spine and its last move into the drawing. A layout
cache keeps the bones of the last layout, so after an edit the bones whose causes did not
change are neither measured, packed, emitted nor made into ``Box`` and ``Line`` objects again
unless they moved; when they moved they are emitted again with the very same arithmetic, so
the geometry is exactly what a fresh layout gives.
"""

from __future__ import annotations

from fishbone.geometry import Box, Line
from fishbone.layout_pack import Outline, outline
from fishbone.layout_tree import Block, stem_pieces

Extent = tuple[float, float, float, float]  # least x, most x, least y, most y


class Bone:
    """One category's block, its outlines, and what it made at its last place."""

    def __init__(self, block: Block, pad: float) -> None:
        self.block = block
        shape = stem_pieces(block, pad)
        self.right: Outline = outline(shape, right=True)
        self.left: Outline = outline(shape, right=False)
        self._placed_at: tuple[float, float, bool] = (0.0, 1.0, False)
        self._final_at: tuple[object, ...] | None = None
        self.boxes: list[Box] = []
        self.lines: list[Line] = []

    def place(self, foot: float, fy: float, flip: bool) -> Extent:
        """Put the bone's foot at (foot, 0), y scaled by ``fy`` (1 or -1) and mirrored for a
        head on the left, and give the least and most x and y it reaches: its block's
        bounding box, which holds every box corner and line point exactly."""
        self._placed_at = (foot, fy, flip)
        x0, y0, x1, y1 = self.block.bbox
        if fy < 0:
            y0, y1 = -y1, -y0
        if flip:
            return -(foot + x1), -(foot + x0), y0, y1
        return foot + x0, foot + x1, y0, y1

    def finish(self, dx: float, dy: float) -> tuple[list[Box], list[Line]]:
        """The bone's boxes and lines at its place, moved by (dx, dy); made anew only when
        the place or the move changed, so an unchanged bone gives the very same lists."""
        where = (self._placed_at, dx, dy)
        if where != self._final_at:
            foot, fy, flip = self._placed_at
            self.boxes, self.lines = [], []
            emit(self.block, fy, foot, -1.0 if flip else 1.0, dx, dy, self.boxes, self.lines)
            self._final_at = where
        return self.boxes, self.lines


def emit(block: Block, fy: float, ox: float, fx: float, dx: float, dy: float,
         boxes: list[Box], lines: list[Line]) -> None:
    """Place a category's block with its foot at (ox, 0), y scaled by ``fy`` and x by ``fx``
    (1 or -1: mirrored for a head on the left), then moved by (dx, dy)."""
    stack: list[tuple[Block, float, float, float, str]] = [(block, ox, 0.0, fy, "bone")]
    while stack:
        block, ox, oy, fy, kind = stack.pop()
        lab = block.label
        x, y, w, h = block.rect
        top = (oy + y if fy > 0 else oy - y - h) + dy
        left = (ox + x if fx > 0 else -(ox + x) - w) + dx
        boxes.append(Box(lab.id, lab.kind, (left, top, w, h), lab.lines, lab.role, lab.depth))
        (ax, ay), (bx, by) = block.line  # a block's line runs from its label to (0, 0)
        lines.append(Line(lab.id, kind, ((fx * (ox + ax) + dx, oy + fy * ay + dy),
                                         (fx * (ox + bx) + dx, oy + fy * by + dy))))
        for kid, kx, ky, mirrored in reversed(block.children):
            stack.append((kid, ox + kx, oy + fy * ky, -fy if mirrored else fy, "cause"))
