"""Diagram rules that were once changed on purpose: whole-subtree removal, votes, fresh ids."""

from __future__ import annotations

import pytest

from fishbone.model import Category, Cause, Diagram, DiagramError


def grandchild_first() -> Diagram:
    """Causes in an order a file may hold: the grandchild before its parent and grandparent."""
    return Diagram("Effect", [Category("people", "People"), Category("tools", "Tools")], [
        Cause("c3", "people", "c2", "Grandchild"),
        Cause("c4", "tools", None, "Elsewhere"),
        Cause("c1", "people", None, "Top"),
        Cause("c2", "people", "c1", "Child"),
        Cause("c5", "people", "c3", "Great-grandchild"),
    ])


def test_removing_a_cause_takes_its_whole_subtree_whatever_the_list_order():
    d = grandchild_first()
    removed = d.remove_cause("c1")
    assert [c.id for c in d.causes] == ["c4"]
    assert sorted(c.id for _, c in removed.entries) == ["c1", "c2", "c3", "c5"]
    d.restore(removed)
    assert [c.id for c in d.causes] == ["c3", "c4", "c1", "c2", "c5"]


def test_removing_a_middle_cause_keeps_its_parent_and_takes_its_descendants():
    d = grandchild_first()
    d.remove_cause("c2")
    assert [c.id for c in d.causes] == ["c4", "c1"]


@pytest.mark.parametrize("votes", [-1, 1.5, 2.0, "3", None, True, False])
def test_votes_are_whole_numbers_never_negative_and_never_bools(votes):
    d = grandchild_first()
    with pytest.raises(DiagramError):
        d.set_cause("c1", "votes", votes)
    with pytest.raises(DiagramError):
        d.set_causes("votes", {"c1": 2, "c2": votes})
    assert [c.votes for c in d.causes] == [0, 0, 0, 0, 0]


def test_zero_and_positive_whole_votes_are_taken():
    d = grandchild_first()
    d.set_cause("c1", "votes", 0)
    d.set_causes("votes", {"c2": 4, "c3": 1})
    assert [c.votes for c in d.causes] == [1, 0, 0, 4, 0]


def test_a_new_cause_id_is_one_past_the_largest_and_gaps_are_never_filled():
    d = Diagram("Effect", [Category("people", "People")], [
        Cause("c1", "people", None, "a"), Cause("c2", "people", None, "b"),
        Cause("c5", "people", None, "c")])
    assert d.next_cause_id() == "c6"
    d.add_cause(Cause(d.next_cause_id(), "people", None, "d"))
    assert d.next_cause_id() == "c7"


def test_a_new_cause_id_ignores_ids_that_are_not_c_and_a_number():
    d = Diagram("Effect", [Category("people", "People")], [
        Cause("c2", "people", None, "a"), Cause("x9", "people", None, "b"),
        Cause("cause", "people", None, "c")])
    assert d.next_cause_id() == "c3"
    assert Diagram().next_cause_id() == "c1"
