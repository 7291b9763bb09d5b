"""A table of case records (terms, earlier efforts, actions): each cell edit is an undo step.

The last row is always empty: typing into it adds a record, so a table fills as fast as a
form. Delete removes the current row, Alt+Up and Alt+Down move it. The table grows with its
rows instead of scrolling inside a scrolling page.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sixstep.edits.fields import (
    EDITABLE,
    InsertItem,
    MoveItem,
    Path,
    RemoveItem,
    SetText,
    locate,
    read,
)
from ui.common.theme import plain_tip
from ui.document.document import CaseDocument
from ui.widgets.buttons import OrderedRowsMixin, add_key, add_move_keys, reorder_buttons, tab_order
from ui.widgets.fields import try_apply
from ui.widgets.rows import GrowingRowsMixin


def two_lines(text: str) -> str:
    """A heading broken at the space that makes its two lines most even."""
    words = text.split()
    if len(words) < 2:
        return text
    splits = [(" ".join(words[:i]), " ".join(words[i:])) for i in range(1, len(words))]
    first, second = min(splits, key=lambda pair: max(len(pair[0]), len(pair[1])))
    return f"{first}\n{second}"


_Index = QModelIndex | QPersistentModelIndex


class RecordTableModel(GrowingRowsMixin, QAbstractTableModel):
    """Rows are the records at ``path`` plus one empty row for a new record."""

    def __init__(self, doc: CaseDocument, path: Path, columns: Sequence[tuple[str, str]],
                 noun: str) -> None:
        super().__init__()
        self.doc, self.path = doc, path
        self.columns, self.noun = list(columns), noun
        record = EDITABLE[locate(path).base].record
        assert record is not None, f"{path} holds no records"
        self.factory = record  # what a new row makes
        self._rows = len(self.records()) + 1
        self.wrapped: set[int] = set()  # columns too narrow for their heading on one line

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def records(self) -> list:
        return read(self.doc.case, self.path)

    def is_new_row(self, row: int) -> bool:
        return row >= len(self.records())

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        records = self.records()
        attribute, header = self.columns[index.column()]
        if index.row() >= len(records):
            if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
                return f"(add {self.noun})"
            if role == Qt.ItemDataRole.ForegroundRole:
                return QPalette().brush(QPalette.ColorRole.PlaceholderText)
            if role == Qt.ItemDataRole.EditRole:
                return ""
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return f"New {self.noun}: {header}"
            return None
        value = str(getattr(records[index.row()], attribute) or "")
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return value
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tip(value)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{header}: {value}"
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            header = self.columns[section][1]
            return two_lines(header) if section in self.wrapped else header
        return "+" if self.is_new_row(section) else str(section + 1)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsEditable)

    def setData(self, index: _Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        text = str(value)
        records = self.records()
        attribute, header = self.columns[index.column()]
        if index.row() < len(records):
            if text != getattr(records[index.row()], attribute):  # a cell is one step each
                try_apply(self.doc, SetText((*self.path, index.row(), attribute), text, False),
                          f"Edit {header.lower()}")
        elif text.strip():
            try_apply(self.doc, InsertItem(self.path, self.factory(**{attribute: text})),
                      f"Add {self.noun}")
        return True

    def sync(self) -> None:
        n = len(self.records()) + 1
        self.match_row_count(n)
        self.dataChanged.emit(self.index(0, 0), self.index(n - 1, len(self.columns) - 1))
        self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, n - 1)

    def reset(self) -> None:
        self.beginResetModel()
        self._rows = len(self.records()) + 1
        self.endResetModel()


class RecordTable(OrderedRowsMixin, QWidget):
    """A ``RecordTableModel`` in a view that sizes itself to its rows, with row buttons."""

    def __init__(self, doc: CaseDocument, path: Path, columns: Sequence[tuple], label: str,
                 noun: str, parent: QWidget | None = None) -> None:
        """``path``: a list of records in ``EDITABLE``; ``columns``: (attribute, header, width
        weight[, sample text that must fit])."""
        super().__init__(parent)
        self.doc, self.path, self.label, self.noun = doc, path, label, noun
        self.weights = [c[2] for c in columns]
        self.samples = [c[3] if len(c) > 3 else "" for c in columns]
        self.model = RecordTableModel(doc, path, [(c[0], c[1]) for c in columns], noun)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setAccessibleName(label)
        self.view.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.view.setWordWrap(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                                  | QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.horizontalHeader().setHighlightSections(False)
        self.view.horizontalHeader().setAccessibleName(f"{label}: column headings")
        self.view.verticalHeader().setAccessibleName(f"{label}: row numbers")
        add_key(self.view, "Delete", self.remove_current)
        add_move_keys(self.view, self.move_current)

        self.remove_button, self.up_button, self.down_button = reorder_buttons(
            self, noun, self.remove_current, self.move_current, "Remove row")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (self.up_button, self.down_button, self.remove_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        layout.addLayout(buttons)

        self.setFocusProxy(self.view)
        self.view.viewport().installEventFilter(self)
        tab_order(self.view, self.up_button, self.down_button, self.remove_button)
        doc.changed.connect(self._on_doc_changed)
        doc.replaced.connect(self._on_doc_replaced)
        self.model.rowsInserted.connect(self.fit_rows)
        self.model.rowsRemoved.connect(self.fit_rows)
        self.model.modelReset.connect(self.fit_rows)
        self.model.dataChanged.connect(self.fit_rows)

    def remove_current(self) -> None:
        row = self.current_row()
        records = self.model.records()
        if 0 <= row < len(records):
            column = max(0, self.view.currentIndex().column())
            try_apply(self.doc, RemoveItem(self.path, row), f"Remove {self.noun}")
            self.view.setCurrentIndex(self.model.index(min(row, len(records)), column))

    def move_current(self, step: int) -> None:
        row, records = self.current_row(), self.model.records()
        target = row + step
        if not (0 <= row < len(records) and 0 <= target < len(records)):
            return
        column = max(0, self.view.currentIndex().column())
        try_apply(self.doc, MoveItem(self.path, row, target), f"Move {self.noun}")
        self.view.setCurrentIndex(self.model.index(target, column))

    def _on_doc_replaced(self) -> None:
        self.model.reset()

    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        super().resizeEvent(event)
        self.fit_columns()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt name
        """The view may take its width after this widget's own resize: fit again then."""
        if (watched is self.view.viewport() and isinstance(event, QResizeEvent)
                and event.oldSize().width() != event.size().width()):
            self.fit_columns()
        return super().eventFilter(watched, event)

    def changeEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.fit_columns()

    def fit_columns(self) -> None:
        """Share the width by weight, but never narrower than the sample or the header.

        Where one-line headers would leave the main column less than a phrase wide (big text
        on a small screen left it a word wide and cut the last column off), the headers may
        take two lines.
        """
        header = self.view.horizontalHeader()
        metrics = self.view.fontMetrics()
        available = self.view.viewport().width()

        def widest(text: str) -> int:
            return max(metrics.horizontalAdvance(line) for line in text.split("\n"))

        headers = [h for _, h in self.model.columns]
        main = self.weights.index(max(self.weights))
        for shape in (str, two_lines):
            mins = [max(widest(shape(h)) + 24, metrics.horizontalAdvance(s) + 16)
                    for h, s in zip(headers, self.samples, strict=True)]
            widths = self._share(available, mins)
            if widths[main] >= 14 * metrics.averageCharWidth() and sum(widths) <= available:
                break
        wrapped = set()
        for column, width in enumerate(widths):
            header.resizeSection(column, width)
            if width < widest(headers[column]) + 24:
                wrapped.add(column)
        if wrapped != self.model.wrapped:
            self.model.wrapped = wrapped
            self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(headers) - 1)
        self.fit_rows()

    def _share(self, available: int, mins: list[int]) -> list[int]:
        """Widths by weight, where a column whose share is below its minimum gets exactly
        the minimum."""
        fixed: set[int] = set()
        while True:
            rest = available - sum(mins[i] for i in fixed)
            weight = sum(w for i, w in enumerate(self.weights) if i not in fixed) or 1
            short = {i for i, w in enumerate(self.weights)
                     if i not in fixed and rest * w / weight < mins[i]}
            if not short:
                break
            fixed |= short
        return [max(30, mins[i] if i in fixed else int(rest * w / weight))
                for i, w in enumerate(self.weights)]

    def fit_rows(self, *args: object) -> None:
        """Rows as tall as their wrapped text; the view as tall as its rows."""
        self.view.resizeRowsToContents()
        header = self.view.horizontalHeader()
        height = header.height() + 2 * self.view.frameWidth()
        for row in range(self.model.rowCount()):
            height += self.view.rowHeight(row)
        self.view.setFixedHeight(height + 2)
