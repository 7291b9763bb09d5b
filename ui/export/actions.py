"""The window's export verbs: export the diagram to a file (a picture, or its causes as
Mermaid, Markdown, OPML or CSV text), copy it as a picture, print it.

Questions to the user (``ask_options``, ``ask_path``) are methods that tests replace. The
last choices are remembered in the settings table.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from sixstep.atomic import failure_message, write_bytes
from sixstep.interchange import export_bytes
from ui.common.settings import AppSettings
from ui.document.document import CaseDocument
from ui.export.dialog import PAGES, SUFFIXES, TEXT_FORMATS, ExportDialog, ExportOptions

FILTERS = {"png": "PNG pictures (*.png)", "pdf": "PDF documents (*.pdf)",
           "svg": "SVG drawings (*.svg)", "mermaid": "Mermaid ishikawa (*.mmd)",
           "markdown": "Markdown outlines (*.md)", "opml": "OPML outlines (*.opml)",
           "csv": "CSV tables (*.csv)"}


class ExportActions(QObject):
    """Export, copy and print the open case's fishbone; ``done(message)`` reports success."""

    done = Signal(str)

    def __init__(self, window: QWidget, doc: CaseDocument, settings: AppSettings,
                 show_error) -> None:
        super().__init__(window)
        self.window, self.doc, self.settings = window, doc, settings
        self.show_error = show_error  # (title, text) -> None

    # -- questions (tests replace these) -------------------------------------------------
    def ask_options(self, options: ExportOptions) -> ExportOptions | None:
        dialog = ExportDialog(options, self.window, self.picture_plan)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.options()

    def ask_path(self, fmt: str, suggested: Path) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(self.window, "Export the fishbone diagram",
                                              str(suggested), FILTERS[fmt])
        return Path(name) if name else None

    # -- verbs ---------------------------------------------------------------------------
    def remembered_options(self) -> ExportOptions:
        fmt = self.settings.value("export/format")
        page = self.settings.value("export/page")
        return ExportOptions(
            fmt if fmt in SUFFIXES else "png",
            min(max(int(self.settings.value("export/dpi")), 36), 1200),
            bool(self.settings.value("export/transparent")),
            page if page in PAGES else "A4",
            bool(self.settings.value("export/key")),
            bool(self.settings.value("export/poster")),
        )

    def picture_plan(self, dpi: int, key: bool) -> tuple[int, bool]:
        """The resolution a PNG of the diagram would be written at, and whether densely."""
        from ui.export.diagram import plan_picture

        plan = plan_picture(self.doc.diagram, dpi, key)
        return round(plan.dpi), plan.dense

    def suggested_path(self, fmt: str) -> Path:
        if self.doc.path is not None:
            stem = self.doc.path.name.removesuffix(".json").removesuffix(".case")
            return self.doc.path.with_name(f"{stem}.fishbone{SUFFIXES[fmt]}")
        folder = Path(self.settings.value("last_directory") or Path.home())
        return folder / f"fishbone{SUFFIXES[fmt]}"

    def export_diagram(self) -> Path | None:
        """Ask how and where, then write the file; returns the path written."""
        options = self.ask_options(self.remembered_options())
        if options is None:
            return None
        self.settings.set_value("export/format", options.fmt)
        self.settings.set_value("export/dpi", options.dpi)
        self.settings.set_value("export/transparent", options.transparent)
        self.settings.set_value("export/page", options.page)
        self.settings.set_value("export/key", options.key)
        self.settings.set_value("export/poster", options.poster)
        path = self.ask_path(options.fmt, self.suggested_path(options.fmt))
        if path is None:
            return None
        if path.suffix.lower() != SUFFIXES[options.fmt]:
            path = path.with_name(path.name + SUFFIXES[options.fmt])
        try:
            used = write_export(self.doc, options, path)
        except Exception as exc:  # every failure is shown, in plain words
            self.show_error("Export failed", failure_message(path, exc))
            return None
        if used is not None and used < options.dpi:
            self.done.emit(f"Exported the diagram to {path.name} at {used} dpi, laid out "
                           f"densely: at {options.dpi} dpi the picture would be too large")
        else:
            self.done.emit(f"Exported the diagram to {path.name}")
        return path

    def copy_diagram(self) -> None:
        from ui.export.diagram import copy_to_clipboard

        try:
            copy_to_clipboard(self.doc.diagram)
        except ValueError as exc:
            self.show_error("Copy failed", str(exc))
            return
        self.done.emit("Copied the diagram as a picture")

    def print_diagram(self) -> None:
        from ui.export.diagram import print_with_preview

        if print_with_preview(self.doc.diagram, self.window):
            self.done.emit("Sent the diagram to the printer")


def write_export(doc: CaseDocument, options: ExportOptions, path: Path) -> int | None:
    """Write the diagram in the chosen format (light colours, the layout of the screen), or
    its causes as text; returns a PNG's resolution (lower than asked for a huge picture)."""
    if options.fmt in TEXT_FORMATS:
        write_bytes(path, export_bytes(options.fmt, doc.diagram))
        return None
    from ui.export.diagram import export_pdf, export_png, export_svg

    if options.fmt == "png":
        return export_png(doc.diagram, path, options.dpi, options.transparent, options.key)
    if options.fmt == "pdf" and options.poster:
        from ui.export.poster import export_poster_pdf

        export_poster_pdf(doc.diagram, path, options.page)
    elif options.fmt == "pdf":
        export_pdf(doc.diagram, path, options.page)
    else:
        export_svg(doc.diagram, path)
    return None
