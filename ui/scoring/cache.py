"""Scoring shared by the pages: the same case contents are scored once, however many ask.

Steps 5 and 6 both show the scoring and both hear of every change; the second to ask after a
change gets the result the first one computed. The key is what ``score_case`` reads, taken
from the case itself, so no signal order or forgotten notice can hand out a stale result.
"""

from __future__ import annotations

from sixstep.case import Case
from sixstep.scoring import ScoringResult, score_case

_KEEP = 4  # results kept (a mean and a median of the same case, and an undo's worth)
_results: dict[tuple, ScoringResult] = {}


def scoring_key(case: Case, aggregate: str) -> tuple:
    """Everything the score of ``case`` depends on, as one comparable value."""
    return (
        aggregate, case.score_scale.min, case.score_scale.max,
        tuple((c.id, c.name, c.kind, c.weight) for c in case.criteria),
        tuple((a.id, a.name, a.status) for a in case.alternatives),
        tuple((s.alternative, s.criterion, s.participant, type(s.value), s.value)
              for s in case.scores),
    )


def scored(case: Case, aggregate: str = "mean") -> ScoringResult:
    """``score_case(case, aggregate)``, computed once per distinct contents; raises as it does."""
    key = scoring_key(case, aggregate)
    result = _results.pop(key, None)
    if result is None:
        result = score_case(case, aggregate)
        while len(_results) >= _KEEP:
            _results.pop(next(iter(_results)))
    _results[key] = result  # the most recently used last
    return result
