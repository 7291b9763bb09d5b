"""Keep a table readable when the font grows (projector mode) or the columns change width."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QTableView


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
        font = self.table.font()
        for header in (self.table.horizontalHeader(), self.table.verticalHeader()):
            if header.font() != font:
                header.setFont(font)
        self.table.resizeRowsToContents()
