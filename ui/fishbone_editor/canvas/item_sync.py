"""Brings the scene's items in line with a new layout, looking only at what may have changed.

Items of boxes and lines that leave the layout are taken out of the scene and kept, so that
expanding a heading again or undoing a delete shows the same items, with the pictures Qt
cached of them, instead of building and painting hundreds anew. (Hiding an item instead
would make Qt drop its cached picture.)

The layout comes in parts (the head and spine, then one part per heading's bone), and a part
that is the very same list as last time holds the very same boxes and lines: its items are
up to date and are not looked at, except those of causes the change names and collapsed
causes (their count of hidden causes can change while their box stays). In a part that is
new, an item whose box or line is the very object it drew last time is skipped the same way;
the others are compared and moved, resized or repainted only when they differ.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import QGraphicsItem

from fishbone.geometry import Box, Layout, Line
from fishbone.model import Cause, Diagram
from ui.fishbone_editor.canvas.items import BoxItem, LineItem, cause_signature, line_signature
from ui.painting.paint import head_points_right, hidden_counts
from ui.painting.style import DiagramStyle

SPARES_KEPT = 5000  # items kept out of the scene for reuse, of each kind, at most
Key = tuple[str, str]  # (kind, id): ("head", "head"), ("category", id) or ("cause", id)
Part = tuple[list[Box], list[Line]]


class SceneItems(Protocol):
    """What the sync needs of the scene (the scene imports this module, not the reverse)."""

    diagram: Diagram
    diagram_style: DiagramStyle
    boxes: dict[Key, BoxItem]
    lines: dict[Key, LineItem]
    spare_boxes: dict[Key, BoxItem]  # items of boxes gone from the layout, out of the scene
    spare_lines: dict[Key, LineItem]
    selection: Key | None
    votes_hidden: bool
    device_scale: float

    def addItem(self, item: QGraphicsItem) -> None: ...  # noqa: N802 (Qt name)

    def removeItem(self, item: QGraphicsItem) -> None: ...  # noqa: N802 (Qt name)


class ItemSync:
    """One pass over a new layout: ``run()`` gives how many items it created, changed or
    removed. ``named`` is None for a full check (every item compared)."""

    def __init__(self, scene: SceneItems, layout: Layout, old: Layout,
                 named: frozenset[str] | None) -> None:
        self.scene = scene
        self.layout = layout
        self.named = named
        self.causes: dict[str, Cause] = {}
        self.collapsed: list[str] = []
        for cause in scene.diagram.causes:
            self.causes[cause.id] = cause
            if cause.collapsed:
                self.collapsed.append(cause.id)
        self.counts: dict[str, int] | None = None  # hidden causes, counted when first needed
        self.right = head_points_right(layout)
        self.head = layout.box("head")
        new_ids = {id(part[0]) for part in layout.parts}
        old_ids = {id(part[0]) for part in old.parts}  # (old is alive: ids are not reused)
        full = named is None or not layout.parts
        self.fresh: list[Part] = [p for p in layout.parts if full or id(p[0]) not in old_ids]
        self.dropped: list[Part] = [p for p in old.parts if id(p[0]) not in new_ids]
        self.full = full
        self.updated = 0

    def run(self) -> int:
        for boxes, lines in self.fresh:
            for box in boxes:
                self.box(box, skip=True)
            depths = {b.id: b.depth for b in boxes if b.kind == "cause"}
            for line in lines:
                self.line(line, depths.get(line.id, 1))
        self.remove_gone()
        self.recheck()
        return self.updated

    def hidden(self, cause: Cause | None) -> int:
        if cause is None or not cause.collapsed:
            return 0
        if self.counts is None:
            self.counts = hidden_counts(self.scene.diagram)
        return self.counts.get(cause.id, 0)

    def box(self, box: Box, skip: bool) -> None:
        scene, key = self.scene, (box.kind, box.id)
        cause = self.causes.get(box.id) if box.kind == "cause" else None
        item = scene.boxes.get(key)
        if item is None and key in scene.spare_boxes:  # shown again (expanded, undone)
            item = scene.boxes[key] = scene.spare_boxes.pop(key)
            item.set_device_scale(scene.device_scale)
            scene.addItem(item)
            item.set_flags(selected=key == scene.selection, drop_target=False)
            item.set_votes_hidden(scene.votes_hidden)
            skip = False
        if item is None:
            hidden = self.hidden(cause)
            item = scene.boxes[key] = BoxItem(box, scene.diagram_style, cause, hidden, self.right,
                                              scene.device_scale)
            item.set_flags(selected=key == scene.selection)
            item.set_votes_hidden(scene.votes_hidden)
            scene.addItem(item)
            self.updated += 1
            return
        named = self.named
        if (skip and named is not None and item.cause is cause
                and item.head_right == self.right
                and (cause is None or not (cause.collapsed or cause.id in named))):
            # Not named by the change: what the box shows is as it was; only its place may
            # differ (a sibling before it grew or went away).
            was = item.box
            if was is box or was == box:
                item.box = box
                return
            if (was.rect[2:] == box.rect[2:] and was.lines == box.lines
                    and was.role == box.role and was.depth == box.depth):
                item.box = box
                item.setPos(box.rect[0], box.rect[1])
                self.updated += 1
                return
        hidden = self.hidden(cause)
        if (item.box != box or item.cause is not cause or item.head_right != self.right
                or item.signature != cause_signature(cause, hidden)):
            item.set_content(box, cause, hidden, self.right)
            self.updated += 1
        else:
            item.box = box  # the same box: next time, being the same object says so

    def line(self, line: Line, depth: int) -> None:
        scene, key = self.scene, (line.kind, line.id)
        cause = self.causes.get(line.id) if line.kind == "cause" else None
        item = scene.lines.get(key)
        if item is None and key in scene.spare_lines:
            item = scene.lines[key] = scene.spare_lines.pop(key)
            scene.addItem(item)
            item.set_content(line, cause, depth, self.head)
            self.updated += 1
            return
        if item is None:
            item = scene.lines[key] = LineItem(line, scene.diagram_style, cause, depth, self.head)
            scene.addItem(item)
            self.updated += 1
            return
        named = self.named
        if (named is not None and item.cause is cause and item.depth == depth
                and line.kind != "spine" and line.id not in named):
            if item.line is line or item.line == line:
                item.line = line
                return
            if item.slide_to(line):
                self.updated += 1
                return
        if item.signature != line_signature(line, cause, depth) or (
                line.kind == "spine" and item.head != self.head):
            item.set_content(line, cause, depth, self.head)
            self.updated += 1
        else:
            item.line = line

    def recheck(self) -> None:
        """In the parts left alone: the causes the change names, and collapsed causes."""
        if self.full:
            return
        scene = self.scene
        assert self.named is not None
        for cause_id in {*self.named, *self.collapsed}:
            item = scene.boxes.get(("cause", cause_id))
            if item is not None and cause_id in self.causes:
                self.box(item.box, skip=False)
            line_item = scene.lines.get(("cause", cause_id))
            if line_item is not None and cause_id in self.causes:
                self.line(line_item.line, line_item.depth)

    def remove_gone(self) -> None:
        """Remove the items of boxes and lines the new layout no longer has."""
        scene = self.scene
        if self.full:
            seen_boxes: set[Key] = {(b.kind, b.id) for b in self.layout.boxes}
            seen_lines: set[Key] = {(ln.kind, ln.id) for ln in self.layout.lines}
            gone_boxes = [k for k in scene.boxes if k not in seen_boxes]
            gone_lines = [k for k in scene.lines if k not in seen_lines]
        else:  # only a part that went away can have held them; a fresh part may hold them now
            kept_boxes = {(b.kind, b.id) for part in self.fresh for b in part[0]}
            kept_lines = {(ln.kind, ln.id) for part in self.fresh for ln in part[1]}
            gone_boxes = [(b.kind, b.id) for part in self.dropped for b in part[0]
                          if (b.kind, b.id) not in kept_boxes]
            gone_lines = [(ln.kind, ln.id) for part in self.dropped for ln in part[1]
                          if (ln.kind, ln.id) not in kept_lines]
        for key in gone_boxes:  # kept: expanding again or undoing a delete reuses the item
            item = scene.spare_boxes[key] = scene.boxes.pop(key)  # (and its cached picture)
            scene.removeItem(item)
        for key in gone_lines:
            line = scene.spare_lines[key] = scene.lines.pop(key)
            scene.removeItem(line)
        for spares in (scene.spare_boxes, scene.spare_lines):
            if len(spares) > SPARES_KEPT:  # the oldest go: a long session of deletes
                for key in list(spares)[:len(spares) - SPARES_KEPT]:  # keeps no more
                    del spares[key]
        self.updated += len(gone_boxes) + len(gone_lines)
