"""A countdown's state (start, pause, reset, time left) and its ``m:ss`` text, shared by the
brainstorm countdown and the step timer. No widgets: those draw it their own way."""

from __future__ import annotations

import time
from collections.abc import Callable


def format_seconds(seconds: float) -> str:
    """``m:ss`` for the time left, rounded up so 0:00 shows only when time is really up."""
    whole = max(0, int(-(-seconds // 1)))
    return f"{whole // 60}:{whole % 60:02d}"


class Countdown:
    """Counts ``preset`` seconds down while running; ``clock`` returns monotonic seconds
    (tests pass their own)."""

    def __init__(self, preset: float = 300.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self.preset = float(preset)
        self._left = self.preset
        self._deadline: float | None = None

    @property
    def running(self) -> bool:
        return self._deadline is not None

    def seconds_left(self) -> float:
        if self._deadline is None:
            return self._left
        return max(0.0, self._deadline - self.clock())

    def is_up(self) -> bool:
        return self.seconds_left() <= 0

    def start(self) -> None:
        """Run from where it stood (from the preset again once time was up)."""
        if self._left <= 0:
            self._left = self.preset
        self._deadline = self.clock() + self._left

    def pause(self) -> None:
        self._left = self.seconds_left()
        self._deadline = None

    def reset(self, preset: float | None = None) -> None:
        """Stop and stand at the preset (a new one, if given)."""
        if preset is not None:
            self.preset = float(preset)
        self._deadline = None
        self._left = self.preset
