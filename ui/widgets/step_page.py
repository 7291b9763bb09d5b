"""The base of every step page: the document it edits and how it refreshes and scales."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from fishbone.changes import Change
from ui.document.document import CaseDocument


class StepPage(QWidget):
    """A page edits ``doc.case`` through undoable edits and redraws on change.

    Subclasses build their widgets in ``__init__``. A page declares in ``kinds`` the change
    kinds it shows; each such change of the case's one stream comes to ``on_change(change)``,
    whose kind, ids and attribute say exactly what changed. ``refresh()`` shows the whole
    case again (after the whole case was replaced).

    A page that sets ``waits_out_of_sight`` (its redraw is costly) keeps the changes that
    come while another step is on screen (it was shown, and is hidden now) and shows them
    all at once, through ``catch_up(changes)``, when it is shown again.

    Widgets being filled must not push edits: use ``blocked(widget)`` while setting them.
    """

    number = 0
    kinds: frozenset[str] = frozenset()  # the change kinds that come to ``on_change``
    waits_out_of_sight = False

    def __init__(self, doc: CaseDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.projector_mode = False
        self._seen = False  # shown at least once: out of sight now means another step is
        self.waiting: list[Change] = []  # changes not shown yet, while out of sight
        doc.changed.connect(self._on_doc_changed)
        doc.replaced.connect(self._on_doc_replaced)

    def out_of_sight(self) -> bool:
        """Shown before and hidden now (another step is on screen)."""
        return self._seen and not self.isVisible()

    def _on_doc_changed(self, change: Change) -> None:
        if change.kind not in self.kinds:
            return
        if self.waits_out_of_sight and self.out_of_sight():
            self.waiting.append(change)
        else:
            self.on_change(change)

    def _on_doc_replaced(self) -> None:
        self.waiting.clear()  # the whole case is shown afresh
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt name
        super().showEvent(event)
        self._seen = True
        self.show_waiting()

    def show_waiting(self) -> None:
        """Show now the changes that waited while the page was out of sight (it is shown,
        or someone asks for the page)."""
        if self.waiting:
            changes, self.waiting = self.waiting, []
            self.catch_up(changes)

    def catch_up(self, changes: list[Change]) -> None:
        """Show the changes that came while out of sight (in order): each in turn here."""
        for change in changes:
            self.on_change(change)

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
