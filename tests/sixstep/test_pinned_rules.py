"""Rules that were once changed on purpose and that no other test held: screening with gaps,
the even median, stability at ties and at the ends, subtree removal through a file, votes in
a file, and fresh ids."""

from __future__ import annotations

import json
from fractions import Fraction

import pytest

from sixstep.case import Alternative, Case, Criterion, Participant, Score, ScoreScale, next_id
from sixstep.caseio import CaseFormatError, dumps_case, loads_case
from sixstep.scoring import format_table, score_case


def make_case(criteria, alternatives, cells, scale=(1, 10)) -> Case:
    case = Case(title="t")
    case.criteria = [Criterion(cid, cid.upper(), kind, weight) for cid, kind, weight in criteria]
    case.alternatives = [Alternative(a, a.upper()) for a in alternatives]
    case.score_scale = ScoreScale(*scale)
    case.participants = [Participant(p, p) for p in sorted({c[3] for c in cells if len(c) > 3})]
    case.scores = [Score(alt, crit, value, rest[0] if rest else None)
                   for alt, crit, value, *rest in cells]
    return case


# -- screening -------------------------------------------------------------------------------
def test_a_failed_must_is_screened_out_even_with_unscored_cells():
    case = make_case(
        [("k1", "must", None), ("k2", "want", 2), ("k3", "want", 1)],
        ["a1", "a2"],
        [("a1", "k1", True), ("a1", "k2", 5), ("a1", "k3", 5),
         ("a2", "k1", False), ("a2", "k2", 9)],  # a2 fails k1 and k3 is unscored
    )
    result = score_case(case)
    assert [(s.alternative, s.failed) for s in result.screened_out] == [("a2", ("k1",))]
    assert [i.alternative for i in result.incomplete] == []
    assert result.rank_of("a2") is None
    assert [r.alternative for r in result.ranking] == ["a1"]
    table = format_table(result, case)
    assert "Screened out: A2 (fails K1)" in table
    assert "Not ranked" not in table


def test_a_failed_must_is_screened_out_when_another_must_is_unscored():
    case = make_case(
        [("k1", "must", None), ("k2", "must", None), ("k3", "want", 1)],
        ["a1"],
        [("a1", "k2", False), ("a1", "k3", 10)],  # k1 unscored, k2 failed
    )
    result = score_case(case)
    assert [(s.alternative, s.failed) for s in result.screened_out] == [("a1", ("k2",))]
    assert result.incomplete == () and result.ranking == ()


# -- median ----------------------------------------------------------------------------------
def test_the_median_of_an_even_number_of_scores_is_the_mean_of_the_two_middle_ones():
    case = make_case(
        [("k1", "want", 1)], ["a1"],
        [("a1", "k1", 10, "p1"), ("a1", "k1", 2, "p2"), ("a1", "k1", 1, "p3"),
         ("a1", "k1", 3, "p4")],  # sorted 1, 2, 3, 10: median 2.5 (mean 4, low 2, high 3)
    )
    assert score_case(case, "median").cells[("a1", "k1")] == 2.5
    assert score_case(case, "median").ranking[0].total == 2.5
    assert score_case(case, "mean").cells[("a1", "k1")] == 4


# -- stability -------------------------------------------------------------------------------
def test_two_alternatives_equal_on_every_criterion_leave_every_interval_whole():
    case = make_case(
        [("k1", "want", 5), ("k2", "want", 3), ("k3", "want", 1)],
        ["a1", "a2", "a3"],
        [("a1", "k1", 7), ("a1", "k2", 2), ("a1", "k3", 9),
         ("a2", "k1", 7), ("a2", "k2", 2), ("a2", "k3", 9),
         ("a3", "k1", 1), ("a3", "k2", 1), ("a3", "k3", 1)],
    )
    result = score_case(case)
    assert result.rank_of("a1") == result.rank_of("a2") == 1
    assert result.stability == {"k1": (0.0, 1.0), "k2": (0.0, 1.0), "k3": (0.0, 1.0)}
    assert result.fragile == ("A1 and A2 are tied for first place.",)


def touching_case() -> Case:
    """a1 and a2 are equal on k2; a1 is far ahead on k1, which holds 1/31 of the weight.

    k1's interval is [0, 1] because at share 0 the two tie (that end counts as first), and
    k2's interval is [0, 1] because at share 1 they tie again. No score point can overturn
    the lead either: the gap (100) is above both weights.
    """
    return make_case(
        [("k1", "want", 1), ("k2", "want", 30)], ["a1", "a2"],
        [("a1", "k1", 100), ("a1", "k2", 50), ("a2", "k1", 0), ("a2", "k2", 50)],
        scale=(0, 100),
    )


def test_an_interval_that_touches_0_or_1_is_not_fragile_for_that_alone():
    result = score_case(touching_case())
    assert result.leader == "a1"
    assert result.shares["k1"] < 0.05 and 1 - result.shares["k2"] < 0.05
    assert result.stability == {"k1": (0.0, 1.0), "k2": (0.0, 1.0)}
    assert result.fragile == ()


def test_an_interior_interval_end_is_a_tie_that_still_counts_as_first():
    case = make_case(
        [("k1", "want", 1), ("k2", "want", 1)], ["a1", "a2"],
        [("a1", "k1", 8), ("a1", "k2", 4), ("a2", "k1", 2), ("a2", "k2", 6)],
    )
    result = score_case(case)
    low, high = result.stability["k1"]
    assert (low, high) == (0.25, 1.0)  # 8t + 4(1-t) = 2t + 6(1-t) at t = 1/4

    def reweighted(share: Fraction) -> Case:
        return make_case([("k1", "want", float(share)), ("k2", "want", float(1 - share))],
                         ["a1", "a2"], [(s.alternative, s.criterion, s.value) for s in case.scores])

    at_end = score_case(reweighted(Fraction(1, 4)))
    assert at_end.rank_of("a1") == 1 and at_end.is_tied("a1")
    below = score_case(reweighted(Fraction(1, 5)))
    assert below.leader == "a2"


# -- the fishbone through a file -------------------------------------------------------------
def grandchild_first_file() -> bytes:
    case = loads_case(json.dumps({
        "format": "problem-workshop-case", "version": 1, "title": "t",
        "fishbone": {"effect": "e", "categories": [{"id": "people", "name": "People"},
                                                   {"id": "tools", "name": "Tools"}],
                     "causes": [
                         {"id": "c3", "category": "people", "parent": "c2", "text": "Grandchild"},
                         {"id": "c4", "category": "tools", "parent": None, "text": "Elsewhere"},
                         {"id": "c1", "category": "people", "parent": None, "text": "Top"},
                         {"id": "c2", "category": "people", "parent": "c1", "text": "Child"}]},
        "alternatives": [{"id": "a1", "name": "A", "addresses": ["c4"]}],
    }))
    return dumps_case(case)


def test_removing_a_cause_from_a_loaded_file_takes_its_whole_subtree_and_saves_a_good_file():
    original = grandchild_first_file()
    case = loads_case(original)
    removed = case.fishbone.remove_cause("c1")
    assert [c.id for c in case.fishbone.causes] == ["c4"]
    saved = dumps_case(case)
    again = loads_case(saved)
    assert [c.id for c in again.fishbone.causes] == ["c4"]
    assert dumps_case(again) == saved
    case.fishbone.restore(removed)
    assert dumps_case(case) == original


@pytest.mark.parametrize("votes", [-1, 1.5, 2.0, "3", True, False])
def test_the_loader_refuses_votes_that_are_not_whole_numbers_zero_or_more(votes):
    doc = json.loads(grandchild_first_file())
    doc["fishbone"]["causes"][0]["votes"] = votes
    with pytest.raises(CaseFormatError, match=r"fishbone\.causes\[0\]\.votes"):
        loads_case(json.dumps(doc))


def test_the_loader_takes_whole_votes_from_zero():
    doc = json.loads(grandchild_first_file())
    doc["fishbone"]["causes"][0]["votes"] = 0
    doc["fishbone"]["causes"][1]["votes"] = 7
    assert [c.votes for c in loads_case(json.dumps(doc)).fishbone.causes] == [0, 7, 0, 0]


# -- fresh ids -------------------------------------------------------------------------------
@pytest.mark.parametrize("prefix", ["k", "a", "p"])
def test_a_new_id_is_one_past_the_largest_in_use_and_gaps_are_never_filled(prefix):
    used = [f"{prefix}1", f"{prefix}2", f"{prefix}5"]
    assert next_id(prefix, used) == f"{prefix}6"
    assert next_id(prefix, used + [f"{prefix}6"]) == f"{prefix}7"
    assert next_id(prefix, []) == f"{prefix}1"


def test_a_new_id_counts_only_its_own_prefix():
    assert next_id("k", ["k2", "a9", "p7", "kx", "k"]) == "k3"
