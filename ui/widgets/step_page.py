"""The base of every step page: the document it edits and how it refreshes and scales."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QWidget

from fishbone.changes import Change
from ui.document.document import CaseDocument


class StepPage(QWidget):
    """A page edits ``doc.case`` through undoable edits and redraws on change.

    Subclasses build their widgets in ``__init__``. A page declares in ``kinds`` the change
    kinds it shows; each such change of the case's one stream comes to ``on_change(change)``,
    whose kind, ids and attribute say exactly what changed. ``refresh()`` shows the whole
    case again (after the whole case was replaced).

    Widgets being filled must not push edits: use ``blocked(widget)`` while setting them.
    """

    number = 0
    kinds: frozenset[str] = frozenset()  # the change kinds that come to ``on_change``

    def __init__(self, doc: CaseDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.projector_mode = False
        doc.changed.connect(self._on_doc_changed)
        doc.replaced.connect(self._on_doc_replaced)

    def _on_doc_changed(self, change: Change) -> None:
        if change.kind in self.kinds:
            self.on_change(change)

    def _on_doc_replaced(self) -> None:
        self.refresh()

    def on_change(self, change: Change) -> None:
        """One change of a kind in ``kinds``: show what it changed."""

    def refresh(self) -> None:
        """Show the case's current values."""

    def set_projector_mode(self, on: bool) -> None:
        """Hide what the audience does not need; fonts are scaled by the window."""
        self.projector_mode = on

    @staticmethod
    def blocked(widget: QWidget) -> QSignalBlocker:
        return QSignalBlocker(widget)
