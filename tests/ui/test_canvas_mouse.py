"""Mouse on the real canvas: click to select, drag and drop to move, double-click to edit,
Ctrl+wheel zoom, background pan, context menu; and the scene only redraws what changed."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu

from fishbone.model import Category, Cause, Diagram
from sixstep.case import Case
from ui.canvas.view import DiagramView
from ui.diagram_paint import qrect
from ui.document import CaseDocument
from ui.fishbone_commands import SetCauseAttributeCommand, SetCauseTextCommand

LEFT = Qt.MouseButton.LeftButton
NO_MOD = Qt.KeyboardModifier.NoModifier


def make_view(qtbot, diagram: Diagram | None = None) -> DiagramView:
    if diagram is None:
        diagram = Diagram("Customer leaves frustrated", [
            Category("people", "People"), Category("systems", "Systems"),
            Category("place", "Place"),
        ])
        diagram.add_cause(Cause("c1", "people", None, "Works alone at night"))
        diagram.add_cause(Cause("c2", "people", "c1", "No backup"))
        diagram.add_cause(Cause("c3", "systems", None, "Till cannot amend"))
    view = DiagramView(CaseDocument(Case(fishbone=diagram)))
    qtbot.addWidget(view)
    view.resize(1100, 750)
    view.show()
    qtbot.waitExposed(view)
    view.fit_to_window()
    return view


def point_of(view: DiagramView, kind: str, item_id: str) -> QPoint:
    """The viewport position of a box's centre."""
    box = view.diagram_scene.box((kind, item_id))
    assert box is not None
    return view.mapFromScene(qrect(box).center())


def drag(view: DiagramView, start: QPoint, end: QPoint, steps: int = 6) -> None:
    vp = view.viewport()
    QTest.mousePress(vp, LEFT, NO_MOD, start)
    for i in range(1, steps + 1):
        QTest.mouseMove(vp, start + (end - start) * (i / steps))
    QTest.mouseRelease(vp, LEFT, NO_MOD, end)


def test_click_selects(qtbot):
    view = make_view(qtbot)
    QTest.mouseClick(view.viewport(), LEFT, NO_MOD, point_of(view, "cause", "c3"))
    assert view.selection == ("cause", "c3")
    QTest.mouseClick(view.viewport(), LEFT, NO_MOD, point_of(view, "category", "place"))
    assert view.selection == ("category", "place")


def test_drag_a_cause_to_another_heading_is_one_undo_step(qtbot):
    view = make_view(qtbot)
    d, stack = view.doc.diagram, view.doc.undo_stack
    start, end = point_of(view, "cause", "c1"), point_of(view, "category", "place")
    vp = view.viewport()
    QTest.mousePress(vp, LEFT, NO_MOD, start)
    for i in range(1, 7):
        QTest.mouseMove(vp, start + (end - start) * (i / 6))
    assert view.diagram_scene.drop_key == ("category", "place")  # the target lights up
    assert view.diagram_scene.box_item("category", "place").drop_target
    QTest.mouseRelease(vp, LEFT, NO_MOD, end)
    assert d.cause("c1").category == "place" and d.cause("c1").parent is None
    assert d.cause("c2").category == "place"  # the sub-cause came along
    assert stack.count() == 1
    assert view.diagram_scene.drop_key is None
    assert not view.diagram_scene.box_item("category", "place").drop_target
    stack.undo()
    assert [(c.id, c.category, c.parent) for c in d.causes] == [
        ("c1", "people", None), ("c2", "people", "c1"), ("c3", "systems", None)]


def test_drop_on_a_cause_makes_a_sub_cause(qtbot):
    view = make_view(qtbot)
    d = view.doc.diagram
    drag(view, point_of(view, "cause", "c3"), point_of(view, "cause", "c2"))
    assert d.cause("c3").parent == "c2" and d.cause("c3").category == "people"


def test_no_drop_on_own_sub_cause_or_nowhere(qtbot):
    view = make_view(qtbot)
    d, stack = view.doc.diagram, view.doc.undo_stack
    drag(view, point_of(view, "cause", "c1"), point_of(view, "cause", "c2"))
    assert d.cause("c1").parent is None and stack.count() == 0
    corner = QPoint(5, 5)
    drag(view, point_of(view, "cause", "c3"), corner)
    assert d.cause("c3").category == "systems" and stack.count() == 0
    item = view.diagram_scene.cause_item("c3")
    assert (item.pos().x(), item.pos().y()) == item.box.rect[:2]  # back where it was


def test_escape_cancels_a_drag(qtbot):
    view = make_view(qtbot)
    vp = view.viewport()
    start, end = point_of(view, "cause", "c3"), point_of(view, "category", "people")
    QTest.mousePress(vp, LEFT, NO_MOD, start)
    for i in range(1, 5):
        QTest.mouseMove(vp, start + (end - start) * (i / 4))
    QTest.keyClick(view, Qt.Key.Key_Escape)
    QTest.mouseRelease(vp, LEFT, NO_MOD, end)
    assert view.doc.diagram.cause("c3").category == "systems"
    assert view.doc.undo_stack.count() == 0


def test_double_click_edits_in_place(qtbot):
    view = make_view(qtbot)
    QTest.mouseDClick(view.viewport(), LEFT, NO_MOD, point_of(view, "cause", "c3"))
    assert view.edit_session is not None
    field = view.edit_session.editor
    assert field.text() == "Till cannot amend"
    field.selectAll()
    qtbot.keyClicks(field, "cost < 5 and x > 3")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert view.doc.diagram.cause("c3").text == "cost < 5 and x > 3"


def test_ctrl_wheel_zooms_and_background_drag_pans(qtbot):
    view = make_view(qtbot)
    view.set_zoom(1.0)
    before = view.zoom
    pos = QPointF(view.viewport().rect().center())
    event = QWheelEvent(pos, view.viewport().mapToGlobal(pos), QPoint(), QPoint(0, 120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(view.viewport(), event)
    assert view.zoom > before
    view.set_zoom(2.5)
    bar = view.horizontalScrollBar()
    bar.setValue((bar.minimum() + bar.maximum()) // 2)
    value = bar.value()
    empty = QPoint(8, view.viewport().height() - 8)
    assert view.diagram_scene.box_item_at(view.mapToScene(empty)) is None
    drag(view, empty, empty + QPoint(120, 0))
    assert bar.value() < value
    assert view.doc.undo_stack.count() == 0


def test_context_menu_offers_status_and_votes(qtbot):
    from ui.canvas.menus import build_context_menu

    view = make_view(qtbot)
    menu = build_context_menu(view, ("cause", "c3"))
    titles = [a.text() for a in menu.actions()]
    assert "Root cause" in titles and any(t.startswith("Vote up") for t in titles)
    status = next(a.menu() for a in menu.actions() if a.text() == "Status")
    assert isinstance(status, QMenu)
    next(a for a in status.actions() if a.text() == "Confirmed").trigger()
    assert view.doc.diagram.cause("c3").status == "confirmed"
    heading_menu = build_context_menu(view, ("category", "people"))
    assert any("Remove heading" in a.text() for a in heading_menu.actions())


def big_diagram(n: int = 500) -> Diagram:
    cats = [Category(f"k{i}", f"Heading {i}") for i in range(6)]
    d = Diagram("A big problem", cats)
    ids: list[str] = []
    for i in range(n):
        parent = ids[(i * 7) % len(ids)] if i >= 12 and i % 3 else None
        if parent is not None and d.depth(parent) >= 5:
            parent = None
        d.add_cause(Cause(f"c{i + 1}", cats[i % 6].id, parent, f"Cause number {i + 1} text"))
        ids.append(f"c{i + 1}")
    return d


def test_an_edit_touches_only_the_items_that_changed(qtbot):
    view = make_view(qtbot, big_diagram())
    scene, doc = view.diagram_scene, view.doc
    total = len(scene.boxes) + len(scene.lines)
    assert total > 900
    items_before = dict(scene.boxes)
    doc.push(SetCauseAttributeCommand(doc, "c40", "status", "confirmed"))
    assert scene.updated_last == 2  # its box and its bone, no relayout
    doc.push(SetCauseTextCommand(doc, "c41", "Cause number 41 txt"))
    assert scene.updated_last < total / 2
    assert all(scene.boxes[k] is item for k, item in items_before.items())  # same items
    doc.push(SetCauseTextCommand(doc, "c41", "Cause number 41 text, now a lot longer"))
    assert " ".join(scene.cause_item("c41").box.lines) == "Cause number 41 text, now a lot longer"
    assert all(scene.boxes[k] is item for k, item in items_before.items())


def test_paint_only_attributes_do_not_move_anything(qtbot):
    from ui.canvas.scene import PAINT_ONLY, compute_layout

    view = make_view(qtbot)
    scene, doc = view.diagram_scene, view.doc
    before = compute_layout(doc.diagram, scene.style, scene.options)
    values = {"status": "ruled_out", "root_cause": True, "votes": 4, "notes": "long note " * 9}
    assert set(values) == PAINT_ONLY
    for attribute, value in values.items():
        doc.push(SetCauseAttributeCommand(doc, "c2", attribute, value))
    assert compute_layout(doc.diagram, scene.style, scene.options) == before


def test_selection_survives_relayout_and_stays_in_view(qtbot):
    view = make_view(qtbot, big_diagram(120))
    view.set_zoom(1.0)
    view.select(("cause", "c60"))
    item = view.diagram_scene.cause_item("c60")
    for n in range(5):
        view.actions.add_cause("k0", None, f"Another cause {n}")
        assert view.selection == ("cause", "c60")
        assert view.diagram_scene.cause_item("c60") is item and item.selected
        shown = view.mapToScene(view.viewport().rect()).boundingRect()
        assert shown.contains(qrect(item.box))


def test_collapsing_hides_the_subtree_and_keeps_the_selection_nearby(qtbot):
    view = make_view(qtbot)
    scene = view.diagram_scene
    view.select(("cause", "c2"))
    view.actions.toggle_collapsed("c1")
    assert scene.cause_item("c2") is None
    assert view.selection == ("cause", "c1")  # the nearest shown ancestor
    assert scene.cause_item("c1").hidden == 1
    view.actions.toggle_collapsed("c1")
    assert scene.cause_item("c2") is not None


def test_heading_names_are_not_menu_mnemonics(qtbot):
    from ui.canvas.menus import build_context_menu

    view = make_view(qtbot)
    view.doc.diagram.rename_category("place", "Tools & kit")
    menu = build_context_menu(view, ("cause", "c3"))
    move = next(a.menu() for a in menu.actions() if a.text() == "Move to heading")
    assert "Tools && kit" in [a.text() for a in move.actions()]


def test_notes_tooltip_is_escaped(qtbot):
    view = make_view(qtbot)
    doc = view.doc
    doc.push(SetCauseAttributeCommand(doc, "c3", "notes", "<b>cost</b> < 5 & x > 3"))
    tip = view.diagram_scene.cause_item("c3").toolTip()
    assert "&lt;b&gt;cost&lt;/b&gt; &lt; 5 &amp; x &gt; 3" in tip
    assert view.diagram_scene.cause_item("c1").toolTip() == ""
