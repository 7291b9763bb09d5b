"""A new cause or heading named in place is one undo step: the add takes in the naming that
follows it, and a cancel right after it leaves no step at all.

The naming or removing command says so with ``fold=True``; it then offers to merge under its
add's merge id, and the add command (the top of the stack) decides.
"""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtGui import QUndoCommand

from sixstep.case import Case
from sixstep.edits.base import Edit
from ui.document.commands import MERGE_IDS, EditCommand, merge_id


class AddCommand(EditCommand):
    """Adds something with an id; a folding command about that id merges into it."""

    def named(self, edit: Edit) -> Edit | None:
        """This add with the name ``edit`` gives (None: ``edit`` does not name it)."""
        return None

    def cancelled_by(self, edit: Edit) -> bool:
        """True when ``edit`` takes away what this command added."""
        return False

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if not isinstance(other, EditCommand) or other.case is not self.case:
            return False
        if not getattr(other, "fold", False):
            return False
        if self.cancelled_by(other.edit):
            self.setObsolete(True)  # added and taken away again: nothing happened
            return True
        named = self.named(other.edit)
        if named is None:
            return False
        self.edit = named  # redo adds it named; undo (the add's inverse) takes it away
        return True


class FoldingCommand(EditCommand):
    """A command that may fold into the add right before it.

    ``fold=True``: it names (or cancels) what ``add_edit`` just added, and merges into that
    add. ``merge=False``: a step of its own even where typing would merge (one edit in
    place).
    """

    add_edit: ClassVar[type[Edit] | None] = None  # the kind of add it may fold into

    def __init__(self, case: Case, edit: Edit, fold: bool = False, merge: bool = True,
                 label: str = "", parent: QUndoCommand | None = None) -> None:
        super().__init__(case, edit, label, parent)
        self.fold, self.merge = fold, merge

    def id(self) -> int:
        if self.fold and self.add_edit is not None:
            return MERGE_IDS.get(self.add_edit.__name__, -1)
        return merge_id(self.edit) if self.merge else -1
