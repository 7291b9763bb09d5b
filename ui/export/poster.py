"""The fishbone as a poster: the titled diagram at reading size (one layout point on one point
of paper), tiled over several A4 or A3 pages that overlap, with crop marks to trim and a label
on each page saying where it goes."""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QPageLayout, QPainter, QPen

from fishbone.model import Diagram
from sixstep.atomic import check_pdf, check_target, write_bytes
from ui.export.page import KEYED_MARGIN, keyed_size, page_size, paint_page, pdf_writer
from ui.painting.render import DiagramPieces, ensure_gui_app, render_layout_for_export

MM = 72 / 25.4  # points in a millimetre
MARGIN = 12 * MM  # the crop marks and the label live in this margin
OVERLAP = 10 * MM  # what two neighbouring pages both show, to glue them edge to edge
MARK = 5 * MM  # length of a crop mark
MARK_INK = "#555555"


@dataclass(frozen=True)
class Tiling:
    """How a poster of ``size`` points cuts into pages: ``columns`` x ``rows`` tiles of
    ``tile`` points each (the printable area), stepping ``step`` points apart."""

    size: QSizeF
    tile: QSizeF
    columns: int
    rows: int
    landscape: bool

    @property
    def pages(self) -> int:
        return self.columns * self.rows


def _count(length: float, tile: float) -> int:
    return max(1, math.ceil((length - OVERLAP) / (tile - OVERLAP)))


def plan_tiles(size: QSizeF, page: str) -> Tiling:
    """The tiling of a poster of ``size`` points on ``page`` paper, portrait or landscape,
    whichever takes fewer pages (landscape on a tie: a fishbone is wide)."""
    width, height = page_size(page).size(page_size(page).Unit.Point).toTuple()
    plans = []
    for landscape in (True, False):
        w, h = (max(width, height), min(width, height)) if landscape else (
            min(width, height), max(width, height))
        tile = QSizeF(w - 2 * MARGIN, h - 2 * MARGIN)
        plans.append(Tiling(size, tile, _count(size.width(), tile.width()),
                            _count(size.height(), tile.height()), landscape))
    return min(plans, key=lambda p: (p.pages, not p.landscape))


def tile_rect(plan: Tiling, column: int, row: int) -> QRectF:
    """What page (``column``, ``row``) shows, in poster points: each page starts ``OVERLAP``
    before the previous one ends."""
    w, h = plan.tile.width(), plan.tile.height()
    return QRectF(column * (w - OVERLAP), row * (h - OVERLAP), w, h)


def _crop_marks(painter: QPainter, tile: QRectF) -> None:
    """Corner marks just outside the printed area: trim along them, glue over the overlap."""
    painter.setPen(QPen(QColor(MARK_INK), 0.5))
    for x, y, dx, dy in ((tile.left(), tile.top(), -1, -1), (tile.right(), tile.top(), 1, -1),
                         (tile.left(), tile.bottom(), -1, 1),
                         (tile.right(), tile.bottom(), 1, 1)):
        painter.drawLine(QPointF(x + dx * 2, y), QPointF(x + dx * (2 + MARK), y))
        painter.drawLine(QPointF(x, y + dy * 2), QPointF(x, y + dy * (2 + MARK)))


def _overlap_guides(painter: QPainter, tile: QRectF, column: int, row: int,
                    plan: Tiling) -> None:
    """Short ticks in the margin where the next page's picture begins (the overlap)."""
    painter.setPen(QPen(QColor(MARK_INK), 0.5, Qt.PenStyle.DashLine))
    if column + 1 < plan.columns:
        x = tile.right() - OVERLAP
        painter.drawLine(QPointF(x, tile.top() - 2 - MARK), QPointF(x, tile.top() - 2))
        painter.drawLine(QPointF(x, tile.bottom() + 2), QPointF(x, tile.bottom() + 2 + MARK))
    if row + 1 < plan.rows:
        y = tile.bottom() - OVERLAP
        painter.drawLine(QPointF(tile.left() - 2 - MARK, y), QPointF(tile.left() - 2, y))
        painter.drawLine(QPointF(tile.right() + 2, y), QPointF(tile.right() + 2 + MARK, y))


def label_rect(tile: QRectF) -> QRectF:
    """Where a page's label goes: in the bottom margin, clear of the corner marks and of the
    overlap tick, wrapped to as many lines as it needs (two on a portrait A4 page)."""
    left = tile.left() + MARK + 4
    return QRectF(left, tile.bottom() + 3, tile.right() - OVERLAP - 4 - left, MARGIN - 4)


def _label(painter: QPainter, tile: QRectF, column: int, row: int, plan: Tiling) -> None:
    painter.setPen(QColor(MARK_INK))
    font = QFont()
    font.setPointSizeF(7.0)
    painter.setFont(font)
    text = (f"Poster page {row * plan.columns + column + 1} of {plan.pages}: row {row + 1} "
            f"of {plan.rows}, column {column + 1} of {plan.columns}. The dashed ticks show "
            "where the next page's picture starts; trim at the corner marks and overlap.")
    painter.drawText(label_rect(tile), int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap),
                     text)


def poster_pdf_bytes(diagram: Diagram, page: str = "A4") -> tuple[bytes, Tiling]:
    """The poster as a vector PDF, and how it was tiled."""
    ensure_gui_app()
    layout = render_layout_for_export(diagram)
    size = keyed_size(layout, diagram)
    plan = plan_tiles(size, page)
    writer, buffer = pdf_writer(diagram.effect)
    orientation = (QPageLayout.Orientation.Landscape if plan.landscape
                   else QPageLayout.Orientation.Portrait)
    writer.setPageLayout(QPageLayout(page_size(page), orientation, QMarginsF(0, 0, 0, 0),
                                     QPageLayout.Unit.Point))
    tile = QRectF(MARGIN, MARGIN, plan.tile.width(), plan.tile.height())
    poster = QRectF(0, 0, size.width(), size.height()).adjusted(
        KEYED_MARGIN, KEYED_MARGIN, -KEYED_MARGIN, -KEYED_MARGIN)
    pieces = DiagramPieces(layout, diagram)
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError("the PDF writer could not start")
    try:
        for row in range(plan.rows):
            for column in range(plan.columns):
                if row or column:
                    writer.newPage()
                painter.save()
                painter.setClipRect(tile)
                visible = tile_rect(plan, column, row)
                painter.translate(tile.topLeft() - visible.topLeft())
                paint_page(painter, poster, layout, diagram, visible=visible, pieces=pieces)
                painter.restore()
                _crop_marks(painter, tile)
                _overlap_guides(painter, tile, column, row, plan)
                _label(painter, tile, column, row, plan)
    finally:
        painter.end()
    return bytes(buffer.data().data()), plan


def export_poster_pdf(diagram: Diagram, path: str | Path, page: str = "A4") -> Tiling:
    """Write the poster to ``path``: whole and checked, or a ``WriteError``."""
    check_target(path)
    data, plan = poster_pdf_bytes(diagram, page)
    write_bytes(path, data, check_pdf)
    return plan
