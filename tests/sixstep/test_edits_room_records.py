"""What the stateful test found: removing causes, headings or participants takes their arrows
and dots along (and undo puts them back), votes follow dots, and positions are never negative.
Each edited case saves a file that loads again."""

from __future__ import annotations

import pytest

from fishbone.model import Cause
from sixstep.caseio import dumps_case, loads_case
from sixstep.edits.fishbone import (
    AddCause,
    MoveCause,
    RemoveCause,
    SetCauseAttribute,
    SetCausesAttribute,
)
from sixstep.edits.group import AddRelation, CastDot
from sixstep.edits.headings import RemoveHeading
from sixstep.edits.setup import ChangeScoringSetup
from tests.sixstep.edit_support import kinds, refused, round_trip
from tests.sixstep.room_cases import every_field_doc, text


@pytest.fixture
def case():
    return loads_case(text(every_field_doc()))


def _loads_again(case) -> None:
    data = dumps_case(case)
    assert dumps_case(loads_case(data)) == data


def test_a_removed_cause_takes_its_arrows_and_dots_and_undo_gives_them_back(case):
    applied = round_trip(case, RemoveCause("c1"))
    assert kinds(applied)["relations"] == ("c1", "c2")
    assert kinds(applied)["dots"] == ("c1",)
    assert [(r.source, r.target) for r in case.relations] == [("c4", "c2")]
    assert [d.cause for d in case.dots] == ["c4"]
    _loads_again(case)


def test_a_removed_heading_takes_the_arrows_and_dots_of_its_causes(case):
    applied = round_trip(case, RemoveHeading("method"))  # c4..c6: c4 holds dots and an arrow
    assert kinds(applied)["relations"] == ("c4", "c2")
    assert kinds(applied)["dots"] == ("c4",)
    assert [d.cause for d in case.dots] == ["c1", "c1"]
    _loads_again(case)


def test_a_participant_who_leaves_takes_their_dots_and_the_votes_follow(case):
    people = tuple((p.id, p.name) for p in case.participants if p.id != "p1")
    applied = round_trip(case, ChangeScoringSetup(1, 10, people))
    assert kinds(applied)["dots"] == ("c1",)
    assert kinds(applied)["cause_changed.votes"] == ("c1",)
    assert case.fishbone.cause("c1").votes == 1
    _loads_again(case)


def test_many_votes_set_by_hand_must_match_the_dots_and_single_votes_go_through_dots(case):
    refused(case, SetCausesAttribute("votes", (("c2", 1), ("c4", 2))), "dots")
    round_trip(case, SetCauseAttribute("c2", "votes", 4))  # no dots on it: counted by hand
    CastDot("c2", "p3").apply(case)  # the counted votes become the room's dots, plus one
    assert case.fishbone.cause("c2").votes == 5
    _loads_again(case)


@pytest.mark.parametrize("edit", [
    AddCause(Cause("c9", "people", None, "New"), -1),
    AddCause(Cause("c9", "people", "c1", "New"), -1),
    MoveCause("c2", "method", None, -1),
    MoveCause("c2", "people", "c1", -2),
])
def test_a_position_among_siblings_is_never_negative(case, edit):
    refused(case, edit, "from 0")


def test_an_arrow_to_a_removed_cause_cannot_come_back_before_the_cause(case):
    RemoveCause("c2").apply(case)
    refused(case, AddRelation("c1", "c2"))
