"""Editing a box's text in place: a plain-text line editor laid over the box on the canvas.

Enter commits, Esc cancels, leaving the field commits. Committing turns into one command:
the cause's text, the heading's name or the effect. A cause or heading that was just added
empty and is cancelled (or committed empty) is taken away again, leaving no undo step.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QGraphicsView, QLineEdit

from ui.document.fishbone_commands import (
    RenameCategoryCommand,
    SetCauseTextCommand,
    SetEffectCommand,
)
from ui.fishbone_editor.canvas.actions import DiagramActions
from ui.fishbone_editor.canvas.scene import DiagramScene
from ui.painting.paint import measurer_for, qrect

Key = tuple[str, str]


class InlineEditor(QLineEdit):
    """The field itself: reports Enter, Esc and focus loss as ``finished(commit)``."""

    finished = Signal(bool)  # True: commit, False: cancel

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt name)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.finished.emit(True)
            return
        if event.key() == Qt.Key.Key_Escape:
            self.finished.emit(False)
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt name)
        super().focusOutEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self.finished.emit(True)


class EditSession(QObject):
    """One edit in place of one box; the view keeps at most one at a time."""

    done = Signal(object)  # the key that was edited (or None when it was taken away)

    def __init__(self, view: QGraphicsView, actions: DiagramActions, key: Key, is_new: bool,
                 text: str | None = None) -> None:
        super().__init__(view)
        self.view, self.diagram_actions, self.key, self.is_new = view, actions, key, is_new
        self.diagram = actions.diagram  # another case opened meanwhile: nothing to apply
        self._closed = False
        self.editor = InlineEditor(view.viewport())
        self.editor.setObjectName("inline_editor")
        self.editor.setFrame(True)
        self.editor.setMaxLength(2000)
        self.editor.setText(self._current_text() if text is None else text)
        if text is None:
            self.editor.selectAll()
        else:
            self.editor.end(False)
        self.editor.finished.connect(self._on_editor_finished)
        self.editor.textChanged.connect(self._on_editor_text_changed)
        self.place()
        self.editor.show()
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)
        view.viewport().installEventFilter(self)

    def _current_text(self) -> str:
        kind, item_id = self.key
        d = self.diagram_actions.diagram
        if kind == "cause":
            return d.cause(item_id).text
        if kind == "category":
            return d.category(item_id).name
        return d.effect

    def place(self) -> None:
        """Cover the box at the view's current zoom, wide enough for the text being typed."""
        scene = self.view.scene()
        assert isinstance(scene, DiagramScene)
        box = scene.box(self.key)
        if box is None:
            return
        scale = self.view.transform().m11()
        rect = self.view.mapFromScene(qrect(box)).boundingRect()
        font = measurer_for(scene.diagram_style).font_for(box.role)
        font.setPixelSize(max(13, round(font.pixelSize() * scale)))  # legible when zoomed out
        font.setBold(False)
        self.editor.setFont(font)
        text_width = self.editor.fontMetrics().horizontalAdvance(self.editor.text() + "MM")
        viewport = self.view.viewport().rect()
        width = min(max(rect.width() + 8, text_width + 16, 220), viewport.width() - 8)
        height = max(rect.height() + 8, self.editor.sizeHint().height())
        left = min(max(rect.left() - 4, 4), viewport.right() - width - 4)
        top = rect.center().y() - height // 2
        self.editor.setGeometry(QRect(left, top, width, height))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.Resize:
            self.place()
        return False

    def _on_editor_text_changed(self, _text: str) -> None:
        self.place()

    def _on_editor_finished(self, commit: bool) -> None:
        self.finish(commit)

    def finish(self, commit: bool) -> None:
        """Commit or cancel once; later calls (focus loss after Enter) do nothing."""
        if self._closed:
            return
        self._closed = True
        self.view.viewport().removeEventFilter(self)
        text = " ".join(self.editor.text().split())
        self.editor.hide()
        self.editor.deleteLater()
        kept = self._apply(text if commit else "", commit)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        self.done.emit(self.key if kept else None)

    def _apply(self, text: str, commit: bool) -> bool:
        """Push what the edit means; False when the box was taken away."""
        kind, item_id = self.key
        doc, d = self.diagram_actions.doc, self.diagram_actions.diagram
        if d is not self.diagram:
            return False
        if kind == "cause" and not d.has_cause(item_id):
            return False
        if kind == "category" and not d.has_category(item_id):
            return False
        if self.is_new and not text:
            if kind == "cause":
                self.diagram_actions.remove_cause(item_id, fold=True)
            elif kind == "category":
                self.diagram_actions.remove_category(item_id, fold=True)
            return False
        if not commit or not text or text == self._current_text():
            return True
        if kind == "cause":
            doc.push(SetCauseTextCommand(doc, item_id, text, fold=self.is_new, merge=False))
        elif kind == "category":
            doc.push(RenameCategoryCommand(doc, item_id, text, fold=self.is_new, merge=False))
        else:
            doc.push(SetEffectCommand(doc, text, merge=False))
        return True
