"""The capture line: type "People: no handover at shift change", press Enter, and it is a cause.

The text before the first colon names the heading: its name or id (any case), or the start of
its name. With no colon the cause goes under the heading in use: the one of the cause selected
on the canvas, or the last heading used here, or the first. Nothing ever stops the typing:

- an unclear prefix ("P" for People and Processes) adds the cause at once under the best
  match (the one used last among those that match, else the first in order);
- an unknown prefix ("Money: budget cut") keeps the whole line as the cause's text under the
  heading in use, so nothing is lost;
- a note under the line says where the cause went; Alt+Up / Alt+Down move the last cause to
  another heading (the other matches first), and its button makes the unknown heading;
- "+Heading: cause" makes the heading on purpose (one undo step with the cause).

Enter adds, clears the line and keeps the focus here, so a scribe can type while the room talks.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget

from fishbone.model import Category, Cause, Diagram
from sixstep.edits.base import Edit, EditError, Sequence
from sixstep.edits.fishbone import AddCause, MoveCause, SetCauseText
from sixstep.edits.headings import AddHeading
from ui.document.document import CaseDocument
from ui.document.fishbone_commands import AddCauseCommand
from ui.fishbone_editor.capture_note import CaptureNote
from ui.widgets.fields import PlainLineEdit

MAX_HEADING_LENGTH = 40  # a "heading" longer than this is more likely a sentence with a colon
NEW_HEADING_MARK = "+"  # "+Heading: cause" makes the heading
MOVE_KEYS = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1}


def split_entry(text: str) -> tuple[str | None, str]:
    """("People", "no handover") from "People: no handover"; (None, text) without a colon."""
    head, colon, rest = text.partition(":")
    if not colon or not head.strip() or len(head.strip()) > MAX_HEADING_LENGTH:
        return None, " ".join(text.split())
    return " ".join(head.split()), " ".join(rest.split())


def matching_headings(diagram: Diagram, name: str) -> list[Category]:
    """The heading called ``name`` (name or id, any case), else every heading whose name
    starts with it, in the diagram's order."""
    found = diagram.find_category(name)
    if found is not None:
        return [found]
    wanted = name.strip().casefold()
    if not wanted:
        return []
    return [c for c in diagram.categories if c.name.strip().casefold().startswith(wanted)]


def match_heading(diagram: Diagram, name: str) -> Category | None:
    """The one heading ``name`` can mean, or None (none, or more than one)."""
    found = matching_headings(diagram, name)
    return found[0] if len(found) == 1 else None


@dataclass(frozen=True)
class Placed:
    """The last cause captured: the headings Alt+Up/Down cycle through, and the heading its
    unknown prefix would make (with the text the cause would then keep)."""

    cause_id: str
    choices: tuple[str, ...]
    offer: str = ""
    rest: str = ""


def _quoted(names: list[str]) -> str:
    quoted = [f"\u201c{n}\u201d" for n in names]
    return ", ".join(quoted[:-1]) + " or " + quoted[-1] if len(quoted) > 1 else quoted[0]


class CaptureLine(PlainLineEdit):
    """A line edit that turns "Heading: cause" into an undoable new cause, never asking."""

    cause_added = Signal(str)  # the new cause's id

    def __init__(self, doc: CaseDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.current_heading: Callable[[], str | None] = lambda: None
        self._used: list[str] = []  # heading ids, the one used last at the end
        self.placed: Placed | None = None
        self.note = CaptureNote(parent)  # the host lays it out under the line
        self.note.make_button.clicked.connect(self._on_note_make_clicked)
        self.setObjectName("capture_line")
        self.setClearButtonEnabled(True)
        self.setMaxLength(2000)
        self.setPlaceholderText(
            "Heading: cause, then Enter (e.g. People: no handover at shift change)")
        self.setAccessibleName("Capture a cause")
        self.setToolTip("Type a heading (or its first letters), a colon and the cause, then "
                        "press Enter. Without a heading the cause goes under the heading in "
                        "use. Alt+Up / Alt+Down move the last cause to another heading; "
                        "+Heading: cause makes a new heading.")
        self.returnPressed.connect(self._on_self_return_pressed)

    # -- keys ---------------------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and self._move_step(event) is not None:
            event.accept()  # ours, whatever else may use Alt+Up / Alt+Down
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt name)
        step = self._move_step(event)
        if step is not None:
            self.move_last(step)
            return
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            return
        super().keyPressEvent(event)

    def _move_step(self, event: QEvent) -> int | None:
        if (isinstance(event, QKeyEvent) and self.placed is not None
                and event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
                == Qt.KeyboardModifier.AltModifier):
            return MOVE_KEYS.get(Qt.Key(event.key()))
        return None

    # -- adding -------------------------------------------------------------------------------
    def _heading_in_use(self) -> Category | None:
        d = self.doc.diagram
        for candidate in (self.current_heading(), self._used[-1] if self._used else None):
            if candidate and d.has_category(candidate):
                return d.category(candidate)
        return d.categories[0] if d.categories else None

    def _best(self, matches: list[Category]) -> Category:
        """The heading used last among ``matches``, else the first of them."""
        for used in reversed(self._used):
            for category in matches:
                if category.id == used:
                    return category
        return matches[0]

    def _use(self, category_id: str) -> None:
        if category_id in self._used:
            self._used.remove(category_id)
        self._used.append(category_id)

    def _on_self_return_pressed(self) -> None:
        self.submit(self.text())

    def submit(self, text: str) -> str | None:
        """Add the cause ``text`` describes; returns its id (None when nothing was added)."""
        whole = " ".join(text.split())
        if whole.startswith(NEW_HEADING_MARK):
            name, cause_text = split_entry(whole[len(NEW_HEADING_MARK):])
            if name is not None:
                return self._add_under_new_heading(name, cause_text)
        name, cause_text = split_entry(whole)  # no heading named: the "+" is text
        d = self.doc.diagram
        in_use = self._heading_in_use()
        every = tuple(c.id for c in d.categories)
        matches = matching_headings(d, name) if name is not None else []
        if name is None or len(matches) == 1:
            category = matches[0] if matches else in_use
            if category is None or not cause_text:
                return None
            return self._add(Cause(d.next_cause_id(), category.id, None, cause_text), every)
        if matches:
            category = self._best(matches)
            choices = tuple(c.id for c in matches)
            if not cause_text:
                return None
            hint = self._key_hint(choices, category.id)
            note = (f"\u201c{name}\u201d could be {_quoted([c.name for c in matches])}: "
                    f"added under \u201c{category.name}\u201d. {hint}")
            return self._add(Cause(d.next_cause_id(), category.id, None, cause_text),
                             choices, note)
        if in_use is None:  # no heading at all: the text stays in the line
            self.note.say(f"There is no heading yet: type {NEW_HEADING_MARK}{name}: "
                          f"{cause_text or '...'} to make \u201c{name}\u201d.")
            return None
        note = (f"No heading \u201c{name}\u201d: the whole line went under "
                f"\u201c{in_use.name}\u201d. {self._key_hint(every, in_use.id)}")
        return self._add(Cause(d.next_cause_id(), in_use.id, None, whole), every, note,
                         name, cause_text)

    def _key_hint(self, choices: tuple[str, ...], here: str) -> str:
        d = self.doc.diagram
        if len(choices) == 2:
            other = d.category(choices[1 - choices.index(here)]).name
            return f"Alt+Down puts it under \u201c{other}\u201d instead."
        if len(choices) > 2:
            return "Alt+Up / Alt+Down move it to another heading."
        return ""

    def _add(self, cause: Cause, choices: tuple[str, ...], note: str = "", offer: str = "",
             rest: str = "") -> str:
        self.doc.push(AddCauseCommand(self.doc, cause))
        return self._added(cause, Placed(cause.id, choices, offer, rest), note)

    def _added(self, cause: Cause, placed: Placed, note: str) -> str:
        self._use(cause.category)
        self.placed = placed
        self.note.say(note, placed.offer)
        self.clear()
        self.setFocus()
        self.cause_added.emit(cause.id)
        return cause.id

    def _add_under_new_heading(self, name: str, cause_text: str) -> str | None:
        d = self.doc.diagram
        if not cause_text:
            return None
        existing = d.find_category(name)
        if existing is not None:  # made already: no second heading of that name
            return self._add(Cause(d.next_cause_id(), existing.id, None, cause_text),
                             tuple(c.id for c in d.categories))
        heading = Category(d.new_category_id(name), name)
        cause = Cause(d.next_cause_id(), heading.id, None, cause_text)
        if not self._apply(Sequence((AddHeading(heading.id, heading.name), AddCause(cause)),
                                    "Add cause under a new heading")):
            return None
        return self._added(cause, Placed(cause.id, tuple(c.id for c in d.categories)),
                           f"New heading \u201c{name}\u201d with its first cause.")

    # -- after adding -------------------------------------------------------------------------
    def move_last(self, step: int) -> bool:
        """Move the last cause captured to the heading ``step`` places on among its choices."""
        d, placed = self.doc.diagram, self.placed
        if placed is None or not d.has_cause(placed.cause_id):
            return False
        choices = [c for c in placed.choices if d.has_category(c)] or [
            c.id for c in d.categories]
        here = d.cause(placed.cause_id).category
        at = choices.index(here) if here in choices else -1
        target = choices[(at + step) % len(choices)]
        if target == here or not self._apply(MoveCause(placed.cause_id, target, None)):
            return False
        self._use(target)
        name = d.category(target).name
        self.note.say(f"Moved to \u201c{name}\u201d. {self._key_hint(tuple(choices), target)}",
                      placed.offer)
        self.setFocus()
        return True

    def _on_note_make_clicked(self) -> None:
        self.make_offered_heading()

    def make_offered_heading(self) -> bool:
        """Make the unknown prefix of the last cause a heading and put the cause under it,
        without its prefix (one undo step)."""
        d, placed = self.doc.diagram, self.placed
        if placed is None or not placed.offer or not d.has_cause(placed.cause_id):
            return False
        existing = d.find_category(placed.offer)
        heading_id = existing.id if existing else d.new_category_id(placed.offer)
        edits: list[Edit] = [] if existing else [AddHeading(heading_id, placed.offer)]
        edits.append(MoveCause(placed.cause_id, heading_id, None))
        if placed.rest and placed.rest != d.cause(placed.cause_id).text:
            edits.append(SetCauseText(placed.cause_id, placed.rest))
        if not self._apply(Sequence(tuple(edits), "Make heading")):
            return False
        self._use(heading_id)
        self.placed = Placed(placed.cause_id, tuple(c.id for c in d.categories))
        self.note.say(f"New heading \u201c{placed.offer}\u201d with the cause under it.")
        self.setFocus()
        return True

    def _apply(self, edit: Edit) -> bool:
        try:
            self.doc.apply(edit)
        except EditError as error:
            self.note.say(str(error))
            return False
        return True
