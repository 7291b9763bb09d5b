"""The criteria table and the score matrix behave like a spreadsheet under the keyboard."""

from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit

from sixstep.case import Alternative, Case, Criterion
from sixstep.caseio import load_case
from ui.criteria.page import CriteriaPage
from ui.criteria.table import NAME, WEIGHT
from ui.document.document import CaseDocument
from ui.scoring.matrix import FIRST_CRITERION
from ui.scoring.page import EvaluatePage

SAMPLE = Path(__file__).resolve().parents[2] / "sample_cases" / "happy_burgers.case.json"


@pytest.fixture(autouse=True)
def _test_paths():
    QStandardPaths.setTestModeEnabled(True)


def _open_editor(view: QAbstractItemView) -> QLineEdit:
    editor = view.indexWidget(view.currentIndex())
    assert isinstance(editor, QLineEdit), "typing did not start editing the current cell"
    return editor


def _criteria_page(qtbot) -> CriteriaPage:
    page = CriteriaPage(CaseDocument(load_case(SAMPLE)))
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    return page


def test_weights_typed_down_the_column_never_touch_the_names(qtbot):
    page = _criteria_page(qtbot)
    view, criteria = page.table, page.doc.case.criteria
    names = [c.name for c in criteria]
    wants = [row for row, c in enumerate(criteria) if c.kind == "want"]
    first = wants[0]
    follow = [r for r in wants if r > first]
    view.setFocus()
    view.setCurrentIndex(page.model.index(first, WEIGHT))
    qtbot.keyClicks(view, "7")  # a digit starts editing with that digit
    editor = _open_editor(view)
    assert editor.text() == "7"
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: criteria[first].weight == 7)
    # Enter commits and moves DOWN the same column
    assert view.currentIndex().column() == WEIGHT
    assert view.currentIndex().row() == first + 1
    while view.currentIndex().row() < follow[0]:
        qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClicks(view, "8")
    qtbot.keyClick(_open_editor(view), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: criteria[follow[0]].weight == 8)
    assert [c.name for c in criteria] == names  # no name was overwritten
    assert view.currentIndex().column() == WEIGHT


def test_a_name_typed_then_enter_moves_down_the_names(qtbot):
    page = _criteria_page(qtbot)
    view = page.table
    view.setFocus()
    view.setCurrentIndex(page.model.index(0, NAME))
    qtbot.keyClicks(view, "Q")
    editor = _open_editor(view)
    assert editor.text() == "Q"
    qtbot.keyClicks(editor, "uick")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.doc.case.criteria[0].name == "Quick")
    assert (view.currentIndex().row(), view.currentIndex().column()) == (1, NAME)


def test_the_current_cell_stands_out_from_its_highlighted_row(qtbot):
    page = _criteria_page(qtbot)
    view = page.table
    view.setFocus()
    view.setCurrentIndex(page.model.index(1, WEIGHT))
    qtbot.wait(20)
    image = view.viewport().grab().toImage()
    current = view.visualRect(page.model.index(1, WEIGHT))
    other = view.visualRect(page.model.index(1, NAME))
    # the same spot (just inside the top-left corner) in the current cell and a neighbour
    # differs clearly, not by a faint dotted focus line
    spot = image.pixelColor(current.left() + 1, current.top() + 1)
    same = image.pixelColor(other.left() + 1, other.top() + 1)
    assert max(abs(spot.red() - same.red()), abs(spot.green() - same.green()),
               abs(spot.blue() - same.blue())) > 80


def _small_case() -> Case:
    case = Case()
    case.criteria = [Criterion("k1", "Cheap", "want", 2), Criterion("k2", "Fast", "want", 1)]
    case.alternatives = [Alternative("a1", "Read back"), Alternative("a2", "Train")]
    return case


def test_a_score_out_of_range_stays_in_the_editor_with_the_reason(qtbot):
    page = EvaluatePage(CaseDocument(_small_case()))
    qtbot.addWidget(page)
    page.resize(1100, 800)
    page.show()
    view = page.matrix
    view.setFocus()
    cell = page.model.index(0, FIRST_CRITERION)
    view.setCurrentIndex(cell)
    qtbot.keyClicks(view, "1")
    editor = _open_editor(view)
    qtbot.keyClicks(editor, "1")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.wait(50)
    assert view.currentIndex() == cell  # the cursor stays
    assert view.state() == QAbstractItemView.State.EditingState
    assert view.indexWidget(cell) is editor and editor.text() == "11"
    assert "1 to 10" in view.refusal_text()  # the reason shown beside the editor
    assert page.doc.case.scores == []
    editor.selectAll()
    qtbot.keyClicks(editor, "9")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(page.doc.case.scores) == 1)
    assert view.currentIndex().row() == 1 and view.refusal_text() == ""
    assert QApplication.focusWidget() is view


def test_a_weight_the_rules_refuse_stays_in_the_editor_with_the_reason(qtbot):
    page = _criteria_page(qtbot)
    view, criteria = page.table, page.doc.case.criteria
    row = next(r for r, c in enumerate(criteria) if c.kind == "want")
    weight = criteria[row].weight
    view.setFocus()
    cell = page.model.index(row, WEIGHT)
    view.setCurrentIndex(cell)
    qtbot.keyClicks(view, "0")
    editor = _open_editor(view)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.refusal_text() != "")
    assert "positive number" in view.refusal_text()
    assert view.currentIndex() == cell and view.indexWidget(cell) is editor
    assert criteria[row].weight == weight and page.doc.undo_stack.count() == 0
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)
    assert view.refusal_text() == "" and view.currentIndex() == cell
