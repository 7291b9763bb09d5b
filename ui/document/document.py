"""One open case: the model, its file path, its undo stack and the signals views listen to."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from fishbone.model import Change, Diagram
from sixstep.case import Case


class CaseDocument(QObject):
    """Holds a ``Case`` and tells views what changed.

    Every edit goes through ``push`` as a ``QUndoCommand``; commands change the model through
    the model's own methods (or ``set_value`` here for plain case fields) and never touch views.
    ``case_changed(section)`` names the part that changed: "problem", "research", "criteria",
    "not_addressed", "alternatives", "scores", "selection", "title", "participants", "notes".
    ``diagram_changed(change)`` forwards the diagram's own change notes.
    """

    case_changed = Signal(str)
    diagram_changed = Signal(object)  # fishbone.model.Change
    path_changed = Signal(object)  # Path | None
    replaced = Signal()  # the whole case was swapped (open, new)

    def __init__(self, case: Case | None = None, path: Path | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self.case = case if case is not None else Case()
        self.path: Path | None = path
        self._watch(self.case.fishbone)

    @property
    def diagram(self) -> Diagram:
        return self.case.fishbone

    def _watch(self, diagram: Diagram) -> None:
        diagram.subscribe(self._on_diagram_change)

    def _on_diagram_change(self, change: Change) -> None:
        self.diagram_changed.emit(change)

    def replace(self, case: Case, path: Path | None) -> None:
        """Swap in another case (after open or new): a fresh history, clean state."""
        self.case.fishbone.unsubscribe(self._on_diagram_change)
        self.case = case
        self._watch(case.fishbone)
        self.undo_stack.clear()
        self.set_path(path)
        self.replaced.emit()

    def set_path(self, path: Path | None) -> None:
        self.path = path
        self.path_changed.emit(path)

    def push(self, command: QUndoCommand) -> None:
        self.undo_stack.push(command)

    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    def mark_saved(self, path: Path) -> None:
        self.set_path(path)
        self.undo_stack.setClean()

    def notify(self, section: str) -> None:
        """Tell views that ``section`` of the case changed (commands call this)."""
        self.case_changed.emit(section)

    @property
    def display_name(self) -> str:
        return self.path.name if self.path else "Untitled case"
