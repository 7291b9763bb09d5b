"""Room mode's verbs: the inbox of ideas sent from phones (receive, accept, park, merge,
dismiss) and joining the room. Each checks first, tells the stream, and its inverse gives the
saved file back byte for byte, the idea at its old place in the inbox."""

from __future__ import annotations

import json

import pytest

from fishbone.changes import Change
from sixstep.caseio import dumps_case, loads_case
from sixstep.edits.base import Sequence
from sixstep.edits.dots import CastDot
from sixstep.edits.headings import AddHeading, ApplyHeadingPreset, RemoveHeading
from sixstep.edits.room import (
    AcceptRoomIdea,
    DismissRoomIdea,
    JoinParticipant,
    LeaveParticipant,
    MergeRoomIdea,
    ParkRoomIdea,
    PutBackParticipant,
    PutBackRoomIdea,
    ReceiveRoomIdea,
)
from sixstep.edits.scores import SetScore
from sixstep.edits.setup import ChangeScoringSetup
from sixstep.journal import decode_edit, encode_edit
from sixstep.rules import RuleError
from tests.sixstep.room_cases import every_field_doc, text


@pytest.fixture
def case():
    """Two pending ideas: r1 a cause under "people" from p2, r2 an anonymous alternative."""
    return loads_case(text(every_field_doc()))


def _round_trip(case, edit):
    """Apply ``edit``, undo, redo: the file comes back exactly each time, the stream hears
    what the verb says it told, the file loads again, and the edit survives the journal.
    Returns the changes."""
    line = encode_edit(edit)
    before = dumps_case(case)
    heard: list[Change] = []
    case.changes.subscribe(heard.append)
    applied = edit.apply(case)
    case.changes.unsubscribe(heard.append)
    after = dumps_case(case)
    assert after != before
    assert dumps_case(loads_case(after)) == after
    assert list(applied.changes) == heard
    again = applied.inverse.apply(case)
    assert dumps_case(case) == before
    again.inverse.apply(case)  # redo
    assert dumps_case(case) == after
    replayed = loads_case(before)
    decode_edit(line).apply(replayed)  # the recovery journal does the same
    assert dumps_case(replayed) == after
    return applied.changes


def _refused(case, edit, words):
    before = dumps_case(case)
    with pytest.raises(RuleError) as caught:
        edit.apply(case)
    assert words in str(caught.value)
    assert dumps_case(case) == before


def _ideas(case):
    return [(i.id, i.text, i.target, i.category, i.sender) for i in case.room_ideas]


# -- receive ---------------------------------------------------------------------------------
def test_a_received_idea_joins_the_end_of_the_inbox(case):
    changes = _round_trip(case, ReceiveRoomIdea("Menu board unreadable", "cause", "method",
                                                "p1"))
    assert changes == (Change("room_ideas", ("r3",), "added"),)
    assert _ideas(case)[-1] == ("r3", "Menu board unreadable", "cause", "method", "p1")
    _round_trip(case, ReceiveRoomIdea("<b>Drive-thru</b>", "alternative", None, None))
    assert _ideas(case)[-1] == ("r4", "<b>Drive-thru</b>", "alternative", None, None)


@pytest.mark.parametrize(("text", "target", "category", "sender", "words"), [
    ("", "cause", "people", None, "needs some text"),
    ("  \n", "cause", "people", None, "needs some text"),
    (7, "cause", "people", None, "must be text"),
    ("x" * 1001, "cause", "people", None, "An idea"),
    ("Slow", "criterion", None, None, "What an idea is for"),
    ("Slow", "cause", "nope", None, "no heading with the id 'nope'"),
    ("Slow", "cause", None, None, "no heading"),
    ("Slow", "alternative", "people", None, "goes under no heading"),
    ("Slow", "cause", "people", "p9", "no participant with the id 'p9'"),
])
def test_a_bad_idea_is_refused_in_words_and_changes_nothing(case, text, target, category,
                                                            sender, words):
    _refused(case, ReceiveRoomIdea(text, target, category, sender), words)


def test_putting_back_an_idea_checks_its_place_and_id(case):
    idea = case.room_ideas[0]
    _refused(case, PutBackRoomIdea(0, idea), "already")
    DismissRoomIdea("r1").apply(case)
    _refused(case, PutBackRoomIdea(5, idea), "no place 5")


# -- accept ----------------------------------------------------------------------------------
def test_accepting_a_cause_idea_adds_a_cause_marked_from_the_room_in_one_step(case):
    changes = _round_trip(case, AcceptRoomIdea("r1"))
    assert changes == (Change("room_ideas", ("r1",), "removed"), Change("cause_added", ("c7",)))
    cause = case.fishbone.cause("c7")
    assert (cause.category, cause.parent, cause.text) == ("people", None, "Queue too long")
    assert cause.extra == {"from_room": True}
    assert _ideas(case) == [("r2", "Self-order kiosk", "alternative", None, None)]
    saved = json.loads(dumps_case(case))["fishbone"]["causes"]
    assert next(c for c in saved if c["id"] == "c7")["from_room"] is True
    assert loads_case(dumps_case(case)).fishbone.cause("c7").extra == {"from_room": True}


def test_accepting_an_alternative_idea_adds_an_open_alternative_at_the_end(case):
    changes = _round_trip(case, AcceptRoomIdea("r2"))
    assert Change("alternative_added", ("a4",)) in changes
    added = case.alternatives[-1]
    assert (added.id, added.name, added.status) == ("a4", "Self-order kiosk", "open")
    assert added.extra == {"from_room": True}
    assert json.loads(dumps_case(case))["alternatives"][-1]["from_room"] is True
    assert loads_case(dumps_case(case)).alternative("a4").extra == {"from_room": True}


def test_undoing_an_accept_puts_the_idea_back_at_its_place(case):
    applied = AcceptRoomIdea("r1").apply(case)
    assert isinstance(applied.inverse, Sequence)
    applied.inverse.apply(case)
    assert [i.id for i in case.room_ideas] == ["r1", "r2"]
    assert not case.fishbone.has_cause("c7")


def test_an_unknown_idea_is_refused_by_every_verb(case):
    for edit in (AcceptRoomIdea("r9"), ParkRoomIdea("r9"), MergeRoomIdea("r9", "c1"),
                 DismissRoomIdea("r9")):
        _refused(case, edit, "no idea from the room with the id 'r9'")


# -- park, merge, dismiss ------------------------------------------------------------------------
def test_parking_an_idea_moves_it_to_the_parking_lot_of_its_step(case):
    changes = _round_trip(case, ParkRoomIdea("r1"))
    assert Change("room_ideas", ("r1",), "removed") in changes
    assert (case.parking_lot[-1].text, case.parking_lot[-1].step) == ("Queue too long", 2)
    _round_trip(case, ParkRoomIdea("r2"))
    assert (case.parking_lot[-1].text, case.parking_lot[-1].step) == ("Self-order kiosk", 4)
    assert case.room_ideas == []
    assert "room_ideas" not in json.loads(dumps_case(case))  # an empty inbox is left out


def test_merging_keeps_the_text_on_the_record_it_joins(case):
    changes = _round_trip(case, MergeRoomIdea("r1", "c2"))
    assert changes == (Change("room_ideas", ("r1",), "removed"),
                       Change("cause_changed", ("c2",), "room_merged"))
    assert case.fishbone.cause("c2").extra == {"room_merged": ["Queue too long"]}
    ReceiveRoomIdea("Too few tills", "cause", "people", None).apply(case)
    _round_trip(case, MergeRoomIdea("r3", "c2"))
    assert case.fishbone.cause("c2").extra == {"room_merged": ["Queue too long",
                                                               "Too few tills"]}
    changes = _round_trip(case, MergeRoomIdea("r2", "a1"))
    assert Change("alternative_changed", ("a1",), "room_merged") in changes
    assert loads_case(dumps_case(case)).alternative("a1").extra == {
        "room_merged": ["Self-order kiosk"]}


def test_a_merge_goes_into_a_record_of_the_ideas_kind(case):
    _refused(case, MergeRoomIdea("r1", "a1"), "no cause with the id 'a1'")
    _refused(case, MergeRoomIdea("r2", "c1"), "no alternative with id 'c1'")
    case.fishbone.cause("c1").extra["room_merged"] = "a newer tool's note"
    _refused(case, MergeRoomIdea("r1", "c1"), "other data")


def test_a_merge_that_would_make_the_file_unloadable_is_refused(case):
    case.fishbone.cause("c1").extra["room_merged"] = ["x" * 1000] * 999 + ["x" * 975]
    MergeRoomIdea("r1", "c1").apply(case).inverse.apply(case)  # just within the limit
    case.fishbone.cause("c1").extra["room_merged"].append("x")
    _refused(case, MergeRoomIdea("r1", "c1"), "too many merged ideas")


def test_dismissing_takes_the_idea_out_and_undo_puts_it_back_in_place(case):
    assert _round_trip(case, DismissRoomIdea("r1")) == (
        Change("room_ideas", ("r1",), "removed"),)
    assert [i.id for i in case.room_ideas] == ["r2"]


# -- participants ------------------------------------------------------------------------------
def test_a_joining_phone_becomes_a_new_participant(case):
    assert _round_trip(case, JoinParticipant("  Ann ")) == (Change("participants", ("p5",)),)
    assert (case.participants[-1].id, case.participants[-1].name) == ("p5", "Ann")


@pytest.mark.parametrize(("name", "words"), [
    ("", "needs a name"), ("   ", "needs a name"), (None, "must be text"),
    ("x" * 1001, "participant's name"),
])
def test_a_bad_name_is_refused(case, name, words):
    _refused(case, JoinParticipant(name), words)


def test_a_participant_leaves_only_while_nothing_refers_to_them(case):
    JoinParticipant("Ann").apply(case)
    _round_trip(case, LeaveParticipant("p5"))  # ends with p5 gone again
    JoinParticipant("Ann").apply(case)
    CastDot("c2", "p5").apply(case)
    _refused(case, LeaveParticipant("p5"), "scores, dots or ideas")
    _refused(case, LeaveParticipant("p2"), "scores, dots or ideas")  # r1 is from p2
    _refused(case, LeaveParticipant("p9"), "no participant")
    JoinParticipant("Bo").apply(case)
    SetScore("a1", "k1", 5, "p6").apply(case)
    _refused(case, LeaveParticipant("p6"), "scores, dots or ideas")


def test_putting_back_a_participant_checks_the_record(case):
    person = case.participants[0]
    _refused(case, PutBackParticipant(0, person), "already")


# -- what other verbs do to the inbox ------------------------------------------------------
def test_removing_a_heading_takes_its_pending_ideas_and_undo_brings_them_back(case):
    ReceiveRoomIdea("Fryer too small", "cause", "method", None).apply(case)
    changes = _round_trip(case, RemoveHeading("people"))
    assert Change("room_ideas", ("r1",)) in changes
    assert [i.id for i in case.room_ideas] == ["r2", "r3"]


def test_a_participant_removed_in_the_setup_leaves_their_ideas_anonymous(case):
    people = tuple((p.id, p.name) for p in case.participants if p.id != "p2")
    _round_trip(case, ChangeScoringSetup(1, 10, people, True))
    assert case.room_ideas[0].sender is None


def test_a_heading_preset_keeps_a_heading_with_pending_ideas(case):
    AddHeading("later", "Later").apply(case)
    ReceiveRoomIdea("Parking", "cause", "later", None).apply(case)
    _round_trip(case, ApplyHeadingPreset("4S (service)"))
    assert case.fishbone.has_category("later")
