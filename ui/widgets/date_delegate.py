"""A table cell that holds an ISO date (YYYY-MM-DD) edits with a date editor and calendar.

The cell shows its text as stored; the editor opens at that date, or at today when the cell is
empty or holds text that is not a date. Enter writes the date back as YYYY-MM-DD through the
model's ``setData`` (so through its undo command), Escape leaves the cell as it was, and Delete
in the editor clears the cell. Text that is not a date is only replaced once the date is
changed: opening and closing the editor must not lose what the group wrote.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QDate, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QDateEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from sixstep.steps import iso_date

ISO_FORMAT = "yyyy-MM-dd"
_Index = QModelIndex | QPersistentModelIndex


class CellDateEdit(QDateEdit):
    """A date editor with a calendar popup that Delete clears (it asks its delegate to)."""

    clear_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat(ISO_FORMAT)
        self.setAccessibleDescription("Type the date as year, month, day; Delete clears it.")
        self.cleared = False
        self.opened_at = QDate()
        self.opened_empty = True
        self._advanced = False  # the last digit filled a section and moved on to the next

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        """Delete clears. A "-" typed after a digit that already moved on to the next part
        is taken as that move, so "2026-12-15" typed in full lands where it reads."""
        if event.key() == Qt.Key.Key_Delete and not event.modifiers():
            self.cleared = True
            self.clear_requested.emit()
            return
        text = event.text()
        if text == "-" and self._advanced:
            self._advanced = False
            event.accept()
            return
        before = self.currentSectionIndex()
        super().keyPressEvent(event)
        self._advanced = text.isdigit() and self.currentSectionIndex() != before

    def iso_text(self) -> str:
        return self.date().toString(ISO_FORMAT)


class DateDelegate(QStyledItemDelegate):
    """Edits the cells of the columns it is set on with a ``CellDateEdit``."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802
                     index: _Index) -> QWidget:
        editor = CellDateEdit(parent)
        editor.setFont(option.font)
        header = index.model().headerData(index.column(), Qt.Orientation.Horizontal)
        editor.setAccessibleName(str(header or "Date").replace("\n", " "))
        editor.clear_requested.connect(lambda: self._on_editor_clear_requested(editor))
        return editor

    def _on_editor_clear_requested(self, editor: CellDateEdit) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: _Index) -> None:  # noqa: N802
        if not isinstance(editor, CellDateEdit):
            super().setEditorData(editor, index)
            return
        text = str(index.data(Qt.ItemDataRole.EditRole) or "")
        found = iso_date(text)
        day = QDate(found.year, found.month, found.day) if found else QDate.currentDate()
        editor.setDate(day)
        editor.opened_at, editor.opened_empty = editor.date(), not text.strip()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,  # noqa: N802
                     index: _Index) -> None:
        if not isinstance(editor, CellDateEdit):
            super().setModelData(editor, model, index)
            return
        text = str(index.data(Qt.ItemDataRole.EditRole) or "")
        if editor.cleared:
            if text:
                model.setData(index, "", Qt.ItemDataRole.EditRole)
            return
        untouched = editor.date() == editor.opened_at
        if untouched and not editor.opened_empty and iso_date(text) is None:
            return  # text that is not a date stays until the date is changed
        model.setData(index, editor.iso_text(), Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem,  # noqa: N802
                             index: _Index) -> None:
        """The cell's rectangle, widened to the editor's own width where the cell is narrower
        (kept inside the view, so the last column's editor opens leftwards)."""
        rect = option.rect
        width = max(rect.width(), editor.sizeHint().width())
        left = rect.left()
        parent = editor.parentWidget()
        if parent is not None and left + width > parent.width():
            left = max(0, parent.width() - width)
        editor.setGeometry(left, rect.top(), width, rect.height())
