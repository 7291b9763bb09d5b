"""The paged report's layout: a heading never sits alone at a page's foot."""

from __future__ import annotations

from PySide6.QtGui import QTextFormat

from sixstep.report_blocks import Block, Heading, Paragraph
from ui.export.page import pdf_writer
from ui.export.report_pdf import KEEP_WITH_NEXT_PT, _keep_with_next, build_document

BODY = 300.0


def _headings(doc) -> list[tuple[float, bool]]:
    """Each heading's top within its page, and whether it was sent to a new page."""
    layout, out = doc.documentLayout(), []
    block = doc.begin()
    while block.isValid():
        fmt = block.blockFormat()
        if fmt.property(QTextFormat.Property.UserProperty):
            moved = fmt.pageBreakPolicy() == QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore
            out.append((layout.blockBoundingRect(block).top() % BODY, moved))
        block = block.next()
    return out


def test_headings_at_a_page_foot_move_to_the_next_page_as_the_text_is_written():
    blocks: list[Block] = [Heading(1, "Report")]
    for k in range(1, 14):  # sections of growing length: some headings land at a page foot
        blocks.append(Heading(2, f"Section {k}"))
        blocks.extend(Paragraph(f"Line {k}.{i} of the section.") for i in range(k))
    writer, _buffer = pdf_writer("layout")
    doc, _ = build_document(blocks, 400.0, BODY, writer)
    tops = _headings(doc)
    assert sum(moved for _, moved in tops) >= 2
    assert all(top < 1.0 or top <= BODY - KEEP_WITH_NEXT_PT for top, _ in tops)
    block = doc.begin()
    while block.isValid():  # measured again on the finished text: nothing left to move
        if block.blockFormat().property(QTextFormat.Property.UserProperty):
            _keep_with_next(doc, block, BODY)
        block = block.next()
    assert _headings(doc) == tops


def test_a_chart_is_not_drawn_again_as_a_sliver_at_the_page_edge():
    from PySide6.QtCore import QRectF, QSizeF
    from PySide6.QtGui import QImage, QPainter, QTextCharFormat, QTextDocument

    from ui.export.report_pdf import SVG_DATA, SVG_SIZE, _SvgObject

    svg = (b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 50">'
           b'<rect width="100" height="50" fill="#000000"/></svg>')
    doc = QTextDocument()
    handler = _SvgObject(doc)
    fmt = QTextCharFormat()
    fmt.setProperty(SVG_DATA, svg)
    fmt.setProperty(SVG_SIZE, QSizeF(100, 50))
    drawn: list[bytes] = []
    read = handler.renderer
    handler.renderer = lambda data: drawn.append(data) or read(data)  # type: ignore[method-assign]
    image = QImage(100, 120, QImage.Format.Format_RGB32)
    image.fill(0xFFFFFF)
    for clip_bottom in (60.4, 80.0):  # the page ends 0.4 pt / 20 pt into the chart
        painter = QPainter(image)
        painter.setClipRect(QRectF(0, 0, 100, clip_bottom))
        handler.drawObject(painter, QRectF(0, 60, 100, 50), doc, 0, fmt)
        painter.end()
        assert len(drawn) == (clip_bottom > 61)
    assert image.pixel(50, 70) != image.pixel(50, 100)  # inked down to the clip only
