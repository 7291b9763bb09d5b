"""The one undo command: it applies a domain edit, and undo applies the inverse it returned.

``CaseDocument.push`` applies the edit before the command enters the undo stack, so a refused
edit raises to the caller and leaves neither the case nor the stack changed. Typing into one
field merges into one undo step: the edits say when (``Edit.merges_with``), and the merge ids
Qt asks for are declared here, in one place.
"""

from __future__ import annotations

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


def merge_id(edit: Edit) -> int:
    return MERGE_IDS.get(type(edit).__name__, -1)


class EditCommand(QUndoCommand):
    """One undo step made of one domain edit (a ``Sequence`` for a compound step)."""

    def __init__(self, case: Case, edit: Edit, label: str = "",
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(label or edit.describe(), parent)
        self.case = case  # the case it was made for: a swapped-in case is never edited by it
        self.edit = edit
        self.inverse: Edit | None = None
        self._applied_early = False

    def apply_now(self) -> None:
        """Apply the edit before the push (which then does not apply it again)."""
        self.inverse = self.edit.apply(self.case).inverse
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
        if self._applied_early:
            self._applied_early = False
            return
        self.inverse = self.edit.apply(self.case).inverse

    def undo(self) -> None:
        assert self.inverse is not None
        self.inverse.apply(self.case)
