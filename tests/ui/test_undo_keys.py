"""Ctrl+Z and Ctrl+Y undo the case from wherever the focus is, and every page shows the result."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from sixstep.caseio import dumps_case
from sixstep.edits.fields import SetText
from ui.app.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def window(make_window) -> MainWindow:
    return make_window(sample="happy_burgers")


def _focusable(frame: QWidget) -> list[QWidget]:
    return [w for w in frame.findChildren(QWidget) if w.isVisibleTo(frame)
            and w.focusPolicy() & Qt.FocusPolicy.TabFocus]


def test_ctrl_z_undoes_the_case_from_every_control_of_every_step(window, qtbot):
    stack = window.doc.undo_stack
    for number in range(1, 7):
        window.show_step(number)
        frame = window.workspace.frame(number)
        keeping = []
        for widget in _focusable(frame):
            window.doc.apply(SetText(("title",), f"Title {stack.index()}", merge=False))
            index = stack.index()
            widget.setFocus()
            focus = QApplication.focusWidget() or widget
            qtbot.keyClick(focus, Qt.Key.Key_Z, CTRL)
            if stack.index() != index - 1:
                keeping.append(f"step {number}: {type(focus).__name__} "
                               f"{focus.accessibleName()!r}")
                stack.undo()
        assert keeping == []


@pytest.mark.parametrize(("step", "entry", "items"), [
    (3, "entry", lambda case: case.criteria),
    (3, "not_addressed.entry", lambda case: case.not_addressed),
    (4, "entry", lambda case: case.alternatives),
    (2, "fishbone.capture", lambda case: case.fishbone.causes),
])
def test_ctrl_z_in_an_entry_line_takes_back_what_it_just_added(window, qtbot, step, entry,
                                                              items):
    window.show_step(step)
    line = window.workspace.page(step)
    for part in entry.split("."):
        line = getattr(line, part)
    before = dumps_case(window.doc.case)
    count = len(items(window.doc.case))
    line.setFocus()
    qtbot.keyClicks(line, "People: one more idea")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert len(items(window.doc.case)) == count + 1 and line.text() == ""
    qtbot.keyClick(line, Qt.Key.Key_Z, CTRL)
    assert dumps_case(window.doc.case) == before
    assert line.text() == ""  # the typed words do not come back into the line
    qtbot.keyClick(line, Qt.Key.Key_Y, CTRL)
    assert len(items(window.doc.case)) == count + 1


def test_typing_in_a_review_note_then_ctrl_z_restores_it_and_ctrl_y_brings_it_back(window,
                                                                                   qtbot):
    window.show_step(5)
    details = window.workspace.page(5).details
    box = details.note_edits["strengths"]
    old = details.alternative().strengths
    box.setFocus()
    box.moveCursor(box.textCursor().MoveOperation.End)
    qtbot.keyClicks(box, " and cheap")
    assert details.alternative().strengths == old + " and cheap"
    qtbot.keyClick(box, Qt.Key.Key_Z, CTRL)
    assert details.alternative().strengths == old and box.toPlainText() == old
    assert not window.doc.is_modified()
    qtbot.keyClick(box, Qt.Key.Key_Y, CTRL)
    assert box.toPlainText() == old + " and cheap"
