"""Shared by the edit tests: a small scored case, and checks that an edit applies, undoes to
the very same file, redoes, tells what it changed, and that a refused edit changes nothing."""

from __future__ import annotations

import pytest

from fishbone.changes import Change
from fishbone.model import Category, Cause, Diagram
from sixstep.case import Alternative, Case, Criterion, Participant, Score
from sixstep.caseio import dumps_case
from sixstep.edits.base import Applied, Edit
from sixstep.rules import RuleError


def small_case() -> Case:
    """Three criteria (a must first), three alternatives, two participants and the group."""
    case = Case()
    case.fishbone = Diagram("Orders go wrong", [Category("g1", "People")], [
        Cause("c1", "g1", None, "Rushed"), Cause("c2", "g1", None, "Noise"),
        Cause("c3", "g1", "c2", "Fryer alarm")])
    case.criteria = [Criterion("k1", "Safe", "must"), Criterion("k2", "Cheap", "want", 10.0),
                     Criterion("k3", "Fast", "want", 5, extra={"colour": "red"})]
    case.alternatives = [Alternative("a1", "Read back", addresses=["c1"]),
                         Alternative("a2", "Train", addresses=["c2"], strengths="Lasting"),
                         Alternative("a3", "Role-play", addresses=["c2", "c3"])]
    case.participants = [Participant("p1", "Ann"), Participant("p2", "Ben")]
    case.scores = [Score("a1", "k1", True), Score("a1", "k2", 7.0),
                   Score("a2", "k2", 4), Score("a3", "k2", 9), Score("a3", "k3", 6),
                   Score("a2", "k1", True), Score("a3", "k1", False),
                   Score("a3", "k3", 8, "p1", {"note": "kept"}), Score("a2", "k3", 5, "p1")]
    case.selection.chosen = ["a2", "a3"]
    return case


class Heard:
    """Every change the case's stream tells while it listens."""

    def __init__(self, case: Case) -> None:
        self.changes: list[Change] = []
        case.changes.subscribe(self._on_change)

    def _on_change(self, change: Change) -> None:
        self.changes.append(change)

    def kinds(self) -> list[str]:
        return [c.kind for c in self.changes]


def round_trip(case: Case, edit: Edit) -> Applied:
    """Apply ``edit``; its inverse gives the file back byte for byte, and the inverse of that
    the changed file again. Returns what the first apply did (its changes were told)."""
    before = dumps_case(case)
    heard = Heard(case)
    applied = edit.apply(case)
    after = dumps_case(case)
    assert after != before
    assert tuple(heard.changes) == applied.changes and applied.changes
    redo = applied.inverse.apply(case).inverse
    assert dumps_case(case) == before
    again = redo.apply(case)
    assert dumps_case(case) == after
    again.inverse.apply(case)
    assert dumps_case(case) == before
    edit.apply(case)
    assert dumps_case(case) == after
    return applied


def refused(case: Case, edit: Edit, match: str = "") -> None:
    """``edit`` raises a RuleError (saying ``match``), tells nothing and changes nothing."""
    before = dumps_case(case)
    heard = Heard(case)
    with pytest.raises(RuleError, match=match or None):
        edit.apply(case)
    assert dumps_case(case) == before
    assert heard.changes == []


def kinds(applied: Applied) -> dict[str, tuple[str, ...]]:
    """Each change's kind (with its attribute, if any) and ids."""
    return {c.kind + (f".{c.attribute}" if c.attribute else ""): c.ids for c in applied.changes}
