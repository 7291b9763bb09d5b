"""The scoring engine's shortcuts give exactly what the plain arithmetic gives: the stability
intervals worked out at once, means of whole numbers, spreads, and cells combined row by row."""

from __future__ import annotations

import random
from fractions import Fraction

from sixstep.case import Alternative, Case, Criterion, Participant, Score
from sixstep.disagreement import _spread_squared, contested_cells
from sixstep.scoring import Standings, combine_cells, exact, mean, score_case
from sixstep.stability import stability_interval, stability_intervals


def random_case(seed: int, alternatives: int = 12, criteria: int = 5, people: int = 4) -> Case:
    rng = random.Random(seed)
    case = Case(title="t")
    case.criteria = [Criterion("m", "Must", "must")] + [
        Criterion(f"k{i}", f"K{i}", "want", rng.choice([1, 2, 3, 0.5, 7, 2.5]))
        for i in range(criteria)]
    case.alternatives = [Alternative(f"a{i}", f"A{i}") for i in range(alternatives)]
    case.participants = [Participant(f"p{i}", f"P{i}") for i in range(people)]
    values = [1, 2, 3, 5, 8, 10, 4.5, 7.25, 0.1]
    for alt in case.alternatives:
        case.scores.append(Score(alt.id, "m", rng.random() > 0.1, None))
        for crit in case.criteria[1:]:
            for person in case.participants:
                if rng.random() > 0.2:
                    case.scores.append(Score(alt.id, crit.id, rng.choice(values), person.id))
    return case


def test_the_intervals_at_once_are_the_intervals_one_by_one():
    rng = random.Random(7)
    for _ in range(200):
        names = [f"k{i}" for i in range(rng.randint(1, 6))]
        weights = {k: Fraction(rng.choice([1, 2, 3, 5, 10])) / rng.choice([1, 1, 2, 4])
                   for k in names}
        scores = {f"a{i}": {k: Fraction(rng.randint(1, 10), rng.choice([1, 1, 3, 12]))
                            for k in names} for i in range(rng.randint(1, 8))}
        leader = max(scores, key=lambda a: sum(weights[k] * scores[a][k] for k in names))
        for who in (leader, None):
            together = stability_intervals(weights, scores, who)
            assert together == {k: stability_interval(k, weights, scores, who) for k in names}


def test_ties_and_a_criterion_with_all_the_weight_keep_their_intervals():
    weights = {"k1": Fraction(2), "k2": Fraction(2)}
    tied_rows = {"a": {"k1": Fraction(5), "k2": Fraction(5)},
                 "b": {"k1": Fraction(5), "k2": Fraction(5)}}
    one = {"k1": Fraction(3)}
    rows = {"a": {"k1": Fraction(9)}, "b": {"k1": Fraction(2)}}
    assert stability_intervals(weights, tied_rows, "a") == {
        k: stability_interval(k, weights, tied_rows, "a") for k in weights}
    assert stability_intervals(one, rows, "a") == {"k1": (Fraction(0), Fraction(1))}


def test_means_and_spreads_of_whole_numbers_are_the_exact_ones():
    rng = random.Random(3)
    for _ in range(200):
        values = [exact(rng.choice([1, 2, 7, 10, 4.5, 0.1]) if rng.random() > 0.5
                        else rng.randint(0, 10)) for _ in range(rng.randint(1, 12))]
        assert mean(values) == sum(values, Fraction(0)) / len(values)
        average = sum(values, Fraction(0)) / len(values)
        variance = sum(((v - average) ** 2 for v in values), Fraction(0)) / len(values)
        assert _spread_squared(values, Fraction(9, 2)) == variance / Fraction(81, 4)


def test_cells_combined_for_some_rows_are_those_rows_of_the_whole():
    for seed in range(5):
        case = random_case(seed)
        for aggregate in ("mean", "median"):
            whole = combine_cells(case, aggregate)
            rows = {"a1", "a4"}
            assert combine_cells(case, aggregate, rows) == {
                key: value for key, value in whole.items() if key[0] in rows}
            assert score_case(case, aggregate, cells=whole) == score_case(case, aggregate)


def test_contested_cells_of_some_rows_are_those_rows_of_the_whole():
    for seed in range(5):
        case = random_case(seed)
        rows = {"a0", "a3", "a7"}
        assert contested_cells(case, rows) == [
            c for c in contested_cells(case) if c.alternative in rows]


def test_rows_kept_between_scorings_give_the_scoring_afresh():
    """A caller keeps each row's screening and totals (``Standings``) and names the rows
    whose scores changed: every scoring is the one worked out from nothing."""
    for seed in range(4):
        rng = random.Random(seed)
        case = random_case(seed)
        for aggregate in ("mean", "median"):
            kept = Standings()
            for _ in range(25):
                score = rng.choice(case.scores)
                if rng.random() < 0.2:  # a score cleared, or a fraction that moves the scale
                    case.scores.remove(score)
                elif not isinstance(score.value, bool):
                    score.value = rng.choice([1, 3, 10, 2.5, 7.125, 0.1])
                else:
                    score.value = not score.value
                kept.stale.add(score.alternative)
                if rng.random() < 0.2:  # a weight changed: the totals are worked out again
                    rng.choice(case.criteria[1:]).weight = rng.choice([1, 4, 0.5])
                cells = combine_cells(case, aggregate)
                assert score_case(case, aggregate, cells=cells, kept=kept) == \
                    score_case(case, aggregate)
