"""The one undo command: it applies a domain edit, and undo applies the inverse it returned.

``CaseDocument.push`` applies the edit before the command enters the undo stack, so a refused
edit raises to the caller and leaves neither the case nor the stack changed. Typing into one
field merges into one undo step: the edits say when (``Edit.merges_with``), and the merge ids
Qt asks for are declared here, in one place.
"""

from __future__ import annotations

import sys
from typing import Any, Protocol

from PySide6.QtGui import QUndoCommand

from sixstep.case import Case
from sixstep.edits.base import Edit

# Edit class name -> the id Qt uses to offer merges; edits not named here never merge.
MERGE_IDS: dict[str, int] = {
    "SetText": 1001,  # sixstep.edits.fields: typing into one field or line
    # the fishbone (ui.document.fishbone_commands, ui.document.heading_commands); naming a
    # new cause or heading in place, or cancelling it, folds into its add under the add's id
    "SetCauseText": 2001,
    "AddCause": 2002,
    "SetCauseAttribute": 2003,  # only notes merge (SetCauseAttribute.merges_with)
    "SetEffect": 2004,
    "RenameHeading": 2005,
    "AddHeading": 2006,
    # steps 3 to 5: typing into a criterion's or an alternative's text field
    "SetCriterionText": 1301,
    "SetAlternativeText": 1302,
    # the room: typing a workshop detail or a parked idea's text
    "SetWorkshopField": 1801,
    "SetParkedIdeaText": 1802,
}


class EditLog(Protocol):
    """Told about every edit a command applies (the recovery journal, ``ui.files.journal``):
    ``prepare`` before it applies, ``record`` once it has, before anything else can happen."""

    def prepare(self, case: Case, edit: Edit) -> Any: ...

    def record(self, case: Case, edit: Edit, prepared: Any) -> None: ...


def merge_id(edit: Edit) -> int:
    return MERGE_IDS.get(type(edit).__name__, -1)


class EditCommand(QUndoCommand):
    """One undo step made of one domain edit (a ``Sequence`` for a compound step).

    ``log`` (set by ``CaseDocument.push``) hears of each edit applied: redo's, undo's inverse.
    An undo or redo whose edit is refused changes nothing, goes to ``sys.excepthook`` (the
    app shows it) and sets ``failed``; the stack has moved all the same, and
    ``CaseDocument`` moves it back (with ``skip_once``).
    """

    log: EditLog | None = None
    failed = False
    skip_once = False

    def __init__(self, case: Case, edit: Edit, label: str = "",
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(label or edit.describe(), parent)
        self.case = case  # the case it was made for: a swapped-in case is never edited by it
        self.edit = edit
        self.inverse: Edit | None = None
        self._applied_early = False

    def apply_now(self) -> None:
        """Apply the edit before the push (which then does not apply it again)."""
        self.inverse = self._apply(self.edit)
        self._applied_early = True

    def id(self) -> int:
        return merge_id(self.edit)

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if not isinstance(other, EditCommand) or other.case is not self.case:
            return False
        if not self.edit.merges_with(other.edit):
            return False
        self.edit = other.edit  # redo ends at the newest value; undo goes back before the first
        return True

    def redo(self) -> None:
        if self._applied_early or self.skip_once:
            self._applied_early = self.skip_once = False
            return
        try:
            self.inverse = self._apply(self.edit)
        except Exception:
            self._refused()

    def undo(self) -> None:
        assert self.inverse is not None
        if self.skip_once:
            self.skip_once = False
            return
        try:
            self._apply(self.inverse)
        except Exception:
            self._refused()

    def _refused(self) -> None:
        """Called inside ``except``: report the error (never raise it into Qt's stack)."""
        self.failed = True
        sys.excepthook(*sys.exc_info())

    def _apply(self, edit: Edit) -> Edit:
        """Apply ``edit`` to the case, tell the log, and return the inverse."""
        log = self.log
        prepared = log.prepare(self.case, edit) if log is not None else None
        inverse = edit.apply(self.case).inverse
        if log is not None:
            log.record(self.case, edit, prepared)
        return inverse
