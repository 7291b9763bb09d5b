"""Cases at the edges: a blank case on every page, one alternative, all of them set aside."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox

from sample_cases import read_sample
from sixstep.caseio import dumps_case, loads_case
from ui.app.main_window import MainWindow
from ui.document.scoring_commands import EliminateAlternativeCommand
from ui.widgets.record_table import RecordTable


@pytest.fixture
def window(make_window) -> MainWindow:
    return make_window(active=False)


@pytest.mark.parametrize("how", ["blank", "sample"])
def test_record_tables_use_the_whole_width_they_are_given(window, how):
    """On a blank case the action plan was squeezed to its narrowest columns, with
    "(add action)" broken over two lines, because its width came after the last fit."""
    if how == "blank":
        window.files.new_blank()
    else:
        window.files.new_from_sample("happy_burgers")
    for step in (1, 2, 6):
        window.show_step(step)
        if step == 2:
            window.workspace.page(2).tabs.setCurrentIndex(1)
        QApplication.processEvents()
        for table in window.workspace.frame(step).findChildren(RecordTable):
            header = table.view.horizontalHeader()
            used = sum(header.sectionSize(i) for i in range(header.count()))
            assert abs(used - table.view.viewport().width()) <= len(table.weights) + 2


def test_a_blank_case_shows_every_page_and_saves(window, tmp_path):
    window.files.new_blank()
    for step in range(1, 7):
        window.show_step(step)
    evaluate = window.workspace.page(5)
    assert evaluate.model.rowCount() == 0
    assert window.workspace.page(6).chosen.empty.isVisible()
    path = tmp_path / "blank.case.json"
    assert window.files.save_to(path)
    assert dumps_case(loads_case(path.read_bytes())) == dumps_case(window.doc.case)


def test_every_alternative_set_aside_leaves_the_pages_sound(window):
    case = loads_case(read_sample("happy_burgers"))
    window.doc.replace(case, None)
    window.show_step(5)
    for alternative in list(case.open_alternatives()):
        window.doc.push(EliminateAlternativeCommand(window.doc, alternative.id, "too costly"))
    page = window.workspace.page(5)
    assert page.model.rowCount() == 0
    assert page.details.alternative() is None or page.details.alternative().status != "open"
    window.show_step(6)
    chosen = window.workspace.page(6).chosen
    assert set(chosen.boxes) == set(case.selection.chosen)  # still shown, as set aside
    assert all("eliminated" in chosen.notes[a].text() for a in chosen.boxes)


def test_making_a_scored_want_a_must_says_its_scores_were_cleared(window, qtbot):
    window.files.new_from_sample("happy_burgers")
    window.show_step(3)
    page = window.workspace.page(3)
    row = next(i for i, c in enumerate(window.doc.case.criteria) if c.kind == "want")
    criterion = window.doc.case.criteria[row]
    scored = [s for s in window.doc.case.scores if s.criterion == criterion.id]
    assert scored
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(row, 1))
    qtbot.keyClick(page.table, Qt.Key.Key_F2)
    chooser = QApplication.focusWidget()
    assert isinstance(chooser, QComboBox)
    qtbot.keyClick(chooser, Qt.Key.Key_Up)  # from Want to Must
    qtbot.keyClick(chooser, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: criterion.kind == "must")
    assert criterion.kind == "must" and criterion.weight is None
    assert not any(s.criterion == criterion.id for s in window.doc.case.scores)
    assert f"{len(scored)} scores were cleared" in page.message_label.text()
    window.doc.undo_stack.undo()
    assert criterion.kind == "want"
    assert [s for s in window.doc.case.scores if s.criterion == criterion.id] == scored


def test_step_6_shows_only_the_tick_boxes_of_the_case_now_open(window):
    window.files.new_from_sample("happy_burgers")
    window.show_step(6)
    window.files.new_from_sample("super_salad")
    window.show_step(6)
    QApplication.processEvents()  # a layout shows new widgets from the event loop
    chosen = window.workspace.page(6).chosen
    names = {a.name for a in window.doc.case.open_alternatives()}
    shown = {box.accessibleName().removeprefix("Choose ")
             for box in chosen.findChildren(QCheckBox) if box.isVisible()}
    assert shown == names


def test_the_navigator_tooltip_follows_what_is_missing_even_when_the_count_stays(window,
                                                                                   qtbot):
    window.files.new_blank()
    window.show_step(3)
    item = window.workspace.navigator.item(2)
    assert "List the criteria" in item.toolTip() and item.text().endswith("1 to do")
    page = window.workspace.page(3)
    page.entry.setFocus()
    qtbot.keyClicks(page.entry, "Quick")
    qtbot.keyClick(page.entry, Qt.Key.Key_Return)
    assert item.text().endswith("1 to do")  # one thing missing before and after
    assert "List the criteria" not in item.toolTip() and "Quick" in item.toolTip()
