"""The relations diagram on step 2 as a group uses it: arrows drawn by keyboard (search the
two causes, Enter) and by dragging from box to box, removed with Delete, each one undo step;
drivers, outcomes and loops shown on the boxes and in words."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fishbone.model import Category, Cause, Diagram
from sixstep.case import Case, Relation
from sixstep.edits.group import AddRelation
from ui.app.main_window import MainWindow
from ui.relations.items import ArrowItem
from ui.relations.page import RelationsPanel

CTRL = Qt.KeyboardModifier.ControlModifier


def relations_case() -> Case:
    d = Diagram("Orders go wrong", [Category("people", "People"), Category("kit", "Kit")])
    for i, (heading, text) in enumerate([
            ("people", "Works alone at night"), ("people", "No handover"),
            ("kit", "Till cannot amend"), ("kit", "Screen too small"),
            ("kit", "Printer jams")], start=1):
        d.add_cause(Cause(f"c{i}", heading, None, text))
    return Case(title="Relations", fishbone=d,
                relations=[Relation("c1", "c2"), Relation("c1", "c3"), Relation("c2", "c3")])


@pytest.fixture
def window(make_window) -> MainWindow:
    w = make_window(size=(1280, 720), blank=True)
    w.doc.replace(relations_case(), None)
    w.show_step(2)
    page = w.workspace.page(2)
    page.tabs.setCurrentWidget(page.relations)
    return w


def panel_of(window: MainWindow) -> RelationsPanel:
    panel = window.workspace.page(2).relations
    QApplication.processEvents()  # the diagram is drawn just after a change
    return panel


def arrows(window: MainWindow) -> list[tuple[str, str]]:
    return [(r.source, r.target) for r in window.doc.case.relations]


def node_point(panel: RelationsPanel, cause_id: str) -> QPoint:
    centre = panel.scene.nodes[cause_id].scene_box().center()
    return panel.view.mapFromScene(centre)


def pick(qtbot: QtBot, combo, words: str) -> None:
    """Search a cause by a few of its words and take the match (Down, Enter)."""
    combo.setFocus()
    combo.lineEdit().selectAll()
    qtbot.keyClicks(combo.lineEdit(), words)
    popup = combo.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)


def test_an_arrow_drawn_by_keyboard_is_one_undo_step(window, qtbot):
    panel = panel_of(window)
    pick(qtbot, panel.from_combo, "printer")
    assert panel.from_combo.currentText() == "Printer jams  (Kit)"
    qtbot.keyClick(panel.from_combo.lineEdit(), Qt.Key.Key_Return)  # on to the second cause
    assert panel.to_combo.lineEdit().hasFocus()
    pick(qtbot, panel.to_combo, "HANDOVER")  # any word, any case
    qtbot.keyClick(panel.to_combo.lineEdit(), Qt.Key.Key_Return)
    assert arrows(window)[-1] == ("c5", "c2") and window.doc.undo_stack.count() == 1
    assert QApplication.activeModalWidget() is None
    qtbot.keyClick(panel.to_combo.lineEdit(), Qt.Key.Key_Z, CTRL)
    assert ("c5", "c2") not in arrows(window)


def test_a_refused_arrow_is_said_without_a_dialog(window, qtbot):
    panel = panel_of(window)
    pick(qtbot, panel.from_combo, "alone")
    pick(qtbot, panel.to_combo, "handover")
    qtbot.keyClick(panel.to_combo.lineEdit(), Qt.Key.Key_Return)  # c1 > c2 is drawn already
    assert "already drawn" in window.statusBar().currentMessage()
    assert panel.message.isVisible() and QApplication.activeModalWidget() is None
    assert window.doc.undo_stack.count() == 0


def test_an_arrow_drawn_by_dragging_from_box_to_box(window, qtbot):
    panel = panel_of(window)
    panel.every_box.setChecked(True)  # c4 has neither dots nor arrows yet
    panel = panel_of(window)
    port = panel.view.viewport()
    start, end = node_point(panel, "c4"), node_point(panel, "c1")
    qtbot.mousePress(port, Qt.MouseButton.LeftButton, pos=start)
    middle = QPoint((start.x() + end.x()) // 2, (start.y() + end.y()) // 2)
    qtbot.mouseMove(port, middle)
    qtbot.mouseMove(port, end)
    assert panel.scene.nodes["c1"].highlighted  # the box it would land on
    qtbot.mouseRelease(port, Qt.MouseButton.LeftButton, pos=end)
    assert arrows(window)[-1] == ("c4", "c1") and window.doc.undo_stack.count() == 1
    panel = panel_of(window)
    assert ("c4", "c1") in panel.scene.arrows
    window.doc.undo_stack.undo()
    assert ("c4", "c1") not in arrows(window)
    # a press and release on one box draws nothing: it becomes the "from" cause
    point = node_point(panel_of(window), "c3")
    qtbot.mouseClick(port, Qt.MouseButton.LeftButton, pos=point)
    assert window.doc.undo_stack.index() == 0
    assert panel.from_combo.currentText() == "Till cannot amend  (Kit)"


def test_delete_removes_the_clicked_arrow_and_undo_puts_it_back(window, qtbot):
    panel = panel_of(window)
    arrow = panel.scene.arrows[("c1", "c3")]
    middle = arrow.mapToScene(arrow.path().pointAtPercent(0.5))
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=panel.view.mapFromScene(middle))
    assert panel.scene.selected_arrows() == [("c1", "c3")]
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    assert arrows(window) == [("c1", "c2"), ("c2", "c3")]
    assert window.doc.undo_stack.count() == 1
    qtbot.keyClick(panel.view, Qt.Key.Key_Z, CTRL)
    assert arrows(window) == [("c1", "c2"), ("c1", "c3"), ("c2", "c3")]  # in its old place


def test_delete_in_the_arrow_list(window, qtbot):
    panel = panel_of(window)
    listing = panel.arrow_list
    assert [listing.item(i).text() for i in range(listing.count())] == [
        "Works alone at night \u2192 No handover", "Works alone at night \u2192 Till cannot amend",
        "No handover \u2192 Till cannot amend"]
    listing.setFocus()
    listing.setCurrentRow(1)
    qtbot.keyClick(listing, Qt.Key.Key_Delete)
    assert arrows(window) == [("c1", "c2"), ("c2", "c3")] and listing.currentRow() == 1
    assert window.doc.undo_stack.count() == 1


def test_drivers_outcomes_counts_and_loops_are_shown(window, qtbot):
    panel = panel_of(window)
    nodes = panel.scene.nodes
    assert nodes["c1"].tag == "driver" and nodes["c3"].tag == "outcome"
    assert (nodes["c1"].outgoing, nodes["c3"].incoming) == (2, 2)
    assert nodes["c2"].tag == "" and (nodes["c2"].incoming, nodes["c2"].outgoing) == (1, 1)
    # the causes on arrows: left to right, driver first and outcome last
    assert set(nodes) == {"c1", "c2", "c3"}
    assert nodes["c1"].x() < nodes["c3"].x() or nodes["c1"].y() < nodes["c3"].y()
    text = panel.summary_label.text()
    assert "Driver (root-cause candidate, 2 out): Works alone at night." in text
    assert "Outcome (2 in): Till cannot amend." in text and "loop" not in text
    window.doc.apply(AddRelation("c3", "c1"))
    panel = panel_of(window)
    looped = {key for key, item in panel.scene.arrows.items() if item.in_loop}
    assert looped == {("c1", "c2"), ("c2", "c3"), ("c3", "c1"), ("c1", "c3")}
    assert "loops (dashed)" in panel.summary_label.text()
    assert all(isinstance(item, ArrowItem) for item in panel.scene.arrows.values())


def test_every_cause_on_request_and_text_at_20_pt_in_projector_mode(window, qtbot):
    panel = panel_of(window)
    panel.every_box.setChecked(True)
    panel = panel_of(window)
    assert set(panel.scene.nodes) == {"c1", "c2", "c3", "c4", "c5"}
    window.set_projector_mode(True)
    panel = panel_of(window)
    node = panel.scene.nodes["c1"]
    assert node.font.pointSizeF() >= 20 and panel.view.transform().m11() >= 1.0
    assert not panel.arrow_list.isVisible()  # every arrow is on the diagram, Delete there
    assert panel.summary_label.font().pointSizeF() >= 20
    shown = panel.view.mapFromScene(node.scene_box()).boundingRect()
    assert panel.view.viewport().rect().contains(shown)
