"""The list of the six steps, each with its title and a completeness mark (text, not colour)."""

from __future__ import annotations

from collections.abc import Collection, Iterable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

from sixstep.case import Case
from sixstep.steps import STEPS, StepDefinition, steps_reading
from ui.common.theme import plain_tip

DONE_MARK = "\u2713"


def mark_text(missing: list[str]) -> str:
    """What the navigator says about a step: a tick when complete, else how much is missing."""
    return f"{DONE_MARK} complete" if not missing else f"\u25cb {len(missing)} to do"


class StepNavigator(QListWidget):
    """Steps 1 to 6; choosing one (click, arrows, Enter) emits ``step_chosen(number)``.

    Compact (for narrow windows) shows only the number and the mark; the title is in the
    tooltip and in the step's own heading.
    """

    step_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Steps")
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(True)
        self.setSpacing(2)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.compact = False
        self.missing: dict[int, list[str]] = {}
        for step in STEPS:
            self.addItem(QListWidgetItem(f"{step.number}  {step.title}"))
        self.currentRowChanged.connect(self._on_self_current_row_changed)
        self._fit_width()

    def _fit_width(self) -> None:
        metrics = self.fontMetrics()
        if self.compact:
            widest = metrics.horizontalAdvance(f"{DONE_MARK} 10")
        else:
            widest = max(metrics.horizontalAdvance(f"{s.number}  {s.title}") for s in STEPS)
        self.setFixedWidth(widest + 36)

    def set_compact(self, on: bool) -> None:
        if on != self.compact:
            self.compact = on
            self._show_marks()
            self._fit_width()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_width()

    def _on_self_current_row_changed(self, row: int) -> None:
        if row >= 0:
            self.step_chosen.emit(row + 1)

    def set_current_step(self, number: int) -> None:
        if self.currentRow() != number - 1:
            self.blockSignals(True)
            self.setCurrentRow(number - 1)
            self.blockSignals(False)

    def update_marks(self, case: Case, kinds: Collection[str] | None = None) -> list[int]:
        """Check again the steps that read what changes of ``kinds`` touch (None: every
        step, the whole case may have changed); returns the steps whose list changed."""
        steps = STEPS if kinds is None else steps_reading(kinds)
        moved = []
        for step in steps:
            missing = step.missing(case)
            if missing != self.missing.get(step.number):
                self.missing[step.number] = missing
                moved.append(step.number)
        if kinds is None:
            self._show_marks()
        elif moved:
            self._show_marks([s for s in STEPS if s.number in moved])
        return moved

    def _show_marks(self, steps: Iterable[StepDefinition] = STEPS) -> None:
        for step in steps:
            missing = self.missing.get(step.number, [])
            item = self.item(step.number - 1)
            mark = mark_text(missing)
            if self.compact:
                short = DONE_MARK if not missing else f"\u25cb {len(missing)}"
                text = f"{step.number}\n{short}"
            else:
                text = f"{step.number}  {step.title}\n     {mark}"
            if item.text() != text:
                item.setText(text)
                left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter if self.compact else left)
                spoken = f"Step {step.number}, {step.title}: {mark}"
                item.setData(Qt.ItemDataRole.AccessibleTextRole, spoken)
            # what is missing can change while how much stays the same
            tip = "Complete." if not missing else "Still to do:\n" + "\n".join(
                f"\u2022 {m}" for m in missing)
            item.setToolTip(plain_tip(f"Step {step.number}: {step.title}\n{tip}"))
