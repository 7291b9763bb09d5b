"""Layout invariants on random diagrams: no overlaps, no stray crossings, all inside the bounds.

What counts as touching (the layout module's docstring says the same): a cause's or category's
own line ends on its own box's edge, and the spine ends on the head's back edge. Every other
line keeps LINE_CLEARANCE away from every box, and any two boxes keep BOX_CLEARANCE apart, so
the status marks painted just outside cause boxes never meet either (tighter options, such as
the dense export's, keep less: ``check_layout`` scales both).
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Iterator
from itertools import pairwise

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fishbone.geometry import DENSE_OPTIONS, Box, Layout, LayoutOptions, Line, MonospaceMeasurer
from fishbone.layout import layout_diagram
from fishbone.model import Category, Cause, Diagram

BOX_CLEARANCE = 14.0  # badges and vote dots stick out ~8 units; the painter needs this much
LINE_CLEARANCE = 4.0
TOL = 1e-6
CELL = 256.0
OWN_LINE = {"head": "spine", "category": "bone", "cause": "cause"}


class UnevenMeasurer:
    """A proportional stand-in: narrow and wide letters, like a real font."""

    SIZES = {"head": 22.0, "category": 19.0, "cause": 15.0, "subcause": 13.0}

    def width(self, text: str, role: str) -> float:
        size = self.SIZES[role]
        return sum(0.3 if ch in "iltj .,'" else 0.95 if ch in "MWmw@" else 0.58
                   for ch in text) * size

    def line_height(self, role: str) -> float:
        return self.SIZES[role] * 1.25


# -- geometry helpers ---------------------------------------------------------------------------
def _cells(x0: float, y0: float, x1: float, y1: float) -> Iterator[tuple[int, int]]:
    for i in range(int(x0 // CELL), int(x1 // CELL) + 1):
        for j in range(int(y0 // CELL), int(y1 // CELL) + 1):
            yield i, j


def _grown(box: Box, by: float) -> tuple[float, float, float, float]:
    x, y, w, h = box.rect
    return x - by, y - by, x + w + by, y + h + by


def segment_hits_rect(p: tuple[float, float], q: tuple[float, float],
                      rect: tuple[float, float, float, float]) -> bool:
    """True when segment pq passes through the open rectangle (x0, y0, x1, y1)."""
    x0, y0, x1, y1 = rect
    t0, t1 = 0.0, 1.0
    dx, dy = q[0] - p[0], q[1] - p[1]
    for d, lo, hi, start in ((dx, x0, x1, p[0]), (dy, y0, y1, p[1])):
        if abs(d) < 1e-12:
            if not lo + TOL < start < hi - TOL:
                return False
            continue
        a, b = (lo - start) / d, (hi - start) / d
        if a > b:
            a, b = b, a
        t0, t1 = max(t0, a), min(t1, b)
        if t0 >= t1 - 1e-9:
            return False
    return True


def on_polyline(point: tuple[float, float], line: Line, tol: float = 1e-6) -> bool:
    px, py = point
    for (ax, ay), (bx, by) in pairwise(line.points):
        cross = (bx - ax) * (py - ay) - (by - ay) * (px - ax)
        length = max(abs(bx - ax), abs(by - ay), 1e-9)
        if abs(cross) / length <= tol * 10 and min(ax, bx) - tol <= px <= max(ax, bx) + tol \
                and min(ay, by) - tol <= py <= max(ay, by) + tol:
            return True
    return False


def on_rect_edge(point: tuple[float, float], box: Box, tol: float = 1e-6) -> bool:
    x, y, w, h = box.rect
    px, py = point
    inside = x - tol <= px <= x + w + tol and y - tol <= py <= y + h + tol
    near = min(abs(px - x), abs(px - x - w), abs(py - y), abs(py - y - h)) <= tol
    return inside and near


# -- the invariants -----------------------------------------------------------------------------
def visible_causes(diagram: Diagram) -> list[Cause]:
    shown: list[Cause] = []
    cat_ids = {c.id for c in diagram.categories}
    open_ids: set[str] = set()
    for cause in diagram.causes:  # parents come before their children in file order
        if cause.parent is None and cause.category in cat_ids or cause.parent in open_ids:
            shown.append(cause)
            if not cause.collapsed:
                open_ids.add(cause.id)
    return shown


def check_layout(layout: Layout, diagram: Diagram, options: LayoutOptions) -> None:
    """Assert every invariant the layout promises."""
    shown = visible_causes(diagram)
    kinds = defaultdict(list)
    for box in layout.boxes:
        kinds[box.kind].append(box.id)
    assert kinds["head"] == ["head"]
    assert kinds["category"] == [c.id for c in diagram.categories]
    assert sorted(kinds["cause"]) == sorted(c.id for c in shown)
    line_kinds = defaultdict(list)
    for line in layout.lines:
        line_kinds[line.kind].append(line.id)
    assert line_kinds["spine"] == ["spine"]
    assert line_kinds["bone"] == [c.id for c in diagram.categories]
    assert sorted(line_kinds["cause"]) == sorted(c.id for c in shown)

    bx, by, bw, bh = layout.bounds
    m = options.margin - TOL
    for box in layout.boxes:
        x, y, w, h = box.rect
        assert w > 0 and h > 0
        assert bx + m <= x and x + w <= bx + bw - m and by + m <= y and y + h <= by + bh - m
    for line in layout.lines:
        assert len(line.points) >= 2
        for px, py in line.points:
            assert bx + m <= px <= bx + bw - m and by + m <= py <= by + bh - m

    _check_structure(layout, diagram, shown)
    # Tighter options (a dense export's) keep boxes and lines closer: in proportion to the
    # space the layout keeps between things, which is 16 or more with the default marks.
    sep = max(options.gap + options.mark_reach, 2 * options.mark_reach)
    _check_boxes_apart(layout.boxes, min(BOX_CLEARANCE, sep - 2))
    _check_lines_clear(layout, min(LINE_CLEARANCE, sep / 4))
    _check_lines_meet_only_where_they_join(layout, diagram, shown)


def _check_structure(layout: Layout, diagram: Diagram, shown: list[Cause]) -> None:
    """Each line starts on its own box's edge and ends on its parent's line."""
    boxes = {(b.kind, b.id): b for b in layout.boxes}
    bones = {ln.id: ln for ln in layout.lines if ln.kind == "bone"}
    cause_lines = {ln.id: ln for ln in layout.lines if ln.kind == "cause"}
    spine = layout.line("spine")
    assert spine is not None and on_rect_edge(spine.points[-1], boxes["head", "head"])
    for cat in diagram.categories:
        bone = bones[cat.id]
        assert on_rect_edge(bone.points[0], boxes["category", cat.id])
        assert on_polyline(bone.points[-1], spine)
    for cause in shown:
        line = cause_lines[cause.id]
        assert on_rect_edge(line.points[0], boxes["cause", cause.id])
        parent = bones[cause.category] if cause.parent is None else cause_lines[cause.parent]
        assert on_polyline(line.points[-1], parent), (cause.id, line, parent)


def _check_boxes_apart(boxes: list[Box], clearance: float = BOX_CLEARANCE) -> None:
    grid: dict[tuple[int, int], list[int]] = defaultdict(list)
    half = clearance / 2 - TOL
    grown = [_grown(b, half) for b in boxes]
    for k, r in enumerate(grown):
        for cell in _cells(*r):
            grid[cell].append(k)
    for members in grid.values():
        for a_i, a in enumerate(members):
            ra = grown[a]
            for b in members[a_i + 1:]:
                rb = grown[b]
                apart = ra[2] <= rb[0] or rb[2] <= ra[0] or ra[3] <= rb[1] or rb[3] <= ra[1]
                assert apart, f"{boxes[a].id} and {boxes[b].id} are closer than {clearance}"


def _check_lines_clear(layout: Layout, clearance: float = LINE_CLEARANCE) -> None:
    grid: dict[tuple[int, int], list[int]] = defaultdict(list)
    grown = [_grown(b, clearance) for b in layout.boxes]
    for k, r in enumerate(grown):
        for cell in _cells(*r):
            grid[cell].append(k)
    for line in layout.lines:
        for p, q in pairwise(line.points):
            seen: set[int] = set()
            for cell in _cells(min(p[0], q[0]), min(p[1], q[1]),
                               max(p[0], q[0]), max(p[1], q[1])):
                for k in grid.get(cell, ()):
                    if k in seen:
                        continue
                    seen.add(k)
                    box = layout.boxes[k]
                    if box.id == line.id and OWN_LINE[box.kind] == line.kind:
                        continue
                    if line.kind == "spine" and box.kind == "head":
                        continue
                    assert not segment_hits_rect(p, q, grown[k]), \
                        f"line {line.kind} {line.id} crosses {box.kind} box {box.id}"


def segments_meet(p: tuple[float, float], q: tuple[float, float],
                  r: tuple[float, float], s: tuple[float, float]) -> bool:
    """True when the closed segments pq and rs share a point (touching counts)."""
    def orient(a, b, c) -> float:
        value = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])
        return 0.0 if abs(value) < 1e-7 else value

    def within(a, b, c) -> bool:
        return (min(a[0], b[0]) - 1e-7 <= c[0] <= max(a[0], b[0]) + 1e-7
                and min(a[1], b[1]) - 1e-7 <= c[1] <= max(a[1], b[1]) + 1e-7)

    d1, d2, d3, d4 = orient(r, s, p), orient(r, s, q), orient(p, q, r), orient(p, q, s)
    if d1 * d2 < 0 and d3 * d4 < 0:
        return True
    return ((d1 == 0 and within(r, s, p)) or (d2 == 0 and within(r, s, q))
            or (d3 == 0 and within(p, q, r)) or (d4 == 0 and within(p, q, s)))


def _check_lines_meet_only_where_they_join(layout: Layout, diagram: Diagram,
                                           shown: list[Cause]) -> None:
    """A line touches no other line except where a child's line ends on its parent's."""
    key = {("spine", "spine"): None}
    for cat in diagram.categories:
        key[("bone", cat.id)] = ("spine", "spine")
    for cause in shown:
        key[("cause", cause.id)] = (("bone", cause.category) if cause.parent is None
                                    else ("cause", cause.parent))
    segments = []
    grid: dict[tuple[int, int], list[int]] = defaultdict(list)
    for line in layout.lines:
        for p, q in pairwise(line.points):
            segments.append(((line.kind, line.id), p, q))
            for cell in _cells(min(p[0], q[0]), min(p[1], q[1]),
                               max(p[0], q[0]), max(p[1], q[1])):
                grid[cell].append(len(segments) - 1)
    checked: set[tuple[int, int]] = set()
    for members in grid.values():
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                (ka, p, q), (kb, r, s) = segments[a], segments[b]
                if ka == kb or key.get(ka) == kb or key.get(kb) == ka or (a, b) in checked:
                    continue
                checked.add((a, b))
                assert not segments_meet(p, q, r, s), f"lines {ka} and {kb} meet"


# -- random diagrams ----------------------------------------------------------------------------
WORDS = ("till", "screen", "order", "night", "shift", "manager", "a", "I", "kitchen", "ok",
         "Wednesday", "MMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMM", "x" * 90, "réponse", "中文字")


def random_text(rnd: random.Random) -> str:
    pick = rnd.random()
    if pick < 0.05:
        return ""
    if pick < 0.1:
        return "\n".join(rnd.choice(WORDS) for _ in range(rnd.randint(1, 6)))
    parts = []
    while sum(len(p) + 1 for p in parts) < rnd.randint(1, 200):
        parts.append(rnd.choice(WORDS) + ("\n" if rnd.random() < 0.05 else ""))
    return " ".join(parts)[:200]


def random_diagram(seed: int, n_causes: int, max_depth: int = 6, n_categories: int = 6) -> Diagram:
    rnd = random.Random(seed)
    cats = [Category(f"k{i}", random_text(rnd)) for i in range(n_categories)]
    d = Diagram(random_text(rnd), cats)
    depth: dict[str, int] = {}
    for i in range(n_causes):
        cid = f"c{i}"
        open_parents = [c for c in d.causes if depth[c.id] < max_depth]
        if open_parents and cats and rnd.random() < 0.65:
            parent = rnd.choice(open_parents)
            cause = Cause(cid, parent.category, parent.id, random_text(rnd))
            depth[cid] = depth[parent.id] + 1
        elif cats:
            cause = Cause(cid, rnd.choice(cats).id, None, random_text(rnd))
            depth[cid] = 1
        else:
            break
        cause.collapsed = rnd.random() < 0.05
        cause.status = rnd.choice(("possible", "confirmed", "ruled_out"))
        d.add_cause(cause, index=rnd.choice((None, 0)))
    return d


def random_options(rnd: random.Random) -> LayoutOptions:
    return LayoutOptions(
        max_label_width=rnd.choice((90.0, 160.0, 220.0, 320.0)),
        max_head_width=rnd.choice((120.0, 260.0)),
        max_category_width=rnd.choice((100.0, 200.0)),
        bone_angle=rnd.choice((35.0, 50.0, 60.0, 75.0, 90.0)),
        head_on_right=rnd.random() < 0.6,
        padding=rnd.choice((2.0, 6.0, 10.0)),
        gap=rnd.choice((0.0, 6.0, 10.0, 20.0)),
        margin=rnd.choice((0.0, 24.0)),
        mark_reach=rnd.choice((4.0, 8.0)),
        min_run=rnd.choice((5.0, 20.0, 40.0)),
        cause_min_rise=rnd.choice((5.0, 15.0, 30.0)),
    )


texts = st.text(alphabet=st.sampled_from("ab MW\nil.x中"), max_size=200)


@st.composite
def small_diagrams(draw: st.DrawFn) -> Diagram:
    """Hypothesis-built diagrams, so failures shrink to something readable."""
    n_cats = draw(st.integers(0, 5))
    cats = [Category(f"k{i}", draw(texts)) for i in range(n_cats)]
    d = Diagram(draw(texts), cats)
    if not cats:
        return d
    depth: dict[str, int] = {}
    for i in range(draw(st.integers(0, 40))):
        choices = [c.id for c in d.causes if depth[c.id] < 6]
        parent = draw(st.none() | st.sampled_from(choices)) if choices else None
        cat = draw(st.sampled_from([c.id for c in cats]))
        cause = Cause(f"c{i}", cat, parent, draw(texts), collapsed=draw(st.booleans()))
        depth[cause.id] = 1 if parent is None else depth[parent] + 1
        d.add_cause(cause)
    return d


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_diagrams(), st.integers(0, 2**32 - 1), st.booleans())
def test_small_random_diagrams_keep_every_invariant(diagram, seed, uneven):
    options = random_options(random.Random(seed))
    measurer = UnevenMeasurer() if uneven else MonospaceMeasurer()
    check_layout(layout_diagram(diagram, measurer, options), diagram, options)


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(50, 1000), st.integers(1, 9), st.booleans())
def test_large_random_diagrams_keep_every_invariant(seed, n_causes, n_categories, uneven):
    diagram = random_diagram(seed, n_causes, n_categories=n_categories)
    options = random_options(random.Random(seed + 1))
    measurer = UnevenMeasurer() if uneven else MonospaceMeasurer()
    check_layout(layout_diagram(diagram, measurer, options), diagram, options)


def test_a_thousand_causes_six_deep():
    diagram = random_diagram(2024, 1000, max_depth=6, n_categories=6)
    depths = {}
    for c in diagram.causes:
        depths[c.id] = 1 if c.parent is None else depths[c.parent] + 1
    assert max(depths.values()) == 6
    for options in (LayoutOptions(), LayoutOptions(head_on_right=False, bone_angle=45.0),
                    DENSE_OPTIONS):
        check_layout(layout_diagram(diagram, UnevenMeasurer(), options), diagram, options)
