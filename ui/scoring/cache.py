"""Scoring shared by the pages: a case is scored once per change that can move a score.

Steps 5 and 6 both show the scoring; the second to ask after a change gets the result the
first one computed. The cache hears the case's change stream before any view does (it
subscribes first) and forgets a case's results when a change that can move a score arrives,
so no view reads a stale result and nothing compares contents. Notes, descriptions, cause
links and the step 6 fields never cost a scoring.

The combined cells (each cell's mean or median of everyone's scores) are kept across score
changes: a change of scores names the alternatives whose cells changed, and only those rows
are combined again; a weight or a name leaves every cell as it was. Each row's screening and
totals are kept the same way (``Standings``): a score works out its own row again.
"""

from __future__ import annotations

import weakref

from fishbone.changes import Change
from sixstep.case import Case
from sixstep.scoring import Cells, ScoringResult, Standings, combine_cells, score_case

# Change kinds that can move a total, a rank or a name the result carries.
SCORING_KINDS = frozenset({
    "criterion_added", "criterion_removed", "criterion_moved", "criterion_changed",
    "alternative_added", "alternative_removed", "alternative_moved", "alternative_status",
    "alternative_changed", "scores", "score_scale", "participants",
})
_NOT_SCORED = {"criterion_changed": {"description"},  # fields scoring never reads
               "alternative_changed": {"strengths", "weaknesses", "cost", "benefit",
                                       "addresses"}}
# Changes after which every combined cell is what it was (the cells hold no weight, name or
# place); any other change that moves scores combines every cell again.
_CELLS_KEPT = {"criterion_changed": {"weight", "name", "description"},
               "alternative_changed": None, "alternative_moved": None, "criterion_moved": None}


def moves_scores(change: Change) -> bool:
    """Whether ``change`` can change what ``score_case`` returns."""
    return (change.kind in SCORING_KINDS
            and change.attribute not in _NOT_SCORED.get(change.kind, ()))


def keeps_cells(change: Change) -> bool:
    """Whether every combined cell is as it was after ``change`` (a score change names the
    rows it touched: those are combined again, the others kept)."""
    if change.kind not in _CELLS_KEPT:
        return False
    attributes = _CELLS_KEPT[change.kind]
    return attributes is None or change.attribute in attributes


class _CaseResults:
    """One case's results by aggregate ("mean", "median"), forgotten on a scoring change,
    and its combined cells by aggregate, with the rows to combine again."""

    def __init__(self, case: Case) -> None:
        self.results: dict[str, ScoringResult] = {}
        self.cells: dict[str, Cells] = {}
        self.stale_rows: set[str] = set()  # alternatives whose cells must be combined again
        self.standings: dict[str, Standings] = {}  # each row's screening and totals
        case.changes.subscribe(self._on_case_change, first=True)  # held weakly by the stream

    def _on_case_change(self, change: Change) -> None:
        if not moves_scores(change):
            return
        self.results.clear()
        if change.kind == "scores" and change.ids:
            self.stale_rows.update(change.ids)
            for standings in self.standings.values():
                standings.stale.update(change.ids)
        elif not keeps_cells(change):
            self.forget()

    def forget(self) -> None:
        self.results.clear()
        self.cells.clear()
        self.stale_rows.clear()
        self.standings.clear()

    def combined(self, case: Case, aggregate: str) -> Cells:
        """The combined cells for ``aggregate``, the stale rows combined again first."""
        if self.stale_rows:
            rows, self.stale_rows = self.stale_rows, set()
            for name, kept in self.cells.items():
                for key in [key for key in kept if key[0] in rows]:
                    del kept[key]
                kept.update(combine_cells(case, name, rows))
        cells = self.cells.get(aggregate)
        if cells is None:
            cells = self.cells[aggregate] = combine_cells(case, aggregate)
        return cells


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
    entry = _entry(case)
    result = entry.results.get(aggregate)
    if result is None:
        if aggregate not in ("mean", "median"):
            raise ValueError(f"unknown aggregate {aggregate!r}: use mean or median")
        kept = entry.standings.setdefault(aggregate, Standings())
        result = score_case(case, aggregate, cells=entry.combined(case, aggregate), kept=kept)
        entry.results[aggregate] = result
    return result


def forget(case: Case) -> None:
    """Score ``case`` afresh next time (after it was changed without an edit)."""
    entry = _results.get(id(case))
    if entry is not None:
        entry.forget()
