"""The parking lot: ideas that belong elsewhere, parked with the step they came up in, ticked
when dealt with. Every change is one undo step; everything shown is plain text."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from fishbone.changes import Change
from sixstep.case import ParkedIdea
from sixstep.edits.group import (
    AddParkedIdea,
    MoveParkedIdea,
    RemoveParkedIdea,
    SetParkedIdeaDone,
    SetParkedIdeaText,
)
from ui.common.theme import plain_label
from ui.document.document import CaseDocument
from ui.widgets.buttons import add_key, add_move_keys, push_button, tab_order
from ui.widgets.fields import PlainLineEdit, try_apply
from ui.widgets.rows import GrowingRowsMixin

_Index = QModelIndex | QPersistentModelIndex
HINT = ("Enter parks the idea with this step. Space ticks it done, F2 edits, Delete removes, "
        "Alt+Up and Alt+Down move it. Esc goes back to the step.")


def idea_line(idea: ParkedIdea) -> str:
    """How an idea reads in the list: its text and the step it came up in."""
    return f"{idea.text}  (step {idea.step})"


class ParkingLotModel(GrowingRowsMixin, QAbstractListModel):
    """One row per parked idea, with a tick for done."""

    def __init__(self, doc: CaseDocument) -> None:
        super().__init__()
        self.doc = doc
        self._rows = len(self.ideas())

    def ideas(self) -> list[ParkedIdea]:
        return self.doc.case.parking_lot

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self._rows

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        ideas = self.ideas()
        if not index.isValid() or index.row() >= len(ideas):
            return None
        idea = ideas[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return idea_line(idea)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return idea_line(idea) + (", done" if idea.done else "")
        if role == Qt.ItemDataRole.EditRole:
            return idea.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"Came up in step {idea.step}" + (", done" if idea.done else "")
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if idea.done else Qt.CheckState.Unchecked
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.isValid():
            base |= Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def setData(self, index: _Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or index.row() >= len(self.ideas()):
            return False
        row = index.row()
        if role == Qt.ItemDataRole.EditRole:
            text = str(value).strip()
            if text and text != self.ideas()[row].text:
                try_apply(self.doc, SetParkedIdeaText(row, text))
            return True
        if role == Qt.ItemDataRole.CheckStateRole:
            done = Qt.CheckState(value) == Qt.CheckState.Checked
            try_apply(self.doc, SetParkedIdeaDone(row, done),
                      "Tick a parked idea" if done else "Untick a parked idea")
            return True
        return False

    def sync(self) -> None:
        """Catch up with the case after any change (undo included)."""
        n = len(self.ideas())
        self.match_row_count(n)
        if n:
            self.dataChanged.emit(self.index(0), self.index(n - 1))

    def reset(self) -> None:
        self.beginResetModel()
        self._rows = len(self.ideas())
        self.endResetModel()


class IdeaEntry(PlainLineEdit):
    """The line a new idea is typed in; Esc asks to go back to the step."""

    leave_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt name
        if event.key() == Qt.Key.Key_Escape and not event.modifiers():
            if self.text():
                self.clear()
            else:
                self.leave_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class ParkingLotPanel(QWidget):
    """The entry line on top (Enter parks), the ideas below, buttons for the mouse.

    ``current_step`` says which step a new idea came up in.
    """

    def __init__(self, doc: CaseDocument, current_step: Callable[[], int],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc, self.current_step = doc, current_step
        self.setObjectName("parking_lot")
        self.model = ParkingLotModel(doc)
        self.entry = IdeaEntry(self)
        self.entry.setAccessibleName("New idea for the parking lot")
        self.entry.setPlaceholderText("An idea for later: Enter parks it")
        self.entry.returnPressed.connect(self._on_entry_return_pressed)
        self.add_button = push_button(self, "Park", "Park the idea", self._on_entry_return_pressed)
        self.view = QListView(self)
        self.view.setModel(self.model)
        self.view.setAccessibleName("Parked ideas")
        self.view.setWordWrap(True)
        self.view.setUniformItemSizes(False)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        # tool buttons: narrower than push buttons, so the dock leaves the step its room
        self.up_button = self._tool("Up", "Move the selected idea up (Alt+Up)",
                                    lambda: self.move_current(-1))
        self.down_button = self._tool("Down", "Move the selected idea down (Alt+Down)",
                                      lambda: self.move_current(1))
        self.remove_button = self._tool("Remove", "Remove the selected idea (Delete)",
                                        self.remove_current)
        add_key(self.view, "Delete", self.remove_current)
        add_move_keys(self.view, self.move_current)
        self.hint = plain_label(HINT, role="hint")
        self.hint.setAccessibleName("Parking lot keys")
        self.count_label = plain_label("")
        self.count_label.setAccessibleName("Ideas parked")

        entry_row = QHBoxLayout()
        entry_row.addWidget(self.entry, 1)
        entry_row.addWidget(self.add_button)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.up_button, self.down_button, self.remove_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 6)
        layout.addLayout(entry_row)
        layout.addWidget(self.count_label)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.hint)
        self.setFocusProxy(self.entry)
        tab_order(self.entry, self.add_button, self.view, self.up_button, self.down_button,
                  self.remove_button)
        doc.changed.connect(self._on_doc_changed)
        doc.replaced.connect(self._on_doc_replaced)
        self._show_count()

    def _tool(self, text: str, name: str, slot: Callable[[], None]) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setAccessibleName(name)
        button.setToolTip(name)
        button.clicked.connect(lambda _=False: slot())
        return button

    def _on_entry_return_pressed(self) -> None:
        text = self.entry.text().strip()
        step = max(1, min(6, self.current_step() or 1))
        if not text or not try_apply(self.doc, AddParkedIdea(text, step)):
            return
        self.entry.clear()
        self.view.scrollToBottom()

    def current_row(self) -> int:
        index = self.view.currentIndex()
        return index.row() if index.isValid() else -1

    def remove_current(self) -> None:
        row = self.current_row()
        if row < 0:
            return
        try_apply(self.doc, RemoveParkedIdea(row))
        n = self.model.rowCount()
        if n:
            self.view.setCurrentIndex(self.model.index(min(row, n - 1)))

    def move_current(self, step: int) -> None:
        row = self.current_row()
        target = row + step
        if row < 0 or not 0 <= target < self.model.rowCount():
            return
        if try_apply(self.doc, MoveParkedIdea(row, target)):
            self.view.setCurrentIndex(self.model.index(target))

    def _on_doc_changed(self, change: Change) -> None:
        if change.kind == "parking_lot":
            self.model.sync()
            self._show_count()

    def _on_doc_replaced(self) -> None:
        self.model.reset()
        self._show_count()

    def _show_count(self) -> None:
        ideas = self.model.ideas()
        done = sum(1 for idea in ideas if idea.done)
        self.count_label.setText(f"{len(ideas)} parked, {done} done" if ideas else "Nothing parked")

    def set_projector_mode(self, on: bool) -> None:
        """The room reads the ideas; the buttons and the key hint step aside."""
        for widget in (self.up_button, self.down_button, self.remove_button, self.hint,
                       self.add_button):
            widget.setVisible(not on)
