"""The room's verbs: each checks first, tells the stream, and its inverse restores the dumped
case exactly; dots keep every cause's votes equal to its dots, within budget and cap."""

from __future__ import annotations

import pytest

from fishbone.changes import Change
from sixstep.caseio import dumps_case, loads_case
from sixstep.edits.base import EditError, Sequence
from sixstep.edits.fishbone import RemoveCause
from sixstep.edits.group import (
    AddParkedIdea,
    AddRelation,
    CastDot,
    MoveParkedIdea,
    RemoveParkedIdea,
    RemoveRelation,
    SetBlindScoring,
    SetDotSettings,
    SetParkedIdeaDone,
    SetParkedIdeaText,
    SetTimerPreset,
    SetWorkshopField,
    TakeBackDot,
    detach_cause_records,
    detach_participant_dots,
    end_blind,
    hide_scores,
    restore_records,
    reveal_scores,
    start_blind,
)
from sixstep.rules import RuleError
from tests.sixstep.room_cases import every_field_doc, text


@pytest.fixture
def case():
    return loads_case(text(every_field_doc()))


def _round_trip(case, edit):
    """Apply ``edit`` and its inverse; the file bytes come back exactly. Returns the changes."""
    before = dumps_case(case)
    heard: list[Change] = []
    case.changes.subscribe(heard.append)
    applied = edit.apply(case)
    after = dumps_case(case)
    assert after != before
    assert loads_case(after) is not None  # what an edit leaves always loads again
    assert list(applied.changes) == heard
    again = applied.inverse.apply(case)
    assert dumps_case(case) == before
    again.inverse.apply(case)  # redo
    assert dumps_case(case) == after
    case.changes.unsubscribe(heard.append)
    return applied.changes


EDITS = [
    CastDot("c2", "p3"), CastDot("c1", "p2"), CastDot("c4", None), CastDot("c5", None),
    TakeBackDot("c1", "p2"), TakeBackDot("c1", "p1"), TakeBackDot("c4", None),
    SetDotSettings(5, None, True), SetDotSettings(None, 2, False),
    AddRelation("c3", "c6"), AddRelation("c2", "c4"), RemoveRelation("c1", "c2"),
    AddParkedIdea("New till supplier", 3), AddParkedIdea("First", 1, 0), RemoveParkedIdea(0),
    SetParkedIdeaText(1, "Ask the area manager"), SetParkedIdeaDone(0, True),
    MoveParkedIdea(0, 1), SetWorkshopField("date", "2026-04-01"),
    SetWorkshopField("facilitator", "Lee"), SetWorkshopField("place", ""),
    reveal_scores(), end_blind(), SetTimerPreset(3, 120), SetTimerPreset(2, None),
    SetTimerPreset(5, 60),
]


@pytest.mark.parametrize("edit", EDITS, ids=lambda e: type(e).__name__)
def test_each_edit_and_its_inverse_restore_the_dumped_case_exactly(case, edit):
    _round_trip(case, edit)


def test_a_dot_keeps_votes_equal_to_the_total_and_says_so(case):
    changes = _round_trip(case, CastDot("c1", "p3"))
    assert Change("dots", ("c1",)) in changes
    assert Change("cause_changed", ("c1",), "votes") in changes
    assert case.fishbone.cause("c1").votes == 4  # _round_trip ends redone
    CastDot("c1", "p3").apply(case)
    assert case.fishbone.cause("c1").votes == 5 == sum(d.count for d in case.dots
                                                       if d.cause == "c1")


def test_taking_back_the_last_dot_removes_the_record(case):
    TakeBackDot("c1", "p2").apply(case)
    assert [(d.cause, d.participant) for d in case.dots] == [("c1", "p1"), ("c4", None)]
    assert case.fishbone.cause("c1").votes == 2
    with pytest.raises(EditError, match="no dot"):
        TakeBackDot("c1", "p2").apply(case)


def test_budget_and_cap_are_checked_before_anything_changes(case):
    before = dumps_case(case)
    with pytest.raises(RuleError, match="cap of 2"):
        CastDot("c1", "p1").apply(case)  # p1 already has 2 on c1
    CastDot("c2", "p1").apply(case)  # p1's third dot: the budget is 3
    with pytest.raises(RuleError, match="budget of 3"):
        CastDot("c3", "p1").apply(case)
    TakeBackDot("c2", "p1").apply(case)
    assert dumps_case(case) == before


def test_the_default_budget_follows_the_causes(case):
    SetDotSettings(None, None, False).apply(case)  # six causes: two dots each
    CastDot("c2", "p2").apply(case)
    with pytest.raises(RuleError, match="budget of 2"):
        CastDot("c3", "p2").apply(case)


def test_settings_that_dots_already_break_are_refused(case):
    with pytest.raises(RuleError, match="Thandi: 2 dots, over the budget of 1"):
        SetDotSettings(1, None, False).apply(case)
    SetDotSettings(2, 2, False).apply(case)  # exactly what p1 holds is fine
    with pytest.raises(RuleError, match="cap of 1"):
        SetDotSettings(3, 1, False).apply(case)
    with pytest.raises(RuleError):
        SetDotSettings(0, None, False).apply(case)


def test_unknown_causes_and_participants_are_refused(case):
    with pytest.raises(EditError, match="c99"):
        CastDot("c99", "p1").apply(case)
    with pytest.raises(EditError, match="p9"):
        CastDot("c1", "p9").apply(case)


def test_anonymous_room_records_totals_only(case):
    SetDotSettings(3, 2, True).apply(case)
    with pytest.raises(EditError, match="totals only"):
        CastDot("c2", "p1").apply(case)
    for _ in range(4):  # no budget or cap for the room's dots
        CastDot("c2").apply(case)
    assert case.fishbone.cause("c2").votes == 4


def test_a_hand_counted_cause_keeps_its_count_as_anonymous_dots():
    document = every_field_doc()
    document["fishbone"]["causes"][4]["votes"] = 3  # c5: counted before dots were recorded
    case = loads_case(text(document))
    before = dumps_case(case)
    CastDot("c5", "p4").apply(case)
    assert case.fishbone.cause("c5").votes == 4
    assert [(d.participant, d.count) for d in case.dots if d.cause == "c5"] == [
        (None, 3), ("p4", 1)]
    TakeBackDot("c5", "p4").apply(case)
    TakeBackDot("c5", None).apply(case)
    assert case.fishbone.cause("c5").votes == 2
    case = loads_case(before)
    _round_trip(case, TakeBackDot("c5", None))


def test_relations_refuse_self_arrows_duplicates_and_unknown_causes(case):
    for edit, words in ((AddRelation("c1", "c1"), "itself"), (AddRelation("c1", "c2"), "already"),
                        (AddRelation("c1", "c9"), "c9"), (RemoveRelation("c3", "c4"), "no such")):
        with pytest.raises(RuleError, match=words):
            edit.apply(case)
    applied = AddRelation("c2", "c4").apply(case)  # a loop through c1 and c2 already exists
    assert applied.changes == (Change("relations", ("c2", "c4")),)


def test_parking_lot_checks_its_values(case):
    with pytest.raises(RuleError, match="1 to 6"):
        AddParkedIdea("x", 7).apply(case)
    with pytest.raises(EditError):
        SetParkedIdeaDone(5, True).apply(case)
    with pytest.raises(EditError):
        MoveParkedIdea(0, 2).apply(case)
    assert SetParkedIdeaText(0, "a").merges_with(SetParkedIdeaText(0, "ab"))
    assert not SetParkedIdeaText(0, "a").merges_with(SetParkedIdeaText(1, "ab"))


def test_workshop_date_is_a_real_day(case):
    with pytest.raises(RuleError, match="YYYY-MM-DD"):
        SetWorkshopField("date", "next Tuesday").apply(case)
    with pytest.raises(EditError):
        SetWorkshopField("mood", "good").apply(case)
    assert SetWorkshopField("place", "a").merges_with(SetWorkshopField("place", "ab"))


def test_blind_scoring_on_reveal_hide_again_and_off():
    case = loads_case(text(every_field_doc()))
    end_blind().apply(case)
    assert not case.blind.hides
    start_blind().apply(case)
    assert case.blind.hides
    applied = reveal_scores().apply(case)
    assert not case.blind.hides and applied.changes == (Change("blind"),)
    hide_scores().apply(case)
    assert case.blind.hides
    with pytest.raises(RuleError, match="turn it on"):
        SetBlindScoring(False, True).apply(case)
    assert reveal_scores().describe() == "Reveal the scores"


def test_timer_presets_are_whole_seconds_for_a_step(case):
    with pytest.raises(RuleError):
        SetTimerPreset(7, 60).apply(case)
    with pytest.raises(RuleError):
        SetTimerPreset(1, 0).apply(case)
    SetTimerPreset(1, 30).apply(case)
    assert list(case.timers) == ["1", "2", "5"]


def test_a_removed_cause_takes_its_arrows_and_dots_and_gives_them_back(case):
    before = dumps_case(case)
    removed = case.fishbone.remove_cause("c1")
    detached = detach_cause_records(case, [c.id for _, c in removed.entries])
    assert [(r.source, r.target) for r in case.relations] == [("c4", "c2")]
    assert [d.cause for d in case.dots] == ["c4"]
    assert Change("relations", ("c1", "c2")) in detached.changes()
    assert Change("dots", ("c1",)) in detached.changes()
    assert loads_case(dumps_case(case)) is not None
    case.fishbone.restore(removed)
    restore_records(case, detached)
    assert dumps_case(case) == before


def test_a_removed_participant_takes_their_dots_and_the_votes_follow(case):
    before = dumps_case(case)
    case.participants = [p for p in case.participants if p.id != "p1"]
    detached = detach_participant_dots(case, ["p1"])
    assert case.fishbone.cause("c1").votes == 1
    assert loads_case(dumps_case(case)) is not None
    case.participants.insert(0, loads_case(before).participants[0])
    restore_records(case, detached)
    assert dumps_case(case) == before


def test_a_refused_part_rolls_a_sequence_back(case):
    before = dumps_case(case)
    with pytest.raises(RuleError):
        Sequence((CastDot("c2", "p2"), AddRelation("c1", "c1"))).apply(case)
    assert dumps_case(case) == before


def test_undoing_a_settings_change_is_never_refused_by_dots_that_broke_the_old_limits(case):
    """Found by the stateful test: removing causes lowered the default budget under what
    Thandi held; a refused sequence then could not put the old settings back."""
    SetDotSettings(None, None, False).apply(case)  # six causes: two dots each
    for cause in [c.id for c in case.fishbone.causes][3:]:  # three causes: one dot each
        RemoveCause(cause).apply(case)
    before = dumps_case(case)
    with pytest.raises(RuleError):  # the second part is refused; the first is rolled back
        Sequence((SetDotSettings(3, None, True), SetDotSettings(None, 1, True))).apply(case)
    assert dumps_case(case) == before
    applied = SetDotSettings(3, None, True).apply(case)
    applied.inverse.apply(case)  # undo: back to the default budget Thandi already breaks
    assert dumps_case(case) == before
