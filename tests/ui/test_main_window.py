"""The main window: start screen, document handling, title, prompts, projector mode."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QTextEdit,
    QWidget,
)

from sample_cases import list_samples, read_sample
from sixstep.caseio import dumps_case, load_case, new_case
from ui.app.main_window import MainWindow
from ui.common.settings import AppSettings
from ui.common.theme import PROJECTOR_PT

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def sample_file(tmp_path) -> Path:
    path = tmp_path / "burgers.case.json"
    path.write_bytes(read_sample("happy_burgers"))
    return path


def test_starts_on_the_start_screen_with_every_sample(window):
    assert window.on_start_screen()
    assert window.windowTitle() == "Problem Workshop"
    samples = window.start_screen.sample_list
    assert samples.count() == len(list_samples())
    assert samples.item(0).text() == list_samples()[0].title


def test_start_up_is_light():
    code = (
        "import os, sys; os.environ['QT_QPA_PLATFORM'] = 'offscreen';"
        "from PySide6.QtWidgets import QApplication; app = QApplication([]);"
        "from ui.app.main_window import MainWindow; from ui.common.settings import AppSettings;"
        "w = MainWindow(AppSettings.in_memory()); w.show(); app.processEvents();"
        "heavy = ('matplotlib', 'fishbone.layout', 'ui.scoring.page', 'ui.fishbone_editor.editor');"
        "print(','.join(m for m in sys.modules if m.startswith(heavy)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=Path(__file__).resolve().parents[2])
    assert out.stdout.strip() == ""


def test_enter_on_a_sample_opens_a_copy_at_step_one(window, qtbot):
    samples = window.start_screen.sample_list
    samples.setFocus()
    samples.setCurrentRow(0)
    qtbot.keyClick(samples, Qt.Key.Key_Return)
    assert window.current_step() == 1
    assert window.doc.case.title.startswith("Happy Burgers")
    assert window.doc.path is None and not window.doc.is_modified()
    assert "Happy Burgers" in window.windowTitle()


def test_navigator_marks_say_complete_or_how_much_is_missing(window, qtbot):
    window.files.new_blank()
    texts = [window.workspace.navigator.item(i).text() for i in range(6)]
    assert all("to do" in t for t in texts)
    window.files.new_from_sample("happy_burgers")
    assert "\u2713 complete" in window.workspace.navigator.item(0).text()
    window.workspace.navigator.setCurrentRow(5)
    assert window.current_step() == 6


def test_title_marks_unsaved_changes_and_undo_clears_it(window, qtbot):
    window.files.new_from_sample("happy_burgers")
    field = window.workspace.page(1).title_field
    field.setFocus()
    qtbot.keyClicks(field, "!")
    assert window.isWindowModified() and "[*]" in window.windowTitle()
    qtbot.keyClick(field, Qt.Key.Key_Z, CTRL)
    assert not window.doc.case.title.startswith("!")
    assert not window.isWindowModified()
    qtbot.keyClick(field, Qt.Key.Key_Y, CTRL)
    assert window.doc.case.title.startswith("!")
    assert window.redo_action.shortcut().toString() == "Ctrl+Y"


def _modify(window: MainWindow) -> None:
    window.show_step(1)
    field = window.workspace.page(1).title_field
    field.setText("Changed")
    field.textEdited.emit("Changed")
    assert window.doc.is_modified()


def test_close_asks_and_cancel_keeps_the_window(window, qtbot):
    window.files.new_blank()
    _modify(window)
    asked = []
    window.files.ask_save_changes = lambda: asked.append(1) or "cancel"
    assert not window.close()
    assert asked and window.isVisible() and window.doc.case.title == "Changed"
    window.files.ask_save_changes = lambda: "discard"
    assert window.close()


def test_close_with_save_writes_the_file(window, tmp_path):
    window.files.new_blank()
    _modify(window)
    target = tmp_path / "kept"
    window.files.ask_save_changes = lambda: "save"
    window.files.ask_save_path = lambda: target.with_name("kept.case.json")
    assert window.close()
    assert load_case(tmp_path / "kept.case.json").title == "Changed"


def test_new_on_a_modified_case_can_be_cancelled(window, qtbot):
    window.files.new_blank()
    _modify(window)
    window.files.ask_save_changes = lambda: "cancel"
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    assert window.doc.case.title == "Changed"
    window.files.ask_save_changes = lambda: "discard"
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    assert window.doc.case.title == "" and not window.doc.is_modified()


def test_a_bad_file_is_refused_by_name_and_the_case_is_kept(window, tmp_path):
    window.files.new_from_sample("happy_burgers")
    _modify(window)
    bad = tmp_path / "broken.case.json"
    bad.write_text('{"format": "problem-workshop-case", "version": 1, "criteria": 5}')
    errors = []
    window.files.show_error = lambda title, text: errors.append(text)
    window.files.ask_open_path = lambda: bad
    window.files.ask_save_changes = lambda: "discard"
    assert not window.files.open()
    assert errors and "broken.case.json" in errors[0] and "criteria" in errors[0]
    assert window.doc.case.title == "Changed"


def test_save_as_then_save_and_reopen_from_recent(window, qtbot, tmp_path, sample_file):
    assert window.files.open_path(sample_file)
    assert window.doc.path == sample_file and "burgers.case.json" in window.windowTitle()
    _modify(window)
    target = tmp_path / "copy.case.json"
    window.files.ask_save_path = lambda: target
    qtbot.keyClick(window, Qt.Key.Key_S, CTRL | SHIFT)
    assert window.doc.path == target and not window.isWindowModified()
    assert dumps_case(load_case(target)) == dumps_case(window.doc.case)
    window.show_start_screen()
    recent = window.start_screen.recent_list
    assert recent.count() == 2 and recent.item(0).text() == "copy.case.json"
    window.files.new_blank()
    recent.setCurrentRow(1)
    window.start_screen.recent_chosen.emit(sample_file)
    assert window.doc.path == sample_file
    assert [a.text() for a in window.recent_menu.actions()] == [str(sample_file.resolve()),
                                                                 str(target.resolve())]


def test_dropping_a_case_file_opens_it(window, sample_file):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(sample_file))])
    event = QDropEvent(QPointF(100, 100), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    assert window.doc.path == sample_file and window.current_step() == 1


def _shown(window: MainWindow) -> list[QWidget]:
    return [w for w in window.centralWidget().findChildren(QWidget) if w.isVisibleTo(window)]


def test_projector_mode_enlarges_every_text_and_hides_facilitator_panels(window, qtbot):
    window.files.new_from_sample("happy_burgers")
    for step in range(1, 7):
        window.show_step(step)
    window.show_step(1)
    frame = window.workspace.frame(1)
    assert frame.guidance.isVisibleTo(window) and window.workspace.navigator.isVisibleTo(window)
    normal_question = window.workspace.page(1).question_field.font().pointSizeF()
    qtbot.keyClick(window, Qt.Key.Key_P, CTRL | SHIFT)
    assert window.projector_mode and window.projector_action.isChecked()
    assert not frame.guidance.isVisibleTo(window)
    assert not window.workspace.navigator.isVisibleTo(window)
    assert window.workspace.page(1).terms_table.remove_button.isVisibleTo(window)
    for step in range(1, 7):
        window.show_step(step)
        texts = [w for w in _shown(window)
                 if isinstance(w, QLabel | QLineEdit | QTextEdit | QAbstractButton
                               | QAbstractItemView)]
        assert len(texts) >= 2
        small = [(type(w).__name__, w.accessibleName(), w.font().pointSizeF())
                 for w in texts if w.font().pointSizeF() < PROJECTOR_PT]
        assert small == []
    question = window.workspace.page(1).question_field.font().pointSizeF()
    assert question >= PROJECTOR_PT > normal_question
    qtbot.keyClick(window, Qt.Key.Key_P, CTRL | SHIFT)
    assert window.workspace.page(1).question_field.font().pointSizeF() == normal_question
    assert not frame.guidance.isHidden() and not window.workspace.navigator.isHidden()


def test_guidance_collapses_and_can_be_hidden(window, qtbot):
    window.files.new_blank()
    guidance = window.workspace.frame(1).guidance
    assert guidance.text.isVisibleTo(window) and "question" in guidance.text.text()
    assert "Write the problem down as a question." in guidance.todo.text()
    qtbot.mouseClick(guidance.toggle, Qt.MouseButton.LeftButton)
    assert not guidance.text.isVisibleTo(window)
    qtbot.keyClick(window, Qt.Key.Key_G, CTRL)
    assert not guidance.isVisibleTo(window)
    assert window.settings.value("ui/show_guidance") is False


def test_step_keys_and_full_screen(window, qtbot):
    window.files.new_blank()
    qtbot.keyClick(window, Qt.Key.Key_PageDown, CTRL)
    assert window.current_step() == 2
    qtbot.keyClick(window, Qt.Key.Key_6, CTRL)
    assert window.current_step() == 6
    qtbot.keyClick(window, Qt.Key.Key_PageUp, CTRL)
    assert window.current_step() == 5
    qtbot.keyClick(window, Qt.Key.Key_F11)
    assert window.full_screen_action.isChecked()
    qtbot.keyClick(window, Qt.Key.Key_F11)
    assert not window.full_screen_action.isChecked()


def test_every_control_on_our_pages_has_an_accessible_name(window):
    controls = (QAbstractButton, QLineEdit, QTextEdit, QAbstractItemView)
    window.files.new_from_sample("happy_burgers")
    screens = [window.start_screen]
    for step in (1, 2, 6):
        window.show_step(step)
        screens.append(window.workspace.frame(step))
    for screen in screens:
        unnamed = [type(w).__name__ for w in screen.findChildren(QWidget)
                   if isinstance(w, controls) and not w.accessibleName()
                   and w.parent() is not None and "qt_" not in w.objectName()
                   and not _inside_foreign_widget(w)]
        assert unnamed == []


def _inside_foreign_widget(widget: QWidget) -> bool:
    """Widgets of the embedded fishbone editor are its own business."""
    w = widget
    while w is not None:
        if type(w).__module__.startswith("ui.fishbone_editor"):
            return True
        w = w.parentWidget()
    return False


def test_user_text_is_shown_as_plain_text(window):
    case = new_case()
    case.title = "<b>bold?</b>"
    window.doc.replace(case, None)
    window.show_step(1)
    labels = window.findChildren(QLabel)
    assert labels and all(label.textFormat() == Qt.TextFormat.PlainText for label in labels
                          if not _inside_foreign_widget(label))
    assert "<b>bold?</b>" in window.windowTitle()


def test_undo_action_follows_the_stack(window):
    window.files.new_blank()
    assert not window.undo_action.isEnabled()
    _modify(window)
    assert window.undo_action.isEnabled() and "title" in window.undo_action.text().lower()
    window.undo_action.trigger()
    assert window.doc.case.title == ""



def test_a_narrow_window_gets_a_narrow_navigator(window, qtbot):
    window.files.new_blank()
    navigator = window.workspace.navigator
    wide = navigator.width()
    window.resize(1024, 768)
    qtbot.waitUntil(lambda: navigator.compact)
    assert navigator.width() < wide / 2
    assert navigator.item(0).text().startswith("1\n")
    assert "Define the problem" in navigator.item(0).toolTip()
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: not navigator.compact)
    assert "Define the problem" in navigator.item(0).text()


@pytest.mark.parametrize("stored", ["memory", "ini"])
def test_settings_table_round_trips_and_keeps_recent_files_short(tmp_path, stored):
    from PySide6.QtCore import QSettings

    from ui.common.settings import MAX_RECENT, SETTINGS

    if stored == "memory":
        settings = AppSettings.in_memory()
    else:
        settings = AppSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    for setting in SETTINGS:
        assert settings.value(setting.key) == setting.default
        assert setting.meaning
    for i in range(MAX_RECENT + 3):
        settings.add_recent_file(tmp_path / f"{i}.case.json")
    settings.add_recent_file(tmp_path / "3.case.json")
    recent = settings.recent_files()
    assert len(recent) == MAX_RECENT and recent[0].name == "3.case.json"
    settings.set_value("ui/show_guidance", False)
    settings.set_value("window/geometry", b"\x01\x02")
    assert settings.value("ui/show_guidance") is False
    assert settings.value("window/geometry") == b"\x01\x02"
    settings.clear_recent_files()
    assert settings.recent_files() == []
