"""Step 5's tools for the room: blind scoring (Ctrl+B on or off, Ctrl+R reveals or hides every
score at once, each an undoable edit), the view by person (Ctrl+D, Ctrl+Shift+D or a click
on a criterion's heading), and the sentence on whether the median changes the leader."""

from __future__ import annotations

from typing import Protocol, cast

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QWidget,
)

from sixstep import result_text
from sixstep.disagreement import leader_change
from sixstep.edits.base import Edit, EditError
from sixstep.edits.group import end_blind, hide_scores, reveal_scores, start_blind
from ui.common.theme import PlainLabel
from ui.document.document import CaseDocument
from ui.scoring.by_participant import ByParticipantPanel
from ui.scoring.cache import scored
from ui.scoring.cell_delegate import ScoreCellDelegate
from ui.scoring.matrix import ScoreMatrixModel
from ui.scoring.matrix_view import ScoreMatrixView
from ui.widgets.buttons import add_key

BLIND_KEY, REVEAL_KEY = "Ctrl+B", "Ctrl+R"
ALTERNATIVE_KEY, CRITERION_KEY = "Ctrl+D", "Ctrl+Shift+D"
_KEYS = Qt.ShortcutContext.WidgetWithChildrenShortcut  # anywhere on the page


class RoomPage(Protocol):
    """What the room's tools use of step 5's page (``ui.scoring.page.EvaluatePage``)."""

    doc: CaseDocument
    participant_bar: QWidget
    tabs: QTabWidget
    matrix: ScoreMatrixView
    model: ScoreMatrixModel
    message_label: QLabel


class RoomControls(QObject):
    """Adds the blind scoring toggle to the page's participant bar, a row under it for a note
    (while blind: what is hidden, who has scored, and the reveal button), the "By person"
    tab, the matrix's cell drawing and the keys; ``refresh`` shows the state."""

    def __init__(self, page: RoomPage, bar: QHBoxLayout) -> None:
        widget = cast(QWidget, page)
        super().__init__(widget)
        self.page = page
        self.doc = page.doc
        self.projector_mode = False
        self.compare = False  # the mean/median sentence, once the facilitator has switched
        self._stored = ""  # the confirmation of the last score typed while blind
        self.blind_button = QPushButton("Blind scoring", page.participant_bar)
        self.blind_button.setCheckable(True)
        self.blind_button.setAccessibleName("Blind scoring: hide every score until revealed")
        self.blind_button.setToolTip("Hide every person's scores and the group's values until "
                                     f"you reveal them all at once ({BLIND_KEY})")
        self.blind_button.clicked.connect(self.toggle_blind)
        bar.addWidget(self.blind_button)
        self.row = QWidget(widget)
        row = QHBoxLayout(self.row)
        row.setContentsMargins(0, 0, 0, 0)
        self.note_label = PlainLabel("", self.row)
        row.addWidget(self.note_label, 1)
        self.reveal_button = QPushButton("Reveal scores", self.row)
        self.reveal_button.clicked.connect(self.reveal_or_hide)
        row.addWidget(self.reveal_button, 0, Qt.AlignmentFlag.AlignTop)
        self.note_label.setWordWrap(True)
        self.note_label.setAccessibleName("Blind scoring and the mean or median")
        self.note_label.setFrameShape(QFrame.Shape.StyledPanel)
        self.note_label.setMargin(4)
        self.by_person = ByParticipantPanel(self.doc, page.tabs)
        area = QScrollArea(page.tabs)  # the tabs may shrink to give the matrix the room
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setWidget(self.by_person)
        page.tabs.addTab(area, "By person")
        self.by_person_tab = area
        page.matrix.setItemDelegate(ScoreCellDelegate(page.matrix))
        page.matrix.horizontalHeader().sectionClicked.connect(self._on_header_section_clicked)
        page.matrix.selectionModel().currentChanged.connect(self._on_matrix_current_changed)
        page.model.stored.connect(self._on_model_stored)
        add_key(widget, BLIND_KEY, self.toggle_blind, _KEYS)
        add_key(widget, REVEAL_KEY, self.reveal_or_hide, _KEYS)
        add_key(widget, ALTERNATIVE_KEY, self.show_alternative, _KEYS)
        add_key(widget, CRITERION_KEY, self.show_criterion, _KEYS)

    # -- blind scoring ------------------------------------------------------------------------
    def toggle_blind(self) -> None:
        """Blind scoring on (every score hidden) or off (every score shown): one undo step."""
        blind = self.doc.case.blind
        self._apply(end_blind() if blind.on else start_blind())

    def reveal_or_hide(self) -> None:
        """Reveal every score at once, or hide them again for another round (blind only)."""
        blind = self.doc.case.blind
        if blind.on:
            self._apply(reveal_scores() if blind.hides else hide_scores())

    def _apply(self, edit: Edit) -> None:
        try:
            self.doc.apply(edit)
        except EditError as error:
            self.page.message_label.setText(str(error))

    def _on_model_stored(self, text: str) -> None:
        self._stored = text
        self.refresh()

    # -- the view by person -------------------------------------------------------------------
    def _current(self) -> tuple[str | None, str | None]:
        index = self.page.matrix.currentIndex()
        model = self.page.model
        if not index.isValid() or index.row() >= len(model.rows):
            return None, None
        criterion = model.criterion_at(index.column())
        return model.rows[index.row()].id, criterion.id if criterion else None

    def _show_tab(self) -> None:
        self.page.tabs.setCurrentWidget(self.by_person_tab)

    def show_alternative(self) -> None:
        """Ctrl+D: the current row's alternative, by person."""
        alternative, _ = self._current()
        self.by_person.show_alternative(alternative)
        self._show_tab()

    def show_criterion(self) -> None:
        """Ctrl+Shift+D: the current column's criterion, by person."""
        _, criterion = self._current()
        if criterion is not None:
            self.by_person.show_criterion(criterion)
        self._show_tab()

    def tab_height(self, total: int) -> int:
        """The height the tabs need to show the whole view by person, at most half of
        ``total`` (the matrix keeps the rest)."""
        bar = self.page.tabs.tabBar().sizeHint().height()
        return min(total // 2, self.by_person.content_height() + bar + 8)

    def _on_header_section_clicked(self, section: int) -> None:
        criterion = self.page.model.criterion_at(section)
        if criterion is not None:
            self.by_person.show_criterion(criterion.id)
            self._show_tab()

    def _on_matrix_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        alternative, criterion = self._current()
        if self.by_person.mode == "alternative" and alternative is not None:
            if alternative != self.by_person.subject:
                self.by_person.show_alternative(alternative)
        elif criterion is not None and criterion != self.by_person.subject:
            self.by_person.show_criterion(criterion)

    # -- showing ------------------------------------------------------------------------------
    def set_projector_mode(self, on: bool) -> None:
        """A short toggle in projector mode: the bar must fit a projector's width."""
        self.projector_mode = on
        self.blind_button.setText("Blind" if on else "Blind scoring")

    def refresh(self) -> None:
        """Show the buttons, the note and the view by person for the case as it is now."""
        case, page = self.doc.case, self.page
        blind = case.blind
        room = bool(case.participants) or blind.on
        page.participant_bar.setVisible(room)
        self.blind_button.setVisible(room)
        self.blind_button.setChecked(blind.on)
        self.reveal_button.setVisible(blind.on)
        self.reveal_button.setText("Reveal scores" if blind.hides else "Hide scores")
        tip = ("Show every score at once" if blind.hides
               else "Hide the scores again for another round") + f" ({REVEAL_KEY})"
        self.reveal_button.setToolTip(tip)
        self.reveal_button.setAccessibleName(tip)
        self.note_label.setText(self.note())
        self.note_label.setVisible(bool(self.note_label.text()))
        self.row.setVisible(self.note_label.isVisibleTo(self.row))
        self._stored = ""  # the confirmation shows until the next change
        self.by_person.aggregate = page.model.aggregate
        self.by_person.refresh()

    def note(self) -> str:
        case, model = self.doc.case, self.page.model
        if model.hides:
            cells = [(a.id, c.id) for a in model.rows for c in model.columns]
            text = result_text.blind_banner(model.room.progress(cells), model.compact)
            return f"{text}\n{self._stored}" if self._stored else text
        if self.compare and case.participants:
            change = leader_change(case, scored)
            names = {a.id: a.name for a in case.alternatives}
            return result_text.median_leader_sentence(
                names.get(change.mean_leader or ""), names.get(change.median_leader or ""))
        return ""
