"""An editable ordered list of strings (optionally with ticks): every change is an undo step.

Enter in the entry line adds an item and keeps the focus there, so a facilitator can type as
fast as the room talks. F2 or a double click edits an item, Delete removes it, Alt+Up and
Alt+Down move it (order carries meaning). A tick list keeps its flags parallel to the items.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListView,
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
    SetTick,
    locate,
    read,
    read_ticks,
)
from ui.document.document import CaseDocument
from ui.widgets.buttons import (
    OrderedRowsMixin,
    add_key,
    add_move_keys,
    push_button,
    reorder_buttons,
    tab_order,
)
from ui.widgets.fields import PlainLineEdit, try_apply
from ui.widgets.rows import GrowingRowsMixin

_Index = QModelIndex | QPersistentModelIndex


class StringListModel(GrowingRowsMixin, QAbstractListModel):
    """Rows are the lines at ``path``; a list with ticks (see ``EDITABLE``) shows one each."""

    def __init__(self, doc: CaseDocument, path: Path, noun: str) -> None:
        super().__init__()
        self.doc, self.path, self.noun = doc, path, noun
        self.ticks = bool(EDITABLE[locate(path).base].ticks)
        self._rows = len(self.strings())

    def strings(self) -> list[str]:
        return read(self.doc.case, self.path)

    def flags_list(self) -> list[bool]:
        return read_ticks(self.doc.case, self.path)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self._rows

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        strings = self.strings()
        if not index.isValid() or index.row() >= len(strings):
            return None
        row = index.row()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole,
                    Qt.ItemDataRole.AccessibleTextRole):
            return strings[row]
        if role == Qt.ItemDataRole.CheckStateRole and self.ticks:
            flags = self.flags_list()
            done = row < len(flags) and bool(flags[row])
            return Qt.CheckState.Checked if done else Qt.CheckState.Unchecked
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not index.isValid():
            return base
        base |= Qt.ItemFlag.ItemIsEditable
        if self.ticks:
            base |= Qt.ItemFlag.ItemIsUserCheckable
        return base

    def setData(self, index: _Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid():
            return False
        row = index.row()
        if role == Qt.ItemDataRole.EditRole:
            text = str(value)
            if text != self.strings()[row]:
                try_apply(self.doc, SetText((*self.path, row), text), f"Edit {self.noun}")
            return True
        if role == Qt.ItemDataRole.CheckStateRole and self.ticks:
            done = Qt.CheckState(value) == Qt.CheckState.Checked
            try_apply(self.doc, SetTick(self.path, row, done),
                      f"{'Tick' if done else 'Untick'} {self.noun}")
            return True
        return False

    # -- verbs (a tick list moves with its items: the verbs keep the two in step) ---------
    def add(self, text: str) -> bool:
        return try_apply(self.doc, InsertItem(self.path, text), f"Add {self.noun}")

    def remove(self, row: int) -> None:
        try_apply(self.doc, RemoveItem(self.path, row), f"Remove {self.noun}")

    def move(self, row: int, target: int) -> None:
        try_apply(self.doc, MoveItem(self.path, row, target), f"Move {self.noun}")

    def sync(self) -> None:
        """Catch up with the model after any change (undo included)."""
        n = len(self.strings())
        self.match_row_count(n)
        if n:
            self.dataChanged.emit(self.index(0), self.index(n - 1))

    def reset(self) -> None:
        self.beginResetModel()
        self._rows = len(self.strings())
        self.endResetModel()


class StringListEditor(OrderedRowsMixin, QWidget):
    """A list of strings with an entry line to add, and buttons for the mouse."""

    def __init__(self, doc: CaseDocument, path: Path, label: str, noun: str,
                 placeholder: str = "", parent: QWidget | None = None) -> None:
        """``path``: a list of lines in ``EDITABLE`` (its ticks, if it has any, come along)."""
        super().__init__(parent)
        self.doc, self.path, self.label = doc, path, label
        self.model = StringListModel(doc, path, noun)
        self.view = QListView(self)
        self.view.setModel(self.model)
        self.view.setAccessibleName(label)
        self.view.setWordWrap(True)
        self.view.setUniformItemSizes(False)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.entry = PlainLineEdit(self)
        self.entry.setAccessibleName(f"New {noun}")
        self.entry.setPlaceholderText(placeholder or f"Type a {noun} and press Enter")
        self.entry.returnPressed.connect(self._on_entry_return_pressed)

        self.add_button = push_button(self, "Add", f"Add {noun}", self._on_entry_return_pressed)
        self.remove_button, self.up_button, self.down_button = reorder_buttons(
            self, noun, self.remove_current, self.move_current)
        add_key(self.view, "Delete", self.remove_current)
        add_move_keys(self.view, self.move_current)

        entry_row = QHBoxLayout()
        entry_row.addWidget(self.entry, 1)
        entry_row.addWidget(self.add_button)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (self.up_button, self.down_button, self.remove_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addLayout(entry_row)
        layout.addLayout(buttons)

        self.setFocusProxy(self.entry)
        # after the proxy, or Tab skips them: adding first, then the list and its buttons
        tab_order(self.entry, self.add_button, self.view, self.up_button, self.down_button,
                  self.remove_button)
        doc.changed.connect(self._on_doc_changed)
        doc.replaced.connect(self.model.reset)

    def _on_entry_return_pressed(self) -> None:
        text = self.entry.text().strip()
        if not text or not self.model.add(text):
            return
        self.entry.clear()
        self.entry.setFocus()
        self.view.scrollToBottom()

    def remove_current(self) -> None:
        row = self.current_row()
        if row >= 0:
            self.model.remove(row)
            n = self.model.rowCount()
            if n:
                self.view.setCurrentIndex(self.model.index(min(row, n - 1)))

    def move_current(self, step: int) -> None:
        row = self.current_row()
        target = row + step
        if row < 0 or not 0 <= target < self.model.rowCount():
            return
        self.model.move(row, target)
        self.view.setCurrentIndex(self.model.index(target))

