"""Step 5: review, eliminate and merge alternatives, score them, and see how sure the lead is."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from fishbone.changes import Change
from sixstep import result_text
from ui.common.theme import NORMAL_PT, PlainLabel
from ui.document.document import CaseDocument
from ui.document.scoring_commands import RestoreAlternativeCommand
from ui.scoring.cache import forget
from ui.scoring.chart import ScoreChart
from ui.scoring.details import ID_ROLE, AlternativeDetails, status_text
from ui.scoring.matrix import FIRST_CRITERION, ScoreMatrixModel
from ui.scoring.matrix_view import ScoreMatrixView
from ui.scoring.room import RoomControls
from ui.scoring.setup_dialog import ScoringSetupDialog
from ui.scoring.stability import StabilityPanel, fragile_text
from ui.widgets.step_page import StepPage


def _legend(*items: str) -> str:
    """Key entries side by side; an entry's own spaces never break, so "w 8" stays whole."""
    return "    ".join(item.replace(" ", "\u00a0") for item in items)


_PASS, _FAIL = (result_text.pass_fail_text(v, compact=True) for v in (True, False))
_SHARED = result_text.rank_text(1, shared=True)  # the examples are the texts the matrix shows
LEGEND = _legend(f"{result_text.MISSING}  not scored (never counted as 0)",
                 f"{_PASS} / {_FAIL}  pass or fail on a must (a fail screens out)",
                 f"{_SHARED}  shared place",
                 f"{result_text.weight_label(8, 0.3)}  weight and its share",
                 f"{result_text.lead_span_text(0.2, 0.6)}  the share that keeps the leader first")
KEY_INTRO = "Under each weight: the share of all the weight over which the leader stays first."
SHORT_LEGEND = _legend(f"{result_text.MISSING}  not scored",
                       f"{_FAIL}  fails a must: {result_text.SCREENED_OUT_MARK}",
                       f"{_SHARED}  shared place")
SHORT_FRAGILE = result_text.SHORT_FRAGILE
PARTICIPANTS = "    " + _legend(*result_text.ROOM_LEGEND.split("    "))
SHORT_PARTICIPANTS = "    " + _legend(result_text.SHORT_ROOM_LEGEND)
GROUP = "Group"
SHOWN_KINDS = frozenset({"criterion_added", "criterion_removed", "criterion_moved",
                         "criterion_changed", "alternative_added", "alternative_removed",
                         "alternative_moved", "alternative_changed", "alternative_status",
                         "scores", "score_scale", "participants", "blind"})

# Changes that leave every alternative's name and status as they were: the set-aside list stays
_ALTERNATIVES_KEPT = frozenset({"scores", "score_scale", "participants", "blind"})


def _label(parent: QWidget, name: str) -> QLabel:
    label = PlainLabel("", parent)
    label.setWordWrap(True)
    label.setAccessibleName(name)
    return label


def _scrolling(widget: QWidget, parent: QWidget) -> QScrollArea:
    """The widget in a scroll area, so the tabs can shrink to give the matrix the room."""
    area = QScrollArea(parent)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(widget)
    return area


class EvaluatePage(StepPage):
    """Step 5 page: the score matrix above; review, chart, stability and set-aside tabs below."""

    number = 5
    kinds = SHOWN_KINDS
    waits_out_of_sight = True  # scoring 40 alternatives is no work for a page out of sight

    def __init__(self, doc: CaseDocument, parent: QWidget | None = None) -> None:
        super().__init__(doc, parent)
        layout = QVBoxLayout(self)
        self.participant_bar = QWidget(self)
        bar = QHBoxLayout(self.participant_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        who = QLabel("Scores typed for:", self.participant_bar)
        bar.addWidget(who)
        self.participant_combo = QComboBox(self.participant_bar)
        who.setBuddy(self.participant_combo)
        self.participant_combo.setAccessibleName("Whose scores are being entered")
        self.participant_combo.currentIndexChanged.connect(self._on_participant_combo_changed)
        bar.addWidget(self.participant_combo)
        how = QLabel("Combine by:", self.participant_bar)
        bar.addWidget(how)
        self.aggregate_combo = QComboBox(self.participant_bar)
        how.setBuddy(self.aggregate_combo)
        self.aggregate_combo.setAccessibleName("How participants' scores are combined")
        self.aggregate_combo.addItem("Mean", "mean")
        self.aggregate_combo.addItem("Median", "median")
        self.aggregate_combo.currentIndexChanged.connect(self._on_aggregate_combo_changed)
        bar.addWidget(self.aggregate_combo)
        for combo in (self.participant_combo, self.aggregate_combo):  # long names must not
            combo.setSizeAdjustPolicy(  # widen the page past the screen
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(7)
        self.participant_combo.setMinimumContentsLength(9)  # fits an 800-pixel screen
        layout.addWidget(self.participant_bar)
        self.fragile_label = _label(self, "Warning about the lead")
        self.fragile_label.setFrameShape(QFrame.Shape.StyledPanel)
        self.fragile_label.setMargin(6)
        layout.addWidget(self.fragile_label)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        layout.addWidget(splitter, 1)
        top = QWidget(splitter)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        self.model = ScoreMatrixModel(doc, self)
        self.matrix = ScoreMatrixView(self.model, top)
        self.matrix.selectionModel().currentChanged.connect(self._on_matrix_current_changed)
        top_layout.addWidget(self.matrix, 1)
        self.legend_label = _label(top, "Key to the matrix")
        self.legend_label.setText(LEGEND)
        key_row = QHBoxLayout()
        key_row.addWidget(self.legend_label, 1)
        self.setup_button = QPushButton("Scoring &setup\u2026", top)  # Alt+S: free on this page
        self.setup_button.setAccessibleName("Scoring setup: the score scale and participants")
        self.setup_button.setToolTip("Change the score scale, or add, rename, reorder and "
                                     "remove participants")
        self.setup_button.clicked.connect(self.open_setup_dialog)
        key_row.addWidget(self.setup_button, 0, Qt.AlignmentFlag.AlignTop)
        top_layout.addLayout(key_row)
        self.setup_dialog: ScoringSetupDialog | None = None
        self.message_label = _label(top, "Scoring message")
        top_layout.addWidget(self.message_label)
        self.model.refused.connect(self.message_label.setText)
        self.tabs = QTabWidget(splitter)
        self.tabs.setAccessibleName("Review, chart, stability and set-aside alternatives")
        self.details = AlternativeDetails(doc, self.tabs)
        self.chart = ScoreChart(self.tabs)
        self.stability = StabilityPanel(self.tabs)
        self.set_aside = QWidget(self.tabs)
        aside = QVBoxLayout(self.set_aside)
        self.set_aside_list = QListWidget(self.set_aside)
        self.set_aside_list.setAccessibleName("Eliminated and merged alternatives")
        self.set_aside_list.setWordWrap(True)
        aside.addWidget(self.set_aside_list, 1)
        self.restore_button = QPushButton("Restore", self.set_aside)
        self.restore_button.setAccessibleName("Restore the selected alternative")
        self.restore_button.clicked.connect(self.restore_selected)
        aside.addWidget(self.restore_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.tabs.addTab(_scrolling(self.details, self.tabs), "Review")
        self.tabs.addTab(self.chart, "Chart")
        self.tabs.addTab(_scrolling(self.stability, self.tabs), "How sure?")
        self.tabs.addTab(self.set_aside, "Set aside")
        self.key_label = _label(self.tabs, "Criteria by number")  # projector: C1, C2... named
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.key_area = _scrolling(self.key_label, self.tabs)
        self.key_area.hide()
        splitter.addWidget(top)
        splitter.addWidget(self.tabs)
        self.room = RoomControls(self, bar)
        bar.addStretch(1)
        layout.insertWidget(1, self.room.row)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self.fold_button = QToolButton(self.tabs)
        self.fold_button.setCheckable(True)
        self.fold_button.setAutoRaise(True)
        self.fold_button.setAccessibleName("Fold or unfold the review tabs")
        self.fold_button.toggled.connect(self.fold_tabs)
        self.tabs.setCornerWidget(self.fold_button)
        self.tabs.tabBarClicked.connect(self._on_tabs_bar_clicked)
        self.folded = False
        self._show_fold_button()
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.splitter = splitter
        self._shown_once = False
        self.refresh()

    # -- showing ------------------------------------------------------------------------------

    def on_change(self, change: Change) -> None:
        self.catch_up([change])

    def catch_up(self, changes: list[Change]) -> None:
        """Show ``changes`` at once: notes or links refresh only the review; anything else
        is shown once, the matrix rescoring only the rows that scores changed in."""
        shown = [c for c in changes if c.kind in SHOWN_KINDS
                 and not (c.kind == "alternative_changed" and c.attribute != "name")]
        if not shown:
            self.details.refresh()  # notes or links: nothing scored, ranked or listed changed
            return
        kinds = {c.kind for c in shown}
        kind = kinds.pop() if len(kinds) == 1 else ""
        rows = None
        if kind == "scores" and all(c.ids for c in shown):
            rows = {i for c in shown for i in c.ids}
        self._show(kind, rows)

    def refresh(self) -> None:
        """Show the whole case afresh, scored again (it may have changed without an edit)."""
        forget(self.doc.case)
        self._show("")

    def _show(self, kind: str = "", rows: set[str] | None = None) -> None:
        """Show the case's current state after a change of ``kind`` ("": anything); after a
        score change, ``rows`` names the alternatives whose scores changed."""
        keep = self.current_cell()
        if kind in ("", "participants"):
            self._fill_participants()
        if rows is not None:
            self.model.scores_changed_in(rows)
        self.model.refresh()
        if keep is not None:
            index = self.model.index_of(*keep)
            if not index.isValid() and keep[0] in [a.id for a in self.model.rows]:
                index = self.model.index([a.id for a in self.model.rows].index(keep[0]), 0)
            if index.isValid():
                self.matrix.setCurrentIndex(index)
        elif self.model.rows:  # a cursor in the first cell: the facilitator can type at once
            column = FIRST_CRITERION if self.model.columns else 0
            self.matrix.setCurrentIndex(self.model.index(0, column))
        result = self.model.result  # (the matrix has fitted itself to the model's new contents)
        warning = self.model.problem or fragile_text(result)
        if self.projector_mode and result is not None and result.fragile:
            warning = SHORT_FRAGILE
        if self.model.hides:  # nothing that gives a score away while the room scores blind
            warning = ""
        weightless = [c.name for c in self.doc.case.criteria
                      if c.kind == "want" and not (c.weight and c.weight > 0)]
        if weightless:
            warning = f"{result_text.weightless_warning(weightless)}\n{warning}".strip()
        self.fragile_label.setText(warning)
        self.key_label.setText(self.model.criteria_key() + "\n\n" + KEY_INTRO)
        scale = self.doc.case.score_scale
        legend = _legend(f"{result_text.scale_span(scale.min, scale.max)}  score scale") \
            + "    " + (SHORT_LEGEND if self.projector_mode else LEGEND)
        if self.doc.case.participants:
            legend += SHORT_PARTICIPANTS if self.projector_mode else PARTICIPANTS
        self.legend_label.setText(legend)
        self.matrix.setColumnHidden(3, self.projector_mode)  # the percent says the same
        self.fragile_label.setVisible(bool(warning))
        self.details.refresh()
        self.stability.show_result(self.doc.case, result, hidden=self.model.hides)
        self.chart.show_result(self.doc.case, result, hidden=self.model.hides)
        if kind not in _ALTERNATIVES_KEPT and not kind.startswith("criterion_"):
            self._fill_set_aside()
        self.room.refresh()
        if kind == "" or kind == "scores" or kind.startswith("criterion_"):
            self.message_label.setText("")

    def _fill_participants(self) -> None:
        participants = self.doc.case.participants
        chosen = self.model.participant
        with self.blocked(self.participant_combo):
            self.participant_combo.clear()
            self.participant_combo.addItem(GROUP, None)
            for participant in participants:
                self.participant_combo.addItem(participant.name, participant.id)
            found = self.participant_combo.findData(chosen) if chosen else 0
            self.participant_combo.setCurrentIndex(max(found, 0))
        self.model.participant = self.participant_combo.currentData()

    def _fill_set_aside(self) -> None:
        set_aside = [a for a in self.doc.case.alternatives if a.status != "open"]
        self.set_aside_list.clear()
        for alternative in set_aside:
            item = QListWidgetItem(f"{alternative.name}: {status_text(self.doc, alternative)}")
            item.setData(ID_ROLE, alternative.id)
            self.set_aside_list.addItem(item)
        tab, title = self.tabs.indexOf(self.set_aside), f"Set aside ({len(set_aside)})"
        if self.tabs.tabText(tab) != title:  # (the tab bar lays itself out again)
            self.tabs.setTabText(tab, title)
        self.restore_button.setEnabled(bool(set_aside))

    def current_cell(self) -> tuple[str, str] | None:
        """(alternative id, criterion id or "") of the matrix's current cell."""
        index = self.matrix.currentIndex()
        if not index.isValid() or index.row() >= len(self.model.rows):
            return None
        criterion = self.model.criterion_at(index.column())
        return self.model.rows[index.row()].id, criterion.id if criterion else ""

    def _on_matrix_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        rows = self.model.rows
        self.details.set_alternative(rows[current.row()].id if current.isValid()
                                     and current.row() < len(rows) else None)

    def _on_participant_combo_changed(self) -> None:
        self.model.participant = self.participant_combo.currentData()
        self.model.refresh()

    def _on_aggregate_combo_changed(self) -> None:
        self.model.aggregate = str(self.aggregate_combo.currentData())
        self.room.compare = True  # say whether the leader changes
        self._show("scores")

    def set_projector_mode(self, on: bool) -> None:
        super().set_projector_mode(on)
        self.model.compact = on
        self.room.set_projector_mode(on)
        key_tab = self.tabs.indexOf(self.key_area)
        if on and key_tab < 0:
            self.tabs.insertTab(0, self.key_area, "Criteria")
            self.tabs.setCurrentIndex(0)
        elif not on and key_tab >= 0:
            self.tabs.removeTab(key_tab)
        if self._shown_once:
            self._fold_if_short()
        self._share_height()
        self._show("")

    FOLD_BELOW = 560  # splitter heights (at the normal font) where the tabs start folded

    def fold_tabs(self, folded: bool) -> None:
        """Folded, the tabs show only their names and the matrix takes the height; clicking
        a tab's name (or the button beside them) unfolds them."""
        self.folded = bool(folded)
        with self.blocked(self.fold_button):
            self.fold_button.setChecked(self.folded)
        self._show_fold_button()
        if self.folded:
            bar = self.tabs.tabBar().sizeHint().height() + 4
            self.tabs.setMaximumHeight(bar)
            total = sum(self.splitter.sizes())
            self.splitter.setSizes([max(total - bar, 0), bar])
        else:
            self.tabs.setMaximumHeight(16777215)
            self._share_height()

    def _show_fold_button(self) -> None:
        self.fold_button.setText("Unfold \u25b4" if self.folded else "Fold \u25be")
        self.fold_button.setToolTip("Show the review tabs under the matrix" if self.folded
                                    else "Fold the tabs away: more rows of the matrix")

    def _on_tabs_bar_clicked(self, _index: int) -> None:
        if self.folded:
            self.fold_tabs(False)

    def _share_height(self) -> None:
        """Most of the height to the matrix (more in projector mode); the tabs scroll."""
        if self.folded:
            self.fold_tabs(True)
            return
        total = max(self.splitter.height(), 300)
        top = int(total * (0.72 if self.projector_mode else 0.66))
        self.splitter.setSizes([top, total - top])
        self._on_tabs_current_changed()

    def _on_tabs_current_changed(self) -> None:
        """The chart needs room: give its tab at least half the height (two thirds in
        projector mode) when it is chosen; the view by person what it needs, up to half."""
        current = self.tabs.currentWidget()
        if current in (self.chart, self.room.by_person_tab):
            sizes = self.splitter.sizes()
            total = sum(sizes)
            want = total * 2 // 3 if self.projector_mode else total // 2
            if current is not self.chart:
                want = self.room.tab_height(total)
            if total and sizes[1] < want:
                self.splitter.setSizes([total - want, want])

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self._fold_if_short()
            self._share_height()

    def _fold_if_short(self) -> None:
        """Short of height (for this font), the review tabs start folded and the headings
        take the short form."""
        scale = max(self.font().pointSizeF(), 1.0) / NORMAL_PT
        short = self.splitter.height() < self.FOLD_BELOW * scale
        if short:
            self.folded = True
        if self.model.wordy == short:  # headings say the lead's range in words where there
            self.model.wordy = not short  # is room, the short form where height is short
            self.model.refresh()

    # -- editing ------------------------------------------------------------------------------

    def open_setup_dialog(self) -> None:
        """The scale and participants dialog; OK applies it as one undo step."""
        dialog = ScoringSetupDialog(self.doc, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._on_setup_dialog_finished)
        self.setup_dialog = dialog
        dialog.open()

    def _on_setup_dialog_finished(self) -> None:
        self.setup_dialog = None

    def restore_selected(self) -> None:
        item = self.set_aside_list.currentItem()
        if item is not None:
            self.doc.push(RestoreAlternativeCommand(self.doc, item.data(ID_ROLE)))
