"""What the view keeps in sight: the zoom at which text is readable, and the selection's area.

When the whole diagram does not fit at a readable size, the view follows the selection and
shows as much of its neighbourhood (parent, neighbouring siblings, sub-causes) as fits.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QRectF

from fishbone.geometry import Box
from fishbone.model import Diagram
from ui.fishbone_editor.canvas import navigation as nav
from ui.fishbone_editor.canvas.items import MARK_MARGIN
from ui.painting.paint import qrect
from ui.painting.style import DiagramStyle

Key = tuple[str, str]

LOGICAL_DPI = 96.0  # Qt's logical pixels per inch: 1 pt = 96 / 72 px on the screen
LABEL_ROLES = ("head", "category", "cause", "subcause")


def points_to_pixels(points: float) -> float:
    return points * LOGICAL_DPI / 72.0


def smallest_label_size(style: DiagramStyle) -> float:
    """The pixel size of the smallest text in any box (the marks' tags are not counted)."""
    return min(max(1.0, float(round(style.font_spec(r).size))) for r in LABEL_ROLES)


def readable_zoom(style: DiagramStyle, points: float) -> float:
    """The least zoom at which every box's text shows at ``points`` or more (0: no floor)."""
    if points <= 0:
        return 0.0
    return points_to_pixels(points) / smallest_label_size(style)


def _grown(box: Box) -> QRectF:
    m = MARK_MARGIN
    return qrect(box).adjusted(-m, -m, m, m)


def focus_rects(diagram: Diagram, boxes: Mapping[Key, Box], key: Key) -> list[QRectF]:
    """Scene areas around ``key``, from the most to the least context: the box with its
    parent, neighbouring siblings and sub-causes; fewer of them; the box alone (last).

    The view shows the first one that fits, so moving along siblings keeps the next ones in
    sight, and a heading is shown with the start of its bone.
    """
    own = _grown(boxes[key])

    def union(keys: list[Key]) -> QRectF:
        rect = QRectF(own)
        for k in keys:
            if k in boxes:
                rect = rect.united(_grown(boxes[k]))
        return rect

    parent = nav.parent_key(diagram, key)
    parents = [parent] if parent is not None else []
    order = nav.screen_order(nav.sibling_keys(diagram, key), boxes)
    siblings: list[Key] = []
    if key in order:
        i = order.index(key)
        siblings = [order[j] for j in (i - 1, i + 1) if 0 <= j < len(order)]
    children = nav.child_keys(diagram, key) if key[0] != "head" else []
    first_children = children[:3]
    return [
        union(parents + siblings + children),
        union(siblings + first_children + parents),
        union(siblings + first_children),
        union(siblings),
        union(first_children),
        union(parents),
        own,
    ]
