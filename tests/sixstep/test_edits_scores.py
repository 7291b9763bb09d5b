"""Step 5's cell verb and the scoring setup: each applies, undoes to the same file, tells its
changes, or is refused; the loader and the verb share one score rule."""

from __future__ import annotations

import math

import pytest

from sixstep.case import Score
from sixstep.caseio import CaseFormatError, dumps_case, loads_case
from sixstep.edits.scores import SetScore
from sixstep.edits.setup import (
    ChangeScoringSetup,
    new_participant_id,
    scores_given,
    scores_outside,
)
from tests.sixstep.edit_support import kinds, refused, round_trip, small_case

PEOPLE = (("p1", "Ann"), ("p2", "Ben"))


def _cells(case) -> dict:
    return {(s.alternative, s.criterion, s.participant): s.value for s in case.scores}


def test_set_a_new_cell_then_change_it_in_place_then_clear_it():
    case = small_case()
    applied = round_trip(case, SetScore("a1", "k3", 6.0))
    assert kinds(applied) == {"scores": ("a1",)}
    assert case.scores[-1] == Score("a1", "k3", 6) and isinstance(case.scores[-1].value, int)
    round_trip(case, SetScore("a1", "k2", 9))  # was 7.0: undo gives 7.0 back, not 7
    assert case.scores[1].value == 9  # in its place
    round_trip(case, SetScore("a3", "k3", 2.5, "p1"))
    assert case.scores[7].extra == {"note": "kept"}
    applied = round_trip(case, SetScore("a3", "k3", None, "p1"))
    assert ("a3", "k3", "p1") not in _cells(case)
    assert SetScore("a1", "k3", None, "p2").apply(case).changes == ()  # nothing to clear
    round_trip(case, SetScore("a2", "k1", False))
    assert _cells(case)[("a2", "k1", None)] is False


@pytest.mark.parametrize("criterion, value", [
    ("k1", 5), ("k1", 1), ("k2", True), ("k2", 11), ("k2", 0), ("k2", math.inf),
    ("k2", math.nan), ("k2", "7"),
])
def test_the_one_score_rule_refuses(criterion, value):
    refused(small_case(), SetScore("a1", criterion, value))


def test_unknown_cells_and_participants_are_refused():
    case = small_case()
    refused(case, SetScore("a9", "k2", 5), "no alternative")
    refused(case, SetScore("a1", "k9", 5), "no criterion")
    refused(case, SetScore("a1", "k2", 5, "p7"), "no participant")


@pytest.mark.parametrize("value", ["11", "0", "true", "Infinity", "1e400", '"7"'])
def test_the_loader_refuses_what_the_verb_refuses(value):
    data = dumps_case(small_case()).decode().replace('"value": 4,', f'"value": {value},')
    assert value in data
    with pytest.raises(CaseFormatError, match=r"scores\[2\]\.value"):
        loads_case(data)


# -- scoring setup ----------------------------------------------------------------------------

def test_a_wider_scale_changes_the_scale_only():
    case = small_case()
    applied = round_trip(case, ChangeScoringSetup(0, 100.0, PEOPLE))
    assert kinds(applied) == {"score_scale": ()}
    assert (case.score_scale.min, case.score_scale.max) == (0, 100)


def test_a_narrower_scale_is_refused_unless_clamped_to_the_nearest_end():
    case = small_case()
    refused(case, ChangeScoringSetup(1, 5, PEOPLE), "4 scores lie outside 1 to 5")
    assert len(scores_outside(case, 1, 5)) == 4
    applied = round_trip(case, ChangeScoringSetup(1, 5, PEOPLE, clamp=True))
    assert kinds(applied) == {"score_scale": (), "scores": ("a1", "a3")}
    cells = _cells(case)
    assert (cells[("a1", "k2", None)], cells[("a3", "k2", None)]) == (5, 5)
    assert cells[("a3", "k3", "p1")] == cells[("a3", "k3", None)] == 5
    assert cells[("a2", "k2", None)] == 4 and cells[("a2", "k3", "p1")] == 5


def test_people_join_leave_rename_and_reorder_and_leavers_take_their_scores():
    case = small_case()
    assert scores_given(case, "p1") == 2
    assert new_participant_id(case, ["p3"]) == "p4"
    applied = round_trip(case, ChangeScoringSetup(1, 10, (("p3", " Cy "), ("p2", "Benjamin"))))
    assert kinds(applied) == {"participants": ("p3", "p2", "p1"), "scores": ("a3", "a2")}
    assert [(p.id, p.name) for p in case.participants] == [("p3", "Cy"), ("p2", "Benjamin")]
    assert scores_given(case, "p1") == 0
    applied = round_trip(case, ChangeScoringSetup(1, 10, (("p2", "Benjamin"), ("p3", "Cy"))))
    assert kinds(applied) == {"participants": ("p2", "p3")}


def test_a_leaver_s_scores_do_not_count_as_outside_the_new_scale():
    case = small_case()
    case.scores = [s for s in case.scores if s.participant is None or s.criterion != "k3"]
    case.scores.append(Score("a1", "k2", 9, "p1"))
    refused(case, ChangeScoringSetup(1, 8, PEOPLE), "2 scores")
    refused(case, ChangeScoringSetup(1, 8, (("p2", "Ben"),)), "1 scores")  # Ann's 9 goes
    applied = round_trip(case, ChangeScoringSetup(1, 8, (("p2", "Ben"),), clamp=True))
    assert kinds(applied) == {"score_scale": (), "participants": ("p2", "p1"),
                              "scores": ("a3", "a1")}
    assert _cells(case) == {("a1", "k1", None): True, ("a1", "k2", None): 7,
                            ("a2", "k2", None): 4, ("a3", "k2", None): 8,
                            ("a3", "k3", None): 6, ("a2", "k1", None): True,
                            ("a3", "k1", None): False}


@pytest.mark.parametrize("setup", [
    ChangeScoringSetup(5, 5, PEOPLE), ChangeScoringSetup(10, 1, PEOPLE),
    ChangeScoringSetup(0, 2e6, PEOPLE), ChangeScoringSetup(0, math.inf, PEOPLE),
    ChangeScoringSetup(1, 10, (("p1", "Ann"), ("p1", "Ben"))),
    ChangeScoringSetup(1, 10, (("p1", "  "),)),
])
def test_setup_refusals(setup):
    refused(small_case(), setup)


def test_a_setup_that_changes_nothing_says_so():
    case = small_case()
    same = ChangeScoringSetup(1.0, 10, (("p1", "Ann "), ("p2", "Ben")))
    assert not same.changes_anything(case)
    assert same.apply(case).changes == ()
    assert ChangeScoringSetup(1, 10, PEOPLE[:1]).changes_anything(case)
