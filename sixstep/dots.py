"""Dot voting on causes: budgets, what each participant still holds, and the Pareto order of
causes by votes that says which to verify first."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from sixstep.case import Case, Dot
from sixstep.rules import default_dot_budget

VITAL_SHARE = Fraction(80, 100)  # the Pareto line: the causes holding the first 80% of dots


def dot_budget(case: Case) -> int:
    """Dots each participant may place: the setting, or a third of the causes (at most 10)."""
    if case.dot_settings.budget is not None:
        return case.dot_settings.budget
    return default_dot_budget(len(case.fishbone.causes))


def find_dot(case: Case, cause_id: str, participant_id: str | None) -> Dot | None:
    """The record of ``participant_id``'s dots on ``cause_id`` (None: anonymous), if any."""
    for dot in case.dots:
        if dot.cause == cause_id and dot.participant == participant_id:
            return dot
    return None


def dots_held(case: Case, participant_id: str) -> int:
    """All the dots ``participant_id`` has placed."""
    return sum(d.count for d in case.dots if d.participant == participant_id)


def dot_totals(case: Case) -> dict[str, int]:
    """Cause id -> the total of its recorded dots (causes with no records are left out)."""
    totals: dict[str, int] = {}
    for dot in case.dots:
        totals[dot.cause] = totals.get(dot.cause, 0) + dot.count
    return totals


def remaining_dots(case: Case) -> dict[str, int]:
    """Participant id -> dots still to place (never below 0), in participant order."""
    budget = dot_budget(case)
    return {p.id: max(0, budget - dots_held(case, p.id)) for p in case.participants}


@dataclass(frozen=True)
class ParetoRow:
    cause: str
    text: str
    votes: int
    percent: float  # of all votes
    cumulative_percent: float
    verify_first: bool  # among the causes that hold the first 80% of the votes


def pareto(case: Case) -> list[ParetoRow]:
    """Causes with votes, most first (file order among equals), with their share and the
    running total; the first causes up to 80% of the votes are the ones to verify first."""
    voted = [c for c in case.fishbone.causes if c.votes > 0]
    voted.sort(key=lambda c: -c.votes)
    total = sum(c.votes for c in voted)
    rows, running = [], 0
    for cause in voted:
        before = Fraction(running, total)
        running += cause.votes
        rows.append(ParetoRow(cause.id, cause.text, cause.votes,
                              float(Fraction(cause.votes * 100, total)),
                              float(Fraction(running * 100, total)), before < VITAL_SHARE))
    return rows
