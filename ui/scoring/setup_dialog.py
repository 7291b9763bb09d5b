"""Step 5's scoring setup dialog: the score scale and who scores, applied as one undo step.

Nothing changes in the case while the dialog is open; OK pushes one
``ChangeScoringSetupCommand`` ("Change scoring setup") and Cancel leaves everything as it was.
Want scores that would fall outside a new scale are never dropped silently: the dialog says
how many, and OK stays unavailable until the facilitator either widens the scale again or
ticks the box that moves each of them to the nearest end of the new scale.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from sixstep.dots import dots_held
from sixstep.edits.setup import new_participant_id, scores_given, scores_outside
from sixstep.rules import SCALE_LIMIT, RuleError, check_scale
from ui.common.theme import PlainLabel
from ui.document.document import CaseDocument
from ui.document.scoring_commands import ChangeScoringSetupCommand
from ui.scoring.score_text import format_value
from ui.widgets.buttons import add_key, add_move_keys, reorder_buttons
from ui.widgets.table_fit import size_for_font

ID_ROLE = Qt.ItemDataRole.UserRole + 1
NAME_ROLE = Qt.ItemDataRole.UserRole + 2  # the name last accepted (a blank rename goes back)
WHO_INTRO = ("Each participant types their own scores; a cell counts the mean or median of "
             "everyone who scored it. With nobody listed, the group scores together.")
LIST_HINT = "F2 or a double click renames; Alt+Up and Alt+Down change the order."


def _quoted(names: list[str]) -> str:
    return ", ".join(f"\u201c{name}\u201d" for name in names)


def _scores(count: int) -> str:
    return f"{count} score" if count == 1 else f"{count} scores"


class ScaleBox(QDoubleSpinBox):
    """A scale end: up to two decimals, shown without trailing zeros ("10", not "10.00")."""

    def __init__(self, value: float, name: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setDecimals(2)
        self.setRange(-SCALE_LIMIT, SCALE_LIMIT)
        self.setValue(float(value))
        self.setAccessibleName(name)

    def textFromValue(self, value: float) -> str:  # noqa: N802 - Qt name
        return format_value(value)


class NameEntry(QLineEdit):
    """Enter with a name adds it and keeps the focus here; Enter on an empty line is the
    dialog's (OK)."""

    submitted = Signal(str)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.text().strip():
            self.submitted.emit(self.text().strip())
            event.accept()
            return
        super().keyPressEvent(event)


class ScoringSetupDialog(QDialog):
    """The scale's two ends and the participants list; OK applies both as one undo step."""

    def __init__(self, doc: CaseDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.setWindowTitle("Scoring setup")
        case = doc.case
        self.removed: list[tuple[str, str]] = []  # (id, name) of people taken off the list
        layout = QVBoxLayout(self)
        body = QWidget(self)  # scrolls when a big font (projector mode) needs more room
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(body)
        layout.addWidget(self.scroll_area, 1)

        scale_group = QGroupBox("Score scale for want criteria", body)
        scale_layout = QVBoxLayout(scale_group)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.min_box = ScaleBox(case.score_scale.min, "Lowest score", scale_group)
        self.max_box = ScaleBox(case.score_scale.max, "Highest score", scale_group)
        form.addRow("&Lowest score:", self.min_box)
        form.addRow("&Highest score:", self.max_box)
        scale_layout.addLayout(form)
        self.scale_label = self._note(scale_group, "About the scale")
        scale_layout.addWidget(self.scale_label)
        self.clamp_box = QCheckBox(scale_group)
        self.clamp_box.setAccessibleName("Move scores outside the new scale to its nearest end")
        scale_layout.addWidget(self.clamp_box)
        body_layout.addWidget(scale_group)

        people_group = QGroupBox("Participants", body)
        people = QVBoxLayout(people_group)
        people.addWidget(self._note(people_group, "About participants", WHO_INTRO))
        entry_row = QHBoxLayout()
        add_label = QLabel("&Add:", people_group)
        entry_row.addWidget(add_label)
        self.entry = NameEntry(people_group)
        self.entry.setAccessibleName("New participant's name")
        self.entry.setPlaceholderText("Type a name and press Enter")
        add_label.setBuddy(self.entry)
        self.entry.submitted.connect(self.add_participant)
        entry_row.addWidget(self.entry, 1)
        people.addLayout(entry_row)
        self.list_widget = QListWidget(people_group)
        self.list_widget.setAccessibleName("Participants, in order")
        self.list_widget.setSizeAdjustPolicy(  # as tall as its names (at least four rows)
            QAbstractItemView.SizeAdjustPolicy.AdjustToContents)
        self.list_widget.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list_widget.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                         | QAbstractItemView.EditTrigger.EditKeyPressed)
        for person in case.participants:
            self._append(person.id, person.name)
        self.list_widget.itemChanged.connect(self._on_list_widget_item_changed)
        self.list_widget.model().rowsMoved.connect(self._on_input_changed)  # dragged
        add_move_keys(self.list_widget, self.move_current)
        add_key(self.list_widget, "Delete", self.remove_current)
        people.addWidget(self.list_widget, 1)
        buttons_row = QHBoxLayout()
        self.remove_button, self.up_button, self.down_button = reorder_buttons(
            people_group, "participant", self.remove_current, self.move_current)
        self.remove_button.setText("&Remove")
        self.up_button.setText("Move &up")
        self.down_button.setText("Move d&own")
        for button in (self.remove_button, self.up_button, self.down_button):
            button.setAutoDefault(False)  # Enter is OK's (or the name line's), never these
            buttons_row.addWidget(button)
        buttons_row.addStretch(1)
        people.addLayout(buttons_row)
        people.addWidget(self._note(people_group, "How to rename and reorder", LIST_HINT))
        body_layout.addWidget(people_group, 1)

        self.summary_label = self._note(self, "What OK changes")
        self.summary_label.setFrameShape(QFrame.Shape.StyledPanel)
        self.summary_label.setMargin(6)
        layout.addWidget(self.summary_label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setAccessibleName("Apply the scoring setup")
        self.ok_button.setDefault(True)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setAccessibleName("Close without changing anything")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self.min_box.valueChanged.connect(self._on_input_changed)
        self.max_box.valueChanged.connect(self._on_input_changed)
        self.clamp_box.toggled.connect(self._on_input_changed)
        self.list_widget.currentRowChanged.connect(self._on_input_changed)
        self.setAttribute(Qt.WidgetAttribute.WA_WindowPropagation)  # the page's font size
        self.resize(620, 560)
        self._update()

    @staticmethod
    def _note(parent: QWidget, name: str, text: str = "") -> QLabel:
        label = PlainLabel(text, parent)
        label.setWordWrap(True)
        label.setAccessibleName(name)
        return label

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.list_widget.setMinimumHeight(4 * self.list_widget.fontMetrics().height() + 8)
        size_for_font(self, 60, 0)
        self._fit_height()
        self.entry.setFocus()

    def _fit_height(self) -> None:
        """Tall enough to show everything without scrolling, when the screen allows."""
        self.layout().activate()  # the summary or the clamp box may just have grown
        body = self.scroll_area.widget()
        wrapped = body.heightForWidth(self.scroll_area.viewport().width())
        need = max(wrapped, body.minimumSizeHint().height())
        height = self.height() + need - self.scroll_area.viewport().height()
        screen = self.screen()
        if screen is not None:
            height = min(height, screen.availableGeometry().height())
        if height > self.height():
            self.resize(self.width(), height)

    # -- the list ---------------------------------------------------------------------------

    def _append(self, participant_id: str, name: str) -> QListWidgetItem:
        item = QListWidgetItem(name)
        item.setData(ID_ROLE, participant_id)
        item.setData(NAME_ROLE, name)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        self.list_widget.addItem(item)
        return item

    def people(self) -> list[tuple[str, str]]:
        """(id, name) of everyone on the list, in its order."""
        items = [self.list_widget.item(i) for i in range(self.list_widget.count())]
        return [(item.data(ID_ROLE), item.data(NAME_ROLE)) for item in items]

    def _name_taken(self, name: str, skip: QListWidgetItem | None = None) -> bool:
        folded = name.casefold()
        return any(self.list_widget.item(i) is not skip
                   and self.list_widget.item(i).data(NAME_ROLE).casefold() == folded
                   for i in range(self.list_widget.count()))

    def add_participant(self, name: str) -> None:
        name = " ".join(name.split())
        if not name:
            return
        if self._name_taken(name):
            self._update(f"\u201c{name}\u201d is on the list already.")
            return
        taken = [pid for pid, _ in self.people()] + [pid for pid, _ in self.removed]
        item = self._append(new_participant_id(self.doc.case, taken), name)
        self.list_widget.setCurrentItem(item)
        self.entry.clear()
        self._update()

    def _on_list_widget_item_changed(self, item: QListWidgetItem) -> None:
        name = " ".join(item.text().split())
        note = ""
        if not name or self._name_taken(name, item):
            note = ("A participant needs a name." if not name else
                    f"\u201c{name}\u201d is on the list already.")
            name = item.data(NAME_ROLE)
        self.list_widget.blockSignals(True)
        item.setText(name)
        item.setData(NAME_ROLE, name)
        self.list_widget.blockSignals(False)
        self._update(note)

    def remove_current(self) -> None:
        row = self.list_widget.currentRow()
        if row < 0:
            return
        item = self.list_widget.takeItem(row)
        if item.data(ID_ROLE) in {p.id for p in self.doc.case.participants}:
            self.removed.append((item.data(ID_ROLE), item.data(NAME_ROLE)))
        self._update()

    def move_current(self, step: int) -> None:
        row = self.list_widget.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list_widget.count():
            return
        self.list_widget.blockSignals(True)
        self.list_widget.insertItem(target, self.list_widget.takeItem(row))
        self.list_widget.setCurrentRow(target)
        self.list_widget.blockSignals(False)
        self._update()

    # -- what OK will do --------------------------------------------------------------------

    def scale(self) -> tuple[float, float]:
        return self.min_box.value(), self.max_box.value()

    def outside(self) -> int:
        """How many kept want scores fall outside the scale as typed."""
        low, high = self.scale()
        return len(scores_outside(self.doc.case, low, high, [pid for pid, _ in self.removed]))

    def _on_input_changed(self, *_args: object) -> None:
        self._update()

    def _update(self, note: str = "") -> None:
        """Buttons, the scale note and the summary for what is typed; ``note`` goes first."""
        low, high = self.scale()
        row = self.list_widget.currentRow()
        self.remove_button.setEnabled(row >= 0)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < self.list_widget.count() - 1)
        span = f"{format_value(low)} to {format_value(high)}"
        try:
            check_scale(low, high)
            refused = ""
        except RuleError as error:
            refused = str(error)
        outside = 0 if refused else self.outside()
        if refused:
            text = refused
        elif outside:
            text = (f"{_scores(outside)} typed so far {'lies' if outside == 1 else 'lie'} "
                    f"outside {span}. Widen the scale again, or tick the box to move each one "
                    "to the nearest end of it.")
        else:
            text = (f"Want scores run from {span}; percents are of the highest score. "
                    "Must criteria stay pass or fail.")
        self.scale_label.setText(text)
        self.clamp_box.setText(f"Move the {_scores(outside)} to the nearest end of {span}")
        self.clamp_box.setVisible(bool(outside))
        self.ok_button.setEnabled(not refused and (not outside or self.clamp_box.isChecked()))
        self.summary_label.setText("\n".join(filter(None, [note, *self.changes()])))
        if self.isVisible():
            self._fit_height()

    def changes(self) -> list[str]:
        """What OK will do, a sentence each (or that nothing changes yet)."""
        case = self.doc.case
        low, high = self.scale()
        lines: list[str] = []
        old = case.score_scale
        if (old.min, old.max) != (low, high) and low < high:
            lines.append(f"The scale becomes {format_value(low)} to {format_value(high)} "
                         f"(it was {format_value(old.min)} to {format_value(old.max)}).")
            outside = self.outside()
            if outside and self.clamp_box.isChecked():
                verb = "moves" if outside == 1 else "move"
                lines.append(f"{_scores(outside)} {verb} to the nearest end of the new scale.")
        for pid, name in self.removed:
            given = scores_given(case, pid)
            dots = dots_held(case, pid)
            took = ([_scores(given)] if given else []) + (
                [f"{dots} dot{'s' * (dots != 1)}"] if dots else [])
            lines.append(f"\u201c{name}\u201d leaves" + (
                f", and their {' and '.join(took)} go too." if took else "."))
        known = {p.id: p.name for p in case.participants}
        people = self.people()
        added = [name for pid, name in people if pid not in known]
        if added:
            lines.append(f"Joining: {_quoted(added)}.")
        for pid, name in people:
            if pid in known and known[pid] != name:
                lines.append(f"\u201c{known[pid]}\u201d is renamed \u201c{name}\u201d.")
        staying = [pid for pid, _ in people if pid in known]
        if staying != [p.id for p in case.participants if p.id in staying]:
            lines.append("The participants are put in the new order.")
        if not lines:
            return ["Nothing changes yet."]
        return [*lines, "All of it is one step: Undo puts it back."]

    def command(self) -> ChangeScoringSetupCommand:
        low, high = self.scale()
        return ChangeScoringSetupCommand(self.doc, low, high, self.people(),
                                         clamp=self.clamp_box.isChecked())

    def accept(self) -> None:
        """Apply (when anything changed) and close; a refusal is shown and keeps it open."""
        try:
            command = self.command()
        except ValueError as error:
            self._update(str(error))
            return
        if command.changed:
            self.doc.push(command)
        super().accept()
