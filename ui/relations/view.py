"""The view of the relations diagram: fits the ring to the window (never enlarging it past
its drawn size, so the text keeps its size), and Delete removes the selected arrows."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QPainter, QResizeEvent
from PySide6.QtWidgets import QGraphicsView, QWidget

from ui.relations.scene import RelationsScene


class RelationsView(QGraphicsView):
    delete_requested = Signal(list)  # the (source, target) arrows selected
    reshaped = Signal()  # the viewport's shape changed a lot: the ring may take the new shape

    def __init__(self, scene: RelationsScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.relations_scene = scene
        self.min_scale = 0.0  # projector mode: never shrink text below its drawn size
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setDragMode(QGraphicsView.DragMode.NoDrag)
        self.setAccessibleName("Relations diagram: drag from one cause to another to draw an "
                               "arrow; select an arrow and press Delete to remove it")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def fit(self) -> None:
        """The whole ring in sight, at most at its drawn size (at least ``min_scale``)."""
        rect = self.scene().sceneRect()
        if rect.isEmpty():
            return
        port = self.viewport().rect()
        scale = min(port.width() / rect.width(), port.height() / rect.height(), 1.0)
        clamped = scale < self.min_scale
        scale = max(scale, self.min_scale)
        self.resetTransform()
        self.scale(scale, scale)
        if clamped:  # too big to show whole at this size: start at the drivers, top left
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().minimum())
            self.verticalScrollBar().setValue(self.verticalScrollBar().minimum())
        else:
            self.centerOn(rect.center())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt name
        super().resizeEvent(event)
        old, new = event.oldSize(), event.size()
        if (old.width() <= 0 or old.height() <= 0 or new.height() <= 0
                or abs(old.width() / old.height() - new.width() / new.height()) > 0.15):
            self.reshaped.emit()
        self.fit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt name
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            arrows = self.relations_scene.selected_arrows()
            if arrows:
                self.delete_requested.emit(arrows)
            event.accept()
            return
        super().keyPressEvent(event)
