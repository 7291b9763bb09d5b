"""What keeps the room's view steady: the bone shown in "bone by bone" mode, and an anchor
box that stays at the same place on screen while the diagram is laid out again."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtWidgets import QGraphicsView

from fishbone.model import Diagram
from ui.fishbone_editor.canvas.items import MARK_MARGIN
from ui.fishbone_editor.canvas.scene import DiagramScene, Key
from ui.painting.paint import qrect

Anchor = tuple[Key, QPointF, QPointF]  # a box, its top-left and the view's centre (scene)


def heading_of(diagram: Diagram, key: Key | None) -> str | None:
    """The heading a selection belongs to (None for the head or nothing)."""
    if key is None:
        return None
    if key[0] == "category":
        return key[1]
    if key[0] == "cause" and diagram.has_cause(key[1]):
        return diagram.cause(key[1]).category
    return None


def bone_rect(scene: DiagramScene, category_id: str, margin: float = MARK_MARGIN) -> QRectF:
    """The heading's box with every shown box of its causes, with ``margin`` around each
    (by default room for their marks)."""
    d = scene.diagram
    keys = [("category", category_id)] + [
        ("cause", c.id) for c in d.causes if c.category == category_id]
    rect = QRectF()
    for key in keys:
        item = scene.boxes.get(key)
        if item is not None:
            m = margin
            grown = qrect(item.box).adjusted(-m, -m, m, m)
            rect = grown if rect.isNull() else rect.united(grown)
    return rect


def take_anchor(view: QGraphicsView, scene: DiagramScene) -> Anchor | None:
    """The selection if it is on screen, else the box nearest the middle of the viewport."""
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    middle = shown.center()
    selected = scene.boxes.get(scene.selection) if scene.selection is not None else None
    if selected is not None and shown.intersects(qrect(selected.box)):
        return selected.key, qrect(selected.box).topLeft(), middle
    best: tuple[float, Key] | None = None
    for key, item in scene.boxes.items():
        rect = qrect(item.box)
        if not shown.intersects(rect):
            continue
        offset = rect.center() - middle
        distance = offset.x() ** 2 + offset.y() ** 2
        if best is None or distance < best[0]:
            best = (distance, key)
    if best is None:
        return None
    key = best[1]
    return key, qrect(scene.boxes[key].box).topLeft(), middle


def keep_anchor(view: QGraphicsView, scene: DiagramScene, anchor: Anchor) -> None:
    """Centre the view so the anchor's box is back where it was on screen."""
    key, was, middle = anchor
    item = scene.boxes.get(key)
    if item is None:
        return
    moved = qrect(item.box).topLeft() - was
    if moved.isNull():  # centring again could still nudge the scroll bars by a pixel
        return
    view.centerOn(middle + moved)
