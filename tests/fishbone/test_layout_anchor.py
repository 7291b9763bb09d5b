"""An anchored layout (the canvas's) keeps the spine on y = 0 and the first bone's foot at
x = 0, so an edit on one heading's bone leaves every other bone where it was, or moves it
whole along the spine when the packing must make room; the cache hands back their boxes."""

from __future__ import annotations

import pytest

from fishbone.geometry import Box, Layout, LayoutOptions, MonospaceMeasurer
from fishbone.layout import LayoutCache, layout_diagram
from fishbone.model import Category, Cause, Diagram

HEADINGS = ("people", "methods", "machines", "materials")


def diagram() -> Diagram:
    d = Diagram("Orders reach the kitchen late", [Category(k, k.title()) for k in HEADINGS])
    for k in HEADINGS:
        for i in range(6):
            d.add_cause(Cause(f"{k}{i}", k, None, f"{k} cause {i} in a few plain words"))
            d.add_cause(Cause(f"{k}{i}s", k, f"{k}{i}", f"why {k} {i} happens"))
    return d


def heading_of(d: Diagram, box: Box) -> str:
    if box.kind == "cause":
        return d.path(box.id)[0].category
    return box.id  # a heading, or the head


def by_heading(d: Diagram, layout: Layout) -> dict[str, list[Box]]:
    found: dict[str, list[Box]] = {}
    for box in layout.boxes:
        found.setdefault(heading_of(d, box), []).append(box)
    return found


@pytest.mark.parametrize("options", [LayoutOptions(), LayoutOptions(head_on_right=False)])
def test_an_anchored_layout_is_the_same_drawing_moved_to_the_spine(options):
    d = diagram()
    plain = layout_diagram(d, MonospaceMeasurer(), options)
    anchored = layout_diagram(d, MonospaceMeasurer(), options, anchored=True)
    x0, y0, w, h = anchored.bounds
    assert (w, h) == pytest.approx(plain.bounds[2:])
    assert plain.bounds[:2] == (0.0, 0.0)
    for a, b in zip(anchored.boxes, plain.boxes, strict=True):
        assert (a.id, a.lines) == (b.id, b.lines)
        assert (a.rect[0] - x0, a.rect[1] - y0) == pytest.approx(b.rect[:2])
    spine = anchored.line("spine")
    assert spine is not None and {p[1] for p in spine.points} == {0.0}
    first_bone = anchored.line(HEADINGS[0])
    assert first_bone is not None and first_bone.points[-1] == (0.0, 0.0)
    every_x = [b.rect[0] for b in anchored.boxes] + [b.rect[0] + b.rect[2] for b in anchored.boxes]
    every_y = [b.rect[1] for b in anchored.boxes] + [b.rect[1] + b.rect[3] for b in anchored.boxes]
    assert x0 < min(every_x) and max(every_x) < x0 + w
    assert y0 < min(every_y) and max(every_y) < y0 + h


def test_a_rename_on_the_people_bone_leaves_every_other_bone_and_its_boxes_alone():
    d = diagram()
    cache = LayoutCache(MonospaceMeasurer())
    first = layout_diagram(d, cache, anchored=True)
    bones = dict(cache.bones)
    d.set_cause("people3", "text", "people cause 3 in a few plain wordz")  # same size
    again = layout_diagram(d, cache, anchored=True)
    assert again == layout_diagram(d, MonospaceMeasurer(), anchored=True)
    reused = {key[0].id for key, bone in cache.bones.items() if bones.get(key) is bone}
    assert reused == set(HEADINGS) - {"people"}  # a cache hit for every untouched bone
    before, after = by_heading(d, first), by_heading(d, again)
    for heading in HEADINGS[1:]:
        assert all(a is b for a, b in zip(after[heading], before[heading], strict=True))
    assert after["head"] == before["head"]
    moved = [b.id for a, b in zip(before["people"], after["people"], strict=True)
             if a.rect != b.rect]
    assert moved == []  # the same size moves nothing, not even on its own bone


@pytest.mark.parametrize("where", HEADINGS)
def test_a_bone_that_grows_at_its_top_moves_other_bones_only_whole_along_the_spine(where):
    d = diagram()
    cache = LayoutCache(MonospaceMeasurer())
    first = layout_diagram(d, cache, anchored=True)
    for i in range(8):  # outward siblings: the bone grows at its outer (top) end
        d.add_cause(Cause(f"new{i}", where, None, "a much longer new cause " * 3))
    again = layout_diagram(d, cache, anchored=True)
    assert again == layout_diagram(d, MonospaceMeasurer(), anchored=True)
    before, after = by_heading(d, first), by_heading(d, again)
    index = HEADINGS.index(where)
    for k, heading in enumerate(HEADINGS):
        if heading == where:
            continue
        shifts = {(b.rect[0] - a.rect[0], b.rect[1] - a.rect[1], b.rect[2:] == a.rect[2:])
                  for a, b in zip(before[heading], after[heading], strict=True)}
        assert len(shifts) == 1  # rigid: every box of the bone moved alike...
        ((dx, dy, same_size),) = shifts
        assert dy == 0.0 and same_size  # ...along the spine only
        if k < index:  # bones nearer the tail do not move at all: the very same boxes
            assert dx == 0.0
            assert all(a is b for a, b in zip(before[heading], after[heading], strict=True))
    old_spine, new_spine = first.line("spine"), again.line("spine")
    assert old_spine is not None and new_spine is not None
    assert old_spine.points[0] == new_spine.points[0] or index == 0  # the tail stays put
