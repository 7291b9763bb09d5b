"""Plain-text line and text editors bound to one case field; typing is one undo step."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QSignalBlocker, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QSizePolicy, QTextEdit, QWidget

from sixstep.case import Case
from ui.document.case_commands import SetFieldCommand
from ui.document.document import CaseDocument

Target = Callable[[Case], Any]


def is_undo_key(event: QEvent) -> bool:
    """Ctrl+Z, Ctrl+Y or Ctrl+Shift+Z: these belong to the case's undo stack, not the widget."""
    if not isinstance(event, QKeyEvent):
        return False
    if event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo):
        return True
    mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    return event.key() == Qt.Key.Key_Y and mods == Qt.KeyboardModifier.ControlModifier


class _Binding:
    """What a field edits: ``target(doc.case).attribute`` in ``section``."""

    def __init__(self, doc: CaseDocument, section: str, target: Target, attribute: str,
                 label: str) -> None:
        self.doc, self.section, self.target, self.attribute = doc, section, target, attribute
        self.label = label

    def value(self) -> str:
        return str(getattr(self.target(self.doc.case), self.attribute) or "")

    def push(self, text: str) -> None:
        if text == self.value():
            return
        self.doc.push(SetFieldCommand(self.doc, self.section, self.target(self.doc.case),
                                      self.attribute, text, label=f"Edit {self.label.lower()}"))


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

    def __init__(self, doc: CaseDocument, section: str, target: Target, attribute: str,
                 label: str, placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.binding = _Binding(doc, section, target, attribute, label)
        self.setAccessibleName(label)
        self.setPlaceholderText(placeholder)
        self.textEdited.connect(self._on_self_text_edited)
        doc.case_changed.connect(self._on_doc_case_changed)
        doc.replaced.connect(self.refresh)
        self.refresh()

    def _on_self_text_edited(self, text: str) -> None:
        self.binding.push(text)

    def _on_doc_case_changed(self, section: str) -> None:
        if section == self.binding.section:
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

    def __init__(self, doc: CaseDocument, section: str, target: Target, attribute: str,
                 label: str, placeholder: str = "", lines: int = 3, max_lines: int = 14,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.binding = _Binding(doc, section, target, attribute, label)
        self.lines, self.max_lines = lines, max_lines
        self.setAccessibleName(label)
        self.setPlaceholderText(placeholder)
        self.setAcceptRichText(False)
        self.setTabChangesFocus(True)
        self.setUndoRedoEnabled(False)  # the case's undo stack owns undo
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.textChanged.connect(self._on_self_text_changed)
        doc.case_changed.connect(self._on_doc_case_changed)
        doc.replaced.connect(self.refresh)
        self.refresh()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and is_undo_key(event):
            return False
        return super().event(event)

    def _fit_height(self) -> None:
        """As tall as the text, between ``lines`` and ``max_lines`` lines; then it scrolls."""
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

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_height()

    def _on_self_text_changed(self) -> None:
        self.binding.push(self.toPlainText())
        self._fit_height()

    def _on_doc_case_changed(self, section: str) -> None:
        if section == self.binding.section:
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
