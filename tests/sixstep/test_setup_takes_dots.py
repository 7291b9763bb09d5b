"""A participant who leaves through the scoring setup takes their dots along: every cause's
votes stay its dots' total, and undo (also replayed from the journal) brings them back."""

from __future__ import annotations

from fishbone.changes import Change
from sixstep.caseio import dumps_case, loads_case
from sixstep.dots import dot_totals
from sixstep.edits.setup import ChangeScoringSetup
from sixstep.journal import decode_edit, encode_edit
from tests.sixstep.room_cases import every_field_doc, text


def _without_thandi(case):
    people = tuple((p.id, p.name) for p in case.participants if p.id != "p1")
    return ChangeScoringSetup(case.score_scale.min, case.score_scale.max, people)


def _votes_are_dot_totals(case):
    totals = dot_totals(case)
    return all(c.votes == totals.get(c.id, 0) for c in case.fishbone.causes)


def test_leaving_takes_the_dots_and_undo_restores_them_exactly():
    case = loads_case(text(every_field_doc()))
    before = dumps_case(case)
    heard: list[Change] = []
    case.changes.subscribe(heard.append)
    applied = _without_thandi(case).apply(case)
    assert [d.participant for d in case.dots if d.cause == "c1"] == ["p2"]
    assert case.fishbone.cause("c1").votes == 1
    assert _votes_are_dot_totals(case)
    assert Change("dots", ("c1",)) in heard
    assert Change("cause_changed", ("c1",), "votes") in heard
    after = dumps_case(case)
    assert loads_case(after) is not None
    redo = applied.inverse.apply(case).inverse
    assert dumps_case(case) == before
    redo.apply(case)
    assert dumps_case(case) == after


def test_the_undo_replayed_from_the_journal_brings_the_dots_back():
    case = loads_case(text(every_field_doc()))
    before = dumps_case(case)
    inverse = _without_thandi(case).apply(case).inverse
    decode_edit(encode_edit(inverse)).apply(case)
    assert dumps_case(case) == before


def test_a_setup_that_keeps_everyone_leaves_the_dots_alone():
    case = loads_case(text(every_field_doc()))
    dots = dumps_case(case)
    people = tuple((p.id, p.name.upper()) for p in case.participants)
    ChangeScoringSetup(1, 10, people).apply(case)
    assert loads_case(dumps_case(case)).dots == loads_case(dots).dots
    assert _votes_are_dot_totals(case)
