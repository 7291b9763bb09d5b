"""Step 2's "Dot votes" tab: the dot settings, the dots each participant has left, and the
causes ranked by dots in a table beside their Pareto chart: the causes to verify first.
While the room's phones vote and their dots are not revealed (``doc.votes_hidden``), it says
only how many dots are placed and by how many people: the ranking shows on the reveal.

It redraws only while shown (a vote on the canvas marks it out of date); the chart waits a
moment after the last change or resize, so matplotlib never runs per key press.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QPalette, QPixmap, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fishbone.changes import Change
from sixstep.case import Case
from sixstep.dots import ParetoRow, dot_budget, pareto, remaining_dots
from sixstep.edits.dots import SetDotSettings
from sixstep.numbers import format_number
from sixstep.rules import MAX_DOTS, RuleError, default_dot_budget
from ui.common.theme import PlainLabel, plain_tip
from ui.document.document import CaseDocument
from ui.dots.pareto_chart import ChartLook, pareto_image

KINDS = frozenset({"dots", "dot_settings", "participants", "cause_added", "cause_removed",
                   "cause_changed", "categories"})
COLUMNS = ("Rank", "Cause", "Dots", "Share", "So far", "Verify first")
SHARE_COLUMN = 3
HIDDEN_NOTE = "The totals and the Pareto chart show when the dots are revealed."
EMPTY_NOTE = ("No dots yet. Pick who votes beside the tabs (Alt+1 to Alt+9, Alt+0 for the "
              "room), select a cause on the fishbone and press Alt+= for a dot.")


def percent(value: float) -> str:
    return f"{format_number(round(value))}%"


def plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def hidden_text(case: Case) -> str:
    """How far the room's vote has got, without a word of where the dots went."""
    placed = sum(c.votes for c in case.fishbone.causes)
    people = len({d.participant for d in case.dots if d.participant and d.count > 0})
    return (f"The room is voting: {plural(placed, 'dot', 'dots')} placed so far, by "
            f"{plural(people, 'person', 'people')}.\n{HIDDEN_NOTE}")


class DotsPanel(QWidget):
    """Settings on top, then the ranked table and the Pareto chart side by side."""

    def __init__(self, doc: CaseDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.projector_mode = False
        self._dirty = True
        self.rows: list[ParetoRow] = []

        self.budget_spin = self._spin("Dots each participant may place", 0)
        self.cap_spin = self._spin("Most dots one participant may put on one cause", 0)
        self.cap_spin.setSpecialValueText("No cap")
        settings = QGridLayout()  # two rows, so projector-size text still fits a narrow screen
        self.settings_labels = [QLabel("&Dots each:", self), QLabel("Most on one ca&use:", self)]
        self.settings_labels[0].setBuddy(self.budget_spin)
        self.settings_labels[1].setBuddy(self.cap_spin)
        for row, (label, spin) in enumerate(zip(self.settings_labels,
                                                (self.budget_spin, self.cap_spin), strict=True)):
            settings.addWidget(label, row, 0)
            settings.addWidget(spin, row, 1)
        self.anonymous_box = QCheckBox("&Anonymous room", self)
        self.anonymous_box.setAccessibleName("Anonymous room: record the room's totals only")
        self.anonymous_box.setToolTip("Record only how many dots each cause gets, not whose")
        settings.addWidget(self.anonymous_box, 0, 2)
        settings.setColumnStretch(3, 1)
        self.left_label = PlainLabel("", self)
        self.left_label.setWordWrap(True)
        self.left_label.setAccessibleName("Dots left per participant")

        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setAccessibleName("Causes ranked by dots")
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        # rows as tall as their wrapped text, whatever the width and the font (projector size)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setAccessibleName("Columns of the ranking")
        self.table.verticalHeader().setAccessibleName("Rows of the ranking")
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        for column in range(len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.chart = QLabel(self)
        self.chart.setAccessibleName("Pareto chart of the dots")
        self.chart.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.chart.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.chart.setMinimumSize(160, 120)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.chart)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(settings)
        layout.addWidget(self.left_label)
        layout.addWidget(self.splitter, 1)

        self._chart_timer = QTimer(self)
        self._chart_timer.setSingleShot(True)
        self._chart_timer.setInterval(120)
        self._chart_timer.timeout.connect(self.draw_chart)
        self.budget_spin.valueChanged.connect(self._on_setting_changed)
        self.cap_spin.valueChanged.connect(self._on_setting_changed)
        self.anonymous_box.toggled.connect(self._on_setting_changed)
        doc.changed.connect(self._on_doc_changed)
        doc.replaced.connect(self._on_doc_replaced)
        doc.votes_hidden_changed.connect(self._on_doc_votes_hidden_changed)

    def _spin(self, name: str, minimum: int) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setRange(minimum, MAX_DOTS)
        spin.setAccessibleName(name)
        spin.setKeyboardTracking(False)  # typed digits count when the field is left
        return spin

    # -- refreshing ------------------------------------------------------------------------
    def refresh(self) -> None:
        """Show the case's settings, dots left and ranking (the chart follows shortly)."""
        self._dirty = False
        case = self.doc.case
        s = case.dot_settings
        for widget in (self.budget_spin, self.cap_spin, self.anonymous_box):
            widget.blockSignals(True)
        self.budget_spin.setSpecialValueText(
            f"Auto ({default_dot_budget(len(case.fishbone.causes))})")
        self.budget_spin.setValue(s.budget or 0)
        self.cap_spin.setValue(s.cap or 0)
        self.anonymous_box.setChecked(s.anonymous)
        for widget in (self.budget_spin, self.cap_spin, self.anonymous_box):
            widget.blockSignals(False)
        self.left_label.setText(self.left_text())
        self.rows = [] if self.doc.votes_hidden else pareto(case)
        self._fill_table()
        self._chart_timer.start()

    def left_text(self) -> str:
        case = self.doc.case
        if self.doc.votes_hidden:
            return hidden_text(case)
        total = sum(c.votes for c in case.fishbone.causes)
        if case.dot_settings.anonymous:
            return f"Anonymous room: {total} dots in all, whose is not recorded."
        left = remaining_dots(case)
        if not left:
            return f"{total} dots in all. Add participants (step 5's setup) to vote by name."
        names = {p.id: p.name.strip() or p.id for p in case.participants}
        each = "   ".join(f"{names[i]} {n}" for i, n in left.items())
        return f"Dots left (of {dot_budget(case)} each):   {each}"

    def _fill_table(self) -> None:
        rows, table = self.rows, self.table
        diagram = self.doc.diagram
        table.setRowCount(len(rows))
        for number, row in enumerate(rows):
            whose = self._whose(row.cause)
            values = (str(number + 1), row.text or "(no text yet)", str(row.votes),
                      percent(row.percent), percent(row.cumulative_percent),
                      "Yes" if row.verify_first else "")
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column != 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                elif diagram.has_cause(row.cause):
                    heading = diagram.category(diagram.cause(row.cause).category).name
                    item.setToolTip(plain_tip(f"{row.text}\nHeading: {heading}{whose}"))
                if row.verify_first and column in (0, 5):
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                table.setItem(number, column, item)
        table.resizeRowsToContents()
        self.table.setVisible(bool(rows))
        self.chart.setVisible(bool(rows))
        if not rows and not self.doc.votes_hidden:
            self.left_label.setText(self.left_label.text() + "\n\n" + EMPTY_NOTE)

    def _whose(self, cause_id: str) -> str:
        names = {p.id: p.name.strip() or p.id for p in self.doc.case.participants}
        parts = [f"{names.get(d.participant, 'the room') if d.participant else 'the room'} "
                 f"{d.count}" for d in self.doc.case.dots if d.cause == cause_id]
        return "\nDots: " + ", ".join(parts) if parts else ""

    def draw_chart(self) -> None:
        """Draw the chart at the label's size (imports matplotlib the first time)."""
        if not self.rows or not self.chart.isVisible():
            self.chart.clear()
            return
        ratio = self.chart.devicePixelRatioF()
        palette = self.palette()
        size = self.chart.size()
        look = ChartLook(int(size.width() * ratio), int(size.height() * ratio),
                         self.logicalDpiY() * ratio, max(self.font().pointSizeF(), 8.0),
                         palette.color(QPalette.ColorRole.WindowText).name(),
                         palette.color(QPalette.ColorRole.Window).name())
        pixmap = QPixmap.fromImage(pareto_image(self.rows, look))
        pixmap.setDevicePixelRatio(ratio)
        self.chart.setPixmap(pixmap)

    def set_projector_mode(self, on: bool) -> None:
        """The room sees the ranking, the chart and the dots left; the share column steps
        aside (the settings stay: projector mode never takes away a way to change data)."""
        self.projector_mode = on
        self.table.setColumnHidden(SHARE_COLUMN, on)
        self._chart_timer.start()

    # -- events ----------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt name
        super().showEvent(event)
        if self._dirty:
            self.refresh()
        else:
            self._chart_timer.start()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt name
        super().resizeEvent(event)
        self._chart_timer.start()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt name
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.PaletteChange):
            self._chart_timer.start()

    def _on_doc_changed(self, change: Change) -> None:
        if change.kind in KINDS:
            self._dirty = True
            if self.isVisible():
                self.refresh()

    def _on_doc_replaced(self) -> None:
        self._refresh_when_shown()

    def _on_doc_votes_hidden_changed(self, hidden: bool) -> None:
        self._refresh_when_shown()

    def _refresh_when_shown(self) -> None:
        self._dirty = True
        if self.isVisible():
            self.refresh()

    def _on_setting_changed(self, value: object) -> None:
        """A setting changed (budget, cap or anonymous mode): one undo step."""
        s = self.doc.case.dot_settings
        budget = self.budget_spin.value() or None
        cap = self.cap_spin.value() or None
        anonymous = self.anonymous_box.isChecked()
        if (budget, cap, anonymous) == (s.budget, s.cap, s.anonymous):
            return
        try:
            self.doc.apply(SetDotSettings(budget, cap, anonymous))
        except RuleError as error:
            window = self.window()
            status = getattr(window, "statusBar", None)
            if callable(status):
                status().showMessage(str(error), 5000)
            self.refresh()
