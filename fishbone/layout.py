"""Lays out a fishbone diagram: measured, wrapped labels on alternating bones, with no overlaps.

The scheme (head on the right; everything mirrors when it is on the left):

* the head holds the effect (while there is none, the caller's ``head_fallback``, such as
  the problem question) at the right end of a horizontal spine;
* category bones rise (or fall) from the spine at ``bone_angle``, alternating above and below
  in category order from the tail towards the head, each with its heading at the outer end;
* causes at depth 1, 3, 5... are horizontal bones with the label at the outer (tail) end;
  causes at depth 2, 4, 6... are diagonal bones hanging off those, with the label at the end;
  siblings run from where they meet their parent's bone outwards, so a cause added at the
  end lands at the outer end and the causes already on screen do not move along their bone;
* each subtree is measured bottom-up into a block (``layout_tree``) and the category blocks
  are packed along the spine by their outlines (``layout_pack``), so neighbours never meet.

Which lines may touch which box: a cause's or category's own line ends on the edge of its
own box, and the spine ends on the head's back edge. No other line touches any box.
"""

from __future__ import annotations

import math

from fishbone.geometry import Box, Layout, LayoutOptions, Line, Point, TextMeasurer
from fishbone.layout_pack import least_between, outline, push_needed, reach_between
from fishbone.layout_text import CachedMeasurer, wrap_text
from fishbone.layout_tree import (
    Block,
    Label,
    Spacing,
    diagonal_block,
    horizontal_block,
    stem_pieces,
)
from fishbone.model import Cause, Diagram

__all__ = ["LayoutCache", "layout_diagram", "wrap_text"]

MARK_REACH = 8.0  # status badges, tags, vote dots and pills stick out this far from a cause box
LINE_PAD = 3.0  # half the thickest bone, with a little to spare
SPINE_CLEAR = 30.0  # from the spine to the nearest band of a category
CATEGORY_MIN_RISE = 70.0  # an empty category still gets a bone this tall
CAUSE_MIN_RISE = 30.0
MIN_RUN = 40.0
MIN_STEP = 70.0  # between neighbouring bones' feet on the spine
TAIL = 70.0  # spine beyond the first bone's foot
HEAD_GAP = 50.0  # spine between the last bone's foot and the head
MIN_WIDTH = {"head": 140.0, "category": 90.0, "cause": 64.0, "subcause": 56.0}
MIN_HEAD_HEIGHT = 64.0
DEFAULT_OPTIONS = LayoutOptions()


def layout_diagram(
    diagram: Diagram, measure: TextMeasurer, options: LayoutOptions = DEFAULT_OPTIONS
) -> Layout:
    """The geometry of ``diagram`` with text measured by ``measure`` (a ``CachedMeasurer``
    is used as it is, so its caches carry over from one layout to the next)."""
    return _Layouter(diagram, measure, options).run()


class LayoutCache(CachedMeasurer):
    """A measurer for a caller that lays out again after every small edit (the canvas).

    Besides texts and wraps it keeps the blocks of the last layout's cause subtrees, keyed by
    everything they are built from (ids, texts, nesting, options), so a subtree in which no
    cause changed is reused as it is; only the blocks used last time are kept.
    """

    def __init__(self, measurer: TextMeasurer, limit: int = 50_000) -> None:
        super().__init__(measurer, limit)
        self.blocks: dict[tuple[object, ...], Block] = {}


class _Layouter:
    def __init__(self, diagram: Diagram, measure: TextMeasurer, options: LayoutOptions) -> None:
        self.diagram = diagram
        self.m = measure if isinstance(measure, CachedMeasurer) else CachedMeasurer(measure)
        self.cache = measure if isinstance(measure, LayoutCache) else None
        # the cache's blocks after this layout
        self.used_blocks: dict[tuple[object, ...], Block] = {}
        self.options = options
        angle = min(max(options.bone_angle, 15.0), 90.0)
        self.sep = max(options.gap + MARK_REACH, 2 * MARK_REACH)
        self.sp = Spacing(sep=self.sep, cot=1.0 / math.tan(math.radians(angle)), min_run=MIN_RUN)
        self.roots: dict[str, list[Cause]] = {}
        self.kids: dict[str, list[Cause]] = {}
        for cause in diagram.causes:
            if cause.parent is None:
                self.roots.setdefault(cause.category, []).append(cause)
            else:
                self.kids.setdefault(cause.parent, []).append(cause)
        self.seen: set[str] = set()

    # -- measuring -------------------------------------------------------------------------
    def label(self, item_id: str, kind: str, text: str, role: str, depth: int) -> Label:
        o = self.options
        pad = o.padding * (2 if role == "head" else 1)
        limit = {"head": o.max_head_width, "category": o.max_category_width}.get(
            role, o.max_label_width)
        lines = self.m.wrap(text, max(1.0, limit - 2 * pad), role)
        width = max(self.m.width(t, role) for t in lines) + 2 * pad
        height = len(lines) * self.m.line_height(role) + 2 * pad
        if role == "head":
            height = max(height, MIN_HEAD_HEIGHT)
        return Label(item_id, kind, role, depth, lines, max(width, MIN_WIDTH[role]), height)

    def cause_block(self, top: Cause, depth: int) -> Block:
        """The block of ``top`` and every cause shown under it (no recursion: depth is free)."""
        order: list[tuple[Cause, int, list[int]]] = []  # pre-order, with children's indices
        stack: list[tuple[Cause, int, int]] = [(top, depth, -1)]
        self.seen.add(top.id)
        while stack:
            cause, level, parent = stack.pop()
            if parent >= 0:
                order[parent][2].append(len(order))
            order.append((cause, level, []))
            below = [] if cause.collapsed else self.kids.get(cause.id, [])
            fresh = [k for k in below if k.id not in self.seen]
            self.seen.update(k.id for k in fresh)
            me = len(order) - 1
            stack.extend((k, level + 1, me) for k in reversed(fresh))
        key: tuple[object, ...] | None = None
        if self.cache is not None:
            key = (self.options, tuple((c.id, c.text, lv, tuple(ks)) for c, lv, ks in order))
            found = self.cache.blocks.get(key)
            if found is not None:
                self.used_blocks[key] = found
                return found
        built: dict[int, Block] = {}
        for index in range(len(order) - 1, -1, -1):  # children before their parents
            cause, level, kid_indices = order[index]
            role = "cause" if level == 1 else "subcause"
            label = self.label(cause.id, "cause", cause.text, role, level)
            kids = [built.pop(k) for k in kid_indices]
            if level % 2:
                built[index] = horizontal_block(label, kids, self.sp)
            else:
                built[index] = diagonal_block(label, kids, self.sp, self.sep, CAUSE_MIN_RISE)
        if key is not None:
            self.used_blocks[key] = built[0]
        return built[0]

    def category_block(self, category_id: str, name: str) -> Block:
        label = self.label(category_id, "category", name, "category", 0)
        kids = [self.cause_block(c, 1) for c in self.roots.get(category_id, [])
                if c.id not in self.seen]  # (a cause listed twice is shown once)
        return diagonal_block(label, kids, self.sp, SPINE_CLEAR, CATEGORY_MIN_RISE)

    # -- packing ---------------------------------------------------------------------------
    def run(self) -> Layout:
        blocks = [self.category_block(c.id, c.name) for c in self.diagram.categories]
        shapes = [stem_pieces(b, LINE_PAD) for b in blocks]
        rights = [outline(s, right=True) for s in shapes]
        lefts = [outline(s, right=False) for s in shapes]
        feet: list[float] = []
        for i in range(len(blocks)):
            x = feet[-1] + MIN_STEP if feet else 0.0
            for j in range(i % 2, i, 2):  # earlier bones on the same side of the spine
                x = max(x, feet[j] + push_needed(rights[j], lefts[i], self.sep))
            feet.append(x)

        effect = self.diagram.effect.strip() and self.diagram.effect
        head = self.label("head", "head", effect or self.options.head_fallback, "head", 0)
        reach_y = -head.height / 2 - self.sep
        head_x = feet[-1] + HEAD_GAP if feet else 0.0
        tail_x = feet[0] - TAIL if feet else -3 * TAIL
        for foot, right, left in zip(feet, rights, lefts, strict=True):
            head_x = max(head_x, foot + reach_between(right, reach_y, 1.0) + self.sep)
            tail_x = min(tail_x, foot + least_between(left, -SPINE_CLEAR - 60.0, 1.0))

        boxes: list[_RawBox] = [("head", "head", head_x, -head.height / 2, head.width,
                                 head.height, head.lines, "head", 0)]
        lines: list[_RawLine] = [("spine", "spine", ((tail_x, 0.0), (head_x, 0.0)))]
        for i, (block, foot) in enumerate(zip(blocks, feet, strict=True)):
            _emit(block, -1.0 if i % 2 else 1.0, foot, boxes, lines)
        flip = not self.options.head_on_right
        if self.cache is not None:
            self.cache.blocks = self.used_blocks
        return _finish(boxes, lines, self.options.margin, flip)


# Boxes and lines before the drawing is moved into place: (id, kind, x, y, w, h, lines, role,
# depth) and (id, kind, points). Plain tuples, so each Box and Line is made once, in _finish.
_RawBox = tuple[str, str, float, float, float, float, tuple[str, ...], str, int]
_RawLine = tuple[str, str, tuple[Point, ...]]


def _emit(block: Block, fy: float, ox: float, boxes: list[_RawBox],
          lines: list[_RawLine]) -> None:
    """Place a category's block with its foot at (ox, 0), y scaled by ``fy`` (1 or -1)."""
    stack: list[tuple[Block, float, float, float, str]] = [(block, ox, 0.0, fy, "bone")]
    while stack:
        block, ox, oy, fy, kind = stack.pop()
        lab = block.label
        x, y, w, h = block.rect
        top = oy + y if fy > 0 else oy - y - h
        boxes.append((lab.id, lab.kind, ox + x, top, w, h, lab.lines, lab.role, lab.depth))
        lines.append((lab.id, kind, tuple((ox + px, oy + fy * py) for px, py in block.line)))
        for kid, dx, dy, mirrored in reversed(block.children):
            stack.append((kid, ox + dx, oy + fy * dy, -fy if mirrored else fy, "cause"))


def _finish(boxes: list[_RawBox], lines: list[_RawLine], margin: float, flip: bool) -> Layout:
    """Mirror for a head on the left if asked, then move the drawing to start at (0, 0)."""
    if flip:
        boxes = [(i, k, -x - w, y, w, h, t, r, d) for i, k, x, y, w, h, t, r, d in boxes]
        lines = [(i, k, tuple((-px, py) for px, py in points)) for i, k, points in lines]
    xs = [b[2] for b in boxes] + [b[2] + b[4] for b in boxes]
    ys = [b[3] for b in boxes] + [b[3] + b[5] for b in boxes]
    for _, _, points in lines:
        xs.extend(p[0] for p in points)
        ys.extend(p[1] for p in points)
    dx, dy = margin - min(xs), margin - min(ys)
    width, height = max(xs) - min(xs) + 2 * margin, max(ys) - min(ys) + 2 * margin
    moved = [Box(i, k, (x + dx, y + dy, w, h), t, r, d) for i, k, x, y, w, h, t, r, d in boxes]
    shifted = [Line(i, k, tuple((px + dx, py + dy) for px, py in points))
               for i, k, points in lines]
    return Layout((0.0, 0.0, width, height), moved, shifted)
