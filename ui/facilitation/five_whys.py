"""Five whys: ask "why?" of a cause, then of each answer in turn, and write the chain back as
nested sub-causes under the cause in one undo step."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sixstep.edits.fishbone import AddCause
from sixstep.edits.whys import FIVE_WHYS_TITLE, five_whys
from sixstep.rules import RuleError
from ui.common import theme
from ui.common.theme import plain_label
from ui.document.document import CaseDocument
from ui.widgets.fields import PlainLineEdit, try_apply

KEY = "Alt+W"  # with the other keys on the selected cause (Alt+P, Alt+C, Alt+X)
ENOUGH = 5
HINT = ("Enter asks why again. Backspace on an empty line takes the last answer back. "
        "Ctrl+Enter writes the chain, Esc leaves it unwritten.")


def question(subject: str) -> str:
    return f"Why \u201c{' '.join(subject.split())}\u201d?"


class AnswerLine(PlainLineEdit):
    """Where each answer is typed; Backspace on an empty line asks for the last one back."""

    def __init__(self, dialog: FiveWhysDialog) -> None:
        super().__init__(dialog)
        self.dialog = dialog

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt name
        if (event.key() == Qt.Key.Key_Backspace and not self.text()
                and not event.modifiers()):
            self.dialog.take_back()
            event.accept()
            return
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()  # handled here: the dialog must not press a button as well


class FiveWhysDialog(QDialog):
    """The cause on top, the answers so far, and the next "why?" in big letters.

    ``projector``: the room reads it from the back (every text 20 pt or more, the question
    bigger still). Accepting writes the chain as one undo step (``written`` is then True).
    """

    def __init__(self, doc: CaseDocument, cause_id: str, projector: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc, self.cause_id, self.projector = doc, cause_id, projector
        self.answers: list[str] = []
        self.written = False
        self.added: list[str] = []  # the new causes' ids, top first, once written
        cause = doc.diagram.cause(cause_id)
        self.setWindowTitle("Five whys")
        self.setObjectName("five_whys")
        self.setAttribute(Qt.WidgetAttribute.WA_WindowPropagation)
        theme.set_base_font(self, projector)
        self.start_label = plain_label(f"Starting from the cause: \u201c{cause.text}\u201d")
        self.start_label.setAccessibleName("The cause we ask about")
        self.chain = QListWidget(self)
        self.chain.setAccessibleName("Answers so far, each the reason for the one above")
        self.chain.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.chain.setWordWrap(True)
        self.count_label = plain_label("", role="subheading")
        self.question_label = plain_label("", role="title" if projector else "heading")
        self.question_label.setAccessibleName("The question")
        self.answer = AnswerLine(self)
        self.answer.setAccessibleName("Answer: because")
        self.answer.setPlaceholderText("Because \u2026 (Enter asks why again)")
        self.answer.returnPressed.connect(self._on_answer_return_pressed)
        self.hint = plain_label(HINT, role="hint")
        buttons = QDialogButtonBox(self)
        self.write_button = QPushButton("Write the chain", self)
        self.write_button.setAutoDefault(False)
        self.write_button.setAccessibleName("Write the answers as sub-causes (Ctrl+Enter)")
        self.write_button.clicked.connect(self.write)
        buttons.addButton(self.write_button, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        if cancel is not None:
            cancel.setAutoDefault(False)
        buttons.rejected.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.write)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        for widget in (self.start_label, self.chain, self.count_label, self.question_label,
                       self.answer, self.hint):
            layout.addWidget(widget)
        layout.addWidget(buttons)
        layout.setStretch(1, 1)
        theme.scale_fonts(self, projector)
        self._size_for(projector)
        self._show()

    def _size_for(self, projector: bool) -> None:
        parent = self.parentWidget()
        screen = (parent.screen() if parent is not None else self.screen()).availableGeometry()
        want = (1000, 680) if projector else (640, 460)
        self.resize(min(want[0], screen.width() - 40), min(want[1], screen.height() - 60))

    # -- asking ----------------------------------------------------------------------------
    def subject(self) -> str:
        return self.answers[-1] if self.answers else self.doc.diagram.cause(self.cause_id).text

    def _on_answer_return_pressed(self) -> None:
        text = " ".join(self.answer.text().split())
        if not text:
            if self.answers:
                self.write()
            return
        self.answers.append(text)
        self.answer.clear()
        self._show()

    def take_back(self) -> None:
        """The last answer goes back into the line, to be changed."""
        if self.answers:
            self.answer.setText(self.answers.pop())
            self._show()

    def _show(self) -> None:
        self.chain.clear()
        for number, text in enumerate(self.answers, 1):
            self.chain.addItem(f"{number}. {text}")
        self.chain.scrollToBottom()
        n = len(self.answers) + 1
        self.count_label.setText(f"Why number {n}" + (" (five reached: Ctrl+Enter writes the "
                                                      "chain)" if n > ENOUGH else ""))
        self.question_label.setText(question(self.subject()))
        self.write_button.setEnabled(bool(self.answers))
        self.answer.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- writing ---------------------------------------------------------------------------
    def write(self) -> None:
        """Write the answers (and the one still typed) as nested sub-causes: one undo step."""
        typed = " ".join(self.answer.text().split())
        answers = self.answers + ([typed] if typed else [])
        if not answers:
            return
        try:
            edit = five_whys(self.doc.case, self.cause_id, answers)
        except RuleError:
            return
        if try_apply(self.doc, edit, FIVE_WHYS_TITLE):
            self.written = True
            self.added = [e.cause.id for e in edit.edits if isinstance(e, AddCause)]
            self.accept()


def ask_five_whys(doc: CaseDocument, cause_id: str, parent: QWidget | None = None,
                  projector: bool = False) -> FiveWhysDialog:
    """Open the dialog (window modal) on ``cause_id``; returns it, already shown."""
    dialog = FiveWhysDialog(doc, cause_id, projector, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
