"""What the group agreed not to address: an ordered list of plain strings, edited by verbs."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fishbone.changes import Change
from sixstep.edits.fields import InsertItem, MoveItem, RemoveItem, SetText, touches
from ui.common import theme
from ui.document.document import CaseDocument
from ui.widgets.buttons import add_key, add_move_keys, reorder_buttons
from ui.widgets.fields import PlainLineEdit, try_apply

PATH = ("not_addressed",)


class NotAddressedEditor(QWidget):
    """An entry line (Enter adds), the list (double-click edits) and ordering buttons."""

    def __init__(self, doc: CaseDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        title = theme.plain_label("Not addressed, most important first", "subheading",
                                  parent=self)
        layout.addWidget(title)
        self.list_widget = QListWidget(self)
        self.list_widget.setAccessibleName("Not addressed list")
        self.list_widget.setWordWrap(True)
        self.list_widget.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                         | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.list_widget.itemChanged.connect(self._on_list_item_changed)
        layout.addWidget(self.list_widget, 1)
        self.entry = PlainLineEdit(self)
        self.entry.setAccessibleName("New not-addressed item")
        self.entry.setPlaceholderText("Something the group will not address; Enter adds it")
        self.entry.returnPressed.connect(self._on_entry_return_pressed)
        layout.addWidget(self.entry)
        self.chrome = QWidget(self)
        buttons = QHBoxLayout(self.chrome)
        buttons.setContentsMargins(0, 0, 0, 0)
        self.remove_button, self.up_button, self.down_button = reorder_buttons(
            self.chrome, "item", self.remove_current, self.move_current)
        for button in (self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addWidget(self.chrome)
        add_move_keys(self.list_widget, self.move_current,
                      Qt.ShortcutContext.WidgetWithChildrenShortcut)
        add_key(self.list_widget, "Delete", self.remove_current)
        doc.changed.connect(self._on_doc_changed)
        doc.replaced.connect(self.refresh)

    @property
    def items(self) -> list[str]:
        return self.doc.case.not_addressed

    def _on_doc_changed(self, change: Change) -> None:
        if touches(change, PATH):
            self.refresh()

    def refresh(self) -> None:
        row = self.list_widget.currentRow()
        with QSignalBlocker(self.list_widget):
            if self.list_widget.count() == len(self.items):  # in place: the edited item's
                for number, text in enumerate(self.items):  # change signal may still run
                    self.list_widget.item(number).setText(text)
            else:
                self.list_widget.clear()
                for text in self.items:
                    item = QListWidgetItem(text)
                    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
                    self.list_widget.addItem(item)
            if self.items and row >= 0:
                self.list_widget.setCurrentRow(min(row, len(self.items) - 1))

    def _on_entry_return_pressed(self) -> None:
        text = self.entry.text().strip()
        if not text or not try_apply(self.doc, InsertItem(PATH, text), "Add not-addressed item"):
            return
        self.entry.clear()
        self.list_widget.setCurrentRow(len(self.items) - 1)

    def _on_list_item_changed(self, item: QListWidgetItem) -> None:
        row = self.list_widget.row(item)
        text = item.text().strip()
        if not (0 <= row < len(self.items) and text and text != self.items[row]
                and try_apply(self.doc, SetText((*PATH, row), text), "Edit not-addressed item")):
            self.refresh()

    def remove_current(self) -> None:
        row = self.list_widget.currentRow()
        if 0 <= row < len(self.items):
            try_apply(self.doc, RemoveItem(PATH, row), "Remove not-addressed item")

    def move_current(self, step: int) -> None:
        row = self.list_widget.currentRow()
        target = row + step
        if 0 <= row < len(self.items) and 0 <= target < len(self.items):
            try_apply(self.doc, MoveItem(PATH, row, target), "Reorder not-addressed items")
            self.list_widget.setCurrentRow(target)

    def set_editing_visible(self, on: bool) -> None:
        self.chrome.setVisible(on)
        self.entry.setVisible(on)

