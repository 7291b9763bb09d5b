"""What every export shares: a Qt app when there is none, the laid-out diagram and its extent."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QGuiApplication, QPainter

from fishbone.geometry import Layout, LayoutOptions
from fishbone.layout_index import LayoutIndex
from fishbone.model import Diagram
from ui.common.qt_setup import before_app
from ui.painting.paint import (
    head_bulge,
    head_points_right,
    layout_measurer_for,
    paint_context,
    paint_items,
    paint_layout,
)
from ui.painting.style import LIGHT, DiagramStyle

_app: QGuiApplication | None = None


def ensure_gui_app() -> QGuiApplication:
    """The running Qt application, or a new one (offscreen when there is no display)."""
    global _app
    app = QGuiApplication.instance()
    if app is not None:
        return app  # type: ignore[return-value]
    no_display = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if sys.platform.startswith("linux") and no_display:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    before_app()
    _app = QGuiApplication(["problem-workshop"])
    return _app


def render_layout_for_export(diagram: Diagram, style: DiagramStyle = LIGHT,
                             options: LayoutOptions | None = None) -> Layout:
    """Lay the diagram out with real font metrics for ``style``."""
    from fishbone.layout import layout_diagram

    ensure_gui_app()
    return layout_diagram(diagram, layout_measurer_for(style), options or LayoutOptions())


def drawing_rect(layout: Layout) -> QRectF:
    """The layout bounds plus the head's snout, which is drawn past its text box."""
    x, y, w, h = layout.bounds
    rect = QRectF(x, y, w, h)
    head = layout.box("head")
    if head is None:
        return rect
    reach = head_bulge(head) + 2.0  # the snout and its outline
    hx, hy, hw, hh = head.rect
    if head_points_right(layout):
        return rect.united(QRectF(hx, hy, hw + reach, hh))
    return rect.united(QRectF(hx - reach, hy, hw + reach, hh))


def paint_fitted(
    painter: QPainter,
    layout: Layout,
    diagram: Diagram,
    target: QRectF,
    style: DiagramStyle = LIGHT,
    background: bool = True,
) -> None:
    """Paint the diagram scaled to fill ``target`` exactly (callers keep the aspect ratio)."""
    source = drawing_rect(layout)
    painter.save()
    _fit(painter, source, target)
    if background:
        painter.fillRect(source, QColor(style.background))
    paint_layout(painter, layout, diagram, style, background=False)
    painter.restore()


def _fit(painter: QPainter, source: QRectF, target: QRectF) -> None:
    painter.translate(target.topLeft())
    painter.scale(target.width() / source.width(), target.height() / source.height())
    painter.translate(-source.topLeft())


class DiagramPieces:
    """A diagram painted a piece at a time, as ``paint_fitted`` paints it whole: its layout
    is indexed once, so each piece paints only the boxes and lines that reach into it."""

    def __init__(self, layout: Layout, diagram: Diagram, style: DiagramStyle = LIGHT) -> None:
        self.layout, self.style = layout, style
        self.source = drawing_rect(layout)
        self.index = LayoutIndex(layout)
        self.context = paint_context(layout, diagram)

    def paint(self, painter: QPainter, target: QRectF, visible: QRectF,
              background: bool = True) -> int:
        """Paint the part of the diagram fitted to ``target`` that falls in ``visible`` (both
        in the painter's coordinates); returns how many boxes it painted."""
        source = self.source
        sx, sy = source.width() / target.width(), source.height() / target.height()
        seen = visible.intersected(target)
        if seen.isEmpty():
            return 0
        rect = (source.left() + (seen.left() - target.left()) * sx,
                source.top() + (seen.top() - target.top()) * sy,
                seen.width() * sx, seen.height() * sy)
        boxes = self.index.boxes(rect)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        _fit(painter, source, target)
        if background:
            painter.fillRect(QRectF(*rect), QColor(self.style.background))
        paint_items(painter, self.layout, boxes, self.index.lines(rect), self.context,
                    self.style)
        painter.restore()
        return len(boxes)
