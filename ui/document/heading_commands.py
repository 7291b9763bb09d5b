"""Undo commands of the fishbone's headings (categories) and heading presets: thin
``EditCommand``s over ``sixstep.edits.headings``.

Re-exported by ``ui.document.fishbone_commands``, the one place views import diagram
commands from. Like a new cause, a new heading named in place folds its rename
(``fold=True``) into the add, and a folded remove right after cancels it.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtGui import QUndoCommand

from fishbone.model import Category
from sixstep.edits.base import Edit
from sixstep.edits.headings import (
    AddHeading,
    ApplyHeadingPreset,
    MoveHeading,
    RemoveHeading,
    RenameHeading,
)
from ui.document.commands import EditCommand
from ui.document.document import CaseDocument
from ui.document.fold import AddCommand, FoldingCommand


class AddCategoryCommand(AddCommand):
    """Add a heading at ``index`` (None: the end)."""

    def __init__(self, doc: CaseDocument, category: Category, index: int | None = None,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(doc.case, AddHeading(category.id, category.name, index), "", parent)
        self.category_id = category.id

    @classmethod
    def new(cls, doc: CaseDocument, name: str, index: int | None = None) -> AddCategoryCommand:
        return cls(doc, Category(doc.diagram.new_category_id(name), name), index)

    def named(self, edit: Edit) -> Edit | None:
        add = self.edit
        if not (isinstance(add, AddHeading) and isinstance(edit, RenameHeading)
                and edit.heading_id == self.category_id):
            return None
        return replace(add, name=edit.name)

    def cancelled_by(self, edit: Edit) -> bool:
        return isinstance(edit, RemoveHeading) and edit.heading_id == self.category_id


class RenameCategoryCommand(FoldingCommand):
    """Rename a heading; typing merges into one step (``merge=False``: a step of its own;
    ``fold=True``: naming a heading just added, folded into that add)."""

    add_edit = AddHeading

    def __init__(self, doc: CaseDocument, category_id: str, name: str, fold: bool = False,
                 merge: bool = True, parent: QUndoCommand | None = None) -> None:
        super().__init__(doc.case, RenameHeading(category_id, name), fold, merge, "", parent)
        self.category_id = category_id


class RemoveCategoryCommand(FoldingCommand):
    """Remove a heading, every cause under it and the alternatives' links to them; undo
    restores all of it exactly. ``fold=True`` cancels the add right before it."""

    add_edit = AddHeading

    def __init__(self, doc: CaseDocument, category_id: str, fold: bool = False,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(doc.case, RemoveHeading(category_id), fold, False, "", parent)
        self.category_id = category_id


class MoveCategoryCommand(EditCommand):
    """Move a heading to position ``index`` among the headings."""

    def __init__(self, doc: CaseDocument, category_id: str, index: int,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(doc.case, MoveHeading(category_id, index), "", parent)


class ApplyPresetCommand(EditCommand):
    """Switch to a preset's headings in one step, never losing a cause (the rule is
    ``sixstep.edits.headings.ApplyHeadingPreset``)."""

    def __init__(self, doc: CaseDocument, preset: str,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(doc.case, ApplyHeadingPreset(preset), "", parent)
