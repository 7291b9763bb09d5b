"""Who is voting now: the participant whose dots the vote keys cast and take back.

One ``Ballot`` per open document (``ballot_for(doc)``), shared by the canvas keys, the cause
panel and the participant picker. It is a choice of the session, not of the case: it is never
saved and goes back to the room when another case is opened. A refused dot (over the budget
or the cap) is told through ``refused`` for a view to show without stopping anyone typing.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from fishbone.changes import Change
from sixstep.edits.dots import CastDot, TakeBackDot
from ui.document.document import CaseDocument


class Ballot(QObject):
    """The current voter of one document: a participant id, or None for the room."""

    voter_changed = Signal(object)  # participant id or None
    refused = Signal(str)  # why a dot was not cast or taken back

    def __init__(self, doc: CaseDocument) -> None:
        super().__init__(doc)
        self.doc = doc
        self._voter: str | None = None
        doc.changed.connect(self._on_doc_changed)
        doc.replaced.connect(self._on_doc_replaced)

    @property
    def anonymous(self) -> bool:
        return self.doc.case.dot_settings.anonymous

    @property
    def voter(self) -> str | None:
        """The participant whose dots the keys place; None (the room) in anonymous mode."""
        return None if self.anonymous else self._voter

    def voter_name(self) -> str:
        for person in self.doc.case.participants:
            if person.id == self.voter:
                return person.name.strip() or person.id
        return "The room"

    def set_voter(self, participant_id: str | None) -> None:
        """Vote as ``participant_id`` (None: the room); an unknown id means the room."""
        if participant_id not in {p.id for p in self.doc.case.participants}:
            participant_id = None
        if participant_id != self._voter:
            self._voter = participant_id
            self.voter_changed.emit(participant_id)

    def vote(self, cause_id: str, delta: int) -> bool:
        """One dot on (``delta`` > 0) or off the cause for the voter, as one undo step; False
        (nothing changed, ``refused`` told why) when a rule says no."""
        edit = (CastDot(cause_id, self.voter) if delta > 0
                else TakeBackDot(cause_id, self.voter))
        return self.doc.try_apply(edit, self.refused.emit)

    def _on_doc_changed(self, change: Change) -> None:
        if change.kind == "participants" and self._voter is not None:
            self.set_voter(self._voter)  # a removed participant hands over to the room

    def _on_doc_replaced(self) -> None:
        self.set_voter(None)


def ballot_for(doc: CaseDocument) -> Ballot:
    """The document's ballot, made on first use (it lives as long as the document)."""
    found = doc.findChild(Ballot)
    return found if found is not None else Ballot(doc)
