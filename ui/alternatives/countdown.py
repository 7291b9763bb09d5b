"""A brainstorm countdown in big digits, readable from the back of the room."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget

from ui.widgets.countdown import Countdown, format_seconds

__all__ = ["DIGITS_SCALE", "CountdownWidget", "format_seconds"]

DIGITS_SCALE = 4.0  # the digits are this many times the page's font size


class CountdownWidget(QWidget):
    """Minutes to run, Start/Stop and Reset, and the time left in big digits.

    ``clock`` returns seconds (monotonic); tests replace it and call ``tick()``.
    """

    finished = Signal()

    def __init__(self, parent: QWidget | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        self.countdown = Countdown(5 * 60.0, clock)
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
    def clock(self) -> Callable[[], float]:
        return self.countdown.clock

    @clock.setter
    def clock(self, clock: Callable[[], float]) -> None:
        self.countdown.clock = clock

    @property
    def running(self) -> bool:
        return self.countdown.running

    def seconds_left(self) -> float:
        return self.countdown.seconds_left()

    def toggle(self) -> None:
        if self.running:
            self.stop()
        else:
            self.start()

    def start(self) -> None:
        self.countdown.preset = self.minutes_spin.value() * 60.0
        self.countdown.start()
        self._timer.start()
        self._show()

    def stop(self) -> None:
        self.countdown.pause()
        self._timer.stop()
        self._show()

    def reset(self) -> None:
        self._timer.stop()
        self.countdown.reset(self.minutes_spin.value() * 60.0)
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
