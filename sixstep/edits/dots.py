"""Dot voting verbs: cast or take back a dot (budget and cap checked, the cause's votes kept
equal to its dots), the dot settings, and the records a removed cause, heading or participant
takes with it (for the removal edits to keep and put back)."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import ClassVar

from fishbone.changes import Change
from sixstep.case import Case, Dot, Relation, RoomIdea
from sixstep.dots import dot_budget, dot_totals, dots_held, find_dot
from sixstep.edits.base import Applied, Edit, EditError, done
from sixstep.rules import (
    RuleError,
    check_dot_budget,
    check_dot_cap,
    check_dot_limits,
    check_flag,
    check_votes,
    default_dot_budget,
)


def _who(case: Case, participant_id: str | None) -> str:
    """The participant's name for a message (EditError when unknown); "The room" for None."""
    if participant_id is None:
        return "The room"
    for person in case.participants:
        if person.id == participant_id:
            return person.name.strip() or participant_id
    raise EditError(f"There is no participant {participant_id!r}.")


def _check_cause(case: Case, cause_id: str) -> None:
    if not case.fishbone.has_cause(cause_id):
        raise EditError(f"There is no cause {cause_id!r}.")


def _snapshot(case: Case, cause_id: str) -> RestoreDots:
    return RestoreDots.snapshot(case, (cause_id,))


def _anonymous_from_counter(case: Case, cause_id: str) -> None:
    """A cause counted by hand before dots were recorded: its votes become anonymous dots, so
    its votes stay the total of its dots."""
    cause = case.fishbone.cause(cause_id)
    if cause.votes and cause_id not in dot_totals(case):
        case.dots.append(Dot(cause_id, None, cause.votes))


def _settle(case: Case, inverse: Edit, cause_id: str) -> Applied:
    cause = case.fishbone.cause(cause_id)
    cause.votes = dot_totals(case).get(cause_id, 0)
    return done(case, inverse, Change("dots", (cause_id,)),
                Change("cause_changed", (cause_id,), "votes"))


@dataclass(frozen=True)
class CastDot(Edit):
    """One more dot on a cause from a participant (None: an anonymous dot from the room)."""

    label: ClassVar[str] = "Cast a dot"
    cause_id: str
    participant_id: str | None = None

    def apply(self, case: Case) -> Applied:
        _check_cause(case, self.cause_id)
        who = _who(case, self.participant_id)
        cause = case.fishbone.cause(self.cause_id)
        check_votes(cause.votes + 1)
        record = find_dot(case, self.cause_id, self.participant_id)
        if self.participant_id is not None:
            if case.dot_settings.anonymous:
                raise EditError("Anonymous room mode records the room's totals only.")
            on_cause = record.count if record else 0
            check_dot_limits(who, dots_held(case, self.participant_id) + 1, dot_budget(case),
                             on_cause + 1, case.dot_settings.cap)
        inverse = _snapshot(case, self.cause_id)
        _anonymous_from_counter(case, self.cause_id)
        record = find_dot(case, self.cause_id, self.participant_id)
        if record is None:
            case.dots.append(Dot(self.cause_id, self.participant_id, 1))
        else:
            record.count += 1
        return _settle(case, inverse, self.cause_id)


@dataclass(frozen=True)
class TakeBackDot(Edit):
    """One dot fewer on a cause from a participant (None: from the room's anonymous dots)."""

    label: ClassVar[str] = "Take back a dot"
    cause_id: str
    participant_id: str | None = None

    def apply(self, case: Case) -> Applied:
        _check_cause(case, self.cause_id)
        who = _who(case, self.participant_id)
        counted = self.participant_id is None and self.cause_id not in dot_totals(case)
        if find_dot(case, self.cause_id, self.participant_id) is None and not (
                counted and case.fishbone.cause(self.cause_id).votes):
            raise EditError(f"{who} has no dot on this cause to take back.")
        inverse = _snapshot(case, self.cause_id)
        _anonymous_from_counter(case, self.cause_id)
        record = find_dot(case, self.cause_id, self.participant_id)
        assert record is not None
        record.count -= 1
        if record.count == 0:
            case.dots.remove(record)
        return _settle(case, inverse, self.cause_id)


@dataclass(frozen=True)
class RestoreDots(Edit):
    """Puts the dot records and some causes' votes back as they were: the undo of a dot verb."""

    label: ClassVar[str] = "Change dots"
    dots: tuple[Dot, ...]
    votes: tuple[tuple[str, int], ...]

    @classmethod
    def snapshot(cls, case: Case, cause_ids: tuple[str, ...]) -> RestoreDots:
        """The dots as they are now and the votes of ``cause_ids``: what undo puts back."""
        return cls(tuple(copy.deepcopy(case.dots)),
                   tuple((i, case.fishbone.cause(i).votes) for i in cause_ids))

    def apply(self, case: Case) -> Applied:
        for cause_id, votes in self.votes:
            _check_cause(case, cause_id)
            check_votes(votes)
        ids = tuple(cause_id for cause_id, _ in self.votes)
        inverse = RestoreDots.snapshot(case, ids)
        case.dots = list(copy.deepcopy(self.dots))
        for cause_id, votes in self.votes:
            case.fishbone.cause(cause_id).votes = votes
        return done(case, inverse, Change("dots", ids), Change("cause_changed", ids, "votes"))


@dataclass(frozen=True)
class SetDotSettings(Edit):
    """The budget per participant (None: the default), the cap per cause (None: no cap) and
    anonymous room mode. Refused when dots already placed would break the new limits."""

    label: ClassVar[str] = "Change dot voting settings"
    budget: int | None
    cap: int | None
    anonymous: bool

    def apply(self, case: Case) -> Applied:
        budget, cap = check_dot_budget(self.budget), check_dot_cap(self.cap)
        check_flag(self.anonymous, "Anonymous room mode")
        limit = budget if budget is not None else default_dot_budget(len(case.fishbone.causes))
        for person in case.participants:
            mine = [d.count for d in case.dots if d.participant == person.id]
            if mine:
                check_dot_limits(_who(case, person.id), sum(mine), limit, max(mine), cap)
        s = case.dot_settings
        inverse = SetDotSettings(s.budget, s.cap, s.anonymous)
        s.budget, s.cap, s.anonymous = budget, cap, self.anonymous
        return done(case, inverse, Change("dot_settings"))


def set_votes_through_dots(case: Case, cause_id: str, votes: int) -> None:
    """Give a cause that holds dots ``votes`` in all: the room's anonymous dots on it make up
    what the participants' own dots do not hold (RuleError below those). Checks, then
    changes; tells no one (the calling edit does)."""
    votes = check_votes(votes)
    held = sum(d.count for d in case.dots if d.cause == cause_id and d.participant is not None)
    if votes < held:
        raise RuleError(f"The participants' dots on this cause add up to {held}: take back "
                        "a participant's dot to go lower.")
    record = find_dot(case, cause_id, None)
    if record is not None and votes == held:
        case.dots.remove(record)
    elif record is not None:
        record.count = votes - held
    elif votes > held:
        case.dots.append(Dot(cause_id, None, votes - held))
    case.fishbone.cause(cause_id).votes = votes


# -- records that go with a removed cause, heading or participant --------------------------
@dataclass(frozen=True)
class DetachedRecords:
    """What a removal took away with a cause, a heading or a participant: arrows and dots with
    their list positions, the votes of causes that lost dots, the room's pending ideas for a
    removed heading, and the senders of ideas whose participant left (they become anonymous).
    ``restore_records`` puts them back."""

    relations: tuple[tuple[int, Relation], ...] = ()
    dots: tuple[tuple[int, Dot], ...] = ()
    votes: tuple[tuple[str, int], ...] = ()  # (cause id, votes before) for surviving causes
    ideas: tuple[tuple[int, RoomIdea], ...] = ()  # room ideas under a removed heading
    senders: tuple[tuple[str, str], ...] = ()  # (room idea id, its sender before)

    def changes(self) -> tuple[Change, ...]:
        """The change notes for a removal (or its undo) to tell along with its own."""
        out = []
        if self.relations:
            ends = {i: None for _, r in self.relations for i in (r.source, r.target)}
            out.append(Change("relations", tuple(ends)))
        if self.dots:
            out.append(Change("dots", tuple({d.cause: None for _, d in self.dots})))
        if self.votes:
            out.append(Change("cause_changed", tuple(c for c, _ in self.votes), "votes"))
        if self.ideas or self.senders:
            out.append(Change("room_ideas", tuple(dict.fromkeys(
                [i.id for _, i in self.ideas] + [idea_id for idea_id, _ in self.senders]))))
        return tuple(out)


def detach_cause_records(case: Case, cause_ids: set[str] | list[str] | tuple[str, ...],
                         heading_ids: tuple[str, ...] = ()) -> DetachedRecords:
    """Take out the arrows touching ``cause_ids`` and the dots on them (call it when those
    causes are removed; their own ``votes`` stay on them for undo), and the room's pending
    ideas for the removed headings ``heading_ids``. Tells no one: the removal edit tells
    ``changes()`` with its own notes."""
    ideas = tuple((i, x) for i, x in enumerate(case.room_ideas) if x.category in heading_ids)
    if ideas:
        case.room_ideas = [x for x in case.room_ideas if x.category not in heading_ids]
    doomed = set(cause_ids)
    relations = tuple((i, r) for i, r in enumerate(case.relations)
                      if r.source in doomed or r.target in doomed)
    dots = tuple((i, d) for i, d in enumerate(case.dots) if d.cause in doomed)
    case.relations = [r for r in case.relations if r.source not in doomed
                      and r.target not in doomed]
    case.dots = [d for d in case.dots if d.cause not in doomed]
    return DetachedRecords(relations, dots, ideas=ideas)


def detach_participant_dots(case: Case, participant_ids: set[str] | list[str] | tuple[str, ...]
                            ) -> DetachedRecords:
    """Take out the dots of removed participants (the causes they sat on lose those votes);
    the room's pending ideas they sent stay, as anonymous ones."""
    gone = set(participant_ids)
    senders = tuple((x.id, x.sender) for x in case.room_ideas if x.sender in gone)
    for idea in case.room_ideas:
        if idea.sender in gone:
            idea.sender = None
    dots = tuple((i, d) for i, d in enumerate(case.dots) if d.participant in gone)
    touched = {d.cause: None for _, d in dots}
    votes = tuple((c, case.fishbone.cause(c).votes) for c in touched)
    case.dots = [d for d in case.dots if d.participant not in gone]
    totals = dot_totals(case)
    for cause_id in touched:
        case.fishbone.cause(cause_id).votes = totals.get(cause_id, 0)
    return DetachedRecords((), dots, votes, senders=senders)


def check_restore_records(case: Case, detached: DetachedRecords,
                          coming: set[str] | frozenset[str] = frozenset()) -> None:
    """Refuse a ``restore_records`` that would not fit: places beyond the lists, or records
    on causes neither in the diagram nor ``coming`` back with them."""
    known = {c.id for c in case.fishbone.causes} | set(coming)
    for place_list, size in ((detached.relations, len(case.relations)),
                             (detached.dots, len(case.dots))):
        for number, (place, _) in enumerate(place_list):
            if not isinstance(place, int) or not 0 <= place <= size + number:
                raise EditError("The arrows and dots no longer fit where they were.")
    ends = {i for _, r in detached.relations for i in (r.source, r.target)}
    ends |= {d.cause for _, d in detached.dots} | {c for c, _ in detached.votes}
    if not ends <= known:
        raise EditError("The arrows and dots name causes that are not there.")
    for number, (place, _) in enumerate(detached.ideas):
        if not isinstance(place, int) or not 0 <= place <= len(case.room_ideas) + number:
            raise EditError("The room's ideas no longer fit where they were.")
    pending = {x.id: x for x in case.room_ideas}
    if any(pending.get(idea_id) is None or pending[idea_id].sender is not None
           for idea_id, _ in detached.senders):
        raise EditError("The room's ideas have changed since their sender left.")


def restore_records(case: Case, detached: DetachedRecords) -> None:
    """Undo a detach: every arrow and dot back at its old list position, votes as they were."""
    for index, relation in detached.relations:
        case.relations.insert(index, relation)
    for index, dot in detached.dots:
        case.dots.insert(index, dot)
    for cause_id, votes in detached.votes:
        case.fishbone.cause(cause_id).votes = votes
    for index, idea in detached.ideas:
        case.room_ideas.insert(index, idea)
    senders = dict(detached.senders)
    for idea in case.room_ideas:
        idea.sender = senders.get(idea.id, idea.sender)


restore_cause_records = restore_records
