"""Verbs for the room: dots (from ``dots``), the relations diagram, the parking lot, the
workshop details, blind scoring and the step timers. Each checks, applies, tells the change
stream and returns its inverse."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from fishbone.changes import Change
from sixstep.case import Case, ParkedIdea, Relation
from sixstep.edits.base import Applied, Edit, EditError, done
from sixstep.edits.dots import (
    CastDot,
    DetachedRecords,
    RestoreDots,
    SetDotSettings,
    TakeBackDot,
    detach_cause_records,
    detach_participant_dots,
    restore_cause_records,
    restore_records,
)
from sixstep.rules import (
    check_blind,
    check_date,
    check_flag,
    check_relation,
    check_step_number,
    check_text,
    check_timer_seconds,
)

__all__ = [
    "AddParkedIdea", "AddRelation", "CastDot", "DetachedRecords", "MoveParkedIdea",
    "PutBackParkedIdea", "PutBackRelation", "RemoveParkedIdea", "RemoveRelation",
    "RestoreDots", "SetBlindScoring", "SetDotSettings", "SetParkedIdeaDone",
    "SetParkedIdeaText", "SetTimerPreset", "SetWorkshopField", "TakeBackDot",
    "detach_cause_records", "detach_participant_dots", "end_blind", "hide_scores",
    "restore_cause_records", "restore_records", "reveal_scores", "start_blind",
]


# -- relations ------------------------------------------------------------------------------
def _relation_index(case: Case, source: str, target: str) -> int:
    for i, r in enumerate(case.relations):
        if r.source == source and r.target == target:
            return i
    raise EditError("There is no such arrow.")


def _check_arrow(case: Case, source: str, target: str) -> None:
    check_relation(source, target, {c.id for c in case.fishbone.causes},
                   {(r.source, r.target) for r in case.relations})


@dataclass(frozen=True)
class AddRelation(Edit):
    """Draw the arrow "``source`` drives ``target``" at the end of the list."""

    label: ClassVar[str] = "Draw an arrow"
    source: str
    target: str

    def apply(self, case: Case) -> Applied:
        _check_arrow(case, self.source, self.target)
        case.relations.append(Relation(self.source, self.target))
        return done(case, RemoveRelation(self.source, self.target),
                    Change("relations", (self.source, self.target)))


@dataclass(frozen=True)
class RemoveRelation(Edit):
    label: ClassVar[str] = "Remove an arrow"
    source: str
    target: str

    def apply(self, case: Case) -> Applied:
        index = _relation_index(case, self.source, self.target)
        relation = case.relations.pop(index)
        return done(case, PutBackRelation(index, relation),
                    Change("relations", (self.source, self.target)))


@dataclass(frozen=True)
class PutBackRelation(Edit):
    """Undo of a removal: the same arrow record back at its list position."""

    label: ClassVar[str] = "Draw an arrow"
    index: int
    relation: Relation

    def apply(self, case: Case) -> Applied:
        r = self.relation
        _check_arrow(case, r.source, r.target)
        if not 0 <= self.index <= len(case.relations):
            raise EditError("The arrow's place in the list is gone.")
        case.relations.insert(self.index, r)
        return done(case, RemoveRelation(r.source, r.target),
                    Change("relations", (r.source, r.target)))


# -- parking lot ----------------------------------------------------------------------------
def _idea(case: Case, index: int) -> ParkedIdea:
    if not isinstance(index, int) or not 0 <= index < len(case.parking_lot):
        raise EditError("There is no such idea in the parking lot.")
    return case.parking_lot[index]


@dataclass(frozen=True)
class AddParkedIdea(Edit):
    """Park an idea that came up in ``step``, at ``index`` (None: at the end)."""

    label: ClassVar[str] = "Park an idea"
    text: str
    step: int
    index: int | None = None

    def apply(self, case: Case) -> Applied:
        idea = ParkedIdea(check_text(self.text, "The idea"), check_step_number(self.step))
        return PutBackParkedIdea(len(case.parking_lot) if self.index is None else self.index,
                                 idea).apply(case)


@dataclass(frozen=True)
class PutBackParkedIdea(Edit):
    """Put an idea record at ``index`` (the undo of a removal keeps the very record)."""

    label: ClassVar[str] = "Park an idea"
    index: int
    idea: ParkedIdea

    def apply(self, case: Case) -> Applied:
        if not isinstance(self.index, int) or not 0 <= self.index <= len(case.parking_lot):
            raise EditError("There is no such place in the parking lot.")
        check_text(self.idea.text, "The idea")
        check_step_number(self.idea.step)
        case.parking_lot.insert(self.index, self.idea)
        return done(case, RemoveParkedIdea(self.index),
                    Change("parking_lot", (str(self.index),), "added"))


@dataclass(frozen=True)
class RemoveParkedIdea(Edit):
    label: ClassVar[str] = "Remove a parked idea"
    index: int

    def apply(self, case: Case) -> Applied:
        _idea(case, self.index)
        idea = case.parking_lot.pop(self.index)
        return done(case, PutBackParkedIdea(self.index, idea),
                    Change("parking_lot", (str(self.index),), "removed"))


@dataclass(frozen=True)
class SetParkedIdeaText(Edit):
    label: ClassVar[str] = "Edit a parked idea"
    index: int
    text: str

    def apply(self, case: Case) -> Applied:
        idea = _idea(case, self.index)
        text = check_text(self.text, "The idea")
        old, idea.text = idea.text, text
        return done(case, SetParkedIdeaText(self.index, old),
                    Change("parking_lot", (str(self.index),), "text"))

    def merges_with(self, other: Edit) -> bool:
        return isinstance(other, SetParkedIdeaText) and other.index == self.index


@dataclass(frozen=True)
class SetParkedIdeaDone(Edit):
    label: ClassVar[str] = "Tick a parked idea"
    index: int
    done: bool

    def apply(self, case: Case) -> Applied:
        idea = _idea(case, self.index)
        old, idea.done = idea.done, check_flag(self.done, "Done")
        return done(case, SetParkedIdeaDone(self.index, old),
                    Change("parking_lot", (str(self.index),), "done"))


@dataclass(frozen=True)
class MoveParkedIdea(Edit):
    """Move the idea at ``index`` so that it ends up at ``to``."""

    label: ClassVar[str] = "Move a parked idea"
    index: int
    to: int

    def apply(self, case: Case) -> Applied:
        _idea(case, self.index)
        _idea(case, self.to)
        case.parking_lot.insert(self.to, case.parking_lot.pop(self.index))
        low, high = sorted((self.index, self.to))
        return done(case, MoveParkedIdea(self.to, self.index),
                    Change("parking_lot", tuple(str(i) for i in range(low, high + 1)),
                           "moved"))


# -- workshop, blind scoring, timers ------------------------------------------------------
WORKSHOP_FIELDS: tuple[str, ...] = ("date", "facilitator", "place")


@dataclass(frozen=True)
class SetWorkshopField(Edit):
    """The workshop's date (YYYY-MM-DD or empty), facilitator or place."""

    label: ClassVar[str] = "Edit the workshop details"
    attribute: str
    value: str

    def apply(self, case: Case) -> Applied:
        if self.attribute not in WORKSHOP_FIELDS:
            raise EditError(f"A workshop has no field {self.attribute!r}.")
        if self.attribute == "date":
            value = check_date(self.value)
        else:
            value = check_text(self.value, f"The {self.attribute}")
        old = getattr(case.workshop, self.attribute)
        setattr(case.workshop, self.attribute, value)
        return done(case, SetWorkshopField(self.attribute, old),
                    Change("workshop", (self.attribute,), self.attribute))

    def merges_with(self, other: Edit) -> bool:
        return isinstance(other, SetWorkshopField) and other.attribute == self.attribute


@dataclass(frozen=True)
class SetBlindScoring(Edit):
    """Blind scoring on or off, and revealed or hidden (only while on)."""

    label: ClassVar[str] = "Change blind scoring"
    on: bool
    revealed: bool

    def apply(self, case: Case) -> Applied:
        on, revealed = check_blind(self.on, self.revealed)
        b = case.blind
        inverse = SetBlindScoring(b.on, b.revealed)
        b.on, b.revealed = on, revealed
        return done(case, inverse, Change("blind"))

    def describe(self) -> str:
        if not self.on:
            return "End blind scoring"
        return "Reveal the scores" if self.revealed else "Hide the scores"


def start_blind() -> SetBlindScoring:
    """The room scores blind: entries and group values hidden until revealed."""
    return SetBlindScoring(True, False)


def reveal_scores() -> SetBlindScoring:
    return SetBlindScoring(True, True)


def hide_scores() -> SetBlindScoring:
    """Hide the scores again (blind stays on), say for another round."""
    return SetBlindScoring(True, False)


def end_blind() -> SetBlindScoring:
    return SetBlindScoring(False, False)


@dataclass(frozen=True)
class SetTimerPreset(Edit):
    """A step's timer preset in seconds (None: no preset)."""

    label: ClassVar[str] = "Set the step timer"
    step: int
    seconds: int | None

    def apply(self, case: Case) -> Applied:
        key = str(check_step_number(self.step))
        seconds = None if self.seconds is None else check_timer_seconds(self.seconds)
        old = case.timers.get(key)
        if seconds is None:
            case.timers.pop(key, None)
        else:
            case.timers[key] = seconds
        case.timers = {k: case.timers[k] for k in sorted(case.timers)}  # the file's order
        return done(case, SetTimerPreset(self.step, old), Change("timers", (key,)))
