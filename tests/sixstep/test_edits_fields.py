"""The field and list verbs of steps 1, 2, 3 and 6: each applies, tells one change, and its
inverse gives back the very same file; refused paths and values change nothing."""

from __future__ import annotations

import pytest

from fishbone.changes import Change
from sample_cases import read_sample
from sixstep.case import Action, Alternative, Case, PreviousEffort, Term
from sixstep.caseio import dumps_case, loads_case
from sixstep.edits.base import Edit, EditError, Sequence
from sixstep.edits.fields import (
    EDITABLE,
    InsertItem,
    MoveItem,
    RemoveItem,
    SetText,
    SetTick,
    locate,
    read,
    touches,
)
from sixstep.rules import MAX_TEXT, RuleError


@pytest.fixture
def case() -> Case:
    return loads_case(read_sample("happy_burgers"))


def heard(case: Case) -> list[Change]:
    changes: list[Change] = []
    case.changes.subscribe(changes.append)
    return changes


def round_trip(case: Case, edit: Edit) -> tuple[bytes, bytes]:
    """Apply ``edit``, undo it (the file is back byte for byte), redo it through the inverse
    of the inverse (the file is as after the edit); returns (before, after)."""
    before = dumps_case(case)
    inverse = edit.apply(case).inverse
    after = dumps_case(case)
    again = inverse.apply(case).inverse
    assert dumps_case(case) == before
    again.apply(case)
    assert dumps_case(case) == after
    return before, after


@pytest.mark.parametrize("path", [p for p, slot in EDITABLE.items()
                                  if slot.holds in ("text", "note")])
def test_every_text_field_sets_tells_and_undoes(case, path):
    changes = heard(case)
    before, after = round_trip(case, SetText(path, "Two\nlines & <b>"))
    assert before != after and read(case, path) == "Two\nlines & <b>"
    assert changes[0] == Change(path[0], (".".join(path),), path[-1])
    assert touches(changes[0], path)


def test_a_new_step_note_is_taken_away_again_and_an_old_one_keeps_its_place():
    case = Case(step_notes={"2": "b", "1": "a"})
    round_trip(case, SetText(("step_notes", "5"), "new"))
    assert list(case.step_notes) == ["2", "1", "5"]
    case.step_notes.pop("5")
    round_trip(case, SetText(("step_notes", "2"), "changed"))
    assert list(case.step_notes) == ["2", "1"]


def test_a_record_field_and_a_line_are_set_by_path(case):
    changes = heard(case)
    round_trip(case, SetText(("problem", "terms", 0, "definition"), "What we mean"))
    assert case.problem.terms[0].definition == "What we mean"
    assert changes[0] == Change("problem", ("problem.terms",), "definition")
    round_trip(case, SetText(("problem", "symptoms", 1), "Cold food"))
    assert case.problem.symptoms[1] == "Cold food"
    assert changes[-1] == Change("problem", ("problem.symptoms",), "")
    round_trip(case, SetText(("selection", "actions", 0, "due"), "2027-01-31"))
    round_trip(case, SetText(("research", "previous_efforts", 0, "effort"), "A poster"))


@pytest.mark.parametrize(("path", "item"), [
    (("problem", "symptoms"), "Queue out the door"),
    (("problem", "effects"), "Lost regulars"),
    (("not_addressed",), "Parking"),
    (("problem", "terms"), Term("Rush", "12:00 to 14:00")),
    (("research", "previous_efforts"), PreviousEffort("A sign", "Ignored")),
    (("selection", "actions"), Action("Call", "Ann", "2027-01-01")),
    (("research", "techniques"), "focus_groups"),
])
def test_insert_remove_and_move_round_trip_on_every_list(case, path, item):
    changes = heard(case)
    round_trip(case, InsertItem(path, item, 0))
    items = read(case, path)
    assert items[0] is item or items[0] == item
    round_trip(case, InsertItem(path, item))  # the end
    assert read(case, path)[-1] == item
    round_trip(case, MoveItem(path, 0, len(items) - 1))
    round_trip(case, RemoveItem(path, 0))
    assert all(c == Change(path[0], (".".join(path),), "") for c in changes)


def test_undoing_a_remove_puts_back_the_very_same_record(case):
    term = case.problem.terms[0]
    inverse = RemoveItem(("problem", "terms"), 0).apply(case).inverse
    assert term not in case.problem.terms or case.problem.terms[0] is not term
    inverse.apply(case)
    assert case.problem.terms[0] is term


def test_ticks_move_with_their_research_items():
    case = Case()
    research = case.research
    for text in ("Till log", "Rota", "Training"):
        InsertItem(("research", "to_research"), text).apply(case)
    assert research.to_research_done == [False, False, False]
    round_trip(case, SetTick(("research", "to_research"), 2, True))
    assert research.to_research_done == [False, False, True]
    round_trip(case, MoveItem(("research", "to_research"), 2, 0))
    assert research.to_research == ["Training", "Till log", "Rota"]
    assert research.to_research_done == [True, False, False]
    removed = RemoveItem(("research", "to_research"), 0).apply(case).inverse
    assert research.to_research_done == [False, False]
    removed.apply(case)
    assert research.to_research_done == [True, False, False]  # the tick came back with it


def test_a_short_tick_list_is_evened_out_and_undo_gives_it_back_as_it_was():
    case = Case()
    case.research.to_research = ["a", "b"]
    for edit in (InsertItem(("research", "to_research"), "c"),
                 RemoveItem(("research", "to_research"), 1),
                 MoveItem(("research", "to_research"), 0, 1),
                 SetTick(("research", "to_research"), 1, True)):
        case.research.to_research_done = [True]
        round_trip(case, edit)  # ends with the edit made
        assert len(case.research.to_research_done) == len(case.research.to_research)
        case.research.to_research = ["a", "b"]


def test_chosen_takes_only_alternatives(case):
    case.alternatives.append(Alternative("a99", "New"))
    round_trip(case, InsertItem(("selection", "chosen"), "a99"))
    assert case.selection.chosen[-1] == "a99"
    before = dumps_case(case)
    with pytest.raises(RuleError):
        InsertItem(("selection", "chosen"), "nobody").apply(case)
    with pytest.raises(RuleError):
        InsertItem(("research", "techniques"), "guessing").apply(case)
    assert dumps_case(case) == before


@pytest.mark.parametrize("edit", [
    SetText(("fishbone",), "x"),
    SetText(("criteria",), "x"),
    SetText(("problem",), "x"),
    SetText(("problem", "extra"), "x"),
    SetText(("research", "to_research_done"), "x"),
    SetText(("problem", "terms"), "x"),
    SetText(("problem", "terms", 0), "x"),
    SetText(("problem", "terms", 0, "extra"), "x"),
    SetText(("problem", "terms", 99, "term"), "x"),
    SetText(("problem", "terms", True, "term"), "x"),
    SetText(("problem", "symptoms", -1), "x"),
    SetText(("selection", "chosen", 0), "a1"),
    SetText(("step_notes", "7"), "x"),
    SetText(("step_notes",), "x"),
    SetText(("problem", "question"), 5),
    SetText(("problem", "question"), "x" * (MAX_TEXT + 1)),
    SetText(("problem", "question"), "lone \ud800"),
    SetText(["problem", "question"], "x"),  # type: ignore[arg-type]
    SetText((), "x"),
    InsertItem(("problem", "question"), "x"),
    InsertItem(("problem", "symptoms"), 3),
    InsertItem(("problem", "symptoms"), "x", 99),
    InsertItem(("problem", "symptoms"), "x", -1),
    InsertItem(("problem", "symptoms"), "x", tick=True),
    InsertItem(("research", "to_research"), "x", tick="yes"),
    InsertItem(("problem", "terms"), "just text"),
    InsertItem(("problem", "terms"), PreviousEffort("wrong record")),
    InsertItem(("problem", "terms"), Term("ok", "lone \udfff")),
    InsertItem(("research", "to_research_done"), True),
    InsertItem(("problem", "symptoms", 0), "x"),
    RemoveItem(("problem", "symptoms"), 99),
    RemoveItem(("problem", "symptoms"), -1),
    RemoveItem(("title",), 0),
    MoveItem(("problem", "symptoms"), 0, 99),
    MoveItem(("problem", "symptoms"), "0", 1),
    SetTick(("problem", "symptoms"), 0, True),
    SetTick(("research", "to_research"), 0, 1),
    SetTick(("research", "to_research"), 99, True),
])
def test_refused_paths_and_values_change_nothing(case, edit):
    case.research.to_research_done = case.research.to_research_done[:1]  # uneven ticks too
    before = dumps_case(case)
    changes = heard(case)
    with pytest.raises(RuleError):
        edit.apply(case)
    assert dumps_case(case) == before and changes == []


def test_a_refused_part_of_a_sequence_takes_back_the_parts_before_it(case):
    before = dumps_case(case)
    with pytest.raises(EditError):
        Sequence((InsertItem(("problem", "symptoms"), "x"),
                  SetText(("problem", "question"), "y"),
                  RemoveItem(("problem", "effects"), 99))).apply(case)
    assert dumps_case(case) == before


def test_typing_merges_only_into_the_same_place():
    typed = SetText(("problem", "question"), "H")
    assert typed.merges_with(SetText(("problem", "question"), "Ho"))
    assert not typed.merges_with(SetText(("problem", "seriousness"), "Ho"))
    assert not typed.merges_with(SetText(("problem", "question"), "Ho", merge=False))
    assert not SetText(("problem", "question"), "H", merge=False).merges_with(typed)
    line = SetText(("problem", "symptoms", 0), "a")
    assert line.merges_with(SetText(("problem", "symptoms", 0), "ab"))
    assert not line.merges_with(SetText(("problem", "symptoms", 1), "ab"))
    assert not typed.merges_with(InsertItem(("problem", "symptoms"), "H"))
    assert not SetTick(("research", "to_research"), 0, True).merges_with(
        SetTick(("research", "to_research"), 0, False))


def test_locate_and_touches_name_the_field_or_list():
    assert locate(("problem", "terms", 2, "definition")).base == ("problem", "terms")
    change = Change("problem", ("problem.terms",), "definition")
    assert touches(change, ("problem", "terms"))
    assert not touches(change, ("problem", "symptoms"))
    assert not touches(Change("research", ("problem.terms",)), ("problem", "terms"))
