"""Mouse on the real canvas: click to select, drag and drop to move, double-click to edit,
Ctrl+wheel zoom, background pan, context menu; and the scene only redraws what changed."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu

from fishbone.model import Category, Cause, Diagram
from tests.ui.canvas_support import shown_view
from ui.document.fishbone_commands import SetCauseAttributeCommand, SetCauseTextCommand
from ui.fishbone_editor.canvas.view import DiagramView
from ui.painting.paint import qrect

LEFT = Qt.MouseButton.LeftButton
NO_MOD = Qt.KeyboardModifier.NoModifier


def make_view(qtbot, diagram: Diagram | None = None) -> DiagramView:
    view = shown_view(qtbot, diagram, (1100, 750))
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
    from ui.fishbone_editor.canvas.menus import build_context_menu

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
    shown = {key: (item.box.rect, item.signature) for key, item in scene.boxes.items()}
    doc.push(SetCauseTextCommand(doc, "c41", "Cause number 41 txt"))
    # The drawing is anchored at the spine: only boxes on c41's own bone moved or changed
    # (this diagram hangs most causes under k0, so that is most of it), the others stayed.
    d = doc.diagram
    changed = {key for key, item in scene.boxes.items()
               if (item.box.rect, item.signature) != shown[key]}
    assert ("cause", "c41") in changed
    assert {d.path(key[1])[0].category if key[0] == "cause" else key[1]
            for key in changed} == {"k0"}
    assert scene.updated_last <= 2 * len(changed) + 1  # their boxes and bones, k0's line
    assert all(scene.boxes[k] is item for k, item in items_before.items())  # same items
    doc.push(SetCauseTextCommand(doc, "c41", "Cause number 41 text, now a lot longer"))
    assert " ".join(scene.cause_item("c41").box.lines) == "Cause number 41 text, now a lot longer"
    assert all(scene.boxes[k] is item for k, item in items_before.items())


def test_paint_only_attributes_do_not_move_anything(qtbot):
    from ui.fishbone_editor.canvas.scene import PAINT_ONLY, compute_layout

    view = make_view(qtbot)
    scene, doc = view.diagram_scene, view.doc
    before = compute_layout(doc.diagram, scene.diagram_style, scene.options)
    values = {"status": "confirmed", "root_cause": True, "votes": 4, "notes": "long note " * 9}
    assert set(values) == PAINT_ONLY
    for attribute, value in values.items():
        doc.push(SetCauseAttributeCommand(doc, "c2", attribute, value))
    assert compute_layout(doc.diagram, scene.diagram_style, scene.options) == before


def test_selection_survives_relayout_and_stays_in_view(qtbot):
    view = make_view(qtbot, big_diagram(120))
    view.set_zoom(1.0)
    view.select(("cause", "c60"))
    item = view.diagram_scene.cause_item("c60")
    for n in range(5):
        view.diagram_actions.add_cause("k0", None, f"Another cause {n}")
        assert view.selection == ("cause", "c60")
        assert view.diagram_scene.cause_item("c60") is item and item.selected
        shown = view.mapToScene(view.viewport().rect()).boundingRect()
        assert shown.contains(qrect(item.box))


def test_collapsing_hides_the_subtree_and_keeps_the_selection_nearby(qtbot):
    view = make_view(qtbot)
    scene = view.diagram_scene
    view.select(("cause", "c2"))
    view.diagram_actions.toggle_collapsed("c1")
    assert scene.cause_item("c2") is None
    assert view.selection == ("cause", "c1")  # the nearest shown ancestor
    assert scene.cause_item("c1").hidden == 1
    view.diagram_actions.toggle_collapsed("c1")
    assert scene.cause_item("c2") is not None


def test_heading_names_are_not_menu_mnemonics(qtbot):
    from ui.fishbone_editor.canvas.menus import build_context_menu

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


# -- dropping between siblings -----------------------------------------------------------------
def sibling_diagram() -> Diagram:
    d = Diagram("Orders go wrong", [Category("people", "People"), Category("systems", "Systems")])
    for cid, parent, text in (("c1", None, "Works alone at night"), ("c2", None, "New starter"),
                              ("c3", None, "Tired by the end"), ("s1", "c1", "No backup"),
                              ("s2", "c1", "Rota gap"), ("s3", "c1", "Sick calls")):
        d.add_cause(Cause(cid, "people", parent, text))
    d.add_cause(Cause("c4", "systems", None, "Till cannot amend"))
    return d


def edge_point(view: DiagramView, cause_id: str, share: float) -> QPoint:
    """A point ``share`` of the way along a cause box, in the direction its siblings run."""
    from ui.fishbone_editor.canvas.navigation import spread_axis

    box = view.diagram_scene.box(("cause", cause_id))
    x, y, w, h = box.rect
    if spread_axis(box):
        return view.mapFromScene(QPointF(x + w / 2, y + share * h))
    return view.mapFromScene(QPointF(x + share * w, y + h / 2))


def on_screen(view: DiagramView, parent: tuple[str, str]) -> list[str]:
    from ui.fishbone_editor.canvas.navigation import child_keys, screen_order

    boxes = {k: item.box for k, item in view.diagram_scene.boxes.items()}
    return [k[1] for k in screen_order(child_keys(view.doc.diagram, parent), boxes)]


def drag_and_look(view: DiagramView, start: QPoint, end: QPoint):
    """Drag, and return the gap marker and the lit-up box just before letting go."""
    vp = view.viewport()
    QTest.mousePress(vp, LEFT, NO_MOD, start)
    for i in range(1, 7):
        QTest.mouseMove(vp, start + (end - start) * (i / 6))
    marker, lit = view.diagram_scene.insert_line, view.diagram_scene.drop_key
    QTest.mouseRelease(vp, LEFT, NO_MOD, end)
    assert view.diagram_scene.insert_line is None  # gone after the drop
    return marker, lit


def test_drop_on_the_end_of_a_cause_puts_it_between_siblings(qtbot):
    view = make_view(qtbot, sibling_diagram())
    view.set_zoom(1.5)
    d, stack = view.doc.diagram, view.doc.undo_stack
    before_ids = [c.id for c in d.causes]
    first = on_screen(view, ("category", "people"))
    assert len(first) == 3
    moving, target = first[-1], first[0]  # the last on screen goes just before the first
    view.centerOn(qrect(view.diagram_scene.box(("cause", target))).center())
    marker, lit = drag_and_look(view, point_of(view, "cause", moving),
                                edge_point(view, target, 0.12))
    assert marker is not None and lit is None  # a bar in the gap, no box lit up
    box = view.diagram_scene.box(("cause", target))
    assert marker.y1() == marker.y2() < box.rect[1]  # above the target, across it
    assert on_screen(view, ("category", "people")) == [moving] + first[:-1]
    assert d.cause(moving).parent is None and stack.count() == 1
    assert [c.id for c in d.children("people", "c1")] == ["s1", "s2", "s3"]  # came along
    stack.undo()
    assert [c.id for c in d.causes] == before_ids
    assert on_screen(view, ("category", "people")) == first


def test_drop_between_siblings_side_by_side_and_from_another_heading(qtbot):
    view = make_view(qtbot, sibling_diagram())
    view.set_zoom(1.5)
    d = view.doc.diagram
    row = on_screen(view, ("cause", "c1"))
    assert sorted(row) == ["s1", "s2", "s3"]
    view.centerOn(qrect(view.diagram_scene.box(("cause", row[1]))).center())
    marker, _ = drag_and_look(view, point_of(view, "cause", row[0]),
                              edge_point(view, row[1], 0.9))
    assert marker is not None and marker.x1() == marker.x2()  # an upright bar
    assert on_screen(view, ("cause", "c1")) == [row[1], row[0], row[2]]
    # a cause from another heading dropped at the far end of a sibling joins that row
    view.fit_to_window()
    assert view.zoom >= 0.8  # boxes big enough to aim at their ends
    people = on_screen(view, ("category", "people"))
    c4_at = point_of(view, "cause", "c4")
    drag_and_look(view, c4_at, edge_point(view, "c2", 0.95))
    assert d.cause("c4").category == "people" and d.cause("c4").parent is None
    after = on_screen(view, ("category", "people"))
    i = people.index("c2")
    assert after == people[:i + 1] + ["c4"] + people[i + 1:]
    assert view.doc.undo_stack.count() == 2


def test_no_drop_between_the_causes_under_the_dragged_one(qtbot):
    view = make_view(qtbot, sibling_diagram())
    view.set_zoom(1.5)
    view.centerOn(qrect(view.diagram_scene.box(("cause", "s2"))).center())
    marker, lit = drag_and_look(view, point_of(view, "cause", "c1"), edge_point(view, "s2", 0.1))
    assert marker is None and lit is None
    assert view.doc.undo_stack.count() == 0
