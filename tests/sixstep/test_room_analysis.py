"""The room's analysis: dot budgets and Pareto order, relations, contested cells, mean versus
median, and the root-cause rule of step 2."""

from __future__ import annotations

import pytest

from sixstep.case import Relation
from sixstep.caseio import loads_case
from sixstep.disagreement import (
    alternative_by_participant,
    cell_spreads,
    contested_cells,
    criterion_by_participant,
    leader_change,
)
from sixstep.dots import dot_budget, pareto, remaining_dots
from sixstep.relations import summarise_relations
from sixstep.rules import RuleError, check_root_cause, default_dot_budget
from sixstep.steps import step
from tests.sixstep.room_cases import doc, every_field_doc, scores, text


# -- dots -------------------------------------------------------------------------------------
@pytest.mark.parametrize(("causes", "budget"), [
    (0, 0), (1, 1), (2, 1), (3, 1), (4, 1), (5, 2), (6, 2), (8, 3), (29, 10), (60, 10)])
def test_the_default_budget_is_a_third_of_the_causes_rounded_at_most_ten(causes, budget):
    assert default_dot_budget(causes) == budget


def test_budget_setting_and_remaining_dots_per_participant():
    case = loads_case(text(every_field_doc()))
    assert dot_budget(case) == 3
    assert remaining_dots(case) == {"p1": 1, "p2": 2, "p3": 3, "p4": 3}
    case.dot_settings.budget = None
    assert dot_budget(case) == 2  # six causes
    assert remaining_dots(case)["p1"] == 0  # never below zero


def test_pareto_orders_causes_by_votes_with_running_percent():
    document = doc()
    for cause, votes in zip(document["fishbone"]["causes"], [2, 0, 10, 5, 2, 1], strict=True):
        cause["votes"] = votes
    rows = pareto(loads_case(text(document)))
    assert [r.cause for r in rows] == ["c3", "c4", "c1", "c5", "c6"]  # ties keep file order
    assert [round(r.cumulative_percent) for r in rows] == [50, 75, 85, 95, 100]
    assert [r.verify_first for r in rows] == [True, True, True, False, False]
    assert rows[0].percent == 50.0 and rows[0].text == "cause 3"


def test_pareto_of_a_case_without_votes_is_empty():
    assert pareto(loads_case(text(doc()))) == []


# -- relations --------------------------------------------------------------------------------
def _arrows(*pairs: str):
    case = loads_case(text(doc()))
    case.relations = [Relation(p[:2], p[3:]) for p in pairs]
    return summarise_relations(case)


def test_drivers_and_outcomes_on_a_hand_drawn_star():
    s = _arrows("c1>c2", "c1>c3", "c1>c4", "c2>c4", "c3>c4")
    assert s.outgoing["c1"] == 3 and s.incoming["c4"] == 3
    assert s.drivers == ("c1",) and s.outcomes == ("c4",)
    assert s.loops == () and s.incoming["c6"] == 0 == s.outgoing["c6"]


def test_equal_drivers_are_all_named_and_no_arrows_names_none():
    s = _arrows("c1>c3", "c2>c3")
    assert s.drivers == ("c1", "c2") and s.outcomes == ("c3",)
    empty = _arrows()
    assert empty.drivers == () and empty.outcomes == () and empty.loops == ()


def test_a_loop_is_found_from_its_earliest_cause():
    s = _arrows("c3>c2", "c2>c5", "c5>c3", "c1>c2")
    assert s.loops == (("c2", "c5", "c3"),)
    assert not s.loops_cut_short


def test_loops_are_bounded_on_a_big_tangle():
    document = doc()
    document["fishbone"]["causes"] = [
        {"id": f"c{i}", "category": "people", "parent": None, "text": str(i)}
        for i in range(1, 16)]
    case = loads_case(text(document))
    ids = [c.id for c in case.fishbone.causes]
    case.relations = [Relation(a, b) for a in ids for b in ids if a != b]  # millions of loops
    s = summarise_relations(case, max_loops=50)
    assert len(s.loops) == 50 and s.loops_cut_short


# -- disagreement -----------------------------------------------------------------------------
def _scored(cells, scale=None):
    document = doc(scores=scores(cells))
    if scale:
        document["score_scale"] = scale
    return loads_case(text(document))


def test_contested_cells_are_flagged_where_they_should_be_and_nowhere_else():
    case = _scored({
        ("a1", "k1"): [4.4, 7.1],  # spread exactly 0.3 (floats would say 0.2999...)
        ("a1", "k2"): [4.4, 7.09],  # just under
        ("a2", "k1"): [1, 10, 1, 10],  # the widest: 1.0
        ("a2", "k2"): [6, 6, 6, 6],  # agreement
        ("a3", "k1"): [1, 10],  # an eliminated alternative is not in the matrix
    })
    flagged = contested_cells(case)
    assert [(c.alternative, c.criterion) for c in flagged] == [("a1", "k1"), ("a2", "k1")]
    assert flagged[0].spread == pytest.approx(0.3) and flagged[1].spread == 1.0
    spreads = cell_spreads(case)
    assert spreads[("a1", "k2")] < 0.3 and spreads[("a2", "k2")] == 0.0


def test_one_score_or_a_must_is_never_contested():
    document = doc(scores=scores({("a1", "k1"): [1]}) + [
        {"alternative": "a1", "criterion": "m1", "value": v, "participant": p}
        for p, v in (("p1", True), ("p2", False))])
    assert contested_cells(loads_case(text(document))) == []


def test_spread_uses_half_the_scale_range():
    case = _scored({("a1", "k1"): [0, 3]}, scale={"min": 0, "max": 20})
    assert cell_spreads(case)[("a1", "k1")] == pytest.approx(0.15)
    assert contested_cells(case) == []


def test_view_by_participant_names_who_differs_most():
    case = _scored({("a1", "k1"): [5, 5, 5, 9], ("a1", "k2"): [4, 4, 5, 4],
                    ("a2", "k1"): [6, 6, 6]})
    view = alternative_by_participant(case, "a1")
    assert view.columns == ("k1", "k2") and view.group == {"k1": 6.0, "k2": 4.25}
    assert [row.participant for row in view.people] == ["p1", "p2", "p3", "p4"]
    assert view.most_different == "p4" and view.people[3].values == {"k1": 9.0, "k2": 4.0}
    by_criterion = criterion_by_participant(case, "k1")
    assert by_criterion.columns == ("a1", "a2")
    assert by_criterion.people[3].values == {"a1": 9.0}  # p4 did not score a2
    assert by_criterion.most_different == "p4"
    calm = criterion_by_participant(case, "k2", aggregate="median")
    assert calm.group == {"a1": 4.0} and calm.most_different == "p3"


def test_median_changes_the_leader_on_a_constructed_case():
    case = _scored({("a1", "k1"): [1, 9, 9], ("a1", "k2"): [5, 5, 5],
                    ("a2", "k1"): [8, 8, 8], ("a2", "k2"): [5, 5, 5]})
    case.criteria = [c for c in case.criteria if c.kind == "want"]
    change = leader_change(case)
    assert (change.mean_leader, change.median_leader, change.changes) == ("a2", "a1", True)
    assert "median changes the leader" in change.sentence and "Alpha" in change.sentence


def test_mean_and_median_agreeing_say_so():
    case = _scored({("a1", "k1"): [7, 8, 9], ("a1", "k2"): [5, 5, 5],
                    ("a2", "k1"): [2, 3, 4], ("a2", "k2"): [5, 5, 5]})
    case.criteria = [c for c in case.criteria if c.kind == "want"]
    change = leader_change(case)
    assert not change.changes and change.mean_leader == "a1"
    assert "stays the same" in change.sentence


# -- the method's rule ------------------------------------------------------------------------
def test_a_ruled_out_cause_cannot_be_the_root_cause():
    with pytest.raises(RuleError, match="ruled-out"):
        check_root_cause("ruled_out", True)
    check_root_cause("ruled_out", False)
    check_root_cause("confirmed", True)


def _research_case(*causes: tuple[str, bool]):
    document = doc()
    for cause, (status, root) in zip(document["fishbone"]["causes"], causes, strict=False):
        cause["status"], cause["root_cause"] = status, root
    case = loads_case(text(document))
    case.research.findings = "Done."
    return case


def test_step_two_is_complete_only_with_a_confirmed_root_cause():
    assert step(2).missing(_research_case(("confirmed", True))) == []
    missing = step(2).missing(_research_case(("possible", True)))
    assert missing == ["Confirm the root cause: a root cause must be a confirmed cause."]
    missing = step(2).missing(_research_case(("confirmed", False)))
    assert missing == ["Mark at least one confirmed cause as a root cause."]


def test_step_two_says_when_a_ruled_out_cause_is_marked_root():
    missing = step(2).missing(_research_case(("ruled_out", True), ("confirmed", True)))
    assert missing == ["\u201ccause 1\u201d is ruled out, so it cannot be the root cause."]
    missing = step(2).missing(_research_case(("ruled_out", True)))
    assert len(missing) == 2 and "Mark at least one confirmed" in missing[1]
