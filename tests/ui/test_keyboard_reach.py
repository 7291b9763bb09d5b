"""Tab reaches every control of every step, in the order they are seen, and never gets stuck."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from ui.app.main_window import MainWindow
from ui.fishbone_editor.canvas.view import DiagramView

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def window(make_window) -> MainWindow:
    return make_window(sample="happy_burgers")


def tab_round(qtbot, window: MainWindow, backwards: bool = False) -> list[QWidget]:
    """Press Tab (Ctrl+Tab on the canvas, where Tab adds a cause) from the step navigator
    until the focus comes back to it; the controls visited on the way."""
    start = window.workspace.navigator
    start.setFocus()
    visited: list[QWidget] = []
    for _ in range(60):
        focus = QApplication.focusWidget()
        mods = CTRL if isinstance(focus, DiagramView) else Qt.KeyboardModifier.NoModifier
        if backwards:
            qtbot.keyClick(focus, Qt.Key.Key_Backtab, mods | SHIFT)
        else:
            qtbot.keyClick(focus, Qt.Key.Key_Tab, mods)
        now = QApplication.focusWidget()
        assert now is not focus, f"Tab is stuck on {focus.accessibleName()!r}"
        if now is start:
            return visited
        visited.append(now)
    raise AssertionError("Tab never came back to the step navigator")


def controls(frame: QWidget) -> list[QWidget]:
    """What a keyboard user must be able to reach on the step shown."""
    return [w for w in frame.findChildren(QWidget)
            if w.isVisible() and w.isEnabled() and w.focusPolicy() & Qt.FocusPolicy.TabFocus
            and not isinstance(w, QTabWidget)  # its tab bar takes the focus
            and not (isinstance(w.parentWidget(), DiagramView) and w.parentWidget() is not None
                     and w is w.parentWidget().viewport())]


@pytest.mark.parametrize("step", [1, 2, 3, 4, 5, 6])
@pytest.mark.parametrize("backwards", [False, True])
def test_tab_visits_every_control_of_the_step_and_comes_back(window, qtbot, step, backwards):
    window.show_step(step)
    frame = window.workspace.frame(step)
    before = window.doc.undo_stack.count()
    visited = tab_round(qtbot, window, backwards)
    missed = [f"{type(w).__name__} {w.accessibleName()!r}" for w in controls(frame)
              if w not in visited]
    assert missed == []
    assert window.doc.undo_stack.count() == before  # moving around changes nothing


def test_the_research_notes_tab_is_reached_too(window, qtbot):
    window.show_step(2)
    page = window.workspace.page(2)
    page.tabs.setCurrentIndex(1)
    visited = tab_round(qtbot, window)
    assert page.to_research_list.view in visited and page.findings_field in visited
    assert [w for w in controls(window.workspace.frame(2)) if w not in visited] == []


def test_on_the_canvas_tab_adds_a_cause_and_ctrl_tab_moves_on(window, qtbot):
    window.show_step(2)
    editor = window.workspace.page(2).fishbone
    editor.capture.setFocus()
    qtbot.keyClick(editor.capture, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is editor.view
    qtbot.keyClick(editor.view, Qt.Key.Key_Backtab, CTRL | SHIFT)
    assert QApplication.focusWidget() is editor.capture
    qtbot.keyClick(editor.capture, Qt.Key.Key_Tab)
    qtbot.keyClick(editor.view, Qt.Key.Key_Tab, CTRL)
    assert not editor.isAncestorOf(QApplication.focusWidget())
    assert not window.doc.is_modified()


def test_tick_boxes_of_a_new_alternative_keep_their_place_in_the_tab_order(window, qtbot):
    """Step 6 builds a box per alternative as they come; Tab goes through them before the
    rationale below them, not after the review questions at the bottom."""
    window.show_step(4)
    entry = window.workspace.page(4).entry
    entry.setFocus()
    qtbot.keyClicks(entry, "Second cashier on Fridays")
    qtbot.keyClick(entry, Qt.Key.Key_Return)
    window.show_step(6)
    page = window.workspace.page(6)
    visited = tab_round(qtbot, window)
    boxes = list(page.chosen.boxes.values())
    assert len(boxes) == len(window.doc.case.open_alternatives())
    places = [visited.index(w) for w in (*boxes, page.rationale_field,
                                         page.review_fields["what_next"])]
    assert places == sorted(places)


def test_tab_on_a_table_leaves_it_and_arrows_move_inside(window, qtbot):
    window.show_step(1)
    view = window.workspace.page(1).terms_table.view
    view.setFocus()
    view.setCurrentIndex(view.model().index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.currentIndex().column() == 1
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not view
    assert not isinstance(QApplication.focusWidget(), QTabBar)


def test_tab_in_a_cell_being_typed_moves_on_to_the_next_cell(window, qtbot):
    window.show_step(1)
    table = window.workspace.page(1).terms_table
    view = table.view
    new_row = view.model().rowCount() - 1
    view.setFocus()
    view.setCurrentIndex(view.model().index(new_row, 0))
    qtbot.keyClick(view, Qt.Key.Key_F2)
    first = QApplication.focusWidget()
    qtbot.keyClicks(first, "Rush")
    qtbot.keyClick(first, Qt.Key.Key_Tab)
    QApplication.processEvents()  # a person pauses between keys
    second = QApplication.focusWidget()
    assert view.isAncestorOf(second)
    qtbot.keyClicks(second, "The hour after the pubs close")
    qtbot.keyClick(second, Qt.Key.Key_Return)
    QApplication.processEvents()
    term = window.doc.case.problem.terms[-1]
    assert (term.term, term.definition) == ("Rush", "The hour after the pubs close")


def _internal(widget: QWidget) -> bool:
    """Qt's own parts: combo box pop-ups, scroll buttons and the like name themselves."""
    w: QWidget | None = widget
    while w is not None:
        if "qt_" in w.objectName() or (w is not widget and isinstance(w, QComboBox)):
            return True
        w = w.parentWidget()
    return False


@pytest.mark.parametrize("step", [1, 2, 3, 4, 5, 6])
def test_every_control_of_every_step_has_an_accessible_name(window, step):
    window.resize(1400, 800)  # wide enough for the fishbone's side panel
    window.show_step(step)
    frame = window.workspace.frame(step)
    kinds = (QAbstractButton, QLineEdit, QTextEdit, QPlainTextEdit, QAbstractItemView,
             QComboBox)
    unnamed = [f"{type(w).__name__} {w.objectName()}" for w in frame.findChildren(QWidget)
               if isinstance(w, kinds) and not w.accessibleName() and not _internal(w)
               and (w.isVisibleTo(frame) or not isinstance(w, QAbstractButton))]
    assert unnamed == []


@pytest.mark.parametrize(("step", "view", "items"), [
    (3, "table", lambda case: case.criteria),
    (3, "not_addressed.list_widget", lambda case: case.not_addressed),
    (4, "list_widget", lambda case: case.alternatives),
])
def test_delete_removes_the_current_row_of_every_list_and_undo_brings_it_back(
        window, qtbot, step, view, items):
    window.show_step(step)
    widget = window.workspace.page(step)
    for part in view.split("."):
        widget = getattr(widget, part)
    widget.setFocus()
    widget.setCurrentIndex(widget.model().index(1, 0))
    second = items(window.doc.case)[1]
    count = len(items(window.doc.case))
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    assert len(items(window.doc.case)) == count - 1 and second not in items(window.doc.case)
    qtbot.keyClick(widget, Qt.Key.Key_Z, CTRL)
    assert items(window.doc.case)[1] is second or items(window.doc.case)[1] == second


def test_delete_takes_no_idea_away_while_brainstorming(window, qtbot):
    window.show_step(4)
    page = window.workspace.page(4)
    qtbot.keyClick(page.brainstorm_button, Qt.Key.Key_Space)
    assert page.brainstorming
    page.list_widget.setFocus()
    page.list_widget.setCurrentRow(0)
    count = len(window.doc.case.alternatives)
    qtbot.keyClick(page.list_widget, Qt.Key.Key_Delete)
    assert len(window.doc.case.alternatives) == count
