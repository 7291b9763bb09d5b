"""The step workspace is made when a case is first shown, not for the start screen; what was
chosen on the start screen (guidance, projector mode) holds when it appears, and the room's
step timer follows it."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ui.app.main_window import MainWindow
from ui.common.theme import PROJECTOR_PT


def test_the_start_screen_makes_no_step_workspace(window: MainWindow):
    assert window.on_start_screen() and not window.has_workspace()
    assert window.current_step() == 0 and window.steps.current == 0
    window.files.new_from_sample("happy_burgers")
    assert window.has_workspace() and window.current_step() == 1
    assert window.workspace.isVisible() and window.workspace.frame(1).page.isVisible()


def test_guidance_turned_off_on_the_start_screen_stays_off_in_the_steps(window, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    assert not window.guidance_action.isChecked() and not window.has_workspace()
    window.files.new_from_sample("happy_burgers")
    assert window.workspace.frame(1).guidance.isHidden()
    assert window.settings.value("ui/show_guidance") is False


def test_projector_mode_turned_on_on_the_start_screen_holds_in_the_steps(window):
    window.set_projector_mode(True)
    window.files.new_from_sample("happy_burgers")
    frame = window.workspace.frame(1)
    assert window.workspace.navigator.isHidden() and frame.guidance.isHidden()
    assert frame.heading.font().pointSizeF() >= PROJECTOR_PT
    window.set_projector_mode(False)
    assert not window.workspace.navigator.isHidden()
    assert frame.heading.font().pointSizeF() < PROJECTOR_PT


def test_the_step_timer_follows_the_workspace_made_late(window):
    window.files.new_from_sample("happy_burgers")
    assert window.room.timer.isVisible()
    assert window.workspace.frame(1).isAncestorOf(window.room.timer)
    window.show_step(3)
    assert window.workspace.frame(3).isAncestorOf(window.room.timer)
    assert window.room.current_step() == 3
