"""Dragging a cause with the mouse, and where it would land.

Dropped on a heading, the cause goes last on that heading's bone; dropped on the middle of
another cause, it becomes that cause's last sub-cause (the target lights up). Dropped on the
end of a cause that faces a sibling (the top or bottom where siblings are stacked, the left
or right where they run side by side), it goes between the two, and a bar marks the gap.
Either way it takes its sub-causes along and the move is one undo step; Esc cancels, and a
cause never goes under itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QLineF, QPoint, QPointF
from PySide6.QtWidgets import QApplication

from ui.fishbone_editor.canvas import navigation as nav
from ui.fishbone_editor.canvas.host import CanvasView
from ui.fishbone_editor.canvas.items import BOX_Z, DRAGGED_Z, BoxItem

Key = tuple[str, str]

EDGE_SHARE = 0.3  # the share of a cause box, at each end along its siblings, meaning "between"
EDGE_SCROLL = 24  # pixels from the viewport edge where a drag scrolls the view
GHOST, GHOST_OVER_GAP = 0.55, 0.3  # the dragged box, fainter while a gap marker shows
MARKER_GAP = 9.0  # how far outside the box edge the gap marker sits (about half the gap)


@dataclass(frozen=True)
class Drop:
    """Where a drop would put the dragged cause: under ``parent`` (None: on the heading's
    bone) at ``index`` among the siblings (None: last)."""

    category: str
    parent: str | None
    index: int | None = None
    target: Key | None = None  # the box that lights up (a drop into it)
    marker: QLineF | None = None  # the gap it goes into (a drop between siblings)


class CauseDrag:
    """A press on a cause that may turn into a drag; the view feeds it the mouse."""

    def __init__(self, view: CanvasView, item: BoxItem, press: QPoint) -> None:
        self.view, self.item, self.press = view, item, press
        self.start = QPointF(item.pos())
        self.active = False
        self.drop: Drop | None = None

    @property
    def cause_id(self) -> str:
        return self.item.item_id

    def move(self, pos: QPoint) -> None:
        if not self.active:
            if (pos - self.press).manhattanLength() < QApplication.startDragDistance():
                return
            self.active = True
            self.item.setZValue(DRAGGED_Z)
            self.item.setOpacity(GHOST)
        self._scroll_near_edge(pos)
        view = self.view
        offset = view.mapToScene(pos) - view.mapToScene(self.press)
        self.item.setPos(self.start + offset)
        self.drop = self.drop_at(view.mapToScene(pos))
        scene = view.diagram_scene
        scene.set_drop_target(self.drop.target if self.drop else None)
        marker = self.drop.marker if self.drop else None
        scene.set_insert_marker(marker)
        self.item.setOpacity(GHOST_OVER_GAP if marker is not None else GHOST)

    def finish(self, drop: bool) -> None:
        """Put the item back and, when dropping somewhere, move the cause (one undo step)."""
        scene = self.view.diagram_scene
        scene.set_drop_target(None)
        scene.set_insert_marker(None)
        if not self.active:
            return
        self.item.setOpacity(1.0)
        self.item.setZValue(BOX_Z)
        self.item.setPos(self.start)
        where = self.drop
        if drop and where is not None:
            self.view.diagram_actions.move_cause(self.cause_id, where.category, where.parent,
                                         where.index)
        self.view.select(("cause", self.cause_id))

    def _scroll_near_edge(self, pos: QPoint) -> None:
        view = self.view
        vp = view.viewport().rect()
        for bar, p, low, high in ((view.horizontalScrollBar(), pos.x(), vp.left(), vp.right()),
                                  (view.verticalScrollBar(), pos.y(), vp.top(), vp.bottom())):
            if p < low + EDGE_SCROLL:
                bar.setValue(bar.value() - EDGE_SCROLL // 2)
            elif p > high - EDGE_SCROLL:
                bar.setValue(bar.value() + EDGE_SCROLL // 2)

    # -- where it would land -----------------------------------------------------------------
    def drop_at(self, point: QPointF) -> Drop | None:
        """The drop for a pointer at scene ``point``; None where it cannot go."""
        d = self.view.doc.diagram
        for item in self.view.diagram_scene.items(point):
            if not isinstance(item, BoxItem) or item is self.item:
                continue
            if item.kind == "category":
                return Drop(item.item_id, None, target=item.key)
            if item.kind != "cause" or d.is_descendant(item.item_id, self.cause_id):
                return None
            between = self._between(item, point)
            if between is not None:
                return between
            return Drop(d.cause(item.item_id).category, item.item_id, target=item.key)
        return None

    def _between(self, item: BoxItem, point: QPointF) -> Drop | None:
        """A drop next to ``item`` among its siblings, when the pointer is near its end."""
        scene = self.view.diagram_scene
        d = scene.diagram
        box = item.box
        axis = nav.spread_axis(box)
        x, y, w, h = box.rect
        start, extent = (y, h) if axis else (x, w)
        share = ((point.y() if axis else point.x()) - start) / max(extent, 1.0)
        if EDGE_SHARE < share < 1.0 - EDGE_SHARE:
            return None
        after = share >= 0.5
        boxes = {k: i.box for k, i in scene.boxes.items()}
        me: Key = ("cause", self.cause_id)
        others = [k for k in nav.sibling_keys(d, item.key) if k != me]
        screen = nav.screen_order(others, boxes)
        if item.key not in screen:
            return None
        at = screen.index(item.key) + (1 if after else 0)
        placed = screen[:at] + [me] + screen[at:]
        if _list_runs_backwards(d, boxes, item.key, others, screen):
            placed.reverse()
        cause = d.cause(item.item_id)
        edge = (y + h + MARKER_GAP if after else y - MARKER_GAP) if axis else \
            (x + w + MARKER_GAP if after else x - MARKER_GAP)
        if axis:
            marker = QLineF(x - 6.0, edge, x + w + 6.0, edge)
        else:
            marker = QLineF(edge, y - 6.0, edge, y + h + 6.0)
        return Drop(cause.category, cause.parent, placed.index(me), marker=marker)


def _list_runs_backwards(d, boxes, key: Key, tree: list[Key],  # noqa: ANN001
                         screen: list[Key]) -> bool:
    """Whether the siblings' list order runs against their screen order."""
    if len(screen) > 1:
        shown = [k for k in tree if k in boxes]
        if screen == shown:
            return False
        if screen == shown[::-1]:
            return True
    # the layout adds siblings towards the parent's own box
    parent = nav.parent_key(d, key)
    if parent is None or parent not in boxes:
        return False
    axis = nav.spread_axis(boxes[key])
    return nav.centre(boxes[parent])[axis] < nav.centre(boxes[key])[axis]
