"""The layout's vocabulary: the text-measuring protocol, options, and the boxes and lines out."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple, Protocol

Point = tuple[float, float]
Rect = tuple[float, float, float, float]  # x, y, width, height

# Text roles the layout asks the measurer about; the painter uses the same fonts per role.
ROLES: tuple[str, ...] = ("head", "category", "cause", "subcause")


class TextMeasurer(Protocol):
    """Measures one line of text in the font used for ``role``."""

    def width(self, text: str, role: str) -> float: ...

    def line_height(self, role: str) -> float: ...


class MonospaceMeasurer:
    """A measurer with no fonts behind it: every character is ``char_width`` times the size."""

    SIZES = {"head": 18.0, "category": 16.0, "cause": 13.0, "subcause": 12.0}

    def __init__(self, char_width: float = 0.6, line_spacing: float = 1.3) -> None:
        self.char_width = char_width
        self.line_spacing = line_spacing

    def width(self, text: str, role: str) -> float:
        return len(text) * self.SIZES[role] * self.char_width

    def line_height(self, role: str) -> float:
        return self.SIZES[role] * self.line_spacing


@dataclass(frozen=True)
class LayoutOptions:
    max_label_width: float = 180.0  # causes wrap to this width
    max_head_width: float = 260.0
    max_category_width: float = 200.0
    bone_angle: float = 70.0  # degrees between a category bone and the spine
    head_on_right: bool = True
    padding: float = 6.0  # inside each box, around the text
    gap: float = 10.0  # the least space kept between any two boxes
    margin: float = 24.0  # around the whole drawing
    head_fallback: str = ""  # shown in the head while the diagram has no effect (not stored)
    mark_reach: float = 8.0  # how far a cause's marks (badges, tags, vote dots) stick out
    min_run: float = 40.0  # the shortest horizontal bone, its label left out
    cause_min_rise: float = 30.0  # the shortest diagonal bone of a cause


# A big diagram exported as one picture: narrower labels, tighter spacing, steeper bones, to
# be drawn with small fonts and marks (the painting's DENSE style), so that a few hundred
# causes still fit in one picture at print resolution.
DENSE_OPTIONS = LayoutOptions(
    max_label_width=110.0, max_head_width=200.0, max_category_width=150.0, bone_angle=75.0,
    padding=3.0, gap=4.0, margin=16.0, mark_reach=4.0, min_run=20.0, cause_min_rise=15.0,
)


class Box(NamedTuple):
    """A text box: ``id`` is the cause or category id, or ``"head"``.

    Named tuples, not data classes: a layout makes one per cause, and a tuple is made in
    half the time (the diagram's thousand boxes and lines are made on every fresh layout).
    """

    id: str
    kind: str  # head | category | cause
    rect: Rect
    lines: tuple[str, ...]  # the wrapped text, one entry per drawn line
    role: str  # the font role its text is measured and drawn with
    depth: int = 0  # 0 for head and categories, 1 for causes on a main bone, ...


class Line(NamedTuple):
    """A polyline: the spine (``"spine"``), a category bone (category id) or a cause's bone."""

    id: str
    kind: str  # spine | bone | cause
    points: tuple[Point, ...]


@dataclass
class Layout:
    """Everything needed to draw the diagram, in one coordinate space."""

    bounds: Rect
    boxes: list[Box] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)
    # The same boxes and lines in groups, by what made them: the head and spine, then each
    # heading's bone with its causes. A caller that keeps layouts (the canvas) may take a
    # group that is the very same list object as last time as unchanged, boxes and all.
    parts: list[tuple[list[Box], list[Line]]] = field(
        default_factory=list, compare=False, repr=False)

    def box(self, box_id: str) -> Box | None:
        for b in self.boxes:
            if b.id == box_id:
                return b
        return None

    def line(self, line_id: str) -> Line | None:
        for ln in self.lines:
            if ln.id == line_id:
                return ln
        return None

    def to_json(self) -> dict[str, Any]:
        """The ``layout-json`` export shape."""
        return {
            "bounds": list(self.bounds),
            "boxes": [{"id": b.id, "kind": b.kind, "rect": list(b.rect)} for b in self.boxes],
            "lines": [
                {"id": ln.id, "kind": ln.kind, "points": [list(p) for p in ln.points]}
                for ln in self.lines
            ],
        }
