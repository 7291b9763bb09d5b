"""The side panel and the whole fishbone editor: fields follow the canvas selection, edits are
undoable (typing merges), headings can be managed, projector mode hides the panel."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from fishbone.model import PRESETS, Category, Cause, Diagram
from sixstep.case import Case
from ui.document.document import CaseDocument
from ui.fishbone_editor.editor import ROOM, FishboneEditor


def make_editor(qtbot) -> FishboneEditor:
    d = Diagram("Customer leaves", [Category("people", "People"), Category("systems", "Systems")])
    d.add_cause(Cause("c1", "people", None, "Works alone"))
    d.add_cause(Cause("c2", "systems", None, "Till is slow", notes="seen twice"))
    editor = FishboneEditor(CaseDocument(Case(fishbone=d)))
    qtbot.addWidget(editor)
    editor.resize(1300, 800)
    editor.show()
    qtbot.waitExposed(editor)
    return editor


def test_panel_follows_the_selection_without_pushing(qtbot):
    editor = make_editor(qtbot)
    panel = editor.panel
    assert not panel.text.isEnabled() and panel.hint.isVisible()
    editor.view.select(("cause", "c2"))
    assert panel.text.text() == "Till is slow"
    assert panel.notes.toPlainText() == "seen twice"
    assert panel.status_buttons["possible"].isChecked()
    assert panel.headings.chosen_id() == "systems"
    assert editor.doc.undo_stack.count() == 0
    editor.view.select(("category", "people"))
    assert not panel.text.isEnabled() and panel.headings.chosen_id() == "people"


def test_panel_edits_are_undoable_and_typing_merges(qtbot):
    editor = make_editor(qtbot)
    panel, doc = editor.panel, editor.doc
    cause = doc.diagram.cause("c1")
    editor.view.select(("cause", "c1"))
    panel.text.selectAll()
    qtbot.keyClicks(panel.text, "Works alone at night")
    assert cause.text == "Works alone at night"
    assert doc.undo_stack.count() == 1
    confirmed = panel.status_buttons["confirmed"]
    QTest.mouseClick(confirmed, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(8, confirmed.height() // 2))
    assert cause.status == "confirmed"
    QTest.mouseClick(panel.root, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(8, panel.root.height() // 2))  # on the box, not past the label
    assert cause.root_cause
    for _ in range(3):
        QTest.mouseClick(panel.vote_up, Qt.MouseButton.LeftButton)
    QTest.mouseClick(panel.vote_down, Qt.MouseButton.LeftButton)
    assert cause.votes == 2 and panel.votes.text() == "2"
    qtbot.keyClicks(panel.notes, "Ask Jonas")
    assert cause.notes == "Ask Jonas"
    assert doc.undo_stack.count() == 1 + 1 + 1 + 4 + 1
    while doc.undo_stack.canUndo():
        doc.undo_stack.undo()
    assert (cause.text, cause.status, cause.root_cause, cause.votes, cause.notes) == (
        "Works alone", "possible", False, 0, "")
    assert panel.text.text() == "Works alone" and panel.votes.text() == "0"


def test_panel_text_keeps_spaces_while_typing_and_tidies_after(qtbot):
    editor = make_editor(qtbot)
    panel = editor.panel
    editor.view.select(("cause", "c1"))
    panel.text.selectAll()
    qtbot.keyClicks(panel.text, "Two  words ")
    assert panel.text.text() == "Two  words "
    panel.text.editingFinished.emit()
    assert editor.doc.diagram.cause("c1").text == "Two words"


def test_panel_tab_follows_the_kind_of_box_selected(qtbot):
    editor = make_editor(qtbot)
    tabs, view = editor.panel.tabs, editor.view
    view.select(("category", "systems"))
    assert tabs.currentWidget() is editor.panel.headings
    assert editor.panel.headings.rename_button.isVisible()
    view.select(("cause", "c1"))
    assert tabs.currentWidget() is editor.panel.box and editor.panel.notes.isVisible()


def test_headings_box(qtbot):
    editor = make_editor(qtbot)
    headings, d = editor.panel.headings, editor.doc.diagram
    editor.view.select(("category", "people"))  # the headings tab comes up
    assert headings.down_button.isVisible()
    QTest.mouseClick(headings.down_button, Qt.MouseButton.LeftButton)
    assert [c.id for c in d.categories] == ["systems", "people"]
    item = headings.list.item(1)
    item.setText("Staff")  # what finishing an edit in the list does
    assert d.category("people").name == "Staff"
    QTest.mouseClick(headings.add_button, Qt.MouseButton.LeftButton)
    assert len(d.categories) == 3
    QTest.mouseClick(headings.remove_button, Qt.MouseButton.LeftButton)
    assert len(d.categories) == 2
    headings.presets.setCurrentText("6M (manufacturing)")
    QTest.mouseClick(headings.apply_button, Qt.MouseButton.LeftButton)
    names = [c.name for c in d.categories]
    assert names[:6] == [n for _, n in PRESETS["6M (manufacturing)"]]
    assert headings.list.count() == len(d.categories)
    assert {c.id for c in d.causes} == {"c1", "c2"}  # no cause lost
    while editor.doc.undo_stack.canUndo():
        editor.doc.undo_stack.undo()
    assert [(c.id, c.name) for c in d.categories] == [("people", "People"),
                                                      ("systems", "Systems")]
    assert [headings.list.item(i).text() for i in range(2)] == ["People", "Systems"]


def test_choosing_a_heading_in_the_list_selects_it_on_the_canvas(qtbot):
    editor = make_editor(qtbot)
    editor.panel.headings.list.setCurrentRow(1)
    assert editor.view.selection == ("category", "systems")


def test_capture_line_adds_and_selects_while_keeping_focus(qtbot):
    editor = make_editor(qtbot)
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    editor.view.select(("cause", "c2"))
    editor.capture.setFocus()
    qtbot.keyClicks(editor.capture, "Screen freezes")
    qtbot.keyClick(editor.capture, Qt.Key.Key_Return)
    new = editor.doc.diagram.causes[-1]
    assert (new.category, new.text) == ("systems", "Screen freezes")  # the selected heading
    assert editor.view.selection == ("cause", new.id)
    assert editor.capture.hasFocus()
    assert editor.panel.text.text() == "Screen freezes"


def test_projector_mode(qtbot):
    editor = make_editor(qtbot)
    normal_size = editor.view.diagram_scene.cause_item("c1").box.rect[3]
    editor.set_projector_mode(True)
    assert not editor.panel.isVisible() and editor.panel_action.isVisible()  # one click away
    assert editor.view.diagram_scene.diagram_style is ROOM
    assert editor.view.diagram_scene.cause_item("c1").box.rect[3] > normal_size
    editor.set_projector_mode(False)
    assert editor.panel.isVisible()
    assert editor.view.diagram_scene.diagram_style is not ROOM


def test_opening_another_case_resets_the_views(qtbot):
    editor = make_editor(qtbot)
    editor.view.select(("cause", "c1"))
    other = Diagram("Other", [Category("place", "Place")])
    other.add_cause(Cause("c1", "place", None, "Cold"))
    editor.doc.replace(Case(fishbone=other), None)
    assert editor.view.selection is None
    assert {k for k in editor.view.diagram_scene.boxes if k[0] == "cause"} == {("cause", "c1")}
    assert editor.view.diagram_scene.cause_item("c1").box.lines == ("Cold",)
    assert [editor.panel.headings.list.item(i).text()
            for i in range(editor.panel.headings.list.count())] == ["Place"]
    assert not editor.panel.text.isEnabled()
