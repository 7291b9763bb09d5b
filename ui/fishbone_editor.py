"""The fishbone editor: capture line on top, the canvas, a side panel and a small toolbar.

Projector mode draws with the projector style (bigger, bolder text and heavier lines) and
hides the side panel, so the room sees the diagram and nothing else.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import QHBoxLayout, QSplitter, QToolBar, QVBoxLayout, QWidget

from ui.canvas.view import DiagramView
from ui.capture_line import CaptureLine
from ui.cause_panel import CausePanel
from ui.diagram_style import LIGHT, PROJECTOR, DiagramStyle
from ui.document import CaseDocument

Key = tuple[str, str]


class FishboneEditor(QWidget):
    """Everything needed to build the diagram with a group, keyboard first."""

    def __init__(self, doc: CaseDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.style_normal: DiagramStyle = LIGHT
        self.projector_mode = False
        self.setObjectName("fishbone_editor")

        self.view = DiagramView(doc, self.style_normal, self)
        self.capture = CaptureLine(doc, self)
        self.capture.current_heading = self._selected_heading
        self.panel = CausePanel(doc, self)
        self.toolbar = self._build_toolbar()

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.capture, 1)
        top.addWidget(self.toolbar)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setCollapsible(0, False)
        self.splitter.setSizes([900, 300])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)

        self.view.diagram_scene.selection_changed.connect(self._on_scene_selection_changed)
        self.capture.cause_added.connect(self._on_capture_cause_added)
        self.panel.headings.heading_chosen.connect(self._on_headings_heading_chosen)
        self.setFocusProxy(self.view)

    def _build_toolbar(self) -> QToolBar:
        bar = QToolBar("Diagram", self)
        bar.setObjectName("fishbone_toolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        entries = (
            ("Zoom in", "Ctrl+=", self.view.zoom_in),
            ("Zoom out", "Ctrl+-", self.view.zoom_out),
            ("Fit", "Ctrl+0", self.view.fit_to_window),
            ("100%", "", self.view.actual_size),
            ("Collapse all", "", lambda: self.view.actions.set_all_collapsed(True)),
            ("Expand all", "", lambda: self.view.actions.set_all_collapsed(False)),
        )
        self.toolbar_actions: dict[str, QAction] = {}
        for text, keys, slot in entries:
            action = bar.addAction(text)
            action.setToolTip(f"{text} ({keys})" if keys else text)
            action.triggered.connect(lambda _=False, s=slot: s())
            self.toolbar_actions[text] = action
        self.panel_action = bar.addAction("Panel")
        self.panel_action.setCheckable(True)
        self.panel_action.setChecked(True)
        self.panel_action.setToolTip("Show or hide the side panel")
        self.panel_action.toggled.connect(self._on_panel_action_toggled)
        return bar

    # -- modes ---------------------------------------------------------------------------------
    def set_projector_mode(self, on: bool) -> None:
        """Bigger text and heavier lines for the back of the room; the side panel hides."""
        self.projector_mode = on
        self.view.set_style(PROJECTOR if on else self.style_normal)
        self.panel.setVisible(not on and self.panel_action.isChecked())
        font = QFont(self.capture.font())
        font.setPointSizeF(max(9.0, QFont().pointSizeF()) * (1.5 if on else 1.0))
        self.capture.setFont(font)
        self.view.fit_to_window()

    def set_diagram_style(self, style: DiagramStyle) -> None:
        """The look outside projector mode (the window's light or dark theme)."""
        self.style_normal = style
        if not self.projector_mode:
            self.view.set_style(style)

    def _on_panel_action_toggled(self, checked: bool) -> None:
        self.panel.setVisible(checked and not self.projector_mode)

    # -- wiring --------------------------------------------------------------------------------
    def _selected_heading(self) -> str | None:
        key = self.view.selection
        if key is None:
            return None
        if key[0] == "category":
            return key[1]
        if key[0] == "cause" and self.doc.diagram.has_cause(key[1]):
            return self.doc.diagram.cause(key[1]).category
        return None

    def _on_scene_selection_changed(self, key: Key | None) -> None:
        self.panel.show_selection(key)

    def _on_capture_cause_added(self, cause_id: str) -> None:
        self.view.select(("cause", cause_id))  # the focus stays in the capture line

    def _on_headings_heading_chosen(self, category_id: str) -> None:
        if self.view.selection != ("category", category_id):
            self.view.select(("category", category_id))
