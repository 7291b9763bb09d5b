"""The fishbone side panel: a "Cause" tab with the selected cause's text, status, root cause,
votes and notes, and a "Headings" tab (``heading_list``). The tab follows the kind of box
selected on the canvas. Labels sit above their fields, so the panel stays narrow.

Every field edit is an undoable command; typing in the text or the notes merges into one step.
Fields are filled with signals blocked, so showing a cause never pushes a command.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fishbone.model import DIAGRAM_KINDS, STATUSES, Cause, Change
from ui.document.document import CaseDocument
from ui.document.fishbone_commands import SetCauseAttributeCommand, SetCauseTextCommand
from ui.fishbone_editor.canvas.actions import (
    ROOT_CAUSE_SHORTCUT,
    STATUS_LABELS,
    STATUS_SHORTCUTS,
    VOTE_DOWN_SHORTCUT,
    VOTE_UP_SHORTCUT,
    DiagramActions,
)
from ui.fishbone_editor.heading_list import HeadingList
from ui.widgets.fields import PlainLineEdit, PlainTextEdit

Key = tuple[str, str]
HIDDEN_VOTES = "Hidden until the room's dots are revealed"


class CausePanel(QWidget):
    """Shows and edits the cause selected on the canvas; ``show_selection`` follows it."""

    def __init__(self, doc: CaseDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.diagram_actions = DiagramActions(doc)
        self.cause_id: str | None = None
        self.setObjectName("cause_panel")

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("panel_tabs")
        self.tabs.setDocumentMode(True)
        self.box = QWidget(self.tabs)
        self.box.setObjectName("cause_page")
        self.hint = QLabel("Select a cause on the diagram to see and change it here.", self)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.hint.setWordWrap(True)
        self.text = PlainLineEdit(self)
        self.text.setObjectName("cause_text")
        self.text.setAccessibleName("Text of the selected cause")
        self.text.setMaxLength(2000)
        self.text.textEdited.connect(self._on_text_edited)
        self.text.editingFinished.connect(self._on_text_editing_finished)
        self.status_group = QButtonGroup(self)
        status_row = QVBoxLayout()
        status_row.setSpacing(2)
        self.status_buttons: dict[str, QRadioButton] = {}
        for i, status in enumerate(STATUSES):
            button = QRadioButton(STATUS_LABELS[status], self)
            button.setObjectName(f"status_{status}")
            button.setAccessibleName(f"Status: {STATUS_LABELS[status].lower()}")
            button.setToolTip(f"{STATUS_LABELS[status]} ({STATUS_SHORTCUTS[status]})")
            self.status_group.addButton(button, i)
            self.status_buttons[status] = button
            status_row.addWidget(button)
        self.status_group.idClicked.connect(self._on_status_group_clicked)
        self.root = QCheckBox("Root cause", self)
        self.root.setObjectName("root_cause")
        self.root.setAccessibleName("Root cause")
        self.root.setToolTip(f"Mark this as a root cause ({ROOT_CAUSE_SHORTCUT} on the diagram)")
        self.root.clicked.connect(self._on_root_clicked)
        self.votes = QLabel("0", self)
        self.votes.setObjectName("votes")
        self.votes.setMinimumWidth(36)
        self.votes.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.vote_down = QPushButton("−", self)
        self.vote_down.setAccessibleName("Vote down")
        self.vote_down.setToolTip(f"Take one vote away ({VOTE_DOWN_SHORTCUT})")
        self.vote_down.clicked.connect(lambda: self._vote(-1))
        self.vote_up = QPushButton("+", self)
        self.vote_up.setAccessibleName("Vote up")
        self.vote_up.setToolTip(f"Add one vote ({VOTE_UP_SHORTCUT})")
        self.vote_up.clicked.connect(lambda: self._vote(1))
        vote_row = QHBoxLayout()
        for widget in (self.vote_down, self.votes, self.vote_up):
            vote_row.addWidget(widget)
        for button in (self.vote_down, self.vote_up):
            button.setMaximumWidth(max(48, button.sizeHint().height() * 2))
        vote_row.addStretch(1)
        self.notes = PlainTextEdit(self)
        self.notes.setObjectName("cause_notes")
        self.notes.setAccessibleName("Notes on the selected cause")
        self.notes.setPlaceholderText("Evidence, who checks it, by when")
        self.notes.textChanged.connect(self._on_notes_changed)

        form = QFormLayout(self.box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.setContentsMargins(6, 6, 6, 6)
        form.addRow(self.hint)
        form.addRow("Text", self.text)
        form.addRow("Status", status_row)
        form.addRow(self.root)
        form.addRow("Votes", vote_row)
        form.addRow("Notes", self.notes)
        self.headings = HeadingList(doc, self.tabs)
        self.tabs.addTab(self.box, "Cause")
        self.tabs.addTab(self.headings, "Headings")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

        doc.changed.connect(self._on_doc_changed)
        doc.replaced.connect(self._on_doc_replaced)
        doc.votes_hidden_changed.connect(self._on_doc_votes_hidden_changed)
        self.refresh()

    # -- following the canvas ------------------------------------------------------------------
    def show_selection(self, key: Key | None) -> None:
        """Show the cause selected on the canvas; a heading is chosen in the headings tab."""
        if key is not None and key[0] == "category":
            self.headings.choose(key[1])
            self.tabs.setCurrentWidget(self.headings)
        if key is not None and key[0] == "cause":
            self.cause_id = key[1]
            self.headings.choose(self.doc.diagram.cause(key[1]).category)
            self.tabs.setCurrentWidget(self.box)
        else:
            self.cause_id = None
        self.refresh()

    def _on_doc_changed(self, change: Change) -> None:
        if change.kind not in DIAGRAM_KINDS or change.kind == "effect":
            return
        if change.kind == "categories":
            self.headings.refresh()
        if self.cause_id is not None and not self.doc.diagram.has_cause(self.cause_id):
            self.cause_id = None
        elif change.kind in ("cause_changed", "cause_moved") and self.cause_id not in change.ids:
            return  # other causes
        self.refresh()

    def _on_doc_replaced(self) -> None:
        self.cause_id = None
        self.headings.refresh()
        self.refresh()

    def _on_doc_votes_hidden_changed(self, hidden: bool) -> None:
        self.refresh()

    def current_cause(self) -> Cause | None:
        d = self.doc.diagram
        if self.cause_id is None or not d.has_cause(self.cause_id):
            return None
        return d.cause(self.cause_id)

    def refresh(self) -> None:
        """Fill the fields from the model without pushing anything."""
        cause = self.current_cause()
        self.hint.setVisible(cause is None)
        for widget in (self.text, self.root, self.vote_up, self.vote_down, self.notes,
                       *self.status_buttons.values()):
            widget.setEnabled(cause is not None)
        with QSignalBlocker(self.text), QSignalBlocker(self.notes), \
                QSignalBlocker(self.root), QSignalBlocker(self.status_group):
            if cause is None:
                self.text.clear()
                self.notes.clear()
                self.root.setChecked(False)
                self.votes.setText("")
                self.status_group.setExclusive(False)
                for button in self.status_buttons.values():
                    button.setChecked(False)
                self.status_group.setExclusive(True)
                return
            if self.text.text() != cause.text:
                self.text.setText(cause.text)
            if self.notes.toPlainText() != cause.notes:
                self.notes.setPlainText(cause.notes)
            self.root.setChecked(cause.root_cause)
            self.status_buttons[cause.status].setChecked(True)
            hidden = self.doc.votes_hidden  # the room's dots before their reveal
            self.votes.setText("?" if hidden else str(cause.votes))
            self.votes.setToolTip(HIDDEN_VOTES if hidden else "")
            self.vote_down.setEnabled(hidden or cause.votes > 0)

    # -- edits ---------------------------------------------------------------------------------
    def _on_text_edited(self, text: str) -> None:
        # pushed as typed (a trailing space is a moment in typing); an empty field is not a
        # cause with no text, so it waits; leaving the field tidies the spaces
        if self.cause_id is not None and text.strip():
            self.doc.push(SetCauseTextCommand(self.doc, self.cause_id, text))

    def _on_text_editing_finished(self) -> None:
        cause = self.current_cause()
        if cause is None:
            return
        clean = " ".join(cause.text.split())
        if clean and clean != cause.text:
            self.doc.push(SetCauseTextCommand(self.doc, cause.id, clean))
        elif not self.text.text().strip():
            with QSignalBlocker(self.text):
                self.text.setText(cause.text)

    def _on_notes_changed(self) -> None:
        if self.cause_id is not None:
            self.doc.push(SetCauseAttributeCommand(self.doc, self.cause_id, "notes",
                                                   self.notes.toPlainText()))

    def _on_status_group_clicked(self, index: int) -> None:
        if self.cause_id is not None:
            if not self.diagram_actions.set_status(self.cause_id, STATUSES[index]):
                self.refresh()  # refused (a root cause ruled out): show the cause as it is

    def _on_root_clicked(self, checked: bool) -> None:
        if self.cause_id is not None:
            if not self.diagram_actions.set_attribute(self.cause_id, "root_cause", checked):
                self.refresh()

    def _vote(self, delta: int) -> None:
        if self.cause_id is not None:
            self.diagram_actions.vote(self.cause_id, delta)
