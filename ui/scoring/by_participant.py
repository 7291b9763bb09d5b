"""Step 5's view by person: one alternative (row) or one criterion (column) of the matrix,
each participant's scores beside the group's, with whoever is far from the group marked."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sixstep import result_text
from sixstep.disagreement import (
    CONTESTED,
    ByParticipant,
    alternative_by_participant,
    criterion_by_participant,
)
from sixstep.numbers import format_number
from sixstep.scoring import exact
from ui.common.theme import PlainLabel, plain_label
from ui.document.document import CaseDocument
from ui.scoring.matrix import CONTESTED_TINT
from ui.widgets.table_fit import TableFitter

NO_PARTICIPANTS = ("Add participants in Scoring setup: this view then shows each person's "
                   "scores beside the group's.")
CHOOSE = ("Choose a cell in the matrix: Ctrl+D shows its alternative by person, Ctrl+Shift+D "
          "its criterion (or click a criterion's heading).")
FIRST_PERSON = 2  # the table's columns: the row's name, the group's value, then each person
HIDDEN_NOTE = ("The scores are hidden while the room scores blind: a tick shows who has "
               "scored each cell.")


class ByParticipantPanel(QWidget):
    """``show_alternative`` or ``show_criterion`` picks the subject; ``refresh`` redraws, or,
    while the panel is out of sight (its tab not chosen), waits until it is shown."""

    def __init__(self, doc: CaseDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.mode = "alternative"  # or "criterion"
        self.subject: str | None = None
        self.aggregate = "mean"
        layout = self._layout = QVBoxLayout(self)
        self.title_label = plain_label("", role="subheading", parent=self)  # follows the mode
        self.title_label.setAccessibleName("What the view by person shows")
        self.setToolTip("Ctrl+D: the current alternative by person; Ctrl+Shift+D or a click on "
                        "a criterion's heading: that criterion")
        layout.addWidget(self.title_label)
        self.summary_label = PlainLabel("", self)
        self.summary_label.setWordWrap(True)
        self.summary_label.setAccessibleName("Who differs most from the group")
        layout.addWidget(self.summary_label)
        self.table = QTableWidget(0, 0, self)
        self.table.setAccessibleName("Each person's scores beside the group's")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.table.verticalHeader().hide()
        self.fitter = TableFitter(self.table)
        layout.addWidget(self.table, 1)
        self.stale = False  # a refresh waits until the panel is shown
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt name
        super().showEvent(event)
        self.catch_up()

    def catch_up(self) -> None:
        """Draw now what waited while the panel was out of sight."""
        if self.stale:
            self._draw()

    def content_height(self) -> int:
        """The height that shows the title, the sentence and every row of the table."""
        self.catch_up()
        layout = self._layout
        margins = layout.contentsMargins()
        width = max(self.width() - margins.left() - margins.right(), 100)
        height = margins.top() + margins.bottom()
        for label in (self.title_label, self.summary_label):
            if label.isVisibleTo(self) and label.text():
                height += label.heightForWidth(width) + layout.spacing()
        if self.table.isVisibleTo(self):
            table = self.table
            height += table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth()
            height += sum(table.rowHeight(r) for r in range(table.rowCount()))
        return height

    def show_alternative(self, alternative_id: str | None) -> None:
        self.mode, self.subject = "alternative", alternative_id
        self.refresh()

    def show_criterion(self, criterion_id: str | None) -> None:
        self.mode, self.subject = "criterion", criterion_id
        self.refresh()

    def _subject_name(self) -> str | None:
        case = self.doc.case
        try:
            if self.mode == "alternative":
                alternative = case.alternative(self.subject or "")
                return alternative.name if alternative.status == "open" else None
            criterion = case.criterion(self.subject or "")
            return criterion.name if criterion.kind == "want" else None
        except KeyError:
            return None

    def refresh(self) -> None:
        """Show the subject for the case as it is now (once shown, if out of sight now)."""
        self.stale = True
        if self.isVisible():
            self._draw()

    def _draw(self) -> None:
        self.stale = False
        case = self.doc.case
        name = self._subject_name()
        self.table.setVisible(bool(case.participants) and name is not None)
        if not case.participants or name is None:
            self.title_label.setText(NO_PARTICIPANTS if not case.participants else CHOOSE)
            self.summary_label.setText("")
            return
        if self.mode == "alternative":
            view = alternative_by_participant(case, self.subject or "", self.aggregate)
            names = {c.id: c.name for c in case.criteria}
            what = "each want criterion"
        else:
            view = criterion_by_participant(case, self.subject or "", self.aggregate)
            names = {a.id: a.name for a in case.alternatives}
            what = "each open alternative"
        self.title_label.setText(f"\u201c{name}\u201d by person, on {what}")
        self._fill(view, names)
        self.summary_label.setText(self._summary(view))

    def _summary(self, view: ByParticipant) -> str:
        case = self.doc.case
        if case.blind.hides:
            return HIDDEN_NOTE
        if view.most_different is None:
            return result_text.NOBODY_DIFFERS if view.people else ""
        row = next(r for r in view.people if r.participant == view.most_different)
        person = next(p.name for p in case.participants if p.id == view.most_different)
        return result_text.differs_most(person, row.difference * self._half())

    def _half(self) -> float:
        scale = self.doc.case.score_scale
        return (scale.max - scale.min) / 2

    def direction(self, value: float, group: float | None) -> int:
        """+1 or -1 when a score is at least 0.3 of half the scale above or below the group's
        value (the contested threshold, for one person), else 0."""
        if group is None:
            return 0
        gap = exact(value) - exact(group)
        half = (exact(self.doc.case.score_scale.max) - exact(self.doc.case.score_scale.min)) / 2
        if gap == 0 or abs(gap) < CONTESTED * half:
            return 0
        return 1 if gap > 0 else -1

    def _fill(self, view: ByParticipant, names: dict[str, str]) -> None:
        case = self.doc.case
        hides = case.blind.hides
        people = case.participants
        scored = {row.participant: row.values for row in view.people}
        table = self.table
        table.clear()
        table.setRowCount(len(view.columns))
        table.setColumnCount(FIRST_PERSON + len(people))
        table.setHorizontalHeaderLabels(["", "", *[p.name for p in people]])
        group_heading = QTableWidgetItem("Group")
        group_heading.setToolTip(f"The group's value: the {self.aggregate}")
        table.setHorizontalHeaderItem(1, group_heading)
        for row, column in enumerate(view.columns):
            table.setItem(row, 0, QTableWidgetItem(names.get(column, column)))
            group = view.group.get(column)
            text = result_text.HIDDEN if hides else (
                result_text.MISSING if group is None else format_number(group))
            item = QTableWidgetItem(text)
            bold = QFont(table.font())
            bold.setBold(True)
            item.setFont(bold)
            items = [item] + [self._person_item(scored.get(p.id, {}).get(column), group, hides)
                              for p in people]
            for place, cell in enumerate(items, start=1):
                cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                table.setItem(row, place, cell)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # names wrap
        self.fitter.fit()

    def _person_item(self, value: float | None, group: float | None,
                     hides: bool) -> QTableWidgetItem:
        if value is None:
            return QTableWidgetItem(result_text.NO_OWN_SCORE)
        if hides:
            return QTableWidgetItem(result_text.SCORED_MARK)
        direction = self.direction(value, group)
        item = QTableWidgetItem(result_text.differs_cell(value, direction))
        if direction:
            item.setBackground(QBrush(CONTESTED_TINT))
            font = QFont(self.table.font())
            font.setBold(True)
            item.setFont(font)
            item.setToolTip("Far from the group's value: "
                            + ("above it." if direction > 0 else "below it."))
        return item
