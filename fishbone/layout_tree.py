"""Bottom-up measuring of fishbone subtrees: each bone and what hangs off it becomes a Block.

Every block is built in its own canonical frame, with the point where its line meets the
parent's line at (0, 0), the tail to the left (negative x) and "up" as negative y:

* a **diagonal** block (a category bone, or a cause at depth 2, 4, 6...) is a line rising
  up-left at the bone angle to its label, which sits centred above the line's outer end. Its
  children are horizontal blocks hanging to the left of the line in horizontal bands stacked
  from the attach point upwards.
* a **horizontal** block (a cause at depth 1, 3, 5...) is a line running left to its label,
  whose right edge is at the line's outer end and whose middle is on the line. Its children
  are diagonal blocks, mirrored to hang *below* the line, in vertical bands side by side
  between the label and the attach point.

Siblings run from the attach point outwards: the first is nearest the parent's line, so a
cause added at the end appears at the outer end and the causes already shown stay put.

A horizontal block lies entirely left of its attach point and reaches above its line only by
half its label's height; a diagonal parent leans away from it there, so the parent's line
never enters a child's block. Bands never overlap, so sibling blocks never meet. Everything
a block draws lies inside its ``bbox``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise
from typing import NamedTuple

from fishbone.geometry import Point, Rect

Extent = tuple[float, float, float, float]  # x0, y0, x1, y1


class Label(NamedTuple):
    """A measured text box waiting for a place (a named tuple: one is made per cause)."""

    id: str
    kind: str  # category | cause
    role: str
    depth: int
    lines: tuple[str, ...]
    width: float
    height: float


@dataclass(slots=True)
class Block:
    """A laid-out subtree in its canonical frame (see the module docstring)."""

    label: Label
    rect: Rect  # the label's box
    line: tuple[Point, ...]  # from the label to the attach point (0, 0)
    bbox: Extent
    children: list[tuple[Block, float, float, bool]] = field(default_factory=list)
    # each child: (block, dx, dy, mirrored) -- its attach point and whether y is flipped


@dataclass(frozen=True)
class Spacing:
    """Distances the builders keep, all in layout units."""

    sep: float  # between any two things that must not touch (marks included)
    cot: float  # horizontal run per unit of rise along a diagonal bone
    min_run: float  # shortest horizontal bone, label excluded


def horizontal_block(label: Label, kids: list[Block], sp: Spacing) -> Block:
    """A horizontal bone: label at the left end, diagonal children hanging below it."""
    half = label.height / 2
    cursor = -sp.sep  # right edge of the next child's band
    placed: list[tuple[Block, float, float, bool]] = []
    bottom = half
    for kid in kids:
        x0, y0, x1, _ = kid.bbox
        dx = cursor - x1
        placed.append((kid, dx, 0.0, True))
        cursor = dx + x0 - sp.sep
        bottom = max(bottom, -y0)
    # The label must clear a diagonal parent leaning over it by the height of its top half.
    right = min(cursor, -max(sp.min_run, half * sp.cot + sp.sep))
    rect = (right - label.width, -half, label.width, label.height)
    return Block(label, rect, ((right, 0.0), (0.0, 0.0)), (right - label.width, -half, 0.0, bottom),
                 placed)


def diagonal_block(
    label: Label, kids: list[Block], sp: Spacing, base: float, min_rise: float
) -> Block:
    """A diagonal bone rising up-left: horizontal children in bands, label above the end.

    ``base`` is the room kept between the attach point's level and the lowest band.
    """
    cursor = -base  # bottom (largest y) of the next band
    placed: list[tuple[Block, float, float, bool]] = []
    left = 0.0
    for kid in kids:
        x0, y0, _, y1 = kid.bbox
        dy = cursor - y1
        dx = dy * sp.cot
        placed.append((kid, dx, dy, False))
        left = min(left, dx + x0)
        cursor = dy + y0 - sp.sep
    end_y = min(cursor, -min_rise)
    end_x = end_y * sp.cot
    rect = (end_x - label.width / 2, end_y - label.height, label.width, label.height)
    bbox = (min(left, rect[0], end_x), rect[1], max(0.0, rect[0] + rect[2]), 0.0)
    return Block(label, rect, ((end_x, end_y), (0.0, 0.0)), bbox, placed)


def stem_pieces(block: Block, pad: float) -> list[Extent]:
    """What a diagonal block occupies, as a short list of rectangles for packing.

    The label, each child's band, and the bone itself cut at every band edge (so a long
    leaning bone does not claim the whole rectangle under it).
    """
    cot = 0.0
    end_x, end_y = block.line[0]
    if end_y < 0:
        cot = end_x / end_y
    x, y, w, h = block.rect
    rects: list[Extent] = [(x, y, x + w, y + h)]
    cuts = {0.0, end_y}
    for kid, dx, dy, _ in block.children:
        x0, y0, x1, y1 = kid.bbox
        rects.append((dx + x0, dy + y0, dx + x1, dy + y1))
        cuts.update((dy + y0, dy + y1))
    ys = sorted(c for c in cuts if end_y <= c <= 0.0)
    for top, bottom in pairwise(ys):
        rects.append((top * cot - pad, top, bottom * cot + pad, bottom))
    return rects
