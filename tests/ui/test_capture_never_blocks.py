"""A scribe types as fast as the room talks: no dialog, no lost or misfiled word (issue 9)."""

from __future__ import annotations

import json

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from ui.app.main_window import MainWindow

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier

# The room, as typed in the trial (the first two lines exactly), then more of the same kind.
LINES = [
    "P: Staff rota changes weekly",                # P: People or Processes
    "Nobody owns the new-starter checklist",       # no heading: the one in use
    "Pe: Trainers are on other shifts",            # only People starts with Pe
    "Xyz: Fryer alarm is too quiet",               # no such heading: nothing may be lost
    "Money: The budget for training was cut",      # no such heading either
    "e: Menu boards list old items",               # Equipment or Environment
    "Systems: Till screen lags at rush hour",
]


class ModalWatch(QObject):
    """Notes every modal window that appears (and closes it, so a failing test ends)."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[str] = []

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt name
        if event.type() == QEvent.Type.KeyPress and QApplication.activeModalWidget():
            self.seen.append(f"key while {QApplication.activeModalWidget()!r} was up")
        if (event.type() == QEvent.Type.Show and isinstance(obj, QWidget) and obj.isWindow()
                and (obj.isModal() or isinstance(obj, QDialog))):
            self.seen.append(f"shown: {obj!r}")
            if isinstance(obj, QDialog):
                QTimer.singleShot(0, obj.reject)
        return False


def _step_two(make_window) -> MainWindow:
    window = make_window(size=(1280, 720), sample="happy_burgers")
    window.show_step(2)
    return window


def test_fast_typing_with_unclear_prefixes_loses_nothing_and_opens_no_dialog(
        make_window, qtbot, tmp_path):
    window = _step_two(make_window)
    editor = window.workspace.page(2).fishbone
    line = editor.capture
    d = window.doc.diagram
    before = len(d.causes)
    watch = ModalWatch()
    QApplication.instance().installEventFilter(watch)
    try:
        line.setFocus()
        for text in LINES:
            qtbot.keyClicks(line, text)
            qtbot.keyClick(line, Qt.Key.Key_Return)
            assert QApplication.activeModalWidget() is None
        QApplication.processEvents()
    finally:
        QApplication.instance().removeEventFilter(watch)
    assert watch.seen == []
    assert line.hasFocus() and line.text() == ""
    assert len(d.causes) == before + len(LINES)
    assert [c.name for c in d.categories] == ["Equipment", "Systems", "Processes", "People",
                                              "Environment"], "a heading appeared unasked"
    path = tmp_path / "typed.case.json"
    assert window.files.save_to(path)
    saved = json.loads(path.read_text(encoding="utf-8"))
    heading = {c["id"]: c["name"] for c in saved["fishbone"]["categories"]}
    added = {c["text"]: heading[c["category"]] for c in saved["fishbone"]["causes"]}
    # every character typed is in the file: the words as causes, a prefix as the start of
    # the heading it chose, or (unknown) kept in the cause's text
    assert added["Staff rota changes weekly"] in ("Processes", "People")
    assert "Nobody owns the new-starter checklist" in added
    assert added["Trainers are on other shifts"] == "People"
    assert "Xyz: Fryer alarm is too quiet" in added
    assert "Money: The budget for training was cut" in added
    assert added["Menu boards list old items"] in ("Equipment", "Environment")
    assert added["Till screen lags at rush hour"] == "Systems"


def test_an_unclear_prefix_says_where_the_cause_went_and_a_key_moves_it(make_window, qtbot):
    window = _step_two(make_window)
    line = window.workspace.page(2).fishbone.capture
    d = window.doc.diagram
    line.setFocus()
    added: list[str] = []
    line.cause_added.connect(added.append)
    qtbot.keyClicks(line, "P: Staff rota changes weekly")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    cause = d.cause(added[-1])
    first = d.category(cause.category).name
    assert first == "Processes"  # nothing used yet: the first in order
    note = line.note
    assert note.isVisible() and "Processes" in note.text() and "People" in note.text()
    assert "Alt+Down" in note.text()
    qtbot.keyClick(line, Qt.Key.Key_Down, ALT)
    assert d.category(d.cause(cause.id).category).name == "People"
    assert "People" in note.text() and line.hasFocus()
    # the heading used last among those that match is the best match next time
    qtbot.keyClicks(line, "p: Breaks are not planned")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert d.category(d.cause(added[-1]).category).name == "People"
    window.doc.undo_stack.undo()
    window.doc.undo_stack.undo()
    assert d.category(d.cause(cause.id).category).name == "Processes"


def test_a_new_heading_only_on_an_explicit_choice(make_window, qtbot):
    window = _step_two(make_window)
    line = window.workspace.page(2).fishbone.capture
    d = window.doc.diagram
    added: list[str] = []
    line.cause_added.connect(added.append)
    line.setFocus()
    qtbot.keyClicks(line, "Money: Budget cut")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    kept = d.cause(added[-1])
    assert kept.text == "Money: Budget cut" and len(d.categories) == 5
    button = line.note.make_button
    assert button.isVisible() and "Money" in button.text()
    assert button.focusPolicy() == Qt.FocusPolicy.NoFocus  # Space never presses it
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert d.categories[-1].name == "Money"
    assert d.cause(kept.id).category == d.categories[-1].id
    assert d.cause(kept.id).text == "Budget cut" and line.hasFocus()
    window.doc.undo_stack.undo()  # one step: the heading goes, the line is back as typed
    assert len(d.categories) == 5 and d.cause(kept.id).text == "Money: Budget cut"
    # typed: "+Heading: cause" makes the heading at once
    qtbot.keyClicks(line, "+Training: No refresher course")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert d.categories[-1].name == "Training"
    assert d.cause(added[-1]).text == "No refresher course"
    assert d.cause(added[-1]).category == d.categories[-1].id


def test_ctrl_l_puts_the_cursor_in_the_capture_line_from_anywhere_on_step_two(make_window,
                                                                            qtbot):
    window = _step_two(make_window)
    page = window.workspace.page(2)
    line = page.fishbone.capture
    for tab in (page.dots, page.relations, page.tabs.widget(1)):
        page.tabs.setCurrentWidget(tab)
        tab.setFocus()
        QApplication.processEvents()
        qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_L, CTRL)
        assert page.tabs.currentWidget() is page.fishbone and line.hasFocus()
    page.fishbone.view.setFocus()
    qtbot.keyClick(page.fishbone.view, Qt.Key.Key_L, CTRL)
    assert line.hasFocus()
    qtbot.keyClicks(line, "Nobody checks the fryer")
    assert line.text() == "Nobody checks the fryer"
