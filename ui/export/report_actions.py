"""File > Export report: the whole workshop as Markdown or as a PDF, chosen in the save dialog.

The question to the user (``ask_path``) is a method that tests replace.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from sixstep.atomic import failure_message, write_bytes
from ui.common.settings import AppSettings
from ui.document.document import CaseDocument

REPORT_FILTERS = {"pdf": "PDF report (*.pdf)", "md": "Markdown report (*.md)"}
REPORT_SUFFIXES = {"pdf": ".pdf", "md": ".md"}
PAGES = ("A4", "A3", "Letter")


def report_format(path: Path, chosen_filter: str) -> str:
    """``md`` or ``pdf``: the typed suffix wins; otherwise the filter picked in the dialog."""
    suffix = path.suffix.lower()
    for fmt, wanted in REPORT_SUFFIXES.items():
        if suffix == wanted:
            return fmt
    for fmt, text in REPORT_FILTERS.items():
        if chosen_filter == text:
            return fmt
    return "pdf"


class ReportActions(QObject):
    """Write the open case's workshop report; ``done(message)`` reports success."""

    done = Signal(str)

    def __init__(self, window: QWidget, doc: CaseDocument, settings: AppSettings,
                 show_error) -> None:
        super().__init__(window)
        self.window, self.doc, self.settings = window, doc, settings
        self.show_error = show_error  # (title, text) -> None

    # -- the question (tests replace it) -------------------------------------------------
    def ask_path(self, suggested: Path) -> tuple[Path, str] | None:
        """Where to write and in which format (``md`` or ``pdf``), or None when cancelled."""
        name, chosen = QFileDialog.getSaveFileName(
            self.window, "Export the workshop report", str(suggested),
            ";;".join(REPORT_FILTERS.values()), REPORT_FILTERS["pdf"])
        if not name:
            return None
        path = Path(name)
        return path, report_format(path, chosen)

    # -- the verb ------------------------------------------------------------------------
    def suggested_path(self) -> Path:
        if self.doc.path is not None:
            stem = self.doc.path.name.removesuffix(".json").removesuffix(".case")
            return self.doc.path.with_name(f"{stem}.report.pdf")
        folder = Path(self.settings.value("last_directory") or Path.home())
        return folder / "workshop.report.pdf"

    def page(self) -> str:
        page = self.settings.value("export/page")
        return page if page in PAGES else "A4"

    def export_report(self) -> Path | None:
        """Ask where, then write the report; returns the path written."""
        answer = self.ask_path(self.suggested_path())
        if answer is None:
            return None
        path, fmt = answer
        if path.suffix.lower() != REPORT_SUFFIXES[fmt]:
            path = path.with_name(path.name + REPORT_SUFFIXES[fmt])
        try:
            write_report(self.doc, fmt, path, self.page())
        except Exception as exc:  # every failure is shown, in plain words
            self.show_error("Export failed", failure_message(path, exc))
            return None
        self.done.emit(f"Exported the workshop report to {path.name}")
        return path


def write_report(doc: CaseDocument, fmt: str, path: Path, page: str = "A4") -> None:
    """Write the report of the document's case as Markdown (``md``) or PDF (``pdf``)."""
    if fmt == "md":
        from sixstep.report import report_markdown

        write_bytes(path, report_markdown(doc.case).encode("utf-8"))
    else:
        from ui.export.report_pdf import export_report_pdf

        export_report_pdf(doc.case, path, page)
