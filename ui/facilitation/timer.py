"""The step timer: one countdown in the step's heading, preset per step, run by keys, red near
the end, and never taking the keyboard focus from what the room is typing."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeySequence, QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QToolButton, QWidget

from fishbone.changes import Change
from sixstep.case import Case
from sixstep.numbers import format_number
from ui.document.document import CaseDocument
from ui.widgets.countdown import Countdown, format_seconds

# Minutes each step gets when the case sets no preset of its own.
DEFAULT_MINUTES: dict[int, int] = {1: 15, 2: 30, 3: 15, 4: 20, 5: 20, 6: 15}
MINUTE_CHOICES = (5, 10, 15, 20, 25, 30, 45, 60, 90)
START_KEY = "F8"
RESET_KEY = "Shift+F8"
DIGITS_PT = 18.0  # the heading's size; projector mode scales it up with every other text
RED_LIGHT, RED_DARK = "#c00000", "#ff6b6b"


def preset_seconds(case: Case, step: int) -> int:
    """The step's preset from the case, else the default."""
    return case.timers.get(str(step)) or DEFAULT_MINUTES.get(step, 15) * 60


def near_end(left: float, preset: float) -> bool:
    """The last fifth of the time, and never more than the last two minutes."""
    return left <= min(120.0, preset / 5)


class Digits(QLabel):
    """The time left: always as wide as "00:00" in its font, so the heading never jumps."""

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt name
        hint = super().minimumSizeHint()
        wide = self.fontMetrics().horizontalAdvance("00:00") + 4
        return QSize(max(hint.width(), wide), hint.height())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt name
        return self.minimumSizeHint().expandedTo(super().sizeHint())


class StepTimer(QWidget):
    """Time left in big digits, Start/Pause, and a small menu to reset the timer or change
    the step's preset in minutes.

    The buttons take no focus and the time running out opens nothing, so typing goes on
    wherever it was. ``clock`` returns monotonic seconds; tests pass their own and ``tick()``.
    """

    finished = Signal()

    def __init__(self, doc: CaseDocument, parent: QWidget | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        self.doc = doc
        self.step = 1
        self.countdown = Countdown(preset_seconds(doc.case, 1), clock)
        self.setObjectName("step_timer")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.digits = Digits(self)
        self.digits.setTextFormat(Qt.TextFormat.PlainText)
        self.digits.setAccessibleName("Time left in this step")
        self.digits.setToolTip(f"Step timer: {START_KEY} starts or pauses, {RESET_KEY} resets")
        font = self.digits.font()
        font.setPointSizeF(DIGITS_PT)
        font.setBold(True)
        self.digits.setFont(font)
        self.digits.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.start_button = self._button("Start", f"Start or pause the step timer ({START_KEY})",
                                         self.toggle)
        self.minutes_menu = QMenu("Step &timer", self)
        self.minutes_menu.setObjectName("timer_menu")
        self.minutes_menu.aboutToShow.connect(self._on_minutes_menu_about_to_show)
        self.more_button = QToolButton(self)
        self.more_button.setText("Timer")
        self.more_button.setAccessibleName("Reset the timer or set this step's minutes")
        self.more_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.more_button.setMenu(self.minutes_menu)
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.controls = (self.start_button, self.more_button)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        for widget in self.controls:
            row.addWidget(widget, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addSpacing(6)
        row.addWidget(self.digits, 0, Qt.AlignmentFlag.AlignVCenter)
        self._ticker = QTimer(self)
        self._ticker.setInterval(250)
        self._ticker.timeout.connect(self.tick)
        doc.changed.connect(self._on_doc_changed)
        doc.replaced.connect(self._on_doc_replaced)
        self._load_preset()

    def _button(self, text: str, name: str, slot: Callable[[], None]) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setAccessibleName(name)
        button.setToolTip(name)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(lambda _=False: slot())
        return button

    # -- the clock ---------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self.countdown.running

    def seconds_left(self) -> float:
        return self.countdown.seconds_left()

    def toggle(self) -> None:
        if self.running:
            self.countdown.pause()
            self._ticker.stop()
        else:
            self.countdown.start()
            self._ticker.start()
        self._show()

    def reset(self) -> None:
        self._ticker.stop()
        self.countdown.reset(preset_seconds(self.doc.case, self.step))
        self._show()

    def tick(self) -> None:
        if self.running and self.countdown.is_up():
            self.countdown.pause()
            self._ticker.stop()
            self._show()
            self.finished.emit()
            return
        self._show()

    def is_red(self) -> bool:
        return near_end(self.seconds_left(), self.countdown.preset)

    # -- steps and presets -------------------------------------------------------------------
    def set_step(self, step: int) -> None:
        """Follow the step on show: a timer at rest takes that step's preset; a running one
        keeps running (the room's time box goes on)."""
        self.step = step
        if not self.running:
            self._load_preset()
        else:
            self._show_preset()

    def _load_preset(self) -> None:
        self.countdown.reset(preset_seconds(self.doc.case, self.step))
        self._show_preset()
        self._show()

    def _show_preset(self) -> None:
        minutes = preset_seconds(self.doc.case, self.step) / 60
        self.more_button.setToolTip(f"Reset ({RESET_KEY}) or change this step's "
                                    f"{format_number(minutes)} minutes")

    def minutes(self) -> float:
        return preset_seconds(self.doc.case, self.step) / 60

    def set_minutes(self, minutes: int) -> bool:
        """This step's preset, kept in the case (one undo step)."""
        if minutes * 60 == preset_seconds(self.doc.case, self.step):
            return False
        from sixstep.edits.group import SetTimerPreset  # the verbs load when first used
        from ui.widgets.fields import try_apply

        return try_apply(self.doc, SetTimerPreset(self.step, minutes * 60))

    def _on_minutes_menu_about_to_show(self) -> None:
        menu = self.minutes_menu
        menu.clear()
        reset = menu.addAction("Reset the timer")
        reset.setShortcut(QKeySequence(RESET_KEY))
        reset.setShortcutVisibleInContextMenu(True)
        reset.triggered.connect(lambda _=False: self.reset())
        menu.addSection(f"Minutes for step {self.step}")
        now = self.minutes()
        for minutes in sorted({*MINUTE_CHOICES, now} if now == int(now) else MINUTE_CHOICES):
            action = menu.addAction(f"{int(minutes)} minutes")
            action.setCheckable(True)
            action.setChecked(minutes == now)
            action.triggered.connect(lambda _=False, m=int(minutes): self.set_minutes(m))

    def _on_doc_changed(self, change: Change) -> None:
        if change.kind == "timers" and str(self.step) in change.ids:
            if self.running:
                self._show_preset()
            else:
                self._load_preset()

    def _on_doc_replaced(self) -> None:
        self._ticker.stop()
        self._load_preset()

    # -- showing -----------------------------------------------------------------------------
    def _show(self) -> None:
        left = self.seconds_left()
        self.digits.setText(format_seconds(left))  # 0:00 in red says it; no wider text
        self.digits.setAccessibleDescription("Time is up" if left <= 0 else self.digits.text())
        self.start_button.setText("Pause" if self.running else "Start")
        palette = QPalette()  # sets nothing: the digits follow the window's colours
        if self.is_red():
            dark = self.palette().color(QPalette.ColorRole.Window).lightness() < 128
            palette.setColor(QPalette.ColorRole.WindowText, QColor(RED_DARK if dark else RED_LIGHT))
        self.digits.setPalette(palette)

    def set_projector_mode(self, on: bool) -> None:
        """The room sees the digits only; the keys still start, pause and reset."""
        for widget in self.controls:
            widget.setVisible(not on)
        self._show()
