"""Step 5's scoring setup as one verb: the score scale and the participants (who joins, who
leaves, their names and order), with what that does to the scores already given.

A participant who leaves takes their scores and their dots along (the causes they sat on keep
their votes equal to the dots left). Want scores outside a narrower scale are
refused unless the edit is told to clamp: then each moves to the nearest end of the scale.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import ClassVar

from fishbone.changes import Change
from sixstep.case import Case, Participant, Score, next_id
from sixstep.edits.base import Applied, Edit, EditError, Nothing, done
from sixstep.edits.dots import (
    DetachedRecords,
    check_restore_records,
    detach_participant_dots,
    restore_records,
)
from sixstep.edits.records import Taken, check_put_back, put_back, take
from sixstep.numbers import format_number, plain_number
from sixstep.rules import check_scale, check_text


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


def _alternatives(scores: Iterable[Score]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(score.alternative for score in scores))


@dataclass(frozen=True)
class ChangeScoringSetup(Edit):
    """The scale ``low``..``high`` and the participants ``people`` (``(id, name)`` in the new
    order; an id the case does not know yet is a new participant), as one edit."""

    label: ClassVar[str] = "Change scoring setup"
    low: float
    high: float
    people: tuple[tuple[str, str], ...]
    clamp: bool = False

    def _names(self) -> list[tuple[str, str]]:
        ids = [pid for pid, _ in self.people]
        if len(set(ids)) != len(ids):
            raise EditError("Two participants share one id.")
        if any(not isinstance(pid, str) or not pid.strip() for pid in ids):
            raise EditError("Every participant needs an id.")
        names = [(pid, check_text(name, "A participant's name").strip())
                 for pid, name in self.people]
        if any(not name for _, name in names):
            raise EditError("Every participant needs a name.")
        return names

    def changes_anything(self, case: Case) -> bool:
        """Whether applying it would change the case (checking nothing)."""
        scale = case.score_scale
        people = [(pid, name.strip()) for pid, name in self.people]
        return ((scale.min, scale.max) != (self.low, self.high)
                or people != [(p.id, p.name) for p in case.participants])

    def apply(self, case: Case) -> Applied:
        low, high = check_scale(self.low, self.high)
        names = self._names()
        if not self.changes_anything(case):
            return Applied(Nothing(), ())
        known = {p.id: p for p in case.participants}
        leaving = set(known) - {pid for pid, _ in names}
        outside = scores_outside(case, low, high, leaving)
        if outside and not self.clamp:
            raise EditError(f"{len(outside)} scores lie outside {format_number(low)} to "
                            f"{format_number(high)}.")
        scale = case.score_scale
        old_scale = (scale.min, scale.max)
        old_people = tuple(case.participants)
        old_names = tuple((p, p.name) for p in case.participants)
        old_values = tuple((s, s.value) for s in outside)
        changes: list[Change] = []
        if old_scale != (low, high):
            scale.min, scale.max = low, high
            changes.append(Change("score_scale"))
        people = []
        for pid, name in names:
            person = known.get(pid) or Participant(pid, name)
            person.name = name
            people.append(person)
        case.participants[:] = people
        if names != [(p.id, name) for p, name in old_names]:
            changes.append(Change("participants", tuple(dict.fromkeys(
                [pid for pid, _ in names] + sorted(leaving)))))
        for score in outside:
            score.value = plain_number(min(max(float(score.value), low), high))
        taken = take(case.scores, lambda s: s.participant in leaving)
        if outside or taken:
            changes.append(Change("scores", _alternatives(
                [*outside, *(score for _, score in taken)])))
        dots = detach_participant_dots(case, leaving) if leaving else DetachedRecords()
        changes.extend(dots.changes())
        old = _OldSetup(old_scale, old_people, old_names, old_values, taken, dots)
        return done(case, _PutBackSetup(self, old), *changes)


@dataclass(frozen=True)
class _OldSetup:
    """What a setup change replaced: the scale, the participants (the same objects, with
    their names), the clamped scores' values, the scores that left, and the dots that left
    (with the votes of the causes they sat on)."""

    scale: tuple[float, float]
    participants: tuple[Participant, ...]
    names: tuple[tuple[Participant, str], ...]
    values: tuple[tuple[Score, bool | float], ...]
    taken: Taken[Score]
    dots: DetachedRecords = DetachedRecords()


def _in_case(case: Case, score: Score) -> Score:
    """``score`` itself, or (an undo replayed from the recovery journal holds copies) the
    case's score of the same cell."""
    cell = (score.alternative, score.criterion, score.participant)
    for mine in case.scores:
        if mine is score:
            return mine
    for mine in case.scores:
        if (mine.alternative, mine.criterion, mine.participant) == cell:
            return mine
    return score


@dataclass(frozen=True)
class _PutBackSetup(Edit):
    """Undo a setup change: everything exactly as it was."""

    label: ClassVar[str] = "Change scoring setup"
    setup: ChangeScoringSetup
    old: _OldSetup

    def apply(self, case: Case) -> Applied:
        old = self.old
        check_put_back(case.scores, old.taken)
        check_restore_records(case, old.dots)
        scale = case.score_scale
        changes: list[Change] = []
        if (scale.min, scale.max) != old.scale:
            changes.append(Change("score_scale"))
        now = [(p.id, p.name) for p in case.participants]
        if now != [(p.id, name) for p, name in old.names]:
            changes.append(Change("participants", tuple(dict.fromkeys(
                [pid for pid, _ in now] + [p.id for p in old.participants]))))
        scale.min, scale.max = old.scale
        for person, name in old.names:
            person.name = name
        case.participants[:] = old.participants
        for score, value in old.values:
            _in_case(case, score).value = value
        put_back(case.scores, old.taken)
        restore_records(case, old.dots)
        moved = [score for score, _ in old.values] + [score for _, score in old.taken]
        if moved:
            changes.append(Change("scores", _alternatives(moved)))
        changes.extend(old.dots.changes())
        return done(case, self.setup, *changes)
