"""The inbox of ideas the room sent from their phones: each waits, marked as from the room,
until the facilitator accepts it (it becomes a cause or an alternative), merges it into one
already there, parks it or dismisses it. Each of those is one undoable domain verb; every
text shown is plain text."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fishbone.changes import Change
from sixstep.case import Case, RoomIdea
from sixstep.edits.base import Edit
from sixstep.edits.room import AcceptRoomIdea, DismissRoomIdea, MergeRoomIdea, ParkRoomIdea
from ui.common.theme import breakable, no_mnemonic, one_line, plain_label, plain_tip
from ui.document.document import CaseDocument
from ui.widgets.buttons import add_key, push_button, tab_order

ID_ROLE = Qt.ItemDataRole.UserRole
MENU_TEXT = 70  # letters of a cause or alternative shown in the "Merge into" menu
REFRESH_KINDS = frozenset({"room_ideas", "categories", "participants", "cause_added",
                           "cause_removed", "cause_changed", "alternative_added",
                           "alternative_removed", "alternative_changed", "alternative_status"})
HINT = "Enter accepts the selected idea, Delete dismisses it."


def _short(text: str, limit: int = MENU_TEXT) -> str:
    text = one_line(text)
    return text if len(text) <= limit else text[:limit - 1] + "\u2026"


def idea_line(case: Case, idea: RoomIdea) -> str:
    """How an idea reads in the inbox: where it goes, its text and who sent it."""
    if idea.target == "cause":
        names = {c.id: c.name for c in case.fishbone.categories}
        where = f"Cause under {one_line(names.get(idea.category or '', '?'))}"
    else:
        where = "Alternative"
    people = {p.id: p.name for p in case.participants}
    sender = one_line(people.get(idea.sender, "")) if idea.sender else ""
    return f"{where}: {idea.text}\n\u2014 from the room" + (f" ({sender})" if sender else "")


def merge_targets(case: Case, idea: RoomIdea) -> list[tuple[str, str]]:
    """(id, text) of what an idea may be merged into: the causes (those under its heading
    first) or the open alternatives."""
    if idea.target == "cause":
        causes = sorted(case.fishbone.causes, key=lambda c: c.category != idea.category)
        return [(c.id, c.text) for c in causes]
    return [(a.id, a.name) for a in case.alternatives if a.status == "open"]


class RoomInbox(QWidget):
    """The pending ideas (of one ``target``, or all with None) with the four verbs.

    ``refused(message)`` says why a verb was refused (a heading removed meanwhile...).
    """

    refused = Signal(str)
    counted = Signal(int)  # how many ideas wait, after each refresh

    def __init__(self, doc: CaseDocument, target: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc, self.target = doc, target
        self.setObjectName("room_inbox")
        self.title = plain_label("", role="subheading", wrap=False)
        self.title.setAccessibleName("Ideas from the room")
        self.view = QListWidget(self)
        self.view.setAccessibleName("Ideas from the room")
        self.view.setWordWrap(True)  # long ideas wrap, never scroll sideways
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.view.setMinimumHeight(90)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.currentRowChanged.connect(self._on_view_current_row_changed)
        self.accept_button = push_button(self, "Accept", "Accept the selected idea (Enter)",
                                         self.accept_current)
        self.merge_button = push_button(self, "Merge into\u2026",
                                        "Merge the selected idea into one already there",
                                        self.choose_merge)
        self.park_button = push_button(self, "Park", "Park the selected idea for later",
                                       self.park_current)
        self.dismiss_button = push_button(self, "Dismiss",
                                          "Dismiss the selected idea (Delete)",
                                          self.dismiss_current)
        self.merge_menu = QMenu(self)
        self.merge_menu.setAccessibleName("Merge into")
        add_key(self.view, "Return", self.accept_current)
        add_key(self.view, "Enter", self.accept_current)
        add_key(self.view, "Delete", self.dismiss_current)
        self.hint = plain_label(HINT, role="hint")
        buttons = QHBoxLayout()
        for button in self.buttons():
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 6)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.hint)
        self.setFocusProxy(self.view)
        tab_order(self.view, *self.buttons())
        doc.changed.connect(self._on_doc_changed)
        doc.replaced.connect(self.refresh)
        self.refresh()

    def buttons(self) -> tuple[QPushButton, ...]:
        return (self.accept_button, self.merge_button, self.park_button, self.dismiss_button)

    # -- what is shown --------------------------------------------------------------------
    def ideas(self) -> list[RoomIdea]:
        return [i for i in self.doc.case.room_ideas
                if self.target is None or i.target == self.target]

    def count(self) -> int:
        return len(self.ideas())

    def _on_doc_changed(self, change: Change) -> None:
        if change.kind in REFRESH_KINDS:
            self.refresh()

    def refresh(self) -> None:
        """Show the pending ideas again, keeping the selection where it was."""
        current = self.current_id()
        row_before = self.view.currentRow()
        self.view.blockSignals(True)
        self.view.clear()
        case = self.doc.case
        for idea in self.ideas():
            item = QListWidgetItem(breakable(idea_line(case, idea)))  # never rich text
            item.setData(ID_ROLE, idea.id)
            item.setToolTip(plain_tip(idea.text))
            self.view.addItem(item)
        ids = [i.id for i in self.ideas()]
        if ids:
            row = ids.index(current) if current in ids else min(max(row_before, 0), len(ids) - 1)
            self.view.setCurrentRow(row)
        self.view.blockSignals(False)
        n = len(ids)
        self.title.setText(f"Ideas from the room ({n})" if n else "Ideas from the room: none yet")
        self.counted.emit(n)
        self._on_view_current_row_changed(self.view.currentRow())

    def _on_view_current_row_changed(self, row: int) -> None:
        for button in self.buttons():
            button.setEnabled(row >= 0)

    def current_id(self) -> str | None:
        item = self.view.currentItem()
        return None if item is None else str(item.data(ID_ROLE))

    def select(self, idea_id: str) -> None:
        for row in range(self.view.count()):
            if self.view.item(row).data(ID_ROLE) == idea_id:
                self.view.setCurrentRow(row)
                return

    # -- the verbs ----------------------------------------------------------------------------
    def _apply(self, edit: Edit) -> bool:
        return self.doc.try_apply(edit, self.refused.emit)

    def accept_current(self) -> None:
        if (idea := self.current_id()) is not None:
            self._apply(AcceptRoomIdea(idea))

    def park_current(self) -> None:
        if (idea := self.current_id()) is not None:
            self._apply(ParkRoomIdea(idea))

    def dismiss_current(self) -> None:
        if (idea := self.current_id()) is not None:
            self._apply(DismissRoomIdea(idea))

    def merge(self, idea_id: str, into_id: str) -> bool:
        return self._apply(MergeRoomIdea(idea_id, into_id))

    def choose_merge(self) -> None:
        """A menu of what the selected idea can be merged into, under the button."""
        idea_id = self.current_id()
        idea = next((i for i in self.ideas() if i.id == idea_id), None)
        if idea is None:
            return
        self.merge_menu.clear()
        targets = merge_targets(self.doc.case, idea)
        if not targets:
            self.merge_menu.addAction("Nothing to merge into yet").setEnabled(False)
        for target_id, text in targets:
            action = self.merge_menu.addAction(no_mnemonic(_short(text)))
            action.setToolTip(plain_tip(text))
            action.triggered.connect(
                lambda _=False, i=idea.id, t=target_id: self.merge(i, t))
        self.merge_menu.popup(self.merge_button.mapToGlobal(
            self.merge_button.rect().bottomLeft()))
        self.merge_menu.setFocus(Qt.FocusReason.PopupFocusReason)
