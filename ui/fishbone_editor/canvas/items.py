"""Graphics items of the fishbone canvas: one per box and one per line of the layout.

Items only draw, through the shared painter in ``ui.painting.paint`` so the screen looks like
the exports; they never write to the model. Each keeps the ``Box`` or ``Line`` it was drawn
from and a small signature of what it shows, so the scene can tell what really changed.
"""

from __future__ import annotations

import html
import math

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QStyleOptionGraphicsItem,
    QWidget,
)

from fishbone.geometry import Box, Layout, Line, Point
from fishbone.model import Cause
from ui.painting.paint import (
    head_bulge,
    head_path,
    line_pen,
    line_polygon,
    paint_box,
    tail_brush,
    tail_path,
    tail_pen,
)
from ui.painting.style import DiagramStyle

BOX_Z = 10.0
LINE_Z = 0.0
SPINE_Z = 1.0
DRAGGED_Z = 50.0

# Room around a cause box for its marks: badge, ROOT tag, vote dots, highlights.
MARK_MARGIN = 16.0
SELECTION_GROW, SELECTION_WIDTH = 4.0, 3.0  # the selection ring around a box
ROOT_TAG_REACH = 96.0  # the "ROOT" pill can stick out past the right edge of a tiny box

Signature = tuple


def cause_signature(cause: Cause | None, hidden: int) -> Signature:
    """What a cause box shows besides its geometry: a change here means a repaint."""
    if cause is None:
        return ()
    return (cause.text, cause.status, cause.root_cause, cause.votes, bool(cause.notes.strip()),
            cause.collapsed, hidden)


class BoxItem(QGraphicsItem):
    """The head, a heading or a cause: a text box painted with ``paint_box``."""

    def __init__(self, box: Box, style: DiagramStyle, cause: Cause | None = None,
                 hidden: int = 0, head_right: bool = True, device_scale: float = 1.0) -> None:
        super().__init__()
        self.box = box
        self.style = style
        self.cause = cause
        self.hidden = hidden
        self.head_right = head_right
        self.signature: Signature = cause_signature(cause, hidden)
        self.selected = False
        self.drop_target = False
        self.votes_hidden = False  # no vote marks: the room's dots before their reveal
        self.device_scale = device_scale  # the view's zoom (see _whole_pixels)
        self.tip_notes: str | None = None  # the notes the tooltip shows
        self.setZValue(BOX_Z)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setPos(box.rect[0], box.rect[1])
        self._bounds = self._compute_bounds()
        self._set_tip()

    def _set_tip(self) -> None:
        """A cause's notes on hover; escaped, because tooltips guess at rich text."""
        notes = self.cause.notes.strip() if self.cause is not None else ""
        if notes == self.tip_notes:
            return
        self.tip_notes = notes
        self.setToolTip(f"<p style='white-space:pre-wrap'>{html.escape(notes)}</p>"
                        if notes else "")

    @property
    def key(self) -> tuple[str, str]:
        return (self.box.kind, self.box.id)

    @property
    def item_id(self) -> str:
        return self.box.id

    @property
    def kind(self) -> str:
        return self.box.kind

    def set_content(self, box: Box, cause: Cause | None, hidden: int, head_right: bool) -> None:
        """Take a new box and cause state; moves, resizes and repaints only as needed."""
        x, y, w, h = box.rect
        old = self.box.rect
        signature = cause_signature(cause, hidden)
        was = self.box
        if ((box.lines, box.role, box.depth) == (was.lines, was.role, was.depth)
                and (w, h) == (old[2], old[3])
                and cause is self.cause and head_right == self.head_right
                and signature == self.signature
                and (cause is None or cause.notes.strip() == self.tip_notes)):
            self.box = box  # only moved: Qt repaints where it was and where it is
            self.setPos(x, y)
            return
        resized = (w, h) != (old[2], old[3]) or head_right != self.head_right
        if resized:
            self.prepareGeometryChange()
        self.box, self.cause, self.hidden, self.head_right = box, cause, hidden, head_right
        if resized:
            self._bounds = self._compute_bounds()
        self.signature = signature
        self._set_tip()
        if (x, y) != (self.pos().x(), self.pos().y()):
            self.setPos(x, y)
        self.update()

    def set_style(self, style: DiagramStyle) -> None:
        self.prepareGeometryChange()
        self.style = style
        self.update()

    def set_votes_hidden(self, hidden: bool) -> bool:
        """Draw the vote marks or not; True when that changes what this box shows."""
        if hidden == self.votes_hidden:
            return False
        self.votes_hidden = hidden
        if self.cause is None or self.cause.votes <= 0:
            return False
        self.update()
        return True

    def set_flags(self, selected: bool | None = None, drop_target: bool | None = None) -> None:
        changed = False
        if selected is not None and selected != self.selected:
            self.selected, changed = selected, True
        if drop_target is not None and drop_target != self.drop_target:
            self.drop_target, changed = drop_target, True
        if changed:
            self.update()

    def local_rect(self) -> QRectF:
        """The box itself in item coordinates."""
        return QRectF(0.0, 0.0, self.box.rect[2], self.box.rect[3])

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt name)
        return self._bounds  # asked for often while the view updates: worked out on change

    def _compute_bounds(self) -> QRectF:
        w, h = self.box.rect[2], self.box.rect[3]
        m = MARK_MARGIN
        if self.box.kind == "head":
            reach = head_bulge(self.box) + m
            left, right = (m, reach) if self.head_right else (reach, m)
            return self._whole_pixels(QRectF(-left, -m, w + left + right, h + 2 * m))
        right = max(m, ROOT_TAG_REACH - w) if self.box.kind == "cause" else m
        return self._whole_pixels(QRectF(-m, -m, w + m + right, h + 2 * m))

    def _whole_pixels(self, rect: QRectF) -> QRectF:
        """``rect`` grown to a whole number of device pixels at the view's zoom. Qt keeps an
        item's cached picture when the item moves only while the picture's size in pixels
        stays the same, and a fractional size rounds up or down with the position: a box
        slid along its bone would be painted again."""
        scale = self.device_scale
        width = math.ceil(rect.width() * scale - 1e-6) / scale
        height = math.ceil(rect.height() * scale - 1e-6) / scale
        return QRectF(rect.x(), rect.y(), width, height)

    def set_device_scale(self, scale: float) -> None:
        """The view's zoom changed: bounds of whole pixels at the new zoom."""
        if scale == self.device_scale or scale <= 0:
            return
        self.prepareGeometryChange()
        self.device_scale = scale
        self._bounds = self._compute_bounds()

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        if self.box.kind == "head":
            return head_path(self.local_rect(), self.head_right)
        path.addRect(self.local_rect())
        return path

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        if self.selected:  # under the box, so its tags and vote pills stay on top
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            pen = QPen(QColor(self.style.selection), SELECTION_WIDTH)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            grow = SELECTION_GROW
            painter.drawRoundedRect(self.local_rect().adjusted(-grow, -grow, grow, grow),
                                    8.0, 8.0)
            painter.restore()
        painter.translate(-self.box.rect[0], -self.box.rect[1])
        paint_box(painter, self.box, self.style, self.cause, selected=False,
                  drop_target=self.drop_target, hidden=self.hidden, head_right=self.head_right,
                  votes=not self.votes_hidden)


def line_signature(line: Line, cause: Cause | None, depth: int) -> Signature:
    colour = (cause.status, cause.root_cause) if cause is not None else ()
    return (line.kind, line.points, colour, depth)


class LineItem(QGraphicsPathItem):
    """A bone: the spine (with its tail), a heading's bone or a cause's connector.

    A native path item with the pen of ``line_pen``: Qt paints it and works out its bounds
    without calling back into Python, which is most of what a repaint of a big diagram costs.
    """

    def __init__(self, line: Line, style: DiagramStyle, cause: Cause | None = None,
                 depth: int = 1, head: Box | None = None) -> None:
        super().__init__()
        self.line, self.style, self.cause, self.depth, self.head = line, style, cause, depth, head
        self.signature: Signature = line_signature(line, cause, depth)
        # The line as drawn, in item coordinates; the item's position is how far ``line``
        # lies from it (a bone that only moved is moved, not drawn again from scratch).
        self._drawn = line
        self.tail: QGraphicsPathItem | None = None  # the spine's forked tail
        self.setZValue(SPINE_Z if line.kind == "spine" else LINE_Z)
        self._draw()

    @property
    def key(self) -> tuple[str, str]:
        return (self.line.kind, self.line.id)

    def _draw(self) -> None:
        line = self._drawn
        path = QPainterPath()
        if len(line.points) >= 2:
            path.addPolygon(line_polygon(line))
        self.setPen(line_pen(line, self.style, self.cause, self.depth))
        self.setPath(path)
        if line.kind == "spine":
            self._draw_tail()

    def _draw_tail(self) -> None:
        boxes = [self.head] if self.head is not None else []
        path = tail_path(Layout((0, 0, 0, 0), boxes, [self._drawn]), self.style)
        if self.tail is None:
            self.tail = QGraphicsPathItem(self)
        self.tail.setPen(tail_pen(self.style))
        self.tail.setBrush(tail_brush(self.style))
        self.tail.setPath(path if path is not None else QPainterPath())

    def set_content(self, line: Line, cause: Cause | None, depth: int,
                    head: Box | None = None) -> None:
        signature = line_signature(line, cause, depth)
        shift = _shift(self._drawn.points, line.points)
        if (shift is not None and line.kind != "spine" and cause is self.cause
                and signature[2:] == self.signature[2:]):  # the same bone, only moved
            self.line, self.signature, self.head = line, signature, head
            self.setPos(*shift)
            return
        self.line, self.cause, self.depth, self.head = line, cause, depth, head
        self.signature = signature
        self._drawn = line
        self.setPos(0.0, 0.0)
        self._draw()

    def slide_to(self, line: Line) -> bool:
        """Take ``line`` when it is the drawn one moved (the item moves); False otherwise."""
        shift = _shift(self._drawn.points, line.points)
        if shift is None or line.kind == "spine":
            return False
        self.line = line
        self.signature = (line.kind, line.points, *self.signature[2:])
        self.setPos(*shift)
        return True

    def set_style(self, style: DiagramStyle) -> None:
        self.style = style
        self._draw()


def _shift(was: tuple[Point, ...], now: tuple[Point, ...]) -> Point | None:
    """How far ``now`` lies from ``was`` when it is the same polyline moved, else None."""
    if len(was) != len(now) or not was:
        return None
    dx, dy = now[0][0] - was[0][0], now[0][1] - was[0][1]
    if all(q[0] - p[0] == dx and q[1] - p[1] == dy for p, q in zip(was, now, strict=True)):
        return dx, dy
    return None
