"""What the group agreed not to address: an ordered list of plain strings, edited by commands."""

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

from ui.common import theme
from ui.document.case_commands import (
    InsertItemCommand,
    MoveItemCommand,
    RemoveItemCommand,
    SetListItemCommand,
)
from ui.document.document import CaseDocument
from ui.widgets.buttons import add_key, add_move_keys, reorder_buttons
from ui.widgets.fields import PlainLineEdit

SECTION = "not_addressed"


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
            self.chrome, "item", self.remove, self.move)
        for button in (self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addWidget(self.chrome)
        add_move_keys(self.list_widget, self.move, Qt.ShortcutContext.WidgetWithChildrenShortcut)
        add_key(self.list_widget, "Delete", self.remove)


    @property
    def items(self) -> list[str]:
        return self.doc.case.not_addressed

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
        if not text:
            return
        self.doc.push(InsertItemCommand(self.doc, SECTION, self.items, text,
                                        label="Add not-addressed item"))
        self.entry.clear()
        self.list_widget.setCurrentRow(len(self.items) - 1)

    def _on_list_item_changed(self, item: QListWidgetItem) -> None:
        row = self.list_widget.row(item)
        text = item.text().strip()
        if 0 <= row < len(self.items) and text and text != self.items[row]:
            self.doc.push(SetListItemCommand(self.doc, SECTION, self.items, row, text,
                                             label="Edit not-addressed item"))
        else:
            self.refresh()

    def remove(self) -> None:
        row = self.list_widget.currentRow()
        if 0 <= row < len(self.items):
            self.doc.push(RemoveItemCommand(self.doc, SECTION, self.items, row,
                                            label="Remove not-addressed item"))

    def move(self, step: int) -> None:
        row = self.list_widget.currentRow()
        target = row + step
        if 0 <= row < len(self.items) and 0 <= target < len(self.items):
            self.doc.push(MoveItemCommand(self.doc, SECTION, self.items, row, target,
                                          label="Reorder not-addressed items"))
            self.list_widget.setCurrentRow(target)

    def set_editing_visible(self, on: bool) -> None:
        self.chrome.setVisible(on)
        self.entry.setVisible(on)

