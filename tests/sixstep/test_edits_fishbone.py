"""The fishbone's edits as case verbs: each applies, tells the stream what it did, and its
inverse gives back the file byte for byte; a refused edit changes nothing."""

from __future__ import annotations

import pytest

from fishbone.changes import Change
from fishbone.model import PRESETS, Category, Cause, Diagram, DiagramError
from sixstep.case import Alternative, Case
from sixstep.caseio import dumps_case, loads_case
from sixstep.edits.base import Edit
from sixstep.edits.fishbone import (
    AddCause,
    MoveCause,
    RemoveCause,
    RestoreCauses,
    ReturnCause,
    SetCauseAttribute,
    SetCausesAttribute,
    SetCauseText,
    SetEffect,
)
from sixstep.edits.headings import (
    AddHeading,
    ApplyHeadingPreset,
    MoveHeading,
    RemoveHeading,
    RenameHeading,
    RestoreHeading,
)
from sixstep.rules import MAX_VOTES, RuleError


def make_case() -> Case:
    """People: c1 > c2 > c3, c4; Systems: c5; Place: empty. Two alternatives link causes."""
    d = Diagram("Customer leaves", [Category("people", "People"),
                                    Category("systems", "Systems"), Category("place", "Place")])
    d.add_cause(Cause("c1", "people", None, "Works alone"))
    d.add_cause(Cause("c2", "people", "c1", "No backup"))
    d.add_cause(Cause("c3", "people", "c2", "Budget cut", votes=2))
    d.add_cause(Cause("c4", "people", None, "New staff", notes="since May"))
    d.add_cause(Cause("c5", "systems", None, "Till is slow", status="confirmed"))
    return Case(title="Shop", fishbone=d, alternatives=[
        Alternative("a1", "Pair up at night", addresses=["c5", "c2", "c4"]),
        Alternative("a2", "Faster till", addresses=["c5"]),
        Alternative("a3", "Train", addresses=["c3", "c1"]),
    ])


def heard(case: Case) -> list[Change]:
    notes: list[Change] = []
    case.changes.subscribe(notes.append)
    return notes


def round_trip(case: Case, edit: Edit) -> list[Change]:
    """Apply, undo, redo, undo again: the file matches before and after every time."""
    before = dumps_case(case)
    notes = heard(case)
    applied = edit.apply(case)
    after = dumps_case(case)
    assert after != before
    assert notes == list(applied.changes)
    told = list(notes)
    undo = applied.inverse.apply(case)
    assert dumps_case(case) == before
    redo = undo.inverse.apply(case)  # the inverse of the inverse does it again
    assert dumps_case(case) == after
    redo.inverse.apply(case)
    assert dumps_case(case) == before
    edit.apply(case)
    assert dumps_case(case) == after
    return told


EDITS = [
    AddCause(Cause("c9", "people", "c1", "Tired"), 0),
    AddCause(Cause("c9", "place", None, "Cold room", votes=3, notes="n")),
    RemoveCause("c1"),
    RemoveCause("c5"),
    MoveCause("c1", "systems", None, 0),
    MoveCause("c1", "people", "c4"),
    MoveCause("c4", "people", None, 0),
    MoveCause("c2", "place", None),
    SetCauseText("c1", "Works alone at night"),
    SetCauseAttribute("c1", "status", "ruled_out"),
    SetCauseAttribute("c1", "root_cause", True),
    SetCauseAttribute("c3", "votes", 0),
    SetCauseAttribute("c4", "notes", ""),
    SetCauseAttribute("c2", "collapsed", True),
    SetCausesAttribute("collapsed", (("c1", True), ("c2", True)), "Collapse all"),
    SetEffect("Customer walks out"),
    AddHeading("money", "Money", 1),
    AddHeading("money", "Money"),
    RenameHeading("people", "Staff"),
    RemoveHeading("people"),
    RemoveHeading("place"),
    MoveHeading("place", 0),
    *(ApplyHeadingPreset(name) for name in PRESETS),
]


@pytest.mark.parametrize("edit", EDITS, ids=lambda e: type(e).__name__)
def test_each_edit_and_its_inverse_give_back_the_file_exactly(edit: Edit):
    round_trip(make_case(), edit)


REFUSED = [
    AddCause(Cause("c1", "people", None, "again")),  # id in use
    AddCause(Cause("c9", "nowhere", None, "x")),
    AddCause(Cause("c9", "people", "c99", "x")),
    AddCause(Cause("c9", "people", None, "x", votes=-1)),
    AddCause(Cause("c9", "people", None, "x", status="maybe")),
    AddCause(Cause("c9", "people", None, "bad \ud800 text")),
    RemoveCause("c99"),
    MoveCause("c1", "people", "c3"),  # under its own grandchild
    MoveCause("c1", "people", "c1"),
    MoveCause("c1", "nowhere", None),
    MoveCause("c99", "people", None),
    SetCauseText("c99", "x"),
    SetCauseText("c1", 5),  # type: ignore[arg-type]
    SetCauseAttribute("c1", "status", "maybe"),
    SetCauseAttribute("c1", "votes", -1),
    SetCauseAttribute("c1", "votes", 1.5),
    SetCauseAttribute("c1", "votes", True),
    SetCauseAttribute("c1", "votes", MAX_VOTES + 1),
    SetCauseAttribute("c1", "root_cause", 1),
    SetCauseAttribute("c1", "text", "use SetCauseText"),
    SetCauseAttribute("c1", "id", "c7"),
    SetCausesAttribute("collapsed", (("c1", True), ("c99", True))),
    SetCausesAttribute("status", (("c1", "confirmed"), ("c2", "maybe"))),
    SetEffect(None),  # type: ignore[arg-type]
    AddHeading("people", "Again"),
    AddHeading("money", "Money", 9),
    RenameHeading("nowhere", "x"),
    RemoveHeading("nowhere"),
    MoveHeading("people", 3),
    MoveHeading("people", -1),
    ApplyHeadingPreset("No such preset"),
    RestoreCauses(((0, Cause("c1", "people", None, "twin")),)),  # the id is in use
    RestoreHeading(0, Category("people", "People")),
    ReturnCause("c1", "people", None, ("c1", "c2")),  # not the causes there are
]


@pytest.mark.parametrize("edit", REFUSED, ids=lambda e: type(e).__name__)
def test_a_refused_edit_changes_nothing_and_tells_nothing(edit: Edit):
    case = make_case()
    before = dumps_case(case)
    notes = heard(case)
    with pytest.raises(RuleError):
        edit.apply(case)
    assert dumps_case(case) == before
    assert notes == []


def test_removing_a_cause_takes_its_links_and_undo_puts_them_back_in_place():
    case = make_case()
    notes = heard(case)
    undo = RemoveCause("c1").apply(case).inverse
    assert [c.id for c in case.fishbone.causes] == ["c4", "c5"]
    assert [a.addresses for a in case.alternatives] == [["c5", "c4"], ["c5"], []]
    assert notes == [Change("cause_removed", ("c1", "c2", "c3")),
                     Change("alternative_changed", ("a1", "a3"), "addresses")]
    loads_case(dumps_case(case))  # the file is valid: no link to a lost cause
    notes.clear()
    undo.apply(case)
    assert [a.addresses for a in case.alternatives] == [["c5", "c2", "c4"], ["c5"], ["c3", "c1"]]
    assert notes == [Change("cause_added", ("c1", "c2", "c3")),
                     Change("alternative_changed", ("a1", "a3"), "addresses")]


def test_an_unlinked_removal_tells_no_alternative():
    case = make_case()
    case.alternatives[1].addresses = []
    case.alternatives[0].addresses = ["c2"]
    result = RemoveCause("c5").apply(case)
    assert result.changes == (Change("cause_removed", ("c5",)),)


def test_a_whole_subtree_goes_whatever_the_file_order():
    d = Diagram("x", [Category("k", "K")], [
        Cause("g", "k", "p", "grandchild listed first"),
        Cause("t", "k", None, "top"),
        Cause("o", "k", None, "other"),
        Cause("p", "k", "t", "child"),
    ])
    case = Case(fishbone=d, alternatives=[Alternative("a1", "Fix", addresses=["g", "o"])])
    before = dumps_case(case)
    undo = RemoveCause("t").apply(case).inverse
    assert [c.id for c in d.causes] == ["o"]
    assert case.alternatives[0].addresses == ["o"]
    assert [c.id for c in loads_case(dumps_case(case)).fishbone.causes] == ["o"]
    undo.apply(case)
    assert dumps_case(case) == before


def test_undo_of_a_move_gives_back_a_scattered_file_order():
    d = Diagram("x", [Category("a", "A"), Category("b", "B")], [
        Cause("c1", "a", None, "one"),
        Cause("c2", "a", None, "two"),
        Cause("c3", "a", "c1", "child of one"),
    ])
    case = Case(fishbone=d)
    before = dumps_case(case)
    result = MoveCause("c1", "b", None).apply(case)
    assert result.changes == (Change("cause_moved", ("c1", "c3")),)
    assert {c.category for c in d.subtree("c1")} == {"b"}
    result.inverse.apply(case)
    assert [c.id for c in d.causes] == ["c1", "c2", "c3"]
    assert dumps_case(case) == before


def test_a_sub_cause_takes_its_parents_heading_and_the_edit_keeps_its_own_copy():
    case = make_case()
    given = Cause("c9", "systems", "c1", "Tired")
    edit = AddCause(given)
    edit.apply(case)
    added = case.fishbone.cause("c9")
    assert added.category == "people" and given.category == "systems"
    assert added is not given
    SetCauseText("c9", "Very tired").apply(case)
    assert edit.cause.text == "Tired"


def test_each_edit_tells_its_change():
    case = make_case()
    assert round_trip(case, SetCauseAttribute("c1", "votes", 4)) == [
        Change("cause_changed", ("c1",), "votes")]
    assert round_trip(case, SetEffect("E")) == [Change("effect", ("effect",))]
    assert round_trip(case, AddCause(Cause("c9", "place", None, "x"))) == [
        Change("cause_added", ("c9",))]
    assert round_trip(case, MoveHeading("place", 0)) == [Change("categories", ("place",))]


def test_setting_many_causes_is_one_change_note():
    case = make_case()
    values = (("c1", True), ("c2", True), ("c4", True))
    assert round_trip(case, SetCausesAttribute("collapsed", values)) == [
        Change("cause_changed", ("c1", "c2", "c4"), "collapsed")]


def test_removing_a_heading_takes_its_causes_and_their_links():
    case = make_case()
    notes = round_trip(case, RemoveHeading("people"))
    assert notes == [Change("categories", ("people",)),
                     Change("cause_removed", ("c1", "c2", "c3", "c4")),
                     Change("alternative_changed", ("a1", "a3"), "addresses")]


def test_a_preset_is_one_note_per_kind_and_never_loses_a_cause():
    case = make_case()
    causes = [(c.id, c.category, c.text) for c in case.fishbone.causes]
    notes = round_trip(case, ApplyHeadingPreset("6M (manufacturing)"))
    assert [n.kind for n in notes] == ["categories"]
    ids = [c.id for c in case.fishbone.categories]
    assert ids == [cid for cid, _ in PRESETS["6M (manufacturing)"]] + ["people", "systems"]
    assert [(c.id, c.category, c.text) for c in case.fishbone.causes] == causes


def test_a_preset_applied_twice_changes_nothing_the_second_time():
    case = make_case()
    ApplyHeadingPreset("4S (service)").apply(case)
    once = dumps_case(case)
    ApplyHeadingPreset("4S (service)").apply(case)
    assert dumps_case(case) == once


def test_typing_merges_into_the_same_field_only():
    assert SetCauseText("c1", "a").merges_with(SetCauseText("c1", "ab"))
    assert not SetCauseText("c1", "a").merges_with(SetCauseText("c2", "ab"))
    assert SetCauseAttribute("c1", "notes", "a").merges_with(
        SetCauseAttribute("c1", "notes", "ab"))
    assert not SetCauseAttribute("c1", "votes", 1).merges_with(
        SetCauseAttribute("c1", "votes", 2))
    assert not SetCauseAttribute("c1", "notes", "a").merges_with(
        SetCauseAttribute("c2", "notes", "a"))
    assert SetEffect("a").merges_with(SetEffect("ab"))
    assert RenameHeading("k", "a").merges_with(RenameHeading("k", "ab"))
    assert not RenameHeading("k", "a").merges_with(RenameHeading("j", "ab"))
    assert not AddCause(Cause("c9", "k", None, "")).merges_with(SetCauseText("c9", "x"))


def test_the_diagram_guards_votes_without_sixstep():
    d = make_case().fishbone
    for votes in (-1, True, 1.5):
        with pytest.raises(DiagramError):
            d.set_cause("c1", "votes", votes)
    with pytest.raises(DiagramError):
        d.set_cause("c1", "collapsed", "yes")
    assert d.cause("c1").votes == 0


def test_undo_labels_carry_no_user_text():
    assert AddHeading("rd", "R&D").describe() == "Add heading"
    assert RenameHeading("rd", "R&D").describe() == "Rename heading"
    assert SetCauseAttribute("c1", "votes", 1).describe() == "Vote"
    assert SetCausesAttribute("collapsed", (), "Expand all").describe() == "Expand all"
