"""The layout index: which boxes and lines reach into a rectangle, in the layout's order."""

from __future__ import annotations

from fishbone.geometry import Box, Layout, Line, MonospaceMeasurer
from fishbone.layout import layout_diagram
from fishbone.layout_index import LayoutIndex, box_extent, line_extent
from fishbone.model import Category, Cause, Diagram


def _diagram(n: int) -> Diagram:
    d = Diagram("Orders arrive late", [Category(f"k{i}", f"Heading {i}") for i in range(4)])
    for i in range(n):
        parent = f"c{i // 3}" if i >= 3 and i % 2 else None
        category = d.cause(parent).category if parent else f"k{i % 4}"
        d.add_cause(Cause(f"c{i + 1}", category, parent, f"Cause number {i + 1} was slow"))
    return d


def _touch(extent, rect, reach):
    x, y, w, h = rect
    return (extent[0] <= x + w + reach and x - reach <= extent[2]
            and extent[1] <= y + h + reach and y - reach <= extent[3])


def _reach(item) -> float:
    return 30.0 if item.kind in ("head", "spine") else 10.0


def test_the_index_finds_exactly_what_reaches_into_a_rectangle():
    layout = layout_diagram(_diagram(60), MonospaceMeasurer())
    index = LayoutIndex(layout, reach=10.0, head_reach=30.0, cell=100.0)
    x, y, w, h = layout.bounds
    for rect in ((x, y, w / 3, h / 3), (x + w / 2, y + h / 4, 150.0, 90.0), (x, y, w, h),
                 (x - 500, y - 500, 10.0, 10.0)):
        assert index.boxes(rect) == [b for b in layout.boxes
                                     if _touch(box_extent(b), rect, _reach(b))]
        assert index.lines(rect) == [ln for ln in layout.lines
                                     if _touch(line_extent(ln), rect, _reach(ln))]
    assert index.boxes((x - 500, y - 500, 10.0, 10.0)) == []
    assert len(index.boxes((x, y, w / 3, h / 3))) < len(layout.boxes)


def test_an_item_across_many_cells_is_listed_once():
    long = Line("spine", "spine", ((0.0, 50.0), (1000.0, 50.0)))
    box = Box("b", "cause", (90.0, 90.0, 300.0, 40.0), ("x",), "cause", 1)
    index = LayoutIndex(Layout((0, 0, 1000, 200), [box], [long]), reach=0.0, head_reach=0.0,
                        cell=64.0)
    assert index.lines((0.0, 0.0, 1000.0, 200.0)) == [long]
    assert index.boxes((0.0, 0.0, 1000.0, 200.0)) == [box]
    assert index.boxes((0.0, 0.0, 80.0, 80.0)) == []
