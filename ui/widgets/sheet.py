"""A table view that keys like a spreadsheet: Enter commits and moves down the same column, the
current cell is framed even inside a highlighted row, and a refused value stays in its editor
with the reason shown beside it (the cursor does not move on). Focus going into a cell's
editor and back repaints that cell, not the whole table."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, Qt, SignalInstance
from PySide6.QtGui import QFocusEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QLabel,
    QLineEdit,
    QTableView,
    QWidget,
)

_KEEP_OPEN = (QAbstractItemDelegate.EndEditHint.SubmitModelCache,
              QAbstractItemDelegate.EndEditHint.EditNextItem,
              QAbstractItemDelegate.EndEditHint.EditPreviousItem)


class SheetView(QTableView):
    """``listen_refusals(signal)`` takes the model's "refused(reason)" signal: a value refused
    while Enter or Tab commits it keeps the editor open, with the reason under the cell."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._refused = ""
        self._committing = False
        self._lent_focus = False  # the focus went into a cell editor of ours (and comes back)
        self.refusal_label = QLabel(self)
        self.refusal_label.setObjectName("refusal")
        self.refusal_label.setWordWrap(True)
        self.refusal_label.setAutoFillBackground(True)
        self.refusal_label.setForegroundRole(QPalette.ColorRole.ToolTipText)
        self.refusal_label.setBackgroundRole(QPalette.ColorRole.ToolTipBase)
        self.refusal_label.setFrameShape(QLabel.Shape.Box)
        self.refusal_label.setMargin(3)
        self.refusal_label.hide()

    def listen_refusals(self, signal: SignalInstance) -> None:
        signal.connect(self._on_model_refused)

    def refusal_text(self) -> str:
        """The reason shown beside the open editor ("" when none is shown)."""
        return self.refusal_label.text() if self.refusal_label.isVisible() else ""

    def _on_model_refused(self, reason: str) -> None:
        if self._committing:
            self._refused = reason

    def commitData(self, editor: QWidget) -> None:  # noqa: N802 - Qt override
        self._refused, self._committing = "", True
        try:
            super().commitData(editor)
        finally:
            self._committing = False

    def closeEditor(self, editor: QWidget,  # noqa: N802 - Qt override
                    hint: QAbstractItemDelegate.EndEditHint) -> None:
        refused, self._refused = self._refused, ""
        if refused and hint in _KEEP_OPEN:
            self._show_refusal(editor, refused)
            return
        self.refusal_label.hide()
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:
            super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            self.move_on()
            return
        super().closeEditor(editor, hint)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        """Qt repaints the whole table when the focus leaves it; into a cell editor of ours
        only the cell under it changes (its focus frame), and the editor covers it."""
        focused = QApplication.focusWidget()
        if focused is not None and self.viewport().isAncestorOf(focused):
            self._lent_focus = True
            self._update_current()
            return
        self._lent_focus = False
        super().focusOutEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        """Back from a cell editor: only the current cell (framed again) is repainted."""
        lent, self._lent_focus = self._lent_focus, False
        index = self.currentIndex()
        if not lent or not index.isValid():
            super().focusInEvent(event)
            return
        editable = bool(index.flags() & Qt.ItemFlag.ItemIsEditable)
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, editable)
        self._update_current()

    def _update_current(self) -> None:
        """Repaint the current cell and the selected ones (a style may draw a selection
        differently while the table has the focus)."""
        selection = self.selectionModel()
        for index in [self.currentIndex(), *(selection.selectedIndexes() if selection else [])]:
            if index.isValid():
                self.update(index)

    def _show_refusal(self, editor: QWidget, reason: str) -> None:
        """The reason in a box under the editor (over it when the view ends first); the typed
        value stays, selected, so the next keys replace it."""
        label = self.refusal_label
        label.setText(reason)
        label.setMaximumWidth(max(200, self.viewport().width() - 8))
        label.adjustSize()
        corner = editor.mapTo(self, QPoint(0, editor.height()))
        if corner.y() + label.height() > self.height():
            corner = editor.mapTo(self, QPoint(0, -label.height()))
        left = min(corner.x(), max(0, self.width() - label.width()))
        label.move(left, corner.y())
        label.show()
        label.raise_()
        if isinstance(editor, QLineEdit):
            editor.selectAll()
        editor.setFocus()

    def next_cell(self, index: QModelIndex) -> QModelIndex:
        """Where Enter goes after a commit: down the same column (it stays on the last row)."""
        model = self.model()
        if index.isValid() and model is not None and index.row() + 1 < model.rowCount():
            return model.index(index.row() + 1, index.column())
        return index

    def move_on(self) -> None:
        target = self.next_cell(self.currentIndex())
        if target.isValid():
            self.setCurrentIndex(target)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        """Draws the table, then a frame round the current cell in the colour that stands
        out from its row (the highlighted text colour on a highlighted row)."""
        super().paintEvent(event)
        index = self.currentIndex()
        if not index.isValid() or self.state() == QAbstractItemView.State.EditingState:
            return
        rect = self.visualRect(index)
        if rect.isEmpty():
            return
        selected = self.selectionModel() is not None and self.selectionModel().isSelected(index)
        role = (QPalette.ColorRole.HighlightedText if selected
                else QPalette.ColorRole.Highlight)
        painter = QPainter(self.viewport())
        painter.setPen(QPen(self.palette().color(role), 2, Qt.PenStyle.SolidLine))
        painter.drawRect(rect.adjusted(1, 1, -1, -1))
        painter.end()
