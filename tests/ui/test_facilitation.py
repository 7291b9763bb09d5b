"""The room's tools as a facilitator uses them: five whys from the canvas, the parking lot by
its key from any step, the step timer running out while the room types, the workshop panel,
the facilitator's notes and the root-cause rule on the canvas."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication

from ui.common import theme
from ui.facilitation import five_whys, room_tools, timer
from ui.facilitation.five_whys import FiveWhysDialog
from ui.fishbone_editor.canvas.menus import build_context_menu

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
NONE = Qt.KeyboardModifier.NoModifier


def focus():
    return QApplication.focusWidget()


def undo(qtbot, window) -> None:
    qtbot.keyClick(focus() or window, Qt.Key.Key_Z, CTRL)


def test_our_keys_clash_with_nothing_in_the_window(make_window):
    window = make_window(sample="happy_burgers")
    window.show_step(2)
    ours = {QKeySequence(k).toString() for k in (
        room_tools.PARKING_KEY, timer.START_KEY, timer.RESET_KEY, room_tools.WORKSHOP_KEY,
        five_whys.KEY)}
    seen: dict[str, int] = {}
    for action in window.findChildren(QAction):
        for key in action.shortcuts():
            if key.toString() in ours:
                seen[key.toString()] = seen.get(key.toString(), 0) + 1
    assert seen == dict.fromkeys(ours, 1)


def test_a_five_whys_chain_is_written_and_undone_in_one_step(make_window, qtbot):
    window = make_window(sample="happy_burgers")
    window.show_step(2)
    editor = window.workspace.page(2).fishbone
    doc = window.doc
    cause = doc.diagram.causes[0]
    before_count, before_causes = doc.undo_stack.count(), len(doc.diagram.causes)
    editor.view.select(("cause", cause.id))
    editor.view.setFocus()
    qtbot.keyClick(editor.view, Qt.Key.Key_W, ALT)
    dialog = window.findChild(FiveWhysDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: focus() is dialog.answer)
    assert cause.text in dialog.question_label.text()
    for answer in ("Oil not hot enough", "Thermostat set low", "Nobody checks it"):
        qtbot.keyClicks(dialog.answer, answer)
        qtbot.keyClick(dialog.answer, Qt.Key.Key_Return)
        assert answer in dialog.question_label.text()  # the answer is the next subject
    qtbot.keyClicks(dialog.answer, "No checklist")
    qtbot.keyClick(dialog.answer, Qt.Key.Key_Backspace)
    qtbot.keyClick(dialog.answer, Qt.Key.Key_Return)  # Enter on a blank line writes
    assert dialog.answers == ["Oil not hot enough", "Thermostat set low", "Nobody checks it",
                              "No checklis"]
    qtbot.keyClick(dialog.answer, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    d = doc.diagram
    parent = cause.id
    for text in ("Oil not hot enough", "Thermostat set low", "Nobody checks it", "No checklis"):
        (child,) = [c for c in d.children(cause.category, parent) if c.text == text]
        parent = child.id
    assert not d.children(cause.category, parent)
    assert doc.undo_stack.count() == before_count + 1
    assert editor.view.selection == ("cause", parent)
    window.activateWindow()  # what the desktop does when a dialog closes (offscreen: not)
    qtbot.waitUntil(lambda: focus() is editor.view)
    undo(qtbot, window)
    assert len(d.causes) == before_causes and doc.undo_stack.count() == before_count + 1
    assert doc.undo_stack.index() == before_count


def test_five_whys_is_in_the_causes_menu_and_big_in_projector_mode(make_window, qtbot):
    window = make_window(sample="happy_burgers")
    window.show_step(2)
    editor = window.workspace.page(2).fishbone
    cause = window.doc.diagram.causes[0]
    menu = build_context_menu(editor.view, ("cause", cause.id))
    entry = next(a for a in menu.actions() if a.text().startswith("Five whys"))
    assert entry.shortcut().toString() == QKeySequence(five_whys.KEY).toString()
    window.set_projector_mode(True)
    dialog = window.workspace.page(2).ask_five_whys(cause.id)
    assert dialog.question_label.font().pointSizeF() >= 28
    assert dialog.answer.font().pointSizeF() >= 20
    qtbot.keyClick(dialog.answer, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and not window.doc.is_modified()


def test_the_parking_lot_by_its_key_from_steps_1_3_and_5(make_window, qtbot):
    window = make_window(sample="happy_burgers")
    doc, panel = window.doc, window.room.parking
    before = len(doc.case.parking_lot)
    for step in (1, 3, 5):
        window.show_step(step)
        was = focus()
        qtbot.keyClick(was, Qt.Key.Key_F9)
        assert window.room.dock.isVisible() and focus() is panel.entry
        qtbot.keyClicks(panel.entry, f"Idea from step {step}")
        qtbot.keyClick(panel.entry, Qt.Key.Key_Return)
        assert focus() is panel.entry and panel.entry.text() == ""
        qtbot.keyClick(panel.entry, Qt.Key.Key_Escape)  # back to the step
        assert focus() is was
    ideas = doc.case.parking_lot[before:]
    assert [(i.text, i.step, i.done) for i in ideas] == [
        (f"Idea from step {n}", n, False) for n in (1, 3, 5)]
    assert panel.model.rowCount() == before + 3
    assert panel.model.data(panel.model.index(before + 1)) == "Idea from step 3  (step 3)"
    # tick the last one by keyboard, then undo the tick and the add
    qtbot.keyClick(focus(), Qt.Key.Key_F9)
    panel.view.setFocus()
    panel.view.setCurrentIndex(panel.model.index(before + 2))
    qtbot.keyClick(panel.view, Qt.Key.Key_Space)
    assert doc.case.parking_lot[before + 2].done
    assert panel.model.data(panel.model.index(before + 2), Qt.ItemDataRole.CheckStateRole) \
        == Qt.CheckState.Checked
    qtbot.keyClick(panel.view, Qt.Key.Key_Up, ALT)
    assert doc.case.parking_lot[before + 1].text == "Idea from step 5"
    undo(qtbot, window)
    undo(qtbot, window)
    assert not doc.case.parking_lot[before + 2].done
    undo(qtbot, window)
    assert len(doc.case.parking_lot) == before + 2 and panel.model.rowCount() == before + 2
    qtbot.keyClick(focus(), Qt.Key.Key_F9)  # from the panel, F9 goes back to the step
    assert not window.room.dock.isAncestorOf(focus())


def test_the_timer_runs_out_without_taking_the_keys_from_the_capture_line(make_window, qtbot):
    window = make_window(sample="happy_burgers")
    window.show_step(2)
    step_timer = window.room.timer
    now = [100.0]
    step_timer.countdown.clock = lambda: now[0]
    editor = window.workspace.page(2).fishbone
    assert window.workspace.frame(2).isAncestorOf(step_timer) and step_timer.isVisible()
    assert step_timer.digits.text() == "40:00"  # step 2's preset in the sample
    editor.capture.setFocus()
    qtbot.keyClick(editor.capture, Qt.Key.Key_F8)
    assert step_timer.running and focus() is editor.capture
    windows = set(QApplication.topLevelWidgets())
    qtbot.keyClicks(editor.capture, "Fryer ")
    now[0] += 40 * 60 - 90
    step_timer.tick()
    assert step_timer.is_red() and step_timer.digits.text() == "1:30"
    qtbot.keyClicks(editor.capture, "too ")
    now[0] += 90
    with qtbot.waitSignal(step_timer.finished, timeout=1000):
        step_timer.tick()
    qtbot.keyClicks(editor.capture, "cool")
    assert editor.capture.text() == "Fryer too cool" and focus() is editor.capture
    assert step_timer.digits.text() == "0:00" and not step_timer.running
    assert set(QApplication.topLevelWidgets()) == windows  # no dialog came up
    qtbot.keyClick(editor.capture, Qt.Key.Key_F8, SHIFT)  # reset
    assert step_timer.digits.text() == "40:00" and not step_timer.is_red()
    window.show_step(3)
    assert step_timer.digits.text() == "20:00" and window.workspace.frame(3).isAncestorOf(
        step_timer)


def test_a_step_preset_is_kept_in_the_case_and_projector_mode_shows_big_digits(make_window):
    window = make_window(blank=True)  # no presets yet: the steps start from their defaults
    window.show_step(4)
    step_timer = window.room.timer
    assert window.doc.case.timers == {} and step_timer.digits.text() == "20:00"
    assert step_timer.set_minutes(7)
    assert window.doc.case.timers["4"] == 420 and step_timer.digits.text() == "7:00"
    window.doc.undo_stack.undo()
    assert "4" not in window.doc.case.timers and step_timer.digits.text() == "20:00"
    normal = step_timer.digits.font().pointSizeF()
    window.set_projector_mode(True)
    assert step_timer.digits.font().pointSizeF() >= 28 > normal
    assert step_timer.digits.isVisible() and not step_timer.start_button.isVisible()


def test_workshop_details_and_people_are_undoable_edits(make_window, qtbot):
    window = make_window(blank=True)
    window.show_step(1)
    doc = window.doc
    qtbot.keyClick(focus(), Qt.Key.Key_W, CTRL | SHIFT)
    panel = window.room.workshop
    assert panel is not None and panel.isVisible() and not panel.isModal()
    qtbot.waitUntil(lambda: focus() is panel.people.entry)
    for name in ("Ann", "Bo", "Cy"):
        qtbot.keyClicks(panel.people.entry, name)
        qtbot.keyClick(panel.people.entry, Qt.Key.Key_Return)
    assert [p.name for p in doc.case.participants] == ["Ann", "Bo", "Cy"]
    assert panel.people.names() == ["Ann", "Bo", "Cy"]
    view = panel.people.list_widget
    view.setFocus()
    view.setCurrentRow(2)
    qtbot.keyClick(view, Qt.Key.Key_Up, ALT)
    assert [p.name for p in doc.case.participants] == ["Ann", "Cy", "Bo"]
    view.item(0).setText("Anna")  # what the inline editor does on Enter
    assert doc.case.participants[0].name == "Anna"
    view.setCurrentRow(2)
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert [p.name for p in doc.case.participants] == ["Anna", "Cy"]
    panel.facilitator.setFocus()
    qtbot.keyClicks(panel.facilitator, "Dee")
    panel.date.setFocus()
    qtbot.keyClicks(panel.date, "2026-13-01")
    qtbot.keyClick(panel.date, Qt.Key.Key_Return)  # the date is checked when typing ends
    assert doc.case.workshop.date == "" and "year-month-day" in panel.date.problem.text()
    panel.date.selectAll()
    qtbot.keyClicks(panel.date, "2026-03-14")
    qtbot.keyClick(panel.date, Qt.Key.Key_Return)
    assert doc.case.workshop.date == "2026-03-14" and doc.case.workshop.facilitator == "Dee"
    qtbot.keyClick(panel.date, Qt.Key.Key_Z, CTRL)  # Undo works in the panel window too
    assert doc.case.workshop.date == "" and panel.date.text() == ""
    qtbot.keyClick(panel.date, Qt.Key.Key_Z, CTRL)
    assert doc.case.workshop.facilitator == "" and panel.facilitator.text() == ""
    for expected in (["Anna", "Cy", "Bo"], ["Ann", "Cy", "Bo"], ["Ann", "Bo", "Cy"]):
        qtbot.keyClick(panel.date, Qt.Key.Key_Z, CTRL)
        assert [p.name for p in doc.case.participants] == expected
        assert panel.people.names() == expected


def test_the_facilitators_notes_are_edited_in_the_guidance_and_hidden_from_the_room(
        make_window, qtbot):
    window = make_window(blank=True)
    window.show_step(3)
    notes = window.workspace.frame(3).guidance.notes
    assert notes is not None and notes.isVisible()
    notes.setFocus()
    qtbot.keyClicks(notes, "Ask Bo about cost")
    assert window.doc.case.step_notes["3"] == "Ask Bo about cost"
    window.set_projector_mode(True)
    assert not notes.isVisible()
    window.set_projector_mode(False)
    assert notes.isVisible()
    window.doc.undo_stack.undo()
    assert "3" not in window.doc.case.step_notes and notes.toPlainText() == ""


def test_a_ruled_out_cause_cannot_be_marked_root_and_the_editor_says_why(make_window, qtbot):
    window = make_window(sample="happy_burgers")
    window.show_step(2)
    editor = window.workspace.page(2).fishbone
    doc = window.doc
    cause = next(c for c in doc.diagram.causes if c.status == "ruled_out" and not c.root_cause)
    steps = doc.undo_stack.count()
    editor.view.select(("cause", cause.id))
    editor.view.setFocus()
    qtbot.keyClick(editor.view, Qt.Key.Key_R, CTRL | SHIFT)
    assert not cause.root_cause and doc.undo_stack.count() == steps
    assert editor.notice.isVisible() and "ruled-out" in editor.notice.text()
    assert focus() is editor.view  # a message, not a dialog
    editor.panel.root.click()  # the side panel says the same and shows the cause as it is
    assert not editor.panel.root.isChecked() and not cause.root_cause


def test_a_parking_lot_first_opened_in_projector_mode_has_projector_text(make_window, qtbot):
    window = make_window(sample="happy_burgers")
    window.show_step(2)
    window.set_projector_mode(True)
    qtbot.keyClick(focus(), Qt.Key.Key_F9)  # the panel is made now, in projector mode
    panel = window.room.parking
    assert window.room.dock.isVisible() and focus() is panel.entry
    assert panel.count_label.font().pointSizeF() >= theme.PROJECTOR_PT
    assert panel.hint.font().pointSizeF() == theme.ROLES["hint"][1]
    window.set_projector_mode(False)
    assert panel.hint.font().pointSizeF() == theme.ROLES["hint"][0]
    assert panel.count_label.font().pointSizeF() == theme.NORMAL_PT
