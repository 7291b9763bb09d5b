"""The fishbone's edits with the room's records: a removed cause or heading takes its arrows
and dots (one undo step brings them back), the root cause rule is kept, and a cause's votes
stay the total of its dots; every file an edit leaves loads again."""

from __future__ import annotations

import json

import pytest

from fishbone.changes import Change
from fishbone.model import MAX_VOTES, Cause, DiagramError, votes_problem
from sixstep.case import Case
from sixstep.caseio import dumps_case, loads_case
from sixstep.edits.base import Edit
from sixstep.edits.fields import InsertItem
from sixstep.edits.fishbone import (
    AddCause,
    RemoveCause,
    SetCauseAttribute,
    SetCausesAttribute,
)
from sixstep.edits.group import CastDot
from sixstep.edits.headings import RemoveHeading
from sixstep.json_checks import CaseFormatError
from sixstep.rules import RuleError, check_votes
from tests.sixstep.edit_support import refused, round_trip
from tests.sixstep.room_cases import every_field_doc, text


@pytest.fixture
def case() -> Case:
    """c1 (p1: 2 dots, p2: 1) and c4 (5 anonymous dots); arrows c1->c2, c2->c1, c4->c2."""
    return loads_case(text(every_field_doc()))


def loads_again(case: Case) -> None:
    """The file the case saves loads again, the same."""
    saved = dumps_case(case)
    assert dumps_case(loads_case(saved)) == saved


# -- a removed cause takes its arrows and dots -----------------------------------------------
def test_removing_a_cause_takes_its_arrows_and_dots_and_undo_brings_them_back(case):
    applied = round_trip(case, RemoveCause("c1"))
    assert Change("relations", ("c1", "c2")) in applied.changes
    assert Change("dots", ("c1",)) in applied.changes
    assert [(r.source, r.target) for r in case.relations] == [("c4", "c2")]
    assert [d.cause for d in case.dots] == ["c4"]
    loads_again(case)


def test_removing_a_cause_whose_sub_cause_holds_the_records_takes_them_too():
    document = every_field_doc()
    document["fishbone"]["causes"][1]["parent"] = "c1"  # c2 under c1
    case = loads_case(text(document))
    before = dumps_case(case)
    undo = RemoveCause("c1").apply(case).inverse
    assert [(r.source, r.target) for r in case.relations] == []  # every arrow touched c1/c2
    loads_again(case)
    undo.apply(case)  # one step brings causes, arrows and dots back
    assert dumps_case(case) == before


def test_removing_a_heading_takes_its_causes_arrows_and_dots(case):
    applied = round_trip(case, RemoveHeading("people"))
    assert Change("dots", ("c1",)) in applied.changes
    assert case.relations == [] and [d.cause for d in case.dots] == ["c4"]
    loads_again(case)


def test_removing_a_cause_with_no_records_tells_nothing_of_them(case):
    applied = RemoveCause("c6").apply(case)
    assert [c.kind for c in applied.changes] == ["cause_removed"]


# -- the method's rule: a ruled-out cause cannot be the root cause --------------------------
def test_a_ruled_out_cause_cannot_be_marked_root(case):
    SetCauseAttribute("c2", "status", "ruled_out").apply(case)
    refused(case, SetCauseAttribute("c2", "root_cause", True), "ruled-out.*Confirm it first")
    refused(case, SetCausesAttribute("root_cause", (("c3", True), ("c2", True))), "ruled-out")


def test_a_root_cause_cannot_be_ruled_out(case):
    SetCauseAttribute("c2", "root_cause", True).apply(case)
    refused(case, SetCauseAttribute("c2", "status", "ruled_out"),
            "ruled-out.*Unmark it as the root cause first")
    refused(case, SetCausesAttribute("status", (("c2", "ruled_out"),)), "ruled-out")
    round_trip(case, SetCauseAttribute("c2", "status", "confirmed"))


def test_a_new_cause_cannot_be_both_ruled_out_and_root(case):
    refused(case, AddCause(Cause("c9", "people", None, "x", status="ruled_out",
                                 root_cause=True)), "ruled-out")


def test_a_files_ruled_out_root_cause_can_be_mended_and_undo_gives_the_file_back():
    document = every_field_doc()
    document["fishbone"]["causes"][1].update(status="ruled_out", root_cause=True)
    case = loads_case(text(document))  # the loader takes it; step 2's check tells of it
    round_trip(case, SetCauseAttribute("c2", "root_cause", False))
    round_trip(case, SetCauseAttribute("c2", "status", "confirmed"))
    round_trip(case, SetCauseAttribute("c2", "notes", "checked again"))


# -- a cause's votes stay the total of its dots ----------------------------------------------
def test_votes_set_on_a_cause_with_dots_go_through_the_rooms_dots(case):
    applied = round_trip(case, SetCauseAttribute("c1", "votes", 7))
    assert [c.kind for c in applied.changes] == ["dots", "cause_changed"]
    assert case.fishbone.cause("c1").votes == 7
    assert [(d.participant, d.count) for d in case.dots if d.cause == "c1"] == [
        ("p1", 2), ("p2", 1), (None, 4)]
    loads_again(case)
    SetCauseAttribute("c1", "votes", 3).apply(case)  # the room's dots go again
    assert [d.participant for d in case.dots if d.cause == "c1"] == ["p1", "p2"]
    loads_again(case)


def test_votes_on_anonymous_dots_follow_and_may_reach_zero(case):
    round_trip(case, SetCauseAttribute("c4", "votes", 0))
    assert all(d.cause != "c4" for d in case.dots)
    loads_again(case)


def test_votes_below_the_participants_dots_are_refused(case):
    refused(case, SetCauseAttribute("c1", "votes", 2), "participants' dots .* 3")


def test_votes_on_a_cause_without_dots_stay_a_plain_counter(case):
    applied = round_trip(case, SetCauseAttribute("c2", "votes", 4))
    assert applied.changes == (Change("cause_changed", ("c2",), "votes"),)


def test_many_causes_votes_must_match_their_dots(case):
    refused(case, SetCausesAttribute("votes", (("c2", 1), ("c1", 9))), "3 dots")
    round_trip(case, SetCausesAttribute("votes", (("c2", 1), ("c1", 3))))


def test_voting_by_counter_then_by_dots_keeps_a_file_that_loads(case):
    for edit in (SetCauseAttribute("c2", "votes", 2), CastDot("c2", "p3"),
                 SetCauseAttribute("c2", "votes", 5)):
        edit.apply(case)
        loads_again(case)
    assert [(d.participant, d.count) for d in case.dots if d.cause == "c2"] == [
        (None, 4), ("p3", 1)]


# -- each rule once: the loader, the diagram and the edits say the same ---------------------
@pytest.mark.parametrize("votes", [-1, 1.5, True, "3", MAX_VOTES + 1])
def test_the_votes_rule_is_one_rule_for_diagram_edits_and_loader(case, votes):
    message = votes_problem(votes)
    assert message is not None
    with pytest.raises(DiagramError, match=message):
        case.fishbone.set_cause("c2", "votes", votes)
    with pytest.raises(RuleError, match=message):
        check_votes(votes)
    document = every_field_doc()
    document["fishbone"]["causes"][1]["votes"] = votes
    with pytest.raises(CaseFormatError, match=message):
        loads_case(json.dumps(document))
    assert votes_problem(MAX_VOTES) is None and votes_problem(0) is None


def _refusals(edit: Edit, case: Case, document: dict, where: str) -> tuple[str, str]:
    """What ``edit`` says when refused, and what the loader says of ``document`` at
    ``where`` (after the path)."""
    with pytest.raises(RuleError) as by_edit:
        edit.apply(case)
    with pytest.raises(CaseFormatError) as by_loader:
        loads_case(json.dumps(document))
    loaded = str(by_loader.value)
    assert loaded.startswith(where + ": ")
    return str(by_edit.value), loaded[len(where) + 2:]


def test_chosen_and_techniques_are_refused_alike_by_the_loader_and_the_edit(case):
    document = every_field_doc()
    document["selection"] = {"chosen": ["a9"]}
    edit_says, file_says = _refusals(InsertItem(("selection", "chosen"), "a9"), case,
                                     document, "selection.chosen[0]")
    assert edit_says == file_says == "There is no alternative with the id 'a9'."
    document = every_field_doc()
    document["research"] = {"techniques": ["guessing"]}
    edit_says, file_says = _refusals(InsertItem(("research", "techniques"), "guessing"), case,
                                     document, "research.techniques[0]")
    assert edit_says == file_says


def test_statuses_are_refused_alike_by_the_loader_and_the_edit(case):
    document = every_field_doc()
    document["fishbone"]["causes"][0]["status"] = "maybe"
    edit_says, file_says = _refusals(SetCauseAttribute("c1", "status", "maybe"), case,
                                     document, "fishbone.causes[0].status")
    assert edit_says == file_says


def test_the_loader_refuses_text_that_could_not_be_saved():
    document = every_field_doc()
    document["title"] = "half \ud800 a character"
    with pytest.raises(CaseFormatError, match="title: .*cannot be saved"):
        loads_case(json.dumps(document))
