"""Who is in the room: the attendees as an ordered list (add with Enter, rename, remove,
reorder). Joins and leaves go through step 5's setup edit, so scores follow the people."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fishbone.changes import Change
from sixstep.dots import dots_held
from sixstep.edits.setup import ChangeScoringSetup, new_participant_id, scores_given
from ui.document.document import CaseDocument
from ui.widgets.buttons import add_key, add_move_keys, push_button, reorder_buttons, tab_order
from ui.widgets.fields import PlainLineEdit, try_apply

ID_ROLE = Qt.ItemDataRole.UserRole + 1
People = list[tuple[str, str]]


class PeopleEditor(QWidget):
    """The participants of the case, each change one undo step.

    ``tell`` hears a short sentence after a change worth saying (scores that left with a
    person); it never opens a dialog.
    """

    def __init__(self, doc: CaseDocument, tell: Callable[[str], None] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.tell = tell or (lambda message: None)
        self.list_widget = QListWidget(self)
        self.list_widget.setAccessibleName("Participants")
        self.list_widget.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list_widget.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                         | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.list_widget.itemChanged.connect(self._on_list_item_changed)
        self.entry = PlainLineEdit(self)
        self.entry.setAccessibleName("New participant")
        self.entry.setPlaceholderText("A name or initials: Enter adds")
        self.entry.returnPressed.connect(self._on_entry_return_pressed)
        self.add_button = push_button(self, "Add", "Add participant", self._on_entry_return_pressed)
        self.remove_button, self.up_button, self.down_button = reorder_buttons(
            self, "participant", self.remove_current, self.move_current)
        add_key(self.list_widget, "Delete", self.remove_current)
        add_move_keys(self.list_widget, self.move_current)
        entry_row = QHBoxLayout()
        entry_row.addWidget(self.entry, 1)
        entry_row.addWidget(self.add_button)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.up_button, self.down_button, self.remove_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(entry_row)
        layout.addWidget(self.list_widget, 1)
        layout.addLayout(buttons)
        self.setFocusProxy(self.entry)
        tab_order(self.entry, self.add_button, self.list_widget, self.up_button,
                  self.down_button, self.remove_button)
        doc.changed.connect(self._on_doc_changed)
        doc.replaced.connect(self.refresh)
        self.refresh()

    def people(self) -> People:
        return [(p.id, p.name) for p in self.doc.case.participants]

    def names(self) -> list[str]:
        return [self.list_widget.item(i).text() for i in range(self.list_widget.count())]

    def _change(self, people: People, label: str) -> bool:
        scale = self.doc.case.score_scale
        return try_apply(self.doc, ChangeScoringSetup(scale.min, scale.max, tuple(people)), label)

    def _on_entry_return_pressed(self) -> None:
        name = " ".join(self.entry.text().split())
        if not name:
            return
        people = self.people()
        if self._change([*people, (new_participant_id(self.doc.case), name)], "Add participant"):
            self.entry.clear()
            self.list_widget.setCurrentRow(self.list_widget.count() - 1)

    def _on_list_item_changed(self, item: QListWidgetItem) -> None:
        person_id = item.data(ID_ROLE)
        name = " ".join(item.text().split())
        people = self.people()
        if not name or (person_id, name) in people:
            self.refresh()  # a blank rename goes back to the name it had
            return
        self._change([(pid, name if pid == person_id else old) for pid, old in people],
                     "Rename participant")
        self.refresh()

    def remove_current(self) -> None:
        row = self.list_widget.currentRow()
        people = self.people()
        if not 0 <= row < len(people):
            return
        person_id, name = people[row]
        count = scores_given(self.doc.case, person_id)
        dots = dots_held(self.doc.case, person_id)
        if self._change([p for p in people if p[0] != person_id], "Remove participant"):
            took = [f"{n} {word}{'s' * (n != 1)}" for n, word in
                    ((count, "score"), (dots, "dot")) if n]
            if took:
                self.tell(f"{name} left with {' and '.join(took)}; Undo brings them back.")
            if self.list_widget.count():
                self.list_widget.setCurrentRow(min(row, self.list_widget.count() - 1))

    def move_current(self, step: int) -> None:
        row = self.list_widget.currentRow()
        people = self.people()
        target = row + step
        if not (0 <= row < len(people) and 0 <= target < len(people)):
            return
        people.insert(target, people.pop(row))
        if self._change(people, "Move participant"):
            self.list_widget.setCurrentRow(target)

    def _on_doc_changed(self, change: Change) -> None:
        if change.kind == "participants":
            self.refresh()

    def refresh(self) -> None:
        """Show the case's participants; rows are updated in place (one may be mid-edit)."""
        people = self.people()
        widget = self.list_widget
        widget.blockSignals(True)
        while widget.count() > len(people):
            widget.takeItem(widget.count() - 1)
        while widget.count() < len(people):
            item = QListWidgetItem()
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            widget.addItem(item)
        for row, (person_id, name) in enumerate(people):
            item = widget.item(row)
            if item.text() != name:
                item.setText(name)
            item.setData(ID_ROLE, person_id)
        widget.blockSignals(False)

    def set_buttons_visible(self, on: bool) -> None:
        for button in (self.up_button, self.down_button, self.remove_button):
            button.setVisible(on)
