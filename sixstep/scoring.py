"""The scoring engine of the case contract: screening, weighted totals, ranks and stability.

Arithmetic is exact (fractions built from the numbers as written in the file), so a tie is a
tie and the float noise of 0.1 + 0.2 never invents a winner.
"""

from __future__ import annotations

import functools
import math
import statistics
from collections.abc import Collection
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from sixstep.case import Alternative, Case, Criterion, Score
from sixstep.result_text import format_table as format_table  # the CLI's table, kept here too
from sixstep.result_text import score_point_reason, tie_reason, weight_reason
from sixstep.stability import stability_intervals

TIE_TOLERANCE = 1e-9
FRAGILE_SHARE = Fraction(5, 100)  # a weight share this close to the edge of its interval
Cells = dict[tuple[str, str], Fraction | bool]  # (alternative, criterion): the combined score


@dataclass(frozen=True)
class RankedAlternative:
    alternative: str
    name: str
    total: float
    percent: float
    rank: int
    contributions: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class ScreenedOut:
    alternative: str
    name: str
    failed: tuple[str, ...]


@dataclass(frozen=True)
class Incomplete:
    alternative: str
    name: str
    partial_total: float
    missing: tuple[str, ...]


@dataclass(frozen=True)
class ScoringResult:
    aggregate: str
    ranking: tuple[RankedAlternative, ...]
    screened_out: tuple[ScreenedOut, ...]
    incomplete: tuple[Incomplete, ...]
    missing: tuple[tuple[str, str], ...]
    cells: dict[tuple[str, str], float | bool]
    stability: dict[str, tuple[float, float]]
    shares: dict[str, float]
    leader: str | None
    fragile: tuple[str, ...]

    def rank_of(self, alternative_id: str) -> int | None:
        for r in self.ranking:
            if r.alternative == alternative_id:
                return r.rank
        return None

    def is_tied(self, alternative_id: str) -> bool:
        rank = self.rank_of(alternative_id)
        return rank is not None and sum(r.rank == rank for r in self.ranking) > 1


def exact(value: float | int) -> Fraction:
    """The number as written: 0.1 is one tenth, not the nearest binary fraction."""
    return Fraction(value) if isinstance(value, int) else _exact_float(float(value))


@functools.lru_cache(maxsize=4096)
def _exact_float(value: float) -> Fraction:
    """A float as written (a room types the same few numbers: each is parsed once)."""
    return Fraction(repr(value))


def mean(numbers: list[Fraction]) -> Fraction:
    """The exact mean; whole numbers (most scores) are summed as integers."""
    if all(n.denominator == 1 for n in numbers):
        return Fraction(sum(n.numerator for n in numbers), len(numbers))
    return sum(numbers, Fraction(0)) / len(numbers)


def scores_in_rows(case: Case, alternatives: Collection[str] | None) -> list[Score]:
    """The scores of ``alternatives`` (None: every score): a row's scores, found with one
    cheap test of each score, so the work on them stays the row's."""
    if alternatives is None:
        return case.scores
    return [s for s in case.scores if s.alternative in alternatives]


def combine_cells(case: Case, aggregate: str,
                  alternatives: Collection[str] | None = None) -> Cells:
    """One value per scored cell: a must fails if anyone failed it; a want is the mean/median.
    With ``alternatives``, only the cells of those alternatives (their rows of the matrix)."""
    if aggregate not in ("mean", "median"):
        raise ValueError(f"unknown aggregate {aggregate!r}: use mean or median")
    kinds = {c.id: c.kind for c in case.criteria}
    votes: dict[tuple[str, str], list[bool | float]] = {}
    for s in scores_in_rows(case, alternatives):
        if s.criterion in kinds:
            votes.setdefault((s.alternative, s.criterion), []).append(s.value)
    cells: Cells = {}
    for key, values in votes.items():
        if kinds[key[1]] == "must":
            cells[key] = all(bool(v) for v in values)
        else:
            numbers = [exact(v) for v in values]
            if aggregate == "mean":
                cells[key] = mean(numbers)
            else:
                cells[key] = Fraction(statistics.median(numbers))
    return cells


def tied(a: Fraction, b: Fraction) -> bool:
    return abs(a - b) <= TIE_TOLERANCE * max(abs(a), abs(b))


@dataclass(frozen=True)
class _Row:
    """One alternative's cells as a scoring reads them (for one list of criteria)."""

    gaps: tuple[str, ...]  # criteria nobody scored it on
    failed: tuple[str, ...]  # musts it fails
    wants: dict[str, Fraction]  # its scored want cells, in criteria order
    scale: int  # the least common multiple of those cells' denominators


@dataclass
class Standings:
    """What ``score_case`` works out for each alternative, kept between scorings by a caller
    that follows the case's changes: the rows named in ``stale`` (their scores changed) are
    worked out again, the others taken as they were, so a score costs its own row."""

    stale: set[str] = field(default_factory=set)
    key: tuple[object, ...] = ()  # the criteria the rows were read for
    rows: dict[str, _Row] = field(default_factory=dict)
    totals_key: tuple[object, ...] = ()  # the whole weights and the scale of the totals
    totals: dict[str, tuple[dict[str, int], int, dict[str, float]]] = field(
        default_factory=dict)  # parts, whole total, contributions

    def forget(self) -> None:
        self.key, self.totals_key = (), ()
        self.rows.clear()
        self.totals.clear()
        self.stale.clear()


def _row(alternative: str, criteria: list[Criterion], cells: Cells) -> _Row:
    gaps = tuple(c.id for c in criteria if (alternative, c.id) not in cells)
    failed = tuple(c.id for c in criteria
                   if c.kind == "must" and cells.get((alternative, c.id)) is False)
    wants = {c.id: cell for c in criteria
             if c.kind == "want" and (cell := cells.get((alternative, c.id))) is not None}
    scale = math.lcm(*(cell.denominator for cell in wants.values()))
    return _Row(gaps, failed, wants, scale)  # type: ignore[arg-type]


def _rows(case: Case, alternatives: list[Alternative], cells: Cells,
          kept: Standings) -> dict[str, _Row]:
    """Each alternative's row: worked out for the stale ones, kept for the others."""
    key = tuple((c.id, c.kind) for c in case.criteria)
    if kept.key != key:
        kept.forget()
        kept.key = key
    rows = {}
    for alt in alternatives:
        row = None if alt.id in kept.stale else kept.rows.get(alt.id)
        if row is None:
            row = kept.rows[alt.id] = _row(alt.id, case.criteria, cells)
            kept.totals.pop(alt.id, None)
        rows[alt.id] = row
    kept.stale.clear()
    return rows


def score_case(case: Case, aggregate: str = "mean", cells: Cells | None = None,
               kept: Standings | None = None) -> ScoringResult:
    """Screen, total, rank and find how sure the lead is; ``cells`` (what ``combine_cells``
    returns for this case and aggregate, kept by a caller that follows the changes) saves
    combining every score again, and ``kept`` (the same caller's) working out every row."""
    if cells is None:
        cells = combine_cells(case, aggregate)
    elif aggregate not in ("mean", "median"):
        raise ValueError(f"unknown aggregate {aggregate!r}: use mean or median")
    if kept is None:
        kept = Standings()
    wants = [c for c in case.criteria if c.kind == "want"]
    weights = {c.id: exact(c.weight or 0) for c in wants}
    weight_sum = sum(weights.values(), Fraction(0))
    top = exact(case.score_scale.max)
    complete: list[tuple[str, str, Fraction, dict[str, float], int]] = []
    screened: list[ScreenedOut] = []
    incomplete: list[Incomplete] = []
    missing: list[tuple[str, str]] = []
    # Each part (weight x cell) in whole numbers: the weights and the cells scaled by the least
    # common multiple of their denominators; a total is one fraction of those, exactly.
    alternatives = case.open_alternatives()
    rows = _rows(case, alternatives, cells, kept)
    weight_scale = math.lcm(*(w.denominator for w in weights.values()))
    whole_weights = {k: w.numerator * (weight_scale // w.denominator) for k, w in weights.items()}
    cell_scale = math.lcm(*(row.scale for row in rows.values()))
    scale = weight_scale * cell_scale
    totals_key = (tuple(whole_weights.items()), cell_scale)
    if kept.totals_key != totals_key:
        kept.totals.clear()
        kept.totals_key = totals_key
    for alt in alternatives:
        row = rows[alt.id]
        missing.extend((alt.id, crit) for crit in row.gaps)
        worked = kept.totals.get(alt.id)
        if worked is None:
            parts = {k: whole_weights[k] * cell.numerator * (cell_scale // cell.denominator)
                     for k, cell in row.wants.items()}
            worked = kept.totals[alt.id] = (parts, sum(parts.values()),
                                            {k: part / scale for k, part in parts.items()})
        parts, whole_total, contributions = worked
        total = Fraction(whole_total, scale)
        if row.failed:
            screened.append(ScreenedOut(alt.id, alt.name, row.failed))
        elif row.gaps:
            incomplete.append(Incomplete(alt.id, alt.name, float(total), row.gaps))
        else:
            complete.append((alt.id, alt.name, total, dict(contributions), whole_total))
    complete.sort(key=lambda item: -item[4])  # stable: file order breaks exact ties
    ranking: list[RankedAlternative] = []
    for position, (alt_id, name, total, contributions, _) in enumerate(complete):
        rank = position + 1
        if ranking and tied(complete[position - 1][2], total):
            rank = ranking[-1].rank
        percent = total / (top * weight_sum) * 100 if weight_sum and top else Fraction(0)
        ranking.append(RankedAlternative(alt_id, name, float(total), float(percent), rank,
                                         contributions))
    scores = {alt_id: {k: cells[(alt_id, k)] for k in weights} for alt_id, *_ in complete}
    leader = ranking[0].alternative if ranking else None
    exact_intervals = stability_intervals(weights, scores, leader)  # type: ignore[arg-type]
    stability = {k: (float(low), float(high)) for k, (low, high) in exact_intervals.items()}
    shares = {k: float(w / weight_sum) if weight_sum else 0.0 for k, w in weights.items()}
    result = ScoringResult(
        aggregate=aggregate, ranking=tuple(ranking), screened_out=tuple(screened),
        incomplete=tuple(incomplete), missing=tuple(missing),
        cells={k: (v if isinstance(v, bool) else float(v)) for k, v in cells.items()},
        stability=stability, shares=shares, leader=leader, fragile=(),
    )
    reasons = _fragile_reasons(case, result, weights, cells, exact_intervals)
    return ScoringResult(**{**result.__dict__, "fragile": tuple(reasons)})


def _fragile_reasons(case: Case, result: ScoringResult, weights: dict[str, Fraction],
                     cells: Cells, intervals: dict[str, tuple[Fraction, Fraction]]) -> list[str]:
    if len(result.ranking) < 2:
        return []
    first, second = result.ranking[0], result.ranking[1]
    names = {c.id: c.name for c in case.criteria}
    if second.rank == first.rank:
        return [tie_reason(first.name, second.name)]
    reasons = []
    gap = exact(first.total) - exact(second.total)
    low, high = exact(case.score_scale.min), exact(case.score_scale.max)
    for crit, weight in sorted(weights.items(), key=lambda kv: -kv[1]):
        can_drop = cells[(first.alternative, crit)] - 1 >= low
        can_rise = cells[(second.alternative, crit)] + 1 <= high
        if weight >= gap and (can_drop or can_rise):
            reasons.append(score_point_reason(names[crit], first.name, second.name))
            break
    weight_sum = sum(weights.values(), Fraction(0))
    for crit, (lo, hi) in intervals.items():
        share = weights[crit] / weight_sum
        if (lo > 0 and share - lo < FRAGILE_SHARE) or (hi < 1 and hi - share < FRAGILE_SHARE):
            reasons.append(weight_reason(names[crit], float(share), float(lo), float(hi)))
    return reasons


def result_to_json(result: ScoringResult) -> dict[str, Any]:
    """The ``score --json`` shape of the contract, plus what else the engine knows."""
    return {
        "aggregate": result.aggregate,
        "ranking": [{"alternative": r.alternative, "name": r.name, "total": r.total,
                     "percent": r.percent, "rank": r.rank, "contributions": r.contributions}
                    for r in result.ranking],
        "screened_out": [{"alternative": s.alternative, "name": s.name, "failed": list(s.failed)}
                         for s in result.screened_out],
        "incomplete": [{"alternative": i.alternative, "name": i.name,
                        "partial_total": i.partial_total, "missing": list(i.missing)}
                       for i in result.incomplete],
        "missing": [{"alternative": a, "criterion": c} for a, c in result.missing],
        "stability": {k: [low, high] for k, (low, high) in result.stability.items()},
        "shares": dict(result.shares),
        "leader": result.leader,
        "fragile": list(result.fragile),
    }
