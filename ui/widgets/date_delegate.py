"""A table cell that holds a date edits as text read by ``sixstep.dates``, with a calendar.

The editor takes what a facilitator types: an ISO date, a local date (day first unless the
locale writes the month first), or words such as "next Friday" or "end of month". The day it
reads is shown beside the text while typing, and Enter writes that day as YYYY-MM-DD through
the model's ``setData`` (so through its undo command). Text that names no day is kept as
typed: the cell shows it marked, and step 6's check names it. Nothing is ever replaced by
today's date. Escape leaves the cell as it was; Delete on the whole text clears the cell;
Up/Down move the day by one; Alt+Down or F4 opens a calendar.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import (
    QAbstractItemModel,
    QDate,
    QEvent,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QHelpEvent, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QCalendarWidget,
    QLabel,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
    QWidget,
)

from sixstep.dates import read_date
from sixstep.steps import iso_date

ISO_FORMAT = "yyyy-MM-dd"
HINT = "Type a date: 2026-12-31, 31/12/2026, next Friday, in two weeks, end of month."
_Index = QModelIndex | QPersistentModelIndex


def locale_day_first(locale: QLocale | None = None) -> bool:
    """Whether the locale writes the day before the month in short dates (most do)."""
    pattern = (locale or QLocale()).dateFormat(QLocale.FormatType.ShortFormat)
    day, month = pattern.find("d"), pattern.find("M")
    return not (0 <= month < day)


class CellDateEdit(QLineEdit):
    """A text editor for a date, with the day it reads shown at its right edge."""

    clear_requested = Signal()

    def __init__(self, parent: QWidget | None = None, day_first: bool = True) -> None:
        super().__init__(parent)
        self.day_first = day_first
        self.setAccessibleDescription(HINT + " Delete on the whole text clears it.")
        self.setToolTip(HINT)
        self.cleared = False
        self.preview = QLabel(self)
        self.preview.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.preview.setForegroundRole(self.preview.foregroundRole())
        self.calendar: QCalendarWidget | None = None
        self.textChanged.connect(self._on_text_changed)

    def day(self) -> date | None:
        """The day the text names today, or None."""
        return read_date(self.text(), date.today(), self.day_first)

    def preview_text(self) -> str:
        text = self.text().strip()
        if not text:
            return ""
        found = self.day()
        if found is None:
            return "not a date: kept as typed"
        return "\u2192 " + QDate(found.year, found.month, found.day).toString("ddd ") + (
            found.isoformat())

    def _on_text_changed(self, _text: str) -> None:
        self.preview.setText(self.preview_text())
        self.preview.adjustSize()
        self._place_preview()

    def _place_preview(self) -> None:
        width = self.preview.sizeHint().width() if self.preview.text() else 0
        self.setTextMargins(0, 0, width + 6 if width else 0, 0)
        self.preview.move(self.width() - width - 4, (self.height() - self.preview.height()) // 2)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._place_preview()

    def sizeHint(self):  # noqa: ANN201, N802 - Qt override
        hint = super().sizeHint()
        hint.setWidth(max(hint.width(), self.fontMetrics().horizontalAdvance(
            "in two weeks \u2192 Wed 2026-12-30") + 16))
        return hint

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        key, mods = event.key(), event.modifiers()
        if key == Qt.Key.Key_Delete and not mods and (
                not self.text() or self.selectedText() == self.text()):
            self.cleared = True
            self.clear_requested.emit()
            return
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and not mods:
            start = self.day() or date.today()
            step = QDate(start.year, start.month, start.day).addDays(
                1 if key == Qt.Key.Key_Up else -1)
            self.setText(step.toString(ISO_FORMAT))
            self.setModified(True)
            return
        if key == Qt.Key.Key_F4 or (key == Qt.Key.Key_Down
                                    and mods == Qt.KeyboardModifier.AltModifier):
            self.open_calendar()
            return
        super().keyPressEvent(event)

    def open_calendar(self) -> None:
        """A calendar below the editor, at the day the text names (or today)."""
        if self.calendar is None:
            self.calendar = QCalendarWidget(self)
            self.calendar.setWindowFlags(Qt.WindowType.Popup)
            self.calendar.setGridVisible(True)
            self.calendar.clicked.connect(self._on_calendar_picked)
            self.calendar.activated.connect(self._on_calendar_picked)
        found = self.day() or date.today()
        self.calendar.setSelectedDate(QDate(found.year, found.month, found.day))
        self.calendar.move(self.mapToGlobal(QPoint(0, self.height())))
        self.calendar.show()
        self.calendar.setFocus()

    def _on_calendar_picked(self, day: QDate) -> None:
        self.setText(day.toString(ISO_FORMAT))
        self.setModified(True)
        if self.calendar is not None:
            self.calendar.hide()
        self.setFocus()


class DateDelegate(QStyledItemDelegate):
    """Edits the cells of the columns it is set on with a ``CellDateEdit``; marks cells whose
    text names no date."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.day_first = locale_day_first()

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802
                     index: _Index) -> QWidget:
        editor = CellDateEdit(parent, self.day_first)
        editor.setFont(option.font)
        header = index.model().headerData(index.column(), Qt.Orientation.Horizontal)
        editor.setAccessibleName(str(header or "Date").replace("\n", " "))
        editor.clear_requested.connect(lambda: self._on_editor_clear_requested(editor))
        return editor

    def _on_editor_clear_requested(self, editor: CellDateEdit) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def preview_text(self, editor: QWidget) -> str:
        """What the editor shows beside the text (the day it reads, or that it reads none)."""
        return editor.preview_text() if isinstance(editor, CellDateEdit) else ""

    def setEditorData(self, editor: QWidget, index: _Index) -> None:  # noqa: N802
        if not isinstance(editor, CellDateEdit):
            super().setEditorData(editor, index)
            return
        if not editor.isModified():  # a key typed to open the editor is already in it
            editor.setText(str(index.data(Qt.ItemDataRole.EditRole) or ""))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,  # noqa: N802
                     index: _Index) -> None:
        if not isinstance(editor, CellDateEdit):
            super().setModelData(editor, model, index)
            return
        old = str(index.data(Qt.ItemDataRole.EditRole) or "")
        if editor.cleared:
            if old:
                model.setData(index, "", Qt.ItemDataRole.EditRole)
            return
        if not editor.isModified():
            return  # opening and closing the editor never changes what the group wrote
        text = editor.text().strip()
        found = editor.day()
        value = found.isoformat() if found is not None else text
        if value != old:
            model.setData(index, value, Qt.ItemDataRole.EditRole)

    def is_marked(self, index: _Index) -> bool:
        """Whether the cell holds text that is not a date (shown with a warning)."""
        text = str(index.data(Qt.ItemDataRole.EditRole) or "").strip()
        return bool(text) and iso_date(text) is None

    def initStyleOption(self, option: QStyleOptionViewItem, index: _Index) -> None:  # noqa: N802
        super().initStyleOption(option, index)
        if self.is_marked(index):
            style = option.widget.style() if option.widget is not None else None
            if style is not None:
                option.icon = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
                option.features |= QStyleOptionViewItem.ViewItemFeature.HasDecoration
            option.backgroundBrush = QBrush(QColor(255, 200, 0, 70))

    def helpEvent(self, event: QHelpEvent, view: QAbstractItemView,  # noqa: N802
                  option: QStyleOptionViewItem, index: _Index) -> bool:
        if event.type() == QEvent.Type.ToolTip and self.is_marked(index):
            text = str(index.data(Qt.ItemDataRole.EditRole)).strip()
            QToolTip.showText(event.globalPos(), f"\u201c{text}\u201d is not a date. {HINT}",
                              view)
            return True
        return super().helpEvent(event, view, option, index)

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
