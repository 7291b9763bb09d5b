"""Undo commands of the fishbone: thin ``EditCommand``s over the verbs of
``sixstep.edits.fishbone`` (and, re-exported here, the heading commands of
``ui.document.heading_commands``), keeping the names and arguments views call them by.

A new cause is usually added empty and then named in place: the text command that names it
(``fold=True``) merges into the add, and removing it again before anything else happened
makes the add obsolete, so "add, type, Enter" is one undo step and "add, Esc" leaves none.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtGui import QUndoCommand

from fishbone.model import Cause
from sixstep.edits.base import Edit
from sixstep.edits.fishbone import (
    AddCause,
    MoveCause,
    RemoveCause,
    SetCauseAttribute,
    SetCausesAttribute,
    SetCauseText,
    SetEffect,
)
from ui.document.commands import EditCommand
from ui.document.document import CaseDocument
from ui.document.fold import AddCommand, FoldingCommand
from ui.document.heading_commands import (
    AddCategoryCommand,
    ApplyPresetCommand,
    MoveCategoryCommand,
    RemoveCategoryCommand,
    RenameCategoryCommand,
)

__all__ = [
    "AddCategoryCommand",
    "AddCauseCommand",
    "ApplyPresetCommand",
    "MoveCategoryCommand",
    "MoveCauseCommand",
    "RemoveCategoryCommand",
    "RemoveCauseCommand",
    "RenameCategoryCommand",
    "SetCauseAttributeCommand",
    "SetCausesAttributeCommand",
    "SetCauseTextCommand",
    "SetEffectCommand",
]


class AddCauseCommand(AddCommand):
    """Add ``cause`` as the ``index``-th child of its parent (the end when None)."""

    def __init__(self, doc: CaseDocument, cause: Cause, index: int | None = None,
                 label: str = "", parent: QUndoCommand | None = None) -> None:
        super().__init__(doc.case, AddCause(cause, index), label, parent)
        self.cause_id = cause.id

    @classmethod
    def new(cls, doc: CaseDocument, category_id: str, parent_id: str | None = None,
            text: str = "", index: int | None = None) -> AddCauseCommand:
        """A command adding a fresh cause with the next free id."""
        cause = Cause(doc.diagram.next_cause_id(), category_id, parent_id, text)
        return cls(doc, cause, index)

    def named(self, edit: Edit) -> Edit | None:
        add = self.edit
        if not (isinstance(add, AddCause) and isinstance(edit, SetCauseText)
                and edit.cause_id == self.cause_id):
            return None
        return replace(add, cause=replace(add.cause, text=edit.text))

    def cancelled_by(self, edit: Edit) -> bool:
        return isinstance(edit, RemoveCause) and edit.cause_id == self.cause_id


class RemoveCauseCommand(FoldingCommand):
    """Remove a cause with its whole subtree and the alternatives' links to them; undo puts
    every cause and link back where it was. ``fold=True`` cancels the add right before it."""

    add_edit = AddCause

    def __init__(self, doc: CaseDocument, cause_id: str, fold: bool = False,
                 label: str = "", parent: QUndoCommand | None = None) -> None:
        super().__init__(doc.case, RemoveCause(cause_id), fold, False, label, parent)
        self.cause_id = cause_id


class MoveCauseCommand(EditCommand):
    """Move a cause with its subtree under another parent or heading; ``index`` counts among
    the new siblings once the cause has left its old place (None: the end). Undo brings
    back the exact old list order."""

    def __init__(self, doc: CaseDocument, cause_id: str, category_id: str,
                 parent_id: str | None, index: int | None = None, label: str = "",
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(doc.case, MoveCause(cause_id, category_id, parent_id, index), label,
                         parent)


class SetCauseAttributeCommand(EditCommand):
    """Set one attribute of a cause: status, root_cause, votes, notes or collapsed. Typing
    notes merges into one step; other attributes are a step each."""

    def __init__(self, doc: CaseDocument, cause_id: str, attribute: str, value: Any,
                 label: str = "", parent: QUndoCommand | None = None) -> None:
        super().__init__(doc.case, SetCauseAttribute(cause_id, attribute, value), label,
                         parent)


class SetCausesAttributeCommand(EditCommand):
    """Set one attribute of many causes at once (collapse all, expand all): one step and
    one change note."""

    def __init__(self, doc: CaseDocument, attribute: str, values: dict[str, Any], label: str,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(doc.case, SetCausesAttribute(attribute, tuple(values.items()), label),
                         label, parent)


class SetCauseTextCommand(FoldingCommand):
    """Change a cause's text; typing in one field merges into one step. ``fold=True``
    (naming a cause just added) merges into that add; ``merge=False`` (one edit in place)
    makes it a step of its own."""

    add_edit = AddCause

    def __init__(self, doc: CaseDocument, cause_id: str, text: str, fold: bool = False,
                 merge: bool = True, parent: QUndoCommand | None = None) -> None:
        super().__init__(doc.case, SetCauseText(cause_id, text), fold, merge, "", parent)
        self.cause_id = cause_id


class SetEffectCommand(FoldingCommand):
    """Change the effect in the fish's head; typing merges into one step."""

    def __init__(self, doc: CaseDocument, text: str, merge: bool = True,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(doc.case, SetEffect(text), False, merge, "", parent)
