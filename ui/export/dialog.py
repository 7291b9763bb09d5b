"""The export options dialog: format (pictures, or the causes as text), PNG resolution and
background, PDF page size."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QWidget,
)

FORMAT_CHOICES: tuple[tuple[str, str], ...] = (
    ("png", "PNG picture (for slides and mail)"),
    ("pdf", "PDF page (vector, text can be selected)"),
    ("svg", "SVG drawing (vector, for editing)"),
    # the causes as text (sixstep.interchange): for a wiki, an outliner or a spreadsheet
    ("mermaid", "Mermaid ishikawa (text, for a wiki)"),
    ("markdown", "Markdown outline (text)"),
    ("opml", "OPML outline (mind maps and outliners)"),
    ("csv", "CSV table (spreadsheets)"),
)
SUFFIXES = {"png": ".png", "pdf": ".pdf", "svg": ".svg", "mermaid": ".mmd", "markdown": ".md",
            "opml": ".opml", "csv": ".csv"}
TEXT_FORMATS = frozenset({"mermaid", "markdown", "opml", "csv"})
PAGES: tuple[str, ...] = ("A4", "A3", "Letter")  # the page sizes ui.export.page knows


@dataclass
class ExportOptions:
    fmt: str = "png"
    dpi: int = 150
    transparent: bool = False
    page: str = "A4"
    key: bool = False  # PNG: the title above and the key below, as on the PDF page
    poster: bool = False  # PDF: tiled over several pages at reading size, with crop marks


# (asked dpi, title and key) -> (the dpi a PNG would be written at, laid out densely or not)
PicturePlanner = Callable[[int, bool], tuple[int, bool]]


def picture_note(asked: int, used: int, dense: bool) -> str:
    """What the dialog says about a big diagram's PNG, before it is written."""
    if used < asked:
        return (f"This diagram is too large for one picture at {asked} dpi: it will be laid "
                f"out densely, with smaller text, and written at {used} dpi.")
    if dense:
        return (f"This diagram is large: it will be laid out densely, with smaller text, "
                f"to fit one picture at {asked} dpi.")
    return ""


class ExportDialog(QDialog):
    """Asks how to export; ``options()`` reads the choice back. With a ``planner`` it says
    before the export when a big diagram's PNG will be dense or at a lower resolution."""

    def __init__(self, options: ExportOptions, parent: QWidget | None = None,
                 planner: PicturePlanner | None = None) -> None:
        super().__init__(parent)
        self.planner = planner
        self.setWindowTitle("Export the fishbone diagram")
        self.setAccessibleName("Export options")
        form = QFormLayout(self)
        self.format_box = QComboBox(self)
        self.format_box.setAccessibleName("Export format")
        for key, label in FORMAT_CHOICES:
            self.format_box.addItem(label, key)
        self.format_box.setCurrentIndex([k for k, _ in FORMAT_CHOICES].index(options.fmt))
        self.dpi_box = QSpinBox(self)
        self.dpi_box.setAccessibleName("PNG resolution in dots per inch")
        self.dpi_box.setRange(36, 1200)
        self.dpi_box.setSingleStep(50)
        self.dpi_box.setSuffix(" dpi")
        self.dpi_box.setValue(options.dpi)
        self.transparent_box = QCheckBox("Transparent background", self)
        self.transparent_box.setAccessibleName("Transparent background")
        self.transparent_box.setChecked(options.transparent)
        self.key_box = QCheckBox("Title and key (as on the PDF page)", self)
        self.key_box.setAccessibleName("Title and key on the picture")
        self.key_box.setChecked(options.key)
        self.poster_box = QCheckBox("Poster: tiled over several pages at reading size", self)
        self.poster_box.setAccessibleName("Poster over several pages")
        self.poster_box.setToolTip("Each page overlaps the next by 10 mm and has crop marks;"
                                   " trim and glue them into one large diagram.")
        self.poster_box.setChecked(options.poster)
        self.page_box = QComboBox(self)
        self.page_box.setAccessibleName("PDF page size")
        self.page_box.addItems(list(PAGES))
        self.page_box.setCurrentText(options.page)
        self.note = QLabel("Pictures always use the light colours, whatever the screen shows.",
                           self)
        self.note.setWordWrap(True)
        self.size_note = QLabel(self)
        self.size_note.setAccessibleName("Picture size note")
        self.size_note.setWordWrap(True)
        self.size_note.setVisible(False)
        form.addRow("&Format", self.format_box)
        form.addRow("&Resolution", self.dpi_box)
        form.addRow("", self.transparent_box)
        form.addRow("", self.key_box)
        form.addRow(self.size_note)
        form.addRow("&Page", self.page_box)
        form.addRow("", self.poster_box)
        form.addRow(self.note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Export\u2026")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.format_box.currentIndexChanged.connect(self._on_format_box_changed)
        self.dpi_box.valueChanged.connect(self._update_size_note)
        self.key_box.toggled.connect(self._update_size_note)
        self._on_format_box_changed()

    def _on_format_box_changed(self) -> None:
        fmt = self.format_box.currentData()
        self.dpi_box.setEnabled(fmt == "png")
        self.transparent_box.setEnabled(fmt == "png")
        self.key_box.setEnabled(fmt == "png")
        self.page_box.setEnabled(fmt == "pdf")
        self.poster_box.setEnabled(fmt == "pdf")
        self.note.setVisible(fmt not in TEXT_FORMATS)  # text has no colours
        self._update_size_note()

    def _update_size_note(self) -> None:
        text = ""
        if self.planner is not None and self.format_box.currentData() == "png":
            asked = self.dpi_box.value()
            text = picture_note(asked, *self.planner(asked, self.key_box.isChecked()))
        self.size_note.setText(text)
        self.size_note.setVisible(bool(text))

    def options(self) -> ExportOptions:
        return ExportOptions(self.format_box.currentData(), self.dpi_box.value(),
                             self.transparent_box.isChecked(), self.page_box.currentText(),
                             self.key_box.isChecked(), self.poster_box.isChecked())
