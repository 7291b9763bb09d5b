"""Where the room disagrees: contested matrix cells, each participant against the group, and
whether combining scores by median instead of mean changes the leader.

Spreads are compared exactly (squares of fractions of the numbers as written), so a spread of
exactly 0.3 counts as contested however the floats would round.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection
from dataclasses import dataclass
from fractions import Fraction

from sixstep.case import Case
from sixstep.scoring import ScoringResult, combine_cells, exact, score_case, scores_in_rows

CONTESTED = Fraction(3, 10)  # normalised spread at or above which a cell is contested


def _people_scores(case: Case, alternatives: Collection[str] | None = None,
                   ) -> dict[tuple[str, str], dict[str, Fraction]]:
    """(alternative, want criterion) -> participant id -> score, for scores naming someone
    (with ``alternatives``, only in the rows of those alternatives)."""
    wants = {c.id for c in case.criteria if c.kind == "want"}
    cells: dict[tuple[str, str], dict[str, Fraction]] = {}
    for s in scores_in_rows(case, alternatives):
        if s.participant is not None and s.criterion in wants and not isinstance(s.value, bool):
            cells.setdefault((s.alternative, s.criterion), {})[s.participant] = exact(s.value)
    return cells


def _spread_squared(values: list[Fraction], half_range: Fraction) -> Fraction:
    n = len(values)
    if all(v.denominator == 1 for v in values):  # whole numbers: the same value, in integers
        total = sum(v.numerator for v in values)
        squares = sum(v.numerator * v.numerator for v in values)
        variance = Fraction(n * squares - total * total, n * n)
    else:
        mean = sum(values, Fraction(0)) / n
        variance = sum(((v - mean) ** 2 for v in values), Fraction(0)) / n
    return variance / (half_range * half_range)


@dataclass(frozen=True)
class ContestedCell:
    alternative: str
    criterion: str
    spread: float  # population standard deviation / half the scale's range


def cell_spreads(case: Case) -> dict[tuple[str, str], float]:
    """Every want cell two or more participants scored -> its normalised spread."""
    half = (exact(case.score_scale.max) - exact(case.score_scale.min)) / 2
    return {key: math.sqrt(_spread_squared(list(people.values()), half))
            for key, people in _people_scores(case).items() if len(people) >= 2}


def contested_cells(case: Case, alternatives: Collection[str] | None = None,
                    ) -> list[ContestedCell]:
    """The cells of open alternatives on want criteria whose normalised spread is 0.3 or more,
    in matrix order (alternatives, then criteria, as listed); with ``alternatives``, only
    in the rows of those alternatives (the ones whose scores changed)."""
    half = (exact(case.score_scale.max) - exact(case.score_scale.min)) / 2
    cells = _people_scores(case, alternatives)
    out = []
    for alt in case.open_alternatives():
        if alternatives is not None and alt.id not in alternatives:
            continue
        for crit in case.criteria:
            people = cells.get((alt.id, crit.id), {})
            if len(people) < 2:
                continue
            squared = _spread_squared(list(people.values()), half)
            if squared >= CONTESTED * CONTESTED:
                out.append(ContestedCell(alt.id, crit.id, math.sqrt(squared)))
    return out


@dataclass(frozen=True)
class PersonRow:
    participant: str
    values: dict[str, float]  # column id -> this participant's score (scored columns only)
    difference: float  # mean |score - group| over those columns, over half the scale's range


@dataclass(frozen=True)
class ByParticipant:
    """One alternative (columns: want criteria) or one criterion (columns: alternatives),
    each participant against the group value."""

    columns: tuple[str, ...]
    group: dict[str, float]  # column id -> the group value (mean or median)
    people: tuple[PersonRow, ...]  # in participant order; those who scored nothing left out
    most_different: str | None  # the participant furthest from the group, if anyone differs


def _by_participant(case: Case, keys: list[tuple[str, tuple[str, str]]],
                    aggregate: str) -> ByParticipant:
    shown = {alternative for _, (alternative, _) in keys}  # only their rows are combined
    group = combine_cells(case, aggregate, shown)
    cells = _people_scores(case, shown)
    half = (exact(case.score_scale.max) - exact(case.score_scale.min)) / 2
    rows = []
    for person in case.participants:
        values, gaps = {}, []
        for column, key in keys:
            if person.id in cells.get(key, {}):
                value = cells[key][person.id]
                values[column] = float(value)
                gaps.append(abs(value - group[key]))
        if values:
            difference = sum(gaps, Fraction(0)) / len(gaps) / half
            rows.append((PersonRow(person.id, values, float(difference)), difference))
    top = max((d for _, d in rows), default=Fraction(0))
    most = next((row.participant for row, d in rows if d == top), None) if top > 0 else None
    columns = tuple(column for column, _ in keys)
    return ByParticipant(columns, {c: float(group[k]) for c, k in keys if k in group},
                         tuple(row for row, _ in rows), most)


def alternative_by_participant(case: Case, alternative_id: str,
                               aggregate: str = "mean") -> ByParticipant:
    """Each participant's scores for one alternative across the want criteria."""
    keys = [(c.id, (alternative_id, c.id)) for c in case.criteria if c.kind == "want"]
    return _by_participant(case, keys, aggregate)


def criterion_by_participant(case: Case, criterion_id: str,
                             aggregate: str = "mean") -> ByParticipant:
    """Each participant's scores on one want criterion across the open alternatives."""
    keys = [(a.id, (a.id, criterion_id)) for a in case.open_alternatives()]
    return _by_participant(case, keys, aggregate)


@dataclass(frozen=True)
class LeaderChange:
    mean_leader: str | None
    median_leader: str | None
    changes: bool
    sentence: str


def leader_change(case: Case, score: Callable[[Case, str], ScoringResult] = score_case,
                  ) -> LeaderChange:
    """Whether combining participants by median instead of mean puts another alternative
    first (a tie for first counts as no single leader). ``score`` scores the case by an
    aggregate (a caller that keeps results passes its own)."""
    leaders = {}
    for aggregate in ("mean", "median"):
        result = score(case, aggregate)
        tied = result.leader is not None and result.is_tied(result.leader)
        leaders[aggregate] = None if tied else result.leader
    mean, median = leaders["mean"], leaders["median"]
    names = {a.id: a.name for a in case.alternatives}

    def call(leader: str | None) -> str:
        return f"\u201c{names[leader]}\u201d leads" if leader else "no single alternative leads"

    if mean == median:
        sentence = f"Mean or median: the leader stays the same ({call(mean)})."
    else:
        sentence = f"The median changes the leader: by mean {call(mean)}, by median {call(median)}."
    return LeaderChange(mean, median, mean != median, sentence)
