"""Push, undo and redo round trips for the generic case commands."""

from sixstep.case import Case
from ui.document.case_commands import (
    InsertItemCommand,
    MoveItemCommand,
    RemoveItemCommand,
    SetFieldCommand,
    SetListItemCommand,
    macro,
)
from ui.document.document import CaseDocument


def test_typing_in_one_field_merges_into_one_step(qtbot):
    doc = CaseDocument(Case())
    seen = []
    doc.case_changed.connect(seen.append)
    for text in ("H", "Ho", "How?"):
        doc.push(SetFieldCommand(doc, "problem", doc.case.problem, "question", text))
    assert doc.case.problem.question == "How?"
    assert doc.undo_stack.count() == 1
    assert doc.is_modified()
    doc.undo_stack.undo()
    assert doc.case.problem.question == ""
    assert not doc.is_modified()
    assert seen[-1] == "problem"


def test_list_commands_round_trip(qtbot):
    doc = CaseDocument(Case())
    items = doc.case.problem.symptoms
    macro(doc, "Add symptoms", [
        InsertItemCommand(doc, "problem", items, "slow"),
        InsertItemCommand(doc, "problem", items, "rude"),
    ])
    doc.push(SetListItemCommand(doc, "problem", items, 0, "very slow"))
    doc.push(MoveItemCommand(doc, "problem", items, 1, 0))
    doc.push(RemoveItemCommand(doc, "problem", items, 1))
    assert items == ["rude"]
    for _ in range(4):
        doc.undo_stack.undo()
    assert items == []
    for _ in range(4):
        doc.undo_stack.redo()
    assert items == ["rude"]
