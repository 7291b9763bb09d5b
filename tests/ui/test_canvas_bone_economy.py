"""Typing on one heading's bone touches only that bone's items: the canvas is anchored at the
spine, lays out only the bone that changed and updates only the items that moved or changed;
another bone at most slides whole along the spine when the packing must make room."""

from __future__ import annotations

from PySide6.QtCore import Qt

from fishbone.model import Category, Cause, Diagram
from sixstep.case import Case
from ui.document.document import CaseDocument
from ui.fishbone_editor.canvas.scene import DiagramScene, Key
from ui.fishbone_editor.editor import FishboneEditor
from ui.painting.paint import layout_measurer_for

HEADINGS = ("people", "methods", "machines", "materials", "place", "measures")


def diagram() -> Diagram:
    d = Diagram("Orders reach the kitchen late", [Category(k, k.title()) for k in HEADINGS])
    for k in HEADINGS:
        for i in range(8):
            d.add_cause(Cause(f"{k}{i}", k, None, f"{k} cause {i} in a few plain words"))
            for j in range(2):
                d.add_cause(Cause(f"{k}{i}_{j}", k, f"{k}{i}", f"why {k} {i}.{j} happens"))
    return d


def heading(scene: DiagramScene, key: Key) -> str:
    kind, item_id = key
    if kind == "cause":
        return scene.diagram.path(item_id)[0].category
    return item_id if kind in ("category", "bone") else kind


def snapshot(scene: DiagramScene) -> dict[Key, tuple[object, ...]]:
    """Which Python object each item is, where it is, its box or line, and what it shows
    (a line's shape is taken from its first point, so a line that slid shows the same)."""
    shown: dict[Key, tuple[object, ...]] = {}
    for key, item in scene.boxes.items():
        shown[("box",) + key] = (item, item.pos().x(), item.pos().y(), item.box,
                                 (item.signature, item.box.lines, item.box.rect[2:]))
    for key, line in scene.lines.items():
        x0, y0 = line.line.points[0]
        shape = tuple((x - x0, y - y0) for x, y in line.line.points)
        kind, _, colour, depth = line.signature
        shown[("line",) + key] = (line, x0, y0, line.line, (kind, shape, colour, depth))
    return shown


def test_typing_a_cause_on_the_people_bone_leaves_every_other_bone_as_it_was(qtbot):
    editor = FishboneEditor(CaseDocument(Case(fishbone=diagram())))
    qtbot.addWidget(editor)
    editor.resize(1200, 700)
    editor.show()
    qtbot.waitExposed(editor)
    view, scene = editor.view, editor.view.diagram_scene
    cache = layout_measurer_for(scene.diagram_style)
    view.select(("cause", "people3"))
    editor.panel.text.setFocus()
    editor.panel.text.end(False)
    others = {key for key in snapshot(scene) if heading(scene, key[1:]) not in ("people", "head",
                                                                               "spine")}
    typed = ", so the rota goes unread"  # enough to wrap: the bone grows at its top
    for letter in typed:
        before, bones = snapshot(scene), dict(cache.bones)
        qtbot.keyClick(editor.panel.text, letter if letter != " " else Qt.Key.Key_Space)
        after = snapshot(scene)
        assert set(after) == set(before)
        for name in set(HEADINGS) - {"people"}:
            keys = [key for key in others if heading(scene, key[1:]) == name]
            assert all(after[key][0] is before[key][0] for key in keys)  # the same items
            assert all(after[key][4] == before[key][4] for key in keys)  # showing the same
            shifts = {(after[key][1] - before[key][1], after[key][2] - before[key][2])
                      for key in keys}
            assert len(shifts) == 1 and next(iter(shifts))[1] == 0.0  # at most slid whole
        reused = {key[0].id for key, bone in cache.bones.items() if bones.get(key) is bone}
        assert reused == set(HEADINGS) - {"people"}  # a layout cache hit for every other bone
        moved_or_changed = sum(1 for key in before if after[key][1:3] != before[key][1:3]
                               or after[key][4] != before[key][4])
        assert scene.updated_last <= moved_or_changed + 2  # (the head and spine are asked)
    assert scene.diagram.cause("people3").text.endswith("words" + typed)
    assert scene.cause_item("people3").box.lines[-1].endswith("unread")


def test_a_new_cause_moves_no_item_nearer_the_tail(qtbot):
    editor = FishboneEditor(CaseDocument(Case(fishbone=diagram())))
    qtbot.addWidget(editor)
    editor.resize(1200, 700)
    editor.show()
    qtbot.waitExposed(editor)
    view, scene = editor.view, editor.view.diagram_scene
    view.select(("cause", "machines7"))
    view.setFocus()
    before = snapshot(scene)
    qtbot.keyClick(view, Qt.Key.Key_Return)  # a sibling, edited in place
    assert view.edit_session is not None
    qtbot.keyClicks(view.edit_session.editor, "The fryer's thermostat drifts")
    qtbot.keyClick(view.edit_session.editor, Qt.Key.Key_Return)
    added = [c for c in scene.diagram.causes if c.text == "The fryer's thermostat drifts"]
    assert len(added) == 1 and scene.cause_item(added[0].id) is not None
    after = snapshot(scene)
    for name in ("people", "methods"):  # the bones before it along the spine
        keys = [key for key in before if heading(scene, key[1:]) == name]
        assert keys and all(after[key] == before[key] for key in keys)
