"""A one-row key to the cause marks, drawn with the same painter as the diagram itself."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter

from fishbone.geometry import Box
from fishbone.model import Cause
from ui.painting.paint import BADGE_RADIUS, measurer_for, paint_box
from ui.painting.style import DiagramStyle

ROLE = "subcause"
PAD = 6.0
GAP = 16.0 + BADGE_RADIUS  # room for the badge that sits on each box's corner
HIDDEN = 2
SCALE = 0.7  # the key is smaller than the diagram's own text


def legend_samples() -> list[Cause]:
    """One sample cause per mark, its text naming what the mark means."""
    return [
        Cause("possible", "", None, "Possible"),
        Cause("confirmed", "", None, "Confirmed", status="confirmed"),
        Cause("ruled_out", "", None, "Ruled out", status="ruled_out"),
        Cause("root", "", None, "Root cause", root_cause=True),
        Cause("votes", "", None, "Votes", votes=3),
        Cause("notes", "", None, "Has notes", notes="yes"),
        Cause("collapsed", "", None, "Hidden sub-causes", collapsed=True),
    ]


def legend_boxes(style: DiagramStyle) -> list[tuple[Box, Cause]]:
    """The sample boxes in a row starting at (0, 0), in layout units."""
    m = measurer_for(style)
    h = m.line_height(ROLE) + 2 * PAD
    x, row = BADGE_RADIUS, []
    for cause in legend_samples():
        w = m.width(cause.text, ROLE) + 2 * PAD
        row.append((Box(cause.id, "cause", (x, 0.0, w, h), (cause.text,), ROLE, 1), cause))
        x += w + GAP
    return row


def legend_size(style: DiagramStyle, width: float) -> tuple[float, float]:
    """The key's scale and height when drawn across ``width``."""
    x, _, w, h = legend_boxes(style)[-1][0].rect
    scale = min(SCALE, width / (x + w))
    return scale, (h + 2 * BADGE_RADIUS) * scale


def paint_legend(painter: QPainter, target: QRectF, style: DiagramStyle) -> float:
    """Draw the key inside ``target``, shrunk to its width when needed; returns the height used."""
    scale, height = legend_size(style, target.width())
    painter.save()
    painter.translate(target.left(), target.top() + BADGE_RADIUS * scale)
    painter.scale(scale, scale)
    for box, cause in legend_boxes(style):
        paint_box(painter, box, style, cause, hidden=HIDDEN)
    painter.restore()
    return height
