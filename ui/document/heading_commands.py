"""Undoable edits of the fishbone's headings (categories) and heading presets.

Re-exported by ``ui.document.fishbone_commands``, the one place views import diagram commands from.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from fishbone.model import PRESETS, Category, Diagram, RemovedSubtree
from ui.document.cause_links import SavedLinks, relink_causes, unlink_causes
from ui.document.document import CaseDocument

_RENAME_ID = 2005
_ADD_CATEGORY_ID = 2006


class AddCategoryCommand(QUndoCommand):
    """Add a heading at ``index`` (the end, as it is when first done, when None).

    Like a new cause, a new heading named in place folds its rename (``fold=True``) into
    this step, and a folded remove right after cancels it.
    """

    def __init__(self, doc: CaseDocument, category: Category, index: int | None = None,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__("Add heading", parent)  # no user text: menus read "&" as a mnemonic
        self.diagram: Diagram = doc.diagram
        self.category, self.index = category, index

    @classmethod
    def new(cls, doc: CaseDocument, name: str, index: int | None = None) -> AddCategoryCommand:
        return cls(doc, Category(doc.diagram.new_category_id(name), name), index)

    @property
    def category_id(self) -> str:
        return self.category.id

    def id(self) -> int:
        return _ADD_CATEGORY_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not getattr(other, "fold", False) or other.category_id != self.category.id:
            return False
        if isinstance(other, RemoveCategoryCommand):
            self.setObsolete(True)
        return isinstance(other, (RenameCategoryCommand, RemoveCategoryCommand))

    def redo(self) -> None:
        if self.index is None:
            self.index = len(self.diagram.categories)
        self.diagram.add_category(self.category, self.index)

    def undo(self) -> None:
        self.diagram.remove_category(self.category.id)


class RenameCategoryCommand(QUndoCommand):
    """Rename a heading; typing merges into one step."""

    def __init__(self, doc: CaseDocument, category_id: str, name: str, fold: bool = False,
                 merge: bool = True, parent: QUndoCommand | None = None) -> None:
        super().__init__("Rename heading", parent)
        self.diagram: Diagram = doc.diagram
        self.category_id, self.new = category_id, name
        self.old = doc.diagram.category(category_id).name
        self.fold, self.merge = fold, merge

    def id(self) -> int:
        if self.fold:
            return _ADD_CATEGORY_ID
        return _RENAME_ID if self.merge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, RenameCategoryCommand) or other.diagram is not self.diagram:
            return False
        if other.fold or not other.merge:
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

    def __init__(self, doc: CaseDocument, category_id: str, fold: bool = False,
                 parent: QUndoCommand | None = None) -> None:
        doc.diagram.category(category_id)  # fails early for an unknown heading
        super().__init__("Remove heading", parent)
        self.doc = doc
        self.case = doc.case
        self.diagram: Diagram = doc.diagram
        self.category_id = category_id
        self.fold = fold
        self.removed: tuple[int, Category, RemovedSubtree] | None = None
        self.links: SavedLinks = []

    def id(self) -> int:
        return _ADD_CATEGORY_ID if self.fold else -1

    def redo(self) -> None:
        doomed = [c.id for c in self.diagram.causes if c.category == self.category_id]
        self.links = unlink_causes(self.case, doomed)  # no alternative points at a lost cause
        self.removed = self.diagram.remove_category(self.category_id)
        if self.links:
            self.doc.notify("alternatives")

    def undo(self) -> None:
        assert self.removed is not None
        self.diagram.restore_category(*self.removed)
        relink_causes(self.links)
        if self.links:
            self.doc.notify("alternatives")


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
        super().__init__(f"Apply preset {preset}")  # our own preset names only
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
