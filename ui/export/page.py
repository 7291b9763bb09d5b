"""The diagram on a page: a vector PDF with a title, and printing with a preview."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen

from fishbone.geometry import Layout
from fishbone.model import Diagram
from sixstep.atomic import check_pdf, check_target, write_bytes
from ui.painting.legend import legend_size, paint_legend
from ui.painting.paint import measurer_for
from ui.painting.render import (
    DiagramPieces,
    drawing_rect,
    ensure_gui_app,
    paint_fitted,
    render_layout_for_export,
)
from ui.painting.style import LIGHT, DiagramStyle

PAGE_SIZES: dict[str, QPageSize.PageSizeId] = {
    "A4": QPageSize.PageSizeId.A4,
    "A3": QPageSize.PageSizeId.A3,
    "Letter": QPageSize.PageSizeId.Letter,
}
MARGIN_MM = 12.0
MAX_SCALE = 1.5  # a small diagram grows at most this much to fill the page
TITLE_FLAGS = Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap


def page_size(page: str) -> QPageSize:
    try:
        return QPageSize(PAGE_SIZES[page])
    except KeyError:
        names = ", ".join(PAGE_SIZES)
        raise ValueError(f"unknown page size {page!r} (choose {names})") from None


def _title_height(text: str, width: float, style: DiagramStyle) -> float:
    fm = QFontMetricsF(measurer_for(style).font_for("head"))
    return fm.boundingRect(QRectF(0, 0, width, 1e6), TITLE_FLAGS, text).height()


KEYED_MARGIN = 18.0  # points around a picture that carries its title and key
KEYED_MIN_WIDTH = 420.0  # room for the key's marks, however small the diagram


def keyed_size(layout: Layout, diagram: Diagram, style: DiagramStyle = LIGHT) -> QSizeF:
    """The size in points of ``paint_page``'s page that holds the drawing at its own size,
    with the title above and the key below, and a margin all round."""
    source = drawing_rect(layout)
    width = max(source.width(), KEYED_MIN_WIDTH)
    title = diagram.effect.strip() or "Cause-and-effect diagram"
    height = (_title_height(title, width, style) + 16 + source.height() + 12
              + legend_size(style, width)[1])
    return QSizeF(width + 2 * KEYED_MARGIN, height + 2 * KEYED_MARGIN)


def choose_orientation(layout: Layout, size: QPageSize) -> QPageLayout.Orientation:
    """Landscape or portrait: whichever lets the diagram be drawn larger."""
    rect = drawing_rect(layout)
    pw, ph = size.size(QPageSize.Unit.Point).toTuple()
    title = 100.0  # a rough allowance for the title and key; painting measures them exactly

    def scale(w: float, h: float) -> float:
        return min(w / rect.width(), (h - title) / rect.height())

    if scale(max(pw, ph), min(pw, ph)) >= scale(min(pw, ph), max(pw, ph)):
        return QPageLayout.Orientation.Landscape
    return QPageLayout.Orientation.Portrait


def _paint_area(page_layout: QPageLayout) -> QRectF:
    """The printable area in points, from the painter's origin (its top-left corner)."""
    area = page_layout.paintRect(QPageLayout.Unit.Point)
    return QRectF(0, 0, area.width(), area.height())


class PagePlan(NamedTuple):
    """Where ``paint_page`` puts each part of a page, in the painter's points."""

    title: str
    heading: QRectF  # the title and the rule under it
    rule_y: float
    legend: QRectF
    target: QRectF  # the diagram, fitted


def plan_page(page: QRectF, layout: Layout, diagram: Diagram,
              style: DiagramStyle = LIGHT) -> PagePlan:
    title = diagram.effect.strip() or "Cause-and-effect diagram"
    title_h = _title_height(title, page.width(), style)
    rule_y = page.top() + title_h + 6
    legend_h = legend_size(style, page.width())[1]
    legend_top = page.bottom() - legend_h
    legend = QRectF(page.left(), legend_top, page.width(), legend_h)
    area = QRectF(page.left(), rule_y + 10, page.width(), legend_top - 12 - rule_y - 10)
    source = drawing_rect(layout)
    scale = min(area.width() / source.width(), area.height() / source.height(), MAX_SCALE)
    w, h = source.width() * scale, source.height() * scale
    target = QRectF(area.left() + (area.width() - w) / 2, area.top(), w, h)
    heading = QRectF(page.left(), page.top(), page.width(), rule_y + 1 - page.top())
    return PagePlan(title, heading, rule_y, legend, target)


def paint_page(
    painter: QPainter,
    page: QRectF,
    layout: Layout,
    diagram: Diagram,
    style: DiagramStyle = LIGHT,
    visible: QRectF | None = None,
    pieces: DiagramPieces | None = None,
) -> None:
    """The effect as a title, the diagram fitted below it, a key to the marks at the foot
    (the PDF page, and the PNG picture that carries its title and key).

    ``page`` is in points, as the painter draws. With ``visible`` and the diagram's
    ``pieces`` only what reaches into ``visible`` is painted (a poster's tile).
    """
    plan = plan_page(page, layout, diagram, style)
    if visible is None or visible.intersects(plan.heading):
        painter.save()
        painter.setFont(measurer_for(style).font_for("head"))
        painter.setPen(QColor(style.cause_text))
        title_box = QRectF(page.left(), page.top(), page.width(), plan.rule_y - 6 - page.top())
        painter.drawText(title_box, TITLE_FLAGS, plan.title)
        painter.setPen(QPen(QColor(style.possible), 1.0))
        painter.drawLine(QPointF(page.left(), plan.rule_y), QPointF(page.right(), plan.rule_y))
        painter.restore()
    if visible is None or visible.intersects(plan.legend):
        paint_legend(painter, plan.legend, style)
    if visible is None or pieces is None:
        paint_fitted(painter, layout, diagram, plan.target, style)
    else:
        pieces.paint(painter, plan.target, visible)


def pdf_writer(title: str) -> tuple[QPdfWriter, QBuffer]:
    """A PDF writer into memory where one device unit is one point, and its buffer (kept
    alive beside it: the writer does not own it)."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(72)
    writer.setTitle(title)
    writer.setCreator("Problem Workshop")
    return writer, buffer


def pdf_bytes(diagram: Diagram, page: str = "A4") -> bytes:
    """A one-page vector PDF (selectable text, no images), in the orientation that fits best."""
    size = page_size(page)
    ensure_gui_app()
    layout = render_layout_for_export(diagram)
    writer, buffer = pdf_writer(diagram.effect)
    margins = QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM)
    orientation = choose_orientation(layout, size)
    writer.setPageLayout(QPageLayout(size, orientation, margins, QPageLayout.Unit.Millimeter))
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError("the PDF writer could not start")
    try:
        paint_page(painter, _paint_area(writer.pageLayout()), layout, diagram)
    finally:
        painter.end()
    return bytes(buffer.data().data())


def export_pdf(diagram: Diagram, path: str | Path, page: str = "A4") -> None:
    """Write the one-page PDF to ``path``: whole and checked, or a ``WriteError``."""
    check_target(path)
    write_bytes(path, pdf_bytes(diagram, page), check_pdf)


def print_diagram(printer, diagram: Diagram, layout: Layout | None = None) -> None:
    """Paint the titled diagram on a QPrinter (the preview calls this for every refresh)."""
    layout = layout or render_layout_for_export(diagram)
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("cannot start printing")
    points = printer.resolution() / 72.0
    painter.scale(points, points)
    paint_page(painter, _paint_area(printer.pageLayout()), layout, diagram)
    painter.end()


def print_with_preview(diagram: Diagram, parent=None) -> bool:
    """Show Qt's print preview for the diagram; True when the user printed."""
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    layout = render_layout_for_export(diagram)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(diagram.effect or "Fishbone")
    printer.setPageOrientation(choose_orientation(layout, printer.pageLayout().pageSize()))
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle("Print fishbone diagram")
    dialog.paintRequested.connect(lambda device: print_diagram(device, diagram, layout))
    return dialog.exec() == QPrintPreviewDialog.DialogCode.Accepted
