"""Diagram style and painter: fonts, measuring, and what the marks put on the picture."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QImage, QPainter

from fishbone.geometry import Box, Layout, Line
from fishbone.model import Category, Cause, Diagram
from ui.painting.paint import head_points_right, hidden_count, paint_box, paint_layout
from ui.painting.style import DARK, LIGHT, PROJECTOR, STYLES, QtTextMeasurer


def small_diagram() -> Diagram:
    d = Diagram("Order goes wrong", [Category("people", "People")])
    d.add_cause(Cause("c1", "people", None, "Works alone at night"))
    d.add_cause(Cause("c2", "people", "c1", "No backup"))
    d.add_cause(Cause("c3", "people", "c2", "Budget cut"))
    return d


def fake_layout() -> Layout:
    return Layout(
        (0.0, 0.0, 400.0, 200.0),
        boxes=[
            Box("head", "head", (300.0, 80.0, 90.0, 40.0), ("Order goes", "wrong"), "head"),
            Box("people", "category", (20.0, 10.0, 100.0, 30.0), ("People",), "category"),
            Box("c1", "cause", (60.0, 130.0, 180.0, 30.0), ("Works alone at night",), "cause", 1),
        ],
        lines=[
            Line("spine", "spine", ((10.0, 100.0), (300.0, 100.0))),
            Line("people", "bone", ((70.0, 40.0), (150.0, 100.0))),
        ],
    )


def render(paint, size=(420, 220)) -> QImage:
    img = QImage(size[0], size[1], QImage.Format.Format_ARGB32)
    img.fill(QColor("#00000000"))
    painter = QPainter(img)
    paint(painter)
    painter.end()
    return img


def colours_in(img: QImage, rect: tuple[int, int, int, int]) -> set[str]:
    x, y, w, h = rect
    return {img.pixelColor(i, j).name() for i in range(x, x + w) for j in range(y, y + h)}


def test_every_style_has_a_font_for_every_role(qapp):
    for style in STYLES.values():
        m = QtTextMeasurer(style)
        for role in ("head", "category", "cause", "subcause", "mark"):
            assert m.font_for(role).pixelSize() == round(style.font_spec(role).size)
    assert QtTextMeasurer(LIGHT).font_for("head").bold()
    with pytest.raises(ValueError):
        LIGHT.font_spec("footnote")


def test_measurer_widths_grow_with_text_and_size(qapp):
    m = QtTextMeasurer(LIGHT)
    assert m.width("", "cause") == 0
    assert m.width("abc", "cause") < m.width("abcdef", "cause")
    assert m.width("Equipment", "subcause") < m.width("Equipment", "head")
    assert m.line_height("head") > m.line_height("subcause") > 0
    assert m.width("abc", "cause") == m.width("abc", "cause")  # cached, stable
    assert ("abc", "cause") in m._widths
    assert QtTextMeasurer(PROJECTOR).width("abc", "cause") > m.width("abc", "cause")


def test_palettes_are_distinct_and_hex():
    assert LIGHT.background != DARK.background
    for style in STYLES.values():
        for name in ("background", "spine", "confirmed", "ruled_out", "root_cause", "selection"):
            value = getattr(style, name)
            assert QColor(value).isValid() and value.startswith("#") and len(value) == 7


def test_hidden_count_counts_all_descendants():
    d = small_diagram()
    assert hidden_count(d, "c1") == 2
    assert hidden_count(d, "c3") == 0


def test_head_side_follows_the_spine():
    layout = fake_layout()
    assert head_points_right(layout)
    flipped = Layout(layout.bounds, [Box("head", "head", (0, 80, 90, 40), ("x",), "head")],
                     [Line("spine", "spine", ((90, 100), (390, 100)))])
    assert not head_points_right(flipped)


def test_paint_layout_draws_background_bones_and_text(qapp):
    d = small_diagram()
    img = render(lambda p: paint_layout(p, fake_layout(), d, LIGHT))
    assert img.pixelColor(5, 195).name() == LIGHT.background
    assert LIGHT.spine in colours_in(img, (200, 97, 5, 6))
    assert LIGHT.category_fill in colours_in(img, (22, 12, 10, 5))
    # some dark text pixels inside the cause box
    inside = colours_in(img, (66, 136, 160, 18))
    assert len(inside) > 5


def test_no_background_when_asked(qapp):
    img = render(lambda p: paint_layout(p, fake_layout(), small_diagram(), LIGHT, background=False))
    assert img.pixelColor(5, 195).alpha() == 0


def cause_image(cause: Cause, **kwargs) -> QImage:
    box = Box(cause.id, "cause", (30.0, 30.0, 200.0, 36.0), (cause.text,), "cause", 1)
    return render(lambda p: paint_box(p, box, LIGHT, cause, **kwargs), (260, 100))


def test_status_shows_as_more_than_colour(qapp):
    possible = cause_image(Cause("c", "x", None, "Till is slow"))
    confirmed = cause_image(Cause("c", "x", None, "Till is slow", status="confirmed"))
    root = cause_image(Cause("c", "x", None, "Till is slow", root_cause=True))
    # the badge sits on the top-left corner, outside the box too
    assert LIGHT.confirmed in colours_in(confirmed, (24, 24, 5, 5))
    assert colours_in(possible, (24, 24, 5, 5)) <= {"#000000"}
    # the ROOT tag crosses the top edge with the root colour above the box
    assert LIGHT.root_cause in colours_in(root, (40, 24, 30, 4))
    assert LIGHT.root_fill in colours_in(root, (35, 50, 4, 4))


def test_votes_notes_collapsed_and_selection_add_marks(qapp):
    plain = cause_image(Cause("c", "x", None, "Till is slow"))
    voted = cause_image(Cause("c", "x", None, "Till is slow", votes=2))
    assert LIGHT.vote in colours_in(voted, (210, 62, 14, 8))
    assert LIGHT.vote not in colours_in(plain, (210, 62, 14, 8))
    noted = cause_image(Cause("c", "x", None, "Till is slow", notes="ask Jonas"))
    assert LIGHT.note in colours_in(noted, (224, 31, 5, 4))
    folded = cause_image(Cause("c", "x", None, "Till is slow", collapsed=True), hidden=3)
    assert LIGHT.collapsed in colours_in(folded, (38, 62, 10, 8))
    picked = cause_image(Cause("c", "x", None, "Till is slow"), selected=True)
    assert LIGHT.selection in colours_in(picked, (26, 40, 3, 10))
    target = cause_image(Cause("c", "x", None, "Till is slow"), drop_target=True)
    assert target.pixelColor(26, 50).alpha() > 0
