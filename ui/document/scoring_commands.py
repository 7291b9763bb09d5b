"""Undoable edits of criteria, alternatives and scores (steps 3 to 5), each one undo step.

Undo labels never carry user text (menus would read an "&" in it as a shortcut mark).

Merging reconciles scores this way: the alternative merged into keeps every score it has.
A cell (criterion and participant) that only the merged alternatives had is carried over to
it: the mean of their values for a want criterion (rounded to two decimals), and for a must
criterion a pass only when every one of them passed. The merged alternatives keep their own
scores and cause links untouched, and their links are added to the merged-into alternative.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

from PySide6.QtGui import QUndoCommand

from sixstep.case import Alternative, Case, Criterion, Participant, Score, next_id
from ui.document.case_commands import InsertItemCommand, MoveItemCommand, SetFieldCommand
from ui.document.document import CaseDocument


def _plain_number(value: float) -> float:
    """An integral float as an int, so files read ``7`` rather than ``7.0``."""
    number = float(value)
    return int(number) if number.is_integer() else number


class SnapshotCommand(QUndoCommand):
    """Set attributes on records and swap lists, restoring the exact earlier state on undo.

    ``fields`` holds ``(target, attribute, value)``; ``lists`` holds ``(items, new_items)``;
    ``sections`` are told after every redo and undo.
    """

    def __init__(self, doc: CaseDocument, label: str, sections: Iterable[str],
                 fields: Iterable[tuple[Any, str, Any]] = (),
                 lists: Iterable[tuple[list, list]] = ()) -> None:
        super().__init__(label)
        self.doc = doc
        self.sections = tuple(sections)
        self.fields = [(t, a, getattr(t, a), v) for t, a, v in fields]
        self.lists = [(items, list(items), list(new)) for items, new in lists]

    def _apply(self, forward: bool) -> None:
        for target, attribute, old, new in self.fields:
            setattr(target, attribute, new if forward else old)
        for items, old, new in self.lists:
            items[:] = new if forward else old
        for section in self.sections:
            self.doc.notify(section)

    def redo(self) -> None:
        self._apply(True)

    def undo(self) -> None:
        self._apply(False)


# -- scores ---------------------------------------------------------------------------------

def check_score_value(case: Case, criterion: Criterion, value: bool | float) -> bool | float:
    """The value as stored for ``criterion``; ValueError when it is the wrong kind or range."""
    if criterion.kind == "must":
        if not isinstance(value, bool):
            raise ValueError(f"\u201c{criterion.name}\u201d is a must: pass or fail only.")
        return value
    if isinstance(value, bool):
        raise ValueError(f"\u201c{criterion.name}\u201d needs a number, not pass or fail.")
    low, high = case.score_scale.min, case.score_scale.max
    if not low <= float(value) <= high:
        raise ValueError(f"Scores run from {_plain_number(low)} to {_plain_number(high)}.")
    return _plain_number(value)


class SetScoreCommand(SnapshotCommand):
    """Set one participant's score in one cell, or clear it (``value`` None)."""

    def __init__(self, doc: CaseDocument, alternative_id: str, criterion_id: str,
                 value: bool | float | None, participant: str | None = None) -> None:
        case = doc.case
        criterion = case.criterion(criterion_id)
        case.alternative(alternative_id)  # an unknown id fails here, before anything changes
        key = (alternative_id, criterion_id, participant)
        new_scores: list[Score] = []
        placed = False
        if value is not None:
            value = check_score_value(case, criterion, value)
        for score in case.scores:
            if (score.alternative, score.criterion, score.participant) == key:
                if value is not None and not placed:
                    new_scores.append(Score(alternative_id, criterion_id, value, participant,
                                            dict(score.extra)))
                    placed = True
                continue
            new_scores.append(score)
        if value is not None and not placed:
            new_scores.append(Score(alternative_id, criterion_id, value, participant))
        super().__init__(doc, "Clear a score" if value is None else "Score a cell", ["scores"],
                         lists=[(case.scores, new_scores)])


# -- alternatives ---------------------------------------------------------------------------

def add_alternative_command(doc: CaseDocument, name: str,
                            index: int | None = None) -> InsertItemCommand:
    """A new open alternative with a fresh id (push it at once: the id is taken now)."""
    alternatives = doc.case.alternatives
    new_id = next_id("a", [a.id for a in alternatives])
    return InsertItemCommand(doc, "alternatives", alternatives, Alternative(new_id, name),
                             index, label="Add alternative")


def move_alternative_command(doc: CaseDocument, source: int, target: int) -> MoveItemCommand:
    return MoveItemCommand(doc, "alternatives", doc.case.alternatives, source, target,
                           label="Reorder alternatives")


def set_alternative_field_command(doc: CaseDocument, alternative_id: str, attribute: str,
                                  value: Any, merge: bool = True) -> SetFieldCommand:
    """Name, strengths, weaknesses, cost, benefit or addresses; typing merges."""
    alternative = doc.case.alternative(alternative_id)
    label = "Link causes" if attribute == "addresses" else f"Edit alternative's {attribute}"
    return SetFieldCommand(doc, "alternatives", alternative, attribute, value, label, merge)


class RemoveAlternativeCommand(SnapshotCommand):
    """Delete an alternative with its scores and its place in the selection.

    Alternatives merged into it are opened again, so none points at a missing id.
    """

    def __init__(self, doc: CaseDocument, alternative_id: str) -> None:
        case = doc.case
        gone = case.alternative(alternative_id)
        fields: list[tuple[Any, str, Any]] = []
        for other in case.alternatives:
            if other.merged_into == alternative_id:
                fields += [(other, "status", "open"), (other, "merged_into", None)]
        lists = [
            (case.alternatives, [a for a in case.alternatives if a is not gone]),
            (case.scores, [s for s in case.scores if s.alternative != alternative_id]),
            (case.selection.chosen, [c for c in case.selection.chosen if c != alternative_id]),
        ]
        super().__init__(doc, "Remove alternative",
                         ["alternatives", "scores", "selection"], fields, lists)


class EliminateAlternativeCommand(SnapshotCommand):
    """Set an open alternative aside, saying why."""

    def __init__(self, doc: CaseDocument, alternative_id: str, reason: str) -> None:
        alternative = doc.case.alternative(alternative_id)
        if alternative.status != "open":
            raise ValueError(f"\u201c{alternative.name}\u201d is not open.")
        super().__init__(doc, "Eliminate alternative", ["alternatives"], [
            (alternative, "status", "eliminated"),
            (alternative, "eliminated_reason", reason),
            (alternative, "merged_into", None),
        ])


class RestoreAlternativeCommand(SnapshotCommand):
    """Bring an eliminated or merged alternative back into the evaluation.

    Scores carried over to the alternative it was merged into stay there.
    """

    def __init__(self, doc: CaseDocument, alternative_id: str) -> None:
        alternative = doc.case.alternative(alternative_id)
        super().__init__(doc, "Restore alternative", ["alternatives"], [
            (alternative, "status", "open"),
            (alternative, "eliminated_reason", ""),
            (alternative, "merged_into", None),
        ])


def _carried_scores(case: Case, sources: list[str], target: str) -> list[Score]:
    """The cells only the merged alternatives had, combined for the merged-into one."""
    have = {(s.criterion, s.participant) for s in case.scores if s.alternative == target}
    pooled: dict[tuple[str, str | None], list[bool | float]] = {}
    for score in case.scores:
        key = (score.criterion, score.participant)
        if score.alternative in sources and key not in have:
            pooled.setdefault(key, []).append(score.value)
    carried: list[Score] = []
    for (criterion_id, participant), values in pooled.items():
        try:
            kind = case.criterion(criterion_id).kind
        except KeyError:
            continue
        if kind == "must":
            value: bool | float = all(bool(v) for v in values)
        else:
            numbers = [float(v) for v in values]
            value = _plain_number(round(sum(numbers) / len(numbers), 2))
        carried.append(Score(target, criterion_id, value, participant))
    return carried


class MergeAlternativesCommand(SnapshotCommand):
    """Fold similar alternatives into one (see the module docstring for the scores)."""

    def __init__(self, doc: CaseDocument, source_ids: list[str], target_id: str) -> None:
        case = doc.case
        target = case.alternative(target_id)
        sources = [case.alternative(s) for s in source_ids]
        if not sources or target_id in source_ids:
            raise ValueError("Choose other alternatives to merge into this one.")
        for alternative in [target, *sources]:
            if alternative.status != "open":
                raise ValueError(f"\u201c{alternative.name}\u201d is not open.")
        fields: list[tuple[Any, str, Any]] = []
        addresses = list(target.addresses)
        for source in sources:
            fields += [(source, "status", "merged"), (source, "merged_into", target_id),
                       (source, "eliminated_reason", "")]
            addresses += [c for c in source.addresses if c not in addresses]
        fields.append((target, "addresses", addresses))
        scores = list(case.scores) + _carried_scores(case, source_ids, target_id)
        super().__init__(doc, "Merge alternatives", ["alternatives", "scores"],
                         fields, [(case.scores, scores)])


# -- criteria -------------------------------------------------------------------------------

def add_criterion_command(doc: CaseDocument, name: str, kind: str = "want",
                          weight: float | None = None,
                          index: int | None = None) -> InsertItemCommand:
    """A new criterion with a fresh id (push it at once: the id is taken now)."""
    criteria = doc.case.criteria
    new_id = next_id("k", [c.id for c in criteria])
    criterion = Criterion(new_id, name, kind, None if kind == "must" else weight)
    return InsertItemCommand(doc, "criteria", criteria, criterion, index,
                             label="Add criterion")


def move_criterion_command(doc: CaseDocument, source: int, target: int) -> MoveItemCommand:
    return MoveItemCommand(doc, "criteria", doc.case.criteria, source, target,
                           label="Reorder criteria")


def set_criterion_field_command(doc: CaseDocument, criterion_id: str, attribute: str,
                                value: Any, merge: bool = False) -> QUndoCommand:
    """Name, description or weight; a change of kind goes through ``SetCriterionKindCommand``."""
    if attribute == "kind":
        return SetCriterionKindCommand(doc, criterion_id, value)
    criterion = doc.case.criterion(criterion_id)
    if attribute == "weight":
        if criterion.kind == "must":
            raise ValueError("A must criterion has no weight.")
        if value is not None and not float(value) > 0:
            raise ValueError("A weight is a positive number.")
        value = None if value is None else _plain_number(value)
    label = f"Edit criterion's {attribute}"
    return SetFieldCommand(doc, "criteria", criterion, attribute, value, label, merge)


class SetCriterionKindCommand(SnapshotCommand):
    """Make a criterion a must or a want: a must loses its weight, and the criterion's scores
    (pass/fail or numbers, now of the wrong kind) are cleared in the same undo step."""

    def __init__(self, doc: CaseDocument, criterion_id: str, kind: str) -> None:
        case = doc.case
        criterion = case.criterion(criterion_id)
        if kind not in ("must", "want"):
            raise ValueError(f"Unknown kind {kind!r}.")
        fields: list[tuple[Any, str, Any]] = [(criterion, "kind", kind)]
        lists: list[tuple[list, list]] = []
        if kind != criterion.kind:
            if kind == "must":
                fields.append((criterion, "weight", None))
            lists.append((case.scores, [s for s in case.scores if s.criterion != criterion_id]))
        super().__init__(doc, f"Make criterion a {kind}", ["criteria", "scores"],
                         fields, lists)


class RemoveCriterionCommand(SnapshotCommand):
    """Delete a criterion and every score given against it."""

    def __init__(self, doc: CaseDocument, criterion_id: str) -> None:
        case = doc.case
        gone = case.criterion(criterion_id)
        super().__init__(doc, "Remove criterion", ["criteria", "scores"], lists=[
            (case.criteria, [c for c in case.criteria if c is not gone]),
            (case.scores, [s for s in case.scores if s.criterion != criterion_id]),
        ])


class ApplyWeightsCommand(SnapshotCommand):
    """Give several want criteria new weights at once (proposed weights): one undo step."""

    def __init__(self, doc: CaseDocument, weights: dict[str, float],
                 label: str = "Apply proposed weights") -> None:
        fields: list[tuple[Any, str, Any]] = []
        for criterion_id, weight in weights.items():
            criterion = doc.case.criterion(criterion_id)
            if criterion.kind != "want":
                raise ValueError(f"\u201c{criterion.name}\u201d is a must: it has no weight.")
            if not float(weight) > 0:
                raise ValueError("A weight is a positive number.")
            fields.append((criterion, "weight", _plain_number(weight)))
        super().__init__(doc, label, ["criteria"], fields)


# -- scoring setup: the scale and the participants ------------------------------------------

SCALE_LIMIT = 1e6  # the largest scale end a case file may hold (either sign)


def scores_outside(case: Case, low: float, high: float,
                   leaving: Iterable[str] = ()) -> list[Score]:
    """The want scores outside ``low``..``high``, leaving out those of the participants in
    ``leaving`` (they go with their participant)."""
    wants = {c.id for c in case.criteria if c.kind == "want"}
    gone = set(leaving)
    return [s for s in case.scores if s.criterion in wants and s.participant not in gone
            and not isinstance(s.value, bool) and not low <= float(s.value) <= high]


def scores_given(case: Case, participant_id: str) -> int:
    """How many scores (pass/fail and numbers) ``participant_id`` has given."""
    return sum(1 for s in case.scores if s.participant == participant_id)


def new_participant_id(case: Case, taken: Iterable[str] = ()) -> str:
    """A fresh "p" id: not a participant's, not on any score, not in ``taken``."""
    used = [p.id for p in case.participants] + [s.participant for s in case.scores
                                                if s.participant] + list(taken)
    return next_id("p", used)


class ChangeScoringSetupCommand(SnapshotCommand):
    """The score scale and the participants (who joins, who leaves, their names and order)
    as one undo step, labelled "Change scoring setup".

    ``people`` lists ``(id, name)`` in the new order; an id the case does not know yet is a
    new participant. A participant who leaves takes their scores along. Want scores outside
    the new scale are refused (ValueError) unless ``clamp``: then each moves to the nearest
    end of the scale. ``changed`` is False when nothing would change (do not push it).
    """

    def __init__(self, doc: CaseDocument, low: float, high: float,
                 people: list[tuple[str, str]], clamp: bool = False) -> None:
        case = doc.case
        low, high = _plain_number(low), _plain_number(high)
        if not all(math.isfinite(v) and abs(v) <= SCALE_LIMIT for v in (low, high)):
            raise ValueError("The scale ends must be numbers between -1000000 and 1000000.")
        if not low < high:
            raise ValueError("The highest score must be above the lowest.")
        ids = [pid for pid, _ in people]
        if len(set(ids)) != len(ids):
            raise ValueError("Two participants share one id.")
        if any(not name.strip() for _, name in people):
            raise ValueError("Every participant needs a name.")
        known = {p.id: p for p in case.participants}
        fields: list[tuple[Any, str, Any]] = []
        participants: list[Participant] = []
        for pid, name in people:
            person = known.get(pid)
            if person is None:
                person = Participant(pid, name.strip())
            elif person.name != name.strip():
                fields.append((person, "name", name.strip()))
            participants.append(person)
        leaving = set(known) - set(ids)
        outside = {id(s) for s in scores_outside(case, low, high, leaving)}
        if outside and not clamp:
            raise ValueError(f"{len(outside)} scores lie outside {_plain_number(low)} to "
                             f"{_plain_number(high)}.")
        scores = [Score(s.alternative, s.criterion,
                        _plain_number(min(max(float(s.value), low), high)),
                        s.participant, dict(s.extra)) if id(s) in outside else s
                  for s in case.scores if s.participant not in leaving]
        sections: list[str] = []
        lists: list[tuple[list, list]] = []
        scale = case.score_scale
        new_scale = (scale.min, scale.max) != (low, high)
        if new_scale:
            sections.append("score_scale")
        if fields or ids != list(known):  # (so far ``fields`` holds only the renames)
            sections.append("participants")
        if new_scale:
            fields += [(scale, "min", low), (scale, "max", high)]
        if ids != list(known):
            lists.append((case.participants, participants))
        if outside or leaving:
            lists.append((case.scores, scores))
        if new_scale or outside or leaving:
            sections.append("scores")  # totals and percents change (step 6 shows them too)
        super().__init__(doc, "Change scoring setup", sections, fields, lists)
        self.changed = bool(sections)
