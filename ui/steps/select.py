"""Step 6, select and plan: the chosen alternatives, why, the action plan and the review."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QWidget

from fishbone.changes import Change
from sixstep import result_text
from sixstep.case import Alternative, Case
from sixstep.edits.fields import InsertItem, RemoveItem, touches
from ui.common import theme
from ui.common.theme import plain_label, plain_tip
from ui.document.document import CaseDocument
from ui.widgets.date_delegate import DateDelegate
from ui.widgets.fields import TextField, try_apply
from ui.widgets.form import add_section, scrolling_body, section_label
from ui.widgets.record_table import RecordTable
from ui.widgets.step_page import StepPage

ACTION_COLUMNS = [
    ("action", "Action", 4), ("owner", "Owner", 2), ("due", "Due", 1, "2026-12-31"),
    ("success_measure", "How we will know it worked", 3),
    ("follow_up", "Check again", 1, "2026-12-31"),
]
DATE_ATTRIBUTES = ("due", "follow_up")
CHOSEN = ("selection", "chosen")
# changes that add, take away, reorder or rename the alternatives that may be chosen
LIST_KINDS = frozenset({"alternative_added", "alternative_removed", "alternative_moved",
                        "alternative_status"})
# changes that can move a standing (the alternatives listed, the criteria, the scores, the
# scale they are given on, who gave them)
RANK_KINDS = LIST_KINDS | {"criterion_added", "criterion_removed", "criterion_moved",
                           "criterion_changed", "scores", "score_scale", "participants",
                           "blind"}
BLIND_STANDING = "hidden until the scores are revealed"  # while the room scores blind
REVIEW_QUESTIONS = [
    ("what_worked", "What worked &well?"),
    ("what_did_not", "What did &not work?"),
    ("what_next", "What will we do ne&xt time?"),
]


def standings(case: Case) -> dict[str, str]:
    """A short plain-text standing per open alternative, from the scoring engine (while the
    room scores blind, only that the standings are hidden: they would give the scores away)."""
    from ui.scoring.cache import scored

    if case.blind.hides:
        return {a.id: BLIND_STANDING for a in case.open_alternatives()}
    try:
        result = scored(case)
    except (ValueError, KeyError, ZeroDivisionError):
        return {}
    return result_text.standings(result)


def _candidates(case: Case) -> list[Alternative]:
    """Open alternatives, plus any chosen one that is no longer open."""
    chosen = set(case.selection.chosen)
    return [a for a in case.alternatives if a.status == "open" or a.id in chosen]


class ChosenChecklist(QWidget):
    """One tick box per open alternative, with its standing after step 5."""

    def __init__(self, doc: CaseDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.boxes: dict[str, QCheckBox] = {}
        self.notes: dict[str, QLabel] = {}
        self._shown: list[tuple[str, str]] = []
        self._standings: dict[str, str] = {}
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(24)
        self.empty = plain_label("No open alternatives yet: list them in step 4.")
        self.grid.addWidget(self.empty, 0, 0)

    def _rebuild(self, shown: list[tuple[str, str]]) -> None:
        for widget in [*self.boxes.values(), *self.notes.values()]:
            self.grid.removeWidget(widget)
            widget.hide()  # out of sight now, not only once the event loop deletes it
            widget.deleteLater()
        self.boxes.clear()
        self.notes.clear()
        for row, (aid, name) in enumerate(shown, start=1):
            box = QCheckBox(self)
            box.setAccessibleName(f"Choose {name}")
            self._show_name(box, name)
            box.toggled.connect(lambda on, a=aid: self._on_box_toggled(a, on))
            note = plain_label("", wrap=False)
            note.setAccessibleName(f"Standing of {name}")
            self.grid.addWidget(box, row, 0)
            self.grid.addWidget(note, row, 1, Qt.AlignmentFlag.AlignLeft)
            self.boxes[aid], self.notes[aid] = box, note
        self.grid.setColumnStretch(1, 1)
        self._order_tabs()
        self._shown = shown

    NAME_CHARS = 60  # a longer name is cut short on its box (in full in the tooltip)

    def _show_name(self, box: QCheckBox, name: str) -> None:
        """The name as typed: an "&" stays an "&" (not a shortcut mark), and a very long
        name is cut short rather than pushing the page wider than the window."""
        metrics = box.fontMetrics()
        shown = metrics.elidedText(name, Qt.TextElideMode.ElideRight,
                                   metrics.averageCharWidth() * self.NAME_CHARS)
        box.setText(theme.no_mnemonic(shown))
        box.setToolTip(plain_tip(name) if shown != name else "")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            for aid, name in self._shown:
                if aid in self.boxes:
                    self._show_name(self.boxes[aid], name)

    def _order_tabs(self) -> None:
        """New boxes join the end of the window's Tab order: put them back where they are
        seen, after the last control before this list (Qt orders only focusable widgets)."""
        previous = self.previousInFocusChain()
        while previous is not self and (previous.focusPolicy() == Qt.FocusPolicy.NoFocus
                                        or self.isAncestorOf(previous)):
            previous = previous.previousInFocusChain()
        if previous is self:
            return
        for box in self.boxes.values():
            QWidget.setTabOrder(previous, box)
            previous = box

    def on_change(self, change: Change) -> None:
        """Show what ``change`` did: the choice, the list of alternatives, their standings."""
        if change.kind == "selection":
            if touches(change, CHOSEN):  # an unchosen alternative that is not open goes
                self.show_choices(rescore=False)
        elif change.kind == "alternative_changed":
            if change.attribute == "name":
                self.show_choices(rescore=True)
        elif change.kind in RANK_KINDS:
            self.show_choices(rescore=True)

    def refresh(self) -> None:
        """Everything again (the whole case was replaced)."""
        self.show_choices(rescore=True)

    def show_choices(self, rescore: bool) -> None:
        """Boxes for the alternatives that may be chosen, ticked as chosen, with their
        standings (scored again only when ``rescore``: never for a tick or a keystroke)."""
        case = self.doc.case
        shown = [(a.id, a.name) for a in _candidates(case)]
        if shown != self._shown:  # the boxes on screen differ from the candidates: rebuild
            self._rebuild(shown)
        self.empty.setVisible(not shown)
        if rescore:
            self._standings = standings(case) if shown else {}
        chosen = set(case.selection.chosen)
        for aid, box in self.boxes.items():
            if box.isChecked() != (aid in chosen):
                with StepPage.blocked(box):
                    box.setChecked(aid in chosen)
            status = case.alternative(aid).status
            self.notes[aid].setText(self._standings.get(aid, "") if status == "open" else status)

    def _on_box_toggled(self, alternative_id: str, on: bool) -> None:
        chosen = self.doc.case.selection.chosen
        # no user text in undo labels: the Edit menu would read an "&" as a mnemonic
        if on and alternative_id not in chosen:
            try_apply(self.doc, InsertItem(CHOSEN, alternative_id), "Choose an alternative")
        elif not on and alternative_id in chosen:
            try_apply(self.doc, RemoveItem(CHOSEN, chosen.index(alternative_id)),
                      "Unchoose an alternative")


class SelectPage(StepPage):
    """What the group decided and what happens next."""

    number = 6
    kinds = frozenset({"selection", "alternative_changed"}) | RANK_KINDS
    waits_out_of_sight = True  # standings are a scoring: none while another step is shown

    def __init__(self, doc: CaseDocument, parent: QWidget | None = None) -> None:
        super().__init__(doc, parent)
        layout = scrolling_body(self)
        self.chosen = ChosenChecklist(doc)
        layout.addWidget(section_label("The alternative(s) we choose"))
        layout.addWidget(self.chosen)

        self.rationale_field = TextField(
            doc, ("selection", "rationale"), "Why we chose it",
            placeholder="Why these, in the light of the criteria and the research?", lines=3)
        add_section(layout, "W&hy we chose it", self.rationale_field)

        self.actions_table = RecordTable(
            doc, ("selection", "actions"), ACTION_COLUMNS, "Action plan", "action")
        self.date_delegate = DateDelegate(self.actions_table.view)
        for column, spec in enumerate(ACTION_COLUMNS):
            if spec[0] in DATE_ATTRIBUTES:
                self.actions_table.view.setItemDelegateForColumn(column, self.date_delegate)
        add_section(layout, "&Action plan", self.actions_table)

        layout.addSpacing(10)
        layout.addWidget(section_label("Review: ask these at each short, regular review"))
        self.review_fields: dict[str, TextField] = {}
        review = QGridLayout()
        review.setHorizontalSpacing(12)
        for column, (attribute, question) in enumerate(REVIEW_QUESTIONS):
            field = TextField(doc, ("selection", "review", attribute),
                              question.replace("&", ""), lines=3)
            review.addWidget(section_label(question, field), 0, column)
            review.addWidget(field, 1, column)
            self.review_fields[attribute] = field
        layout.addLayout(review)
        layout.addStretch(1)
        self.refresh()

    def on_change(self, change: Change) -> None:
        self.chosen.on_change(change)

    def catch_up(self, changes: list[Change]) -> None:
        """What changed while out of sight, shown once (scored once, if any could move a
        standing)."""
        rescore = any(c.kind in RANK_KINDS or (c.kind == "alternative_changed"
                                               and c.attribute == "name") for c in changes)
        self.chosen.show_choices(rescore=rescore)

    def refresh(self) -> None:
        self.chosen.refresh()

