"""Ctrl+F finds by typed text: a cause on the canvas, a criterion, an alternative."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import QApplication

from fishbone.model import Category, Cause, Diagram
from fishbone.navigation import find_keys
from sixstep.case import Case
from sixstep.caseio import load_case
from ui.alternatives.page import AlternativesPage
from ui.criteria.page import CriteriaPage
from ui.document.document import CaseDocument
from ui.fishbone_editor.editor import FishboneEditor

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
SAMPLE = Path(__file__).resolve().parents[2] / "sample_cases" / "happy_burgers.case.json"


@pytest.fixture(autouse=True)
def _test_paths():
    QStandardPaths.setTestModeEnabled(True)


def _diagram() -> Diagram:
    d = Diagram("Customer leaves", [Category("people", "People"),
                                    Category("systems", "Systems")])
    for cause in (Cause("c1", "people", None, "Works alone at night"),
                  Cause("c2", "people", "c1", "No backup at night"),
                  Cause("c3", "systems", None, "Till cannot amend"),
                  Cause("c4", "systems", None, "Backup till is slow")):
        d.add_cause(cause)
    return d


def test_find_keys_match_text_in_tree_order_ignoring_case():
    d = _diagram()
    assert find_keys(d, "BACKUP") == [("cause", "c2"), ("cause", "c4")]
    assert find_keys(d, "night") == [("cause", "c1"), ("cause", "c2")]
    assert find_keys(d, "syst") == [("category", "systems")]
    assert find_keys(d, "  ") == []


def _shown(qtbot, widget):
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)
    return widget


def test_ctrl_f_on_the_canvas_finds_selects_and_goes_on(qtbot):
    editor = _shown(qtbot, FishboneEditor(CaseDocument(Case(fishbone=_diagram()))))
    view = editor.view
    view.setFocus()
    view.select(("cause", "c3"))
    qtbot.keyClick(view, Qt.Key.Key_F, CTRL)
    bar = editor.find_bar
    assert bar.isVisible() and QApplication.focusWidget() is bar.field
    qtbot.keyClicks(bar.field, "backup")
    assert view.selection == ("cause", "c4")  # the first match after the selected cause
    assert "1 of 2" in bar.result_label.text() or "2 of 2" in bar.result_label.text()
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)  # Enter: the next one, round the end
    assert view.selection == ("cause", "c2")
    qtbot.keyClick(bar.field, Qt.Key.Key_F3)
    assert view.selection == ("cause", "c4")
    qtbot.keyClick(bar.field, Qt.Key.Key_F3, SHIFT)
    assert view.selection == ("cause", "c2")
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    assert shown.intersects(view.diagram_scene.boxes[("cause", "c2")].sceneBoundingRect())
    qtbot.keyClicks(bar.field, "zzz")
    assert "no match" in bar.result_label.text().lower()
    assert view.selection == ("cause", "c2")  # nothing found: the selection stays
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible() and QApplication.focusWidget() is view
    assert view.selection == ("cause", "c2")
    assert editor.doc.undo_stack.count() == 0  # finding never edits


def test_ctrl_f_in_the_criteria_table_finds_a_criterion(qtbot):
    page = _shown(qtbot, CriteriaPage(CaseDocument(load_case(SAMPLE))))
    table = page.table
    table.setFocus()
    table.setCurrentIndex(page.model.index(0, 0))
    qtbot.keyClick(table, Qt.Key.Key_F, CTRL)
    assert QApplication.focusWidget() is page.find_bar.field
    qtbot.keyClicks(page.find_bar.field, "night staff")
    row = table.currentIndex().row()
    assert "night staff" in page.doc.case.criteria[row].name
    qtbot.keyClick(page.find_bar.field, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is table and table.currentIndex().row() == row


def test_ctrl_f_in_the_alternatives_list_finds_an_alternative(qtbot):
    page = _shown(qtbot, AlternativesPage(CaseDocument(load_case(SAMPLE))))
    listing = page.list_widget
    listing.setFocus()
    listing.setCurrentRow(0)
    wanted = listing.item(listing.count() - 1).text()
    qtbot.keyClick(listing, Qt.Key.Key_F, CTRL)
    assert QApplication.focusWidget() is page.find_bar.field
    qtbot.keyClicks(page.find_bar.field, wanted[:12].lower())
    assert wanted[:12] in listing.currentItem().text()
    qtbot.keyClick(page.find_bar.field, Qt.Key.Key_Return)
    qtbot.keyClick(page.find_bar.field, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is listing
