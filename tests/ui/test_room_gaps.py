"""The room's loose ends as a user meets them: a cause deleted on the canvas takes its arrows
and dots and Ctrl+Z brings them back; a participant who leaves takes their dots; step 6 keeps
the standings hidden while the room scores blind."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from sixstep.caseio import dumps_case
from sixstep.dots import dot_totals
from ui.steps.select import BLIND_STANDING

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def votes_are_dot_totals(case) -> bool:
    totals = dot_totals(case)
    return all(c.votes == totals.get(c.id, 0) for c in case.fishbone.causes)


def test_delete_on_the_canvas_takes_arrows_and_dots_and_ctrl_z_brings_them_back(
        make_window, qtbot):
    window = make_window(sample="happy_burgers")
    window.show_step(2)
    case, before = window.doc.case, dumps_case(window.doc.case)
    gone = {"c12", "c13"}  # "Order not read back" and its sub-cause
    assert any(r.source in gone or r.target in gone for r in case.relations)
    assert any(d.cause in gone for d in case.dots)
    view = window.workspace.page(2).fishbone.view
    view.select(("cause", "c12"))
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert not case.fishbone.has_cause("c12") and not case.fishbone.has_cause("c13")
    assert not any(r.source in gone or r.target in gone for r in case.relations)
    assert not any(d.cause in gone for d in case.dots)
    page = window.workspace.page(2)
    page.tabs.setCurrentWidget(page.relations)  # the relations tab shows what is left
    arrows = [page.relations.arrow_list.item(i).text()
              for i in range(page.relations.arrow_list.count())]
    assert len(arrows) == len(case.relations) == 5
    assert not any("read back" in text for text in arrows)
    page.tabs.setCurrentWidget(page.fishbone)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    assert dumps_case(case) == before  # arrows, dots and votes as they were, in place
    page.tabs.setCurrentWidget(page.relations)
    assert page.relations.arrow_list.count() == 9


def test_a_participant_who_leaves_takes_their_dots_and_undo_gives_them_back(
        make_window, qtbot):
    window = make_window(sample="happy_burgers")
    window.show_step(1)
    case, before = window.doc.case, dumps_case(window.doc.case)
    qtbot.keyClick(window, Qt.Key.Key_W, CTRL | SHIFT)
    panel = window.room.workshop
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel)
    people = panel.people
    people.list_widget.setFocus()
    people.list_widget.setCurrentRow(0)  # Lindiwe: 9 dots
    qtbot.keyClick(people.list_widget, Qt.Key.Key_Delete)
    assert [p.id for p in case.participants] == ["p2", "p3", "p4"]
    assert not any(d.participant == "p1" for d in case.dots)
    assert case.fishbone.cause("c12").votes == 2 and votes_are_dot_totals(case)
    assert "9 dots" in window.statusBar().currentMessage()
    window.doc.undo_stack.undo()
    assert dumps_case(case) == before


def test_step_6_hides_the_standings_while_blind_and_shows_them_once_revealed(
        make_window, qtbot):
    window = make_window(sample="happy_burgers")
    window.show_step(5)
    page = window.workspace.page(5)
    page.matrix.setFocus()
    qtbot.keyClick(page.matrix, Qt.Key.Key_R, CTRL)  # hide every score again
    assert window.doc.case.blind.hides
    window.show_step(6)
    notes = window.workspace.page(6).chosen.notes
    open_ids = [a.id for a in window.doc.case.open_alternatives()]
    assert {notes[a].text() for a in open_ids} == {BLIND_STANDING}
    window.doc.undo_stack.undo()  # revealed again
    assert not window.doc.case.blind.hides
    shown = [notes[a].text() for a in open_ids]
    assert BLIND_STANDING not in shown and any("rank 1" in t for t in shown)
