"""The scoring engine on small cases worked out by hand."""

from __future__ import annotations

import pytest

from sixstep.case import Alternative, Case, Criterion, Participant, Score
from sixstep.scoring import result_to_json, score_case, tied
from sixstep.weights import propose_weights, roc


def make_case(criteria, alternatives, cells, participants=()):
    case = Case(title="t")
    case.criteria = [Criterion(cid, cid.upper(), kind, weight) for cid, kind, weight in criteria]
    case.alternatives = [Alternative(a, a.upper()) if isinstance(a, str) else a
                         for a in alternatives]
    case.participants = [Participant(p, p) for p in participants]
    case.scores = [Score(alt, crit, value, who) for alt, crit, value, *rest in cells
                   for who in [rest[0] if rest else None]]
    return case


def screening_case() -> Case:
    return make_case(
        [("k1", "must", None), ("k2", "want", 3), ("k3", "want", 1)],
        ["a1", "a2", "a3", "a4", "a5", Alternative("a6", "A6", status="eliminated")],
        [("a1", "k1", True), ("a1", "k2", 8), ("a1", "k3", 2),      # 24 + 2 = 26
         ("a2", "k1", True), ("a2", "k2", 6), ("a2", "k3", 8),      # 18 + 8 = 26
         ("a3", "k1", True), ("a3", "k2", 5), ("a3", "k3", 5),      # 15 + 5 = 20
         ("a4", "k1", False), ("a4", "k2", 10), ("a4", "k3", 10),   # fails the must
         ("a5", "k1", True), ("a5", "k2", 9),                       # k3 unscored: 27 so far
         ("a6", "k1", True), ("a6", "k2", 10), ("a6", "k3", 10)],   # eliminated
    )


def test_tie_shares_a_rank_and_the_next_rank_is_skipped():
    result = score_case(screening_case())
    assert [(r.alternative, r.total, r.rank) for r in result.ranking] == [
        ("a1", 26, 1), ("a2", 26, 1), ("a3", 20, 3)]
    assert result.ranking[0].percent == pytest.approx(65.0)  # 26 / (10 * 4)
    assert result.is_tied("a1") and not result.is_tied("a3")


def test_a_failed_must_screens_out_whatever_the_wants_say():
    result = score_case(screening_case())
    assert [(s.alternative, s.failed) for s in result.screened_out] == [("a4", ("k1",))]
    assert result.rank_of("a4") is None


def test_missing_cell_is_reported_and_never_counted_as_zero_or_best():
    result = score_case(screening_case())
    # Counted as 0, a5 would lead with 27; counted as best it would lead too.
    assert result.rank_of("a5") is None
    assert result.missing == (("a5", "k3"),)
    assert [(i.alternative, i.partial_total, i.missing) for i in result.incomplete] == [
        ("a5", 27, ("k3",))]


def test_eliminated_alternatives_are_not_ranked():
    assert score_case(screening_case()).rank_of("a6") is None


def test_float_noise_is_not_a_difference():
    case = make_case([("ka", "want", 0.1), ("kb", "want", 0.2), ("kc", "want", 0.3)],
                     ["a1", "a2"],
                     [("a1", "ka", 3), ("a1", "kb", 3), ("a1", "kc", 1),
                      ("a2", "ka", 1), ("a2", "kb", 1), ("a2", "kc", 3)])
    assert 0.1 * 3 + 0.2 * 3 + 0.3 * 1 != 0.1 * 1 + 0.2 * 1 + 0.3 * 3  # floats would split them
    assert [r.rank for r in score_case(case).ranking] == [1, 1]
    assert tied(1.2000000000000002, 1.2) and not tied(1.2, 1.21)


def test_mean_and_median_of_participants_can_pick_different_leaders():
    case = make_case([("k", "want", 1)], ["a1", "a2"],
                     [("a1", "k", 2, "p1"), ("a1", "k", 3, "p2"), ("a1", "k", 10, "p3"),
                      ("a2", "k", 4, "p1"), ("a2", "k", 4, "p2"), ("a2", "k", 4, "p3")],
                     participants=("p1", "p2", "p3"))
    mean = score_case(case, "mean")
    median = score_case(case, "median")
    assert mean.cells[("a1", "k")] == 5 and median.cells[("a1", "k")] == 3
    assert mean.leader == "a1" and median.leader == "a2"


def test_one_participant_failing_a_must_fails_it():
    case = make_case([("m", "must", None), ("k", "want", 1)], ["a1"],
                     [("a1", "m", True, "p1"), ("a1", "m", False, "p2"), ("a1", "k", 5, "p1")],
                     participants=("p1", "p2"))
    assert score_case(case).screened_out[0].failed == ("m",)


def test_stability_interval_worked_by_hand():
    # a1 = (10, 2), a2 = (4, 6), equal weights. With share t on ka:
    # a1 = 2 + 8t, a2 = 6 - 2t, so a1 leads for t >= 0.4; on kb symmetric: t <= 0.6.
    case = make_case([("ka", "want", 1), ("kb", "want", 1)], ["a1", "a2"],
                     [("a1", "ka", 10), ("a1", "kb", 2), ("a2", "ka", 4), ("a2", "kb", 6)])
    result = score_case(case)
    assert result.leader == "a1"
    assert result.stability == {"ka": (0.4, 1.0), "kb": (0.0, 0.6)}
    assert result.shares == {"ka": 0.5, "kb": 0.5}
    assert result.fragile == ()  # a 2-point lead, weights 1: no single point flips it


def test_a_thin_lead_is_called_fragile():
    # a2 = (4, 7): totals 12 and 11, and the lead on ka holds only from 5/11 (about 45%).
    case = make_case([("ka", "want", 1), ("kb", "want", 1)], ["a1", "a2"],
                     [("a1", "ka", 10), ("a1", "kb", 2), ("a2", "ka", 4), ("a2", "kb", 7)])
    result = score_case(case)
    assert result.stability["ka"] == (pytest.approx(5 / 11), 1.0)
    assert any("One score point" in reason for reason in result.fragile)
    assert any("weight of KA" in reason for reason in result.fragile)


def test_json_shape_of_the_contract():
    doc = result_to_json(score_case(screening_case()))
    assert set(doc) >= {"ranking", "screened_out", "missing", "stability"}
    assert doc["ranking"][0] == {**doc["ranking"][0], "alternative": "a1", "rank": 1}
    assert doc["screened_out"] == [{"alternative": "a4", "name": "A4", "failed": ["k1"]}]
    assert doc["missing"] == [{"alternative": "a5", "criterion": "k3"}]
    assert all(len(v) == 2 for v in doc["stability"].values())


def test_unknown_aggregate_is_refused():
    with pytest.raises(ValueError):
        score_case(screening_case(), "mode")


def test_rank_order_centroid_by_hand():
    assert roc(3) == [pytest.approx(11 / 18), pytest.approx(5 / 18), pytest.approx(2 / 18)]
    assert sum(roc(7)) == 1
    assert propose_weights("roc", 3) == [61.1, 27.8, 11.1]


def test_rank_sum_and_ten_point():
    assert propose_weights("rank_sum", 4) == [4, 3, 2, 1]
    assert propose_weights("ten_point", 4) == [10, 7.5, 5, 2.5]
    assert propose_weights("ten_point", 0) == []
    with pytest.raises(ValueError):
        propose_weights("guess", 3)
