"""Arrow keys read the fishbone as a tree, and every move has its inverse (no Qt)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fishbone.geometry import Box, MonospaceMeasurer
from fishbone.layout import layout_diagram
from fishbone.model import Category, Cause, Diagram
from fishbone.navigation import (
    DOWN,
    HEAD,
    LEFT,
    RIGHT,
    UP,
    Key,
    child_keys,
    parent_key,
    screen_order,
    sibling_keys,
    step,
)
from tests.fishbone.test_layout_properties import small_diagrams


def _boxes(diagram: Diagram) -> dict[Key, Box]:
    layout = layout_diagram(diagram, MonospaceMeasurer())
    return {(b.kind, b.id): b for b in layout.boxes}


def _room() -> Diagram:
    d = Diagram("Customer leaves", [Category("people", "People"),
                                    Category("env", "Environment"),
                                    Category("methods", "Methods")])
    for cause in (Cause("p1", "people", None, "Works alone"),
                  Cause("p2", "people", None, "New staff"),
                  Cause("p1a", "people", "p1", "No backup"),
                  Cause("p1b", "people", "p1", "Long shift"),
                  Cause("e1", "env", None, "Noisy")):
        d.add_cause(cause)
    return d


def test_arrows_move_like_a_tree():
    d = _room()
    boxes = _boxes(d)
    first, second = screen_order([("cause", "p1"), ("cause", "p2")], boxes)
    assert step(d, boxes, first, UP) is None  # no sibling above: stays, never Environment
    assert step(d, boxes, first, DOWN) == second
    assert step(d, boxes, second, UP) == first
    assert step(d, boxes, first, LEFT) == ("category", "people")  # the heading
    assert step(d, boxes, ("category", "people"), LEFT) == HEAD
    assert step(d, boxes, HEAD, LEFT) is None
    assert step(d, boxes, HEAD, RIGHT) in {("category", c.id) for c in d.categories}
    sub = step(d, boxes, ("cause", "p1"), RIGHT)
    assert sub in {("cause", "p1a"), ("cause", "p1b")}
    assert step(d, boxes, sub, LEFT) == ("cause", "p1")
    assert step(d, boxes, ("cause", "e1"), RIGHT) is None  # no children: stays
    assert step(d, boxes, None, DOWN) == HEAD


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_diagrams(), st.data())
def test_every_move_has_its_inverse(diagram, data):
    boxes = _boxes(diagram)
    key = data.draw(st.sampled_from(sorted(boxes)))
    right = step(diagram, boxes, key, RIGHT)
    if right is not None:
        assert parent_key(diagram, right) == key
        assert step(diagram, boxes, right, LEFT) == key
    else:
        assert not [k for k in child_keys(diagram, key) if k in boxes]
    down = step(diagram, boxes, key, DOWN)
    if down is not None:
        assert down in sibling_keys(diagram, key)
        assert step(diagram, boxes, down, UP) == key
    up = step(diagram, boxes, key, UP)
    if up is not None:
        assert step(diagram, boxes, up, DOWN) == key
    left = step(diagram, boxes, key, LEFT)
    assert left == (parent_key(diagram, key) if key != HEAD else None)
    if left is not None:
        # Left then Right lands on the parent's first child, which Left brings back again
        again = step(diagram, boxes, left, RIGHT)
        assert again is not None and step(diagram, boxes, again, LEFT) == left
