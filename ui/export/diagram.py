"""Exports of the fishbone diagram: PNG, PDF, SVG, layout JSON, clipboard and printing.

Exports always use the LIGHT style, whatever the screen shows. They work with no screen:
``ensure_gui_app`` starts an offscreen Qt application when none is running.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QBuffer, QIODevice, QRectF, QSize, QSizeF
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter

from fishbone.geometry import DENSE_OPTIONS, Layout
from fishbone.model import Diagram
from sixstep.atomic import check_svg, check_target, write_bytes
from ui.export.page import (
    KEYED_MARGIN,
    PAGE_SIZES,
    export_pdf,
    keyed_size,
    paint_page,
    print_with_preview,
)
from ui.painting.render import (
    DiagramPieces,
    drawing_rect,
    ensure_gui_app,
    paint_fitted,
    render_layout_for_export,
)
from ui.painting.style import DENSE, LIGHT, DiagramStyle

__all__ = [
    "FORMATS",
    "copy_to_clipboard",
    "ensure_gui_app",
    "export_case_file",
    "export_layout_json",
    "export_pdf",
    "export_png",
    "export_svg",
    "image_for_clipboard",
    "print_with_preview",
    "render_image",
    "render_layout_for_export",
    "svg_bytes",
]

FORMATS: tuple[str, ...] = ("png", "pdf", "svg", "layout-json")
DEFAULT_DPI = 150
BAND_BYTES = 16 << 20  # a PNG is drawn and compressed in bands of rows of about this size
CLIPBOARD_DPI = 144
MAX_PIXELS = 200_000_000  # width * height: the most a picture holds (800 MB in memory)
LAYOUT_JSON_FORMAT = "problem-workshop-layout"


def fitting_dpi(width_pt: float, height_pt: float, dpi: float) -> float:
    """``dpi``, or the largest whole resolution below it at which a picture of that many
    points stays within ``MAX_PIXELS`` (a big diagram exports smaller, never not at all)."""
    pixels = math.ceil(width_pt * dpi / 72) * math.ceil(height_pt * dpi / 72)
    if pixels <= MAX_PIXELS:
        return dpi
    lower = math.floor(dpi * math.sqrt(MAX_PIXELS / pixels))
    while lower > 1 and (math.ceil(width_pt * lower / 72)
                         * math.ceil(height_pt * lower / 72)) > MAX_PIXELS:
        lower -= 1
    return float(max(lower, 1))


class PicturePlan(NamedTuple):
    """How a picture of the diagram is drawn: at which resolution, from which layout."""

    dpi: float  # the resolution used: the one asked, or the largest below it that fits
    dense: bool  # laid out tighter with smaller fonts: at the asked resolution the
    # diagram's usual layout would make too large a picture
    layout: Layout
    style: DiagramStyle
    size: QSizeF  # in points: the drawing, or the page that carries the title and the key


def _picture_size(layout: Layout, diagram: Diagram, style: DiagramStyle, key: bool) -> QSizeF:
    return keyed_size(layout, diagram, style) if key else drawing_rect(layout).size()


def plan_picture(diagram: Diagram, dpi: float = DEFAULT_DPI, key: bool = False) -> PicturePlan:
    """The usual layout when its picture fits at ``dpi``; otherwise the dense one, at ``dpi``
    or, when even that is too large, at the largest resolution at which it fits."""
    layout = render_layout_for_export(diagram)
    size = _picture_size(layout, diagram, LIGHT, key)
    if fitting_dpi(size.width(), size.height(), dpi) == dpi:
        return PicturePlan(dpi, False, layout, LIGHT, size)
    layout = render_layout_for_export(diagram, DENSE, DENSE_OPTIONS)
    size = _picture_size(layout, diagram, DENSE, key)
    return PicturePlan(fitting_dpi(size.width(), size.height(), dpi), True, layout, DENSE, size)


def render_image(diagram: Diagram, dpi: float = DEFAULT_DPI, transparent: bool = False,
                 key: bool = False) -> QImage:
    """The diagram as an image: one layout unit (a point) is ``dpi / 72`` pixels; a diagram
    too large for that is laid out densely, and drawn at a lower resolution if it must be
    (``image_dpi`` tells the resolution used); ``key``: with the title above and the key to
    the marks below, as on the PDF page."""
    plan = plan_picture(diagram, _checked(dpi), key)
    width, height = _pixels(plan)
    pieces = DiagramPieces(plan.layout, diagram, plan.style)
    return _draw_rows(plan, diagram, pieces, transparent, key, width, 0, height)


def _checked(dpi: float) -> float:
    if dpi <= 0:
        raise ValueError("dpi must be a positive number")
    return dpi


def _pixels(plan: PicturePlan) -> tuple[int, int]:
    scale = plan.dpi / 72.0
    return math.ceil(plan.size.width() * scale), math.ceil(plan.size.height() * scale)


def _draw_rows(plan: PicturePlan, diagram: Diagram, pieces: DiagramPieces, transparent: bool,
               key: bool, width: int, top: int, rows: int) -> QImage:
    """Rows ``top`` to ``top + rows`` of the picture: only what reaches into them is drawn."""
    # An opaque picture is drawn straight into the bytes a PNG stores (three a pixel): no
    # alpha to fill, no copy to convert, a quarter less memory.
    fmt = (QImage.Format.Format_ARGB32_Premultiplied if transparent
           else QImage.Format.Format_RGB888)
    image = QImage(QSize(width, rows), fmt)
    dots_per_metre = round(plan.dpi / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    scale = plan.dpi / 72.0
    if transparent:
        image.fill(QColor(0, 0, 0, 0))
    painter = QPainter(image)
    if not transparent:  # (the painter fills three-byte pixels faster than QImage.fill)
        painter.fillRect(image.rect(), QColor(plan.style.background))
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.translate(0, -top)
    painter.scale(scale, scale)
    whole = QRectF(0, 0, plan.size.width(), plan.size.height())
    visible = QRectF(0, top / scale, plan.size.width(), rows / scale)
    if key:
        page = whole.adjusted(KEYED_MARGIN, KEYED_MARGIN, -KEYED_MARGIN, -KEYED_MARGIN)
        paint_page(painter, page, plan.layout, diagram, plan.style, visible, pieces)
    else:
        pieces.paint(painter, whole, visible, background=False)  # filled above, or clear
    painter.end()
    return image


def image_dpi(image: QImage) -> int:
    """The resolution an image from ``render_image`` was drawn at."""
    return round(image.dotsPerMeterX() * 0.0254)


def export_png(diagram: Diagram, path: str | Path, dpi: float = DEFAULT_DPI,
               transparent: bool = False, key: bool = False) -> int:
    """Write the PNG; returns the resolution used (below ``dpi`` for a picture too large).

    The picture is drawn a band of rows at a time, each compressed while the next is drawn."""
    from ui.export.png_writer import write_png_bands

    check_target(path)  # a missing folder is reported before the picture is drawn
    plan = plan_picture(diagram, _checked(dpi), key)
    width, height = _pixels(plan)
    pieces = DiagramPieces(plan.layout, diagram, plan.style)
    # (bands this small reuse freed memory: a fresh large block costs a page fault a page)
    rows = max(16, BAND_BYTES // (width * 4))
    bands = (_draw_rows(plan, diagram, pieces, transparent, key, width, top,
                        min(rows, height - top)) for top in range(0, height, rows))
    dots_per_metre = round(plan.dpi / 0.0254)
    write_png_bands(path, width, height, transparent, bands, (dots_per_metre, dots_per_metre))
    return round(plan.dpi)


def svg_bytes(diagram: Diagram) -> bytes:
    """A vector SVG, sized in points, with every text as a <text> element."""
    from PySide6.QtSvg import QSvgGenerator

    layout = render_layout_for_export(diagram)
    source = drawing_rect(layout)
    view = QRectF(0, 0, source.width(), source.height())
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setResolution(72)
    generator.setSize(QSize(math.ceil(view.width()), math.ceil(view.height())))
    generator.setViewBox(view)
    generator.setTitle(diagram.effect)
    generator.setDescription("Cause-and-effect diagram from Problem Workshop")
    painter = QPainter()
    if not painter.begin(generator):
        raise OSError("the SVG writer could not start")
    try:
        paint_fitted(painter, layout, diagram, view, LIGHT)
    finally:
        painter.end()
    return bytes(buffer.data().data())


def export_svg(diagram: Diagram, path: str | Path) -> None:
    """Write the SVG drawing to ``path``: whole and checked, or a ``WriteError``."""
    check_target(path)
    write_bytes(path, svg_bytes(diagram), check_svg)


def layout_json(diagram: Diagram) -> dict:
    """The layout-json document: the layout's own shape plus each box's text lines."""
    layout = render_layout_for_export(diagram)
    doc = layout.to_json()
    for entry, box in zip(doc["boxes"], layout.boxes, strict=True):
        entry.update({"role": box.role, "depth": box.depth, "text": list(box.lines)})
    return {"format": LAYOUT_JSON_FORMAT, "version": 1, "units": "pt",
            "effect": diagram.effect, **doc}


def export_layout_json(diagram: Diagram, path: str | Path) -> None:
    text = json.dumps(layout_json(diagram), indent=2, ensure_ascii=False)
    write_bytes(path, (text + "\n").encode("utf-8"))


def image_for_clipboard(diagram: Diagram) -> QImage:
    """A sharp, opaque picture for pasting into slides and mail."""
    return render_image(diagram, CLIPBOARD_DPI, transparent=False)


def copy_to_clipboard(diagram: Diagram) -> QImage:
    image = image_for_clipboard(diagram)
    QGuiApplication.clipboard().setImage(image)
    return image


def export_case_file(
    case_path: str | Path,
    fmt: str,
    out: str | Path,
    dpi: int | None = None,
    page: str | None = None,
    key: bool = False,
    poster: bool = False,
) -> int | None:
    """Load a case file and export its fishbone (the ``export`` command); ``key``: a PNG
    with the title and the key, as on the PDF page. Returns a PNG's resolution."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r} (choose {', '.join(FORMATS)})")
    if dpi is not None and fmt != "png":
        raise ValueError("--dpi applies to PNG only")
    if key and fmt != "png":
        raise ValueError("--key applies to PNG only (the PDF page always has them)")
    if poster and fmt != "pdf":
        raise ValueError("--poster applies to PDF only")
    if page is not None and (fmt != "pdf" or page not in PAGE_SIZES):
        raise ValueError(f"--page applies to PDF only, one of {', '.join(PAGE_SIZES)}")
    from sixstep.caseio import load_case

    diagram = load_case(Path(case_path)).fishbone
    ensure_gui_app()
    if fmt == "png":
        return export_png(diagram, out, dpi or DEFAULT_DPI, key=key)
    if fmt == "pdf" and poster:
        from ui.export.poster import export_poster_pdf

        export_poster_pdf(diagram, out, page or "A4")
    elif fmt == "pdf":
        export_pdf(diagram, out, page or "A4")
    elif fmt == "svg":
        export_svg(diagram, out)
    else:
        export_layout_json(diagram, out)
    return None
