"""Dot voting on step 2 as a facilitator does it: pick who votes (Alt+digit), vote on the
canvas (Alt+= and Alt+-), see refusals on the status bar, switch to an anonymous room, and
read the ranking on the "Dot votes" tab."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from fishbone.model import Category, Cause, Diagram
from sixstep.case import Case, DotSettings, Participant
from ui.app.main_window import MainWindow

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def voting_case() -> Case:
    d = Diagram("Customer leaves", [Category("people", "People"), Category("kit", "Kit")])
    for i, (heading, text) in enumerate([
            ("people", "Works alone at night"), ("people", "No handover"),
            ("kit", "Till cannot amend"), ("kit", "Screen too small"),
            ("kit", "Printer jams")], start=1):
        d.add_cause(Cause(f"c{i}", heading, None, text))
    return Case(title="Voting", fishbone=d,
                participants=[Participant("p1", "Thandi"), Participant("p2", "Ravi")],
                dot_settings=DotSettings(budget=2, cap=1))


@pytest.fixture
def window(make_window) -> MainWindow:
    w = make_window(size=(1280, 720), blank=True)
    w.doc.replace(voting_case(), None)
    w.show_step(2)
    return w


def canvas_on(window: MainWindow, cause_id: str):
    view = window.workspace.page(2).fishbone.view
    view.select(("cause", cause_id))
    view.setFocus()
    return view


def test_two_participants_vote_by_keyboard_with_budget_and_cap_refused(window, qtbot):
    page = window.workspace.page(2)
    doc, d = window.doc, window.doc.diagram
    view = canvas_on(window, "c1")
    qtbot.keyClick(view, Qt.Key.Key_1, ALT)  # Thandi votes
    assert page.picker.combo.currentText() == "Thandi: 2 of 2 left"
    qtbot.keyClick(view, Qt.Key.Key_Equal, ALT)
    assert d.cause("c1").votes == 1 and doc.undo_stack.count() == 1
    assert page.picker.combo.currentText() == "Thandi: 1 of 2 left"
    qtbot.keyClick(view, Qt.Key.Key_Equal, ALT)  # a second dot on one cause: over the cap
    assert d.cause("c1").votes == 1 and doc.undo_stack.count() == 1
    assert "cap of 1" in window.statusBar().currentMessage()
    assert QApplication.activeModalWidget() is None and view.hasFocus()
    view.select(("cause", "c3"))
    qtbot.keyClick(view, Qt.Key.Key_Equal, ALT)
    view.select(("cause", "c4"))
    qtbot.keyClick(view, Qt.Key.Key_Equal, ALT)  # a third dot: over the budget of 2
    assert "budget of 2" in window.statusBar().currentMessage()
    assert page.picker.message.text() == window.statusBar().currentMessage()
    assert [d.cause(c).votes for c in ("c1", "c3", "c4")] == [1, 1, 0]
    assert page.picker.combo.currentText() == "Thandi: 0 of 2 left"

    qtbot.keyClick(view, Qt.Key.Key_2, ALT)  # Ravi still holds his two dots
    assert page.picker.combo.currentText() == "Ravi: 2 of 2 left"
    qtbot.keyClick(view, Qt.Key.Key_Equal, ALT)
    view.select(("cause", "c3"))
    qtbot.keyClick(view, Qt.Key.Key_Equal, ALT)
    assert [d.cause(c).votes for c in ("c1", "c3", "c4")] == [1, 2, 1]
    assert {(x.cause, x.participant, x.count) for x in doc.case.dots} == {
        ("c1", "p1", 1), ("c3", "p1", 1), ("c4", "p2", 1), ("c3", "p2", 1)}
    qtbot.keyClick(view, Qt.Key.Key_Minus, ALT)  # Ravi takes his dot back from c3
    assert d.cause("c3").votes == 1 and page.picker.combo.currentText() == "Ravi: 1 of 2 left"
    item = view.diagram_scene.cause_item("c3")
    assert item.signature[3] == 1  # the canvas shows the cause's total

    steps = doc.undo_stack.count()
    assert steps == 5
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)  # each dot is one undo step
    assert d.cause("c3").votes == 2 and doc.undo_stack.index() == steps - 1
    qtbot.keyClick(view, Qt.Key.Key_0, ALT)  # back to the room: its dots are its own
    assert page.picker.combo.currentText() == "The room"


def test_the_picker_is_reached_by_its_key_and_lists_everyone(window, qtbot):
    page = window.workspace.page(2)
    view = canvas_on(window, "c1")
    qtbot.keyClick(view, Qt.Key.Key_I, ALT)  # "Vot&ing as"
    assert page.picker.combo.hasFocus()
    combo = page.picker.combo
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "The room", "Thandi: 2 of 2 left", "Ravi: 2 of 2 left"]
    qtbot.keyClick(view, Qt.Key.Key_9, ALT)  # nobody is number 9: said, nothing changes
    assert "no participant 9" in window.statusBar().currentMessage()
    assert combo.currentText() == "The room"


def test_anonymous_room_records_totals_only(window, qtbot):
    page = window.workspace.page(2)
    doc = window.doc
    page.tabs.setCurrentWidget(page.dots)
    page.dots.budget_spin.setFocus()
    qtbot.keyClick(page.dots.budget_spin, Qt.Key.Key_A, ALT)  # "&Anonymous room"
    qtbot.waitUntil(lambda: doc.case.dot_settings.anonymous)  # a mnemonic clicks shortly
    assert doc.undo_stack.count() == 1
    assert page.picker.combo.currentText() == "The room (anonymous)"
    assert not page.picker.combo.isEnabled()
    assert page.dots.left_label.text().startswith("Anonymous room")
    page.tabs.setCurrentWidget(page.fishbone)
    view = canvas_on(window, "c2")
    qtbot.keyClick(view, Qt.Key.Key_1, ALT)  # no one votes by name in an anonymous room
    assert "Anonymous room" in window.statusBar().currentMessage()
    for _ in range(4):  # neither budget nor cap binds the room
        qtbot.keyClick(view, Qt.Key.Key_Equal, ALT)
    assert doc.diagram.cause("c2").votes == 4
    assert [(x.cause, x.participant, x.count) for x in doc.case.dots] == [("c2", None, 4)]
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    assert doc.diagram.cause("c2").votes == 3


def test_the_ranking_table_and_chart_follow_the_votes(window, qtbot):
    page = window.workspace.page(2)
    view = canvas_on(window, "c5")
    qtbot.keyClick(view, Qt.Key.Key_0, ALT)  # the room: no budget
    for cause_id, dots in (("c5", 3), ("c2", 5), ("c4", 1), ("c1", 1)):
        view.select(("cause", cause_id))
        for _ in range(dots):
            qtbot.keyClick(view, Qt.Key.Key_Equal, ALT)
    page.tabs.setCurrentWidget(page.dots)
    table = page.dots.table
    rows = [[table.item(r, c).text() for c in range(table.columnCount())]
            for r in range(table.rowCount())]
    assert rows == [
        ["1", "No handover", "5", "50%", "50%", "Yes"],
        ["2", "Printer jams", "3", "30%", "80%", "Yes"],
        ["3", "Works alone at night", "1", "10%", "90%", ""],  # ties keep file order
        ["4", "Screen too small", "1", "10%", "100%", ""]]
    qtbot.waitUntil(lambda: page.dots.chart.pixmap() is not None
                    and not page.dots.chart.pixmap().isNull(), timeout=10000)
    page.tabs.setCurrentWidget(page.fishbone)  # a vote while the tab is hidden ...
    view = canvas_on(window, "c4")
    for _ in range(5):
        qtbot.keyClick(view, Qt.Key.Key_Equal, ALT)
    page.tabs.setCurrentWidget(page.dots)  # ... is there when it is shown again
    assert table.item(0, 1).text() == "Screen too small" and table.item(0, 2).text() == "6"


def test_budget_and_cap_are_set_on_the_tab_as_one_undo_step_each(window, qtbot):
    page = window.workspace.page(2)
    page.tabs.setCurrentWidget(page.dots)
    panel, doc = page.dots, window.doc
    panel.budget_spin.setValue(3)
    assert doc.case.dot_settings.budget == 3 and doc.undo_stack.count() == 1
    panel.cap_spin.setValue(0)
    assert doc.case.dot_settings.cap is None and panel.cap_spin.text() == "No cap"
    panel.budget_spin.setValue(0)  # back to the default: a third of five causes
    assert doc.case.dot_settings.budget is None and panel.budget_spin.text() == "Auto (2)"
    doc.undo_stack.undo()
    assert panel.budget_spin.value() == 3
