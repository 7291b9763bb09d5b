"""The "propose weights from order" dialog: pick a method, preview, then apply as one step."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sixstep.case import Criterion
from sixstep.weights import METHODS, propose_weights
from ui.criteria.table import format_number
from ui.widgets.table_fit import TableFitter, size_for_font

_EXPLAIN = {
    "roc": "Rank-order centroid: weights in percent that add up to 100; the top criterion "
           "gets the biggest share and the gaps shrink further down the list.",
    "rank_sum": "Rank sum: the last criterion gets 1, the one above it 2, and so on up to "
                "the most important.",
    "ten_point": "The most important criterion gets 10 and each next one an equal step "
                 "less.",
}


class ProposeWeightsDialog(QDialog):
    """Shows current and proposed weights for the want criteria, in importance order."""

    def __init__(self, criteria: list[Criterion], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Propose weights from order")
        self.wants = [c for c in criteria if c.kind == "want"]
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.method_combo = QComboBox(self)
        self.method_combo.setAccessibleName("Weighting method")
        for key, label in METHODS.items():
            self.method_combo.addItem(label, key)
        form.addRow("Method:", self.method_combo)
        layout.addLayout(form)
        self.explain_label = QLabel(self)
        self.explain_label.setTextFormat(Qt.TextFormat.PlainText)
        self.explain_label.setWordWrap(True)
        layout.addWidget(self.explain_label)
        self.preview_table = QTableWidget(len(self.wants), 3, self)
        self.preview_table.setAccessibleName("Proposed weights preview")
        self.preview_table.setHorizontalHeaderLabels(["Want criterion", "Now", "Proposed"])
        self.preview_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview_table.verticalHeader().hide()
        self.preview_table.setWordWrap(True)
        header = self.preview_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.preview_table)
        note = QLabel("Must criteria are pass or fail and keep no weight. "
                      "Applying is one step: Undo puts the old weights back.", self)
        note.setTextFormat(Qt.TextFormat.PlainText)
        note.setWordWrap(True)
        layout.addWidget(note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Apply | QDialogButtonBox.StandardButton.Cancel, self)
        self.apply_button = self.buttons.button(QDialogButtonBox.StandardButton.Apply)
        self.apply_button.setAccessibleName("Apply proposed weights")
        self.apply_button.setEnabled(bool(self.wants))
        self.apply_button.setDefault(True)  # Enter applies (Cancel came first and took it)
        self.apply_button.clicked.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.method_combo.currentIndexChanged.connect(self._on_method_combo_changed)
        self.setAttribute(Qt.WidgetAttribute.WA_WindowPropagation)  # the page's font size
        self.fitter = TableFitter(self.preview_table)
        self.resize(680, 440)
        self._on_method_combo_changed()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        size_for_font(self, 64, 2 * len(self.wants) + 13)
        self.fitter.fit()

    @property
    def method(self) -> str:
        return str(self.method_combo.currentData())

    def proposed(self) -> dict[str, float]:
        """Criterion id to proposed weight for the chosen method."""
        values = propose_weights(self.method, len(self.wants))
        return {c.id: w for c, w in zip(self.wants, values, strict=True)}

    def _on_method_combo_changed(self) -> None:
        self.explain_label.setText(_EXPLAIN.get(self.method, ""))
        proposed = self.proposed()
        for row, criterion in enumerate(self.wants):
            now = "not set" if criterion.weight is None else format_number(criterion.weight)
            cells = (f"{row + 1}. {criterion.name}", now, format_number(proposed[criterion.id]))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.preview_table.setItem(row, column, item)
        self.fitter.fit()
