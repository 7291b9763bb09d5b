"""The workshop report as a paged PDF: the blocks of ``sixstep.report`` set as selectable text,
the fishbone drawn as vectors on a page of its own, the charts as vectors in the flow, page
numbers in the footer. The text flows on: a new step starts on the same page, and the
fishbone's page comes after the page where step 2 asks for it, which is filled first.

Typed text only ever goes in through ``QTextCursor.insertText``: nothing is read as HTML.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QByteArray,
    QMarginsF,
    QObject,
    QPointF,
    QRect,
    QRectF,
    QSizeF,
    Qt,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QPageLayout,
    QPainter,
    QPdfWriter,
    QPen,
    QPyTextObject,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrameFormat,
    QTextLength,
    QTextListFormat,
    QTextTableFormat,
)
from PySide6.QtSvg import QSvgRenderer

from sixstep.atomic import check_pdf, check_target, write_bytes
from sixstep.case import Case
from sixstep.report import (
    Block,
    Bullets,
    ContributionsChart,
    DiagramPlace,
    Heading,
    Outline,
    Paragraph,
    ParetoChart,
    Table,
    report_blocks,
)
from sixstep.report_chart import contributions_svg, pareto_svg
from sixstep.result_text import one_line
from ui.export.page import choose_orientation, page_size, paint_page, pdf_writer
from ui.painting.render import ensure_gui_app, render_layout_for_export
from ui.painting.style import FAMILIES

MARGIN_MM = 18.0
FOOTER_PT = 22.0  # the footer's band at the foot of the printable area
BODY_PT = 10.0
HEADING_PT = {1: 22.0, 2: 16.0, 3: 12.5, 4: 11.0}
INK, HEAD_INK, QUIET_INK, RULE = "#1d1d1f", "#1f3a5f", "#5c6370", "#b8c0cc"
HEADER_FILL, ROOT_INK, RULED_OUT_INK = "#e8edf3", "#8a1c1c", "#8a8f98"
KEEP_WITH_NEXT_PT = 70.0  # a heading this close to a page's foot moves to the next page
SVG_OBJECT = int(QTextFormat.ObjectTypes.UserObject) + 1  # a picture drawn from SVG, as vectors
SVG_DATA = int(QTextFormat.Property.UserProperty) + 1
SVG_SIZE = int(QTextFormat.Property.UserProperty) + 2


def _font(size: float, bold: bool = False, italic: bool = False) -> QFont:
    font = QFont()
    font.setFamilies(list(FAMILIES))
    font.setPointSizeF(size)
    font.setBold(bold)
    font.setItalic(italic)
    return font


def _chars(size: float = BODY_PT, bold: bool = False, italic: bool = False,
           colour: str = INK) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setFont(_font(size, bold, italic))
    fmt.setForeground(QBrush(QColor(colour)))
    return fmt


def _block_format(top: float = 0.0, bottom: float = 5.0, indent: float = 0.0,
                  hanging: float = 0.0) -> QTextBlockFormat:
    fmt = QTextBlockFormat()
    fmt.setTopMargin(top)
    fmt.setBottomMargin(bottom)
    fmt.setLeftMargin(indent)
    fmt.setTextIndent(-hanging)
    fmt.setLineHeight(118.0, 1)  # QTextBlockFormat.LineHeightTypes.ProportionalHeight
    return fmt


class _SvgObject(QPyTextObject):
    """Draws an SVG picture held in a character's format, scaled to the size stored with it:
    vectors in the PDF, never a raster image."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._renderers: dict[bytes, QSvgRenderer] = {}

    def intrinsicSize(self, doc: QTextDocument, pos: int, fmt: QTextFormat) -> QSizeF:
        size = fmt.property(SVG_SIZE)
        return size if isinstance(size, QSizeF) else QSizeF(0, 0)

    def drawObject(self, painter: QPainter, rect: QRectF | QRect, doc: QTextDocument, pos: int,
                   fmt: QTextFormat) -> None:
        target = QRectF(rect)
        if painter.hasClipping():
            seen = painter.clipBoundingRect().intersected(target)
            if seen.height() < 1.0 or seen.width() < 1.0:
                return  # a sliver at the page's edge: the picture is drawn on its own page
        self.renderer(bytes(fmt.property(SVG_DATA))).render(painter, target)

    def renderer(self, data: bytes) -> QSvgRenderer:
        """The picture read once, for its size and for every time it is drawn."""
        renderer = self._renderers.get(data)
        if renderer is None:
            renderer = self._renderers[data] = QSvgRenderer(QByteArray(data))
        return renderer


class _Writer:
    """Appends blocks to a QTextDocument through one cursor, as plain text with formats."""

    def __init__(self, doc: QTextDocument) -> None:
        self.doc = doc
        self.cursor = QTextCursor(doc)
        self.first = True
        self.svg_handler: _SvgObject | None = None
        self._formats: dict[tuple[float, bool, bool, str], QTextCharFormat] = {}

    def chars(self, size: float = BODY_PT, bold: bool = False, italic: bool = False,
              colour: str = INK) -> QTextCharFormat:
        """The character format made once per report for each look (thousands of cells)."""
        key = (size, bold, italic, colour)
        fmt = self._formats.get(key)
        if fmt is None:
            fmt = self._formats[key] = _chars(size, bold, italic, colour)
        return fmt

    def _new_block(self, fmt: QTextBlockFormat) -> None:
        if self.first:
            self.cursor.setBlockFormat(fmt)
            self.first = False
        else:
            self.cursor.insertBlock(fmt, self.chars())
        self.cursor.setBlockCharFormat(self.chars())  # list markers take this font
        current = self.cursor.currentList()
        if current is not None:
            current.remove(self.cursor.block())
            self.cursor.setBlockFormat(fmt)

    def heading(self, h: Heading) -> None:
        size = HEADING_PT.get(h.level, BODY_PT)
        top = {1: 0.0, 2: 20.0, 3: 12.0}.get(h.level, 8.0)
        fmt = _block_format(top=top, bottom=4.0 if h.level > 2 else 8.0)
        fmt.setProperty(QTextFormat.Property.UserProperty, h.level)  # marks a heading
        self._new_block(fmt)
        self.cursor.insertText(one_line(h.text), self.chars(size, True, colour=HEAD_INK))

    def _inline(self, p: Paragraph, size: float = BODY_PT) -> None:
        if p.label:
            self.cursor.insertText(p.label + (" " if p.text else ""), self.chars(size, True))
        colour = QUIET_INK if p.quiet else INK
        self.cursor.insertText(one_line(p.text) if p.label or p.quiet else p.text,
                               self.chars(size, italic=p.quiet, colour=colour))

    def paragraph(self, p: Paragraph) -> None:
        parts = [t.strip() for t in p.text.replace("\r\n", "\n").split("\n\n")] or [""]
        self._new_block(_block_format(bottom=6.0))
        self._inline(Paragraph(" ".join(parts[0].split()), p.label, p.quiet))
        for rest in parts[1:]:
            if rest:
                self._new_block(_block_format(bottom=6.0))
                self._inline(Paragraph(" ".join(rest.split()), quiet=p.quiet))

    def bullets(self, b: Bullets) -> None:
        style = (QTextListFormat.Style.ListDecimal if b.numbered
                 else QTextListFormat.Style.ListDisc)
        lst = None
        for item in b.items:
            self._new_block(_block_format(bottom=3.0))
            if lst is None:
                fmt = QTextListFormat()
                fmt.setStyle(style)
                fmt.setIndent(1)
                lst = self.cursor.createList(fmt)
            else:
                lst.add(self.cursor.block())
            self._inline(item)
        self.doc.setIndentWidth(16.0)

    def outline(self, o: Outline) -> None:
        for e in o.entries:
            self._new_block(_block_format(bottom=2.5, indent=14.0 + 16.0 * e.depth,
                                          hanging=10.0))
            marks = e.marks
            ruled_out = "ruled out" in marks
            root = "root cause" in marks
            colour = RULED_OUT_INK if ruled_out else (ROOT_INK if root else INK)
            self.cursor.insertText("\u2022\u2002" if e.depth == 0 else "\u2013\u2002",
                                   self.chars(colour=QUIET_INK))
            self.cursor.insertText(e.text, self.chars(bold=root, colour=colour))
            self.cursor.insertText(f"  ({marks})", self.chars(BODY_PT - 1, italic=True,
                                                          colour=ROOT_INK if root
                                                          else QUIET_INK))
            if e.note:
                self.cursor.insertText(" \u2013 " + e.note, self.chars(BODY_PT - 1,
                                                                  colour=QUIET_INK))

    def table(self, t: Table) -> None:
        self._new_block(_block_format(bottom=2.0))
        fmt = QTextTableFormat()
        fmt.setHeaderRowCount(1)
        fmt.setCellPadding(4.0)
        fmt.setCellSpacing(0.0)
        fmt.setBorder(0.6)
        fmt.setBorderBrush(QBrush(QColor(RULE)))
        fmt.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
        fmt.setBorderCollapse(True)
        fmt.setBottomMargin(8.0)
        fmt.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
        if len(t.widths) == len(t.headers):
            total = sum(t.widths)
            fmt.setColumnWidthConstraints(
                [QTextLength(QTextLength.Type.PercentageLength, 100 * w / total)
                 for w in t.widths])
        table = self.cursor.insertTable(len(t.rows) + 1, len(t.headers), fmt)
        left, right = _block_format(bottom=0.0), _block_format(bottom=0.0)
        right.setAlignment(Qt.AlignmentFlag.AlignRight)
        for r, row in enumerate([t.headers, *t.rows]):
            for c, text in enumerate(row):
                cell = table.cellAt(r, c)
                if r == 0:
                    cell_fmt = cell.format()
                    cell_fmt.setBackground(QBrush(QColor(HEADER_FILL)))
                    cell.setFormat(cell_fmt)
                cursor = cell.firstCursorPosition()
                cursor.setBlockFormat(right if c in t.right else left)
                cursor.insertText(one_line(text), self.chars(BODY_PT - 1, bold=r == 0))
        self.cursor = QTextCursor(self.doc)
        self.cursor.movePosition(QTextCursor.MoveOperation.End)

    def chart(self, svg: bytes | None) -> None:
        """A chart's SVG across the text width; left out if it could not be drawn."""
        if svg is None:
            return
        if self.svg_handler is None:
            self.svg_handler = _SvgObject(self.doc)
            self.doc.documentLayout().registerHandler(SVG_OBJECT, self.svg_handler)
        view = self.svg_handler.renderer(svg).viewBoxF()
        width = self.doc.pageSize().width()
        height = width * view.height() / view.width() if view.width() > 0 else width / 2
        self._new_block(_block_format(top=4.0, bottom=6.0))
        fmt = QTextCharFormat()
        fmt.setObjectType(SVG_OBJECT)
        fmt.setProperty(SVG_DATA, QByteArray(svg))
        fmt.setProperty(SVG_SIZE, QSizeF(width, height))
        self.cursor.insertText("\ufffc", fmt)

    def add(self, block: Block) -> None:
        if isinstance(block, Heading):
            self.heading(block)
        elif isinstance(block, Paragraph):
            self.paragraph(block)
        elif isinstance(block, Bullets):
            self.bullets(block)
        elif isinstance(block, Outline):
            self.outline(block)
        elif isinstance(block, Table):
            self.table(block)
        elif isinstance(block, ParetoChart):
            self.chart(pareto_svg(block))
        elif isinstance(block, ContributionsChart):
            self.chart(contributions_svg(block))


def _keep_with_next(doc: QTextDocument, block: QTextBlock, body_height: float) -> None:
    """Move a heading that lands at the very foot of a page to the top of the next one."""
    offset = doc.documentLayout().blockBoundingRect(block).top() % body_height
    if offset > body_height - KEEP_WITH_NEXT_PT and offset > 1.0:
        fmt = block.blockFormat()
        fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        QTextCursor(block).setBlockFormat(fmt)


def build_document(blocks: list[Block], width: float, body_height: float,
                   device: QPdfWriter) -> tuple[QTextDocument, int | None]:
    """The text as one paged document, and the page (counted from 0) after which the
    diagram's own page goes: the page where the text asks for it, or None.

    The text is laid out as it is written, a heading at a time: each heading is measured
    (and moved to a new page if it would sit at a page's foot) while it is the last block,
    so moving it never lays out again what comes after."""
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(device)
    doc.setDocumentMargin(0.0)
    doc.setDefaultFont(_font(BODY_PT))
    doc.setPageSize(QSizeF(width, body_height))
    doc.setUndoRedoEnabled(False)
    batch = QTextCursor(doc)
    batch.beginEditBlock()  # laid out in one go up to each heading
    writer = _Writer(doc)
    place: int | None = None
    for block in blocks:
        if isinstance(block, DiagramPlace):
            place = writer.cursor.position()
            continue
        writer.add(block)
        if isinstance(block, Heading):
            batch.endEditBlock()
            _keep_with_next(doc, writer.cursor.block(), body_height)
            batch.beginEditBlock()
    batch.endEditBlock()
    if place is None:
        return doc, None
    bottom = doc.documentLayout().blockBoundingRect(doc.findBlock(place)).bottom()
    return doc, min(int(max(bottom - 1.0, 0.0) // body_height), doc.pageCount() - 1)


def _footer(painter: QPainter, area: QRectF, title: str, number: int, total: int) -> None:
    top = area.bottom() - FOOTER_PT + 8.0
    painter.save()
    painter.setPen(QPen(QColor(RULE), 0.6))
    painter.drawLine(QPointF(area.left(), top), QPointF(area.right(), top))
    painter.setPen(QColor(QUIET_INK))
    painter.setFont(_font(8.0))
    text_rect = QRectF(area.left(), top + 3.0, area.width(), FOOTER_PT - 11.0)
    page_text = f"Page {number} of {total}"
    painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignRight), page_text)
    room = QRectF(text_rect.left(), text_rect.top(), text_rect.width() - 90.0,
                  text_rect.height())
    elided = painter.fontMetrics().elidedText(title, Qt.TextElideMode.ElideRight,
                                              int(room.width()))
    painter.drawText(room, int(Qt.AlignmentFlag.AlignLeft), elided)
    painter.restore()


def _area(writer: QPdfWriter) -> QRectF:
    rect = writer.pageLayout().paintRect(QPageLayout.Unit.Point)
    return QRectF(0, 0, rect.width(), rect.height())


def export_report_pdf(case: Case, path: str | Path, page: str = "A4") -> None:
    """Write the whole workshop report to ``path`` as a multi-page PDF: whole and checked,
    or a ``WriteError`` that leaves the previous file as it was."""
    check_target(path)  # a missing folder is reported before the report is set
    write_bytes(path, report_pdf_bytes(case, page), check_pdf)


def report_pdf_bytes(case: Case, page: str = "A4") -> bytes:
    """The whole workshop report as a multi-page PDF."""
    size = page_size(page)
    ensure_gui_app()
    title = one_line(case.title) or one_line(case.problem.question) or "Workshop report"
    writer, buffer = pdf_writer(title)
    margins = QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM)
    portrait = QPageLayout(size, QPageLayout.Orientation.Portrait, margins,
                           QPageLayout.Unit.Millimeter)
    writer.setPageLayout(portrait)
    area = _area(writer)
    body_height = area.height() - FOOTER_PT
    doc, diagram_after = build_document(report_blocks(case), area.width(), body_height,
                                        writer)
    diagram = case.fishbone
    layout = render_layout_for_export(diagram) if diagram_after is not None else None
    total = doc.pageCount() + (diagram_after is not None)
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError("the PDF writer could not start")
    number = 0
    try:
        for i in range(doc.pageCount()):
            if number:
                writer.newPage()
            number += 1
            painter.save()
            painter.translate(0, -i * body_height)
            doc.drawContents(painter, QRectF(0, i * body_height, area.width(), body_height))
            painter.restore()
            _footer(painter, area, title, number, total)
            if i == diagram_after and layout is not None:
                landscape = choose_orientation(layout, size)
                writer.setPageLayout(QPageLayout(size, landscape, margins,
                                                 QPageLayout.Unit.Millimeter))
                writer.newPage()
                number += 1
                here = _area(writer)
                paint_page(painter, QRectF(0, 0, here.width(), here.height() - FOOTER_PT),
                           layout, diagram)
                _footer(painter, here, title, number, total)
                writer.setPageLayout(portrait)
    finally:
        painter.end()
    return bytes(buffer.data().data())
