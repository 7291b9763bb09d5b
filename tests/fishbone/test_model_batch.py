"""Setting one attribute of many causes at once: one change note, all or nothing."""

from __future__ import annotations

import pytest

from fishbone.model import Category, Cause, Change, Diagram, DiagramError


def diagram() -> Diagram:
    d = Diagram("E", [Category("k", "K")])
    for i in range(4):
        d.add_cause(Cause(f"c{i}", "k", None, f"cause {i}"))
    return d


def test_one_note_for_all_and_the_old_values_back():
    d = diagram()
    d.set_cause("c1", "votes", 3)
    notes: list[Change] = []
    d.subscribe(notes.append)
    old = d.set_causes("votes", {"c0": 2, "c1": 5, "c3": 1})
    assert old == {"c0": 0, "c1": 3, "c3": 0}
    assert [c.votes for c in d.causes] == [2, 5, 0, 1]
    assert notes == [Change("cause_changed", ("c0", "c1", "c3"), "votes")]


def test_a_refused_value_changes_nothing():
    d = diagram()
    with pytest.raises(DiagramError):
        d.set_causes("status", {"c0": "confirmed", "c1": "maybe"})
    with pytest.raises(DiagramError):
        d.set_causes("collapsed", {"c0": True, "nobody": True})
    assert all(c.status == "possible" and not c.collapsed for c in d.causes)
