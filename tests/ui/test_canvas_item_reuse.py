"""Items that leave the layout are taken out of the scene and kept: expanding again or
undoing a delete shows the very same items, and what is shown always matches the layout."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter

from fishbone.geometry import Box
from tests.ui.test_canvas_mouse import big_diagram, make_view
from ui.fishbone_editor.canvas.items import BoxItem
from ui.fishbone_editor.canvas.scene import DiagramScene
from ui.painting.paint import paint_text
from ui.painting.style import DARK, LIGHT


def shown_keys(scene: DiagramScene) -> tuple[set, set]:
    boxes = {key for key, item in scene.boxes.items() if item.isVisible()}
    lines = {key for key, item in scene.lines.items() if item.isVisible()}
    return boxes, lines


def assert_matches_layout(scene: DiagramScene) -> None:
    boxes, lines = shown_keys(scene)
    assert boxes == {(b.kind, b.id) for b in scene.layout.boxes}
    assert lines == {(ln.kind, ln.id) for ln in scene.layout.lines}
    assert all(item.scene() is None for item in scene.spare_boxes.values())
    assert all(item.scene() is None for item in scene.spare_lines.values())
    where = {(b.kind, b.id): b.rect[:2] for b in scene.layout.boxes}
    assert all((item.pos().x(), item.pos().y()) == where[key]
               for key, item in scene.boxes.items())


def parent_with_children(scene: DiagramScene) -> str:
    d = scene.diagram
    return next(c.id for c in d.causes if c.parent is None
                and len(d.children(c.category, c.id)) >= 2)


def test_collapsing_then_expanding_with_space_shows_the_same_items(qtbot):
    view = make_view(qtbot, big_diagram(120))
    scene = view.diagram_scene
    top = parent_with_children(scene)
    below = [c.id for c in scene.diagram.subtree(top) if c.id != top]
    before = {cid: scene.cause_item(cid) for cid in below}
    view.select(("cause", top))
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert scene.diagram.cause(top).collapsed
    assert all(scene.cause_item(cid) is None for cid in below)
    assert all(before[cid].scene() is None for cid in below)
    assert_matches_layout(scene)
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert not scene.diagram.cause(top).collapsed
    assert all(scene.cause_item(cid) is before[cid] and before[cid].isVisible()
               for cid in below)
    assert_matches_layout(scene)


def test_items_shown_again_keep_their_cached_picture(qtbot, monkeypatch):
    view = make_view(qtbot, big_diagram(120))
    scene = view.diagram_scene
    top = parent_with_children(scene)
    below = [c.id for c in scene.diagram.subtree(top) if c.id != top]
    view.set_overview(True)
    view.centerOn(scene.cause_item(below[0]))
    qtbot.wait(50)
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    in_sight = [cid for cid in below if shown.intersects(scene.cause_item(cid).sceneBoundingRect())]
    assert in_sight  # painted once, so Qt holds their pictures
    view.select(("cause", top))
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Space)
    qtbot.wait(50)
    painted: list[str] = []
    real = BoxItem.paint
    monkeypatch.setattr(BoxItem, "paint", lambda item, *a: painted.append(item.item_id)
                        or real(item, *a))
    qtbot.keyClick(view, Qt.Key.Key_Space)
    qtbot.wait(50)
    assert all(scene.cause_item(cid) is not None for cid in below)
    assert painted and not set(painted) & set(in_sight)  # from Qt's cache, not painted anew


def test_undoing_a_delete_brings_back_the_same_items_where_the_layout_puts_them(qtbot):
    view = make_view(qtbot, big_diagram(120))
    scene = view.diagram_scene
    top = parent_with_children(scene)
    kept = {c.id: scene.cause_item(c.id) for c in scene.diagram.subtree(top)}
    view.select(("cause", top))
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert not scene.diagram.has_cause(top)
    assert_matches_layout(scene)
    view.doc.undo_stack.undo()  # (Ctrl+Z belongs to the window, not to a bare view)
    assert scene.diagram.has_cause(top)
    assert all(scene.cause_item(cid) is item for cid, item in kept.items())
    assert_matches_layout(scene)
    view.doc.undo_stack.redo()
    assert not scene.diagram.has_cause(top)
    assert_matches_layout(scene)


def test_a_new_look_drops_the_kept_items(qtbot):
    view = make_view(qtbot, big_diagram(60))
    scene = view.diagram_scene
    top = parent_with_children(scene)
    view.select(("cause", top))
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert scene.spare_boxes
    spares = list(scene.spare_boxes.values())
    scene.set_style(DARK)  # another look (the same one again changes nothing)
    assert not scene.spare_boxes and not scene.spare_lines
    assert all(item.scene() is None for item in spares)
    assert_matches_layout(scene)


def test_a_shrinking_drawing_shrinks_the_scene_a_moment_later(qtbot):
    view = make_view(qtbot, big_diagram(60))
    scene = view.diagram_scene
    last = max((c for c in scene.diagram.causes if c.parent is None),
               key=lambda c: len(scene.diagram.subtree(c.id)))
    grown = QRectF(scene.sceneRect())
    view.select(("cause", last.id))
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert scene.sceneRect().contains(scene.drawing_rect())
    qtbot.waitUntil(lambda: scene.sceneRect() == scene.drawing_rect(), timeout=3000)
    assert grown.contains(scene.sceneRect())


class CountingPainter(QPainter):
    """Counts the text and the bars ``paint_text`` draws."""

    def __init__(self, device) -> None:  # noqa: ANN001 - any paint device
        super().__init__(device)
        self.texts = 0
        self.bars = 0

    def drawText(self, *args) -> None:  # noqa: N802 (Qt name)
        self.texts += 1
        super().drawText(*args)

    def fillRect(self, *args) -> None:  # noqa: N802 (Qt name)
        self.bars += 1
        super().fillRect(*args)


def test_a_pdf_keeps_tiny_text_as_text_for_a_reader_to_zoom_into(tmp_path):
    from PySide6.QtGui import QPdfWriter

    box = Box("c1", "cause", (0.0, 0.0, 200.0, 40.0), ("Works alone", "at night"), "cause", 1)
    writer = QPdfWriter(str(tmp_path / "tiny.pdf"))
    writer.setResolution(72)
    painter = CountingPainter(writer)
    painter.scale(0.05, 0.05)
    paint_text(painter, box, LIGHT, LIGHT.cause_text, centred=False)
    painter.end()
    assert (painter.texts, painter.bars) == (2, 0)


def test_text_too_small_to_read_is_drawn_as_bars_and_readable_text_as_text():
    box = Box("c1", "cause", (0.0, 0.0, 200.0, 40.0), ("Works alone", "at night"), "cause", 1)
    image = QImage(400, 100, QImage.Format.Format_ARGB32)
    for scale, texts, bars in ((1.0, 2, 0), (0.1, 0, 2)):
        painter = CountingPainter(image)
        painter.scale(scale, scale)
        paint_text(painter, box, LIGHT, LIGHT.cause_text, centred=False)
        painter.end()
        assert (painter.texts, painter.bars) == (texts, bars)


def test_box_bounds_are_whole_pixels_at_every_zoom_so_slid_boxes_keep_their_pictures(qtbot):
    view = make_view(qtbot, big_diagram(60))
    scene = view.diagram_scene
    zooms = set()
    for press in (Qt.Key.Key_Minus, Qt.Key.Key_Equal, Qt.Key.Key_Equal):
        view.setFocus()
        qtbot.keyClick(view, press, Qt.KeyboardModifier.ControlModifier)
        zooms.add(view.zoom)
        scale = view.zoom * view.devicePixelRatioF()
        assert scene.device_scale == scale
        for item in scene.boxes.values():
            rect = item.boundingRect()
            for size in (rect.width() * scale, rect.height() * scale):
                assert abs(size - round(size)) < 1e-6
            assert rect.contains(item.local_rect())  # still holds the whole box
    assert len(zooms) == 3


def test_the_items_kept_for_reuse_are_capped(qtbot, monkeypatch):
    import ui.fishbone_editor.canvas.item_sync as item_sync

    monkeypatch.setattr(item_sync, "SPARES_KEPT", 3)
    view = make_view(qtbot, big_diagram(60))
    scene = view.diagram_scene
    top = parent_with_children(scene)
    gone = [c.id for c in scene.diagram.subtree(top)]
    assert len(gone) > 3
    view.select(("cause", top))
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert len(scene.spare_boxes) == 3 and len(scene.spare_lines) == 3
    assert set(scene.spare_boxes) <= {("cause", cid) for cid in gone}
    view.doc.undo_stack.undo()
    assert_matches_layout(scene)  # the dropped ones are simply made again
