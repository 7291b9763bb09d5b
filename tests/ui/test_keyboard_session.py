"""A whole workshop, step 1 to step 6, without touching the mouse: mnemonics, Tab, Enter,
the step keys; then save, reopen, and undo everything back to a blank case."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import QApplication, QWidget

from sixstep.caseio import dumps_case, new_case
from ui.app.main_window import MainWindow
from ui.common.settings import AppSettings

K = Qt.Key
NONE = Qt.KeyboardModifier.NoModifier
ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture(autouse=True)
def _test_paths():
    QStandardPaths.setTestModeEnabled(True)


class Keyboard:
    """Keys go where a person's keys go: to whatever has the focus now."""

    def __init__(self, qtbot, window: MainWindow) -> None:
        self.qtbot, self.window = qtbot, window

    def focus(self) -> QWidget:
        widget = QApplication.focusWidget()
        if widget is None:  # offscreen, a closed dialog does not hand the focus back
            self.window.activateWindow()
            self.qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
            widget = QApplication.focusWidget()
        return widget

    def press(self, key: Qt.Key, modifiers: Qt.KeyboardModifier = NONE) -> None:
        self.qtbot.keyClick(self.focus(), key, modifiers)
        QApplication.processEvents()  # a person pauses between keys

    def type(self, text: str) -> None:
        for character in text:
            self.qtbot.keyClicks(self.focus(), character)
        QApplication.processEvents()

    def enter(self, text: str) -> None:
        self.type(text)
        self.press(K.Key_Return)

    def tab_to(self, name: str, backwards: bool = False) -> None:
        """Tab (or Shift+Tab) until the control called ``name`` has the focus."""
        for _ in range(40):
            if self.focus().accessibleName() == name:
                return
            if backwards:
                self.press(K.Key_Backtab, SHIFT)
            else:
                self.press(K.Key_Tab)
        raise AssertionError(f"Tab never reached {name!r}")

    def until(self, condition: Callable[[], bool]) -> None:
        self.qtbot.waitUntil(condition)


def test_a_whole_workshop_by_keyboard_alone(qtbot, tmp_path):
    window = MainWindow(AppSettings.in_memory())
    window.files.ask_save_changes = lambda: "discard"
    window.files.interactive = False
    path = tmp_path / "night.case.json"
    window.files.ask_save_path = lambda: path
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    keys = Keyboard(qtbot, window)
    case = window.doc.case

    keys.press(K.Key_N, CTRL)  # step 1
    case = window.doc.case
    assert window.current_step() == 1
    keys.press(K.Key_T, ALT)
    keys.type("Night orders")
    keys.press(K.Key_Q, ALT)
    keys.type("How can one person keep up with changed orders?")
    keys.press(K.Key_K, ALT)
    keys.type("Rush")  # the first letter opens the cell
    keys.press(K.Key_Tab)
    keys.enter("The hour after the pubs close")
    keys.press(K.Key_Y, ALT)
    keys.enter("Customers wait twelve minutes")
    keys.press(K.Key_A, ALT)
    keys.enter("Lost sales")
    keys.press(K.Key_S, ALT)
    keys.type("Every weekend night")

    keys.press(K.Key_PageDown, CTRL)  # step 2
    assert window.current_step() == 2
    keys.tab_to("Capture a cause")
    keys.enter("People: nobody to hand over to")
    keys.enter("Systems: till cannot amend a sent order")
    keys.press(K.Key_C, ALT)  # the cause just added: confirmed, and the root cause
    keys.press(K.Key_R, CTRL | SHIFT)
    keys.press(K.Key_Tab)  # onto the canvas
    keys.press(K.Key_Home)
    keys.press(K.Key_F2)
    keys.enter("Customer leaves frustrated")
    keys.press(K.Key_R, ALT)
    keys.press(K.Key_N, ALT)
    keys.type("The till is the bottleneck.")

    keys.press(K.Key_PageDown, CTRL)  # step 3
    keys.tab_to("New criterion")
    keys.enter("Customer gets what they last asked for")
    keys.enter("Cheap to run")
    keys.tab_to("Propose weights from the order of importance")
    keys.press(K.Key_Space)
    keys.until(lambda: QApplication.activeModalWidget() is not None)
    keys.press(K.Key_Return)  # Enter applies the proposal
    keys.until(lambda: QApplication.activeModalWidget() is None)
    assert [c.weight for c in case.criteria] == [75, 25]
    keys.tab_to("New not-addressed item")
    keys.enter("Day-shift staffing")

    keys.press(K.Key_PageDown, CTRL)  # step 4
    keys.tab_to("New alternative")
    keys.enter("Let the cashier amend a sent order")
    keys.enter("Second cashier at weekends")
    keys.tab_to("Alternatives")
    keys.press(K.Key_Home)
    keys.tab_to("Causes this alternative addresses")
    tree = window.workspace.page(4).causes_tree
    target = case.fishbone.causes[1].id  # the till
    while tree.currentItem() is None or tree.currentItem().data(0, Qt.ItemDataRole.UserRole + 1) \
            != target:
        keys.press(K.Key_Down)
    keys.press(K.Key_Space)
    assert case.alternatives[0].addresses == [target]

    keys.press(K.Key_PageDown, CTRL)  # step 5: type down each column
    keys.tab_to("Score matrix: alternatives by criteria")
    for score in ("9", "6", "8", "4"):
        keys.enter(score)
    assert sorted((s.alternative, s.criterion, s.value) for s in case.scores) == [
        ("a1", "k1", 9), ("a1", "k2", 8), ("a2", "k1", 6), ("a2", "k2", 4)]

    keys.press(K.Key_PageDown, CTRL)  # step 6
    keys.tab_to("Choose Let the cashier amend a sent order")
    keys.press(K.Key_Space)
    keys.press(K.Key_H, ALT)
    keys.type("It removes the root cause.")
    keys.press(K.Key_A, ALT)
    keys.type("Ask the till supplier")
    keys.press(K.Key_Tab)
    keys.enter("Store manager")
    assert case.selection.chosen == ["a1"]
    assert [(a.action, a.owner) for a in case.selection.actions] == [
        ("Ask the till supplier", "Store manager")]
    assert all(window.workspace.navigator.missing[n] == [] for n in (1, 3, 4, 5))

    keys.press(K.Key_S, CTRL)  # save
    saved = dumps_case(case)
    assert path.read_bytes() == saved
    assert not window.isWindowModified()

    keys.press(K.Key_PageUp, CTRL)  # from step 5, undo the whole session
    while window.doc.undo_stack.canUndo():
        keys.press(K.Key_Z, CTRL)
    assert dumps_case(window.doc.case) == dumps_case(new_case())
    pages = window.workspace.page  # and every page shows the blank case, not what it had
    assert pages(1).title_field.text() == "" and pages(1).symptoms_list.model.rowCount() == 0
    assert pages(1).terms_table.model.rowCount() == 1  # only the "(add term)" row
    assert pages(2).fishbone.view.diagram_scene.boxes.keys() == {
        ("head", "head"), *(("category", c.id) for c in window.doc.diagram.categories)}
    assert pages(2).findings_field.toPlainText() == ""
    assert pages(3).model.rowCount() == 0 and pages(3).not_addressed.list_widget.count() == 0
    assert pages(4).list_widget.count() == 0
    assert pages(5).model.rowCount() == 0
    assert pages(6).chosen.boxes == {} and pages(6).rationale_field.toPlainText() == ""
    assert pages(6).actions_table.model.rowCount() == 1
    assert all(not window.workspace.navigator.item(n).text().endswith("complete")
               for n in range(6))

    assert window.files.open_path(path)  # and the saved file gives it all back
    assert dumps_case(window.doc.case) == saved
