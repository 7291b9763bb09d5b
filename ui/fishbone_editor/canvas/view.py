"""The fishbone canvas widget: zoom, pan, fit, selection, editing in place, drag and drop.

Mouse: click selects; double-click edits; drag a cause onto a heading or another cause to
move it there with its sub-causes, or onto the end of a cause to put it between siblings
(``canvas.dragging``); drag the background, or drag with the middle button, to pan;
Ctrl+wheel zooms at the pointer.
Keys are described in ``canvas.keyboard``. Zoom: Ctrl+= and Ctrl++ in, Ctrl+- out,
Ctrl+0 fits the whole diagram in the window.

Reading floor (projector mode): ``set_reading_floor(20)`` keeps every box's text at 20 pt or
more on screen. Fitting then shows the whole diagram only if it stays that readable; if not,
the view stays at reading size and follows the selection (with its parent, neighbouring
siblings and sub-causes where they fit), and zooming out stops at the floor. The overview
(Ctrl+0, or ``set_overview``) is the one way past it: the whole diagram, however small, and
Ctrl+0 again goes back to reading size around the selection.

Bone by bone (``set_bone_by_bone``): one heading with all its causes fills the view, never
under the reading floor; PgUp and PgDown select the previous and next heading. Adding or
changing a cause keeps the box at the middle of the view (or the selection) where it was on
screen, so the room does not see the diagram jump when it is laid out again.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QContextMenuEvent, QKeyEvent, QMouseEvent, QPainter, QWheelEvent
from PySide6.QtWidgets import QGraphicsView, QWidget

from fishbone.geometry import LayoutOptions
from ui.document.document import CaseDocument
from ui.fishbone_editor.canvas import navigation as nav
from ui.fishbone_editor.canvas.actions import DiagramActions
from ui.fishbone_editor.canvas.dragging import CauseDrag
from ui.fishbone_editor.canvas.editing import EditSession
from ui.fishbone_editor.canvas.follow import focus_rects, readable_zoom
from ui.fishbone_editor.canvas.items import BoxItem
from ui.fishbone_editor.canvas.keyboard import handle_key, wants_key
from ui.fishbone_editor.canvas.menus import show_context_menu
from ui.fishbone_editor.canvas.scene import DiagramScene, Key
from ui.fishbone_editor.canvas.steady import Anchor, bone_rect, heading_of, keep_anchor, take_anchor
from ui.painting.paint import head_points_right, qrect
from ui.painting.style import LIGHT, DiagramStyle

MIN_ZOOM, MAX_ZOOM, ZOOM_STEP = 0.1, 6.0, 1.2
FOLLOW_MARGIN = 24  # pixels kept between what the view follows and the viewport's edge
MAX_FIT = 1.5  # fitting never magnifies a small diagram past this


class DiagramView(QGraphicsView):
    """Shows a DiagramScene for one document and turns keys and mouse into commands."""

    edit_finished = Signal(object)  # the key that was edited, or None
    overview_changed = Signal(bool)

    def __init__(self, doc: CaseDocument, style: DiagramStyle = LIGHT,
                 parent: QWidget | None = None, options: LayoutOptions | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.diagram_actions = DiagramActions(doc)
        self.diagram_scene = DiagramScene(doc.diagram, style, options, parent=self)
        self.setScene(self.diagram_scene)
        self.edit_session: EditSession | None = None
        self._return_to: Key | None = None
        self._drag: CauseDrag | None = None
        self._pan_from: QPoint | None = None
        self._auto_fit = True  # fit on resize until the user zooms or pans
        self.min_text_points = 0.0  # the reading floor; 0: none
        self.overview = False  # the whole diagram on show despite the reading floor
        self._before_overview: tuple[float, QPointF, bool] | None = None
        self.bone_by_bone = False  # one heading and its causes fill the view
        self._anchor: Anchor | None = None  # kept on screen through the next relayout
        self._follow_box_only = False
        # set by a host with a notes field: the context menu then offers "Notes..."
        self.open_notes: Callable[[str], None] | None = None
        # (menu text, shortcut, action on a cause id) a host adds to every cause's menu
        self.cause_tools: list[tuple[str, str, Callable[[str], object]]] = []
        self.setObjectName("fishbone_view")
        self.setRenderHints(QPainter.RenderHint.Antialiasing
                            | QPainter.RenderHint.TextAntialiasing)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName("Fishbone diagram")
        doc.changed.connect(self._on_doc_changed)  # before the scene lays out again
        doc.changed.connect(self.diagram_scene.on_change)
        doc.replaced.connect(self._on_doc_replaced)
        self.diagram_scene.set_votes_hidden(doc.votes_hidden)
        doc.votes_hidden_changed.connect(self.diagram_scene.set_votes_hidden)
        self.diagram_scene.relaid_out.connect(self._on_scene_relaid_out)
        self.diagram_scene.selection_changed.connect(self._on_scene_selection_changed)

    # -- document ------------------------------------------------------------------------------
    def _on_doc_replaced(self) -> None:
        self.cancel_edit()
        self.diagram_scene.set_diagram(self.doc.diagram)
        self._set_overview(False)
        self.fit_to_window()

    def _on_doc_changed(self, change: object) -> None:
        if self._anchor is None and self.isVisible():
            self._anchor = take_anchor(self, self.diagram_scene)

    def _on_scene_relaid_out(self) -> None:
        anchor, self._anchor = self._anchor, None
        if anchor is not None:  # an edit: what the room saw stays put, scroll only if must
            keep_anchor(self, self.diagram_scene, anchor)
        if self.edit_session is not None:
            self.edit_session.place()
        if anchor is not None:
            self.select_in_place(self.selection)
        else:
            self.ensure_selection_visible()

    def _on_scene_selection_changed(self, key: Key | None) -> None:
        self.ensure_selection_visible()

    def set_style(self, style: DiagramStyle) -> None:
        self.diagram_scene.set_style(style)

    # -- selection -----------------------------------------------------------------------------
    @property
    def selection(self) -> Key | None:
        return self.diagram_scene.selection

    def select(self, key: Key | None) -> None:
        self.diagram_scene.select(key)

    def select_in_place(self, key: Key | None) -> None:
        """Select ``key`` and scroll only as far as needed to show its own box (a cause just
        added stays where the room saw it appear, and so do its neighbours)."""
        self._follow_box_only = True
        try:
            if key == self.selection:
                self.ensure_selection_visible()
            else:
                self.select(key)
        finally:
            self._follow_box_only = False

    def ensure_selection_visible(self) -> None:
        """Scroll as little as needed to show the selection and what is around it."""
        key = self.diagram_scene.selection
        if key is None or self.diagram_scene.box(key) is None or self._drag is not None:
            return
        if self.bone_by_bone and self._show_bone(key):
            return
        box = self.diagram_scene.box(key)
        if self._follow_box_only and box is not None:
            self.ensureVisible(qrect(box), 4, 4)
            return
        self.ensureVisible(self._focus_rect(key), FOLLOW_MARGIN, FOLLOW_MARGIN)

    def show_focus(self) -> None:
        """Centre the selection and its neighbours; with nothing selected, show the head
        at the edge of the view with the spine running away from it."""
        key = self.diagram_scene.selection
        if key is not None and self.diagram_scene.box(key) is not None:
            self.centerOn(self._focus_rect(key).center())
            return
        head = self.diagram_scene.box(("head", "head"))
        if head is None:
            return
        rect = qrect(head)
        half = (self.viewport().width() / 2 - FOLLOW_MARGIN) / self.zoom
        if head_points_right(self.diagram_scene.layout):
            x = rect.right() + 40.0 - half
        else:
            x = rect.left() - 40.0 + half
        self.centerOn(QPointF(x, rect.center().y()))

    def _focus_rect(self, key: Key) -> QRectF:
        """The most of the selection's neighbourhood that fits in the viewport."""
        scene = self.diagram_scene
        boxes = scene.shown_boxes
        rects = focus_rects(scene.diagram, boxes, key)
        vp = self.viewport().rect()
        room_w = (vp.width() - 2 * FOLLOW_MARGIN) / self.zoom
        room_h = (vp.height() - 2 * FOLLOW_MARGIN) / self.zoom
        return next((r for r in rects if r.width() <= room_w and r.height() <= room_h),
                    rects[-1])

    def set_bone_by_bone(self, on: bool) -> None:
        """Show one heading with all its causes at reading size (on), or the diagram (off)."""
        self.bone_by_bone = on
        if not on:
            self.fit_to_window()
            return
        d = self.diagram_scene.diagram
        if heading_of(d, self.selection) is None and d.categories:
            boxes = self.diagram_scene.shown_boxes
            first = nav.headings_in_screen_order(d, boxes)
            self.select(("category", first[0] if first else d.categories[0].id))
        self.ensure_selection_visible()

    def _show_bone(self, key: Key) -> bool:
        """Fit the bone of ``key``'s heading, no smaller than reading size and not past
        ``MAX_FIT``, keeping ``key`` in sight; False when ``key`` has no heading."""
        heading = heading_of(self.diagram_scene.diagram, key)
        if heading is None:
            return False
        rect = bone_rect(self.diagram_scene, heading)
        vp = self.viewport().rect()
        if rect.isEmpty() or vp.isEmpty():
            return False
        fit = min((vp.width() - 2 * FOLLOW_MARGIN) / rect.width(),
                  (vp.height() - 2 * FOLLOW_MARGIN) / rect.height())
        self._apply_zoom(max(self.reading_floor, min(MAX_FIT, fit)))
        self._auto_fit = False
        if fit < self.zoom:  # too big at reading size: at least the boxes, without the marks
            rect = bone_rect(self.diagram_scene, heading, 0.0)
        self.centerOn(rect.center())
        own = self.diagram_scene.box(key)
        shown = self.mapToScene(self.viewport().rect()).boundingRect()
        if own is not None and not shown.contains(qrect(own)):
            self.ensureVisible(qrect(own), 4, 4)
        return True

    # -- zoom ----------------------------------------------------------------------------------
    @property
    def zoom(self) -> float:
        return self.transform().m11()

    @property
    def reading_floor(self) -> float:
        """The least zoom at which box text shows at ``min_text_points`` (0: no floor)."""
        return readable_zoom(self.diagram_scene.diagram_style, self.min_text_points)

    def set_reading_floor(self, points: float) -> None:
        """Keep box text at ``points`` or more on screen (0: no floor), then fit again."""
        self.min_text_points = max(0.0, points)
        self._before_overview = None
        self._set_overview(False)
        self.fit_to_window()

    def _set_overview(self, on: bool) -> None:
        if on != self.overview:
            self.overview = on
            self.overview_changed.emit(on)

    def _apply_zoom(self, factor: float) -> None:
        self.scale(factor / self.zoom, factor / self.zoom)
        self.diagram_scene.set_device_scale(self.zoom * self.devicePixelRatioF())
        if self.edit_session is not None:
            self.edit_session.place()

    def set_zoom(self, factor: float) -> None:
        """Zoom to ``factor``, no further out than the reading floor outside the overview;
        zooming the overview in as far as the floor ends it."""
        self._auto_fit = False
        floor = self.reading_floor
        low = MIN_ZOOM if self.overview else max(MIN_ZOOM, floor)
        factor = min(MAX_ZOOM, max(low, factor))
        if self.overview and factor >= floor:
            self._before_overview = None
            self._set_overview(False)
        self._apply_zoom(factor)

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom / ZOOM_STEP)

    def actual_size(self) -> None:
        self.set_zoom(1.0)

    def whole_zoom(self) -> float:
        """The zoom that fits the whole drawing in the viewport (at most ``MAX_FIT``)."""
        rect = self.diagram_scene.drawing_rect()
        vp = self.viewport().rect()
        if rect.isEmpty() or vp.isEmpty():
            return 1.0
        fit = min((vp.width() - 4) / rect.width(), (vp.height() - 4) / rect.height())
        return min(MAX_FIT, max(MIN_ZOOM, fit))

    def fit_to_window(self) -> None:
        """The whole drawing in view, never magnified past 150%. With a reading floor, and
        outside the overview, only if its text stays readable: otherwise reading size,
        around the selection (or the head)."""
        rect = self.diagram_scene.drawing_rect()
        if rect.isEmpty():
            return
        whole, floor = self.whole_zoom(), self.reading_floor
        if self.overview or whole >= floor:
            self._apply_zoom(whole)
            self.centerOn(rect.center())
        else:
            self._apply_zoom(floor)
            self.show_focus()
        self._auto_fit = True

    def set_overview(self, on: bool) -> None:
        """The whole diagram however small (on), or back to the zoom before it (off),
        centred on the selection when there is one."""
        if on == self.overview:
            return
        if on:
            centre = self.mapToScene(self.viewport().rect().center())
            self._before_overview = (self.zoom, centre, self._auto_fit)
            self._set_overview(True)
            self.fit_to_window()
            return
        before, self._before_overview = self._before_overview, None
        self._set_overview(False)
        if before is None or before[2]:
            self.fit_to_window()
            return
        zoom, centre, _ = before
        self._apply_zoom(max(zoom, self.reading_floor))
        self._auto_fit = False
        if self.selection is not None:
            self.show_focus()
        else:
            self.centerOn(centre)

    def fit_or_overview(self) -> None:
        """Ctrl+0: fit the diagram; when fitting would shrink the text under the reading
        floor, switch between the overview and reading size instead."""
        if self.overview:
            self.set_overview(False)
        elif self.reading_floor > self.whole_zoom():
            self.set_overview(True)
        else:
            self.fit_to_window()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        if self._auto_fit:
            self.fit_to_window()

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 (Qt name)
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120.0
            if steps:
                self.set_zoom(self.zoom * ZOOM_STEP ** steps)
            event.accept()
            return
        super().wheelEvent(event)

    # -- editing -------------------------------------------------------------------------------
    def start_edit(self, key: Key | None = None, is_new: bool = False,
                   text: str | None = None) -> None:
        """Edit a box's text in place (the selected box when ``key`` is None).

        For a box just added (``is_new``) the selection before it is remembered, and comes
        back if the new box is cancelled.
        """
        previous = self.diagram_scene.selection
        key = key or previous
        if key is None or self.diagram_scene.box(key) is None:
            return
        self.finish_edit()
        self._return_to = previous if is_new and previous != key else None
        self.select(key)
        self.ensure_selection_visible()
        self.edit_session = EditSession(self, self.diagram_actions, key, is_new, text)
        self.edit_session.done.connect(self._on_edit_session_done)

    def finish_edit(self, commit: bool = True) -> None:
        if self.edit_session is not None:
            self.edit_session.finish(commit)

    def cancel_edit(self) -> None:
        self.finish_edit(False)

    def _on_edit_session_done(self, key: Key | None) -> None:
        self.edit_session = None
        back, self._return_to = self._return_to, None
        if key is None and back is not None and back in self.diagram_scene.boxes:
            key = back
        if key is not None:
            self.select(key)
        self.edit_finished.emit(key)

    # -- keys ----------------------------------------------------------------------------------
    def focus_next_widget(self, forward: bool) -> None:
        """Ctrl+Tab: on to the next widget (Qt's view would step through the scene's items)."""
        QWidget.focusNextPrevChild(self, forward)

    def event(self, event: QEvent) -> bool:
        """Tab belongs to the canvas (it adds a sub-cause), and our keys beat window shortcuts."""
        if event.type() == QEvent.Type.ShortcutOverride and wants_key(self, event):
            event.accept()
            return True
        if event.type() == QEvent.Type.KeyPress and event.key() in (
                Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            self.keyPressEvent(event)
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt name)
        if event.key() == Qt.Key.Key_Escape and self._drag is not None:
            self._end_drag(drop=False)
            event.accept()
            return
        if handle_key(self, event):
            event.accept()
            return
        super().keyPressEvent(event)

    # -- mouse ---------------------------------------------------------------------------------
    def _item_at(self, pos: QPoint) -> BoxItem | None:
        return self.diagram_scene.box_item_at(self.mapToScene(pos))

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt name)
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        pos = event.position().toPoint()
        if event.button() == Qt.MouseButton.MiddleButton:
            self._pan_from = pos
            event.accept()
            return
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        item = self._item_at(pos)
        if item is None:
            self._pan_from = pos
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
        else:
            self.select(item.key)
            if item.kind == "cause":
                self._drag = CauseDrag(self, item, pos)
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt name)
        pos = event.position().toPoint()
        if self._pan_from is not None:
            self._auto_fit = False
            delta = pos - self._pan_from
            self._pan_from = pos
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())
            event.accept()
            return
        if self._drag is None:
            super().mouseMoveEvent(event)
            return
        self._drag.move(pos)
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt name)
        if self._pan_from is not None:
            self._pan_from = None
            self.viewport().unsetCursor()
        elif self._drag is not None:
            self._end_drag(drop=True)
        else:
            super().mouseReleaseEvent(event)
            return
        event.accept()

    def _end_drag(self, drop: bool) -> None:
        drag, self._drag = self._drag, None
        assert drag is not None
        drag.finish(drop)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt name)
        item = self._item_at(event.position().toPoint())
        if item is not None and event.button() == Qt.MouseButton.LeftButton:
            self._drag = None
            self.start_edit(item.key)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 (Qt name)
        item = self._item_at(event.pos())
        if item is not None:
            self.select(item.key)
        show_context_menu(self, item.key if item else None, event.globalPos())
        event.accept()
