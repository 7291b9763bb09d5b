"""Status, vote and root-cause keys on the selected cause: on the canvas, from the capture line,
shown in the context menu and the panel's tips, and clashing with nothing in the window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from fishbone.model import Category, Cause, Diagram
from sixstep.case import Case
from ui.document.document import CaseDocument
from ui.fishbone_editor.canvas.actions import (
    ROOT_CAUSE_SHORTCUT,
    STATUS_SHORTCUTS,
    VOTE_DOWN_SHORTCUT,
    VOTE_UP_SHORTCUT,
)
from ui.fishbone_editor.canvas.menus import build_context_menu
from ui.fishbone_editor.editor import FishboneEditor

ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier
OURS = [*STATUS_SHORTCUTS.values(), VOTE_UP_SHORTCUT, VOTE_DOWN_SHORTCUT, ROOT_CAUSE_SHORTCUT]


def make_editor(qtbot) -> FishboneEditor:
    d = Diagram("Customer leaves", [Category("people", "People"), Category("systems", "Systems")])
    d.add_cause(Cause("c1", "people", None, "Works alone"))
    d.add_cause(Cause("c2", "systems", None, "Till is slow"))
    editor = FishboneEditor(CaseDocument(Case(fishbone=d)))
    qtbot.addWidget(editor)
    editor.resize(1300, 760)
    editor.show()
    editor.activateWindow()
    qtbot.waitExposed(editor)
    qtbot.waitUntil(editor.isActiveWindow)
    return editor


def test_status_and_vote_keys_on_the_canvas(qtbot):
    editor = make_editor(qtbot)
    view, doc, panel = editor.view, editor.doc, editor.panel
    cause = doc.diagram.cause("c2")
    item = view.diagram_scene.cause_item("c2")
    view.select(("cause", "c2"))
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_C, ALT)
    assert cause.status == "confirmed" and item.signature[1] == "confirmed"
    assert panel.status_buttons["confirmed"].isChecked()
    qtbot.keyClick(view, Qt.Key.Key_X, ALT)
    assert cause.status == "ruled_out" and panel.status_buttons["ruled_out"].isChecked()
    qtbot.keyClick(view, Qt.Key.Key_P, ALT)
    assert cause.status == "possible" and item.signature[1] == "possible"
    qtbot.keyClick(view, Qt.Key.Key_Equal, ALT)
    qtbot.keyClick(view, Qt.Key.Key_Plus, ALT)  # the keypad's +
    qtbot.keyClick(view, Qt.Key.Key_Plus, ALT | SHIFT)  # Alt+Shift+= on a US keyboard
    assert cause.votes == 3 and panel.votes.text() == "3" and item.signature[3] == 3
    qtbot.keyClick(view, Qt.Key.Key_Minus, ALT)
    assert cause.votes == 2
    qtbot.keyClick(view, Qt.Key.Key_R, CTRL | SHIFT)
    assert cause.root_cause and panel.root.isChecked()
    assert doc.undo_stack.count() == 3 + 3 + 1 + 1
    assert view.edit_session is None  # none of them started typing in the box
    qtbot.keyClick(view, Qt.Key.Key_Minus, ALT)
    qtbot.keyClick(view, Qt.Key.Key_Minus, ALT)
    qtbot.keyClick(view, Qt.Key.Key_Minus, ALT)  # no votes left: nothing to undo
    assert cause.votes == 0 and doc.undo_stack.count() == 3 + 3 + 1 + 1 + 2
    while doc.undo_stack.canUndo():
        doc.undo_stack.undo()
    assert (cause.status, cause.votes, cause.root_cause) == ("possible", 0, False)


def test_keys_do_nothing_on_a_heading_and_letters_still_type(qtbot):
    editor = make_editor(qtbot)
    view = editor.view
    view.select(("category", "people"))
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_C, ALT)
    assert editor.doc.undo_stack.count() == 0
    view.select(("cause", "c1"))
    qtbot.keyClicks(view, "c")  # a plain letter edits the box, as before
    assert view.edit_session is not None and view.edit_session.editor.text() == "c"
    qtbot.keyClick(view.edit_session.editor, Qt.Key.Key_Escape)
    assert editor.doc.diagram.cause("c1").text == "Works alone"


def test_capture_then_mark_without_leaving_the_line(qtbot):
    editor = make_editor(qtbot)
    editor.capture.setFocus()
    qtbot.keyClicks(editor.capture, "Systems: Screen freezes")
    qtbot.keyClick(editor.capture, Qt.Key.Key_Return)
    new = editor.doc.diagram.causes[-1]
    qtbot.keyClick(editor.capture, Qt.Key.Key_C, ALT)
    qtbot.keyClick(editor.capture, Qt.Key.Key_Equal, ALT)
    assert new.status == "confirmed" and new.votes == 1
    assert editor.capture.hasFocus() and editor.capture.text() == ""
    editor.panel.notes.setFocus()  # and from the panel's fields
    qtbot.keyClick(editor.panel.notes, Qt.Key.Key_X, ALT)
    assert new.status == "ruled_out" and editor.panel.notes.toPlainText() == ""


def test_menu_and_panel_show_the_keys(qtbot):
    editor = make_editor(qtbot)
    menu = build_context_menu(editor.view, ("cause", "c1"))
    status = next(a.menu() for a in menu.actions() if a.text() == "Status")
    assert isinstance(status, QMenu)
    shown = {a.text(): a.shortcut() for a in status.actions()}
    assert shown == {"Possible": QKeySequence("Alt+P"), "Confirmed": QKeySequence("Alt+C"),
                     "Ruled out": QKeySequence("Alt+X")}
    entries = {a.text(): a for a in menu.actions()}
    assert entries["Vote up (0)"].shortcut() == QKeySequence(VOTE_UP_SHORTCUT)
    assert entries["Vote down"].shortcut() == QKeySequence(VOTE_DOWN_SHORTCUT)
    assert entries["Root cause"].shortcut() == QKeySequence(ROOT_CAUSE_SHORTCUT)
    assert all(a.isShortcutVisibleInContextMenu() for a in status.actions())
    panel = editor.panel
    for name, keys in STATUS_SHORTCUTS.items():
        assert keys in panel.status_buttons[name].toolTip()
    assert VOTE_UP_SHORTCUT in panel.vote_up.toolTip()
    assert VOTE_DOWN_SHORTCUT in panel.vote_down.toolTip()
    assert ROOT_CAUSE_SHORTCUT in panel.root.toolTip()


def test_keys_are_documented():
    import ui.fishbone_editor.canvas.keyboard as keyboard

    for keys in OURS:
        assert keys in keyboard.__doc__


def test_no_clash_with_the_window(window, qtbot):
    window.files.new_from_sample("happy_burgers")
    window.show_step(2)
    taken = {s.toString() for a in window.findChildren(QAction) for s in a.shortcuts()
             if a not in window.workspace.page(2).fishbone.cause_shortcuts}
    assert taken  # the window's own: Ctrl+S, Ctrl+1 ...
    assert not taken & {QKeySequence(k).toString() for k in OURS}
    editor = window.workspace.page(2).fishbone
    cause = window.doc.diagram.causes[0]
    editor.view.select(("cause", cause.id))
    editor.view.setFocus()
    qtbot.keyClick(editor.view, Qt.Key.Key_X, ALT)
    assert cause.status == "ruled_out" and window.current_step() == 2
