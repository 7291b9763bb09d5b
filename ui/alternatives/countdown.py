"""A brainstorm countdown in big digits, readable from the back of the room."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget

DIGITS_SCALE = 4.0  # the digits are this many times the page's font size


def format_seconds(seconds: float) -> str:
    """``m:ss`` for the time left, rounded up so 0:00 shows only when time is really up."""
    whole = max(0, int(-(-seconds // 1)))
    return f"{whole // 60}:{whole % 60:02d}"


class CountdownWidget(QWidget):
    """Minutes to run, Start/Stop and Reset, and the time left in big digits.

    ``clock`` returns seconds (monotonic); tests replace it and call ``tick()``.
    """

    finished = Signal()

    def __init__(self, parent: QWidget | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        self.clock = clock
        self._deadline: float | None = None
        self._left = 5 * 60.0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.controls = QWidget(self)
        row = QHBoxLayout(self.controls)
        row.setContentsMargins(0, 0, 0, 0)
        self.minutes_spin = QSpinBox(self.controls)
        self.minutes_spin.setRange(1, 60)
        self.minutes_spin.setValue(5)
        self.minutes_spin.setSuffix(" min")
        self.minutes_spin.setAccessibleName("Countdown minutes")
        self.minutes_spin.valueChanged.connect(self._on_minutes_spin_changed)
        self.start_button = QPushButton("Start countdown", self.controls)
        self.start_button.setAccessibleName("Start or stop the countdown")
        self.start_button.clicked.connect(self.toggle)
        self.reset_button = QPushButton("Reset", self.controls)
        self.reset_button.setAccessibleName("Reset the countdown")
        self.reset_button.clicked.connect(self.reset)
        for widget in (self.minutes_spin, self.start_button, self.reset_button):
            row.addWidget(widget)
        row.addStretch(1)
        layout.addWidget(self.controls)
        self.digits_label = QLabel(self)
        self.digits_label.setTextFormat(Qt.TextFormat.PlainText)
        self.digits_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.digits_label.setAccessibleName("Time left")
        layout.addWidget(self.digits_label)
        self._timer = QTimer(self)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.tick)
        self._scale_digits()
        self._show()

    @property
    def running(self) -> bool:
        return self._deadline is not None

    def seconds_left(self) -> float:
        if self._deadline is None:
            return self._left
        return max(0.0, self._deadline - self.clock())

    def toggle(self) -> None:
        if self.running:
            self.stop()
        else:
            self.start()

    def start(self) -> None:
        if self._left <= 0:
            self._left = self.minutes_spin.value() * 60.0
        self._deadline = self.clock() + self._left
        self._timer.start()
        self._show()

    def stop(self) -> None:
        self._left = self.seconds_left()
        self._deadline = None
        self._timer.stop()
        self._show()

    def reset(self) -> None:
        self._deadline = None
        self._timer.stop()
        self._left = self.minutes_spin.value() * 60.0
        self._show()

    def tick(self) -> None:
        if self.running and self.seconds_left() <= 0:
            self.stop()
            self._show()
            self.finished.emit()
            return
        self._show()

    def _on_minutes_spin_changed(self) -> None:
        if not self.running:
            self.reset()

    def _show(self) -> None:
        left = self.seconds_left()
        if left <= 0:
            self.digits_label.setText("Time is up")
        else:
            self.digits_label.setText(format_seconds(left))
        self.start_button.setText("Pause" if self.running else "Start countdown")
        self.digits_label.setAccessibleDescription(self.digits_label.text())

    def _scale_digits(self) -> None:
        font = QFont(self.font())
        font.setPointSizeF(max(self.font().pointSizeF(), 9.0) * DIGITS_SCALE)
        font.setBold(True)
        self.digits_label.setFont(font)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._scale_digits()

    def set_controls_visible(self, on: bool) -> None:
        self.controls.setVisible(on)
