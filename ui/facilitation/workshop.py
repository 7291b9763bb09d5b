"""The workshop panel: when and where the workshop met, who ran it, and who came. A window
beside the main one (it never blocks it); every change is one undo step at once."""

from __future__ import annotations

import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fishbone.changes import Change
from sixstep.edits.group import SetWorkshopField
from ui.common import theme
from ui.common.theme import plain_label
from ui.document.document import CaseDocument
from ui.facilitation.people import PeopleEditor
from ui.widgets.buttons import push_button
from ui.widgets.fields import PlainLineEdit, try_apply

PEOPLE_NOTE = ("The attendees are the case's participants: step 5 scores by them, and "
               "someone who leaves takes their scores along (Undo brings them back).")


class WorkshopField(PlainLineEdit):
    """One workshop detail (facilitator, place) bound to the case; typing is one undo step."""

    def __init__(self, doc: CaseDocument, attribute: str, name: str, placeholder: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc, self.attribute = doc, attribute
        self.setAccessibleName(name)
        self.setPlaceholderText(placeholder)
        self.textEdited.connect(self._on_self_text_edited)
        self.refresh()

    def value(self) -> str:
        return str(getattr(self.doc.case.workshop, self.attribute))

    def _on_self_text_edited(self, text: str) -> None:
        if text != self.value() and not try_apply(self.doc, SetWorkshopField(self.attribute, text)):
            self.refresh()

    def refresh(self) -> None:
        if self.text() != self.value():
            self.blockSignals(True)
            self.setText(self.value())
            self.blockSignals(False)


class DateField(WorkshopField):
    """The date as YYYY-MM-DD (or empty): checked when the typing ends, not per key."""

    def __init__(self, doc: CaseDocument, parent: QWidget | None = None) -> None:
        super().__init__(doc, "date", "Workshop date", "YYYY-MM-DD", parent)
        self.textEdited.disconnect(self._on_self_text_edited)
        self.editingFinished.connect(self._on_self_editing_finished)
        self.problem = QLabel("")
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setAccessibleName("About the date")

    def _on_self_editing_finished(self) -> None:
        text = self.text().strip()
        if text == self.value() or try_apply(self.doc, SetWorkshopField("date", text)):
            self.say("")
        else:
            self.say("Write the date as year-month-day, such as 2026-03-14.")

    def say(self, problem: str) -> None:
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))

    def set_today(self) -> None:
        self.setText(datetime.date.today().isoformat())
        self._on_self_editing_finished()


class WorkshopDialog(QDialog):
    """Date, facilitator, place and the attendees; Close (or Esc) only hides it."""

    def __init__(self, doc: CaseDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.setWindowTitle("Workshop and people")
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_WindowPropagation)  # the window's font size
        self.date = DateField(doc, self)
        self.today_button = push_button(self, "Today", "Set the date to today",
                                        self.date.set_today)
        self.facilitator = WorkshopField(doc, "facilitator", "Facilitator",
                                         "Who runs the workshop", self)
        self.place = WorkshopField(doc, "place", "Place", "Where the room met", self)
        self.message = plain_label("")
        self.message.setAccessibleName("What just happened")
        self.people = PeopleEditor(doc, self.message.setText, self)
        date_row = QHBoxLayout()
        date_row.addWidget(self.date, 1)
        date_row.addWidget(self.today_button)
        form = QFormLayout()
        form.addRow("&Date:", date_row)
        form.addRow("", self.date.problem)
        self.date.say("")
        form.addRow("&Facilitator:", self.facilitator)
        form.addRow("&Place:", self.place)
        self._buddy(form, 0, self.date)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.hide)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        who = plain_label("&Who is in the room", role="subheading")
        who.setBuddy(self.people.entry)
        layout.addWidget(who)
        layout.addWidget(plain_label(PEOPLE_NOTE, role="hint"))
        layout.addWidget(self.people, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        # the case's undo works here too: this is a window of its own
        for text, keys in (("Undo", QKeySequence.StandardKey.Undo),
                           ("Redo", QKeySequence.StandardKey.Redo)):
            action = (doc.undo_stack.createUndoAction(self) if text == "Undo"
                      else doc.undo_stack.createRedoAction(self))
            action.setShortcut(QKeySequence(keys))
            self.addAction(action)
        for button in self.findChildren(QPushButton):  # Enter belongs to the line typed in
            button.setAutoDefault(False)
            button.setDefault(False)
        doc.changed.connect(self._on_doc_changed)
        doc.replaced.connect(self.refresh)
        self.resize(560, 620)

    @staticmethod
    def _buddy(form: QFormLayout, row: int, field: QWidget) -> None:
        item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        label = item.widget() if item is not None else None
        if isinstance(label, QLabel):
            label.setBuddy(field)

    def _on_doc_changed(self, change: Change) -> None:
        if change.kind == "workshop":
            self.refresh()

    def refresh(self) -> None:
        for field in (self.date, self.facilitator, self.place):
            field.refresh()
        self.date.say("")

    def set_projector_mode(self, on: bool) -> None:
        """Headings and hints at the mode's sizes (the rest follows the window's font)."""
        theme.scale_fonts(self, on)
        want = (860, 760) if on else (560, 620)
        parent = self.parentWidget()
        screen = (parent or self).screen().availableGeometry()
        self.resize(min(want[0], screen.width() - 40), min(want[1], screen.height() - 60))

    def open_at_people(self) -> None:
        """Show the panel (raised, not modal) with the keys in the name entry."""
        self.refresh()
        self.show()
        self.raise_()
        self.activateWindow()
        self.people.entry.setFocus(Qt.FocusReason.OtherFocusReason)
