"""What the group builds in the window can always be saved and opened again, exactly."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from sixstep.caseio import dumps_case, load_case
from ui.app.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def save_and_reopen(qtbot, window: MainWindow, path: Path) -> bytes:
    """Ctrl+Shift+S to ``path``, then open it again in the window; the saved bytes."""
    window.files.ask_save_path = lambda: path
    qtbot.keyClick(window, Qt.Key.Key_S, CTRL | SHIFT)
    data = path.read_bytes()
    assert window.files.open_path(path), "the saved file does not open again"
    assert dumps_case(window.doc.case) == data
    return data


def test_a_new_criterion_with_no_weight_yet_survives_save_and_reopen(window, qtbot, tmp_path):
    window.files.new_from_sample("happy_burgers")
    window.show_step(3)
    page = window.workspace.page(3)
    page.entry.setFocus()
    qtbot.keyClicks(page.entry, "Works on the busiest night")
    qtbot.keyClick(page.entry, Qt.Key.Key_Return)
    assert page.model.data(page.model.index(len(window.doc.case.criteria) - 1, 2)) == "not set"
    save_and_reopen(qtbot, window, tmp_path / "weightless.case.json")
    added = window.doc.case.criteria[-1]
    assert (added.name, added.kind, added.weight) == ("Works on the busiest night", "want", None)


def linked_cause(window: MainWindow) -> tuple[str, list[str]]:
    """A cause some alternatives address, and those alternatives' ids."""
    case = window.doc.case
    cause_id = next(c for a in case.alternatives for c in a.addresses)
    return cause_id, [a.id for a in case.alternatives if cause_id in a.addresses]


def test_deleting_a_linked_cause_unlinks_it_and_undo_links_it_again(window, qtbot, tmp_path):
    window.files.new_from_sample("happy_burgers")
    before = dumps_case(window.doc.case)
    cause_id, linked = linked_cause(window)
    window.show_step(4)  # build the alternatives page so it shows the links
    alternatives = window.workspace.page(4)
    window.show_step(2)
    view = window.workspace.page(2).fishbone.view
    view.setFocus()
    view.select(("cause", cause_id))
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert not window.doc.diagram.has_cause(cause_id)
    assert all(cause_id not in a.addresses for a in window.doc.case.alternatives)
    assert alternatives.causes_tree.item_for(cause_id) is None
    save_and_reopen(qtbot, window, tmp_path / "unlinked.case.json")

    window.files.new_from_sample("happy_burgers")
    window.show_step(2)
    view = window.workspace.page(2).fishbone.view
    view.setFocus()
    view.select(("cause", cause_id))
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert [a.id for a in window.doc.case.alternatives if cause_id in a.addresses] == linked
    assert dumps_case(window.doc.case) == before


def test_removing_a_heading_whose_causes_are_linked_keeps_the_file_valid(window, qtbot,
                                                                         tmp_path):
    window.files.new_from_sample("happy_burgers")
    before = dumps_case(window.doc.case)
    cause_id, _ = linked_cause(window)
    heading = window.doc.diagram.cause(cause_id).category
    window.show_step(2)
    view = window.workspace.page(2).fishbone.view
    view.setFocus()
    view.select(("category", heading))
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert not window.doc.diagram.has_category(heading)
    path = tmp_path / "no_heading.case.json"
    window.files.save_to(path)
    assert not any(cause_id in a.addresses for a in load_case(path).alternatives)
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert dumps_case(window.doc.case) == before
    qtbot.keyClick(window, Qt.Key.Key_Y, CTRL)
    assert dumps_case(load_case(path)) == dumps_case(window.doc.case)


def test_renaming_an_eliminated_alternative_keeps_its_status_note_out_of_the_name(window,
                                                                                 qtbot):
    window.files.new_from_sample("happy_burgers")
    window.show_step(4)
    page = window.workspace.page(4)
    row = next(i for i, a in enumerate(window.doc.case.alternatives) if a.status != "open")
    old = window.doc.case.alternatives[row].name
    page.list_widget.setFocus()
    page.select_row(row)
    qtbot.keyClick(page.list_widget, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor.text() == old
    qtbot.keyClick(editor, Qt.Key.Key_End)
    qtbot.keyClicks(editor, " at weekends")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.doc.case.alternatives[row].name != old)
    assert window.doc.case.alternatives[row].name == old + " at weekends"
    assert page.list_widget.item(row).text().startswith(old + " at weekends  (")


def test_every_sample_looked_through_in_the_window_saves_byte_for_byte(window, tmp_path):
    """Showing every page (tables fitted, lists filled, the matrix scored) changes nothing."""
    from sample_cases import read_sample, sample_names

    for name in sample_names():
        window.files.new_from_sample(name)
        for step in range(1, 7):
            window.show_step(step)
        assert window.doc.undo_stack.count() == 0 and not window.doc.is_modified()
        path = tmp_path / f"{name}.case.json"
        assert window.files.save_to(path)
        assert path.read_bytes() == read_sample(name) == dumps_case(window.doc.case)
