"""Room mode's case verbs: an idea a phone sends waits in the inbox (``Case.room_ideas``)
until the facilitator accepts it (a cause or an alternative marked ``from_room``), parks it,
merges it into a record or dismisses it; and a phone joining the room becomes a participant.

Accepting and parking are built from the existing verbs (``AddCause``,
``PutBackAlternative``, ``AddParkedIdea``) in one all-or-nothing ``Sequence``, so their rules
live in one place. Every verb checks first, tells the stream and returns its inverse, which
puts the very records back at their list places.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from fishbone.changes import Change
from fishbone.model import Cause
from sixstep.case import Alternative, Case, Participant, RoomIdea, next_id
from sixstep.edits.alternatives import PutBackAlternative, new_alternative_id
from sixstep.edits.base import Applied, Edit, EditError, Sequence, done
from sixstep.edits.cause_checks import find_cause
from sixstep.edits.fishbone import AddCause
from sixstep.edits.group import AddParkedIdea
from sixstep.edits.records import check_place, find_alternative
from sixstep.edits.setup import new_participant_id
from sixstep.json_checks import CaseFormatError, check_extra
from sixstep.rules import check_count, check_room_idea, check_text

FROM_ROOM = "from_room"  # the extra key marking a cause or an alternative the room sent
MERGED_KEY = "room_merged"  # the extra key listing the room's texts merged into a record
PARK_STEP = {"cause": 2, "alternative": 4}  # where a parked room idea came up


def find_room_idea(case: Case, idea_id: Any) -> tuple[int, RoomIdea]:
    """The pending idea ``idea_id`` and its place in the inbox (EditError when unknown)."""
    for index, idea in enumerate(case.room_ideas):
        if idea.id == idea_id:
            return index, idea
    raise EditError(f"There is no idea from the room with the id {idea_id!r}.")


def new_room_idea_id(case: Case) -> str:
    return next_id("r", [i.id for i in case.room_ideas])


def _check_put_back(case: Case, index: int, idea: RoomIdea) -> int:
    """Where ``idea`` goes back into the inbox, refusing a taken id, a place beyond the list
    or an idea the file would refuse (its heading or sender gone)."""
    if any(i.id == idea.id for i in case.room_ideas):
        raise EditError(f"There is an idea from the room with the id {idea.id!r} already.")
    place = check_place(index, len(case.room_ideas))
    check_room_idea(idea.text, idea.target, idea.category, idea.sender,
                    {h.id for h in case.fishbone.categories},
                    {p.id for p in case.participants})
    return place


# -- the inbox -------------------------------------------------------------------------------
@dataclass(frozen=True)
class ReceiveRoomIdea(Edit):
    """A phone's idea joins the end of the inbox: a cause under heading ``category``, or an
    alternative (``category`` None), from participant ``sender`` (None: anonymous)."""

    label: ClassVar[str] = "Receive an idea from the room"
    text: str
    target: str
    category: str | None
    sender: str | None

    def apply(self, case: Case) -> Applied:
        text, target, category, sender = check_room_idea(
            self.text, self.target, self.category, self.sender,
            {h.id for h in case.fishbone.categories}, {p.id for p in case.participants})
        check_count(len(case.room_ideas) + 1, "The room's inbox")
        idea = RoomIdea(new_room_idea_id(case), text, target, category, sender)
        return PutBackRoomIdea(len(case.room_ideas), idea).apply(case)


@dataclass(frozen=True)
class PutBackRoomIdea(Edit):
    """Put an idea record at ``index`` in the inbox (the undo of taking it out)."""

    label: ClassVar[str] = "Put back an idea from the room"
    index: int
    idea: RoomIdea

    def apply(self, case: Case) -> Applied:
        idea = self.idea
        place = _check_put_back(case, self.index, idea)
        case.room_ideas.insert(place, idea)
        return done(case, DismissRoomIdea(idea.id), Change("room_ideas", (idea.id,), "added"))


@dataclass(frozen=True)
class DismissRoomIdea(Edit):
    """Take an idea out of the inbox without using it."""

    label: ClassVar[str] = "Dismiss an idea from the room"
    idea_id: str

    def apply(self, case: Case) -> Applied:
        index, idea = find_room_idea(case, self.idea_id)
        del case.room_ideas[index]
        return done(case, PutBackRoomIdea(index, idea),
                    Change("room_ideas", (idea.id,), "removed"))


@dataclass(frozen=True)
class AcceptRoomIdea(Edit):
    """The idea leaves the inbox and becomes a cause on its heading's bone or an alternative
    at the end of the list, marked ``{"from_room": true}``: one undo step."""

    label: ClassVar[str] = "Accept an idea from the room"
    idea_id: str

    def apply(self, case: Case) -> Applied:
        _, idea = find_room_idea(case, self.idea_id)
        part: Edit
        if idea.target == "cause":
            cause = Cause(case.fishbone.next_cause_id(), idea.category or "", None, idea.text,
                          extra={FROM_ROOM: True})
            part = AddCause(cause)
        else:
            check_text(idea.text, "An alternative's name")  # AddAlternative's rule
            alternative = Alternative(new_alternative_id(case), idea.text,
                                      extra={FROM_ROOM: True})
            part = PutBackAlternative(alternative, len(case.alternatives))
        return Sequence((DismissRoomIdea(idea.id), part), self.label).apply(case)


@dataclass(frozen=True)
class ParkRoomIdea(Edit):
    """The idea leaves the inbox for the parking lot (step 2 for a cause, 4 for an
    alternative): one undo step."""

    label: ClassVar[str] = "Park an idea from the room"
    idea_id: str

    def apply(self, case: Case) -> Applied:
        _, idea = find_room_idea(case, self.idea_id)
        park = AddParkedIdea(idea.text, PARK_STEP[idea.target])
        return Sequence((DismissRoomIdea(idea.id), park), self.label).apply(case)


def _merge_target(case: Case, idea: RoomIdea, into_id: str) -> tuple[Any, Change]:
    """The cause (for a cause idea) or alternative the idea merges into, and its change."""
    if idea.target == "cause":
        cause = find_cause(case.fishbone, into_id)
        return cause, Change("cause_changed", (cause.id,), MERGED_KEY)
    alternative = find_alternative(case, into_id)
    return alternative, Change("alternative_changed", (alternative.id,), MERGED_KEY)


def _merged_texts(record: Any) -> tuple[str, ...] | None:
    """The texts merged into ``record`` so far (None: it has none)."""
    held = record.extra.get(MERGED_KEY)
    if held is None and MERGED_KEY not in record.extra:
        return None
    if not isinstance(held, list) or not all(isinstance(t, str) for t in held):
        raise EditError(f"The record keeps other data under {MERGED_KEY!r}.")
    return tuple(held)


def _check_extra_size(extra: dict[str, Any]) -> None:
    """Refuse what the file loader would refuse: too much kept beside a record's fields."""
    values = chars = 0
    try:
        for key, value in extra.items():
            values, chars = check_extra(value, key, values, chars + len(key))
    except CaseFormatError:
        raise EditError("This record holds too many merged ideas already.") from None


@dataclass(frozen=True)
class MergeRoomIdea(Edit):
    """The idea leaves the inbox and its text joins the list ``room_merged`` kept with the
    cause (for a cause idea) or the alternative ``into_id``, so nothing said is lost."""

    label: ClassVar[str] = "Merge an idea from the room"
    idea_id: str
    into_id: str

    def apply(self, case: Case) -> Applied:
        index, idea = find_room_idea(case, self.idea_id)
        record, change = _merge_target(case, idea, self.into_id)
        before = _merged_texts(record)
        texts = [*(before or ()), idea.text]
        _check_extra_size({**record.extra, MERGED_KEY: texts})
        del case.room_ideas[index]
        record.extra[MERGED_KEY] = texts
        return done(case, UnmergeRoomIdea(index, idea, self.into_id, before),
                    Change("room_ideas", (idea.id,), "removed"), change)


@dataclass(frozen=True)
class UnmergeRoomIdea(Edit):
    """Undo of ``MergeRoomIdea``: the record's merged texts as ``before`` (None: the key
    goes) and the idea back at ``index`` in the inbox."""

    label: ClassVar[str] = "Unmerge an idea from the room"
    index: int
    idea: RoomIdea
    into_id: str
    before: tuple[str, ...] | None

    def apply(self, case: Case) -> Applied:
        record, change = _merge_target(case, self.idea, self.into_id)
        now = _merged_texts(record)
        if now is None or now[-1:] != (self.idea.text,) or now[:-1] != (self.before or ()):
            raise EditError("The merged idea is no longer the last one on the record.")
        place = _check_put_back(case, self.index, self.idea)
        if self.before is None:
            del record.extra[MERGED_KEY]
        else:
            record.extra[MERGED_KEY] = list(self.before)
        case.room_ideas.insert(place, self.idea)
        return done(case, MergeRoomIdea(self.idea.id, self.into_id),
                    Change("room_ideas", (self.idea.id,), "added"), change)


# -- participants ------------------------------------------------------------------------------
@dataclass(frozen=True)
class JoinParticipant(Edit):
    """A phone joins: a new participant ("p1"...) named ``name`` at the end of the list."""

    label: ClassVar[str] = "A participant joins"
    name: str

    def apply(self, case: Case) -> Applied:
        name = check_text(self.name, "A participant's name", "name").strip()
        if not name:
            raise EditError("A participant needs a name.")
        check_count(len(case.participants) + 1, "The participants", "participants")
        person = Participant(new_participant_id(case), name)
        return PutBackParticipant(len(case.participants), person).apply(case)


@dataclass(frozen=True)
class PutBackParticipant(Edit):
    """Put a participant record at ``index`` (the undo of ``LeaveParticipant``)."""

    label: ClassVar[str] = "A participant joins"
    index: int
    participant: Participant

    def apply(self, case: Case) -> Applied:
        person = self.participant
        if not isinstance(person.id, str) or not person.id.strip():
            raise EditError("Every participant needs an id.")
        if any(p.id == person.id for p in case.participants):
            raise EditError(f"There is a participant with the id {person.id!r} already.")
        if not check_text(person.name, "A participant's name", "name").strip():
            raise EditError("A participant needs a name.")
        place = check_place(self.index, len(case.participants))
        case.participants.insert(place, person)
        return done(case, LeaveParticipant(person.id), Change("participants", (person.id,)))


@dataclass(frozen=True)
class LeaveParticipant(Edit):
    """Take out a participant nothing refers to yet (no score, dot or room idea): the undo
    of a join."""

    label: ClassVar[str] = "A participant leaves"
    participant_id: str

    def apply(self, case: Case) -> Applied:
        index = next((i for i, p in enumerate(case.participants)
                      if p.id == self.participant_id), None)
        if index is None:
            raise EditError(f"There is no participant {self.participant_id!r}.")
        pid = self.participant_id
        if (any(s.participant == pid for s in case.scores)
                or any(d.participant == pid for d in case.dots)
                or any(i.sender == pid for i in case.room_ideas)):
            raise EditError("This participant has scores, dots or ideas in the case already.")
        person = case.participants.pop(index)
        return done(case, PutBackParticipant(index, person), Change("participants", (pid,)))
