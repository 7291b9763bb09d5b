"""How sure is the lead: for each want weight, the range of its share that keeps the leader.
Filled in only while its tab is seen: a score typed with another tab chosen costs it nothing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sixstep import result_text
from sixstep.case import Case
from sixstep.scoring import ScoringResult
from ui.common.theme import PlainLabel
from ui.widgets.table_fit import TableFitter

HEADERS = ("Want criterion", "Weight", "Share now", "Leader stays first while the share is")


def fragile_text(result: ScoringResult | None) -> str:
    """The warning shown above the matrix, or "" when the lead is solid (or there is none)."""
    return result_text.fragile_warning(result.fragile if result is not None else ())


class StabilityPanel(QWidget):
    """A sentence on the leader and a table of weights with their stable ranges."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.summary_label = PlainLabel("", self)
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)
        self.summary_label.setWordWrap(True)
        self.summary_label.setAccessibleName("How sure the lead is")
        layout.addWidget(self.summary_label)
        self.table = QTableWidget(0, len(HEADERS), self)
        self.table.setAccessibleName("Weights and the range that keeps the leader first")
        self.table.setHorizontalHeaderLabels(list(HEADERS))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setAccessibleName("Weights and ranges: column headings")
        self.table.verticalHeader().setAccessibleName("Weights and ranges: row numbers")
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.fitter = TableFitter(self.table)
        layout.addWidget(self.table, 1)
        self._waiting: tuple[Case, ScoringResult | None, bool] | None = None  # not shown yet

    def show_result(self, case: Case, result: ScoringResult | None,
                    hidden: bool = False) -> None:
        """The leader's ranges in ``result`` (``hidden``: none, while the room scores blind),
        filled in now if the panel is seen, else when it is shown (its tab chosen)."""
        self._waiting = (case, result, hidden)
        if self.isVisible():
            self._fill()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._waiting is not None:
            self._fill()

    def _fill(self) -> None:
        assert self._waiting is not None
        (case, result, hidden), self._waiting = self._waiting, None
        self.table.setVisible(not hidden)
        if hidden:
            self.summary_label.setText(result_text.blind_hidden_view("How sure the lead is"))
            return
        wants = [c for c in case.criteria if c.kind == "want"]
        leader = None
        if result is not None and result.leader:
            leader = next(r.name for r in result.ranking if r.alternative == result.leader)
        self.summary_label.setText(result_text.lead_summary(
            leader, result.fragile if result is not None else ()))
        self.table.setRowCount(len(wants))
        for row, criterion in enumerate(wants):
            weight = result_text.weight_text(criterion.weight)
            share = low_high = ""
            if result is not None and criterion.id in result.shares:
                share = result_text.share_text(result.shares[criterion.id])
            if result is not None and leader and criterion.id in result.stability:
                low_high = result_text.stability_sentence(*result.stability[criterion.id])
            for column, text in enumerate((criterion.name, weight, share, low_high)):
                item = QTableWidgetItem(text)
                if column in (1, 2):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, column, item)
        self.fitter.fit()
