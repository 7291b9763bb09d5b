"""One open case: the model, its file path, its undo stack and the signals views listen to."""

from __future__ import annotations

import functools
import weakref
from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from fishbone.changes import Change
from fishbone.model import Diagram
from sixstep.case import Case
from sixstep.edits.base import Edit
from sixstep.rules import RuleError
from ui.document.commands import EditCommand, EditLog


class CaseDocument(QObject):
    """Holds a ``Case`` and tells views what changed.

    Every edit is a domain edit (``sixstep.edits``) applied through ``apply`` (or ``push`` of an
    ``EditCommand``); commands never touch views. ``changed(change)`` forwards the case's one
    change stream: a ``fishbone.changes.Change`` whose kind and ids say what changed.
    Views refresh by the change's kind and ids; ``replaced`` means everything changed.

    ``votes_hidden`` is a choice of the screen, not of the case: while the room's phones
    vote and their dots are not revealed, views show no vote counts (``votes_hidden_changed``).
    """

    changed = Signal(object)  # fishbone.changes.Change
    path_changed = Signal(object)  # Path | None
    replaced = Signal()  # the whole case was swapped (open, new)
    votes_hidden_changed = Signal(bool)

    def __init__(self, case: Case | None = None, path: Path | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self.case = case if case is not None else Case()
        self.path: Path | None = path
        self.log: EditLog | None = None  # hears of every edit applied (the recovery journal)
        self.votes_hidden = False
        self.case.changes.subscribe(self._on_case_change)
        # through a weak reference: a document collected by Python deletes its stack, whose
        # clearing says indexChanged to a receiver that is already gone (a crash in PySide)
        self.undo_stack.indexChanged.connect(functools.partial(_tell_index_changed,
                                                               weakref.ref(self)))

    @property
    def diagram(self) -> Diagram:
        return self.case.fishbone

    def _on_case_change(self, change: Change) -> None:
        self.changed.emit(change)

    def _on_undo_stack_index_changed(self, index: int) -> None:
        """An undo or redo that was refused changed nothing (the error was reported where it
        was raised): the stack goes back to where it was, so it still matches the case."""
        stack = self.undo_stack
        for command, back in ((stack.command(index), stack.redo),
                              (stack.command(index - 1), stack.undo)):
            if isinstance(command, EditCommand) and command.failed:
                command.failed = False
                command.skip_once = True
                back()
                return

    def replace(self, case: Case, path: Path | None) -> None:
        """Swap in another case (after open or new): a fresh history, clean state."""
        self.case.changes.unsubscribe(self._on_case_change)
        self.case = case
        case.changes.subscribe(self._on_case_change)
        self.undo_stack.clear()
        self.set_path(path)
        self.replaced.emit()

    def set_votes_hidden(self, hidden: bool) -> None:
        """Hide (or show again) the dot totals on this screen: never saved, never undone."""
        if hidden != self.votes_hidden:
            self.votes_hidden = hidden
            self.votes_hidden_changed.emit(hidden)

    def set_path(self, path: Path | None) -> None:
        self.path = path
        self.path_changed.emit(path)

    def push(self, command: QUndoCommand) -> None:
        """Push an undo command; an ``EditCommand``'s edit is applied first, so a refused
        edit raises here and nothing enters the stack."""
        if isinstance(command, EditCommand):
            command.log = self.log
            if command.inverse is None:
                command.apply_now()
        self.undo_stack.push(command)

    def apply(self, edit: Edit, label: str = "") -> EditCommand:
        """Apply ``edit`` to the case as one undo step (a refused edit raises, changing
        nothing)."""
        command = EditCommand(self.case, edit, label)
        self.push(command)
        return command

    def try_apply(self, edit: Edit, refused: Callable[[str], object]) -> bool:
        """``apply``, but a refusal by a rule is told to ``refused`` (its message) and
        returns False instead of raising; the case and the stack are as they were."""
        try:
            self.apply(edit)
        except RuleError as error:
            refused(str(error))
            return False
        return True

    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    def mark_saved(self, path: Path) -> None:
        self.set_path(path)
        self.undo_stack.setClean()

    @property
    def display_name(self) -> str:
        return self.path.name if self.path else "Untitled case"


def _tell_index_changed(doc: weakref.ref[CaseDocument], index: int) -> None:
    """The undo stack moved to ``index``: tell its document, while both are there (a stack
    being deleted clears itself and says so)."""
    alive = doc()
    if alive is not None and shiboken6.isValid(alive.undo_stack):
        alive._on_undo_stack_index_changed(index)
