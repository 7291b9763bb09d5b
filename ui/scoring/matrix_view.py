"""The score matrix's table view: type a number, Enter stores it and moves on down."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QModelIndex, Qt
from PySide6.QtGui import QFontMetrics, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyleOptionViewItem,
    QWidget,
)

from ui.scoring.matrix import FIRST_CRITERION, ScoreMatrixModel
from ui.scoring.score_text import FAIL_WORDS, PASS_WORDS
from ui.widgets.sheet import SheetView
from ui.widgets.table_fit import TableFitter

_CLEAR_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class ScoreMatrixView(SheetView):
    """Keyboard scoring: digits open the cell, Enter commits and moves down the column (then to
    the top of the next criterion); a refused score stays in its editor with the reason; on a
    must cell P or F scores at once; Delete clears."""

    def __init__(self, model: ScoreMatrixModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.listen_refusals(model.refused)
        self.setAccessibleName("Score matrix: alternatives by criteria")
        self.setTabKeyNavigation(False)  # Tab leaves the matrix; arrows move in it
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                             | QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed)
        header = self.horizontalHeader()
        header.setAccessibleName("Score matrix: criteria")
        self.verticalHeader().setAccessibleName("Score matrix: row numbers")
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setMinimumSectionSize(24)
        self.verticalHeader().hide()
        self.fitter = TableFitter(self)
        # each cell's width hint, kept until the model says the cell changed: a score refits
        # its column and the totals measuring only the cells that changed, not every row
        self._widths: dict[tuple[int, int], int] = {}
        model.modelReset.connect(self._widths.clear)
        model.dataChanged.connect(self._on_model_data_changed)
        model.modelReset.connect(self.fit)
        model.headerDataChanged.connect(self._on_model_header_changed)
        model.header_texts_changed.connect(self._on_model_header_texts_changed)
        model.values_changed.connect(self._on_model_values_changed)

    def score_model(self) -> ScoreMatrixModel:
        model = self.model()
        assert isinstance(model, ScoreMatrixModel)
        return model

    def _on_model_header_changed(self, orientation: Qt.Orientation, first: int,
                                 last: int) -> None:
        if orientation == Qt.Orientation.Horizontal:
            self.fit_columns(range(first, last + 1))

    def _on_model_header_texts_changed(self, first: int, last: int) -> None:
        """A score changed what those headers say: the header repaints them (told directly:
        ``headerDataChanged`` makes Qt lay out and repaint every cell of the table), the
        table makes room if the header grew, and those columns refit."""
        header = self.horizontalHeader()
        height = header.sizeHint().height()
        header.headerDataChanged(Qt.Orientation.Horizontal, first, last)
        if header.sizeHint().height() != height:
            self.updateGeometries()
        self.fit_columns(range(first, last + 1))

    def _on_model_data_changed(self, first: QModelIndex, last: QModelIndex) -> None:
        model = self.score_model()
        if first.row() == 0 and first.column() == 0 and last.row() == model.rowCount() - 1 \
                and last.column() == model.columnCount() - 1:
            self._widths.clear()
            return
        for row in range(first.row(), last.row() + 1):
            for column in range(first.column(), last.column() + 1):
                self._widths.pop((row, column), None)

    def _on_model_values_changed(self) -> None:
        """A score moved the totals and ranks: refit those and the column being typed in."""
        self.fit_columns([*range(1, FIRST_CRITERION), self.currentIndex().column()])

    def fit_columns(self, columns: Iterable[int]) -> None:
        """Refit only ``columns`` (a whole ``fit`` measures every cell twice: a score edit
        cannot afford it); the names take what is left, and the rows refit only if the
        names' width changed (the header refits them when a column's width changes)."""
        model = self.score_model()
        header = self.horizontalHeader()
        for column in sorted(set(columns)):
            if 1 <= column < model.columnCount():
                self.resizeColumnToContents(column)
        others = sum(header.sectionSize(c) for c in range(1, model.columnCount()))
        least = QFontMetrics(self.font()).averageCharWidth() * (18 if model.compact else 22)
        width = max(least, self.viewport().width() - others - 2)
        if width != header.sectionSize(0):
            header.resizeSection(0, width)

    def fit(self) -> None:
        """Values and headers set the width of every column but the first; the names take
        what is left (at least 22 characters, 18 when compact); rows grow to the wrapped names."""
        self.fitter.match_header_fonts()  # first: they decide the widths
        model = self.score_model()
        header = self.horizontalHeader()
        others = 0
        self._widths.clear()
        for column in range(1, model.columnCount()):
            self.resizeColumnToContents(column)
            others += header.sectionSize(column)
        least = QFontMetrics(self.font()).averageCharWidth() * (18 if model.compact else 22)
        header.resizeSection(0, max(least, self.viewport().width() - others - 2))
        self.resizeRowsToContents()
        self._cap_rows()
        self.fitter.rows_fitted()  # the columns' resizing asked for this very refit

    def resizeColumnToContents(self, column: int) -> None:  # noqa: N802 - Qt name
        """What Qt does (the widest cell or the heading), with the widths of the cells
        unchanged since they were last measured taken as they were."""
        model = self.score_model()
        header = self.horizontalHeader()
        rows = model.rowCount()
        if rows > header.resizeContentsPrecision() or header.isSectionHidden(column):
            super().resizeColumnToContents(column)  # (Qt measures some rows of a long table)
            return
        widest = 0
        option: QStyleOptionViewItem | None = None
        for row in range(rows):
            width = self._widths.get((row, column))
            if width is None:
                if option is None:  # as Qt measures a column: one option for every cell
                    option = QStyleOptionViewItem()
                    self.initViewItemOption(option)
                index = model.index(row, column)
                width = self.itemDelegateForIndex(index).sizeHint(option, index).width()
                self._widths[(row, column)] = width
            widest = max(widest, width)
        if self.showGrid():
            widest += 1
        header.resizeSection(column, max(widest, header.sectionSizeHint(column)))

    def _cap_rows(self) -> None:
        """Short of height, long names show fewer lines (the end elided; the whole name is in
        the Review tab), as many as let every row be seen; never less than one line."""
        rows = self.model().rowCount()
        room = self.viewport().height()
        heights = [self.rowHeight(r) for r in range(rows)]
        if not rows or sum(heights) <= room:
            return
        line = QFontMetrics(self.font()).lineSpacing()
        pad = min(heights) - line * max(1, min(heights) // line)  # margins around the text
        lines = max(max(heights) - pad, line) // line
        while lines > 1 and sum(min(h, lines * line + pad) for h in heights) > room:
            lines -= 1
        model = self.model()
        floors = [max((self.sizeHintForIndex(model.index(r, c)).height()  # the values' own
                       for c in range(1, model.columnCount())), default=0)  # (larger) font
                  for r in range(rows)]
        capped = [max(min(h, lines * line + pad), floor) for h, floor in zip(heights, floors,
                                                                              strict=True)]
        spare = room - sum(capped)
        for row, height in enumerate(heights):
            if height > capped[row]:
                extra = line if spare >= line and height >= capped[row] + line else 0
                spare -= extra  # the room left: one more line, in order
                self.setRowHeight(row, capped[row] + extra)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

    def next_cell(self, index: QModelIndex) -> QModelIndex:
        """Down the column; after the last row, the first row of the next criterion."""
        model = self.score_model()
        if not index.isValid():
            return index
        if index.row() + 1 < model.rowCount():
            return model.index(index.row() + 1, index.column())
        column = index.column() + 1
        if model.criterion_at(column) is not None:
            return model.index(0, column)
        return index

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.state() == QAbstractItemView.State.EditingState:
            super().keyPressEvent(event)
            return
        index = self.currentIndex()
        model = self.score_model()
        criterion = model.criterion_at(index.column()) if index.isValid() else None
        if criterion is not None and event.modifiers() in (
                Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier):
            key = event.key()
            if key in _CLEAR_KEYS:
                model.clear(index)
                return
            if key in _ENTER_KEYS:
                self.move_on()
                return
            word = event.text().lower()
            if criterion.kind == "must" and word and (word in PASS_WORDS | FAIL_WORDS
                                                      or word in "01"):
                if model.setData(index, word) or model.own_value(
                        model.rows[index.row()].id, criterion.id) is not None:
                    self.move_on()
                return
            if key == Qt.Key.Key_Space and criterion.kind == "must":
                own = model.own_value(model.rows[index.row()].id, criterion.id)
                model.setData(index, "fail" if own else "pass")
                return
        super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.fit()
