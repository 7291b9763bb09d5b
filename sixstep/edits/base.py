"""What every edit is: a small record that checks, applies, tells the case's change stream,
and returns the edit that undoes it (plus the typed changes it made).

An edit checks everything before it changes anything, so a refused edit (``EditError``, or
``RuleError`` from ``sixstep.rules``) leaves the case as it was. Undo labels never carry
user text (menus would read an "&" in it as a shortcut mark).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from fishbone.changes import Change
from sixstep.rules import RuleError

if TYPE_CHECKING:
    from sixstep.case import Case


class EditError(RuleError):
    """An edit that cannot be made (an unknown id, a wrong state); the message is for the user."""


@dataclass(frozen=True)
class Applied:
    """What applying an edit did: the edit that undoes it and the changes it told."""

    inverse: Edit
    changes: tuple[Change, ...]


class Edit(ABC):
    """A verb on a case. Subclasses are frozen dataclasses holding the verb's arguments."""

    label: ClassVar[str] = "Edit"

    @abstractmethod
    def apply(self, case: Case) -> Applied:
        """Check, then change ``case``, tell its stream, and return the inverse."""

    def describe(self) -> str:
        """The undo text: what the edit does, never user text."""
        return self.label

    def merges_with(self, other: Edit) -> bool:
        """True when ``other`` continues this edit (typing into the same field): the two make
        one undo step that ends at ``other``'s value."""
        return False


def done(case: Case, inverse: Edit, *changes: Change) -> Applied:
    """Tell the case's stream about ``changes`` and return them with ``inverse``."""
    for change in changes:
        case.changes.emit(change)
    return Applied(inverse, changes)


@dataclass(frozen=True)
class Sequence(Edit):
    """Several edits as one: all or nothing (a refused part rolls back the parts before it)."""

    edits: tuple[Edit, ...]
    title: str = "Edit"

    def describe(self) -> str:
        return self.title

    def apply(self, case: Case) -> Applied:
        inverses: list[Edit] = []
        changes: list[Change] = []
        try:
            for edit in self.edits:
                result = edit.apply(case)
                inverses.append(result.inverse)
                changes.extend(result.changes)
        except Exception:
            for inverse in reversed(inverses):
                inverse.apply(case)
            raise
        return Applied(Sequence(tuple(reversed(inverses)), self.title), tuple(changes))


@dataclass(frozen=True)
class Nothing(Edit):
    """An edit that changes nothing (the inverse of a no-op)."""

    def apply(self, case: Case) -> Applied:
        return Applied(self, ())
