"""Undoable edits of the fishbone diagram: one QUndoCommand per Diagram verb.

Commands change the diagram through its own methods and never touch views; the views hear
about it through the diagram's change notes. Each command keeps the diagram it was made for,
so a document that swaps in another case cannot be edited by a stale command.

A new cause is usually added empty and then named in place: the text command that names it
(``fold=True``) merges into the add, and removing it again before anything else happened
makes the add obsolete, so "add, type, Enter" is one undo step and "add, Esc" leaves none.
Heading commands live in ``ui.document.heading_commands`` and are re-exported here.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QUndoCommand

from fishbone.model import Cause, Diagram, RemovedSubtree
from ui.document.cause_links import SavedLinks, relink_causes, unlink_causes
from ui.document.document import CaseDocument
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

_TEXT_ID = 2001
_ADD_ID = 2002
_ATTRIBUTE_ID = 2003
_EFFECT_ID = 2004

_ATTRIBUTE_LABELS = {
    "status": "Set status",
    "root_cause": "Mark root cause",
    "votes": "Vote",
    "notes": "Edit notes",
    "collapsed": "Collapse or expand",
}


class AddCauseCommand(QUndoCommand):
    """Add ``cause`` as the ``index``-th child of its parent (the end when None)."""

    def __init__(self, doc: CaseDocument, cause: Cause, index: int | None = None,
                 label: str = "Add cause", parent: QUndoCommand | None = None) -> None:
        super().__init__(label, parent)
        self.diagram: Diagram = doc.diagram
        self.cause = cause
        self.index = index

    @classmethod
    def new(cls, doc: CaseDocument, category_id: str, parent_id: str | None = None,
            text: str = "", index: int | None = None) -> AddCauseCommand:
        """A command adding a fresh cause with the next free id."""
        cause = Cause(doc.diagram.next_cause_id(), category_id, parent_id, text)
        return cls(doc, cause, index)

    @property
    def cause_id(self) -> str:
        return self.cause.id

    def id(self) -> int:
        return _ADD_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not getattr(other, "fold", False) or other.cause_id != self.cause.id:
            return False
        if isinstance(other, RemoveCauseCommand):
            self.setObsolete(True)  # added and taken away again: nothing happened
        return isinstance(other, (SetCauseTextCommand, RemoveCauseCommand))

    def redo(self) -> None:
        self.diagram.add_cause(self.cause, self.index)

    def undo(self) -> None:
        self.diagram.remove_cause(self.cause.id)


class RemoveCauseCommand(QUndoCommand):
    """Remove a cause with its whole subtree; undo puts every cause back where it was."""

    def __init__(self, doc: CaseDocument, cause_id: str, fold: bool = False,
                 label: str = "Remove cause", parent: QUndoCommand | None = None) -> None:
        super().__init__(label, parent)
        self.doc = doc
        self.case = doc.case
        self.diagram: Diagram = doc.diagram
        self.cause_id = cause_id
        self.fold = fold  # True: cancels the AddCauseCommand right before it
        self.removed: RemovedSubtree | None = None
        self.links: SavedLinks = []

    def id(self) -> int:
        return _ADD_ID if self.fold else -1

    def redo(self) -> None:
        doomed = [c.id for c in self.diagram.subtree(self.cause_id)]
        self.links = unlink_causes(self.case, doomed)  # no alternative points at a lost cause
        self.removed = self.diagram.remove_cause(self.cause_id)
        if self.links:
            self.doc.notify("alternatives")

    def undo(self) -> None:
        assert self.removed is not None
        self.diagram.restore(self.removed)
        relink_causes(self.links)
        if self.links:
            self.doc.notify("alternatives")


class MoveCauseCommand(QUndoCommand):
    """Move a cause with its subtree under another parent or heading.

    ``index`` counts among the new siblings once the cause has left its old place (None: the
    end). Undo brings back the exact old list order, even of files whose subtrees were not
    stored together.
    """

    def __init__(self, doc: CaseDocument, cause_id: str, category_id: str,
                 parent_id: str | None, index: int | None = None, label: str = "Move cause",
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(label, parent)
        self.diagram: Diagram = doc.diagram
        self.cause_id, self.category_id, self.parent_id = cause_id, category_id, parent_id
        self.index = index
        self._before: tuple[str, str | None, int, list[tuple[int, Cause]], list[str]] | None = None

    def redo(self) -> None:
        d = self.diagram
        cause = d.cause(self.cause_id)
        block = {c.id for c in d.subtree(self.cause_id)}
        entries = [(i, c) for i, c in enumerate(d.causes) if c.id in block]
        order = [c.id for c in d.causes]
        self._before = (cause.category, cause.parent, d.sibling_index(self.cause_id),
                        entries, order)
        d.move_cause(self.cause_id, self.category_id, self.parent_id, self.index)

    def undo(self) -> None:
        assert self._before is not None
        category, parent, index, entries, order = self._before
        d = self.diagram
        d.move_cause(self.cause_id, category, parent, index)
        if [c.id for c in d.causes] != order:
            d.remove_cause(self.cause_id)
            d.restore(RemovedSubtree(tuple(entries)))


class SetCauseAttributeCommand(QUndoCommand):
    """Set one attribute of a cause: status, root_cause, votes, notes or collapsed.

    Typing notes merges into one step; other attributes are a step each.
    """

    def __init__(self, doc: CaseDocument, cause_id: str, attribute: str, value: Any,
                 label: str = "", parent: QUndoCommand | None = None) -> None:
        super().__init__(label or _ATTRIBUTE_LABELS.get(attribute, "Edit cause"), parent)
        self.diagram: Diagram = doc.diagram
        self.cause_id, self.attribute = cause_id, attribute
        self.new = value
        self.old: Any = getattr(doc.diagram.cause(cause_id), attribute)
        self.fold = False

    def id(self) -> int:
        return _ATTRIBUTE_ID if self.attribute == "notes" else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetCauseAttributeCommand):
            return False
        if other.diagram is not self.diagram or other.cause_id != self.cause_id:
            return False
        if other.attribute != self.attribute:
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        self.diagram.set_cause(self.cause_id, self.attribute, self.new)

    def undo(self) -> None:
        self.diagram.set_cause(self.cause_id, self.attribute, self.old)


class SetCausesAttributeCommand(QUndoCommand):
    """Set one attribute of many causes at once (collapse all, expand all): one step, and
    one change note, so the diagram is laid out once rather than once per cause."""

    def __init__(self, doc: CaseDocument, attribute: str, values: dict[str, Any], label: str,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(label, parent)
        self.diagram: Diagram = doc.diagram
        self.attribute, self.new = attribute, dict(values)
        self.old = {cause_id: getattr(doc.diagram.cause(cause_id), attribute)
                    for cause_id in values}

    def redo(self) -> None:
        self.diagram.set_causes(self.attribute, self.new)

    def undo(self) -> None:
        self.diagram.set_causes(self.attribute, self.old)


class SetCauseTextCommand(SetCauseAttributeCommand):
    """Change a cause's text; typing in one field merges into one step.

    With ``fold=True`` (naming a cause just added) it merges into that AddCauseCommand;
    ``merge=False`` (one edit in place) makes it a step of its own.
    """

    def __init__(self, doc: CaseDocument, cause_id: str, text: str, fold: bool = False,
                 merge: bool = True, parent: QUndoCommand | None = None) -> None:
        super().__init__(doc, cause_id, "text", text, "Edit cause text", parent)
        self.fold, self.merge = fold, merge

    def id(self) -> int:
        if self.fold:
            return _ADD_ID
        return _TEXT_ID if self.merge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetCauseTextCommand) or other.fold or not other.merge:
            return False
        return super().mergeWith(other)


class SetEffectCommand(QUndoCommand):
    """Change the effect in the fish's head; typing merges into one step."""

    def __init__(self, doc: CaseDocument, text: str, merge: bool = True,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__("Edit effect", parent)
        self.diagram: Diagram = doc.diagram
        self.old, self.new = doc.diagram.effect, text
        self.merge = merge

    def id(self) -> int:
        return _EFFECT_ID if self.merge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetEffectCommand) or other.diagram is not self.diagram:
            return False
        if not other.merge:
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        self.diagram.set_effect(self.new)

    def undo(self) -> None:
        self.diagram.set_effect(self.old)
