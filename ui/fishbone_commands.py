"""Undoable edits of the fishbone diagram: one QUndoCommand per Diagram verb.

Commands change the diagram through its own methods and never touch views; the views hear
about it through the diagram's change notes. Each command keeps the diagram it was made for,
so a document that swaps in another case cannot be edited by a stale command.

A new cause is usually added empty and then named in place: the text command that names it
(``fold=True``) merges into the add, and removing it again before anything else happened
makes the add obsolete, so "add, type, Enter" is one undo step and "add, Esc" leaves none.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QUndoCommand

from fishbone.model import PRESETS, Category, Cause, Diagram, RemovedSubtree
from ui.document import CaseDocument

_TEXT_ID = 2001
_ADD_ID = 2002
_ATTRIBUTE_ID = 2003
_EFFECT_ID = 2004
_RENAME_ID = 2005

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
        self.diagram: Diagram = doc.diagram
        self.cause_id = cause_id
        self.fold = fold  # True: cancels the AddCauseCommand right before it
        self.removed: RemovedSubtree | None = None

    def id(self) -> int:
        return _ADD_ID if self.fold else -1

    def redo(self) -> None:
        self.removed = self.diagram.remove_cause(self.cause_id)

    def undo(self) -> None:
        assert self.removed is not None
        self.diagram.restore(self.removed)


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


class SetCauseTextCommand(SetCauseAttributeCommand):
    """Change a cause's text; typing in one field merges into one step.

    With ``fold=True`` (naming a cause just added) it merges into that AddCauseCommand.
    """

    def __init__(self, doc: CaseDocument, cause_id: str, text: str, fold: bool = False,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(doc, cause_id, "text", text, "Edit cause text", parent)
        self.fold = fold

    def id(self) -> int:
        return _ADD_ID if self.fold else _TEXT_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        return isinstance(other, SetCauseTextCommand) and not other.fold and super().mergeWith(
            other)


class SetEffectCommand(QUndoCommand):
    """Change the effect in the fish's head; typing merges into one step."""

    def __init__(self, doc: CaseDocument, text: str, parent: QUndoCommand | None = None) -> None:
        super().__init__("Edit effect", parent)
        self.diagram: Diagram = doc.diagram
        self.old, self.new = doc.diagram.effect, text

    def id(self) -> int:
        return _EFFECT_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetEffectCommand) or other.diagram is not self.diagram:
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        self.diagram.set_effect(self.new)

    def undo(self) -> None:
        self.diagram.set_effect(self.old)


class AddCategoryCommand(QUndoCommand):
    """Add a heading at ``index`` (the end, as it is when first done, when None)."""

    def __init__(self, doc: CaseDocument, category: Category, index: int | None = None,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(f"Add heading {category.name}", parent)
        self.diagram: Diagram = doc.diagram
        self.category, self.index = category, index

    @classmethod
    def new(cls, doc: CaseDocument, name: str, index: int | None = None) -> AddCategoryCommand:
        return cls(doc, Category(doc.diagram.new_category_id(name), name), index)

    def redo(self) -> None:
        if self.index is None:
            self.index = len(self.diagram.categories)
        self.diagram.add_category(self.category, self.index)

    def undo(self) -> None:
        self.diagram.remove_category(self.category.id)


class RenameCategoryCommand(QUndoCommand):
    """Rename a heading; typing merges into one step."""

    def __init__(self, doc: CaseDocument, category_id: str, name: str,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__("Rename heading", parent)
        self.diagram: Diagram = doc.diagram
        self.category_id, self.new = category_id, name
        self.old = doc.diagram.category(category_id).name

    def id(self) -> int:
        return _RENAME_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, RenameCategoryCommand) or other.diagram is not self.diagram:
            return False
        if other.category_id != self.category_id:
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        self.old = self.diagram.rename_category(self.category_id, self.new)

    def undo(self) -> None:
        self.diagram.rename_category(self.category_id, self.old)


class RemoveCategoryCommand(QUndoCommand):
    """Remove a heading and every cause under it; undo restores both exactly."""

    def __init__(self, doc: CaseDocument, category_id: str,
                 parent: QUndoCommand | None = None) -> None:
        name = doc.diagram.category(category_id).name
        super().__init__(f"Remove heading {name}", parent)
        self.diagram: Diagram = doc.diagram
        self.category_id = category_id
        self.removed: tuple[int, Category, RemovedSubtree] | None = None

    def redo(self) -> None:
        self.removed = self.diagram.remove_category(self.category_id)

    def undo(self) -> None:
        assert self.removed is not None
        self.diagram.restore_category(*self.removed)


class MoveCategoryCommand(QUndoCommand):
    """Move a heading to position ``index`` among the headings."""

    def __init__(self, doc: CaseDocument, category_id: str, index: int,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__("Reorder headings", parent)
        self.diagram: Diagram = doc.diagram
        self.category_id, self.index = category_id, index
        self.old_index = -1  # read when it runs: a preset may move a heading it adds

    def redo(self) -> None:
        self.old_index = self.diagram.move_category(self.category_id, self.index)

    def undo(self) -> None:
        self.diagram.move_category(self.category_id, self.old_index)


class ApplyPresetCommand(QUndoCommand):
    """Switch to a preset's headings in one step.

    Headings the preset names (by id or name) are kept and renamed to the preset's spelling,
    missing ones are added, and the preset's order comes first. Headings outside the preset
    are removed when empty and kept, after the preset's, when they hold causes: applying a
    preset never loses a cause.
    """

    def __init__(self, doc: CaseDocument, preset: str) -> None:
        super().__init__(f"Apply preset {preset}")
        d = doc.diagram
        self.diagram: Diagram = d
        # Plain Python parts, run in order (not Qt child commands: PySide's ownership of
        # child wrappers is fragile when the stack is deleted).
        self.parts: list[QUndoCommand] = []
        wanted = PRESETS[preset]
        used: set[str] = set()
        order: list[str] = []
        taken = {c.id for c in d.categories}
        for pid, pname in wanted:
            found = d.find_category(pname)
            if found is None and d.has_category(pid):
                found = d.category(pid)
            if found is not None and found.id not in used:
                used.add(found.id)
                order.append(found.id)
                if found.name != pname:
                    self.parts.append(RenameCategoryCommand(doc, found.id, pname))
                continue
            new_id = pid
            if new_id in taken:
                new_id = _free_id(pname, taken)
            taken.add(new_id)
            self.parts.append(AddCategoryCommand(doc, Category(new_id, pname)))
            order.append(new_id)
        busy = {c.category for c in d.causes}
        for cat in d.categories:
            if cat.id in used:
                continue
            if cat.id in busy:
                order.append(cat.id)
            else:
                self.parts.append(RemoveCategoryCommand(doc, cat.id))
        for index, cid in enumerate(order):
            self.parts.append(MoveCategoryCommand(doc, cid, index))

    def redo(self) -> None:
        for part in self.parts:
            part.redo()

    def undo(self) -> None:
        for part in reversed(self.parts):
            part.undo()


def _free_id(name: str, taken: set[str]) -> str:
    base = "".join(ch if ch.isalnum() else "_" for ch in name.strip().lower()).strip("_")
    base = base or "category"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}_{n}", n + 1
    return candidate
