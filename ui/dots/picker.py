"""Who votes now: a compact picker of the participant (with the dots they have left),
beside step 2's tabs. (The "Anonymous room" switch is on the "Dot votes" tab.)

Alt+1 to Alt+9 pick the first nine participants and Alt+0 the room, from anywhere on the
step, so a facilitator can take the room's dots without leaving the canvas: pick, then
Alt+= and Alt+- on the selected cause. A refused dot is said on the status bar (and here,
for a few seconds); nothing ever opens a dialog while the room votes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QSizePolicy,
    QWidget,
)

from fishbone.changes import Change
from sixstep.dots import dot_budget, remaining_dots
from ui.common.theme import no_mnemonic, plain_tip
from ui.document.document import CaseDocument
from ui.document.voting import ballot_for

REFRESH_KINDS = frozenset({"participants", "dots", "dot_settings", "cause_added",
                           "cause_removed"})
MESSAGE_MS = 5000
ROOM = "The room"
KEYS_TIP = "Alt+1 to Alt+9 pick a participant, Alt+0 the room; Alt+= and Alt+- vote"


def voter_keys() -> list[str]:
    """The shortcut for the room, then for the first nine participants."""
    return [f"Alt+{n}" for n in range(10)]


class DotPicker(QWidget):
    """A combo of the room and the participants (each with the dots left) and a short
    message line for refused dots."""

    def __init__(self, doc: CaseDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.ballot = ballot_for(doc)
        self.setObjectName("dot_picker")
        self._shown: tuple[list[str], list[str | None]] = ([], [])  # the combo's entries
        self.caption = QLabel("Vot&ing as", self)
        self.combo = QComboBox(self)
        self.combo.setAccessibleName("Voting as")
        self.combo.setToolTip(KEYS_TIP)
        popup = self.combo.view()
        if popup is not None:
            popup.setAccessibleName("The room and the participants")
        # as wide as a name, not as the longest entry: beside the step's tabs, whose names
        # must stay readable on a 1024-pixel projector (the list shows each entry whole)
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(10)
        self.caption.setBuddy(self.combo)
        self.message = QLabel("", self)
        self.message.setObjectName("dot_message")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)
        self.message.hide()
        self._message_timer = QTimer(self)
        self._message_timer.setSingleShot(True)
        self._message_timer.setInterval(MESSAGE_MS)
        self._message_timer.timeout.connect(self.message.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 0, 4, 0)
        for widget in (self.message, self.caption, self.combo):
            layout.addWidget(widget)
        self.voter_actions: list[QAction] = []

        self.combo.activated.connect(self._on_combo_activated)
        self.ballot.voter_changed.connect(self._on_ballot_voter_changed)
        self.ballot.refused.connect(self._on_ballot_refused)
        doc.changed.connect(self._on_doc_changed)
        doc.replaced.connect(self.refresh)
        self.refresh()

    def add_voter_keys(self, scope: QWidget) -> None:
        """Alt+0 to Alt+9 pick the voter while the focus is anywhere in ``scope``."""
        for number, keys in enumerate(voter_keys()):
            action = QAction(f"Vote as participant {number}" if number else "Vote as the room",
                             scope)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _=False, n=number: self.pick(n))
            scope.addAction(action)
            self.voter_actions.append(action)

    def pick(self, number: int) -> None:
        """0: the room; 1 to 9: that participant in the list (a missing one: no change)."""
        people = self.doc.case.participants
        if number == 0:
            self.ballot.set_voter(None)
        elif number <= len(people):
            if self.ballot.anonymous:
                self.show_message("Anonymous room: the dots count for the room only.")
                return
            self.ballot.set_voter(people[number - 1].id)
        else:
            self.show_message(f"There is no participant {number}.")

    def item_text(self, participant_id: str | None) -> str:
        case = self.doc.case
        if participant_id is None:
            return ROOM + (" (anonymous)" if case.dot_settings.anonymous else "")
        name = next((p.name.strip() or p.id for p in case.participants
                     if p.id == participant_id), participant_id)
        left = remaining_dots(case).get(participant_id, 0)
        return f"{name}: {left} of {dot_budget(case)} left"

    def refresh(self) -> None:
        """Fill the combo again from the case (participants, dots left, mode)."""
        case = self.doc.case
        anonymous = case.dot_settings.anonymous
        ids: list[str | None] = [None] if anonymous else [None, *[p.id for p in case.participants]]
        texts = [no_mnemonic(self.item_text(participant_id)) for participant_id in ids]
        index = self.combo.findData(self.ballot.voter) if self.ballot.voter else 0
        if (texts, ids) == self._shown and self.combo.currentIndex() == max(0, index):
            return  # as it is: no rebuild, no repaint (a cause added in a big diagram)
        self._shown = (texts, ids)
        self.combo.blockSignals(True)
        self.combo.clear()
        for number, (text, participant_id) in enumerate(zip(texts, ids, strict=True)):
            self.combo.addItem(text, participant_id)
            self.combo.setItemData(number, plain_tip(f"Alt+{number}" if number < 10 else ""),
                                   Qt.ItemDataRole.ToolTipRole)
        index = self.combo.findData(self.ballot.voter) if self.ballot.voter else 0
        self.combo.setCurrentIndex(max(0, index))
        self.combo.blockSignals(False)
        self.combo.setEnabled(len(ids) > 1)

    def show_message(self, text: str) -> None:
        """Say ``text`` here and on the window's status bar for a few seconds."""
        self.message.setText(text)
        self.message.setToolTip(plain_tip(text))
        self.message.setVisible(bool(text))
        self._message_timer.start()
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, MESSAGE_MS)

    def set_projector_mode(self, on: bool) -> None:
        """The room sees who votes and the dots left; the caption steps aside."""
        self.caption.setVisible(not on)

    # -- slots -----------------------------------------------------------------------------
    def _on_combo_activated(self, index: int) -> None:
        self.ballot.set_voter(self.combo.itemData(index))

    def _on_ballot_voter_changed(self, participant_id: object) -> None:
        self.refresh()

    def _on_ballot_refused(self, text: str) -> None:
        self.show_message(text)

    def _on_doc_changed(self, change: Change) -> None:
        if change.kind in REFRESH_KINDS:
            self.refresh()
