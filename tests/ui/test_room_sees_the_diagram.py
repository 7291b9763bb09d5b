"""Step 2 as the room sees it in projector mode: the whole cause being typed, causes that stay
put, a head that is never an empty box, dark mode on the diagram and the bone by bone view."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from fishbone.geometry import LayoutOptions, MonospaceMeasurer
from fishbone.layout import layout_diagram
from fishbone.model import Diagram
from sixstep.edits.fields import SetText
from sixstep.edits.fishbone import SetEffect
from ui.app.main_window import MainWindow
from ui.painting.paint import qrect

CAUSE = "Staff rota changes every week so nobody knows who closes the kitchen"


def settle() -> None:
    for _ in range(4):
        QApplication.processEvents()


def step_two(make_window, sample: str | None = "happy_burgers",
             size: tuple[int, int] = (1280, 720)) -> MainWindow:
    w = make_window(size=size, sample=sample, blank=sample is None)
    w.set_projector_mode(True)
    w.show_step(2)
    w.workspace.page(2).tabs.setCurrentIndex(0)
    settle()
    return w


def test_the_capture_line_shows_the_whole_cause_being_typed(make_window, qtbot):
    w = step_two(make_window)
    editor = w.workspace.page(2).fishbone
    line = editor.capture
    line.setFocus()
    QTest.keyClicks(line, "People: " + CAUSE)
    settle()
    text_width = line.fontMetrics().horizontalAdvance(line.text())
    assert line.width() >= 0.9 * editor.width()  # the full width of the editor
    assert text_width < line.width() - 20, "the start of the cause scrolled out of sight"


def _on_screen(view) -> dict[str, tuple[int, int]]:
    out = {}
    for key, item in view.diagram_scene.boxes.items():
        if key[0] == "cause":
            p = view.mapFromScene(qrect(item.box).topLeft())
            out[key[1]] = (p.x(), p.y())
    return out


def _add(editor, text: str) -> None:
    editor.capture.setFocus()
    QTest.keyClicks(editor.capture, text)
    QTest.keyClick(editor.capture, Qt.Key.Key_Return)
    settle()


def _moved_only_to_bring_in_the_new_cause(view, before, after) -> None:
    box = view.mapFromScene(qrect(view.diagram_scene.box(view.selection))).boundingRect()
    vp = view.viewport().rect()
    assert vp.contains(box)  # the room sees the new cause...
    for cause_id, (x, y) in before.items():
        dx, dy = after[cause_id][0] - x, after[cause_id][1] - y
        # ...and the others moved no further than it took to bring it in (to the edge)
        assert abs(dx) <= 1 or min(abs(box.left() - vp.left()),
                                   abs(box.right() - vp.right())) <= 8, (cause_id, dx)
        assert abs(dy) <= 1 or min(abs(box.top() - vp.top()),
                                   abs(box.bottom() - vp.bottom())) <= 8, (cause_id, dy)


def test_adding_a_cause_does_not_move_the_causes_on_screen(make_window, qtbot):
    w = step_two(make_window, sample=None)
    editor = w.workspace.page(2).fishbone
    for text in ("People: nobody owns the rota", "People: new staff every week",
                 "no checklist at closing"):
        _add(editor, text)
        before = _on_screen(editor.view)
        _add(editor, "People: a new cook every Monday")
        _moved_only_to_bring_in_the_new_cause(editor.view, before, _on_screen(editor.view))


def test_a_cause_added_off_screen_scrolls_only_as_far_as_it_needs(make_window, qtbot):
    w = step_two(make_window)
    editor = w.workspace.page(2).fishbone
    view = editor.view
    people = next(c for c in editor.doc.diagram.categories if c.name == "People")
    last = [c for c in editor.doc.diagram.causes
            if c.category == people.id and c.parent is None][-1]
    editor.go_to(("cause", last.id))
    settle()
    before = _on_screen(view)
    _add(editor, "People: a new cook every Monday")
    after = _on_screen(view)
    _moved_only_to_bring_in_the_new_cause(view, before, after)


def test_layout_takes_the_head_text_to_show_when_there_is_no_effect():
    d = Diagram(effect="")
    layout = layout_diagram(d, MonospaceMeasurer(),
                            LayoutOptions(head_fallback="Why do customers wait?"))
    assert " ".join(layout.box("head").lines) == "Why do customers wait?"
    assert d.effect == ""  # the model is not written


def test_a_new_case_shows_the_question_in_the_head_until_an_effect_is_written(make_window):
    w = make_window(size=(1280, 720), blank=True)
    w.doc.apply(SetText(("problem", "question"), "Why do customers wait so long?"))
    w.set_projector_mode(True)
    w.show_step(2)
    settle()
    scene = w.workspace.page(2).fishbone.view.diagram_scene
    assert " ".join(scene.box(("head", "head")).lines) == "Why do customers wait so long?"
    assert w.doc.diagram.effect == ""
    w.doc.apply(SetEffect("Customers wait 20 minutes"))
    settle()
    assert " ".join(scene.box(("head", "head")).lines) == "Customers wait 20 minutes"


def test_dark_mode_darkens_the_diagram_in_projector_mode_too(make_window):
    w = make_window(size=(1280, 720), sample="happy_burgers")
    w.set_theme("dark")
    w.show_step(2)
    settle()
    scene = w.workspace.page(2).fishbone.view.diagram_scene
    assert QColor(scene.diagram_style.background).lightness() < 128
    w.set_projector_mode(True)
    settle()
    assert QColor(scene.diagram_style.background).lightness() < 128
    assert scene.diagram_style.name.startswith("projector")
    w.set_theme("light")
    settle()
    assert QColor(scene.diagram_style.background).lightness() > 128


def test_bone_by_bone_shows_one_heading_with_all_its_causes_at_reading_size(make_window):
    w = step_two(make_window)
    editor = w.workspace.page(2).fishbone
    view, d = editor.view, editor.doc.diagram
    view.setFocus()
    editor.bone_action.trigger()
    settle()
    assert view.bone_by_bone
    floor = view.reading_floor
    seen_headings = []
    for _ in range(len(d.categories)):
        key = view.selection
        assert key is not None and key[0] == "category"
        seen_headings.append(key[1])
        assert view.zoom >= floor - 1e-6
        visible = view.mapToScene(view.viewport().rect()).boundingRect()
        bone = QRectF(qrect(view.diagram_scene.boxes[key].box))
        for c in d.causes:
            if c.category == key[1] and ("cause", c.id) in view.diagram_scene.boxes:
                box = qrect(view.diagram_scene.boxes[("cause", c.id)].box)
                bone = bone.united(box)
        heading = qrect(view.diagram_scene.boxes[key].box)
        assert visible.contains(heading), key
        too_big = (bone.width() * floor > view.viewport().width()
                   or bone.height() * floor > view.viewport().height())
        assert visible.adjusted(-2, -2, 2, 2).contains(bone) or too_big, key
        QTest.keyClick(view, Qt.Key.Key_PageDown)
        settle()
    assert sorted(seen_headings) == sorted(c.id for c in d.categories)
    QTest.keyClick(view, Qt.Key.Key_PageUp)
    settle()
    assert view.selection == ("category", seen_headings[-1])
    editor.bone_action.trigger()
    assert not view.bone_by_bone
