"""Push, undo and redo round trips for the criteria, alternatives and score commands."""

import copy

import pytest

from sixstep.case import Alternative, Case, Criterion, Score
from ui.document.document import CaseDocument
from ui.document.scoring_commands import (
    ApplyWeightsCommand,
    EliminateAlternativeCommand,
    MergeAlternativesCommand,
    RemoveAlternativeCommand,
    RemoveCriterionCommand,
    RestoreAlternativeCommand,
    SetCriterionKindCommand,
    SetScoreCommand,
    add_alternative_command,
    add_criterion_command,
    move_alternative_command,
    move_criterion_command,
    set_alternative_field_command,
    set_criterion_field_command,
)


def _case() -> Case:
    case = Case()
    case.criteria = [Criterion("k1", "Safe", "must"), Criterion("k2", "Cheap", "want", 10),
                     Criterion("k3", "Fast", "want", 5)]
    case.alternatives = [Alternative("a1", "Read back", addresses=["c1"]),
                         Alternative("a2", "Train", addresses=["c2"]),
                         Alternative("a3", "Role-play", addresses=["c2", "c3"])]
    case.scores = [Score("a1", "k1", True), Score("a1", "k2", 7),
                   Score("a2", "k2", 4), Score("a3", "k2", 9), Score("a3", "k3", 6),
                   Score("a2", "k1", True), Score("a3", "k1", False),
                   Score("a3", "k3", 8, "p1"), Score("a2", "k3", 5, "p1")]
    case.selection.chosen = ["a2"]
    return case


def _state(case: Case) -> tuple:
    return copy.deepcopy((case.criteria, case.not_addressed, case.alternatives, case.scores,
                          case.selection))


def _round_trip(doc: CaseDocument, push) -> None:
    """Push, then check undo gives the starting state back and redo the changed one."""
    before = _state(doc.case)
    push()
    after = _state(doc.case)
    assert after != before
    doc.undo_stack.undo()
    assert _state(doc.case) == before
    doc.undo_stack.redo()
    assert _state(doc.case) == after


def _key(case: Case) -> dict:
    return {(s.alternative, s.criterion, s.participant): s.value for s in case.scores}


def test_set_and_clear_a_score(qtbot):
    doc = CaseDocument(_case())
    seen = []
    doc.changed.connect(lambda change: seen.append(change.kind))
    _round_trip(doc, lambda: doc.push(SetScoreCommand(doc, "a1", "k3", 6.0)))
    assert _key(doc.case)[("a1", "k3", None)] == 6 and isinstance(doc.case.scores[-1].value, int)
    _round_trip(doc, lambda: doc.push(SetScoreCommand(doc, "a1", "k2", 9)))
    assert _key(doc.case)[("a1", "k2", None)] == 9
    assert doc.case.scores[1].criterion == "k2"  # replaced in place, not moved
    _round_trip(doc, lambda: doc.push(SetScoreCommand(doc, "a1", "k2", None)))
    assert ("a1", "k2", None) not in _key(doc.case)
    _round_trip(doc, lambda: doc.push(SetScoreCommand(doc, "a2", "k3", 2, "p1")))
    assert _key(doc.case)[("a2", "k3", "p1")] == 2
    assert "scores" in seen
    assert doc.undo_stack.count() == 4


@pytest.mark.parametrize("criterion, value", [("k1", 5), ("k2", True), ("k2", 11), ("k2", 0)])
def test_scores_of_the_wrong_kind_or_range_are_refused(qtbot, criterion, value):
    doc = CaseDocument(_case())
    with pytest.raises(ValueError):
        SetScoreCommand(doc, "a1", criterion, value)


def test_eliminate_and_restore(qtbot):
    doc = CaseDocument(_case())
    _round_trip(doc, lambda: doc.push(EliminateAlternativeCommand(doc, "a3", "Fails Safe")))
    a3 = doc.case.alternative("a3")
    assert (a3.status, a3.eliminated_reason) == ("eliminated", "Fails Safe")
    with pytest.raises(ValueError):
        EliminateAlternativeCommand(doc, "a3", "again")
    _round_trip(doc, lambda: doc.push(RestoreAlternativeCommand(doc, "a3")))
    assert (a3.status, a3.eliminated_reason) == ("open", "")


def test_merge_keeps_originals_and_reconciles_scores(qtbot):
    doc = CaseDocument(_case())
    _round_trip(doc, lambda: doc.push(MergeAlternativesCommand(doc, ["a3"], "a2")))
    case = doc.case
    a2, a3 = case.alternative("a2"), case.alternative("a3")
    assert (a3.status, a3.merged_into) == ("merged", "a2")
    assert a3.addresses == ["c2", "c3"]  # the original keeps its links
    assert a2.addresses == ["c2", "c3"]  # and the merged-into one gains them
    scores = _key(case)
    assert scores[("a2", "k2", None)] == 4  # the target keeps its own score
    assert scores[("a2", "k3", None)] == 6  # carried over: only a3 had it
    assert scores[("a2", "k3", "p1")] == 5  # the target's own participant score stays
    assert scores[("a3", "k2", None)] == 9  # the merged alternative keeps its scores
    assert scores[("a2", "k1", None)] is True  # the target's own pass is kept


def test_merge_two_into_one_averages_and_fails_must_if_any_failed(qtbot):
    case = _case()
    case.scores = [Score("a2", "k2", 4), Score("a3", "k2", 9), Score("a3", "k1", False),
                   Score("a2", "k1", True)]
    doc = CaseDocument(case)
    doc.push(MergeAlternativesCommand(doc, ["a2", "a3"], "a1"))
    scores = _key(doc.case)
    assert scores[("a1", "k2", None)] == 6.5
    assert scores[("a1", "k1", None)] is False
    with pytest.raises(ValueError):
        MergeAlternativesCommand(doc, ["a2"], "a1")  # a2 is merged already
    with pytest.raises(ValueError):
        MergeAlternativesCommand(doc, ["a1"], "a1")


def test_remove_alternative_takes_scores_and_selection_and_reopens_merged(qtbot):
    doc = CaseDocument(_case())
    doc.push(MergeAlternativesCommand(doc, ["a3"], "a2"))
    _round_trip(doc, lambda: doc.push(RemoveAlternativeCommand(doc, "a2")))
    case = doc.case
    assert [a.id for a in case.alternatives] == ["a1", "a3"]
    assert not any(s.alternative == "a2" for s in case.scores)
    assert case.selection.chosen == []
    assert (case.alternative("a3").status, case.alternative("a3").merged_into) == ("open", None)


def test_add_move_and_edit_alternatives(qtbot):
    doc = CaseDocument(_case())
    _round_trip(doc, lambda: doc.push(add_alternative_command(doc, "Menu board")))
    assert doc.case.alternatives[-1].id == "a4"
    _round_trip(doc, lambda: doc.push(move_alternative_command(doc, 3, 0)))
    assert doc.case.alternatives[0].name == "Menu board"
    for text in ("C", "Ch", "Cheap"):
        doc.push(set_alternative_field_command(doc, "a4", "strengths", text))
    assert doc.case.alternative("a4").strengths == "Cheap"
    doc.undo_stack.undo()
    assert doc.case.alternative("a4").strengths == ""


def test_criteria_commands(qtbot):
    doc = CaseDocument(_case())
    _round_trip(doc, lambda: doc.push(add_criterion_command(doc, "Legal", "must", 3)))
    assert doc.case.criteria[-1].id == "k4" and doc.case.criteria[-1].weight is None
    _round_trip(doc, lambda: doc.push(move_criterion_command(doc, 3, 1)))
    assert [c.id for c in doc.case.criteria] == ["k1", "k4", "k2", "k3"]
    _round_trip(doc, lambda: doc.push(set_criterion_field_command(doc, "k2", "weight", 7.0)))
    assert doc.case.criterion("k2").weight == 7
    with pytest.raises(ValueError):
        set_criterion_field_command(doc, "k1", "weight", 3)
    with pytest.raises(ValueError):
        set_criterion_field_command(doc, "k2", "weight", 0)
    _round_trip(doc, lambda: doc.push(RemoveCriterionCommand(doc, "k3")))
    assert "k3" not in [c.id for c in doc.case.criteria]
    assert not any(s.criterion == "k3" for s in doc.case.scores)


def test_changing_kind_drops_weight_and_scores_in_one_step(qtbot):
    doc = CaseDocument(_case())
    _round_trip(doc, lambda: doc.push(set_criterion_field_command(doc, "k2", "kind", "must")))
    k2 = doc.case.criterion("k2")
    assert (k2.kind, k2.weight) == ("must", None)
    assert not any(s.criterion == "k2" for s in doc.case.scores)
    assert doc.undo_stack.count() == 1
    doc.push(SetCriterionKindCommand(doc, "k2", "want"))
    assert (k2.kind, k2.weight) == ("want", None)


def test_apply_weights_is_one_step(qtbot):
    doc = CaseDocument(_case())
    _round_trip(doc, lambda: doc.push(ApplyWeightsCommand(doc, {"k2": 0.6667, "k3": 0.3333})))
    assert [c.weight for c in doc.case.criteria] == [None, 0.6667, 0.3333]
    assert doc.undo_stack.count() == 1
    with pytest.raises(ValueError):
        ApplyWeightsCommand(doc, {"k1": 1})
