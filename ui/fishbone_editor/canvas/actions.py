"""Diagram edits as one-call actions: each builds the right command and pushes it.

Shared by the canvas keys, its context menus, the side panel and the capture line, so a
menu entry and its shortcut always do the same thing.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from fishbone.model import STATUSES, Diagram
from sixstep.rules import RuleError
from ui.document.document import CaseDocument
from ui.document.fishbone_commands import (
    AddCategoryCommand,
    AddCauseCommand,
    ApplyPresetCommand,
    MoveCategoryCommand,
    MoveCauseCommand,
    RemoveCategoryCommand,
    RemoveCauseCommand,
    SetCauseAttributeCommand,
    SetCausesAttributeCommand,
)
from ui.document.voting import ballot_for

STATUS_LABELS: dict[str, str] = {
    "possible": "Possible",
    "confirmed": "Confirmed",
    "ruled_out": "Ruled out",
}
assert set(STATUS_LABELS) == set(STATUSES)

# Keys that act on the selected cause. Alt, like Alt+arrows, never starts typing in a box
# and is free of the window's shortcuts; the canvas, the context menu and the panel's tips
# all read them from here. Alt++ (Alt+Shift+=) and the keypad's + work for a vote up too.
STATUS_SHORTCUTS: dict[str, str] = {
    "possible": "Alt+P",
    "confirmed": "Alt+C",
    "ruled_out": "Alt+X",
}
assert set(STATUS_SHORTCUTS) == set(STATUSES)
VOTE_UP_SHORTCUT = "Alt+="
VOTE_DOWN_SHORTCUT = "Alt+-"
ROOT_CAUSE_SHORTCUT = "Ctrl+Shift+R"


class DiagramActions:
    """Verbs on the document's diagram; every one is a single undo step."""

    def __init__(self, doc: CaseDocument) -> None:
        self.doc = doc
        self.refused: Callable[[str], None] | None = None  # told why an edit was refused

    @property
    def diagram(self) -> Diagram:
        return self.doc.diagram

    # -- adding --------------------------------------------------------------------------------
    def add_cause(self, category_id: str, parent_id: str | None = None, text: str = "",
                  index: int | None = None) -> str:
        """Add a cause (empty when it is to be named in place); returns its id."""
        command = AddCauseCommand.new(self.doc, category_id, parent_id, text, index)
        self.doc.push(command)
        return command.cause_id

    def add_sibling(self, cause_id: str, text: str = "") -> str:
        """A new cause right after ``cause_id``, under the same parent."""
        cause = self.diagram.cause(cause_id)
        index = self.diagram.sibling_index(cause_id) + 1
        return self.add_cause(cause.category, cause.parent, text, index)

    def add_child(self, cause_id: str, text: str = "") -> str:
        """A new last sub-cause of ``cause_id``; a collapsed cause opens first."""
        cause = self.diagram.cause(cause_id)
        if cause.collapsed:
            self.set_attribute(cause_id, "collapsed", False)
        return self.add_cause(cause.category, cause_id, text)

    def add_category(self, name: str, index: int | None = None) -> str:
        command = AddCategoryCommand.new(self.doc, name, index)
        self.doc.push(command)
        return command.category_id

    # -- removing ------------------------------------------------------------------------------
    def remove_cause(self, cause_id: str, fold: bool = False) -> None:
        self.doc.push(RemoveCauseCommand(self.doc, cause_id, fold=fold))

    def remove_category(self, category_id: str, fold: bool = False) -> None:
        self.doc.push(RemoveCategoryCommand(self.doc, category_id, fold=fold))

    # -- moving --------------------------------------------------------------------------------
    def _push(self, command: QUndoCommand) -> bool:
        """Push ``command``; False (and nothing done) when its edit is refused, such as a
        cause put under itself or a heading moved past the end."""
        try:
            self.doc.push(command)
        except RuleError as error:
            if self.refused is not None:
                self.refused(str(error))
            return False
        return True

    def move_cause(self, cause_id: str, category_id: str, parent_id: str | None,
                   index: int | None = None) -> bool:
        """Move a cause unless that changes nothing or is refused."""
        d = self.diagram
        cause = d.cause(cause_id)
        if parent_id is not None and d.has_cause(parent_id):
            category_id = d.cause(parent_id).category
        if (cause.category, cause.parent) == (category_id, parent_id):
            siblings = d.children(category_id, parent_id)
            now = d.sibling_index(cause_id)
            if index is None and now == len(siblings) - 1:
                return False
            if index is not None and index == now:
                return False
        return self._push(MoveCauseCommand(self.doc, cause_id, category_id, parent_id, index))

    def drop_cause(self, cause_id: str, kind: str, target_id: str) -> bool:
        """A cause dropped on a heading or another cause: it goes last under the target."""
        if kind == "category":
            return self.move_cause(cause_id, target_id, None)
        if kind == "cause":
            return self.move_cause(cause_id, self.diagram.cause(target_id).category, target_id)
        return False

    def promote(self, cause_id: str) -> bool:
        """Make a sub-cause a sibling of its parent, right after it."""
        cause = self.diagram.cause(cause_id)
        if cause.parent is None:
            return False
        parent = self.diagram.cause(cause.parent)
        index = self.diagram.sibling_index(parent.id) + 1
        return self.move_cause(cause_id, parent.category, parent.parent, index)

    def move_category(self, category_id: str, index: int) -> bool:
        if index == self.diagram.category_index(category_id):
            return False
        return self._push(MoveCategoryCommand(self.doc, category_id, index))

    # -- attributes ----------------------------------------------------------------------------
    def set_attribute(self, cause_id: str, attribute: str, value: object) -> bool:
        if getattr(self.diagram.cause(cause_id), attribute) == value:
            return False
        return self._push(SetCauseAttributeCommand(self.doc, cause_id, attribute, value))

    def set_status(self, cause_id: str, status: str) -> bool:
        return self.set_attribute(cause_id, "status", status)

    def toggle_root_cause(self, cause_id: str) -> None:
        self.set_attribute(cause_id, "root_cause", not self.diagram.cause(cause_id).root_cause)

    def toggle_collapsed(self, cause_id: str) -> bool:
        """Collapse or expand a cause that has sub-causes (a leaf has nothing to hide)."""
        cause = self.diagram.cause(cause_id)
        if not cause.collapsed and not self.diagram.children(cause.category, cause_id):
            return False
        return self.set_attribute(cause_id, "collapsed", not cause.collapsed)

    def vote(self, cause_id: str, delta: int) -> bool:
        """Cast (``delta`` > 0) or take back one dot of whoever votes now (the picker's
        participant, or the room); a refusal is told by the document's ballot."""
        return ballot_for(self.doc).vote(cause_id, delta)

    def apply_preset(self, preset: str) -> None:
        self.doc.push(ApplyPresetCommand(self.doc, preset))

    def set_all_collapsed(self, collapsed: bool) -> None:
        """Collapse every cause that has sub-causes, or expand every collapsed one: one step."""
        d = self.diagram
        parents = {c.parent for c in d.causes if c.parent is not None}
        targets = [c.id for c in d.causes
                   if c.collapsed != collapsed and (c.id in parents or not collapsed)]
        if not targets:
            return
        self.doc.push(SetCausesAttributeCommand(
            self.doc, "collapsed", dict.fromkeys(targets, collapsed),
            "Collapse all" if collapsed else "Expand all"))
