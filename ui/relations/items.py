"""What the relations diagram draws: a box per cause (its text, arrows in and out, and a
DRIVER or OUTCOME tag) and an arrow per "this drives that". Items store their ids and draw;
they never write to the case."""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QStyleOptionGraphicsItem, QWidget

BEND = 0.18  # how far an arrow bows out, as a share of its length
PADDING = 0.3  # of the font's height, around the text inside a box


@dataclass(frozen=True)
class RelationsLook:
    """Colours ("#rrggbb") and the text size in points; the view fills them from its palette
    (light, dark or projector). Okabe-Ito colours, told apart by most colour-blind readers."""

    font_pt: float = 12.0
    ink: str = "#1a1d21"
    paper: str = "#ffffff"
    box: str = "#ffffff"
    line: str = "#52606d"
    driver: str = "#0072B2"
    outcome: str = "#D55E00"
    loop: str = "#CC79A7"
    selection: str = "#E69F00"


def _font(size: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSizeF(size)
    font.setBold(bold)
    return font


def wrap_lines(text: str, metrics: QFontMetricsF, width: float, most: int = 3) -> list[str]:
    """``text`` broken into lines no wider than ``width`` (at most ``most``, the last cut
    short with an ellipsis)."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if not line or metrics.horizontalAdvance(trial) <= width:
            line = trial
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    if len(lines) > most:
        lines = lines[:most]
        lines[-1] = metrics.elidedText(lines[-1] + " \u2026", Qt.TextElideMode.ElideRight, width)
    return [metrics.elidedText(x, Qt.TextElideMode.ElideRight, width) for x in lines] or [""]


class NodeItem(QGraphicsItem):
    """One cause: its text, "in N, out M", and its tag when it is a driver or an outcome."""

    def __init__(self, cause_id: str, text: str, incoming: int, outgoing: int, tag: str,
                 look: RelationsLook) -> None:
        super().__init__()
        self.cause_id = cause_id
        self.text, self.incoming, self.outgoing, self.tag = text, incoming, outgoing, tag
        self.look = look
        self.font = _font(look.font_pt)
        self.small = _font(look.font_pt, bold=True)  # never below the text (projector: 20 pt)
        metrics = QFontMetricsF(self.font)
        self.text_width = metrics.averageCharWidth() * 14
        self.lines = wrap_lines(text or "(no text yet)", metrics, self.text_width)
        pad = metrics.height() * PADDING
        small_height = QFontMetricsF(self.small).height()
        self.line_height = metrics.height()
        self.tag_height = small_height * 1.1 if tag else 0.0
        top = pad + self.tag_height / 2  # the tag sits on the top edge, half inside
        height = top + pad + self.line_height * len(self.lines) + small_height
        self.box = QRectF(-self.text_width / 2 - pad, -height / 2, self.text_width + 2 * pad,
                          height)
        self.top_pad = top
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setToolTip(f"{text}\nArrows in: {incoming}, out: {outgoing}"
                        + (f"\n{tag.capitalize()}" if tag else ""))
        self.highlighted = False

    @property
    def colour(self) -> str:
        return {"driver": self.look.driver, "outcome": self.look.outcome}.get(self.tag,
                                                                               self.look.line)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt name
        return self.box.adjusted(-4, -4 - self.tag_height / 2, 4, 4)

    def scene_box(self) -> QRectF:
        return self.box.translated(self.pos())

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        look = self.look
        strong = bool(self.tag)
        width = 4.0 if strong else 1.8
        if self.highlighted:
            width = 5.0
        pen = QPen(QColor(look.selection if self.highlighted else self.colour), width)
        painter.setPen(pen)
        painter.setBrush(QBrush(QColor(look.box)))
        radius = self.line_height * 0.35
        painter.drawRoundedRect(self.box, radius, radius)
        painter.setPen(QColor(look.ink))
        painter.setFont(self.font)
        y = self.box.top() + self.top_pad
        for line in self.lines:
            painter.drawText(QRectF(self.box.left(), y, self.box.width(), self.line_height),
                             Qt.AlignmentFlag.AlignCenter, line)
            y += self.line_height
        painter.setFont(self.small)
        painter.setPen(QColor(self.colour if strong else look.ink))
        painter.drawText(QRectF(self.box.left(), y, self.box.width(), self.box.bottom() - y),
                         Qt.AlignmentFlag.AlignCenter,
                         f"in {self.incoming} \u00b7 out {self.outgoing}")
        if self.tag:
            tag_box = QRectF(self.box.left(), self.box.top() - self.tag_height / 2,
                             self.box.width(), self.tag_height)
            metrics = QFontMetricsF(self.small)
            label = self.tag.upper()
            pill = metrics.horizontalAdvance(label) + metrics.height()
            pill_box = QRectF(tag_box.center().x() - pill / 2, tag_box.top(), pill,
                              tag_box.height())
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(self.colour))
            painter.drawRoundedRect(pill_box, tag_box.height() / 2, tag_box.height() / 2)
            painter.setPen(QColor("#ffffff"))
            painter.drawText(pill_box, Qt.AlignmentFlag.AlignCenter, label)


def _edge_point(box: QRectF, towards: QPointF) -> QPointF:
    """Where the line from ``box``'s centre to ``towards`` leaves the box."""
    centre = box.center()
    dx, dy = towards.x() - centre.x(), towards.y() - centre.y()
    if dx == 0 and dy == 0:
        return centre
    scale = min(box.width() / 2 / abs(dx) if dx else math.inf,
                box.height() / 2 / abs(dy) if dy else math.inf)
    return QPointF(centre.x() + dx * scale, centre.y() + dy * scale)


class ArrowItem(QGraphicsPathItem):
    """"``source`` drives ``target``": a curve between the two boxes with a head at the
    target; arrows in a loop are drawn in the loop colour and dashed. Selectable, so Delete
    can remove it."""

    def __init__(self, source: str, target: str, in_loop: bool, look: RelationsLook) -> None:
        super().__init__()
        self.source, self.target, self.in_loop, self.look = source, target, in_loop, look
        self.head = QPolygonF()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.setZValue(-1)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.width = max(2.0, look.font_pt / 6)

    @property
    def key(self) -> tuple[str, str]:
        return self.source, self.target

    def place(self, start_box: QRectF, end_box: QRectF) -> None:
        """Run from box to box, bending to the right of its way (so it passes beside the boxes
        between, and two arrows both ways between two causes stay apart)."""
        a, b = start_box.center(), end_box.center()
        dx, dy = b.x() - a.x(), b.y() - a.y()
        bend = BEND
        control = QPointF((a.x() + b.x()) / 2 - dy * bend, (a.y() + b.y()) / 2 + dx * bend)
        start = _edge_point(start_box, control)
        end = _edge_point(end_box, control)
        path = QPainterPath(start)
        path.quadTo(control, end)
        self.setPath(path)
        size = self.width * 5
        angle = math.atan2(end.y() - control.y(), end.x() - control.x())
        left = QPointF(end.x() - size * math.cos(angle - 0.4),
                       end.y() - size * math.sin(angle - 0.4))
        right = QPointF(end.x() - size * math.cos(angle + 0.4),
                        end.y() - size * math.sin(angle + 0.4))
        self.head = QPolygonF([end, left, right])

    def shape(self) -> QPainterPath:
        stroker = QPainterPathStroker()
        stroker.setWidth(max(14.0, self.width * 5))
        area = stroker.createStroke(self.path())
        area.addPolygon(self.head)
        return area

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt name
        return self.shape().boundingRect().adjusted(-2, -2, 2, 2)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        look = self.look
        colour = QColor(look.loop if self.in_loop else look.line)
        width = self.width
        if self.isSelected():
            colour, width = QColor(look.selection), width * 2
        pen = QPen(colour, width)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        if self.in_loop:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(pen)
        painter.drawPath(self.path())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawPolygon(self.head)
