"""The fishbone's causes and effect as case verbs: add, remove (with the whole subtree, the
alternatives' links to it, and its arrows and dots), move, set text and attributes, set the
effect.

Each edit works through the ``Diagram``'s own verbs, with the stream blocked while they run,
and tells the case's stream once, itself. What goes with a removed cause lives here, once: a
case file refuses an alternative that addresses a cause the diagram does not have, and an
arrow or a dot on one, so whatever takes causes out of the diagram also takes their ids out of
``Alternative.addresses`` and their records out of ``relations`` and ``dots``
(``sixstep.edits.dots.detach_cause_records``), and its inverse puts them back in their old
places. A cause's votes stay the total of its dots: setting the votes of a cause that holds
dots goes through the room's anonymous dots (see ``SetCauseAttribute``). Headings are in
``sixstep.edits.headings``.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, replace
from typing import Any, ClassVar

from fishbone.changes import Change
from fishbone.model import Cause, Diagram, RemovedSubtree
from sixstep.case import Case
from sixstep.dots import dot_totals
from sixstep.edits.base import Applied, Edit, EditError, done
from sixstep.edits.cause_checks import (
    ATTRIBUTE_LABELS,
    Entries,
    Links,
    check_cause_attribute,
    check_index,
    check_links,
    check_restore,
    check_root_rule,
    check_votes_match_dots,
    find_cause,
    find_heading,
    link_changes,
    relink_causes,
    unlink_causes,
)
from sixstep.edits.dots import (
    DetachedRecords,
    RestoreDots,
    check_restore_records,
    detach_cause_records,
    restore_records,
    set_votes_through_dots,
)
from sixstep.rules import check_root_cause, check_text


# -- causes --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class AddCause(Edit):
    """Add ``cause`` (a copy of it) as the ``index``-th child of its parent (None: the end).
    A sub-cause takes its parent's heading."""

    label: ClassVar[str] = "Add cause"
    cause: Cause
    index: int | None = None

    def apply(self, case: Case) -> Applied:
        d, cause = case.fishbone, self.cause
        if not isinstance(cause.id, str) or not cause.id:
            raise EditError("A cause needs an id.")
        if d.has_cause(cause.id):
            raise EditError(f"There is a cause with the id {cause.id!r} already.")
        if cause.parent is None:
            category = find_heading(d, cause.category).id
        else:
            category = find_cause(d, cause.parent).category
        check_text(cause.text, "A cause's text")
        for attribute in ATTRIBUTE_LABELS:
            check_cause_attribute(attribute, getattr(cause, attribute))
        check_root_cause(cause.status, cause.root_cause)
        check_index(self.index)
        new = replace(cause, category=category, extra=copy.deepcopy(cause.extra))
        with case.changes.blocked():
            d.add_cause(new, self.index)
        return done(case, RemoveCause(new.id), Change("cause_added", (new.id,)))


@dataclass(frozen=True)
class RemoveCause(Edit):
    """Remove a cause with its whole subtree, the alternatives' links to any of them, and the
    arrows and dots on them."""

    label: ClassVar[str] = "Remove cause"
    cause_id: str

    def apply(self, case: Case) -> Applied:
        d = case.fishbone
        find_cause(d, self.cause_id)
        with case.changes.blocked():
            removed = d.remove_cause(self.cause_id)
        ids = tuple(c.id for _, c in removed.entries)
        links = unlink_causes(case, ids)
        records = detach_cause_records(case, ids)
        return done(case, RestoreCauses(removed.entries, links, records),
                    Change("cause_removed", ids), *link_changes(links), *records.changes())


@dataclass(frozen=True)
class RestoreCauses(Edit):
    """Undo of ``RemoveCause``: the very causes back at their old list indexes (the first
    entry is the removed subtree's top), and the links, arrows and dots back in their old
    places."""

    label: ClassVar[str] = "Restore causes"
    entries: Entries
    links: Links = ()
    records: DetachedRecords = DetachedRecords()

    def apply(self, case: Case) -> Applied:
        d = case.fishbone
        if not self.entries:
            raise EditError("There are no causes to put back.")
        check_restore(d, self.entries)
        check_links(case, self.links)
        ids = {c.id for _, c in self.entries}
        check_restore_records(case, self.records, ids)
        top = next(c.id for _, c in self.entries if c.parent not in ids)
        with case.changes.blocked():
            d.restore(RemovedSubtree(self.entries))
        relink_causes(case, self.links)
        restore_records(case, self.records)
        return done(case, RemoveCause(top),
                    Change("cause_added", tuple(c.id for _, c in self.entries)),
                    *link_changes(self.links), *self.records.changes())


def check_target(d: Diagram, cause_id: str, category_id: str,
                 parent_id: str | None) -> tuple[Cause, str]:
    """The cause, and the heading it would sit under at the new place."""
    cause = find_cause(d, cause_id)
    if parent_id is None:
        return cause, find_heading(d, category_id).id
    parent = find_cause(d, parent_id)
    if parent.id == cause_id or d.is_descendant(parent.id, cause_id):
        raise EditError("A cause cannot go under itself or its own sub-causes.")
    return cause, parent.category


@dataclass(frozen=True)
class MoveCause(Edit):
    """Move a cause with its subtree under another parent or heading. ``index`` counts among
    the new siblings once the cause has left its old place (None: the end)."""

    label: ClassVar[str] = "Move cause"
    cause_id: str
    category_id: str
    parent_id: str | None
    index: int | None = None

    def apply(self, case: Case) -> Applied:
        d = case.fishbone
        cause, category = check_target(d, self.cause_id, self.category_id, self.parent_id)
        check_index(self.index)
        inverse = ReturnCause(cause.id, cause.category, cause.parent,
                              tuple(c.id for c in d.causes))
        with case.changes.blocked():
            d.move_cause(cause.id, category, self.parent_id, self.index)
        moved = tuple(c.id for c in d.subtree(cause.id))
        return done(case, inverse, Change("cause_moved", moved))


@dataclass(frozen=True)
class ReturnCause(Edit):
    """Undo of ``MoveCause``: the cause back under its old parent and heading, and the whole
    list of causes back in the old ``order`` (ids), even where a file did not keep subtrees
    together."""

    label: ClassVar[str] = "Move cause"
    cause_id: str
    category_id: str
    parent_id: str | None
    order: tuple[str, ...]

    def apply(self, case: Case) -> Applied:
        d = case.fishbone
        cause, category = check_target(d, self.cause_id, self.category_id, self.parent_id)
        if sorted(self.order) != sorted(c.id for c in d.causes):
            raise EditError("The causes have changed since the move.")
        inverse = MoveCause(cause.id, cause.category, cause.parent, d.sibling_index(cause.id))
        place = {cause_id: i for i, cause_id in enumerate(self.order)}
        with case.changes.blocked():
            d.move_cause(cause.id, category, self.parent_id)
            block = d.remove_cause(cause.id).entries
            d.restore(RemovedSubtree(tuple(sorted(
                ((place[c.id], c) for _, c in block), key=lambda entry: entry[0]))))
        return done(case, inverse, Change("cause_moved", tuple(c.id for _, c in block)))


@dataclass(frozen=True)
class SetCauseText(Edit):
    """A cause's text; typing into the same cause merges into one step."""

    label: ClassVar[str] = "Edit cause text"
    cause_id: str
    text: str

    def apply(self, case: Case) -> Applied:
        cause = find_cause(case.fishbone, self.cause_id)
        text = check_text(self.text, "A cause's text")
        with case.changes.blocked():
            old = case.fishbone.set_cause(cause.id, "text", text)
        return done(case, SetCauseText(cause.id, old),
                    Change("cause_changed", (cause.id,), "text"))

    def merges_with(self, other: Edit) -> bool:
        return isinstance(other, SetCauseText) and other.cause_id == self.cause_id


@dataclass(frozen=True)
class SetCauseAttribute(Edit):
    """One attribute of a cause: status, root_cause, votes, notes or collapsed. Typing notes
    merges into one step; the others are a step each.

    A ruled-out cause is never made the root cause, nor a root cause ruled out. The votes of
    a cause that holds dots stay the total of its dots: the room's anonymous dots on it make
    up the difference (refused below the participants' own dots), and undo puts the dots
    back as they were."""

    cause_id: str
    attribute: str
    value: Any

    def describe(self) -> str:
        return ATTRIBUTE_LABELS.get(self.attribute, "Edit cause")

    def apply(self, case: Case) -> Applied:
        cause = find_cause(case.fishbone, self.cause_id)
        value = check_cause_attribute(self.attribute, self.value)
        check_root_rule(cause, self.attribute, value)
        if self.attribute == "votes" and cause.id in dot_totals(case):
            inverse = RestoreDots.snapshot(case, (cause.id,))
            set_votes_through_dots(case, cause.id, value)
            return done(case, inverse, Change("dots", (cause.id,)),
                        Change("cause_changed", (cause.id,), "votes"))
        with case.changes.blocked():
            old = case.fishbone.set_cause(cause.id, self.attribute, value)
        return done(case, PutBackCauseAttribute(cause.id, self.attribute, old),
                    Change("cause_changed", (cause.id,), self.attribute))

    def merges_with(self, other: Edit) -> bool:
        return (isinstance(other, SetCauseAttribute) and self.attribute == "notes"
                and (other.cause_id, other.attribute) == (self.cause_id, self.attribute))


@dataclass(frozen=True)
class PutBackCauseAttribute(Edit):
    """Undo of ``SetCauseAttribute``: the value exactly as it was, even a ruled-out root
    cause that an older file holds (the step 2 check tells of it). Votes only go back where
    they stay the total of the cause's dots."""

    cause_id: str
    attribute: str
    value: Any

    def describe(self) -> str:
        return ATTRIBUTE_LABELS.get(self.attribute, "Edit cause")

    def apply(self, case: Case) -> Applied:
        cause = find_cause(case.fishbone, self.cause_id)
        value = check_cause_attribute(self.attribute, self.value)
        if self.attribute == "votes":
            check_votes_match_dots(case, cause.id, value)
        with case.changes.blocked():
            old = case.fishbone.set_cause(cause.id, self.attribute, value)
        return done(case, SetCauseAttribute(cause.id, self.attribute, old),
                    Change("cause_changed", (cause.id,), self.attribute))


@dataclass(frozen=True)
class SetCausesAttribute(Edit):
    """One attribute of many causes at once (collapse all, expand all): one step and one
    change note, so the diagram is laid out once rather than once per cause."""

    attribute: str
    values: tuple[tuple[str, Any], ...]  # (cause id, value)
    title: str = ""

    def describe(self) -> str:
        return self.title or ATTRIBUTE_LABELS.get(self.attribute, "Edit causes")

    def apply(self, case: Case) -> Applied:
        d = case.fishbone
        values = {find_cause(d, cause_id).id: check_cause_attribute(self.attribute, value)
                  for cause_id, value in self.values}
        for cause_id, value in values.items():
            check_root_rule(d.cause(cause_id), self.attribute, value)
            if self.attribute == "votes":
                check_votes_match_dots(case, cause_id, value)
        with case.changes.blocked():
            old = d.set_causes(self.attribute, values)
        return done(case, _PutBackCausesAttribute(self.attribute, tuple(old.items()),
                                                  self.title),
                    Change("cause_changed", tuple(values), self.attribute))


@dataclass(frozen=True)
class _PutBackCausesAttribute(Edit):
    """Undo of ``SetCausesAttribute``: the values exactly as they were (see
    ``PutBackCauseAttribute``)."""

    attribute: str
    values: tuple[tuple[str, Any], ...]
    title: str = ""

    def describe(self) -> str:
        return self.title or ATTRIBUTE_LABELS.get(self.attribute, "Edit causes")

    def apply(self, case: Case) -> Applied:
        d = case.fishbone
        values = {find_cause(d, cause_id).id: check_cause_attribute(self.attribute, value)
                  for cause_id, value in self.values}
        for cause_id, value in values.items():
            if self.attribute == "votes":
                check_votes_match_dots(case, cause_id, value)
        with case.changes.blocked():
            old = d.set_causes(self.attribute, values)
        return done(case, SetCausesAttribute(self.attribute, tuple(old.items()), self.title),
                    Change("cause_changed", tuple(values), self.attribute))


@dataclass(frozen=True)
class SetEffect(Edit):
    """The effect in the fish's head; typing merges into one step."""

    label: ClassVar[str] = "Edit effect"
    text: str

    def apply(self, case: Case) -> Applied:
        text = check_text(self.text, "The effect")
        with case.changes.blocked():
            old = case.fishbone.set_effect(text)
        return done(case, SetEffect(old), Change("effect", ("effect",)))

    def merges_with(self, other: Edit) -> bool:
        return isinstance(other, SetEffect)
