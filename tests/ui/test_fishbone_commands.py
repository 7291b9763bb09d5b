"""Push, undo and redo round trips for every fishbone command."""

from __future__ import annotations

import copy

import pytest

from fishbone.changes import Change
from fishbone.model import PRESETS, Category, Cause, Diagram
from sixstep.case import Alternative, Case
from sixstep.rules import RuleError
from ui.document.document import CaseDocument
from ui.document.fishbone_commands import (
    AddCategoryCommand,
    AddCauseCommand,
    ApplyPresetCommand,
    MoveCategoryCommand,
    MoveCauseCommand,
    RemoveCategoryCommand,
    RemoveCauseCommand,
    RenameCategoryCommand,
    SetCauseAttributeCommand,
    SetCauseTextCommand,
    SetEffectCommand,
)


def make_doc() -> CaseDocument:
    d = Diagram("Customer leaves", [Category("people", "People"), Category("systems", "Systems"),
                                    Category("place", "Place")])
    d.add_cause(Cause("c1", "people", None, "Works alone"))
    d.add_cause(Cause("c2", "people", "c1", "No backup"))
    d.add_cause(Cause("c3", "people", "c2", "Budget cut"))
    d.add_cause(Cause("c4", "people", None, "New staff"))
    d.add_cause(Cause("c5", "systems", None, "Till is slow", votes=2))
    return CaseDocument(Case(fishbone=d))


def snapshot(d: Diagram) -> tuple:
    """Everything undo must restore: effect, headings and causes, in order, by value."""
    return (
        d.effect,
        [(c.id, c.name) for c in d.categories],
        [(c.id, c.category, c.parent, c.text, c.status, c.root_cause, c.votes, c.notes,
          c.collapsed) for c in d.causes],
    )


def round_trip(doc: CaseDocument, command) -> tuple:
    """Push, undo, redo; returns the snapshot after the first push."""
    before = snapshot(doc.diagram)
    doc.push(command)
    after = snapshot(doc.diagram)
    assert after != before
    doc.undo_stack.undo()
    assert snapshot(doc.diagram) == before
    doc.undo_stack.redo()
    assert snapshot(doc.diagram) == after
    doc.undo_stack.undo()
    assert snapshot(doc.diagram) == before
    doc.undo_stack.redo()
    return after


def test_add_cause_round_trip(qapp):
    doc = make_doc()
    after = round_trip(doc, AddCauseCommand(doc, Cause("c9", "people", "c1", "Tired"), 0))
    assert [c.id for c in doc.diagram.children("people", "c1")] == ["c9", "c2"]
    assert after[2][1][0] == "c9"


def test_add_new_takes_the_next_free_id(qapp):
    doc = make_doc()
    command = AddCauseCommand.new(doc, "place", None, "Cold room")
    round_trip(doc, command)
    assert command.cause_id == "c6"
    assert doc.diagram.cause("c6").text == "Cold room"


def test_remove_cause_round_trip_keeps_subtree_order_and_ids(qapp):
    doc = make_doc()
    round_trip(doc, RemoveCauseCommand(doc, "c1"))
    assert [c.id for c in doc.diagram.causes] == ["c4", "c5"]


@pytest.mark.parametrize("target", [
    ("systems", None, 0),
    ("people", "c4", None),
    ("people", None, 1),
    ("place", None, None),
])
def test_move_cause_round_trip(qapp, target):
    doc = make_doc()
    round_trip(doc, MoveCauseCommand(doc, "c1", *target))
    moved = doc.diagram.cause("c1")
    assert (moved.category, moved.parent) == target[:2]
    assert doc.diagram.cause("c3").category == target[0]


def test_move_undo_restores_a_file_order_with_scattered_subtrees(qapp):
    d = Diagram("x", [Category("a", "A"), Category("b", "B")], [
        Cause("c1", "a", None, "one"),
        Cause("c2", "a", None, "two"),
        Cause("c3", "a", "c1", "child of one"),
    ])
    doc = CaseDocument(Case(fishbone=d))
    round_trip(doc, MoveCauseCommand(doc, "c1", "b", None))
    doc.undo_stack.undo()
    assert [c.id for c in d.causes] == ["c1", "c2", "c3"]


@pytest.mark.parametrize("attribute, value", [
    ("status", "confirmed"),
    ("status", "ruled_out"),
    ("root_cause", True),
    ("votes", 3),
    ("notes", "Ask the night manager"),
    ("collapsed", True),
])
def test_set_attribute_round_trip(qapp, attribute, value):
    doc = make_doc()
    round_trip(doc, SetCauseAttributeCommand(doc, "c1", attribute, value))
    assert getattr(doc.diagram.cause("c1"), attribute) == value


def test_set_text_round_trip_and_typing_merges(qapp):
    doc = make_doc()
    for text in ("W", "Wo", "Works late"):
        doc.push(SetCauseTextCommand(doc, "c1", text))
    assert doc.undo_stack.count() == 1
    assert doc.diagram.cause("c1").text == "Works late"
    doc.undo_stack.undo()
    assert doc.diagram.cause("c1").text == "Works alone"
    doc.undo_stack.redo()
    doc.push(SetCauseTextCommand(doc, "c2", "x"))
    assert doc.undo_stack.count() == 2  # another cause: another step


def test_notes_typing_merges_but_votes_do_not(qapp):
    doc = make_doc()
    for text in ("a", "ab", "abc"):
        doc.push(SetCauseAttributeCommand(doc, "c1", "notes", text))
    assert doc.undo_stack.count() == 1
    doc.push(SetCauseAttributeCommand(doc, "c1", "votes", 1))
    doc.push(SetCauseAttributeCommand(doc, "c1", "votes", 2))
    assert doc.undo_stack.count() == 3
    doc.undo_stack.undo()
    assert doc.diagram.cause("c1").votes == 1


def test_naming_a_new_cause_folds_into_its_add(qapp):
    doc = make_doc()
    add = AddCauseCommand.new(doc, "people", "c4")
    doc.push(add)
    doc.push(SetCauseTextCommand(doc, add.cause_id, "Short training", fold=True))
    assert doc.undo_stack.count() == 1
    assert doc.diagram.cause(add.cause_id).text == "Short training"
    doc.undo_stack.undo()
    assert not doc.diagram.has_cause(add.cause_id)
    doc.undo_stack.redo()
    assert doc.diagram.cause(add.cause_id).text == "Short training"


def test_cancelling_a_new_cause_leaves_no_step(qapp):
    doc = make_doc()
    before = snapshot(doc.diagram)
    doc.push(SetEffectCommand(doc, "Customer walks out"))
    add = AddCauseCommand.new(doc, "people")
    doc.push(add)
    doc.push(RemoveCauseCommand(doc, add.cause_id, fold=True))
    assert doc.undo_stack.count() == 1
    assert not doc.diagram.has_cause(add.cause_id)
    doc.undo_stack.undo()
    assert snapshot(doc.diagram) == before


def test_a_fold_remove_of_an_older_cause_is_a_normal_step(qapp):
    doc = make_doc()
    doc.push(RemoveCauseCommand(doc, "c4", fold=True))
    assert doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    assert doc.diagram.has_cause("c4")


def test_set_effect_round_trip_and_merge(qapp):
    doc = make_doc()
    round_trip(doc, SetEffectCommand(doc, "Customer walks out"))
    doc.push(SetEffectCommand(doc, "Customer walks out angry"))
    assert doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    assert doc.diagram.effect == "Customer leaves"


def test_category_commands_round_trip(qapp):
    doc = make_doc()
    round_trip(doc, AddCategoryCommand.new(doc, "Tools & kit", 1))
    assert doc.diagram.categories[1].name == "Tools & kit"
    round_trip(doc, RenameCategoryCommand(doc, "people", "Staff"))
    round_trip(doc, MoveCategoryCommand(doc, "place", 0))
    assert doc.diagram.categories[0].id == "place"
    round_trip(doc, RemoveCategoryCommand(doc, "people"))
    assert not any(c.category == "people" for c in doc.diagram.causes)


def test_rename_typing_merges(qapp):
    doc = make_doc()
    for name in ("S", "St", "Staff"):
        doc.push(RenameCategoryCommand(doc, "people", name))
    assert doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    assert doc.diagram.category("people").name == "People"


@pytest.mark.parametrize("preset", sorted(PRESETS))
def test_apply_preset_is_one_step_and_keeps_every_cause(qapp, preset):
    doc = make_doc()
    causes_before = copy.deepcopy([(c.id, c.text) for c in doc.diagram.causes])
    round_trip(doc, ApplyPresetCommand(doc, preset))
    assert doc.undo_stack.count() == 1
    names = [c.name for c in doc.diagram.categories]
    assert names[: len(PRESETS[preset])] == [name for _, name in PRESETS[preset]]
    assert [(c.id, c.text) for c in doc.diagram.causes] == causes_before
    assert "Place" not in names or preset == "8P (marketing)"  # empty and unused: removed


def test_apply_preset_keeps_busy_headings_after_the_preset(qapp):
    doc = make_doc()
    doc.push(ApplyPresetCommand(doc, "6M (manufacturing)"))
    ids = [c.id for c in doc.diagram.categories]
    assert ids[:6] == [cid for cid, _ in PRESETS["6M (manufacturing)"]]
    assert ids[6:] == ["people", "systems"]


def test_apply_preset_twice_changes_nothing_the_second_time(qapp):
    doc = make_doc()
    doc.push(ApplyPresetCommand(doc, "4S (service)"))
    once = snapshot(doc.diagram)
    doc.push(ApplyPresetCommand(doc, "4S (service)"))
    assert snapshot(doc.diagram) == once
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert snapshot(doc.diagram) == snapshot(make_doc().diagram)


def test_edits_in_place_are_separate_steps(qapp):
    doc = make_doc()
    doc.push(SetCauseTextCommand(doc, "c1", "one", merge=False))
    doc.push(SetCauseTextCommand(doc, "c1", "two", merge=False))
    doc.push(SetEffectCommand(doc, "e1", merge=False))
    doc.push(SetEffectCommand(doc, "e2", merge=False))
    doc.push(RenameCategoryCommand(doc, "people", "Staff", merge=False))
    doc.push(RenameCategoryCommand(doc, "people", "Crew", merge=False))
    assert doc.undo_stack.count() == 6


def test_a_new_heading_named_in_place_is_one_step_and_cancel_leaves_none(qapp):
    doc = make_doc()
    add = AddCategoryCommand.new(doc, "New heading", 0)
    doc.push(add)
    doc.push(RenameCategoryCommand(doc, add.category_id, "Money", fold=True))
    assert doc.undo_stack.count() == 1
    assert doc.diagram.categories[0].name == "Money"
    doc.undo_stack.undo()
    assert not doc.diagram.has_category(add.category_id)
    doc.undo_stack.redo()
    assert doc.diagram.categories[0].name == "Money"
    other = AddCategoryCommand.new(doc, "Another")
    doc.push(other)
    doc.push(RemoveCategoryCommand(doc, other.category_id, fold=True))
    assert doc.undo_stack.count() == 1
    assert not doc.diagram.has_category(other.category_id)


def test_removing_a_linked_cause_tells_the_alternatives_and_undo_links_it_again(qapp):
    doc = make_doc()
    doc.case.alternatives = [Alternative("a1", "Pair up", addresses=["c5", "c3", "c4"])]
    notes: list[Change] = []
    doc.changed.connect(notes.append)
    doc.push(RemoveCauseCommand(doc, "c1"))
    assert doc.case.alternatives[0].addresses == ["c5", "c4"]
    assert Change("alternative_changed", ("a1",), "addresses") in notes
    notes.clear()
    doc.undo_stack.undo()
    assert doc.case.alternatives[0].addresses == ["c5", "c3", "c4"]
    assert notes == [Change("cause_added", ("c1", "c2", "c3")),
                     Change("alternative_changed", ("a1",), "addresses")]


def test_a_refused_command_leaves_case_and_stack_alone(qapp):
    doc = make_doc()
    before = snapshot(doc.diagram)
    for command in (MoveCauseCommand(doc, "c1", "people", "c3"),
                    SetCauseAttributeCommand(doc, "c1", "votes", -2),
                    RemoveCategoryCommand(doc, "nowhere")):
        with pytest.raises(RuleError):
            doc.push(command)
    assert snapshot(doc.diagram) == before and doc.undo_stack.count() == 0
