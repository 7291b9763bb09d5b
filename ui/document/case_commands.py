"""Undoable edits of the case's plain fields and lists (the fishbone has its own commands)."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QUndoCommand

from ui.document.document import CaseDocument

_SET_FIELD_ID = 1001
_SET_ITEM_ID = 1002


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

    def mergeWith(self, other: QUndoCommand) -> bool:
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


class SetListItemCommand(QUndoCommand):
    """Replace ``items[index]`` (a plain string or bool in a list); typing merges."""

    def __init__(self, doc: CaseDocument, section: str, items: list, index: int, value: Any,
                 label: str = "Edit item") -> None:
        super().__init__(label)
        self.doc, self.section, self.items, self.index = doc, section, items, index
        self.old, self.new = items[index], value

    def id(self) -> int:
        return _SET_ITEM_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetListItemCommand):
            return False
        if other.items is not self.items or other.index != self.index:
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        self.items[self.index] = self.new
        self.doc.notify(self.section)

    def undo(self) -> None:
        self.items[self.index] = self.old
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


class RemoveItemCommand(QUndoCommand):
    """Remove ``items[index]``, remembering where it was."""

    def __init__(self, doc: CaseDocument, section: str, items: list, index: int,
                 label: str = "Remove item") -> None:
        super().__init__(label)
        self.doc, self.section, self.items, self.index = doc, section, items, index
        self.item = items[index]

    def redo(self) -> None:
        del self.items[self.index]
        self.doc.notify(self.section)

    def undo(self) -> None:
        self.items.insert(self.index, self.item)
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


class ReplaceListCommand(QUndoCommand):
    """Swap a whole list's contents at once (apply proposed weights, reconcile scores)."""

    def __init__(self, doc: CaseDocument, section: str, items: list, new_items: list,
                 label: str = "Replace") -> None:
        super().__init__(label)
        self.doc, self.section, self.items = doc, section, items
        self.old_items, self.new_items = list(items), list(new_items)

    def redo(self) -> None:
        self.items[:] = self.new_items
        self.doc.notify(self.section)

    def undo(self) -> None:
        self.items[:] = self.old_items
        self.doc.notify(self.section)


def macro(doc: CaseDocument, label: str, commands: list[QUndoCommand]) -> None:
    """Push several commands as one undo step."""
    stack = doc.undo_stack
    stack.beginMacro(label)
    try:
        for command in commands:
            stack.push(command)
    finally:
        stack.endMacro()
