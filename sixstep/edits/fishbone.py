"""The fishbone's causes and effect as case verbs: add, remove (with the whole subtree, the
alternatives' links to it, and its arrows and dots), move, set text and attributes, set the
effect.

Each edit works through the ``Diagram``'s own verbs, with the stream blocked while they run,
and tells the case's stream once, itself. The rule for links lives here, once: a case file
refuses an alternative that addresses a cause the diagram does not have, or an arrow or a dot
on such a cause, so whatever takes causes out of the diagram also takes their ids out of
``Alternative.addresses`` and their arrows and dots out of the case (``detach_cause_records``),
and its inverse puts them back in their old places. Headings are in ``sixstep.edits.headings``.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any, ClassVar

from fishbone.changes import Change
from fishbone.model import STATUSES, Category, Cause, Diagram, RemovedSubtree
from sixstep.case import Case
from sixstep.dots import dot_totals
from sixstep.edits.base import Applied, Edit, EditError, done
from sixstep.edits.dots import DetachedRecords, detach_cause_records, restore_records
from sixstep.edits.records import check_put_back
from sixstep.rules import RuleError, check_choice, check_text, check_votes

# (alternative id, its addresses before) for every alternative a removal unlinked
Links = tuple[tuple[str, tuple[str, ...]], ...]
Entries = tuple[tuple[int, Cause], ...]  # causes with their list index, in file order

ATTRIBUTE_LABELS: dict[str, str] = {
    "status": "Set status",
    "root_cause": "Mark root cause",
    "votes": "Vote",
    "notes": "Edit notes",
    "collapsed": "Collapse or expand",
}


# -- look-ups and value rules ------------------------------------------------------------------
def find_cause(diagram: Diagram, cause_id: Any) -> Cause:
    if not isinstance(cause_id, str) or not diagram.has_cause(cause_id):
        raise EditError(f"There is no cause with the id {cause_id!r}.")
    return diagram.cause(cause_id)


def find_heading(diagram: Diagram, heading_id: Any) -> Category:
    if not isinstance(heading_id, str) or not diagram.has_category(heading_id):
        raise EditError(f"There is no heading with the id {heading_id!r}.")
    return diagram.category(heading_id)


def check_flag(value: Any, what: str) -> bool:
    if not isinstance(value, bool):
        raise RuleError(f"{what} is yes or no.")
    return value


def check_cause_attribute(attribute: str, value: Any) -> Any:
    """One attribute of a cause (not its text), by the case's rules."""
    if attribute == "status":
        return check_choice(value, STATUSES, "A cause's status")
    if attribute == "votes":
        return check_votes(value)
    if attribute == "notes":
        return check_text(value, "A cause's notes")
    if attribute in ("root_cause", "collapsed"):
        return check_flag(value, "Root cause" if attribute == "root_cause" else "Collapsed")
    raise EditError(f"A cause has no attribute {attribute!r} to set.")


def check_votes_by_hand(case: Case, cause_ids: Iterable[str]) -> None:
    """Votes are set by hand only on causes that hold no dots: a cause's votes are the total
    of its dots once dots are recorded (the file loader's rule too)."""
    totals = dot_totals(case)
    if any(cause_id in totals for cause_id in cause_ids):
        raise EditError("This cause's votes are the total of its dots: cast or take back a dot.")


def check_index(index: Any, what: str = "The position") -> int | None:
    """A place among siblings or headings: None (the end) or a whole number from 0 (past the
    end counts as the end where the verb says so)."""
    if index is not None and (not isinstance(index, int) or isinstance(index, bool)
                              or index < 0):
        raise EditError(f"{what} is a whole number from 0.")
    return index


# -- links from alternatives to causes ---------------------------------------------------------
def unlink_causes(case: Case, cause_ids: Iterable[str]) -> Links:
    """Drop ``cause_ids`` from every alternative's links; return what undo needs."""
    gone = set(cause_ids)
    saved: list[tuple[str, tuple[str, ...]]] = []
    for alternative in case.alternatives:
        if gone.intersection(alternative.addresses):
            saved.append((alternative.id, tuple(alternative.addresses)))
            alternative.addresses = [c for c in alternative.addresses if c not in gone]
    return tuple(saved)


def check_links(case: Case, links: Links) -> None:
    known = {a.id for a in case.alternatives}
    for alternative_id, _ in links:
        if alternative_id not in known:
            raise EditError(f"There is no alternative with the id {alternative_id!r}.")


def relink_causes(case: Case, links: Links) -> None:
    """Give the alternatives back the links ``unlink_causes`` took away, in their old places."""
    for alternative_id, addresses in links:
        case.alternative(alternative_id).addresses = list(addresses)


def link_changes(links: Links) -> tuple[Change, ...]:
    if not links:
        return ()
    return (Change("alternative_changed", tuple(a for a, _ in links), "addresses"),)


def check_records(case: Case, records: DetachedRecords, coming: Iterable[str]) -> None:
    """The arrows and dots a removal took can go back: their places fit, and the causes and
    participants they name are there (or ``coming`` back with them)."""
    check_put_back(case.relations, records.relations)
    check_put_back(case.dots, records.dots)
    causes = {c.id for c in case.fishbone.causes} | set(coming)
    people = {p.id for p in case.participants}
    for _, relation in records.relations:
        if relation.source not in causes or relation.target not in causes:
            raise EditError("The arrows cannot go back: a cause they join is gone.")
    for _, dot in records.dots:
        if dot.cause not in causes or (dot.participant is not None
                                       and dot.participant not in people):
            raise EditError("The dots cannot go back: their cause or participant is gone.")


def check_restore(diagram: Diagram, entries: Entries, heading: str = "") -> None:
    """Causes can go back at these list indexes: new ids, known headings (or ``heading``,
    coming back with them) and parents."""
    ids = [c.id for _, c in entries]
    if len(set(ids)) != len(ids) or any(diagram.has_cause(i) for i in ids):
        raise EditError("These causes are in the diagram already.")
    coming = set(ids)
    last = -1
    for put, (index, cause) in enumerate(entries):
        if not isinstance(index, int) or not last < index <= len(diagram.causes) + put:
            raise EditError("The causes cannot go back where they were.")
        last = index
        if cause.category != heading or not heading:
            find_heading(diagram, cause.category)
        if cause.parent is not None and cause.parent not in coming:
            find_cause(diagram, cause.parent)


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
        check_index(self.index)
        new = replace(cause, category=category, extra=copy.deepcopy(cause.extra))
        with case.changes.blocked():
            d.add_cause(new, self.index)
        return done(case, RemoveCause(new.id), Change("cause_added", (new.id,)))


@dataclass(frozen=True)
class RemoveCause(Edit):
    """Remove a cause with its whole subtree, and the alternatives' links to any of them."""

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
        check_records(case, self.records, ids)
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
    merges into one step; the others are a step each."""

    cause_id: str
    attribute: str
    value: Any

    def describe(self) -> str:
        return ATTRIBUTE_LABELS.get(self.attribute, "Edit cause")

    def apply(self, case: Case) -> Applied:
        cause = find_cause(case.fishbone, self.cause_id)
        value = check_cause_attribute(self.attribute, self.value)
        if self.attribute == "votes":
            check_votes_by_hand(case, (cause.id,))
        with case.changes.blocked():
            old = case.fishbone.set_cause(cause.id, self.attribute, value)
        return done(case, SetCauseAttribute(cause.id, self.attribute, old),
                    Change("cause_changed", (cause.id,), self.attribute))

    def merges_with(self, other: Edit) -> bool:
        return (isinstance(other, SetCauseAttribute) and self.attribute == "notes"
                and (other.cause_id, other.attribute) == (self.cause_id, self.attribute))


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
        if self.attribute == "votes":
            check_votes_by_hand(case, values)
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
