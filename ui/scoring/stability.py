"""How sure is the lead: for each want weight, the range of its share that keeps the leader."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sixstep.case import Case
from sixstep.scoring import ScoringResult
from ui.common.theme import PlainLabel
from ui.scoring.score_text import format_value
from ui.widgets.table_fit import TableFitter

HEADERS = ("Want criterion", "Weight", "Share now", "Leader stays first while the share is")


def fragile_text(result: ScoringResult | None) -> str:
    """The warning shown above the matrix, or "" when the lead is solid (or there is none)."""
    if result is None or not result.fragile:
        return ""
    return "\u26a0 The lead is fragile. " + " ".join(result.fragile)


def range_text(low: float, high: float) -> str:
    if low <= 0 and high >= 1:
        return "anything from 0% to 100%"
    return f"between {low:.0%} and {high:.0%}"


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

    def show_result(self, case: Case, result: ScoringResult | None) -> None:
        wants = [c for c in case.criteria if c.kind == "want"]
        leader = None
        if result is not None and result.leader:
            leader = next(r.name for r in result.ranking if r.alternative == result.leader)
        if result is None or leader is None:
            self.summary_label.setText("No alternative leads yet: score every cell of at "
                                       "least one alternative that passes the musts.")
        elif result.fragile:
            self.summary_label.setText(f"{leader} leads. {fragile_text(result)}")
        else:
            self.summary_label.setText(f"{leader} leads. The lead holds while each weight's "
                                       "share stays inside the range below (the other "
                                       "weights rescaled to match).")
        self.table.setRowCount(len(wants))
        for row, criterion in enumerate(wants):
            weight = "not set" if criterion.weight is None else format_value(criterion.weight)
            share = low_high = ""
            if result is not None and criterion.id in result.shares:
                share = f"{result.shares[criterion.id]:.0%}"
            if result is not None and leader and criterion.id in result.stability:
                low_high = range_text(*result.stability[criterion.id])
            for column, text in enumerate((criterion.name, weight, share, low_high)):
                item = QTableWidgetItem(text)
                if column in (1, 2):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, column, item)
        self.fitter.fit()
