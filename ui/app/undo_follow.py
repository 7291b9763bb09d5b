"""Undo and redo show what they did: the step that shows it, the thing selected and briefly
framed, and "Undid: Edit symptom" in the status bar."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QColor, QPalette
from PySide6.QtWidgets import QFrame, QStatusBar, QWidget

from fishbone.changes import Change
from ui.document.document import CaseDocument
from ui.steps.change_steps import first_shown

if TYPE_CHECKING:  # made with the first case shown
    from ui.steps.workspace import StepWorkspace

FLASH_MS = 1500
CAUSE_KINDS = frozenset({"cause_added", "cause_moved", "cause_changed", "dots"})


class Flash(QFrame):
    """A coloured frame laid over ``target`` for a moment; clicks pass through it."""

    def __init__(self, target: QWidget) -> None:
        super().__init__(target)
        self.target = target
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFrameShape(QFrame.Shape.Box)
        self.setLineWidth(3)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.WindowText, QColor("#e0a000"))
        self.setPalette(palette)
        self.setGeometry(target.rect())
        self.show()
        self.raise_()
        QTimer.singleShot(FLASH_MS, self.deleteLater)


def _shows(widget: QWidget, change: Change) -> bool:
    """Whether ``widget`` edits the field or list the change is about."""
    binding = getattr(widget, "binding", None)
    if binding is not None and hasattr(binding, "concerns"):
        return bool(binding.concerns(change))
    path = getattr(widget, "path", None)
    if not isinstance(path, tuple) or not path:
        return False
    from sixstep.edits.fields import touches  # loaded with the first step page, not at start

    return touches(change, path)


class FollowedWindow(Protocol):
    """What the follower needs of the main window (which creates it)."""

    doc: CaseDocument
    undo_action: QAction
    redo_action: QAction

    @property
    def workspace(self) -> StepWorkspace: ...  # made on first use

    def statusBar(self) -> QStatusBar: ...  # noqa: N802 - Qt's name
    def show_step(self, number: int) -> None: ...
    def current_step(self) -> int: ...
    def on_start_screen(self) -> bool: ...


class UndoFollower(QObject):
    """Watches the case's changes during the window's undo and redo actions."""

    def __init__(self, window: FollowedWindow, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window = window
        self.flash: Flash | None = None
        self._seen: list[Change] = []
        window.doc.changed.connect(self._on_doc_changed)
        window.undo_action.triggered.connect(self._on_undo_action_triggered)
        window.redo_action.triggered.connect(self._on_redo_action_triggered)

    def _on_doc_changed(self, change: Change) -> None:
        if not self._seen:
            QTimer.singleShot(0, self._seen.clear)  # only what one action did is kept
        self._seen.append(change)

    def _on_undo_action_triggered(self) -> None:
        stack = self.window.doc.undo_stack
        self.show_done("Undid", stack.text(stack.index()))

    def _on_redo_action_triggered(self) -> None:
        stack = self.window.doc.undo_stack
        self.show_done("Redid", stack.text(stack.index() - 1))

    def show_done(self, verb: str, text: str) -> None:
        changes, self._seen = list(self._seen), []
        if text:
            self.window.statusBar().showMessage(f"{verb}: {text}", 5000)
        found = first_shown(changes)
        if found is None or self.window.on_start_screen():
            return
        number, change = found
        if number != self.window.current_step():
            self.window.show_step(number)
        self._point_at(number, change)

    def _point_at(self, number: int, change: Change) -> None:
        page = self.window.workspace.page(number)
        if change.kind in CAUSE_KINDS and change.ids:
            self._select_cause(page, change.ids[0])
            return
        for widget in page.findChildren(QWidget):
            if widget.isVisible() and _shows(widget, change):
                self.flash = Flash(widget)
                return

    def _select_cause(self, page: QWidget, cause_id: str) -> None:
        editor = getattr(page, "fishbone", None)
        tabs = getattr(page, "tabs", None)
        if editor is None:
            return
        if tabs is not None:
            tabs.setCurrentWidget(editor)
        scene = editor.view.diagram_scene
        scene.select_cause(cause_id)
        box = scene.boxes.get(("cause", cause_id))
        if box is not None:
            editor.view.ensureVisible(box)
            self.flash = Flash(editor.view.viewport())
