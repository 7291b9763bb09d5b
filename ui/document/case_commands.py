"""Bridge: the older generic commands that change a list or an object of the case directly.

The fields and lists of steps 1, 2, 3 and 6 are no longer edited here: their verbs are
``sixstep.edits.fields`` (applied with ``CaseDocument.apply``; a compound step is a
``sixstep.edits.base.Sequence``). What is left serves ``scoring_commands`` (alternatives and
criteria) until those become domain verbs too; then this module goes.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QUndoCommand

from ui.document.document import CaseDocument

_SET_FIELD_ID = 1901  # apart from the merge ids of ui.document.commands


class SetFieldCommand(QUndoCommand):
    """Set ``target.attribute`` to ``value``; typing in the same field merges into one step."""

    def __init__(self, doc: CaseDocument, section: str, target: Any, attribute: str,
                 value: Any, label: str = "", merge: bool = True) -> None:
        super().__init__(label or f"Edit {attribute.replace('_', ' ')}")
        self.doc, self.section, self.target, self.attribute = doc, section, target, attribute
        self.old = getattr(target, attribute)
        self.new = value
        self.merge = merge

    def id(self) -> int:
        return _SET_FIELD_ID if self.merge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if not (isinstance(other, SetFieldCommand) and other.merge and self.merge):
            return False
        if other.target is not self.target or other.attribute != self.attribute:
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        setattr(self.target, self.attribute, self.new)
        self.doc.notify(self.section)

    def undo(self) -> None:
        setattr(self.target, self.attribute, self.old)
        self.doc.notify(self.section)


class InsertItemCommand(QUndoCommand):
    """Insert ``item`` into a list of the case at ``index`` (the end when None)."""

    def __init__(self, doc: CaseDocument, section: str, items: list, item: Any,
                 index: int | None = None, label: str = "Add item") -> None:
        super().__init__(label)
        self.doc, self.section, self.items, self.item = doc, section, items, item
        self.index = index  # None: the end of the list as it is when first done

    def redo(self) -> None:
        if self.index is None:
            self.index = len(self.items)
        self.items.insert(self.index, self.item)
        self.doc.notify(self.section)

    def undo(self) -> None:
        del self.items[self.index]
        self.doc.notify(self.section)


class MoveItemCommand(QUndoCommand):
    """Move a list entry from one index to another (order carries meaning: importance)."""

    def __init__(self, doc: CaseDocument, section: str, items: list, source: int, target: int,
                 label: str = "Reorder") -> None:
        super().__init__(label)
        self.doc, self.section, self.items = doc, section, items
        self.source, self.target = source, target

    def _move(self, a: int, b: int) -> None:
        self.items.insert(b, self.items.pop(a))
        self.doc.notify(self.section)

    def redo(self) -> None:
        self._move(self.source, self.target)

    def undo(self) -> None:
        self._move(self.target, self.source)
