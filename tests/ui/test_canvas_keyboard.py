"""Keyboard-first editing on the real canvas: add, edit, move, delete, then undo it all."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit

from fishbone.model import Category, Cause, Diagram
from sixstep.case import Case
from tests.ui.canvas_support import shown_view
from ui.fishbone_editor.canvas.view import DiagramView

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def causes_of(d: Diagram) -> list[tuple]:
    return [(c.id, c.category, c.parent, c.text, c.status, c.root_cause, c.votes, c.notes,
             c.collapsed) for c in d.causes]


def make_view(qtbot, diagram: Diagram | None = None) -> DiagramView:
    view = shown_view(qtbot, diagram, (1000, 700))
    view.setFocus()
    return view


def editor(view: DiagramView) -> QLineEdit:
    assert view.edit_session is not None, "no edit in place is open"
    return view.edit_session.editor


def type_and_enter(qtbot, view: DiagramView, text: str) -> None:
    field = editor(view)
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert view.edit_session is None


def press(qtbot, view: DiagramView, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(view, key, modifier)


def test_keyboard_session_then_undo_everything(qtbot):
    view = make_view(qtbot)
    doc = view.doc
    d = doc.diagram
    start = causes_of(d)

    view.select(("cause", "c1"))
    press(qtbot, view, Qt.Key.Key_Return)  # a sibling after c1, named in place
    type_and_enter(qtbot, view, "New staff untrained")
    new_id = view.selection[1]
    assert d.cause(new_id).text == "New staff untrained"
    assert [c.id for c in d.children("people")] == ["c1", new_id]

    press(qtbot, view, Qt.Key.Key_Tab)  # a sub-cause of the new one
    type_and_enter(qtbot, view, "Induction skipped")
    child_id = view.selection[1]
    assert d.cause(child_id).parent == new_id

    press(qtbot, view, Qt.Key.Key_F2)  # edit in place
    qtbot.keyClick(editor(view), Qt.Key.Key_A, CTRL)
    type_and_enter(qtbot, view, "Induction skipped in summer")
    assert d.cause(child_id).text == "Induction skipped in summer"

    press(qtbot, view, Qt.Key.Key_Right, ALT)  # to the heading on the right
    moved = d.cause(child_id)
    assert moved.parent is None and moved.category != "people"
    assert view.selection == ("cause", child_id)

    view.select(("cause", "c1"))
    press(qtbot, view, Qt.Key.Key_R, CTRL | SHIFT)
    assert d.cause("c1").root_cause
    press(qtbot, view, Qt.Key.Key_Space)
    assert d.cause("c1").collapsed

    order = [c.id for c in d.children("people")]
    assert order == ["c1", new_id]
    y = {cid: view.diagram_scene.cause_item(cid).box.rect[1] for cid in order}
    lower, upper = sorted(order, key=lambda cid: y[cid], reverse=True)
    view.select(("cause", lower))
    press(qtbot, view, Qt.Key.Key_Up, ALT)  # moves above the other one on screen
    assert [c.id for c in d.children("people")] == order[::-1]
    y = {cid: view.diagram_scene.cause_item(cid).box.rect[1] for cid in order}
    assert y[lower] < y[upper]
    press(qtbot, view, Qt.Key.Key_Up, ALT)  # already the top one: nothing happens
    assert [c.id for c in d.children("people")] == order[::-1]
    press(qtbot, view, Qt.Key.Key_Down, ALT)
    assert [c.id for c in d.children("people")] == order
    view.select(("cause", new_id))
    press(qtbot, view, Qt.Key.Key_Delete)
    assert not d.has_cause(new_id)
    assert view.selection is not None  # a neighbour took the selection

    view.select(("cause", "c3"))
    press(qtbot, view, Qt.Key.Key_Delete)
    assert not d.has_cause("c3")

    assert causes_of(d) != start
    while doc.undo_stack.canUndo():
        doc.undo_stack.undo()
    assert causes_of(d) == start
    assert [c.id for c in d.causes] == ["c1", "c2", "c3"]
    # every cause is shown again, and the scene holds nothing stale
    assert {k[1] for k in view.diagram_scene.boxes if k[0] == "cause"} == {"c1", "c2", "c3"}


def test_naming_a_new_cause_is_one_undo_step_and_esc_leaves_nothing(qtbot):
    view = make_view(qtbot)
    doc = view.doc
    view.select(("cause", "c3"))
    press(qtbot, view, Qt.Key.Key_Return)
    type_and_enter(qtbot, view, "Screen lags")
    assert doc.undo_stack.count() == 1
    press(qtbot, view, Qt.Key.Key_Return)
    qtbot.keyClicks(editor(view), "half typed")
    qtbot.keyClick(editor(view), Qt.Key.Key_Escape)
    assert doc.undo_stack.count() == 1
    assert len(doc.diagram.causes) == 4
    press(qtbot, view, Qt.Key.Key_Return)
    type_and_enter(qtbot, view, "   ")  # committed empty: taken away too
    assert len(doc.diagram.causes) == 4
    assert doc.undo_stack.count() == 1


def test_twenty_causes_by_keyboard_alone(qtbot):
    view = make_view(qtbot, Diagram("Long queue", [Category("people", "People"),
                                                   Category("systems", "Systems")]))
    d = view.doc.diagram
    press(qtbot, view, Qt.Key.Key_Down)  # nothing selected: the head
    assert view.selection == ("head", "head")
    press(qtbot, view, Qt.Key.Key_Right)  # the head's first child: a heading
    assert view.selection[0] == "category"
    press(qtbot, view, Qt.Key.Key_Tab)
    type_and_enter(qtbot, view, "Cause 1")
    for n in range(2, 11):
        press(qtbot, view, Qt.Key.Key_Return)
        type_and_enter(qtbot, view, f"Cause {n}")
    press(qtbot, view, Qt.Key.Key_Tab)  # sub-causes of cause 10
    type_and_enter(qtbot, view, "Cause 11")
    for n in range(12, 21):
        press(qtbot, view, Qt.Key.Key_Return)
        type_and_enter(qtbot, view, f"Cause {n}")
    assert len(d.causes) == 20
    assert sorted(c.text for c in d.causes) == sorted(f"Cause {n}" for n in range(1, 21))
    tenth = next(c for c in d.causes if c.text == "Cause 10")
    assert len(d.children(tenth.category, tenth.id)) == 10
    assert view.doc.undo_stack.count() == 20
    assert len([k for k in view.diagram_scene.boxes if k[0] == "cause"]) == 20


def test_arrows_walk_the_tree(qtbot):
    view = make_view(qtbot)
    press(qtbot, view, Qt.Key.Key_Home)
    assert view.selection == ("head", "head")
    press(qtbot, view, Qt.Key.Key_Left)  # the head has no parent: it stays
    assert view.selection == ("head", "head")
    walk = [(Qt.Key.Key_Right, ("category", "people")), (Qt.Key.Key_Right, ("cause", "c1")),
            (Qt.Key.Key_Right, ("cause", "c2")), (Qt.Key.Key_Right, ("cause", "c2")),
            (Qt.Key.Key_Up, ("cause", "c2")), (Qt.Key.Key_Left, ("cause", "c1")),
            (Qt.Key.Key_Left, ("category", "people")), (Qt.Key.Key_Left, ("head", "head"))]
    for key, expected in walk:
        press(qtbot, view, key)
        assert view.selection == expected, key
    # Down then Up between headings comes back; Up from the first cause never leaves its bone
    view.select(("category", "people"))
    press(qtbot, view, Qt.Key.Key_Down)
    beside = view.selection
    assert beside[0] == "category" and beside != ("category", "people")
    press(qtbot, view, Qt.Key.Key_Up)
    assert view.selection == ("category", "people")
    view.select(("cause", "c1"))
    press(qtbot, view, Qt.Key.Key_Up)
    assert view.selection == ("cause", "c1")


def test_typing_on_a_selected_cause_starts_editing(qtbot):
    view = make_view(qtbot)
    view.select(("cause", "c3"))
    qtbot.keyClicks(view, "T")
    assert editor(view).text() == "T"
    type_and_enter(qtbot, view, "ill freezes")
    assert view.doc.diagram.cause("c3").text == "Till freezes"


def test_headings_and_effect_edited_by_keyboard(qtbot):
    view = make_view(qtbot)
    d = view.doc.diagram
    press(qtbot, view, Qt.Key.Key_Home)
    press(qtbot, view, Qt.Key.Key_Return)  # the head: edit the effect
    qtbot.keyClick(editor(view), Qt.Key.Key_A, CTRL)
    type_and_enter(qtbot, view, "Customer walks out")
    assert d.effect == "Customer walks out"
    view.select(("category", "people"))
    press(qtbot, view, Qt.Key.Key_Return)  # a new heading after People
    type_and_enter(qtbot, view, "Money")
    assert [c.name for c in d.categories] == ["People", "Money", "Systems", "Place"]
    assert view.doc.undo_stack.count() == 2
    press(qtbot, view, Qt.Key.Key_Left, ALT)
    assert [c.name for c in d.categories][0] == "Money"


@pytest.mark.parametrize("key, modifier", [
    (Qt.Key.Key_Equal, CTRL), (Qt.Key.Key_Plus, CTRL), (Qt.Key.Key_Minus, CTRL),
])
def test_zoom_keys(qtbot, key, modifier):
    view = make_view(qtbot)
    before = view.zoom
    press(qtbot, view, key, modifier)
    assert view.zoom != before
    press(qtbot, view, Qt.Key.Key_0, CTRL)
    rect = view.mapFromScene(view.diagram_scene.drawing_rect()).boundingRect()
    assert view.viewport().rect().adjusted(-2, -2, 2, 2).contains(rect)


def test_user_text_is_shown_literally(qtbot):
    view = make_view(qtbot)
    view.select(("cause", "c3"))
    for text in ("<img src=x>", "cost < 5 and x > 3"):
        press(qtbot, view, Qt.Key.Key_Return)
        type_and_enter(qtbot, view, text)
        cause_id = view.selection[1]
        assert view.doc.diagram.cause(cause_id).text == text
        box = view.diagram_scene.cause_item(cause_id).box
        assert " ".join(box.lines) == text
    view.select(("cause", "c3"))
    press(qtbot, view, Qt.Key.Key_F2)
    assert editor(view).text() == "Till cannot amend"
    QTest.keyClick(editor(view), Qt.Key.Key_Escape)


def test_opening_another_case_while_naming_a_new_cause_touches_neither(qtbot):
    view = make_view(qtbot)
    view.select(("cause", "c3"))
    press(qtbot, view, Qt.Key.Key_Return)
    qtbot.keyClicks(editor(view), "half typed")
    other = Diagram("Other", [Category("place", "Place")])
    other.add_cause(Cause("c4", "place", None, "Cold room"))
    view.doc.replace(Case(fishbone=other), None)
    assert view.edit_session is None
    assert [(c.id, c.text) for c in other.causes] == [("c4", "Cold room")]
    assert view.doc.undo_stack.count() == 0
