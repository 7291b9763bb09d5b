"""The facilitator's buttons for what the phones show: ideas (for causes or alternatives),
dots (and their reveal), blind scores (and the reveal), or nothing. Opening scores starts a
blind round and the reveal is the case's own verb, each one undoable edit."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QGridLayout, QPushButton, QVBoxLayout, QWidget

from fishbone.changes import Change
from sixstep.edits.group import reveal_scores, start_blind
from sixstep.room.phase import Phase
from ui.common.theme import plain_label
from ui.room.bridge import RoomBridge
from ui.widgets.buttons import push_button

PHASE_TEXT = {
    ("closed", "cause"): "Open on the phones: nothing",
    ("ideas", "cause"): "Open: ideas for causes",
    ("ideas", "alternative"): "Open: ideas for alternatives",
    ("dots", "cause"): "Open: dots on the causes",
    ("scores", "cause"): "Open: blind scores",
}
PHASES = (("ideas_cause", "Causes", "Open ideas for causes on the phones"),
          ("ideas_alternative", "Alternatives", "Open ideas for alternatives on the phones"),
          ("dots", "Dots", "Open dot voting on the phones"),
          ("scores", "Scores", "Open blind scoring on the phones"),
          ("closed", "Close phase", "Show nothing to do on the phones"))


def phase_text(phase: Phase) -> str:
    target = phase.ideas_target if phase.kind == "ideas" else "cause"
    text = PHASE_TEXT.get((phase.kind, target), phase.kind)
    if phase.kind == "dots" and phase.dots_revealed:
        text += " (totals shown)"
    return text


def phase_for(key: str) -> Phase:
    """The phase a button opens: "ideas_cause", "ideas_alternative", "dots", "scores",
    "closed"."""
    if key == "ideas_alternative":
        return Phase("ideas", ideas_target="alternative")
    if key == "ideas_cause":
        return Phase("ideas", ideas_target="cause")
    return Phase(key)  # type: ignore[arg-type]


class PhaseControls(QWidget):
    """What is open on the phones, and a button for each phase; ``told(message)`` says why
    an edit was refused."""

    told = Signal(str)

    def __init__(self, bridge: RoomBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge, self.doc = bridge, bridge.doc
        self.label = plain_label("", role="subheading")  # what the buttons open, in words
        self.label.setAccessibleName("What the phones show")
        self.buttons: dict[str, QPushButton] = {}
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        for key, text, name in PHASES:
            button = push_button(self, text, name, self._opener(key))
            button.setCheckable(True)
            self.group.addButton(button)
            self.buttons[key] = button
        self.reveal_dots = push_button(self, "Reveal dots", "Show the dot totals on the phones",
                                       self._on_reveal_dots_clicked)
        self.reveal_dots.setCheckable(True)
        self.reveal_scores = push_button(self, "Reveal scores", "Reveal every score at once",
                                         self._on_reveal_scores_clicked)
        self.grid = QGridLayout()
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.columns = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.label)
        layout.addLayout(self.grid)
        self.arrange(4)
        bridge.phase_changed.connect(self.show_phase)
        self.doc.changed.connect(self._on_doc_changed)
        self.show_phase(bridge.phase)

    def _opener(self, key: str) -> Callable[[], None]:
        return lambda: self.open_phase(key)

    def all_buttons(self) -> list[QPushButton]:
        return [*self.buttons.values(), self.reveal_dots, self.reveal_scores]

    # -- layout ---------------------------------------------------------------------------------
    def widest(self) -> int:
        return max(b.sizeHint().width() for b in self.all_buttons()) + self.grid.spacing()

    def arrange(self, columns: int) -> None:
        """The buttons in rows of ``columns``."""
        if columns == self.columns:
            return
        self.columns = columns
        for button in self.all_buttons():
            self.grid.removeWidget(button)
        for index, button in enumerate(self.all_buttons()):
            self.grid.addWidget(button, index // columns, index % columns)

    def fit_width(self, width: int) -> None:
        """As many buttons to a row as ``width`` pixels hold (two to four)."""
        spacing = self.grid.spacing()
        self.arrange(max(2, min(4, (width + spacing) // max(self.widest(), 1))))

    # -- what is shown --------------------------------------------------------------------------
    def show_phase(self, phase: Phase) -> None:
        key = f"ideas_{phase.ideas_target}" if phase.kind == "ideas" else phase.kind
        button = self.buttons.get(key)
        if button is not None:
            button.setChecked(True)
        self.label.setText(phase_text(phase))
        self.reveal_dots.setChecked(phase.dots_revealed)
        self._show_reveals()

    def _on_doc_changed(self, change: Change) -> None:
        if change.kind == "blind":
            self._show_reveals()

    def _show_reveals(self) -> None:
        phase, blind = self.bridge.phase, self.doc.case.blind
        self.reveal_dots.setEnabled(phase.kind == "dots")
        self.reveal_scores.setEnabled(phase.kind == "scores" and blind.on and not blind.revealed)

    # -- the verbs ------------------------------------------------------------------------------
    def open_phase(self, key: str) -> None:
        """Open a phase on the phones; scores start a blind round (blind scoring on and the
        scores hidden: one undoable edit) unless one is running."""
        blind = self.doc.case.blind
        if key == "scores" and not (blind.on and not blind.revealed):
            if not self.doc.try_apply(start_blind(), self.told.emit):
                return
        self.told.emit("")
        self.bridge.set_phase(phase_for(key))

    def _on_reveal_dots_clicked(self) -> None:
        phase = self.bridge.phase
        if phase.kind == "dots":
            self.bridge.set_phase(dataclasses.replace(
                phase, dots_revealed=self.reveal_dots.isChecked()))

    def _on_reveal_scores_clicked(self) -> None:
        self.doc.try_apply(reveal_scores(), self.told.emit)
