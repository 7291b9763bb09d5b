"""What the fishbone's edits share: finding causes and headings, the checks on a cause's
attributes (by ``sixstep.rules``), and the alternatives' links that go and come back with
removed causes."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from fishbone.changes import Change
from fishbone.model import Category, Cause, Diagram
from sixstep.case import Case
from sixstep.dots import dot_totals
from sixstep.edits.base import EditError
from sixstep.rules import (
    RuleError,
    check_cause_status,
    check_flag,
    check_root_cause,
    check_text,
    check_votes,
)

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


def check_cause_attribute(attribute: str, value: Any) -> Any:
    """One attribute of a cause (not its text), by the case's rules."""
    if attribute == "status":
        return check_cause_status(value)
    if attribute == "votes":
        return check_votes(value)
    if attribute == "notes":
        return check_text(value, "A cause's notes")
    if attribute in ("root_cause", "collapsed"):
        return check_flag(value, "Root cause" if attribute == "root_cause" else "Collapsed")
    raise EditError(f"A cause has no attribute {attribute!r} to set.")


def check_root_rule(cause: Cause, attribute: str, value: Any) -> None:
    """Setting a cause's status or root mark keeps the method's rule
    (``sixstep.rules.check_root_cause``); a file's ruled-out root cause may still be mended."""
    if attribute not in ("status", "root_cause"):
        return
    status = value if attribute == "status" else cause.status
    root = value if attribute == "root_cause" else cause.root_cause
    try:
        check_root_cause(status, root)
    except RuleError as error:
        hint = ("Unmark it as the root cause first." if attribute == "status"
                else "Confirm it first.")
        raise RuleError(f"{error} {hint}") from None


def check_index(index: Any, what: str = "The position") -> int | None:
    """A place among siblings or headings: None (the end) or a whole number from 0."""
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


def check_votes_match_dots(case: Case, cause_id: str, votes: int) -> None:
    """Votes set by hand on a cause that holds dots must be their total (the file's rule)."""
    total = dot_totals(case).get(cause_id)
    if total is not None and votes != total:
        raise EditError(f"This cause holds {total} dots: its votes are their total.")
