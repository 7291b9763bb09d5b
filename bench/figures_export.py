"""Export figures, in process: the diagram as PNG (150 and 300 dpi), PDF and SVG; the report."""

from __future__ import annotations

import importlib
from pathlib import Path

from config import Config
from generate import generated_case
from harness import Recorder, Spec, with_commas
from window import qt_app

FORMATS = ("PNG 150 dpi", "PNG 300 dpi", "PDF (one page)", "SVG", "poster PDF (tiled pages)",
           "report PDF", "report Markdown")


BUDGET_MS = 5000.0  # a slower export runs once


def label(what: str, n: int, cfg: Config) -> str:
    tail = f", {cfg.report_tag}" if what.startswith("report") else ""
    return f"export {what}, {with_commas(n)} causes{tail}"


def specs(cfg: Config) -> list[Spec]:
    return [Spec(label(what, cfg.edit_size, cfg)) for what in FORMATS]


def run(cfg: Config, rec: Recorder, folder: Path) -> None:
    qt_app()
    from sixstep.report import report_markdown
    from sixstep.report_chart import forget_drawn
    from ui.export.diagram import export_pdf, export_png, export_svg
    from ui.export.report_pdf import export_report_pdf

    n, heavy = cfg.edit_size, cfg.heavy_repeat
    case = generated_case(n, cfg.report_shape)
    diagram = case.fishbone
    out = folder / f"export_{n}"
    for dpi in (150, 300):
        name = label(f"PNG {dpi} dpi", n, cfg)

        def png(dpi: int = dpi, name: str = name) -> None:
            try:
                rec.measure(name, lambda: export_png(diagram, out.with_suffix(f".{dpi}.png"),
                                                     dpi), heavy, note=lambda: _pixels(out, dpi),
                            budget_ms=BUDGET_MS)
            except ValueError as exc:  # refused: too many pixels
                rec.missed(name, f"refused: {exc}")

        rec.safely(name, png)
    name = label("PDF (one page)", n, cfg)
    rec.safely(name, lambda: rec.measure(
        name, lambda: export_pdf(diagram, out.with_suffix(".pdf")), heavy,
        budget_ms=BUDGET_MS))
    name = label("SVG", n, cfg)
    rec.safely(name, lambda: rec.measure(
        name, lambda: export_svg(diagram, out.with_suffix(".svg")), heavy,
        budget_ms=BUDGET_MS))
    poster = _poster_function()
    name = label("poster PDF (tiled pages)", n, cfg)
    if poster is None:
        rec.not_measured(name, "no poster export yet (issue 12, item 3)")
    else:
        rec.safely(name, lambda: rec.measure(
            name, lambda: poster(diagram, out.with_suffix(".poster.pdf")), heavy,
            budget_ms=BUDGET_MS))
    name = label("report PDF", n, cfg)
    rec.safely(name, lambda: rec.measure(
        name, lambda: export_report_pdf(case, out.with_suffix(".report.pdf")), heavy,
        setup=forget_drawn, budget_ms=BUDGET_MS,
        note="charts drawn afresh each time (a repeat export reuses them)"))
    name = label("report Markdown", n, cfg)
    rec.safely(name, lambda: rec.measure(
        name, lambda: out.with_suffix(".md").write_text(report_markdown(case), "utf-8"), heavy,
        budget_ms=BUDGET_MS))


def _pixels(out: Path, dpi: int) -> str:
    png = out.with_suffix(f".{dpi}.png")
    if not png.exists():
        return ""
    from PySide6.QtGui import QImageReader

    size = QImageReader(str(png)).size()
    return f"{size.width()} x {size.height()} px, {png.stat().st_size / 1e6:.1f} MB"


def _poster_function():  # noqa: ANN202 - the poster export, once some module offers it
    for module, name in (("ui.export.poster", "export_poster_pdf"),
                         ("ui.export.page", "export_poster_pdf"),
                         ("ui.export.diagram", "export_poster_pdf")):
        try:
            return getattr(importlib.import_module(module), name)
        except (ImportError, AttributeError):
            continue
    return None
