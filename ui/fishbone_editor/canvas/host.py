"""What the canvas's keys, menus and dragging need from the view, as a protocol.

``DiagramView`` fulfils ``CanvasView`` and imports ``keyboard``, ``menus`` and ``dragging``;
they know the view only through this protocol, so the imports run one way.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QPoint, QPointF
from PySide6.QtWidgets import QScrollBar, QWidget

from ui.document.document import CaseDocument
from ui.fishbone_editor.canvas.actions import DiagramActions
from ui.fishbone_editor.canvas.editing import EditSession
from ui.fishbone_editor.canvas.scene import DiagramScene, Key


class CanvasView(Protocol):
    """The view as its helpers see it."""

    doc: CaseDocument
    diagram_scene: DiagramScene
    diagram_actions: DiagramActions
    edit_session: EditSession | None
    open_notes: Callable[[str], None] | None  # "Notes..." in the menu when a host sets it
    cause_tools: list[tuple[str, str, Callable[[str], object]]]  # more entries a host adds
    overview: bool

    @property
    def reading_floor(self) -> float: ...

    def whole_zoom(self) -> float: ...

    def select(self, key: Key | None) -> None: ...

    def start_edit(self, key: Key | None = None, is_new: bool = False,
                   text: str | None = None) -> None: ...

    def finish_edit(self, commit: bool = True) -> None: ...

    def zoom_in(self) -> None: ...

    def zoom_out(self) -> None: ...

    def fit_or_overview(self) -> None: ...

    def actual_size(self) -> None: ...

    def focus_next_widget(self, forward: bool) -> None: ...

    # Qt's own, from QGraphicsView
    def viewport(self) -> QWidget: ...

    def horizontalScrollBar(self) -> QScrollBar: ...  # noqa: N802 (Qt name)

    def verticalScrollBar(self) -> QScrollBar: ...  # noqa: N802 (Qt name)

    def mapToScene(self, point: QPoint) -> QPointF: ...  # noqa: N802 (Qt name)

    def mapFromScene(self, x: float, y: float) -> QPoint: ...  # noqa: N802 (Qt name)
