"""Keep tables and dialogs readable when the font grows (projector mode) or widths change."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QTableView, QWidget


def size_for_font(window: QWidget, chars: int, lines: int) -> None:
    """Grow a dialog to hold ``chars`` average characters by ``lines`` lines of its font,
    within the screen."""
    metrics = QFontMetrics(window.font())
    width = max(window.width(), metrics.averageCharWidth() * chars)
    height = max(window.height(), metrics.height() * lines)
    screen = window.screen()
    if screen is not None:
        area = screen.availableGeometry()
        width, height = min(width, area.width()), min(height, area.height())
    window.resize(width, height)


class TableFitter(QObject):
    """Refits a table's rows after its columns are resized, and keeps its headers' font
    equal to the table's (a header stops following its parent's font once a model is set)."""

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self.table = table
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.fit)
        table.horizontalHeader().sectionResized.connect(self._on_header_section_resized)

    def _on_header_section_resized(self, *_args: object) -> None:
        self._timer.start()

    def fit(self) -> None:
        """Match the header fonts, then size the content columns and rows to their text."""
        self.match_header_fonts()
        self.table.resizeRowsToContents()
        self._timer.stop()  # the rows fit the columns as they are now

    def match_header_fonts(self) -> None:
        """Give the headers the table's font (their text decides the column widths)."""
        font = self.table.font()
        for header in (self.table.horizontalHeader(), self.table.verticalHeader()):
            if header.font() != font:
                header.setFont(font)

    def rows_fitted(self) -> None:
        """The caller has just fitted the rows to the columns: no need to do it again."""
        self._timer.stop()
