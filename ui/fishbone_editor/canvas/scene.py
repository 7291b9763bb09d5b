"""The fishbone scene: keeps one item per layout box and line, and redraws only what changed.

The scene hears the document's change notes and keeps to the diagram's kinds. A change of
status, votes, notes or root cause repaints that cause's box and bone; anything that can
move boxes lays the diagram out again (layout is fast) and then touches only the items whose
geometry or content differ from before. The layout is anchored at the spine (it is not
moved to start at the origin), so a bone that grows moves no other bone's items. Items are
keyed by (kind, id), so the selection survives a relayout.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from PySide6.QtCore import QLineF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsScene

from fishbone.geometry import Box, Layout, LayoutOptions
from fishbone.model import DIAGRAM_KINDS, Cause, Change, Diagram
from ui.fishbone_editor.canvas.item_sync import ItemSync, Key
from ui.fishbone_editor.canvas.items import BOX_Z, DRAGGED_Z, BoxItem, LineItem
from ui.painting.paint import head_bulge, layout_measurer_for
from ui.painting.style import LIGHT, DiagramStyle

__all__ = ["PAINT_ONLY", "DiagramScene", "Key", "compute_layout"]

# Attributes the layout does not look at: changing them only repaints.
PAINT_ONLY = frozenset({"status", "root_cause", "votes", "notes"})
TIDY_MS = 400  # how soon after edits the scene's rect shrinks to a drawing that shrank


def compute_layout(diagram: Diagram, style: DiagramStyle, options: LayoutOptions) -> Layout:
    from fishbone.layout import layout_diagram  # written alongside; imported when first used

    return layout_diagram(diagram, layout_measurer_for(style), options, anchored=True)


class ShownBoxes(Mapping[Key, Box]):
    """The boxes of a scene's items, read through (navigation asks about a few of them)."""

    def __init__(self, items: dict[Key, BoxItem]) -> None:
        self._items = items

    def __getitem__(self, key: Key) -> Box:
        return self._items[key].box

    def __contains__(self, key: object) -> bool:
        return key in self._items

    def __iter__(self) -> Iterator[Key]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)


class DiagramScene(QGraphicsScene):
    """Draws a Diagram; ``selection_changed(key)`` and ``relaid_out()`` tell the view."""

    selection_changed = Signal(object)  # Key | None
    relaid_out = Signal()

    def __init__(self, diagram: Diagram, style: DiagramStyle = LIGHT,
                 options: LayoutOptions | None = None, parent=None) -> None:
        super().__init__(parent)
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        self.diagram = diagram
        self.diagram_style = style
        self.options = options or LayoutOptions()
        self.layout: Layout = Layout((0.0, 0.0, 0.0, 0.0))
        self.boxes: dict[Key, BoxItem] = {}
        self.lines: dict[Key, LineItem] = {}
        self.spare_boxes: dict[Key, BoxItem] = {}  # out of the scene, kept for reuse (item_sync)
        self.spare_lines: dict[Key, LineItem] = {}
        self.device_scale = 1.0  # device pixels per scene unit in the view (BoxItem bounds)
        self.selection: Key | None = None
        self.drop_key: Key | None = None
        self.insert_marker: QGraphicsPathItem | None = None  # the gap a drag would drop into
        self.insert_line: QLineF | None = None
        self.updated_last: int = 0  # how many items the last refresh created, moved or repainted
        self.votes_hidden = False  # no vote marks (the room's dots before their reveal)
        self.setBackgroundBrush(QColor(style.background))
        self._tidy = QTimer(self, singleShot=True, interval=TIDY_MS)
        self._tidy.timeout.connect(self._tidy_scene_rect)
        self.relayout()

    # -- model ---------------------------------------------------------------------------------
    def set_diagram(self, diagram: Diagram) -> None:
        """Show another diagram (a case was opened): every item is rebuilt."""
        self.diagram = diagram
        self.selection = None
        self._clear_items()
        self.relayout()
        self.selection_changed.emit(None)

    def set_style(self, style: DiagramStyle) -> None:
        """Another look (theme, projector): new fonts mean new geometry for everything.
        The same look again changes nothing (no second layout while a page is built)."""
        if style == self.diagram_style:
            return
        self.diagram_style = style
        self.setBackgroundBrush(QColor(style.background))
        self._drop_spares()
        for item in [*self.boxes.values(), *self.lines.values()]:
            item.set_style(style)
        self.relayout()

    def set_device_scale(self, scale: float) -> None:
        """The view's zoom (times its pixel ratio): boxes keep bounds of whole pixels."""
        if scale == self.device_scale:
            return
        self.device_scale = scale
        for item in [*self.boxes.values(), *self.spare_boxes.values()]:
            item.set_device_scale(scale)

    def set_votes_hidden(self, hidden: bool) -> None:
        """Draw no vote marks (the room votes and its dots are not revealed yet), or draw
        them again: repaints only the causes that have votes."""
        if hidden == self.votes_hidden:
            return
        self.votes_hidden = hidden
        self.updated_last = sum(item.set_votes_hidden(hidden) for item in self.boxes.values())

    def on_change(self, change: Change) -> None:
        """A change note of the case (connect to ``CaseDocument.changed``): the diagram's
        own kinds redraw, the rest of the case is not drawn here."""
        if change.kind not in DIAGRAM_KINDS:
            return
        if change.kind == "cause_changed" and change.attribute in PAINT_ONLY:
            self._repaint_causes(change.ids)
            return
        self.relayout(change)

    def _repaint_causes(self, ids: tuple[str, ...]) -> None:
        self.updated_last = 0
        for cause_id in ids:
            if not self.diagram.has_cause(cause_id):
                continue
            cause = self.diagram.cause(cause_id)
            item = self.boxes.get(("cause", cause_id))
            if item is not None:
                item.set_content(item.box, cause, item.hidden, item.head_right)
                self.updated_last += 1
            line = self.lines.get(("cause", cause_id))
            if line is not None:
                line.set_content(line.line, cause, line.depth)
                self.updated_last += 1

    # -- layout --------------------------------------------------------------------------------
    def relayout(self, change: Change | None = None) -> None:
        """Lay out again and bring the items in line with the new geometry.

        Given the ``change`` that called for it, only what may have changed is looked at
        (see ``item_sync``); without one, every item is compared with its box or line.
        """
        old, self.layout = self.layout, compute_layout(self.diagram, self.diagram_style,
                                                       self.options)
        named = frozenset(change.ids) if change is not None else None
        self.updated_last = ItemSync(self, self.layout, old, named).run()
        self._fit_scene_rect(grow_only=change is not None)
        if self.selection is not None and self.selection not in self.boxes:
            self._select_visible_ancestor()
        self.relaid_out.emit()

    def _fit_scene_rect(self, grow_only: bool) -> None:
        """The scene's rect around the drawing. After an edit it only grows at once: a rect
        that shrinks changes the scroll bars, whose repaint would cost the edit's frame a
        few milliseconds, so it is tidied a moment later instead."""
        rect = self.drawing_rect()
        if grow_only and self.sceneRect().contains(rect):
            if rect != self.sceneRect():
                self._tidy.start()
            return
        self._tidy.stop()
        self.setSceneRect(rect)

    def _tidy_scene_rect(self) -> None:
        self.setSceneRect(self.drawing_rect())

    def drawing_rect(self) -> QRectF:
        """The layout bounds, the head's snout and a little room to scroll past the edge."""
        x, y, w, h = self.layout.bounds
        rect = QRectF(x, y, w, h)
        head = self.layout.box("head")
        if head is not None:
            reach = head_bulge(head) + 24.0
            rect = rect.adjusted(-reach, 0, reach, 0)
        return rect.adjusted(-40, -40, 40, 40)

    def _clear_items(self) -> None:
        self._drop_spares()
        for store in (self.boxes, self.lines):
            for item in store.values():
                self.removeItem(item)
            store.clear()

    def _drop_spares(self) -> None:
        self.spare_boxes.clear()  # (out of the scene already: dropping them frees them)
        self.spare_lines.clear()

    # -- queries -------------------------------------------------------------------------------
    def box_item(self, kind: str, item_id: str) -> BoxItem | None:
        return self.boxes.get((kind, item_id))

    def cause_item(self, cause_id: str) -> BoxItem | None:
        return self.boxes.get(("cause", cause_id))

    @property
    def shown_boxes(self) -> Mapping[Key, Box]:
        """Each shown box by its key: a live view, not a copy made for every question."""
        return ShownBoxes(self.boxes)

    def box(self, key: Key) -> Box | None:
        item = self.boxes.get(key)
        return item.box if item is not None else None

    @property
    def selected_cause(self) -> Cause | None:
        if self.selection is None or self.selection[0] != "cause":
            return None
        cause_id = self.selection[1]
        return self.diagram.cause(cause_id) if self.diagram.has_cause(cause_id) else None

    def box_item_at(self, pos) -> BoxItem | None:
        """The topmost box under a scene position."""
        for item in self.items(pos):
            if isinstance(item, BoxItem):
                return item
        return None

    # -- selection and highlights --------------------------------------------------------------
    def select(self, key: Key | None) -> None:
        if key is not None and key not in self.boxes:
            key = None
        if key == self.selection:
            return
        old = self.boxes.get(self.selection) if self.selection else None
        if old is not None:
            old.set_flags(selected=False)
        self.selection = key
        if key is not None:
            self.boxes[key].set_flags(selected=True)
        self.selection_changed.emit(key)

    def select_cause(self, cause_id: str) -> None:
        self.select(("cause", cause_id))

    def _select_visible_ancestor(self) -> None:
        """The selected cause went out of sight: select its nearest shown ancestor."""
        assert self.selection is not None
        kind, item_id = self.selection
        self.selection = None
        if kind == "cause" and self.diagram.has_cause(item_id):
            for cause in reversed(self.diagram.path(item_id)[:-1]):
                if ("cause", cause.id) in self.boxes:
                    self.select(("cause", cause.id))
                    return
            self.select(("category", self.diagram.cause(item_id).category))
            return
        self.selection_changed.emit(None)

    def set_drop_target(self, key: Key | None) -> None:
        if key == self.drop_key:
            return
        old = self.boxes.get(self.drop_key) if self.drop_key else None
        if old is not None:
            old.set_flags(drop_target=False)
            old.setZValue(BOX_Z)
        self.drop_key = key if key in self.boxes else None
        if self.drop_key is not None:
            target = self.boxes[self.drop_key]
            target.set_flags(drop_target=True)
            target.setZValue(DRAGGED_Z + 1)  # in front of the dragged cause, lit up

    def set_insert_marker(self, line: QLineF | None) -> None:
        """Show (or, with None, hide) the bar that marks where a dragged cause would go."""
        self.insert_line = line
        if line is None:
            if self.insert_marker is not None:
                self.insert_marker.hide()
            return
        if self.insert_marker is None:
            self.insert_marker = QGraphicsPathItem()
            self.insert_marker.setZValue(DRAGGED_Z + 2)
            self.addItem(self.insert_marker)
        pen = QPen(QColor(self.diagram_style.drop_target), 5.0)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        self.insert_marker.setPen(pen)
        self.insert_marker.setBrush(QColor(self.diagram_style.drop_target))
        path = QPainterPath(line.p1())
        path.lineTo(line.p2())
        for end in (line.p1(), line.p2()):
            path.addEllipse(end, 5.0, 5.0)
        self.insert_marker.setPath(path)
        self.insert_marker.show()
