"""One step on screen: its heading, the facilitator's guidance and notes (collapsible) and the
page."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QToolButton, QVBoxLayout, QWidget

from sixstep.steps import StepDefinition
from ui.common.theme import plain_label
from ui.document.document import CaseDocument
from ui.widgets.fields import TextField


class GuidancePanel(QFrame):
    """What the facilitator should do in this step, what the case still lacks, and the
    facilitator's own notes for the step (``step_notes``; with a document only)."""

    def __init__(self, step: StepDefinition, parent: QWidget | None = None,
                 doc: CaseDocument | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.toggle = QToolButton(self)
        self.toggle.setText("Guidance")
        self.toggle.setToolTip("Guidance for the facilitator: click to fold it away")
        self.toggle.setAccessibleName("Show or hide the guidance")
        self.toggle.setCheckable(True)
        self.toggle.setChecked(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow)
        self.toggle.setAutoRaise(True)
        self.toggle.toggled.connect(self._on_toggle_toggled)
        self.text = plain_label(step.guidance)
        self.text.setAccessibleName("Guidance")
        self.todo = plain_label("")
        self.todo.setAccessibleName("Still to do in this step")
        words = QVBoxLayout()
        words.setContentsMargins(0, 0, 0, 0)
        words.setSpacing(2)
        words.addWidget(self.text)
        words.addWidget(self.todo)
        self.notes: TextField | None = None
        if doc is not None:
            self.notes = TextField(doc, ("step_notes", str(step.number)),
                                   "Facilitator's notes for this step",
                                   placeholder="Your notes for this step (the room does not "
                                   "see them in projector mode)", lines=1, max_lines=6)
            words.addWidget(self.notes)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 8, 4)
        layout.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(words, 1)

    def set_expanded(self, on: bool) -> None:
        self.toggle.setChecked(on)

    def is_expanded(self) -> bool:
        return self.toggle.isChecked()

    def _on_toggle_toggled(self, on: bool) -> None:
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)
        self.text.setVisible(on)
        self.todo.setVisible(on and bool(self.todo.text()))
        if self.notes is not None:
            self.notes.setVisible(on)

    def show_missing(self, missing: list[str]) -> None:
        text = "" if not missing else "Still to do: " + "  ".join(
            f"\u2022 {m}" for m in missing)
        self.todo.setText(text)
        self.todo.setVisible(self.is_expanded() and bool(text))


class StepFrame(QWidget):
    """The heading ("Step 2 of 6: Research and analyse"), the guidance and the page below."""

    def __init__(self, step: StepDefinition, page: QWidget, parent: QWidget | None = None,
                 doc: CaseDocument | None = None) -> None:
        super().__init__(parent)
        self.step, self.page = step, page
        self.heading = plain_label(f"Step {step.number} of 6: {step.title}", role="heading",
                                   wrap=False)
        self.heading.setAccessibleName("Step heading")
        self.heading.setWordWrap(True)  # on a narrow screen it takes two lines, never the width
        self.guidance = GuidancePanel(step, self, doc)
        self.head = QHBoxLayout()  # the heading's row; the window adds the step timer here
        self.head.addWidget(self.heading, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(6)
        layout.addLayout(self.head)
        layout.addWidget(self.guidance)
        layout.addWidget(page, 1)

    def set_guidance_shown(self, on: bool) -> None:
        self.guidance.setVisible(on)
