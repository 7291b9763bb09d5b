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

import gc
import math
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from fishbone.geometry import Box, Layout, LayoutOptions, Line, TextMeasurer
from fishbone.layout_bones import Bone
from fishbone.layout_pack import least_between, push_needed, reach_between
from fishbone.layout_text import CachedMeasurer, wrap_text
from fishbone.layout_tree import (
    Block,
    Label,
    Spacing,
    diagonal_block,
    horizontal_block,
)
from fishbone.model import Cause, Diagram

__all__ = ["LayoutCache", "layout_diagram", "wrap_text"]

LINE_PAD = 3.0  # half the thickest bone, with a little to spare
SPINE_CLEAR = 30.0  # from the spine to the nearest band of a category
CATEGORY_MIN_RISE = 70.0  # an empty category still gets a bone this tall
MIN_STEP = 70.0  # between neighbouring bones' feet on the spine
TAIL = 70.0  # spine beyond the first bone's foot
HEAD_GAP = 50.0  # spine between the last bone's foot and the head
MIN_WIDTH = {"head": 140.0, "category": 90.0, "cause": 64.0, "subcause": 56.0}
MIN_HEAD_HEIGHT = 64.0
DEFAULT_OPTIONS = LayoutOptions()


def layout_diagram(
    diagram: Diagram, measure: TextMeasurer, options: LayoutOptions = DEFAULT_OPTIONS,
    anchored: bool = False,
) -> Layout:
    """The geometry of ``diagram`` with text measured by ``measure`` (a ``CachedMeasurer``
    is used as it is, so its caches carry over from one layout to the next).

    The drawing starts at (margin, margin), unless ``anchored``: then it is not moved, the
    spine lies on y = 0 and the first heading's bone meets it at x = 0, and ``bounds`` starts
    where the drawing does. So a bone that grows at its top or outer end moves nothing else
    (the canvas lays out anchored; exports want the drawing at the origin).
    """
    with _collector_paused():
        return _Layouter(diagram, measure, options).run(anchored)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector off while laying out, back as it was after.

    A layout makes tens of thousands of tuples and lists, none of them in a reference cycle,
    and the collector would walk the whole heap over and over while they pile up: at 5,000
    causes that is a fifth of the time (about 104 against 76 ms here), and the share grows
    with the diagram. Memory is still freed as usual; only the search for cycles waits.
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


class LayoutCache(CachedMeasurer):
    """A measurer for a caller that lays out again after every small edit (the canvas).

    Besides texts and wraps it keeps the blocks of the last layout's cause subtrees, keyed by
    everything they are built from (ids, texts, nesting; options, for all of them), so a
    subtree in which no cause changed is reused as it is, and each category's ``Bone``, so
    a bone none of whose subtrees changed is neither packed nor emitted again unless it
    moved; only the blocks and bones used last time are kept. It also keeps each measured
    label (a rebuilt subtree measures only its new texts) and how far apart each pair of
    bones must stand (packing asks only about the bones that changed).
    """

    def __init__(self, measurer: TextMeasurer, limit: int = 50_000) -> None:
        super().__init__(measurer, limit)
        self.blocks: dict[tuple[object, ...], Block] = {}
        self.bones: dict[tuple[object, ...], Bone] = {}
        self.labels: dict[tuple[str, str, str, str, int], Label] = {}
        self.pushes: dict[tuple[Bone, Bone], float] = {}  # between bones in self.bones
        self.options: LayoutOptions | None = None  # those the blocks and bones were made with
        # Each heading's bone with the diagram's stamp for it: while the stamp is the same,
        # nothing under the heading changed, so the bone is reused without walking its causes.
        self.headings: dict[str, KeptHeading] = {}


@dataclass(frozen=True)
class KeptHeading:
    """A heading's bone as the last layout made it, and what it was made from."""

    stamp: tuple[int, int, int]
    label: Label
    key: tuple[object, ...]
    bone: Bone
    blocks: tuple[tuple[tuple[object, ...], Block], ...]  # its causes' blocks, keyed
    ids: frozenset[str]  # the causes it shows


class _Layouter:
    def __init__(self, diagram: Diagram, measure: TextMeasurer, options: LayoutOptions) -> None:
        self.diagram = diagram
        self.m = measure if isinstance(measure, CachedMeasurer) else CachedMeasurer(measure)
        self.cache = measure if isinstance(measure, LayoutCache) else None
        if self.cache is not None and self.cache.options != options:
            # blocks and bones are keyed without the options: other options, other shapes
            self.cache.options = options
            self.cache.blocks, self.cache.bones, self.cache.labels = {}, {}, {}
            self.cache.pushes, self.cache.headings = {}, {}
        self.labels = self.cache.labels if self.cache is not None else None
        # the cache's blocks after this layout
        self.used_blocks: dict[tuple[object, ...], Block] = {}
        self.used_bones: dict[tuple[object, ...], Bone] = {}
        self.used_headings: dict[str, KeptHeading] = {}
        self.made_blocks: list[tuple[tuple[object, ...], Block]] = []  # by the current heading
        self.options = options
        angle = min(max(options.bone_angle, 15.0), 90.0)
        reach = options.mark_reach  # status badges, tags, vote dots and pills stick out
        self.sep = max(options.gap + reach, 2 * reach)
        self.sp = Spacing(sep=self.sep, cot=1.0 / math.tan(math.radians(angle)),
                          min_run=options.min_run)
        self.roots: dict[str, list[Cause]] = {}
        self.kids: dict[str, list[Cause]] = {}
        for cause in diagram.causes:
            if cause.parent is None:
                self.roots.setdefault(cause.category, []).append(cause)
            else:
                self.kids.setdefault(cause.parent, []).append(cause)
        self.seen: set[str] = set()
        self.shapes: dict[str, tuple[float, float, float, float, float]] = {}  # by role

    # -- measuring -------------------------------------------------------------------------
    def label(self, item_id: str, kind: str, text: str, role: str, depth: int) -> Label:
        labels = self.labels
        if labels is None:
            return self.measured(item_id, kind, text, role, depth)
        key = (item_id, kind, text, role, depth)
        found = labels.get(key)
        if found is None:
            if len(labels) >= self.m.limit:
                labels.clear()
            found = labels[key] = self.measured(item_id, kind, text, role, depth)
        return found

    def measured(self, item_id: str, kind: str, text: str, role: str, depth: int) -> Label:
        shape = self.shapes.get(role)
        if shape is None:
            shape = self.shapes[role] = self.shape_of(role)
        wrap_width, pad2, least_width, line_height, least_height = shape
        lines = self.m.wrap(text, wrap_width, role)
        if len(lines) == 1:
            width = self.m.measure_for(role)(lines[0]) + pad2
        else:
            width = max(map(self.m.measure_for(role), lines)) + pad2
        height = len(lines) * line_height + pad2
        return Label(item_id, kind, role, depth, lines, max(width, least_width),
                     max(height, least_height))

    def shape_of(self, role: str) -> tuple[float, float, float, float, float]:
        """What every label of ``role`` shares: the width its text wraps to, twice its
        padding, its least width, its line height and its least height."""
        o = self.options
        pad = o.padding * (2 if role == "head" else 1)
        limit = {"head": o.max_head_width, "category": o.max_category_width}.get(
            role, o.max_label_width)
        return (max(1.0, limit - 2 * pad), 2 * pad, MIN_WIDTH[role], self.m.line_height(role),
                MIN_HEAD_HEIGHT if role == "head" else 0.0)

    def cause_block(self, top: Cause, depth: int) -> Block:
        """The block of ``top`` and every cause shown under it (no recursion: depth is free).

        One walk lists the shown causes in pre-order with their number of shown children;
        that list (ids, texts, counts) with the depth is the cache key, as it fixes the tree.
        """
        seen, kids_of = self.seen, self.kids
        seen.add(top.id)
        order: list[tuple[Cause, int, int]] = []  # pre-order: cause, level, shown children
        key: list[object] = [depth]
        stack: list[tuple[Cause, int]] = [(top, depth)]
        while stack:
            cause, level = stack.pop()
            below = None if cause.collapsed else kids_of.get(cause.id)
            count = 0
            if below:
                fresh = [k for k in below if k.id not in seen]
                count = len(fresh)
                if count:
                    seen.update(k.id for k in fresh)
                    stack.extend((k, level + 1) for k in reversed(fresh))
            order.append((cause, level, count))
            key += (cause.id, cause.text, count)
        frozen = tuple(key)
        if self.cache is not None:
            found = self.cache.blocks.get(frozen)
            if found is not None:
                self.used_blocks[frozen] = found
                self.made_blocks.append((frozen, found))
                return found
        built: list[Block] = []  # a stack: a parent pops its children, first child on top
        rise = self.options.cause_min_rise
        for cause, level, count in reversed(order):  # children before their parents
            role = "cause" if level == 1 else "subcause"
            label = self.label(cause.id, "cause", cause.text, role, level)
            kids = [built.pop() for _ in range(count)]
            if level % 2:
                built.append(horizontal_block(label, kids, self.sp))
            else:
                built.append(diagonal_block(label, kids, self.sp, self.sep, rise))
        self.used_blocks[frozen] = built[0]
        self.made_blocks.append((frozen, built[0]))
        return built[0]

    def category_bone(self, category_id: str, name: str) -> Bone:
        """The category's bone, reused from the cache while the diagram's stamp for the
        heading is unchanged, or when its heading and every cause block under it are the
        same (the blocks are the cache's own, so identity says it)."""
        label = self.label(category_id, "category", name, "category", 0)
        cache = self.cache
        stamp = self.diagram.stamp(category_id)
        if cache is not None:
            kept = cache.headings.get(category_id)
            if kept is not None and kept.stamp == stamp and kept.label == label \
                    and not (kept.ids & self.seen):
                self.used_blocks.update(kept.blocks)
                self.used_bones[kept.key] = kept.bone
                self.used_headings[category_id] = kept
                self.seen.update(kept.ids)
                return kept.bone
        seen_before = set(self.seen) if cache is not None else self.seen
        self.made_blocks = []
        kids = [self.cause_block(c, 1) for c in self.roots.get(category_id, [])
                if c.id not in self.seen]  # (a cause listed twice is shown once)
        key = (label, tuple(id(k) for k in kids))
        bone = None if cache is None else cache.bones.get(key)
        if bone is None:
            bone = Bone(diagonal_block(label, kids, self.sp, SPINE_CLEAR, CATEGORY_MIN_RISE),
                        LINE_PAD)  # (its block holds the kids, so their ids stay theirs)
        self.used_bones[key] = bone
        if cache is not None:
            self.used_headings[category_id] = KeptHeading(
                stamp, label, key, bone, tuple(self.made_blocks),
                frozenset(self.seen - seen_before))
        return bone

    # -- packing ---------------------------------------------------------------------------
    def run(self, anchored: bool) -> Layout:
        bones = [self.category_bone(c.id, c.name) for c in self.diagram.categories]
        rights = [b.right for b in bones]
        lefts = [b.left for b in bones]
        feet: list[float] = []
        pushes = self.cache.pushes if self.cache is not None else {}
        used_pushes: dict[tuple[Bone, Bone], float] = {}
        for i, bone in enumerate(bones):
            x = feet[-1] + MIN_STEP if feet else 0.0
            for j in range(i % 2, i, 2):  # earlier bones on the same side of the spine
                pair = (bones[j], bone)
                push = pushes.get(pair)
                if push is None:
                    push = push_needed(rights[j], lefts[i], self.sep)
                used_pushes[pair] = push
                x = max(x, feet[j] + push)
            feet.append(x)
        if self.cache is not None:
            self.cache.pushes = used_pushes

        effect = self.diagram.effect.strip() and self.diagram.effect
        head = self.label("head", "head", effect or self.options.head_fallback, "head", 0)
        reach_y = -head.height / 2 - self.sep
        head_x = feet[-1] + HEAD_GAP if feet else 0.0
        tail_x = feet[0] - TAIL if feet else -3 * TAIL
        for foot, right, left in zip(feet, rights, lefts, strict=True):
            head_x = max(head_x, foot + reach_between(right, reach_y, 1.0) + self.sep)
            tail_x = min(tail_x, foot + least_between(left, -SPINE_CLEAR - 60.0, 1.0))

        flip = not self.options.head_on_right
        fx = -1.0 if flip else 1.0  # x is mirrored for a head on the left
        head_left = -head_x - head.width if flip else head_x
        spine_ends = (fx * tail_x, fx * head_x)
        extents = [(min(head_left, *spine_ends), max(head_left + head.width, *spine_ends),
                    -head.height / 2, head.height / 2)]
        for i, (bone, foot) in enumerate(zip(bones, feet, strict=True)):
            extents.append(bone.place(foot, -1.0 if i % 2 else 1.0, flip))
        if self.cache is not None:
            self.cache.blocks = self.used_blocks
            self.cache.bones = self.used_bones
            self.cache.headings = self.used_headings

        # Move the drawing to start at (margin, margin), or leave it where it is.
        margin = self.options.margin
        x0, x1 = min(e[0] for e in extents), max(e[1] for e in extents)
        y0, y1 = min(e[2] for e in extents), max(e[3] for e in extents)
        dx, dy = (0.0, 0.0) if anchored else (margin - x0, margin - y0)
        head_part = ([Box("head", "head", (head_left + dx, -head.height / 2 + dy, head.width,
                                           head.height), head.lines, "head", 0)],
                     [Line("spine", "spine", tuple((x + dx, dy) for x in spine_ends))])
        parts = [head_part] + [bone.finish(dx, dy) for bone in bones]
        all_boxes = [box for part in parts for box in part[0]]
        all_lines = [line for part in parts for line in part[1]]
        return Layout((x0 + dx - margin, y0 + dy - margin, x1 - x0 + 2 * margin,
                       y1 - y0 + 2 * margin), all_boxes, all_lines, parts)
