"""The relations diagram's scene: the causes in a grid, drivers on the left and outcomes on
the right (``sixstep.relations.layered_grid``), and curved arrows between them.

Drag from one cause to another to draw "this drives that"; the scene only says so
(``arrow_drawn``), the page turns it into one undoable edit. It is built again from the case
when it changes: a handful of boxes, and only while the view is shown.
"""

from __future__ import annotations

from PySide6.QtCore import QLineF, QObject, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QPen, QTransform
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsScene,
    QGraphicsSceneMouseEvent,
)

from sixstep.case import Case
from sixstep.relations import (
    RelationSummary,
    layered_grid,
    relation_nodes,
    summarise_relations,
)
from ui.relations.items import ArrowItem, NodeItem, RelationsLook

MARGIN = 8.0  # around the boxes and arrows, in scene units
SHAPE = 2.0  # a window twice as wide as high, unless told otherwise


def loop_arrows(summary: RelationSummary) -> set[tuple[str, str]]:
    """The arrows that belong to at least one loop."""
    out: set[tuple[str, str]] = set()
    for loop in summary.loops:
        for i, cause_id in enumerate(loop):
            out.add((cause_id, loop[(i + 1) % len(loop)]))
    return out


class RelationsScene(QGraphicsScene):
    arrow_drawn = Signal(str, str)  # source cause id, target cause id
    node_clicked = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.look = RelationsLook()
        self.nodes: dict[str, NodeItem] = {}
        self.arrows: dict[tuple[str, str], ArrowItem] = {}
        self.summary: RelationSummary | None = None
        self.case = Case()
        self._drag_from: str | None = None
        self._rubber: QGraphicsLineItem | None = None

    def show_case(self, case: Case, every: bool, look: RelationsLook,
                  shape: float = SHAPE) -> None:
        """Build the boxes and arrows of ``case`` again in ``look``, the ring shaped to show
        largest in a window ``shape`` times wider than high."""
        self.clear()
        self.case = case
        self.look = look
        self.setBackgroundBrush(QColor(look.paper))
        self.nodes, self.arrows = {}, {}
        self._rubber, self._drag_from = None, None
        summary = self.summary = summarise_relations(case)
        texts = {c.id: c.text for c in case.fishbone.causes}
        for cause_id in relation_nodes(case, every):
            tag = ("driver" if cause_id in summary.drivers
                   else "outcome" if cause_id in summary.outcomes else "")
            node = NodeItem(cause_id, texts[cause_id], summary.incoming[cause_id],
                            summary.outgoing[cause_id], tag, look)
            self.nodes[cause_id] = node
            self.addItem(node)
        self._spread(shape)
        looped = loop_arrows(summary)
        for relation in case.relations:
            key = (relation.source, relation.target)
            if relation.source not in self.nodes or relation.target not in self.nodes:
                continue
            arrow = ArrowItem(*key, key in looped, look)
            arrow.place(self.nodes[key[0]].scene_box(), self.nodes[key[1]].scene_box())
            self.arrows[key] = arrow
            self.addItem(arrow)
        rect = self.itemsBoundingRect()
        self.setSceneRect(rect.adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN))

    def _spread(self, shape: float) -> None:
        """Put the boxes on ``sixstep.relations.layered_grid``, with as many columns as show
        the boxes largest in a window ``shape`` times wider than high."""
        if not self.nodes:
            return
        ids = list(self.nodes)
        width = max(n.boundingRect().width() for n in self.nodes.values())
        height = max(n.boundingRect().height() for n in self.nodes.values())
        cell_w, cell_h = width * 1.08, height * 1.25
        best_fit, best_columns = 0.0, 1
        for columns in range(1, len(ids) + 1):
            rows = -(-len(ids) // columns)
            extent_w = (columns - 1) * cell_w + width + 2 * MARGIN
            extent_h = (rows - 1) * cell_h + height + 2 * MARGIN
            fit = min(shape / extent_w, 1.0 / extent_h)
            if fit > best_fit * 1.001:
                best_fit, best_columns = fit, columns
        for cause_id, (column, row) in layered_grid(self.case, ids, best_columns).items():
            self.nodes[cause_id].setPos(column * cell_w, row * cell_h)

    # -- drawing an arrow by dragging ----------------------------------------------------------
    def node_at(self, point: QPointF) -> NodeItem | None:
        for item in self.items(point, Qt.ItemSelectionMode.IntersectsItemShape,
                               Qt.SortOrder.DescendingOrder, QTransform()):
            if isinstance(item, NodeItem):
                return item
        return None

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        node = self.node_at(event.scenePos())
        if event.button() != Qt.MouseButton.LeftButton or node is None:
            super().mousePressEvent(event)
            return
        self.clearSelection()
        self._drag_from = node.cause_id
        centre = node.scene_box().center()
        self._rubber = QGraphicsLineItem(QLineF(centre, event.scenePos()))
        pen = QPen(QColor(self.look.selection), max(2.0, self.look.font_pt / 5))
        pen.setStyle(Qt.PenStyle.DashLine)
        self._rubber.setPen(pen)
        self._rubber.setZValue(10)
        self._rubber.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, False)
        self.addItem(self._rubber)
        event.accept()

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if self._rubber is None:
            super().mouseMoveEvent(event)
            return
        line = self._rubber.line()
        self._rubber.setLine(QLineF(line.p1(), event.scenePos()))
        under = self.node_at(event.scenePos())
        for node in self.nodes.values():
            wanted = node is under and node.cause_id != self._drag_from
            if node.highlighted != wanted:
                node.highlighted = wanted
                node.update()
        event.accept()

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if self._rubber is None:
            super().mouseReleaseEvent(event)
            return
        source, self._drag_from = self._drag_from, None
        self.removeItem(self._rubber)
        self._rubber = None
        for node in self.nodes.values():
            node.highlighted = False
            node.update()
        target = self.node_at(event.scenePos())
        event.accept()
        if source is None or target is None:
            return
        if target.cause_id == source:
            self.node_clicked.emit(source)
        else:
            self.arrow_drawn.emit(source, target.cause_id)

    def selected_arrows(self) -> list[tuple[str, str]]:
        return [item.key for item in self.selectedItems() if isinstance(item, ArrowItem)]
