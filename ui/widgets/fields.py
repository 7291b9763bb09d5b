"""Plain-text line and text editors bound to one text of the case by path; typing is one
undo step."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSignalBlocker, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QSizePolicy, QTextEdit, QWidget

from fishbone.changes import Change
from sixstep.edits.base import Edit
from sixstep.edits.fields import Path, SetText, read, touches
from sixstep.rules import RuleError
from ui.document.document import CaseDocument


def is_undo_key(event: QEvent) -> bool:
    """Ctrl+Z, Ctrl+Y or Ctrl+Shift+Z: these belong to the case's undo stack, not the widget."""
    if not isinstance(event, QKeyEvent):
        return False
    if event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo):
        return True
    mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    return event.key() == Qt.Key.Key_Y and mods == Qt.KeyboardModifier.ControlModifier


def try_apply(doc: CaseDocument, edit: Edit, label: str = "") -> bool:
    """Apply ``edit`` as one undo step; False (and nothing changed) when a rule refuses it,
    so the widget shows the case's value again."""
    try:
        doc.apply(edit, label)
    except RuleError:
        return False
    return True


class _Binding:
    """What a field edits: the text at ``path`` (a key of ``sixstep.edits.fields.EDITABLE``)."""

    def __init__(self, doc: CaseDocument, path: Path, label: str) -> None:
        self.doc, self.path, self.label = doc, path, label

    def value(self) -> str:
        return str(read(self.doc.case, self.path) or "")

    def push(self, text: str) -> bool:
        """Send typed text to the case; False when it was refused."""
        if text == self.value():
            return True
        return try_apply(self.doc, SetText(self.path, text), f"Edit {self.label.lower()}")

    def concerns(self, change: Change) -> bool:
        return touches(change, self.path)


class PlainLineEdit(QLineEdit):
    """A line edit that leaves Ctrl+Z and Ctrl+Y to the case's undo stack."""

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and is_undo_key(event):
            return False  # let the window's Undo/Redo act on the whole case
        return super().event(event)


class PlainTextEdit(QPlainTextEdit):
    """A text box without an undo history of its own: Ctrl+Z and Ctrl+Y undo the case."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setUndoRedoEnabled(False)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and is_undo_key(event):
            return False
        return super().event(event)


class LineField(PlainLineEdit):
    """One line of plain text bound to a case field."""

    def __init__(self, doc: CaseDocument, path: Path, label: str, placeholder: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.binding = _Binding(doc, path, label)
        self.setAccessibleName(label)
        self.setPlaceholderText(placeholder)
        self.textEdited.connect(self._on_self_text_edited)
        doc.changed.connect(self._on_doc_changed)
        doc.replaced.connect(self.refresh)
        self.refresh()

    def _on_self_text_edited(self, text: str) -> None:
        if not self.binding.push(text):
            self.refresh()

    def _on_doc_changed(self, change: Change) -> None:
        if self.binding.concerns(change):
            self.refresh()

    def refresh(self) -> None:
        value = self.binding.value()
        if self.text() != value:
            pos = self.cursorPosition()
            with QSignalBlocker(self):
                self.setText(value)
                self.setCursorPosition(min(pos, len(value)))


class TextField(QTextEdit):
    """Several lines of plain text bound to a case field; grows with its text.

    Pasted rich text arrives as plain text; Tab moves on to the next control.
    """

    def __init__(self, doc: CaseDocument, path: Path, label: str, placeholder: str = "",
                 lines: int = 3, max_lines: int = 14, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.binding = _Binding(doc, path, label)
        self.lines, self.max_lines = lines, max_lines
        self.setAccessibleName(label)
        self.setPlaceholderText(placeholder)
        self.setAcceptRichText(False)
        self.setTabChangesFocus(True)
        self.setUndoRedoEnabled(False)  # the case's undo stack owns undo
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.textChanged.connect(self._on_self_text_changed)
        doc.changed.connect(self._on_doc_changed)
        doc.replaced.connect(self.refresh)
        self.refresh()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and is_undo_key(event):
            return False
        return super().event(event)

    def _fit_height(self) -> None:
        """As tall as the text, between ``lines`` and ``max_lines`` lines; then it scrolls.

        Out of sight the width is not known yet: the text is measured when it is shown."""
        if not self.isVisible():
            return
        line = self.fontMetrics().lineSpacing()
        doc = self.document()
        doc.setTextWidth(max(50, self.viewport().width()))
        margins = 2 * self.frameWidth() + int(2 * doc.documentMargin())
        wanted = int(doc.size().height()) + 2 * self.frameWidth()
        low, high = line * self.lines + margins, line * self.max_lines + margins
        height = max(low, min(high, wanted))
        if height != self.height():
            self.setFixedHeight(height)

    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        super().resizeEvent(event)
        self._fit_height()

    def showEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        super().showEvent(event)
        self._fit_height()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_height()

    def _on_self_text_changed(self) -> None:
        if not self.binding.push(self.toPlainText()):
            self.refresh()
        self._fit_height()

    def _on_doc_changed(self, change: Change) -> None:
        if self.binding.concerns(change):
            self.refresh()

    def refresh(self) -> None:
        value = self.binding.value()
        if self.toPlainText() != value:
            pos = self.textCursor().position()
            with QSignalBlocker(self):
                self.setPlainText(value)
                cursor = self.textCursor()
                cursor.setPosition(min(pos, len(value)))
                self.setTextCursor(cursor)
            self._fit_height()
