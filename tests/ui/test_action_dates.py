"""The action plan's due and follow-up cells edit with a date editor, one undo step per edit."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, QStandardPaths, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QDateEdit, QLineEdit

from sixstep.case import Action
from sixstep.caseio import new_case
from ui.document.document import CaseDocument
from ui.steps.select import ACTION_COLUMNS, SelectPage

DUE = next(i for i, c in enumerate(ACTION_COLUMNS) if c[0] == "due")
FOLLOW_UP = next(i for i, c in enumerate(ACTION_COLUMNS) if c[0] == "follow_up")
OWNER = next(i for i, c in enumerate(ACTION_COLUMNS) if c[0] == "owner")


@pytest.fixture(autouse=True)
def _test_paths():
    QStandardPaths.setTestModeEnabled(True)


@pytest.fixture
def doc() -> CaseDocument:
    doc = CaseDocument(new_case())
    doc.case.selection.actions = [
        Action("Brief the crew", "Ann", "2026-12-01", "", "2026-12-15"),
        Action("Fix the till", "Bob", "next Tuesday", "", ""),
    ]
    return doc


@pytest.fixture
def page(qtbot, doc) -> SelectPage:
    page = SelectPage(doc)
    qtbot.addWidget(page)
    page.resize(1100, 900)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    return page


def _press_on_cell(qtbot, page: SelectPage, row: int, column: int, key) -> QDateEdit:
    """Put the cursor on a cell and press a key there; the editor that takes focus."""
    view = page.actions_table.view
    view.setFocus()
    view.setCurrentIndex(view.model().index(row, column))
    qtbot.keyClick(view, key)
    editor = QApplication.focusWidget()
    assert editor is not view and view.isAncestorOf(editor)
    return editor


def _finish(qtbot, page: SelectPage, editor, key=Qt.Key.Key_Return) -> None:
    view = page.actions_table.view
    qtbot.keyClick(editor, key)
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)


def _shown(page: SelectPage, row: int, column: int) -> str:
    return page.actions_table.model.index(row, column).data()


def test_f2_opens_a_calendar_date_editor_and_enter_writes_one_undo_step(qtbot, page, doc):
    editor = _press_on_cell(qtbot, page, 0, DUE, Qt.Key.Key_F2)
    assert isinstance(editor, QDateEdit)
    assert editor.calendarPopup() and editor.displayFormat() == "yyyy-MM-dd"
    assert editor.date() == QDate(2026, 12, 1)
    qtbot.keyClicks(editor, "20270315")
    _finish(qtbot, page, editor)
    assert doc.case.selection.actions[0].due == "2027-03-15"
    assert _shown(page, 0, DUE) == "2027-03-15"
    assert doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    assert doc.case.selection.actions[0].due == "2026-12-01"
    assert _shown(page, 0, DUE) == "2026-12-01"


def test_typing_a_full_date_with_dashes_lands_as_written(qtbot, page, doc):
    editor = _press_on_cell(qtbot, page, 0, FOLLOW_UP, "2")
    qtbot.keyClicks(editor, "027-01-05")
    _finish(qtbot, page, editor)
    assert doc.case.selection.actions[0].follow_up == "2027-01-05"
    assert doc.undo_stack.count() == 1


def test_text_that_is_not_a_date_stays_until_the_date_is_changed(qtbot, page, doc):
    assert _shown(page, 1, DUE) == "next Tuesday"
    editor = _press_on_cell(qtbot, page, 1, DUE, Qt.Key.Key_F2)
    assert editor.date() == QDate.currentDate()
    _finish(qtbot, page, editor)
    assert doc.case.selection.actions[1].due == "next Tuesday"
    assert _shown(page, 1, DUE) == "next Tuesday" and doc.undo_stack.count() == 0

    editor = _press_on_cell(qtbot, page, 1, DUE, Qt.Key.Key_F2)
    qtbot.keyClick(editor, Qt.Key.Key_Up)  # one year on, from today
    _finish(qtbot, page, editor)
    assert doc.case.selection.actions[1].due == QDate.currentDate().addYears(1).toString(
        "yyyy-MM-dd")
    doc.undo_stack.undo()
    assert doc.case.selection.actions[1].due == "next Tuesday"


def test_delete_in_the_editor_clears_the_date_as_one_undo_step(qtbot, page, doc):
    editor = _press_on_cell(qtbot, page, 0, FOLLOW_UP, Qt.Key.Key_F2)
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: page.actions_table.view.state()
                    != QAbstractItemView.State.EditingState)
    assert doc.case.selection.actions[0].follow_up == "" and _shown(page, 0, FOLLOW_UP) == ""
    assert len(doc.case.selection.actions) == 2 and doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    assert doc.case.selection.actions[0].follow_up == "2026-12-15"


def test_escape_leaves_the_cell_and_delete_outside_the_editor_still_removes_the_row(
        qtbot, page, doc):
    editor = _press_on_cell(qtbot, page, 0, DUE, Qt.Key.Key_F2)
    qtbot.keyClicks(editor, "1999")
    _finish(qtbot, page, editor, Qt.Key.Key_Escape)
    assert doc.case.selection.actions[0].due == "2026-12-01" and doc.undo_stack.count() == 0
    view = page.actions_table.view
    assert QApplication.focusWidget() is view
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert [a.action for a in doc.case.selection.actions] == ["Fix the till"]


def test_tab_commits_and_moves_on(qtbot, page, doc):
    editor = _press_on_cell(qtbot, page, 0, DUE, Qt.Key.Key_F2)
    qtbot.keyClicks(editor, "20261224")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    view = page.actions_table.view
    qtbot.waitUntil(lambda: view.currentIndex().column() == DUE + 1)
    assert doc.case.selection.actions[0].due == "2026-12-24"
    nxt = QApplication.focusWidget()  # the next cell is open for typing, as with text cells
    assert isinstance(nxt, QLineEdit) and view.isAncestorOf(nxt)
    _finish(qtbot, page, nxt, Qt.Key.Key_Escape)
    assert doc.undo_stack.count() == 1


def test_a_date_in_the_new_row_adds_an_action(qtbot, page, doc):
    editor = _press_on_cell(qtbot, page, 2, DUE, "2")
    qtbot.keyClicks(editor, "0270601")
    _finish(qtbot, page, editor)
    assert len(doc.case.selection.actions) == 3
    assert doc.case.selection.actions[2].due == "2027-06-01"
    assert doc.undo_stack.count() == 1


def test_other_columns_keep_the_text_editor(qtbot, page, doc):
    editor = _press_on_cell(qtbot, page, 0, OWNER, Qt.Key.Key_F2)
    assert isinstance(editor, QLineEdit) and not isinstance(editor.parentWidget(), QDateEdit)
    _finish(qtbot, page, editor, Qt.Key.Key_Escape)
