"""The action plan's due and follow-up cells read typed dates and words, one undo step per edit."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, QStandardPaths, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit

from sixstep.case import Action
from sixstep.caseio import new_case
from sixstep.dates import read_date
from ui.document.document import CaseDocument
from ui.steps.select import ACTION_COLUMNS, SelectPage
from ui.widgets.date_delegate import CellDateEdit

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


def _press_on_cell(qtbot, page: SelectPage, row: int, column: int, key) -> CellDateEdit:
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


def test_f2_opens_a_date_editor_at_the_text_and_enter_writes_one_undo_step(qtbot, page, doc):
    editor = _press_on_cell(qtbot, page, 0, DUE, Qt.Key.Key_F2)
    assert isinstance(editor, CellDateEdit) and editor.text() == "2026-12-01"
    assert editor.day() == date(2026, 12, 1)
    qtbot.keyClick(editor, Qt.Key.Key_F4)  # the calendar opens at the cell's day
    assert editor.calendar.isVisible()
    assert editor.calendar.selectedDate() == QDate(2026, 12, 1)
    editor.calendar.hide()
    editor.setFocus()
    editor.selectAll()
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
    assert editor.text() == "next Tuesday"  # never replaced by today's date
    _finish(qtbot, page, editor)
    assert doc.case.selection.actions[1].due == "next Tuesday"
    assert _shown(page, 1, DUE) == "next Tuesday" and doc.undo_stack.count() == 0

    editor = _press_on_cell(qtbot, page, 1, DUE, Qt.Key.Key_F2)
    qtbot.keyClick(editor, Qt.Key.Key_Up)  # one day on, from the day the words name
    _finish(qtbot, page, editor)
    tuesday = read_date("next Tuesday", date.today())
    assert doc.case.selection.actions[1].due == (tuesday + timedelta(days=1)).isoformat()
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
    assert isinstance(editor, QLineEdit) and not isinstance(editor, CellDateEdit)
    _finish(qtbot, page, editor, Qt.Key.Key_Escape)


def _today() -> date:
    return date.today()


@pytest.mark.parametrize("words", ["next Friday", "in two weeks", "end of month",
                                   "end of next week", "tomorrow"])
def test_words_typed_in_a_due_cell_become_the_day_they_name(qtbot, page, doc, words):
    expected = read_date(words, _today()).isoformat()
    editor = _press_on_cell(qtbot, page, 0, DUE, words[0])
    qtbot.keyClicks(editor, words[1:])
    assert expected in page.date_delegate.preview_text(editor)  # the day shown beside
    _finish(qtbot, page, editor)
    assert doc.case.selection.actions[0].due == expected
    assert expected != _today().isoformat() or words == "end of month"
    assert doc.undo_stack.count() == 1


def test_a_local_date_reads_day_first_as_said(qtbot, page, doc):
    page.date_delegate.day_first = True
    editor = _press_on_cell(qtbot, page, 0, FOLLOW_UP, "3")
    qtbot.keyClicks(editor, "/1/2027")
    _finish(qtbot, page, editor)
    assert doc.case.selection.actions[0].follow_up == "2027-01-03"


def test_text_that_cannot_be_read_is_kept_marked_and_named_by_step_6(qtbot, page, doc):
    from sixstep.steps import step

    editor = _press_on_cell(qtbot, page, 0, DUE, "w")
    qtbot.keyClicks(editor, "hen Ann is back")
    assert "not a date" in page.date_delegate.preview_text(editor)
    _finish(qtbot, page, editor)
    assert doc.case.selection.actions[0].due == "when Ann is back"
    index = page.actions_table.model.index(0, DUE)
    assert page.date_delegate.is_marked(index)
    assert not page.date_delegate.is_marked(page.actions_table.model.index(0, FOLLOW_UP))
    assert any("\u201cwhen Ann is back\u201d is not a date" in line
               for line in step(6).missing(doc.case))
