"""What the facilitator has opened to the phones: no phase, ideas, dots or scores."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

PhaseKind = Literal["closed", "ideas", "dots", "scores"]
IdeasTarget = Literal["cause", "alternative"]
PHASE_KINDS: tuple[PhaseKind, ...] = ("closed", "ideas", "dots", "scores")


@dataclass(frozen=True)
class Phase:
    """The open phase. ``timer_left`` is the step timer's seconds left when the phase was
    published (None: no timer); the hub counts it down while ``timer_running``."""

    kind: PhaseKind = "closed"
    ideas_target: IdeasTarget = "cause"
    dots_revealed: bool = False
    timer_left: int | None = None
    timer_running: bool = False

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "ideas_target": self.ideas_target,
                "dots_revealed": self.dots_revealed, "timer_left": self.timer_left,
                "timer_running": self.timer_running}
