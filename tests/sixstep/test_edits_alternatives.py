"""Steps 4 and 5's verbs on alternatives: each applies, undoes to the same file, tells its
changes, or is refused; merging carries scores and causes by the one rule."""

from __future__ import annotations

import pytest

from sixstep.case import Alternative, Score
from sixstep.caseio import dumps_case, loads_case
from sixstep.edits.alternatives import (
    AddAlternative,
    EliminateAlternative,
    MergeAlternatives,
    MoveAlternative,
    RemoveAlternative,
    RestoreAlternative,
    SetAlternativeCauses,
    SetAlternativeText,
    new_alternative_id,
)
from tests.sixstep.edit_support import kinds, refused, round_trip, small_case


def _cells(case) -> dict:
    return {(s.alternative, s.criterion, s.participant): s.value for s in case.scores}


def test_add_and_move():
    case = small_case()
    case.alternatives[1].id = "a9"
    case.selection.chosen = ["a9"]
    case.scores = [s for s in case.scores if s.alternative != "a2"]
    assert new_alternative_id(case) == "a10"
    applied = round_trip(case, AddAlternative("Menu board", index=0))
    assert kinds(applied) == {"alternative_added": ("a10",)}
    assert (case.alternatives[0].id, case.alternatives[0].status) == ("a10", "open")
    applied = round_trip(case, MoveAlternative("a10", 3))
    assert kinds(applied) == {"alternative_moved": ("a10",)}
    assert [a.id for a in case.alternatives] == ["a1", "a9", "a3", "a10"]
    refused(case, MoveAlternative("a10", 4))
    refused(case, AddAlternative("Again", alternative_id="a1"), "taken")
    refused(case, AddAlternative("Late", index=7))


def test_remove_takes_scores_and_chosen_place_and_reopens_the_merged():
    case = small_case()
    MergeAlternatives(("a3",), "a2").apply(case)
    applied = round_trip(case, RemoveAlternative("a2"))
    assert kinds(applied) == {"alternative_removed": ("a2",), "scores": ("a2",),
                              "selection": ("selection.chosen",),
                              "alternative_status": ("a3",)}
    assert [a.id for a in case.alternatives] == ["a1", "a3"]
    assert not any(s.alternative == "a2" for s in case.scores)
    assert case.selection.chosen == ["a3"]
    assert (case.alternatives[1].status, case.alternatives[1].merged_into) == ("open", None)
    assert loads_case(dumps_case(case)).alternatives[1].status == "open"  # a valid file
    refused(case, RemoveAlternative("a2"), "no alternative")


def test_text_fields_merge_when_typing_in_one_field():
    case = small_case()
    applied = round_trip(case, SetAlternativeText("a2", "strengths", "Lasting and cheap"))
    assert kinds(applied) == {"alternative_changed.strengths": ("a2",)}
    for field in ("name", "weaknesses", "cost", "benefit"):
        round_trip(case, SetAlternativeText("a1", field, "Some text"))
    typing = SetAlternativeText("a1", "cost", "1")
    assert typing.merges_with(SetAlternativeText("a1", "cost", "10"))
    assert not typing.merges_with(SetAlternativeText("a1", "benefit", "10"))
    assert not typing.merges_with(SetAlternativeText("a2", "cost", "10"))
    assert not SetAlternativeText("a1", "cost", "1", typing=False).merges_with(typing)
    refused(case, SetAlternativeText("a1", "status", "merged"))
    refused(case, SetAlternativeText("a1", "name", None))  # type: ignore[arg-type]


def test_linked_causes_must_be_causes_of_the_fishbone():
    case = small_case()
    applied = round_trip(case, SetAlternativeCauses("a1", ("c3", "c1")))
    assert kinds(applied) == {"alternative_changed.addresses": ("a1",)}
    assert case.alternatives[0].addresses == ["c3", "c1"]
    refused(case, SetAlternativeCauses("a1", ("c1", "c9")), "no cause")
    refused(case, SetAlternativeCauses("a1", ("c1", "c1")))


def test_eliminate_only_an_open_one_and_restore():
    case = small_case()
    applied = round_trip(case, EliminateAlternative("a3", "Fails Safe"))
    assert kinds(applied) == {"alternative_status": ("a3",)}
    a3 = case.alternatives[2]
    assert (a3.status, a3.eliminated_reason) == ("eliminated", "Fails Safe")
    refused(case, EliminateAlternative("a3", "again"), "not open")
    applied = round_trip(case, RestoreAlternative("a3"))
    assert kinds(applied) == {"alternative_status": ("a3",)}
    assert (a3.status, a3.eliminated_reason, a3.merged_into) == ("open", "", None)
    refused(case, RestoreAlternative("a3"), "open already")


def test_merge_carries_only_the_cells_the_target_lacks_and_adds_links():
    case = small_case()
    applied = round_trip(case, MergeAlternatives(("a3",), "a2"))
    assert kinds(applied) == {"alternative_status": ("a3",),
                              "alternative_changed.addresses": ("a2",), "scores": ("a2",)}
    a2, a3 = case.alternatives[1], case.alternatives[2]
    assert (a3.status, a3.merged_into) == ("merged", "a2")
    assert a3.addresses == ["c2", "c3"] and a2.addresses == ["c2", "c3"]
    cells = _cells(case)
    assert cells[("a2", "k2", None)] == 4  # the target keeps its own
    assert cells[("a2", "k3", None)] == 6  # carried: only a3 had it
    assert cells[("a2", "k3", "p1")] == 5  # the target's own participant score stays
    assert cells[("a3", "k2", None)] == 9  # the merged one keeps its scores
    assert cells[("a2", "k1", None)] is True


def test_merge_two_averages_wants_and_fails_a_must_if_any_failed():
    case = small_case()
    case.scores = [s for s in case.scores if s.alternative != "a1"]
    case.scores.append(Score("a1", "k2", 5))
    round_trip(case, MergeAlternatives(("a2", "a3"), "a1"))
    cells = _cells(case)
    assert cells[("a1", "k2", None)] == 5  # the target's own
    assert cells[("a1", "k1", None)] is False  # a2 passed, a3 failed
    assert cells[("a1", "k3", "p1")] == 6.5  # mean of 8 and 5
    assert cells[("a1", "k3", None)] == 6
    assert case.alternatives[0].addresses == ["c1", "c2", "c3"]


def test_merge_rounds_a_carried_mean_to_two_decimals():
    case = small_case()
    case.alternatives.append(Alternative("a4", "Headsets"))
    case.scores = [Score("a2", "k2", 1), Score("a3", "k2", 2), Score("a4", "k2", 2)]
    round_trip(case, MergeAlternatives(("a2", "a3", "a4"), "a1"))
    assert _cells(case)[("a1", "k2", None)] == 1.67


@pytest.mark.parametrize("sources, target", [
    ((), "a1"), (("a1",), "a1"), (("a2", "a2"), "a1"), (("a9",), "a1"), (("a2",), "a9"),
])
def test_merge_refusals(sources, target):
    refused(small_case(), MergeAlternatives(sources, target))


def test_only_open_alternatives_merge():
    case = small_case()
    EliminateAlternative("a3", "Fails Safe").apply(case)
    refused(case, MergeAlternatives(("a3",), "a1"), "not open")
    refused(case, MergeAlternatives(("a1",), "a3"), "not open")
