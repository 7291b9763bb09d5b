"""Steps 4 and 5's verbs on alternatives: add, remove, move, edit their notes and linked causes,
eliminate with a reason, restore, and merge several into one.

Removing an alternative takes its scores and its place in the chosen list along, and opens
again the alternatives that were merged into it (none may point at a missing id).

Merging reconciles scores this way: the alternative merged into keeps every score it has.
A cell (criterion and participant) that only the merged alternatives had is carried over to
it: the mean of their values for a want criterion (rounded to two decimals), and for a must
criterion a pass only when every one of them passed. The merged alternatives keep their own
scores and cause links untouched, and their links are added to the merged-into alternative.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from fishbone.changes import Change
from sixstep.case import Alternative, Case, Score, next_id
from sixstep.edits.base import Applied, Edit, EditError, done
from sixstep.edits.records import (
    Taken,
    check_place,
    check_put_back,
    find_alternative,
    index_of,
    put_back,
    take,
)
from sixstep.numbers import plain_number
from sixstep.rules import check_choice, check_linked_cause, check_text

TEXT_FIELDS: tuple[str, ...] = ("name", "strengths", "weaknesses", "cost", "benefit")

# (alternative id, status, merged_into, eliminated_reason): what a status edit puts back
Status = tuple[str, str, str | None, str]


def new_alternative_id(case: Case) -> str:
    """A fresh alternative id: one past the largest "a" number in use."""
    return next_id("a", [a.id for a in case.alternatives])


def _status_of(alternative: Alternative) -> Status:
    return (alternative.id, alternative.status, alternative.merged_into,
            alternative.eliminated_reason)


def _set_status(case: Case, status: Status) -> None:
    alternative = find_alternative(case, status[0])
    alternative.status, alternative.merged_into, alternative.eliminated_reason = status[1:]


def _scores_change(scores: Taken[Score]) -> tuple[Change, ...]:
    ids = tuple(dict.fromkeys(score.alternative for _, score in scores))
    return (Change("scores", ids),) if ids else ()


def _is_open(alternative: Alternative) -> None:
    if alternative.status != "open":
        raise EditError(f"\u201c{alternative.name}\u201d is not open.")


@dataclass(frozen=True)
class AddAlternative(Edit):
    """A new open alternative at ``index`` (the end when None); ``alternative_id`` "" takes a
    fresh id."""

    label: ClassVar[str] = "Add alternative"
    name: str
    index: int | None = None
    alternative_id: str = ""

    def apply(self, case: Case) -> Applied:
        name = check_text(self.name, "An alternative's name")
        place = check_place(self.index, len(case.alternatives))
        new_id = self.alternative_id or new_alternative_id(case)
        if any(a.id == new_id for a in case.alternatives):
            raise EditError(f"The alternative id {new_id!r} is taken.")
        case.alternatives.insert(place, Alternative(new_id, name))
        return done(case, RemoveAlternative(new_id), Change("alternative_added", (new_id,)))


@dataclass(frozen=True)
class RemoveAlternative(Edit):
    """Take an alternative out, with its scores and its place in the chosen list; the
    alternatives merged into it are opened again."""

    label: ClassVar[str] = "Remove alternative"
    alternative_id: str

    def apply(self, case: Case) -> Applied:
        gone = find_alternative(case, self.alternative_id)
        place = index_of(case.alternatives, gone)
        reopened = tuple(_status_of(a) for a in case.alternatives
                         if a.merged_into == gone.id and a is not gone)
        del case.alternatives[place]
        scores = take(case.scores, lambda s: s.alternative == gone.id)
        chosen = take(case.selection.chosen, lambda c: c == gone.id)
        for status in reopened:
            _set_status(case, (status[0], "open", None, status[3]))
        changes = [Change("alternative_removed", (gone.id,)), *_scores_change(scores)]
        if chosen:
            changes.append(Change("selection", ("selection.chosen",)))
        if reopened:
            changes.append(Change("alternative_status", tuple(s[0] for s in reopened)))
        return done(case, PutBackAlternative(gone, place, scores, chosen, reopened), *changes)


@dataclass(frozen=True)
class PutBackAlternative(Edit):
    """Undo a removal: the same alternative, scores and chosen entries at their places, and
    the alternatives it had reopened merged into it again."""

    label: ClassVar[str] = "Add alternative"
    alternative: Alternative
    index: int
    scores: Taken[Score] = ()
    chosen: Taken[str] = ()
    merged: tuple[Status, ...] = ()

    def apply(self, case: Case) -> Applied:
        if any(a.id == self.alternative.id for a in case.alternatives):
            raise EditError(f"The alternative id {self.alternative.id!r} is taken.")
        place = check_place(self.index, len(case.alternatives))
        check_put_back(case.scores, self.scores)
        check_put_back(case.selection.chosen, self.chosen)
        for status in self.merged:
            find_alternative(case, status[0])
        case.alternatives.insert(place, self.alternative)
        put_back(case.scores, self.scores)
        put_back(case.selection.chosen, self.chosen)
        for status in self.merged:
            _set_status(case, status)
        changes = [Change("alternative_added", (self.alternative.id,)),
                   *_scores_change(self.scores)]
        if self.chosen:
            changes.append(Change("selection", ("selection.chosen",)))
        if self.merged:
            changes.append(Change("alternative_status", tuple(s[0] for s in self.merged)))
        return done(case, RemoveAlternative(self.alternative.id), *changes)


@dataclass(frozen=True)
class MoveAlternative(Edit):
    """Move an alternative to ``index`` in the list."""

    label: ClassVar[str] = "Reorder alternatives"
    alternative_id: str
    index: int

    def apply(self, case: Case) -> Applied:
        alternative = find_alternative(case, self.alternative_id)
        old = index_of(case.alternatives, alternative)
        place = check_place(self.index, len(case.alternatives) - 1)
        case.alternatives.insert(place, case.alternatives.pop(old))
        return done(case, MoveAlternative(alternative.id, old),
                    Change("alternative_moved", (alternative.id,)))


@dataclass(frozen=True)
class SetAlternativeText(Edit):
    """An alternative's name, strengths, weaknesses, cost or benefit. Typing in one field
    merges into one undo step (``typing`` False: a step of its own)."""

    alternative_id: str
    field: str
    value: str
    typing: bool = True

    def describe(self) -> str:
        return f"Edit alternative's {self.field}"

    def merges_with(self, other: Edit) -> bool:
        return (isinstance(other, SetAlternativeText) and self.typing and other.typing
                and (other.alternative_id, other.field) == (self.alternative_id, self.field))

    def apply(self, case: Case) -> Applied:
        alternative = find_alternative(case, self.alternative_id)
        field = check_choice(self.field, TEXT_FIELDS, "An alternative's text field")
        value = check_text(self.value, f"An alternative's {field}")
        old = getattr(alternative, field)
        setattr(alternative, field, value)
        return done(case, SetAlternativeText(alternative.id, field, old, self.typing),
                    Change("alternative_changed", (alternative.id,), field))


@dataclass(frozen=True)
class SetAlternativeCauses(Edit):
    """The causes of the fishbone an alternative addresses (each once, in this order)."""

    label: ClassVar[str] = "Link causes"
    alternative_id: str
    addresses: tuple[str, ...]

    def apply(self, case: Case) -> Applied:
        alternative = find_alternative(case, self.alternative_id)
        known = {cause.id for cause in case.fishbone.causes}
        for cause_id in self.addresses:
            check_linked_cause(cause_id, known)
        if len(set(self.addresses)) != len(self.addresses):
            raise EditError("A cause is linked once.")
        old = tuple(alternative.addresses)
        alternative.addresses = list(self.addresses)
        return done(case, _PutBackCauses(alternative.id, old),
                    Change("alternative_changed", (alternative.id,), "addresses"))


@dataclass(frozen=True)
class _PutBackCauses(Edit):
    """Undo ``SetAlternativeCauses``: the links exactly as they were (as a file had them)."""

    label: ClassVar[str] = "Link causes"
    alternative_id: str
    addresses: tuple[str, ...]

    def apply(self, case: Case) -> Applied:
        alternative = find_alternative(case, self.alternative_id)
        old = tuple(alternative.addresses)
        alternative.addresses = list(self.addresses)
        return done(case, SetAlternativeCauses(alternative.id, old),
                    Change("alternative_changed", (alternative.id,), "addresses"))


@dataclass(frozen=True)
class EliminateAlternative(Edit):
    """Set an open alternative aside, saying why."""

    label: ClassVar[str] = "Eliminate alternative"
    alternative_id: str
    reason: str

    def apply(self, case: Case) -> Applied:
        alternative = find_alternative(case, self.alternative_id)
        _is_open(alternative)
        reason = check_text(self.reason, "The reason")
        old = _status_of(alternative)
        _set_status(case, (alternative.id, "eliminated", None, reason))
        return done(case, PutBackStatus((old,)),
                    Change("alternative_status", (alternative.id,)))


@dataclass(frozen=True)
class RestoreAlternative(Edit):
    """Bring an eliminated or merged alternative back into the evaluation. Scores carried
    over to the alternative it was merged into stay there."""

    label: ClassVar[str] = "Restore alternative"
    alternative_id: str

    def apply(self, case: Case) -> Applied:
        alternative = find_alternative(case, self.alternative_id)
        if alternative.status == "open":
            raise EditError(f"\u201c{alternative.name}\u201d is open already.")
        old = _status_of(alternative)
        _set_status(case, (alternative.id, "open", None, ""))
        return done(case, PutBackStatus((old,)),
                    Change("alternative_status", (alternative.id,)))


@dataclass(frozen=True)
class PutBackStatus(Edit):
    """Alternatives' statuses exactly as given (the undo of eliminate and restore)."""

    label: ClassVar[str] = "Change alternatives' status"
    statuses: tuple[Status, ...]

    def apply(self, case: Case) -> Applied:
        alternatives = [find_alternative(case, status[0]) for status in self.statuses]
        old = tuple(_status_of(a) for a in alternatives)
        for status in self.statuses:
            _set_status(case, status)
        return done(case, PutBackStatus(old),
                    Change("alternative_status", tuple(a.id for a in alternatives)))


def carried_scores(case: Case, source_ids: tuple[str, ...], target_id: str) -> list[Score]:
    """The cells only the merged alternatives had, combined for the merged-into one (see the
    module docstring)."""
    have = {(s.criterion, s.participant) for s in case.scores if s.alternative == target_id}
    pooled: dict[tuple[str, str | None], list[bool | float]] = {}
    for score in case.scores:
        key = (score.criterion, score.participant)
        if score.alternative in source_ids and key not in have:
            pooled.setdefault(key, []).append(score.value)
    kinds = {c.id: c.kind for c in case.criteria}
    carried: list[Score] = []
    for (criterion_id, participant), values in pooled.items():
        if criterion_id not in kinds:
            continue
        if kinds[criterion_id] == "must":
            value: bool | float = all(bool(v) for v in values)
        else:
            numbers = [float(v) for v in values]
            value = plain_number(round(sum(numbers) / len(numbers), 2))
        carried.append(Score(target_id, criterion_id, value, participant))
    return carried


@dataclass(frozen=True)
class MergeAlternatives(Edit):
    """Fold similar open alternatives into one open alternative (see the module docstring)."""

    label: ClassVar[str] = "Merge alternatives"
    source_ids: tuple[str, ...]
    target_id: str

    def apply(self, case: Case) -> Applied:
        target = find_alternative(case, self.target_id)
        sources = [find_alternative(case, s) for s in self.source_ids]
        if not sources or self.target_id in self.source_ids \
                or len(set(self.source_ids)) != len(self.source_ids):
            raise EditError("Choose other alternatives to merge into this one.")
        for alternative in (target, *sources):
            _is_open(alternative)
        statuses = tuple(_status_of(s) for s in sources)
        old_addresses = tuple(target.addresses)
        addresses = list(target.addresses)
        for source in sources:
            addresses += [c for c in source.addresses if c not in addresses]
        carried = carried_scores(case, self.source_ids, target.id)
        for source in sources:
            _set_status(case, (source.id, "merged", target.id, ""))
        target.addresses = addresses
        start = len(case.scores)
        case.scores.extend(carried)
        added = tuple((start + i, score) for i, score in enumerate(carried))
        changes = [Change("alternative_status", tuple(s.id for s in sources))]
        if tuple(addresses) != old_addresses:
            changes.append(Change("alternative_changed", (target.id,), "addresses"))
        changes += _scores_change(added)
        return done(case, _Unmerge(self, statuses, old_addresses, added), *changes)


def _carried_now(case: Case, carried: Taken[Score]) -> list[Score]:
    """The carried scores in the case: the very objects, or (an undo replayed from the
    recovery journal holds equal copies) equal ones at their places."""
    ids = {id(score) for _, score in carried}
    found = [score for score in case.scores if id(score) in ids]
    if len(found) != len(carried):
        scores = case.scores
        found = [scores[p] for p, score in carried if p < len(scores) and scores[p] == score]
    if len(found) != len(carried):
        raise EditError("The carried scores are no longer there.")
    return found


@dataclass(frozen=True)
class _Unmerge(Edit):
    """Undo a merge: the statuses, the target's links and the carried scores as they were."""

    label: ClassVar[str] = "Merge alternatives"
    merge: MergeAlternatives
    statuses: tuple[Status, ...]
    addresses: tuple[str, ...]
    carried: Taken[Score]

    def apply(self, case: Case) -> Applied:
        target = find_alternative(case, self.merge.target_id)
        for status in self.statuses:
            find_alternative(case, status[0])
        carried = {id(score) for score in _carried_now(case, self.carried)}
        changes = [Change("alternative_status", tuple(s[0] for s in self.statuses))]
        if tuple(target.addresses) != self.addresses:
            changes.append(Change("alternative_changed", (target.id,), "addresses"))
        for status in self.statuses:
            _set_status(case, status)
        target.addresses = list(self.addresses)
        take(case.scores, lambda s: id(s) in carried)
        changes += _scores_change(self.carried)
        return done(case, self.merge, *changes)
