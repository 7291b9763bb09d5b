"""Step 3 as a facilitator uses it: add, edit, reorder, weigh and list what is not addressed."""

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QModelIndex, Qt

from sixstep.case import Case
from sixstep.caseio import load_case
from ui.criteria.page import CriteriaPage
from ui.criteria.table import KIND, NAME, WEIGHT
from ui.document.document import CaseDocument

SAMPLE = Path(__file__).resolve().parents[2] / "sample_cases" / "happy_burgers.case.json"


@pytest.fixture
def page(qtbot):
    doc = CaseDocument(load_case(SAMPLE))
    widget = CriteriaPage(doc)
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    return widget


def _names(page: CriteriaPage) -> list[str]:
    return [c.name for c in page.doc.case.criteria]


def _shown(page: CriteriaPage, row: int, column: int) -> str:
    return page.model.index(row, column).data()


def test_type_criteria_then_undo_back_to_blank(qtbot):
    doc = CaseDocument(Case())
    page = CriteriaPage(doc)
    qtbot.addWidget(page)
    page.show()
    for name in ("Cheap", "Fast"):
        qtbot.keyClicks(page.entry, name)
        qtbot.keyClick(page.entry, Qt.Key.Key_Return)
    assert _names(page) == ["Cheap", "Fast"]
    assert page.entry.text() == ""
    assert page.model.rowCount() == 2 and _shown(page, 1, NAME) == "Fast"
    assert _shown(page, 0, WEIGHT) == "not set"
    while doc.undo_stack.canUndo():
        doc.undo_stack.undo()
    assert doc.case.criteria == [] and page.model.rowCount() == 0


def test_typing_a_weight_into_the_table(page, qtbot):
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(3, WEIGHT))
    qtbot.keyClicks(page.table, "6")
    editor = page.table.indexWidget(page.model.index(3, WEIGHT))
    assert editor is not None and editor.text() == "6"
    qtbot.keyClicks(editor, "5")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # Qt commits on the next turn of the loop
    qtbot.waitUntil(lambda: page.doc.case.criteria[3].weight == 65)
    assert _shown(page, 3, WEIGHT).startswith("65")
    page.doc.undo_stack.undo()
    assert page.doc.case.criteria[3].weight == 8


def test_a_refused_weight_says_why(page):
    assert not page.model.setData(page.model.index(2, WEIGHT), "-3")
    assert "positive" in page.message_label.text()
    assert page.doc.case.criteria[2].weight == 10
    assert not page.model.flags(page.model.index(0, WEIGHT)) & Qt.ItemFlag.ItemIsEditable
    assert _shown(page, 0, WEIGHT) == "pass/fail"


def test_making_a_want_a_must_drops_its_weight(page):
    assert page.model.setData(page.model.index(5, KIND), "must")
    criterion = page.doc.case.criteria[5]
    assert (criterion.kind, criterion.weight) == ("must", None)
    assert _shown(page, 5, KIND) == "Must"
    page.doc.undo_stack.undo()
    assert (criterion.kind, criterion.weight) == ("want", 3)


def test_alt_arrows_reorder_and_follow_the_criterion(page, qtbot):
    before = _names(page)
    page.table.setFocus()
    page.select_row(3)
    qtbot.keyClick(page.table, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(page.table, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert _names(page)[1] == before[3]
    assert page.current_row() == 1
    assert page.model.headerData(1, Qt.Orientation.Vertical) == "2"
    qtbot.keyClick(page.table, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert _names(page)[2] == before[3]
    for _ in range(3):
        page.doc.undo_stack.undo()
    assert _names(page) == before


def test_drag_and_drop_moves_one_step(page):
    before = _names(page)
    data = page.model.mimeData([page.model.index(5, NAME)])
    page.model.dropMimeData(data, Qt.DropAction.MoveAction, 2, 0, QModelIndex())
    assert _names(page) == before[:2] + [before[5]] + before[2:5]
    assert page.doc.undo_stack.count() == 1
    assert not page.model.dropMimeData(QMimeData(), Qt.DropAction.MoveAction, 0, 0,
                                       QModelIndex())


def test_propose_weights_preview_then_apply_as_one_step(page, qtbot):
    qtbot.mouseClick(page.propose_button, Qt.MouseButton.LeftButton)
    dialog = page.weights_dialog
    assert dialog is not None
    dialog.method_combo.setCurrentIndex(dialog.method_combo.findData("rank_sum"))
    table = dialog.preview_table
    assert [table.item(r, 2).text() for r in range(table.rowCount())] == ["4", "3", "2", "1"]
    assert table.item(0, 1).text() == "10"
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    case = page.doc.case
    assert [c.weight for c in case.criteria] == [None, None, 4, 3, 2, 1]
    assert page.doc.undo_stack.count() == 1
    assert page.doc.undo_stack.undoText() == "Apply rank sum weights"
    page.doc.undo_stack.undo()
    assert [c.weight for c in case.criteria] == [None, None, 10, 8, 5, 3]


def test_cancel_leaves_the_weights(page, qtbot):
    page.open_weights_dialog()
    page.weights_dialog.reject()
    assert page.doc.undo_stack.count() == 0


def test_remove_a_criterion_takes_its_scores_and_undo_brings_them_back(page, qtbot):
    scores = len(page.doc.case.scores)
    page.select_row(2)
    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    assert "k3" not in [c.id for c in page.doc.case.criteria]
    assert len(page.doc.case.scores) < scores
    page.doc.undo_stack.undo()
    assert len(page.doc.case.scores) == scores


def test_not_addressed_list(page, qtbot):
    editor = page.not_addressed
    qtbot.keyClicks(editor.entry, "Parking")
    qtbot.keyClick(editor.entry, Qt.Key.Key_Return)
    items = page.doc.case.not_addressed
    assert items[-1] == "Parking" and editor.list_widget.count() == 4
    editor.list_widget.setFocus()
    editor.list_widget.setCurrentRow(3)
    qtbot.keyClick(editor.list_widget, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert items[2] == "Parking" and editor.list_widget.currentRow() == 2
    editor.list_widget.item(2).setText("Parking at night")
    assert items[2] == "Parking at night"
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    assert "Parking at night" not in items
    for _ in range(4):
        page.doc.undo_stack.undo()
    assert "Parking" not in items and len(items) == 3


def test_projector_mode_keeps_the_editing_chrome(page):
    page.set_projector_mode(True)
    assert page.chrome.isVisible() and page.not_addressed.entry.isVisible()
    assert page.entry.isVisible() and page.propose_button.isVisible()
    assert page.table.isVisible() and not page.hint_label.isVisible()
    page.set_projector_mode(False)
    assert page.chrome.isVisible() and page.hint_label.isVisible()
