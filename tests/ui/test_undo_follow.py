"""Undo shows what it undid: it goes to the step, selects and flashes the change, and says so."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from fishbone.changes import Change
from ui.app.main_window import MainWindow
from ui.document.fishbone_commands import SetCauseTextCommand
from ui.steps.change_steps import step_of

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def window(make_window) -> MainWindow:
    return make_window(sample="happy_burgers")


def _press(window: MainWindow, qtbot, key: Qt.Key) -> None:
    focus = QApplication.focusWidget() or window
    qtbot.keyClick(focus, key, CTRL)


def test_ctrl_z_on_step_5_of_a_symptom_typed_on_step_1_goes_back_to_step_1(window, qtbot):
    window.show_step(1)
    symptoms = window.workspace.page(1).symptoms_list
    symptoms.entry.setFocus()
    qtbot.keyClicks(symptoms.entry, "Orders read back wrong at night")
    qtbot.keyClick(symptoms.entry, Qt.Key.Key_Return)
    assert "Orders read back wrong at night" in window.doc.case.problem.symptoms
    window.show_step(5)
    window.workspace.page(5).matrix.setFocus()
    _press(window, qtbot, Qt.Key.Key_Z)
    assert "Orders read back wrong at night" not in window.doc.case.problem.symptoms
    assert window.current_step() == 1
    message = window.statusBar().currentMessage()
    assert message.startswith("Undid: ") and "symptom" in message.lower()
    flash = window.undo_follow.flash
    assert flash is not None and flash.isVisible() and symptoms.isAncestorOf(flash.target) \
        or flash.target is symptoms
    window.show_step(5)
    _press(window, qtbot, Qt.Key.Key_Y)
    assert "Orders read back wrong at night" in window.doc.case.problem.symptoms
    assert window.current_step() == 1
    assert window.statusBar().currentMessage().startswith("Redid: ")


def test_ctrl_z_of_a_fishbone_edit_goes_to_step_2_and_selects_the_cause(window, qtbot):
    window.show_step(2)
    window.doc.push(SetCauseTextCommand(window.doc, "c1", "Screen shows voids late"))
    window.show_step(5)
    window.workspace.page(5).matrix.setFocus()
    _press(window, qtbot, Qt.Key.Key_Z)
    assert window.doc.case.fishbone.cause("c1").text.startswith("Kitchen screen")
    assert window.current_step() == 2
    page = window.workspace.page(2)
    assert page.tabs.currentWidget() is page.fishbone
    assert page.fishbone.view.diagram_scene.selection == ("cause", "c1")
    assert window.statusBar().currentMessage().startswith("Undid: ")


def test_a_change_seen_from_every_step_moves_nowhere(window, qtbot):
    assert step_of(Change("title", ("title",))) is None
    assert step_of(Change("step_notes", ("step_notes.4",))) == 4
    assert step_of(Change("alternative_changed", ("a1",), "strengths")) == 5
    assert step_of(Change("alternative_changed", ("a1",), "name")) == 4
