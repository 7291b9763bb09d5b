"""The capture line: type "People: no handover at shift change", press Enter, and it is a cause.

The text before the first colon names the heading (its name or id, any case; a unique start
of at least three letters will do). With no colon the cause goes under the heading in use:
the one of the cause selected on the canvas, or the last heading used here, or the first.
An unknown heading asks whether to add it (one undo step with the cause). Enter adds, clears
the line and keeps the focus here, so a scribe can keep typing while the room talks.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QMessageBox, QWidget

from fishbone.model import Category, Cause, Diagram
from sixstep.edits.base import Sequence
from sixstep.edits.fishbone import AddCause
from sixstep.edits.headings import AddHeading
from ui.common import theme
from ui.document.document import CaseDocument
from ui.document.fishbone_commands import AddCauseCommand
from ui.widgets.fields import PlainLineEdit

ADD_HEADING, UNDER_CURRENT, CANCEL = "add", "current", "cancel"

# Asked about an unknown heading: (parent widget, heading name, current heading name or "")
# -> ADD_HEADING, UNDER_CURRENT (the whole text as one cause) or CANCEL.
AskUnknown = Callable[[QWidget, str, str], str]

MAX_HEADING_LENGTH = 40  # a "heading" longer than this is more likely a sentence with a colon


def ask_unknown_heading(parent: QWidget, name: str, current: str) -> str:
    """The default question: a message box with plain-text wording."""
    box = QMessageBox(parent)
    box.setWindowTitle("New heading?")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setIcon(QMessageBox.Icon.Question)
    box.setText(f'There is no heading called "{name}".')
    box.setInformativeText("Add it as a new heading, or keep the whole line as one cause?")
    # a button reads "&" as a shortcut mark: "R&D" must stay "R&D"
    add = box.addButton(theme.no_mnemonic(f'Add heading "{name}"'),
                        QMessageBox.ButtonRole.AcceptRole)
    keep = None
    if current:
        keep = box.addButton(theme.no_mnemonic(f'Put it all under "{current}"'),
                             QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(add)
    box.exec()
    clicked = box.clickedButton()
    if clicked is add:
        return ADD_HEADING
    if keep is not None and clicked is keep:
        return UNDER_CURRENT
    return CANCEL


def split_entry(text: str) -> tuple[str | None, str]:
    """("People", "no handover") from "People: no handover"; (None, text) without a colon."""
    head, colon, rest = text.partition(":")
    if not colon or not head.strip() or len(head.strip()) > MAX_HEADING_LENGTH:
        return None, " ".join(text.split())
    return " ".join(head.split()), " ".join(rest.split())


def match_heading(diagram: Diagram, name: str) -> Category | None:
    """A heading by name or id, ignoring case; else the only one starting with ``name``."""
    found = diagram.find_category(name)
    if found is not None:
        return found
    wanted = name.strip().casefold()
    if len(wanted) < 3:
        return None
    starts = [c for c in diagram.categories if c.name.strip().casefold().startswith(wanted)]
    return starts[0] if len(starts) == 1 else None


class CaptureLine(PlainLineEdit):
    """A line edit that turns "Heading: cause" into an undoable new cause."""

    cause_added = Signal(str)  # the new cause's id

    def __init__(self, doc: CaseDocument, parent: QWidget | None = None,
                 ask: AskUnknown = ask_unknown_heading) -> None:
        super().__init__(parent)
        self.doc = doc
        self.ask = ask
        self.current_heading: Callable[[], str | None] = lambda: None
        self._last_heading: str | None = None
        self.setObjectName("capture_line")
        self.setClearButtonEnabled(True)
        self.setMaxLength(2000)
        self.setPlaceholderText(
            "Heading: cause, then Enter (e.g. People: no handover at shift change)")
        self.setAccessibleName("Capture a cause")
        self.setToolTip("Type a heading, a colon and the cause, then press Enter. Without a "
                        "heading the cause goes under the heading in use.")
        self.returnPressed.connect(self._on_self_return_pressed)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt name)
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            return
        super().keyPressEvent(event)

    def _heading_in_use(self) -> Category | None:
        d = self.doc.diagram
        for candidate in (self.current_heading(), self._last_heading):
            if candidate and d.has_category(candidate):
                return d.category(candidate)
        return d.categories[0] if d.categories else None

    def _on_self_return_pressed(self) -> None:
        self.submit(self.text())

    def submit(self, text: str) -> str | None:
        """Add the cause ``text`` describes; returns its id (None when nothing was added)."""
        name, cause_text = split_entry(text)
        d = self.doc.diagram
        current = self._heading_in_use()
        new_heading: Category | None = None
        if name is None:
            category = current
        else:
            category = match_heading(d, name)
            if category is None:
                answer = self.ask(self, name, current.name if current else "")
                if answer == ADD_HEADING:
                    new_heading = Category(d.new_category_id(name), name)
                    category = new_heading
                elif answer == UNDER_CURRENT and current is not None:
                    category, cause_text = current, " ".join(text.split())
                else:
                    self.setFocus()
                    return None
        if category is None or not cause_text:
            return None
        cause = Cause(d.next_cause_id(), category.id, None, cause_text)
        if new_heading is not None:  # all or nothing, one undo step
            self.doc.apply(Sequence((AddHeading(new_heading.id, new_heading.name),
                                     AddCause(cause)), "Add cause under a new heading"))
        else:
            self.doc.push(AddCauseCommand(self.doc, cause))
        self._last_heading = category.id
        self.clear()
        self.setFocus()
        self.cause_added.emit(cause.id)
        return cause.id
