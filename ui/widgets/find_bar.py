"""A small find bar, never modal: Ctrl+F opens it, typing finds, Enter or F3 goes to the next
match (Shift: the one before), Esc closes it and gives the keys back to where they were.

The bar only reads: its host passes ``search(text, step) -> (place, count)``, which selects the
match ``step`` away from the current one (0: the current one or the next) and says which it is
(place counts from 1; 0 when nothing matches). ``table_search(view)`` is that function for any
item view (a table or a list): rows whose text holds the typed text, case ignored.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QWidget,
)

Search = Callable[[str, int], tuple[int, int]]


class FindBar(QWidget):
    """The find field with its result ("2 of 5", "no match"), Next and Close buttons."""

    closed = Signal()

    def __init__(self, search: Search, noun: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = search
        self.return_to: QWidget | None = None
        self.setObjectName("find_bar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        label = QLabel("Find:", self)
        self.field = QLineEdit(self)
        self.field.setAccessibleName(f"Find a {noun}")
        self.field.setPlaceholderText(f"Type part of a {noun}; Enter or F3 finds the next, "
                                      "Esc closes")
        self.field.setClearButtonEnabled(True)
        label.setBuddy(self.field)
        self.result_label = QLabel("", self)
        self.result_label.setAccessibleName("Find result")
        next_button = QToolButton(self)
        next_button.setText("Next")
        next_button.setToolTip("The next match (Enter or F3; Shift+F3 the one before)")
        next_button.clicked.connect(lambda: self.go(1))
        close_button = QToolButton(self)
        close_button.setText("Close")
        close_button.setToolTip("Close the find bar (Esc)")
        close_button.clicked.connect(self.close_bar)
        for widget in (label, self.field, self.result_label, next_button, close_button):
            layout.addWidget(widget, 1 if widget is self.field else 0)
        self.field.textEdited.connect(self._on_field_text_edited)
        self.field.installEventFilter(self)
        self.hide()

    def open_bar(self) -> None:
        """Show the bar with its text selected, remembering where the keys were."""
        focus = self.window().focusWidget() if self.window() else None
        if focus is not None and not self.isAncestorOf(focus):
            self.return_to = focus
        self.show()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def close_bar(self) -> None:
        self.hide()
        if self.return_to is not None:
            self.return_to.setFocus(Qt.FocusReason.OtherFocusReason)
        self.closed.emit()

    def go(self, step: int) -> None:
        """Find again ``step`` matches on (0: from the current place) and show the result."""
        text = self.field.text()
        if not text.strip():
            self.result_label.setText("")
            return
        place, count = self.search(text, step)
        self.result_label.setText(f"{place} of {count}" if count else "No match")

    def _on_field_text_edited(self, _text: str) -> None:
        self.go(0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt name
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key, shift = event.key(), bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F3):
                self.go(-1 if shift else 1)
                return True
            if key == Qt.Key.Key_Escape:
                self.close_bar()
                return True
        return super().eventFilter(watched, event)


def install_find(host: QWidget, bar: FindBar) -> None:
    """Ctrl+F anywhere in ``host`` opens the bar; F3 there finds the next match again."""
    find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), host)
    find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    find.activated.connect(bar.open_bar)
    again = QShortcut(QKeySequence("F3"), host)
    again.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    again.activated.connect(lambda: bar.go(1))


def _row_text(model: QAbstractItemModel, row: int) -> str:
    """The row's shown text, every column (asked cell by cell: a list's model keeps its
    column count to itself)."""
    parts: list[str] = []
    column = 0
    while (index := model.index(row, column)).isValid():
        value = index.data(Qt.ItemDataRole.DisplayRole)
        if value is not None:
            parts.append(" ".join(str(value).split()))
        column += 1
    return " ".join(parts).casefold()


def table_search(view: QAbstractItemView) -> Search:
    """``search`` for an item view: makes the matching row current (same column) and shows it."""

    def search(text: str, step: int) -> tuple[int, int]:
        model = view.model()
        wanted = " ".join(text.split()).casefold()
        rows = [r for r in range(model.rowCount()) if wanted in _row_text(model, r)]
        if not rows:
            return 0, 0
        current = view.currentIndex()
        here = current.row() if current.isValid() else -1
        if step == 0:
            later = [r for r in rows if r >= here]
        elif step > 0:
            later = [r for r in rows if r > here]
        else:
            later = [r for r in reversed(rows) if r < here]
        if later:
            row = later[0]
        else:
            row = rows[0] if step >= 0 else rows[-1]
        column = current.column() if current.isValid() else 0
        index = model.index(row, max(0, column))
        view.setCurrentIndex(index)
        view.scrollTo(index)
        return rows.index(row) + 1, len(rows)

    return search
