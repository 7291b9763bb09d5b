"""Step 3's verbs: each applies, undoes to the same file, tells its changes, or is refused."""

from __future__ import annotations

import math

import pytest

from sixstep.caseio import CaseFormatError, dumps_case, loads_case
from sixstep.edits.criteria import (
    AddCriterion,
    ApplyWeights,
    MoveCriterion,
    RemoveCriterion,
    SetCriterionKind,
    SetCriterionText,
    SetCriterionWeight,
    new_criterion_id,
)
from tests.sixstep.edit_support import kinds, refused, round_trip, small_case


def test_add_takes_one_past_the_largest_id_and_a_must_has_no_weight():
    case = small_case()
    case.criteria[2].id = "k7"
    assert new_criterion_id(case) == "k8"  # never k3, the gap
    applied = round_trip(case, AddCriterion("Legal", "must", 3, index=1))
    assert kinds(applied) == {"criterion_added": ("k8",)}
    assert [c.id for c in case.criteria] == ["k1", "k8", "k2", "k7"]
    assert (case.criteria[1].kind, case.criteria[1].weight) == ("must", None)
    round_trip(case, AddCriterion("Quiet", weight=2.0))
    assert (case.criteria[-1].id, case.criteria[-1].weight) == ("k9", 2)


@pytest.mark.parametrize("edit", [
    AddCriterion("Legal", "maybe"), AddCriterion("Legal", weight=0),
    AddCriterion("Legal", index=9), AddCriterion("Legal", criterion_id="k2"),
    AddCriterion(42),  # type: ignore[arg-type]
])
def test_add_refusals(edit):
    refused(small_case(), edit)


def test_remove_takes_the_scores_and_undo_puts_them_back_in_place():
    case = small_case()
    applied = round_trip(case, RemoveCriterion("k3"))
    assert kinds(applied) == {"criterion_removed": ("k3",), "scores": ("a3", "a2")}
    assert [c.id for c in case.criteria] == ["k1", "k2"]
    assert not any(s.criterion == "k3" for s in case.scores)
    bare = small_case()
    bare.scores = []
    assert kinds(RemoveCriterion("k2").apply(bare)) == {"criterion_removed": ("k2",)}
    refused(case, RemoveCriterion("k3"), "no criterion")


def test_move():
    case = small_case()
    applied = round_trip(case, MoveCriterion("k3", 0))
    assert kinds(applied) == {"criterion_moved": ("k3",)}
    assert [c.id for c in case.criteria] == ["k3", "k1", "k2"]
    refused(case, MoveCriterion("k3", 3))
    refused(case, MoveCriterion("k3", -1))


def test_text_fields_and_typing_merges_in_one_field_only():
    case = small_case()
    applied = round_trip(case, SetCriterionText("k2", "description", "Under 100 a month"))
    assert kinds(applied) == {"criterion_changed.description": ("k2",)}
    round_trip(case, SetCriterionText("k2", "name", "Cheaper"))
    typing = SetCriterionText("k2", "name", "C")
    assert typing.merges_with(SetCriterionText("k2", "name", "Ch"))
    assert not typing.merges_with(SetCriterionText("k2", "description", "Ch"))
    assert not typing.merges_with(SetCriterionText("k3", "name", "Ch"))
    assert not typing.merges_with(SetCriterionText("k2", "name", "Ch", typing=False))
    refused(case, SetCriterionText("k2", "kind", "must"))
    refused(case, SetCriterionText("k2", "name", "x" * 100_001))
    refused(case, SetCriterionText("k2", "name", "\ud800"))


def test_weight_uses_the_one_weight_rule():
    case = small_case()
    applied = round_trip(case, SetCriterionWeight("k2", 7.0))
    assert kinds(applied) == {"criterion_changed.weight": ("k2",)}
    assert case.criteria[1].weight == 7 and isinstance(case.criteria[1].weight, int)
    round_trip(case, SetCriterionWeight("k2", None))  # not weighted yet
    for bad in (0, -1, math.inf, float("1e400"), math.nan, True, "3", 2e9):
        refused(case, SetCriterionWeight("k2", bad))  # type: ignore[arg-type]
    refused(case, SetCriterionWeight("k1", 3), "no weight")


@pytest.mark.parametrize("text", ["Infinity", "1e400", "NaN", "0", "-2", "1e10", "true"])
def test_the_loader_refuses_the_same_weights(text):
    data = dumps_case(small_case()).decode().replace('"weight": 5,', f'"weight": {text},')
    assert text in data
    with pytest.raises(CaseFormatError, match=r"criteria\[2\]\.weight"):
        loads_case(data)


def test_kind_change_drops_weight_and_scores_in_one_edit():
    case = small_case()
    applied = round_trip(case, SetCriterionKind("k2", "must"))
    assert kinds(applied) == {"criterion_changed.kind": ("k2",), "scores": ("a1", "a2", "a3")}
    assert (case.criteria[1].kind, case.criteria[1].weight) == ("must", None)
    assert not any(s.criterion == "k2" for s in case.scores)
    applied = round_trip(case, SetCriterionKind("k1", "want"))
    assert (case.criteria[0].kind, case.criteria[0].weight) == ("want", None)
    assert SetCriterionKind("k1", "must").apply(small_case()).changes == ()  # already a must
    refused(case, SetCriterionKind("k1", "should"))


def test_apply_weights_at_once():
    case = small_case()
    applied = round_trip(case, ApplyWeights((("k2", 0.6667), ("k3", 0.3333))))
    assert kinds(applied) == {"criterion_changed.weight": ("k2", "k3")}
    assert [c.weight for c in case.criteria] == [None, 0.6667, 0.3333]
    refused(case, ApplyWeights((("k2", 2), ("k1", 1))), "must")
    refused(case, ApplyWeights((("k2", 2), ("k3", math.inf))))
    assert applied.inverse.describe() == "Apply proposed weights"
