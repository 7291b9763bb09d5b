"""Scoring shared by the pages: a case is scored once per change that can move a score.

Steps 5 and 6 both show the scoring; the second to ask after a change gets the result the
first one computed. The cache hears the case's change stream before any view does (it
subscribes first) and forgets a case's results when a change that can move a score arrives,
so no view reads a stale result and nothing compares contents. Notes, descriptions, cause
links and the step 6 fields never cost a scoring.
"""

from __future__ import annotations

import weakref

from fishbone.changes import Change
from sixstep.case import Case
from sixstep.scoring import ScoringResult, score_case

# Change kinds that can move a total, a rank or a name the result carries.
SCORING_KINDS = frozenset({
    "criterion_added", "criterion_removed", "criterion_moved", "criterion_changed",
    "alternative_added", "alternative_removed", "alternative_moved", "alternative_status",
    "alternative_changed", "scores", "score_scale", "participants",
})
_NOT_SCORED = {"criterion_changed": {"description"},  # fields scoring never reads
               "alternative_changed": {"strengths", "weaknesses", "cost", "benefit",
                                       "addresses"}}


def moves_scores(change: Change) -> bool:
    """Whether ``change`` can change what ``score_case`` returns."""
    return (change.kind in SCORING_KINDS
            and change.attribute not in _NOT_SCORED.get(change.kind, ()))


class _CaseResults:
    """One case's results by aggregate ("mean", "median"), forgotten on a scoring change."""

    def __init__(self, case: Case) -> None:
        self.results: dict[str, ScoringResult] = {}
        case.changes.subscribe(self._on_case_change, first=True)  # held weakly by the stream

    def _on_case_change(self, change: Change) -> None:
        if moves_scores(change):
            self.results.clear()


_results: dict[int, _CaseResults] = {}  # id(case) -> its results, while the case lives


def _entry(case: Case) -> _CaseResults:
    key = id(case)
    entry = _results.get(key)
    if entry is None:
        entry = _results[key] = _CaseResults(case)
        weakref.finalize(case, _results.pop, key, None)
    return entry


def scored(case: Case, aggregate: str = "mean") -> ScoringResult:
    """``score_case(case, aggregate)``, computed once until a change can move a score;
    raises as it does."""
    results = _entry(case).results
    result = results.get(aggregate)
    if result is None:
        result = results[aggregate] = score_case(case, aggregate)
    return result


def forget(case: Case) -> None:
    """Score ``case`` afresh next time (after it was changed without an edit)."""
    entry = _results.get(id(case))
    if entry is not None:
        entry.results.clear()
