"""The base of every step page: the document it edits and how it refreshes and scales."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QWidget

from ui.document.document import CaseDocument


class StepPage(QWidget):
    """A page edits ``doc.case`` through undoable commands and redraws on change.

    Subclasses build their widgets in ``__init__`` and fill them in ``refresh(section)``;
    ``section`` is the part of the case that changed ("" after the whole case was replaced),
    so a page can skip work that does not concern it. Widgets being filled must not push
    commands: use ``blocked(widget)`` while setting their values.
    """

    number = 0
    sections: tuple[str, ...] = ()  # the case sections this page shows

    def __init__(self, doc: CaseDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.projector_mode = False
        doc.case_changed.connect(self._on_doc_case_changed)
        doc.replaced.connect(self._on_doc_replaced)

    def _on_doc_case_changed(self, section: str) -> None:
        if not self.sections or section in self.sections:
            self.refresh(section)

    def _on_doc_replaced(self) -> None:
        self.refresh("")

    def refresh(self, section: str = "") -> None:
        """Show the case's current values."""

    def set_projector_mode(self, on: bool) -> None:
        """Hide what the audience does not need; fonts are scaled by the window."""
        self.projector_mode = on

    @staticmethod
    def blocked(widget: QWidget) -> QSignalBlocker:
        return QSignalBlocker(widget)
