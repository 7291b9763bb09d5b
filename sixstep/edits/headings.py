"""The fishbone's headings as case verbs: add, rename, remove (with their causes, the
alternatives' links to them and their arrows and dots), move, and switch to a heading preset
in one step."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from fishbone.changes import Change, merge_changes
from fishbone.model import PRESETS, Category, RemovedSubtree
from sixstep.case import Case
from sixstep.edits.base import Applied, Edit, EditError, Sequence, done
from sixstep.edits.cause_checks import (
    Entries,
    Links,
    check_index,
    check_links,
    check_restore,
    find_heading,
    link_changes,
    relink_causes,
    unlink_causes,
)
from sixstep.edits.dots import (
    DetachedRecords,
    check_restore_records,
    detach_cause_records,
    restore_records,
)
from sixstep.rules import check_text


@dataclass(frozen=True)
class AddHeading(Edit):
    """A new, empty heading at ``index`` among the headings (None: the end)."""

    label: ClassVar[str] = "Add heading"  # never the name: menus read "&" as a mnemonic
    heading_id: str
    name: str
    index: int | None = None

    def apply(self, case: Case) -> Applied:
        d = case.fishbone
        if not isinstance(self.heading_id, str) or not self.heading_id:
            raise EditError("A heading needs an id.")
        if d.has_category(self.heading_id):
            raise EditError(f"There is a heading with the id {self.heading_id!r} already.")
        name = check_text(self.name, "A heading's name")
        index = check_index(self.index)
        if index is not None and not 0 <= index <= len(d.categories):
            raise EditError("There is no such place among the headings.")
        with case.changes.blocked():
            d.add_category(Category(self.heading_id, name), index)
        return done(case, RemoveHeading(self.heading_id),
                    Change("categories", (self.heading_id,)))


@dataclass(frozen=True)
class RenameHeading(Edit):
    """A heading's name; typing into the same heading merges into one step."""

    label: ClassVar[str] = "Rename heading"
    heading_id: str
    name: str

    def apply(self, case: Case) -> Applied:
        heading = find_heading(case.fishbone, self.heading_id)
        name = check_text(self.name, "A heading's name")
        with case.changes.blocked():
            old = case.fishbone.rename_category(heading.id, name)
        return done(case, RenameHeading(heading.id, old), Change("categories", (heading.id,)))

    def merges_with(self, other: Edit) -> bool:
        return isinstance(other, RenameHeading) and other.heading_id == self.heading_id


@dataclass(frozen=True)
class RemoveHeading(Edit):
    """Remove a heading with every cause under it, the alternatives' links to them, the
    arrows and dots on them, and the room's pending ideas for it."""

    label: ClassVar[str] = "Remove heading"
    heading_id: str

    def apply(self, case: Case) -> Applied:
        d = case.fishbone
        find_heading(d, self.heading_id)
        with case.changes.blocked():
            index, heading, removed = d.remove_category(self.heading_id)
        ids = tuple(c.id for _, c in removed.entries)
        links = unlink_causes(case, ids)
        records = detach_cause_records(case, ids, (heading.id,))
        gone = (Change("cause_removed", ids),) if ids else ()
        return done(case, RestoreHeading(index, heading, removed.entries, links, records),
                    Change("categories", (heading.id,)), *gone, *link_changes(links),
                    *records.changes())


@dataclass(frozen=True)
class RestoreHeading(Edit):
    """Undo of ``RemoveHeading``: the very heading and causes back in their old places, and
    the links, arrows and dots back."""

    label: ClassVar[str] = "Restore heading"
    index: int
    heading: Category
    entries: Entries = ()
    links: Links = ()
    records: DetachedRecords = DetachedRecords()

    def apply(self, case: Case) -> Applied:
        d = case.fishbone
        if d.has_category(self.heading.id):
            raise EditError(f"There is a heading with the id {self.heading.id!r} already.")
        if not isinstance(self.index, int) or not 0 <= self.index <= len(d.categories):
            raise EditError("There is no such place among the headings.")
        if any(c.category != self.heading.id for _, c in self.entries):
            raise EditError("Only the heading's own causes come back with it.")
        check_restore(d, self.entries, self.heading.id)
        check_links(case, self.links)
        ids = tuple(c.id for _, c in self.entries)
        check_restore_records(case, self.records, set(ids))
        with case.changes.blocked():
            d.restore_category(self.index, self.heading, RemovedSubtree(self.entries))
        relink_causes(case, self.links)
        restore_records(case, self.records)
        back = (Change("cause_added", ids),) if ids else ()
        return done(case, RemoveHeading(self.heading.id),
                    Change("categories", (self.heading.id,)), *back, *link_changes(self.links),
                    *self.records.changes())


@dataclass(frozen=True)
class MoveHeading(Edit):
    """Move a heading to place ``index`` among the headings."""

    label: ClassVar[str] = "Reorder headings"
    heading_id: str
    index: int

    def apply(self, case: Case) -> Applied:
        d = case.fishbone
        find_heading(d, self.heading_id)
        index = check_index(self.index)
        if index is None or not 0 <= index < len(d.categories):
            raise EditError("There is no such place among the headings.")
        with case.changes.blocked():
            old = d.move_category(self.heading_id, index)
        return done(case, MoveHeading(self.heading_id, old),
                    Change("categories", (self.heading_id,)))


@dataclass(frozen=True)
class Grouped(Edit):
    """Several edits as one step that tells the stream once per kind of change: all or
    nothing, like ``Sequence``."""

    edits: tuple[Edit, ...]
    title: str = "Edit"

    def describe(self) -> str:
        return self.title

    def apply(self, case: Case) -> Applied:
        with case.changes.batch():
            result = Sequence(self.edits, self.title).apply(case)
        assert isinstance(result.inverse, Sequence)
        return Applied(Grouped(result.inverse.edits, self.title),
                       tuple(merge_changes(result.changes)))


@dataclass(frozen=True)
class ApplyHeadingPreset(Edit):
    """Switch to a preset's headings (``fishbone.model.PRESETS``) in one step.

    Headings the preset names (by name, or else by id) are kept and take the preset's
    spelling, missing ones are added, and the preset's order comes first. Headings outside
    the preset are removed when empty and kept, after the preset's, when they hold causes or
    ideas waiting in the room's inbox: applying a preset never loses a cause or an idea.
    """

    preset: str

    def describe(self) -> str:
        return f"Apply preset {self.preset}"  # our own preset names only

    def apply(self, case: Case) -> Applied:
        if self.preset not in PRESETS:
            raise EditError(f"There is no heading preset called {self.preset!r}.")
        return Grouped(preset_edits(case, self.preset), self.describe()).apply(case)


def preset_edits(case: Case, preset: str) -> tuple[Edit, ...]:
    """What switches ``case`` to ``preset``: renames and additions in the preset's order,
    then removals, then the moves that put the headings in order."""
    d = case.fishbone
    parts: list[Edit] = []
    used: set[str] = set()
    order: list[str] = []
    for preset_id, name in PRESETS[preset]:
        found = d.find_category(name)
        if found is None and d.has_category(preset_id):
            found = d.category(preset_id)
        if found is not None and found.id not in used:
            used.add(found.id)
            order.append(found.id)
            if found.name != name:
                parts.append(RenameHeading(found.id, name))
            continue
        new_id = preset_id
        if d.has_category(new_id) or new_id in order:
            new_id = d.new_category_id(name, order)
        parts.append(AddHeading(new_id, name))
        order.append(new_id)
    busy = {c.category for c in d.causes} | {i.category for i in case.room_ideas}
    for heading in d.categories:
        if heading.id in used:
            continue
        if heading.id in busy:
            order.append(heading.id)
        else:
            parts.append(RemoveHeading(heading.id))
    parts += [MoveHeading(heading_id, index) for index, heading_id in enumerate(order)]
    return tuple(parts)
