"""Push, undo and redo round trips for the field and list edits of the case, as undo steps."""

import pytest

from sixstep.case import Case
from sixstep.caseio import dumps_case
from sixstep.edits.base import EditError, Sequence
from sixstep.edits.criteria import AddCriterion, MoveCriterion, SetCriterionText
from sixstep.edits.fields import InsertItem, MoveItem, RemoveItem, SetText
from ui.document.document import CaseDocument


def test_typing_in_one_field_merges_into_one_step(qtbot):
    doc = CaseDocument(Case())
    changes = []
    doc.changed.connect(changes.append)
    for text in ("H", "Ho", "How?"):
        doc.apply(SetText(("problem", "question"), text), "Edit problem question")
    assert doc.case.problem.question == "How?"
    assert doc.undo_stack.count() == 1
    assert doc.undo_stack.undoText() == "Edit problem question"
    assert doc.is_modified()
    doc.undo_stack.undo()
    assert doc.case.problem.question == ""
    assert not doc.is_modified()
    assert changes[-1].kind == "problem" and changes[-1].ids == ("problem.question",)
    doc.undo_stack.redo()
    assert doc.case.problem.question == "How?"


def test_typing_in_two_fields_or_without_merging_makes_separate_steps(qtbot):
    doc = CaseDocument(Case())
    doc.apply(SetText(("problem", "question"), "How?"))
    doc.apply(SetText(("problem", "seriousness"), "Very"))
    doc.apply(SetText(("title",), "A"))
    doc.apply(SetText(("title",), "B", merge=False))
    assert doc.undo_stack.count() == 4


def test_list_edits_round_trip(qtbot):
    doc = CaseDocument(Case())
    path = ("problem", "symptoms")
    items = doc.case.problem.symptoms
    doc.apply(Sequence((InsertItem(path, "slow"), InsertItem(path, "rude")), "Add symptoms"))
    doc.apply(SetText((*path, 0), "very slow"))
    doc.apply(MoveItem(path, 1, 0))
    doc.apply(RemoveItem(path, 1))
    assert items == ["rude"]
    for _ in range(4):
        doc.undo_stack.undo()
    assert items == []
    for _ in range(4):
        doc.undo_stack.redo()
    assert items == ["rude"]


def test_a_refused_edit_leaves_case_and_history_as_they_were(qtbot):
    doc = CaseDocument(Case())
    doc.apply(InsertItem(("problem", "symptoms"), "slow"))
    before = dumps_case(doc.case)
    with pytest.raises(EditError):
        doc.apply(Sequence((InsertItem(("problem", "symptoms"), "rude"),
                            RemoveItem(("problem", "effects"), 3)), "Both"))
    assert dumps_case(doc.case) == before and doc.undo_stack.count() == 1


def test_criteria_are_added_moved_and_renamed_by_their_own_verbs(qtbot):
    doc = CaseDocument(Case())
    seen = []
    doc.changed.connect(seen.append)
    criteria = doc.case.criteria
    doc.apply(AddCriterion("Cheap", criterion_id="k1"))
    doc.apply(AddCriterion("Legal", index=0, criterion_id="k2"))
    doc.apply(MoveCriterion("k2", 1))
    for text in ("F", "Fa", "Fast"):
        doc.apply(SetCriterionText("k1", "name", text))
    assert [c.name for c in criteria] == ["Fast", "Legal"]
    assert doc.undo_stack.count() == 4
    assert (seen[-1].kind, seen[-1].ids, seen[-1].attribute) == ("criterion_changed", ("k1",),
                                                                 "name")
    while doc.undo_stack.canUndo():
        doc.undo_stack.undo()
    assert criteria == []


def test_a_document_deleted_with_its_history_tells_nobody(qtbot, monkeypatch):
    import shiboken6

    doc = CaseDocument(Case())
    doc.apply(SetText(("problem", "question"), "How?"))
    told: list[int] = []
    monkeypatch.setattr(CaseDocument, "_on_undo_stack_index_changed",
                        lambda self, index: told.append(index))
    doc.undo_stack.undo()
    assert told == [0]  # the document hears its stack move
    shiboken6.delete(doc)  # its stack clears itself as it goes: nothing is called on it
    assert told == [0]
