"""Paints a fishbone Layout with QPainter: lines, head, category and cause boxes, status marks.

Shared by the interactive canvas and every export, so the screen and the files look the same.
All user text goes through ``QPainter.drawText`` one line at a time: plain text, never HTML.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable
from functools import lru_cache
from typing import NamedTuple

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QPaintEngine,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
    QTransform,
)

from fishbone.geometry import Box, Layout, Line
from fishbone.layout_text import CachedMeasurer
from fishbone.model import Cause, Diagram
from ui.painting.style import DiagramStyle, QtTextMeasurer

MAX_VOTE_DOTS = 5
BADGE_RADIUS = 7.5


@lru_cache(maxsize=8)
def measurer_for(style: DiagramStyle) -> QtTextMeasurer:
    """One cached measurer per style (fonts and metrics are costly to build)."""
    return QtTextMeasurer(style)


@lru_cache(maxsize=8)
def layout_measurer_for(style: DiagramStyle) -> CachedMeasurer:
    """The measurer to lay out with in ``style``: it remembers wrapped labels and unchanged
    subtrees from one layout to the next, so a relayout after an edit redoes little."""
    from fishbone.layout import LayoutCache  # the layout is imported when first used

    return LayoutCache(measurer_for(style))


def qrect(box: Box) -> QRectF:
    x, y, w, h = box.rect
    return QRectF(x, y, w, h)


def hidden_count(diagram: Diagram, cause_id: str) -> int:
    """How many descendants a collapsed cause hides."""
    return len(diagram.subtree(cause_id)) - 1


def hidden_counts(diagram: Diagram) -> dict[str, int]:
    """``hidden_count`` of every cause at once, in one pass over the diagram (asking each
    collapsed cause in turn walks the whole diagram once per cause)."""
    kids: dict[str, list[str]] = {}
    for cause in diagram.causes:
        if cause.parent is not None:
            kids.setdefault(cause.parent, []).append(cause.id)
    counts: dict[str, int] = {}
    for cause in diagram.causes:
        stack = [(cause.id, False)]
        while stack:  # after its children, each cause adds them and what they hold
            node, children_done = stack.pop()
            if children_done:
                counts[node] = sum(1 + counts[k] for k in kids.get(node, ()))
            elif node not in counts:
                counts[node] = 0  # (a cause met again while it is being counted adds nothing)
                stack.append((node, True))
                stack.extend((k, False) for k in kids.get(node, ()) if k not in counts)
    return counts


def head_points_right(layout: Layout) -> bool:
    """True when the head sits at the right end of the spine."""
    head, spine = layout.box("head"), layout.line("spine")
    if head is None or spine is None or not spine.points:
        return True
    xs = [p[0] for p in spine.points]
    return head.rect[0] + head.rect[2] / 2 >= (min(xs) + max(xs)) / 2


@lru_cache(maxsize=256)
def _colour(name: str) -> QColor:
    """A colour by its "#rrggbb" name, parsed once (painting asks for the same few often)."""
    return QColor(name)


@lru_cache(maxsize=32)
def _faint(name: str) -> QColor:
    """The colour, half see-through: the bar that stands for a line of text too small to read."""
    colour = QColor(name)
    colour.setAlpha(120)
    return colour


@lru_cache(maxsize=256)
def _pen(colour: str, width: float, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    """A round-capped pen, made once per colour, width and style; callers never change it."""
    pen = QPen(_colour(colour), width, style)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


# -- lines -----------------------------------------------------------------------------------
def line_pen(line: Line, style: DiagramStyle, cause: Cause | None = None,
             depth: int = 1) -> QPen:
    """The pen of a line: the thick spine, a category bone or a cause's thin bone, coloured
    by the cause's status (shared, never changed by callers)."""
    if line.kind == "spine":
        return _pen(style.spine, style.spine_width)
    if line.kind == "bone":
        return _pen(style.bone, style.bone_width)
    width = style.cause_line_width if depth <= 1 else style.subcause_line_width
    if cause is not None and cause.root_cause:
        return _pen(style.root_cause, width + 1.0)
    if cause is not None and cause.status == "ruled_out":
        return _pen(style.ruled_out, width, Qt.PenStyle.DashLine)
    return _pen(style.cause_line, width)


def line_polygon(line: Line) -> QPolygonF:
    return QPolygonF([QPointF(x, y) for x, y in line.points])


def paint_line(
    painter: QPainter,
    line: Line,
    style: DiagramStyle,
    cause: Cause | None = None,
    depth: int = 1,
) -> None:
    """Draw one polyline with its ``line_pen``."""
    if len(line.points) < 2:
        return
    painter.setPen(line_pen(line, style, cause, depth))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPolyline(line_polygon(line))


def tail_path(layout: Layout, style: DiagramStyle) -> QPainterPath | None:
    """A small forked tail at the end of the spine away from the head (None: no spine)."""
    spine = layout.line("spine")
    if spine is None or len(spine.points) < 2:
        return None
    right = head_points_right(layout)
    end = min(spine.points, key=lambda p: p[0]) if right else max(spine.points, key=lambda p: p[0])
    x, y = end
    size = style.spine_width * 2.6
    back = -1.0 if right else 1.0
    path = QPainterPath(QPointF(x, y))
    path.lineTo(x + back * size, y - size)
    path.lineTo(x + back * size * 0.55, y)
    path.lineTo(x + back * size, y + size)
    path.closeSubpath()
    return path


def tail_pen(style: DiagramStyle) -> QPen:
    return _pen(style.spine, 1.0)


def tail_brush(style: DiagramStyle) -> QColor:
    return _colour(style.spine)


def paint_tail(painter: QPainter, layout: Layout, style: DiagramStyle) -> None:
    """Draw the spine's ``tail_path``."""
    path = tail_path(layout, style)
    if path is None:
        return
    painter.setPen(tail_pen(style))
    painter.setBrush(tail_brush(style))
    painter.drawPath(path)


# Below this height on a screen or picture a line of text is drawn as a bar: the overview of a
# big diagram shows where its words are, and drawing glyphs a pixel high would cost the most.
GREEK_PX = 3.0


_VECTOR_ENGINES = (QPaintEngine.Type.Pdf, QPaintEngine.Type.SVG, QPaintEngine.Type.Picture)


def _zoomable(painter: QPainter) -> bool:
    """A PDF or SVG: a reader zooms in, so text however small stays text."""
    engine = painter.paintEngine()
    return engine is not None and engine.type() in _VECTOR_ENGINES


# -- text ------------------------------------------------------------------------------------
def paint_text(
    painter: QPainter,
    box: Box,
    style: DiagramStyle,
    colour: str,
    centred: bool,
    strike: bool = False,
) -> None:
    """Draw ``box.lines`` inside the box, each line with its own drawText call."""
    m = measurer_for(style)
    role = box.role
    x, y, w, h = box.rect
    lh = m.line_height(role)
    top = y + max(0.0, (h - max(1, len(box.lines)) * lh) / 2)
    widths = [m.width(text, role) for text in box.lines]
    left = x + max(0.0, (w - max(widths, default=0.0)) / 2)
    t = painter.worldTransform()
    if lh * math.hypot(t.m12(), t.m22()) < GREEK_PX and not _zoomable(painter):
        bar = _faint(colour)
        for i, tw in enumerate(widths):
            tx = x + (w - tw) / 2 if centred else left
            painter.fillRect(QRectF(tx, top + i * lh + lh * 0.3, tw, lh * 0.4), bar)
        return
    painter.setFont(_text_font(style, role, strike))
    painter.setPen(_colour(colour))
    ascent, descent = m.ascent(role), m.descent(role)
    for i, (text, tw) in enumerate(zip(box.lines, widths, strict=True)):
        baseline = top + i * lh + (lh - ascent - descent) / 2 + ascent
        tx = x + (w - tw) / 2 if centred else left
        painter.drawText(QPointF(tx, baseline), text)


@lru_cache(maxsize=64)
def _text_font(style: DiagramStyle, role: str, strike: bool) -> QFont:
    """The font of ``role``, struck through or not, made once; callers never change it."""
    font = measurer_for(style).font_for(role)
    font.setStrikeOut(strike)
    return font


# -- boxes -----------------------------------------------------------------------------------
def head_path(rect: QRectF, right: bool) -> QPainterPath:
    """A fish head: flat back against the spine, a rounded snout bulging past the text box."""
    bulge = min(rect.height() * 0.38, 34.0)
    r = min(8.0, rect.height() / 4)
    back, front, top, bottom = rect.left(), rect.right(), rect.top(), rect.bottom()
    path = QPainterPath(QPointF(back + r, top))
    path.lineTo(front, top)
    path.cubicTo(front + bulge, top, front + bulge, bottom, front, bottom)
    path.lineTo(back + r, bottom)
    path.quadTo(back, bottom, back, bottom - r)
    path.lineTo(back, top + r)
    path.quadTo(back, top, back + r, top)
    path.closeSubpath()
    if right:
        return path
    cx = rect.center().x()  # mirror so the snout points left
    return QTransform(-1, 0, 0, 1, 2 * cx, 0).map(path)


def head_bulge(box: Box) -> float:
    """How far the head's snout reaches beyond its box (exports add this to the margin)."""
    return min(box.rect[3] * 0.38, 34.0)


def paint_head(painter: QPainter, box: Box, style: DiagramStyle, right: bool = True) -> None:
    rect = qrect(box)
    painter.setPen(_pen(style.head_fill, 1.0))
    painter.setBrush(_colour(style.head_fill))
    painter.drawPath(head_path(rect, right))
    paint_text(painter, box, style, style.head_text, centred=True)


def paint_category(painter: QPainter, box: Box, style: DiagramStyle) -> None:
    painter.setPen(_pen(style.category_fill, 1.0))
    painter.setBrush(_colour(style.category_fill))
    painter.drawRoundedRect(qrect(box), 7.0, 7.0)
    paint_text(painter, box, style, style.category_text, centred=True)


def _cause_frame(cause: Cause | None, style: DiagramStyle) -> tuple[QPen, str]:
    if cause is not None and cause.root_cause:
        return _pen(style.root_cause, style.root_outline_width), style.root_fill
    if cause is not None and cause.status == "confirmed":
        return _pen(style.confirmed, style.strong_outline_width), style.cause_fill
    if cause is not None and cause.status == "ruled_out":
        return _pen(style.ruled_out, style.outline_width, Qt.PenStyle.DashLine), style.cause_fill
    return _pen(style.possible, style.outline_width), style.cause_fill


def paint_cause(
    painter: QPainter,
    box: Box,
    style: DiagramStyle,
    cause: Cause | None,
    hidden: int = 0,
    votes: bool = True,
) -> None:
    """A cause: a light box whose outline, marks and text show its status (and its votes,
    unless ``votes`` is False: the room's dots before their reveal)."""
    rect = qrect(box)
    pen, fill = _cause_frame(cause, style)
    painter.setPen(pen)
    painter.setBrush(_colour(fill))
    painter.drawRoundedRect(rect, 5.0, 5.0)
    ruled_out = cause is not None and cause.status == "ruled_out"
    paint_text(
        painter, box, style, style.ruled_out if ruled_out else style.cause_text,
        centred=False, strike=ruled_out,
    )
    if cause is None:
        return
    if cause.notes.strip():
        _paint_note_fold(painter, rect, style)
    if cause.status in ("confirmed", "ruled_out"):
        _paint_badge(painter, rect, style, cause.status)
    if cause.root_cause:
        offset = (BADGE_RADIUS * style.mark_size + 3 if cause.status != "possible"
                  else 6.0 * style.mark_size)
        _paint_root_tag(painter, rect, style, offset)
    if votes and cause.votes > 0:
        _paint_votes(painter, rect, style, cause.votes)
    if cause.collapsed and hidden > 0:
        _paint_pill(painter, QPointF(rect.left() + 6, rect.bottom()), f"+{hidden}",
                    style.collapsed, style)


def paint_box(
    painter: QPainter,
    box: Box,
    style: DiagramStyle,
    cause: Cause | None = None,
    selected: bool = False,
    drop_target: bool = False,
    hidden: int = 0,
    head_right: bool = True,
    votes: bool = True,
) -> None:
    """Draw any box by its kind, with the selection and drop-target highlights on top (a
    cause's vote marks only with ``votes``)."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    if drop_target:
        _paint_highlight(painter, box, style.drop_target, 6.0, fill=True)
    if box.kind == "head":
        paint_head(painter, box, style, head_right)
    elif box.kind == "category":
        paint_category(painter, box, style)
    else:
        paint_cause(painter, box, style, cause, hidden, votes)
    if selected:
        _paint_highlight(painter, box, style.selection, 4.0, fill=False)
    painter.restore()


class PaintContext(NamedTuple):
    """What painting any part of a diagram needs to know about the whole of it."""

    causes: dict[str, Cause]
    hidden: dict[str, int]  # how many causes each collapsed cause hides
    depths: dict[str, int]
    head_right: bool


def paint_context(layout: Layout, diagram: Diagram) -> PaintContext:
    causes = {c.id: c for c in diagram.causes}
    hidden = hidden_counts(diagram) if any(c.collapsed for c in diagram.causes) else {}
    return PaintContext(causes, hidden, {b.id: b.depth for b in layout.boxes},
                        head_points_right(layout))


def paint_items(
    painter: QPainter,
    layout: Layout,
    boxes: Iterable[Box],
    lines: Iterable[Line],
    context: PaintContext,
    style: DiagramStyle,
    selected: Collection[str] = (),
) -> None:
    """Paint some of ``layout``'s lines, then some of its boxes (a poster page paints only
    those on its tile)."""
    causes, hidden, depths = context.causes, context.hidden, context.depths
    for line in lines:
        if line.kind == "spine":
            paint_tail(painter, layout, style)
        cause = causes.get(line.id) if line.kind == "cause" else None
        paint_line(painter, line, style, cause, depths.get(line.id, 1))
    for box in boxes:
        cause = causes.get(box.id) if box.kind == "cause" else None
        paint_box(painter, box, style, cause, selected=box.id in selected,
                  hidden=hidden.get(box.id, 0) if cause is not None and cause.collapsed else 0,
                  head_right=context.head_right)


def paint_layout(
    painter: QPainter,
    layout: Layout,
    diagram: Diagram,
    style: DiagramStyle,
    background: bool = True,
    selected: Collection[str] = (),
) -> None:
    """Paint the whole diagram: background, every line, then every box."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    if background:
        x, y, w, h = layout.bounds
        pad = max((head_bulge(b) for b in layout.boxes if b.kind == "head"), default=0.0)
        painter.fillRect(QRectF(x - pad, y - pad, w + 2 * pad, h + 2 * pad),
                         QColor(style.background))
    paint_items(painter, layout, layout.boxes, layout.lines, paint_context(layout, diagram),
                style, selected)
    painter.restore()


# -- marks -----------------------------------------------------------------------------------
def _paint_highlight(painter: QPainter, box: Box, colour: str, grow: float, fill: bool) -> None:
    rect = qrect(box).adjusted(-grow, -grow, grow, grow)
    if fill:
        tint = QColor(colour)
        tint.setAlphaF(0.22)
        painter.setBrush(tint)
        painter.setPen(_pen(colour, 2.5, Qt.PenStyle.DashLine))
    else:
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(_pen(colour, 3.0))
    painter.drawRoundedRect(rect, 8.0, 8.0)


def _paint_badge(painter: QPainter, rect: QRectF, style: DiagramStyle, status: str) -> None:
    """A round badge on the top-left corner: a tick when confirmed, a cross when ruled out."""
    c = rect.topLeft()
    size = style.mark_size
    r = BADGE_RADIUS * size
    colour = style.confirmed if status == "confirmed" else style.ruled_out
    painter.setPen(_pen(style.background, 1.5 * size))
    painter.setBrush(_colour(colour))
    painter.drawEllipse(c, r, r)
    painter.setPen(_pen(style.mark_text, 2.0 * size))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    path = QPainterPath()
    if status == "confirmed":
        path.moveTo(c.x() - r * 0.45, c.y() + r * 0.02)
        path.lineTo(c.x() - r * 0.1, c.y() + r * 0.38)
        path.lineTo(c.x() + r * 0.48, c.y() - r * 0.35)
    else:
        k = r * 0.38
        path.moveTo(c.x() - k, c.y() - k)
        path.lineTo(c.x() + k, c.y() + k)
        path.moveTo(c.x() - k, c.y() + k)
        path.lineTo(c.x() + k, c.y() - k)
    painter.drawPath(path)


def star_path(cx: float, cy: float, outer: float) -> QPainterPath:
    """A five-pointed star centred on (cx, cy)."""
    inner = outer * 0.45
    points = []
    for i in range(10):
        radius = outer if i % 2 == 0 else inner
        angle = -math.pi / 2 + i * math.pi / 5
        points.append(QPointF(cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    path = QPainterPath()
    path.addPolygon(QPolygonF(points))
    path.closeSubpath()
    return path


def _paint_root_tag(painter: QPainter, rect: QRectF, style: DiagramStyle, offset: float) -> None:
    """A "ROOT" pill with a star, sitting on the box's top edge."""
    m = measurer_for(style)
    font = m.font_for("mark")
    fm = m.metrics("mark")
    h = fm.height() + 3
    star = h * 0.36
    w = 6 + 2 * star + 3 + fm.horizontalAdvance("ROOT") + 6
    tag = QRectF(rect.left() + offset, rect.top() - h / 2, w, h)
    painter.setPen(_pen(style.background, 1.2))
    painter.setBrush(_colour(style.root_cause))
    painter.drawRoundedRect(tag, h / 2, h / 2)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(_colour(style.mark_text))
    painter.drawPath(star_path(tag.left() + 6 + star, tag.center().y(), star))
    painter.setFont(font)
    painter.setPen(_colour(style.mark_text))
    baseline = tag.top() + (h - fm.ascent() - fm.descent()) / 2 + fm.ascent()
    painter.drawText(QPointF(tag.left() + 6 + 2 * star + 3, baseline), "ROOT")


def _paint_pill(
    painter: QPainter, anchor: QPointF, text: str, colour: str, style: DiagramStyle
) -> QRectF:
    """A small filled pill whose left end is at ``anchor``, centred on its y."""
    m = measurer_for(style)
    fm = m.metrics("mark")
    h = fm.height() + 3
    pill = QRectF(anchor.x(), anchor.y() - h / 2, fm.horizontalAdvance(text) + 10, h)
    painter.setPen(_pen(style.background, 1.2))
    painter.setBrush(_colour(colour))
    painter.drawRoundedRect(pill, h / 2, h / 2)
    painter.setFont(m.font_for("mark"))
    painter.setPen(_colour(style.mark_text))
    baseline = pill.top() + (h - fm.ascent() - fm.descent()) / 2 + fm.ascent()
    painter.drawText(QPointF(pill.left() + 5, baseline), text)
    return pill


def _paint_votes(painter: QPainter, rect: QRectF, style: DiagramStyle, votes: int) -> None:
    """Filled dots on the bottom edge, right-aligned; a numbered pill past MAX_VOTE_DOTS."""
    y = rect.bottom()
    if votes > MAX_VOTE_DOTS:
        m = measurer_for(style)
        text = f"{votes} votes"
        width = m.metrics("mark").horizontalAdvance(text) + 10
        _paint_pill(painter, QPointF(rect.right() - 8 - width, y), text, style.vote, style)
        return
    size = style.mark_size
    r, step = 3.8 * size, 10.0 * size
    painter.setPen(_pen(style.background, 1.5 * size))
    painter.setBrush(_colour(style.vote))
    for i in range(votes):
        painter.drawEllipse(QPointF(rect.right() - step - i * step, y), r, r)


def _paint_note_fold(painter: QPainter, rect: QRectF, style: DiagramStyle) -> None:
    """A folded top-right corner that says the cause has notes."""
    s = min(11.0 * style.mark_size, rect.height() / 2.5)
    path = QPainterPath(QPointF(rect.right() - s, rect.top()))
    path.lineTo(rect.right(), rect.top())
    path.lineTo(rect.right(), rect.top() + s)
    path.closeSubpath()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(_colour(style.note))
    painter.drawPath(path)
