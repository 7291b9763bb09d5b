"""Step 5's cell verb: set or clear one participant's score in one cell of the matrix.

The value is checked by ``sixstep.rules.check_score``, the one score rule the file loader and
the typed-cell parser use too.
"""

from __future__ import annotations

from dataclasses import dataclass

from fishbone.changes import Change
from sixstep.case import Case, Score
from sixstep.edits.base import Applied, Edit, EditError, Nothing, done
from sixstep.edits.records import check_place, find_alternative, find_criterion, index_of
from sixstep.rules import check_score, check_scorer


def find_score(case: Case, alternative_id: str, criterion_id: str,
               participant: str | None) -> Score | None:
    """The score in that cell given by ``participant`` (None: the group), if there is one."""
    for score in case.scores:  # (a typed score looks through every score of the matrix:
        if score.alternative == alternative_id and score.criterion == criterion_id \
                and score.participant == participant:  # the other rows fail at the first test)
            return score
    return None


@dataclass(frozen=True)
class SetScore(Edit):
    """Set one participant's score in one cell (``participant`` None: the group's), or clear
    it (``value`` None). A score already there keeps its place in the list."""

    alternative_id: str
    criterion_id: str
    value: bool | float | None
    participant: str | None = None

    def describe(self) -> str:
        return "Clear a score" if self.value is None else "Score a cell"

    def check(self, case: Case) -> bool | float | None:
        """Refuse the edit (``EditError``, ``RuleError``) as ``apply`` would, changing nothing;
        returns the value as it would be stored."""
        find_alternative(case, self.alternative_id)
        criterion = find_criterion(case, self.criterion_id)
        check_scorer(self.participant, {p.id for p in case.participants})
        if self.value is None:
            return None
        scale = case.score_scale
        return check_score(criterion.kind, criterion.name, self.value, scale.min, scale.max)

    def apply(self, case: Case) -> Applied:
        value = self.check(case)
        alternative, criterion, who = self.alternative_id, self.criterion_id, self.participant
        score = find_score(case, alternative, criterion, who)
        change = Change("scores", (alternative,))
        if score is None and value is None:
            return Applied(Nothing(), ())  # nothing to clear
        if score is None:
            score = Score(alternative, criterion, value, who)  # type: ignore[arg-type]
            case.scores.append(score)
            return done(case, SetScore(alternative, criterion, None, who), change)
        if value is None:
            place = index_of(case.scores, score)
            del case.scores[place]
            return done(case, _PutBackScore(score, place), change)
        old, score.value = score.value, value
        return done(case, _PutBackValue(alternative, criterion, who, old), change)


@dataclass(frozen=True)
class _PutBackScore(Edit):
    """Undo clearing a cell: the very score at the place it had."""

    score: Score
    index: int

    def apply(self, case: Case) -> Applied:
        score = self.score
        if find_score(case, score.alternative, score.criterion, score.participant):
            raise EditError("That cell holds a score already.")
        case.scores.insert(check_place(self.index, len(case.scores)), score)
        return done(case, SetScore(score.alternative, score.criterion, None, score.participant),
                    Change("scores", (score.alternative,)))


@dataclass(frozen=True)
class _PutBackValue(Edit):
    """Undo changing a cell's value: the value exactly as it was (as a file wrote it)."""

    alternative_id: str
    criterion_id: str
    participant: str | None
    value: bool | float

    def apply(self, case: Case) -> Applied:
        score = find_score(case, self.alternative_id, self.criterion_id, self.participant)
        if score is None:
            raise EditError("That cell holds no score.")
        old, score.value = score.value, self.value
        return done(case, SetScore(self.alternative_id, self.criterion_id, old,
                                   self.participant),
                    Change("scores", (self.alternative_id,)))
