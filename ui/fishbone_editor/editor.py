"""The fishbone editor: capture line on top, the canvas, a side panel and a small toolbar.

Projector mode draws with the room style (bigger, bolder text and heavier lines, on black in
a dark theme), keeps every box's text at 20 pt or more on screen (the view follows the
selection; "Whole diagram" shows all of it, small, and back; "Bone by bone" one heading with
its causes, PgUp/PgDown for the others), gives the capture line the editor's whole width (the
tools go below it) and folds the side panel, so the room sees the diagram; the "Panel" button
and a cause's "Notes..." bring it back at once (nothing that edits is out of reach). While no
effect is written the head shows the problem question. In normal mode the panel is narrow,
can be hidden, and hides by itself when the editor is too narrow to spare it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QColor, QKeySequence, QResizeEvent, QTextCursor
from PySide6.QtWidgets import (
    QBoxLayout,
    QMenu,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from fishbone.changes import Change
from fishbone.geometry import LayoutOptions
from ui.common import theme
from ui.common.theme import PROJECTOR_PT
from ui.document.document import CaseDocument
from ui.fishbone_editor.canvas import navigation as nav
from ui.fishbone_editor.canvas.actions import (
    ROOT_CAUSE_SHORTCUT,
    STATUS_LABELS,
    STATUS_SHORTCUTS,
    VOTE_DOWN_SHORTCUT,
    VOTE_UP_SHORTCUT,
)
from ui.fishbone_editor.canvas.keyboard import apply_cause_key
from ui.fishbone_editor.canvas.view import DiagramView
from ui.fishbone_editor.capture_line import CaptureLine
from ui.fishbone_editor.cause_panel import CausePanel
from ui.fishbone_editor.find import canvas_search
from ui.painting.style import LIGHT, PROJECTOR, PROJECTOR_DARK, DiagramStyle
from ui.widgets.find_bar import FindBar, install_find

Key = tuple[str, str]

# The projector look, with sub-causes as big as causes: the smallest box text sets how far
# the view may zoom out, so equal sizes show more of the diagram at the 20 pt floor. The
# marks' words ("ROOT", "6 votes") grow too, as far as they can without covering the text.
ROOM = replace(PROJECTOR, subcause_font=PROJECTOR.cause_font,
               mark_font=replace(PROJECTOR.mark_font, size=14))
ROOM_DARK = replace(PROJECTOR_DARK, name="projector_dark", subcause_font=ROOM.subcause_font,
                    mark_font=ROOM.mark_font)
BONE_KEY = "Ctrl+Shift+B"

PANEL_WIDTH = 290
PANEL_MIN_WIDTH = 230
PANEL_AUTO_HIDE_BELOW = 1000  # editor width under which the panel steps aside by itself
NOTICE_MS = 6000  # how long a refusal stays on show


class FishboneEditor(QWidget):
    """Everything needed to build the diagram with a group, keyboard first."""

    def __init__(self, doc: CaseDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.style_normal: DiagramStyle = LIGHT
        self.projector_mode = False
        self._narrow = False
        self._auto_hidden = False  # the panel was hidden by a narrow editor, not by the user
        self._projector_folded = False  # the panel was folded by projector mode
        self.setObjectName("fishbone_editor")

        # laid out once, with the question in the head already (see _show_question_in_head)
        self.view = DiagramView(doc, self.style_normal, self,
                                LayoutOptions(head_fallback=self._head_question()))
        self.capture = CaptureLine(doc, self)  # its font is the window's (20 pt projected)
        self.capture.current_heading = self._selected_heading
        self.panel = CausePanel(doc, self)
        self.panel.setMinimumWidth(PANEL_MIN_WIDTH)
        self.toolbar = self._build_toolbar()

        top = self.top_row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        top.setContentsMargins(0, 0, 0, 0)
        self.capture.setMinimumWidth(260)
        top.addWidget(self.capture, 1)
        top.addWidget(self.toolbar)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setCollapsible(0, False)
        self.splitter.setCollapsible(1, True)
        self.splitter.setSizes([1000, PANEL_WIDTH])
        self.splitter.splitterMoved.connect(self._on_splitter_moved)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        self.find_bar = FindBar(canvas_search(self.view), "cause", self)  # Ctrl+F, not modal
        install_find(self, self.find_bar)
        layout.addWidget(self.find_bar)
        layout.addWidget(self.capture.note)  # where the last cause went; never modal
        self.notice = theme.plain_label("")  # why the last edit was refused; never modal
        self.notice.setObjectName("fishbone_notice")
        self.notice.setAccessibleName("Why that was not done")
        self.notice.setVisible(False)
        bold = self.notice.font()
        bold.setBold(True)
        self.notice.setFont(bold)
        self._notice_timer = QTimer(self)
        self._notice_timer.setSingleShot(True)
        self._notice_timer.setInterval(NOTICE_MS)
        self._notice_timer.timeout.connect(self.notice.hide)
        layout.addWidget(self.notice)
        layout.addWidget(self.splitter, 1)
        self._add_cause_shortcuts()
        self.view.open_notes = self.open_notes
        for actions in (self.view.diagram_actions, self.panel.diagram_actions):
            actions.refused = self.show_notice

        self.view.diagram_scene.selection_changed.connect(self._on_scene_selection_changed)
        self.view.overview_changed.connect(self._on_view_overview_changed)
        doc.changed.connect(self._on_doc_changed)
        doc.replaced.connect(self._show_question_in_head)
        self._show_question_in_head()
        self.capture.cause_added.connect(self._on_capture_cause_added)
        self.panel.headings.heading_chosen.connect(self._on_headings_heading_chosen)
        # no focus proxy: Qt's Tab skips a proxy's elder siblings, so the line would be lost
        QWidget.setTabOrder(self.capture, self.view)

    def _build_toolbar(self) -> QToolBar:
        bar = QToolBar("Diagram", self)
        bar.setObjectName("fishbone_toolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar_actions: dict[str, QAction] = {}
        self.fit_action = self._tool(bar, "Fit", "Ctrl+0", self._on_fit_triggered)
        self._tool(bar, "Zoom out", "Ctrl+-", self.view.zoom_out, "\u2212")
        self._tool(bar, "Zoom in", "Ctrl+=", self.view.zoom_in, "+")
        self._tool(bar, "100%", "", self.view.actual_size)
        self.goto_menu = QMenu(self)
        self.goto_menu.setObjectName("goto_menu")
        self.goto_menu.aboutToShow.connect(self._on_goto_menu_about_to_show)
        self._tool(bar, "Go to", "Home, PgUp, PgDown on the diagram", self._show_goto_menu,
                   "Go to \u25be")
        self.bone_action = self._tool(bar, "Bone by bone", BONE_KEY, self._on_bone_triggered)
        self.bone_action.setCheckable(True)
        self.bone_action.setShortcut(QKeySequence(BONE_KEY))
        self.bone_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(self.bone_action)
        collapse = self.view.diagram_actions.set_all_collapsed
        self._tool(bar, "Collapse all", "", lambda: collapse(True))
        self._tool(bar, "Expand all", "", lambda: collapse(False))
        self.panel_action = bar.addAction("Panel")
        self.panel_action.setCheckable(True)
        self.panel_action.setChecked(True)
        self.panel_action.setToolTip("Show or hide the side panel")
        panel_button = bar.widgetForAction(self.panel_action)
        if panel_button is not None:
            panel_button.setAccessibleName("Show or hide the side panel")
        self.panel_action.toggled.connect(self._on_panel_action_toggled)
        self.panel_action.triggered.connect(self._on_panel_action_triggered)
        self.toolbar_actions["Panel"] = self.panel_action
        return bar

    def _tool(self, bar: QToolBar, name: str, keys: str, slot,  # noqa: ANN001
              label: str = "") -> QAction:
        action = bar.addAction(label or name)
        action.setToolTip(f"{name} ({keys})" if keys else name)
        action.triggered.connect(lambda _=False, s=slot: s())
        button = bar.widgetForAction(action)
        if button is not None:
            button.setAccessibleName(name)
        self.toolbar_actions[name] = action
        return action

    def _add_cause_shortcuts(self) -> None:
        """Status, votes and root cause keys from anywhere in the editor (the canvas takes
        them itself when it has the focus; these serve the capture line and the panel)."""
        keys = [(keys, ("status", s), f"Mark {STATUS_LABELS[s].lower()}")
                for s, keys in STATUS_SHORTCUTS.items()]
        keys += [(VOTE_UP_SHORTCUT, ("vote", 1), "Vote up"),
                 ("Alt++", ("vote", 1), "Vote up"),
                 (VOTE_DOWN_SHORTCUT, ("vote", -1), "Vote down"),
                 (ROOT_CAUSE_SHORTCUT, ("root", None), "Root cause")]
        self.cause_shortcuts: list[QAction] = []
        for sequence, what, text in keys:
            action = QAction(text, self)
            action.setShortcut(QKeySequence(sequence))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _=False, w=what: self._on_cause_shortcut(w))
            self.addAction(action)
            self.cause_shortcuts.append(action)

    def add_cause_tool(self, text: str, keys: str, run: Callable[[str], object]) -> QAction:
        """A host's verb on the selected cause: in every cause's context menu and on ``keys``
        from anywhere in the editor."""
        self.view.cause_tools.append((text, keys, run))
        action = QAction(text, self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _=False: self._on_cause_tool(run))
        self.addAction(action)
        return action

    def _on_cause_tool(self, run: Callable[[str], object]) -> None:
        cause = self.view.diagram_scene.selected_cause
        if cause is not None:
            run(cause.id)

    def show_notice(self, message: str) -> None:
        """Say briefly, in the editor, why an edit was not made (no dialog, no focus change)."""
        self.notice.setText(message)
        self.notice.setVisible(True)
        self._notice_timer.start()

    def _on_cause_shortcut(self, what: tuple[str, object]) -> None:
        cause = self.view.diagram_scene.selected_cause
        if cause is not None:
            apply_cause_key(self.view.diagram_actions, cause.id, what)

    # -- modes ---------------------------------------------------------------------------------
    def set_projector_mode(self, on: bool) -> None:
        """Readable text for the back of the room, the view following the selection; the
        side panel folds (its button stays to bring it back) and opens again on leaving."""
        self.projector_mode = on
        self.view.set_style(self._room_style() if on else self.style_normal)
        # the room reads the whole cause being typed: the line gets the full width
        self.top_row.setDirection(QBoxLayout.Direction.TopToBottom if on
                                  else QBoxLayout.Direction.LeftToRight)
        self.fit_action.setText("Whole diagram" if on else "Fit")
        self.fit_action.setCheckable(on)
        self.fit_action.setChecked(on and self.view.overview)
        self.toolbar_actions["100%"].setVisible(not on)  # a zoom; the reading floor rules here
        if on and self.panel_action.isChecked():
            self._projector_folded = True
            self.panel_action.setChecked(False)
        elif not on and self._projector_folded:
            self._projector_folded = False
            self.panel_action.setChecked(True)
        bars = (Qt.ScrollBarPolicy.ScrollBarAlwaysOff if on  # the view follows the selection
                else Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.view.setHorizontalScrollBarPolicy(bars)
        self.view.setVerticalScrollBarPolicy(bars)
        self.view.set_reading_floor(PROJECTOR_PT if on else 0.0)

    def set_diagram_style(self, style: DiagramStyle) -> None:
        """The look outside projector mode (the window's light or dark theme)."""
        self.style_normal = style
        self.view.set_style(self._room_style() if self.projector_mode else style)

    def _head_question(self) -> str:
        return " ".join(self.doc.case.problem.question.split())

    def _room_style(self) -> DiagramStyle:
        return ROOM_DARK if QColor(self.style_normal.background).lightness() < 128 else ROOM

    def _on_bone_triggered(self) -> None:
        self.view.set_bone_by_bone(self.bone_action.isChecked())
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_doc_changed(self, change: Change) -> None:
        if change.kind == "effect" or (change.kind == "problem"
                                       and "problem.question" in change.ids):
            self._show_question_in_head()

    def _show_question_in_head(self) -> None:
        """The head shows the problem question while no effect is written (the layout is
        given the text; the case keeps its empty effect)."""
        scene = self.view.diagram_scene
        question = self._head_question()
        if scene.options.head_fallback != question:
            scene.options = replace(scene.options, head_fallback=question)
            if not self.doc.diagram.effect.strip():
                scene.relayout()

    def _show_panel(self) -> None:
        visible = self.panel_action.isChecked()
        self.panel.setVisible(visible)
        if visible and self.splitter.sizes()[1] < PANEL_MIN_WIDTH:  # it was dragged shut
            total = sum(self.splitter.sizes()) or self.width()
            self.splitter.setSizes([max(1, total - PANEL_WIDTH), PANEL_WIDTH])

    def open_notes(self, cause_id: str) -> None:
        """Show the panel (if hidden) with ``cause_id``'s notes, ready for typing."""
        self.view.select(("cause", cause_id))
        self._auto_hidden = self._projector_folded = False
        self.panel_action.setChecked(True)
        self.panel.tabs.setCurrentWidget(self.panel.box)
        self.panel.notes.setFocus(Qt.FocusReason.OtherFocusReason)
        self.panel.notes.moveCursor(QTextCursor.MoveOperation.End)

    def _on_panel_action_toggled(self, checked: bool) -> None:
        self._show_panel()

    def _on_panel_action_triggered(self, checked: bool) -> None:
        self._auto_hidden = self._projector_folded = False  # the user's own choice from now on

    def _on_splitter_moved(self, pos: int, index: int) -> None:
        if self.splitter.sizes()[1] == 0 and self.panel_action.isChecked():
            self._auto_hidden = False
            self.panel_action.setChecked(False)  # dragged shut: the button says so

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        narrow = event.size().width() < PANEL_AUTO_HIDE_BELOW
        if narrow == self._narrow:
            return
        self._narrow = narrow
        if narrow and self.panel_action.isChecked():
            self._auto_hidden = True
            self.panel_action.setChecked(False)
        elif not narrow and self._auto_hidden and not self.projector_mode:  # the room's room
            self._auto_hidden = False
            self.panel_action.setChecked(True)

    def _on_fit_triggered(self) -> None:
        self.view.fit_or_overview()
        if self.fit_action.isCheckable():  # a small diagram fits at reading size: no overview
            self.fit_action.setChecked(self.view.overview)

    def _on_view_overview_changed(self, on: bool) -> None:
        if self.fit_action.isCheckable():
            self.fit_action.setChecked(on)

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

    def _show_goto_menu(self) -> None:
        button = self.toolbar.widgetForAction(self.toolbar_actions["Go to"])
        if button is not None and button.isVisible():
            where = button.mapToGlobal(button.rect().bottomLeft())
        else:  # in the toolbar's overflow
            where = self.toolbar.mapToGlobal(self.toolbar.rect().bottomRight())
        self.goto_menu.exec(where)

    def _on_goto_menu_about_to_show(self) -> None:
        menu, d = self.goto_menu, self.doc.diagram
        menu.clear()
        head = menu.addAction("The effect (head)")
        head.setShortcut(QKeySequence("Home"))
        head.setShortcutVisibleInContextMenu(True)
        head.triggered.connect(lambda: self.go_to(nav.HEAD))
        menu.addSeparator()
        boxes = self.view.diagram_scene.shown_boxes
        for category_id in nav.headings_in_screen_order(d, boxes):
            name = theme.no_mnemonic(d.category(category_id).name)
            action = menu.addAction(name)
            action.triggered.connect(lambda _=False, c=category_id: self.go_to(("category", c)))

    def go_to(self, key: Key) -> None:
        """Select ``key`` on the canvas (the view follows) and give the canvas the keys."""
        self.view.select(key)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_scene_selection_changed(self, key: Key | None) -> None:
        self.panel.show_selection(key)

    def _on_capture_cause_added(self, cause_id: str) -> None:
        self.view.select_in_place(("cause", cause_id))  # the focus stays in the capture line

    def _on_headings_heading_chosen(self, category_id: str) -> None:
        if self.view.selection != ("category", category_id):
            self.view.select(("category", category_id))
