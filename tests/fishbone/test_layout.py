"""The fishbone layout: wrapping, the shape of the fish, determinism, collapse, head side."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from fishbone.geometry import Layout, LayoutOptions, MonospaceMeasurer
from fishbone.layout import layout_diagram, wrap_text
from fishbone.model import Category, Cause, Diagram
from tests.fishbone.test_layout_properties import check_layout, random_diagram

SAMPLE = Path(__file__).resolve().parents[2] / "sample_cases" / "happy_burgers.case.json"
M = MonospaceMeasurer()


def chars(text: str) -> float:
    return float(len(text))


def centre(layout: Layout, box_id: str) -> tuple[float, float]:
    box = layout.box(box_id)
    assert box is not None
    x, y, w, h = box.rect
    return x + w / 2, y + h / 2


def spine_y(layout: Layout) -> float:
    spine = layout.line("spine")
    assert spine is not None
    return spine.points[0][1]


def burgers() -> Diagram:
    doc = json.loads(SAMPLE.read_text(encoding="utf-8"))["fishbone"]
    cats = [Category(c["id"], c["name"]) for c in doc["categories"]]
    causes = [Cause(c["id"], c["category"], c["parent"], c["text"], c["status"],
                    c["root_cause"], c["votes"], c["notes"]) for c in doc["causes"]]
    return Diagram(doc["effect"], cats, causes)


def small() -> Diagram:
    d = Diagram("Order goes wrong", [Category("people", "People"), Category("kit", "Kit")])
    d.add_cause(Cause("c1", "people", None, "Works alone at night"))
    d.add_cause(Cause("c2", "people", "c1", "No backup"))
    d.add_cause(Cause("c3", "people", "c2", "Budget cut"))
    d.add_cause(Cause("c4", "people", None, "Not trained"))
    d.add_cause(Cause("c5", "kit", None, "Till is slow"))
    return d


# -- wrap_text ----------------------------------------------------------------------------------
def test_wrap_breaks_at_spaces_and_keeps_every_word():
    lines = wrap_text("the till cannot amend an order once sent", 12, chars)
    assert lines == ("the till", "cannot amend", "an order", "once sent")
    assert all(len(line) <= 12 for line in lines)


def test_wrap_cuts_a_word_that_is_too_long():
    assert wrap_text("ab abcdefghij xy", 4, chars) == ("ab", "abcd", "efgh", "ij", "xy")
    assert wrap_text("abcdefghijklmnop", 5, chars) == ("abcde", "fghij", "klmno", "p")


def test_wrap_keeps_explicit_newlines_and_blank_lines():
    assert wrap_text("one\ntwo words\n\nthree", 100, chars) == ("one", "two words", "", "three")
    assert wrap_text("a\r\nb", 100, chars) == ("a", "b")


def test_wrap_of_empty_text_is_one_empty_line():
    assert wrap_text("", 50, chars) == ("",)
    assert wrap_text("   ", 50, chars) == ("",)


def test_wrap_gives_at_least_one_character_per_line_when_nothing_fits():
    assert wrap_text("abc", 0.5, chars) == ("a", "b", "c")


def test_wrap_uses_the_measure_it_is_given():
    def measure(text: str) -> float:
        return sum(3.0 if ch == "m" else 1.0 for ch in text)

    assert wrap_text("mm ii mm", 6, measure) == ("mm", "ii", "mm")
    assert wrap_text("ii ii mm", 6, measure) == ("ii ii", "mm")


# -- the shape ----------------------------------------------------------------------------------
def test_every_item_gets_a_box_and_a_line_with_the_right_roles():
    d = small()
    layout = layout_diagram(d, M)
    check_layout(layout, d, LayoutOptions())
    assert layout.box("head").role == "head" and layout.box("head").kind == "head"
    assert layout.box("people").role == "category"
    assert [layout.box(c).role for c in ("c1", "c2", "c3")] == ["cause", "subcause", "subcause"]
    assert [layout.box(c).depth for c in ("c1", "c2", "c3")] == [1, 2, 3]
    assert layout.line("people").kind == "bone" and layout.line("c2").kind == "cause"
    assert layout.box("head").lines == ("Order goes wrong",)


def test_categories_alternate_above_and_below_in_order_from_the_tail():
    d = Diagram("Effect", [Category(f"k{i}", f"Heading {i}") for i in range(5)])
    layout = layout_diagram(d, M)
    y0 = spine_y(layout)
    sides = [centre(layout, f"k{i}")[1] < y0 for i in range(5)]
    assert sides == [True, False, True, False, True]
    feet = [layout.line(f"k{i}").points[-1][0] for i in range(5)]
    assert feet == sorted(feet) and len(set(feet)) == 5
    assert centre(layout, "head")[0] > max(feet)


def test_causes_at_odd_depths_are_horizontal_and_even_depths_diagonal():
    layout = layout_diagram(small(), M)
    for cause_id in ("c1", "c3", "c4"):
        (ax, ay), (bx, by) = layout.line(cause_id).points
        assert ay == pytest.approx(by) and ax < bx
    (ax, ay), (bx, by) = layout.line("c2").points
    assert ax < bx and ay != pytest.approx(by)
    (ax, ay), (bx, by) = layout.line("people").points
    assert ax < bx and ay < by  # rises from the spine towards the tail


def test_labels_wrap_to_their_maximum_widths():
    long = "word " * 40
    d = Diagram(long, [Category("k", long)])
    d.add_cause(Cause("c1", "k", None, long))
    d.add_cause(Cause("c2", "k", "c1", long))
    options = LayoutOptions(max_label_width=150, max_head_width=200, max_category_width=120)
    layout = layout_diagram(d, M, options)
    assert layout.box("head").rect[2] <= 200
    assert layout.box("k").rect[2] <= 120
    assert layout.box("c1").rect[2] <= 150 and layout.box("c2").rect[2] <= 150
    assert len(layout.box("c1").lines) > 3
    check_layout(layout, d, options)


def test_empty_diagram_has_a_head_and_a_spine():
    d = Diagram("", [])
    layout = layout_diagram(d, M)
    check_layout(layout, d, LayoutOptions())
    assert [b.kind for b in layout.boxes] == ["head"]
    assert [ln.kind for ln in layout.lines] == ["spine"]
    assert layout.bounds[2] > 0 and layout.bounds[3] > 0


def test_empty_categories_still_get_a_bone_and_heading():
    d = Diagram("Effect")
    layout = layout_diagram(d, M)
    check_layout(layout, d, LayoutOptions())
    assert len([b for b in layout.boxes if b.kind == "category"]) == 5
    assert all(layout.line(c.id) is not None for c in d.categories)


def test_bounds_start_at_zero_and_keep_the_margin():
    layout = layout_diagram(burgers(), M, LayoutOptions(margin=30))
    x, y, w, h = layout.bounds
    assert (x, y) == (0.0, 0.0)
    assert min(b.rect[0] for b in layout.boxes) >= 30 - 1e-9
    assert min(b.rect[1] for b in layout.boxes) >= 30 - 1e-9


# -- stable and predictable ---------------------------------------------------------------------
def test_the_same_input_gives_the_same_geometry():
    d = random_diagram(7, 150)
    assert layout_diagram(d, M) == layout_diagram(d, M)
    assert layout_diagram(d, M).to_json() == layout_diagram(random_diagram(7, 150), M).to_json()


def test_happy_burgers_keeps_every_invariant_with_both_head_sides():
    d = burgers()
    for right in (True, False):
        options = LayoutOptions(head_on_right=right)
        check_layout(layout_diagram(d, M, options), d, options)


def test_head_on_the_left_mirrors_the_drawing():
    d = burgers()
    right = layout_diagram(d, M)
    left = layout_diagram(d, M, LayoutOptions(head_on_right=False))
    assert right.bounds == pytest.approx(left.bounds)
    width = right.bounds[2]
    assert centre(right, "head")[0] > width / 2 > centre(left, "head")[0]
    for box in right.boxes:
        x, y, w, h = box.rect
        mirrored = left.box(box.id).rect
        assert mirrored == pytest.approx((width - x - w, y, w, h))
        assert left.box(box.id).lines == box.lines


def test_collapsed_causes_hide_their_subtree_and_take_no_space():
    d = small()
    d.set_cause("c1", "collapsed", True)
    folded = layout_diagram(d, M)
    assert folded.box("c1") is not None
    assert folded.box("c2") is None and folded.box("c3") is None
    assert folded.line("c2") is None
    pruned = small()
    pruned.remove_cause("c2")
    plain = layout_diagram(pruned, M)
    assert folded == plain
    check_layout(folded, d, LayoutOptions())


def order_along_bones(layout: Layout, d: Diagram) -> dict[str, list[str]]:
    """For each bone, the ids of what hangs off it, nearest its own attach point first."""
    result: dict[str, list[str]] = {}
    parents = [(c.id, c.id, None) for c in d.categories]
    parents += [(c.id, c.category, c.id) for c in d.causes if layout.box(c.id) is not None]
    for line_id, category_id, parent_id in parents:
        kids = [k.id for k in d.children(category_id, parent_id) if layout.line(k.id)]
        if not kids:
            continue
        ax, ay = layout.line(line_id).points[-1]
        feet = {k: layout.line(k).points[-1] for k in kids}
        result[line_id] = sorted(kids, key=lambda k: math.dist(feet[k], (ax, ay)))
    return result


def test_siblings_run_outwards_from_their_parent_line_in_order():
    d = burgers()
    layout = layout_diagram(d, M)
    for line_id, kids in order_along_bones(layout, d).items():
        parent = None if d.has_category(line_id) else line_id
        category = line_id if parent is None else d.cause(line_id).category
        assert kids == [k.id for k in d.children(category, parent)]


def test_adding_a_cause_keeps_the_order_of_the_others():
    d = burgers()
    old = order_along_bones(layout_diagram(d, M), d)
    d.add_cause(Cause("new1", "systems", None, "A brand new cause with quite a long text"), 1)
    d.add_cause(Cause("new2", "equipment", "c4", "Another"), 0)
    after = layout_diagram(d, M)
    check_layout(after, d, LayoutOptions())
    new = order_along_bones(after, d)
    for key, kids in old.items():
        assert [k for k in new[key] if not k.startswith("new")] == kids
    feet = [after.line(c.id).points[-1][0] for c in d.categories]
    assert feet == sorted(feet)


def test_a_cause_added_at_the_end_leaves_its_bone_as_it_was():
    d = burgers()
    before = layout_diagram(d, M)
    d.add_cause(Cause("new", "equipment", None, "Fryer alarm too quiet to hear"))
    after = layout_diagram(d, M)

    def relative(layout: Layout, box_id: str) -> tuple[float, ...]:
        fx, fy = layout.line("equipment").points[-1]
        x, y, w, h = layout.box(box_id).rect
        return (x - fx, y - fy, w, h)

    for cause in d.subtree("c1") + d.subtree("c3") + d.subtree("c4"):
        assert relative(after, cause.id) == pytest.approx(relative(before, cause.id))


# -- odd input and cost -------------------------------------------------------------------------
class CountingMeasurer(MonospaceMeasurer):
    def __init__(self) -> None:
        super().__init__()
        self.asked: list[tuple[str, str]] = []

    def width(self, text: str, role: str) -> float:
        self.asked.append((text, role))
        return super().width(text, role)


def test_each_text_is_measured_once_per_role():
    d = Diagram("E", [Category("k", "K")])
    for i in range(30):
        d.add_cause(Cause(f"c{i}", "k", None, "the same words again and again"))
    m = CountingMeasurer()
    layout_diagram(d, m)
    assert len(m.asked) == len(set(m.asked))


def test_causes_that_hang_from_nothing_are_left_out_without_fuss():
    d = Diagram("E", [Category("k", "K")])
    d.causes = [Cause("c1", "k", None, "Shown"), Cause("c2", "gone", None, "No such heading"),
                Cause("c3", "k", "nobody", "No such parent"), Cause("c4", "k", "c1", "Shown too")]
    layout = layout_diagram(d, M)
    assert sorted(b.id for b in layout.boxes if b.kind == "cause") == ["c1", "c4"]


def test_a_very_deep_chain_needs_no_recursion():
    d = Diagram("E", [Category("k", "K")])
    d.causes = [Cause(f"c{i}", "k", f"c{i - 1}" if i else None, f"Level {i}") for i in range(1500)]
    layout = layout_diagram(d, M)
    assert len([b for b in layout.boxes if b.kind == "cause"]) == 1500
    assert layout.box("c1499").role == "subcause" and layout.box("c1499").depth == 1500


def test_layout_leaves_the_diagram_alone():
    d = burgers()
    before = [(c.id, c.parent, c.text, c.collapsed) for c in d.causes]
    layout_diagram(d, M, LayoutOptions(head_on_right=False))
    assert [(c.id, c.parent, c.text, c.collapsed) for c in d.causes] == before


def test_layout_leaves_the_cycle_collector_as_it_found_it():
    import gc

    from fishbone.geometry import MonospaceMeasurer
    from fishbone.layout import layout_diagram
    from fishbone.model import Category, Diagram

    diagram = Diagram("Late orders", [Category("people", "People")])
    assert gc.isenabled()
    layout_diagram(diagram, MonospaceMeasurer())
    assert gc.isenabled()
    gc.disable()
    try:
        layout_diagram(diagram, MonospaceMeasurer())
        assert not gc.isenabled()  # a caller that turned it off keeps it off
    finally:
        gc.enable()
