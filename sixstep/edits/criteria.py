"""Step 3's verbs: add, remove, move and edit criteria (name, description, kind, weight).

A must has no weight. Changing a criterion's kind takes its scores along (they are of the
wrong kind now), and removing a criterion takes every score given against it; undo puts
those very scores back where they were.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from fishbone.changes import Change
from sixstep.case import Case, Criterion, Score, next_id
from sixstep.edits.base import Applied, Edit, EditError, Nothing, done
from sixstep.edits.records import (
    Taken,
    check_place,
    check_put_back,
    find_criterion,
    index_of,
    put_back,
    take,
)
from sixstep.rules import check_choice, check_criterion_kind, check_text, check_weight

TEXT_FIELDS: tuple[str, ...] = ("name", "description")


def new_criterion_id(case: Case) -> str:
    """A fresh criterion id: one past the largest "k" number in use."""
    return next_id("k", [c.id for c in case.criteria])


def _scores_changed(taken: Taken[Score]) -> tuple[Change, ...]:
    """The ``scores`` change for scores taken out or put back (none when there were none)."""
    if not taken:
        return ()
    ids = tuple(dict.fromkeys(score.alternative for _, score in taken))
    return (Change("scores", ids),)


@dataclass(frozen=True)
class AddCriterion(Edit):
    """A new criterion at ``index`` (the end when None); ``criterion_id`` "" takes a fresh id."""

    label: ClassVar[str] = "Add criterion"
    name: str
    kind: str = "want"
    weight: float | None = None
    index: int | None = None
    criterion_id: str = ""

    def apply(self, case: Case) -> Applied:
        name = check_text(self.name, "A criterion's name")
        kind = check_criterion_kind(self.kind)
        weight = None if kind == "must" else check_weight(self.weight)
        place = check_place(self.index, len(case.criteria))
        new_id = self.criterion_id or new_criterion_id(case)
        if any(c.id == new_id for c in case.criteria):
            raise EditError(f"The criterion id {new_id!r} is taken.")
        case.criteria.insert(place, Criterion(new_id, name, kind, weight))
        return done(case, RemoveCriterion(new_id), Change("criterion_added", (new_id,)))


@dataclass(frozen=True)
class RemoveCriterion(Edit):
    """Take a criterion out, with every score given against it."""

    label: ClassVar[str] = "Remove criterion"
    criterion_id: str

    def apply(self, case: Case) -> Applied:
        criterion = find_criterion(case, self.criterion_id)
        place = index_of(case.criteria, criterion)
        del case.criteria[place]
        scores = take(case.scores, lambda s: s.criterion == self.criterion_id)
        return done(case, PutBackCriterion(criterion, place, scores),
                    Change("criterion_removed", (criterion.id,)), *_scores_changed(scores))


@dataclass(frozen=True)
class PutBackCriterion(Edit):
    """Undo a removal: the same criterion and scores, each at the place it had."""

    label: ClassVar[str] = "Add criterion"
    criterion: Criterion
    index: int
    scores: Taken[Score] = ()

    def apply(self, case: Case) -> Applied:
        if any(c.id == self.criterion.id for c in case.criteria):
            raise EditError(f"The criterion id {self.criterion.id!r} is taken.")
        place = check_place(self.index, len(case.criteria))
        check_put_back(case.scores, self.scores)
        case.criteria.insert(place, self.criterion)
        put_back(case.scores, self.scores)
        return done(case, RemoveCriterion(self.criterion.id),
                    Change("criterion_added", (self.criterion.id,)),
                    *_scores_changed(self.scores))


@dataclass(frozen=True)
class MoveCriterion(Edit):
    """Move a criterion to ``index`` in the order of importance."""

    label: ClassVar[str] = "Reorder criteria"
    criterion_id: str
    index: int

    def apply(self, case: Case) -> Applied:
        criterion = find_criterion(case, self.criterion_id)
        old = index_of(case.criteria, criterion)
        place = check_place(self.index, len(case.criteria) - 1)
        case.criteria.insert(place, case.criteria.pop(old))
        return done(case, MoveCriterion(criterion.id, old),
                    Change("criterion_moved", (criterion.id,)))


@dataclass(frozen=True)
class SetCriterionText(Edit):
    """A criterion's name or description. Typing in one field merges into one undo step
    (``typing`` False: a step of its own)."""

    criterion_id: str
    field: str
    value: str
    typing: bool = True

    def describe(self) -> str:
        return f"Edit criterion's {self.field}"

    def merges_with(self, other: Edit) -> bool:
        return (isinstance(other, SetCriterionText) and self.typing and other.typing
                and (other.criterion_id, other.field) == (self.criterion_id, self.field))

    def apply(self, case: Case) -> Applied:
        criterion = find_criterion(case, self.criterion_id)
        field = check_choice(self.field, TEXT_FIELDS, "A criterion's text field")
        value = check_text(self.value, f"A criterion's {field}")
        old = getattr(criterion, field)
        setattr(criterion, field, value)
        return done(case, SetCriterionText(criterion.id, field, old, self.typing),
                    Change("criterion_changed", (criterion.id,), field))


@dataclass(frozen=True)
class SetCriterionWeight(Edit):
    """A want criterion's weight (None: not weighted yet); a must has none."""

    label: ClassVar[str] = "Edit criterion's weight"
    criterion_id: str
    weight: float | None

    def apply(self, case: Case) -> Applied:
        criterion = find_criterion(case, self.criterion_id)
        if criterion.kind == "must":
            raise EditError("A must criterion has no weight.")
        weight = check_weight(self.weight)
        old, criterion.weight = criterion.weight, weight
        return done(case, PutBackWeights(((criterion.id, old),), self.label),
                    Change("criterion_changed", (criterion.id,), "weight"))


@dataclass(frozen=True)
class SetCriterionKind(Edit):
    """Make a criterion a must or a want: a must loses its weight, and the criterion's scores
    (pass/fail or numbers, now of the wrong kind) go in the same edit."""

    criterion_id: str
    kind: str

    def describe(self) -> str:
        return f"Make criterion a {self.kind}"

    def apply(self, case: Case) -> Applied:
        criterion = find_criterion(case, self.criterion_id)
        kind = check_criterion_kind(self.kind)
        if kind == criterion.kind:
            return Applied(Nothing(), ())
        old_kind, old_weight = criterion.kind, criterion.weight
        criterion.kind = kind
        if kind == "must":
            criterion.weight = None
        scores = take(case.scores, lambda s: s.criterion == criterion.id)
        return done(case, PutBackKind(criterion.id, old_kind, old_weight, scores),
                    Change("criterion_changed", (criterion.id,), "kind"),
                    *_scores_changed(scores))


@dataclass(frozen=True)
class PutBackKind(Edit):
    """Undo a change of kind: the kind, the weight and the very scores it took."""

    label: ClassVar[str] = "Change criterion's kind"
    criterion_id: str
    kind: str
    weight: float | None
    scores: Taken[Score] = ()

    def apply(self, case: Case) -> Applied:
        criterion = find_criterion(case, self.criterion_id)
        kind = check_criterion_kind(self.kind)
        check_weight(self.weight)
        check_put_back(case.scores, self.scores)
        undo = SetCriterionKind(criterion.id, criterion.kind)
        criterion.kind, criterion.weight = kind, self.weight  # exactly as it was
        put_back(case.scores, self.scores)
        return done(case, undo, Change("criterion_changed", (criterion.id,), "kind"),
                    *_scores_changed(self.scores))


@dataclass(frozen=True)
class ApplyWeights(Edit):
    """Give several want criteria their weights at once (proposed weights): one edit."""

    weights: tuple[tuple[str, float | None], ...]
    title: str = "Apply proposed weights"

    def describe(self) -> str:
        return self.title

    def apply(self, case: Case) -> Applied:
        planned: list[tuple[Criterion, int | float | None]] = []
        for criterion_id, weight in self.weights:
            criterion = find_criterion(case, criterion_id)
            if criterion.kind != "want":
                raise EditError(f"\u201c{criterion.name}\u201d is a must: it has no weight.")
            planned.append((criterion, check_weight(weight)))
        old = tuple((criterion.id, criterion.weight) for criterion, _ in planned)
        for criterion, weight in planned:
            criterion.weight = weight
        ids = tuple(dict.fromkeys(criterion.id for criterion, _ in planned))
        changes = (Change("criterion_changed", ids, "weight"),) if ids else ()
        return done(case, PutBackWeights(tuple(reversed(old)), self.title), *changes)


@dataclass(frozen=True)
class PutBackWeights(Edit):
    """Undo a weight edit: each weight exactly as it was (as a file wrote it)."""

    weights: tuple[tuple[str, float | None], ...]
    title: str = "Apply proposed weights"

    def describe(self) -> str:
        return self.title

    def apply(self, case: Case) -> Applied:
        criteria = [find_criterion(case, criterion_id) for criterion_id, _ in self.weights]
        old = tuple((c.id, c.weight) for c in reversed(criteria))
        for criterion, (_, weight) in zip(criteria, self.weights, strict=True):
            criterion.weight = weight
        ids = tuple(dict.fromkeys(c.id for c in criteria))
        changes = (Change("criterion_changed", ids, "weight"),) if ids else ()
        return done(case, ApplyWeights(old, self.title), *changes)
