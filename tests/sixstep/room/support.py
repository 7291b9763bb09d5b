"""Shared pieces for the room's tests: a case behind a lock standing in for the interface
thread, and a hub wired to it."""

from __future__ import annotations

import threading
from pathlib import Path

from sixstep.case import Case
from sixstep.caseio import load_case
from sixstep.room.hub import Limits, RoomHub
from sixstep.room.phase import Phase
from sixstep.room.protocol import Outcome, Submission, carry_out
from sixstep.room.view import room_view

ROOT = Path(__file__).resolve().parents[3]
HAPPY_BURGERS = ROOT / "sample_cases" / "happy_burgers.case.json"
ROOMY = Limits(joins_per_minute=600, join_burst=100, request_burst=200,
               requests_per_second=100)  # every test phone shares 127.0.0.1


def happy_burgers() -> Case:
    return load_case(HAPPY_BURGERS)


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class CaseRoom:
    """The case under a lock, answering the hub as the interface thread would: ``to_edit``,
    then the edit applied, then a new view published. Counts what it applied."""

    def __init__(self, case: Case | None = None, phase: Phase | None = None,
                 **hub_options: object) -> None:
        self.case = case if case is not None else happy_burgers()
        self.phase = phase or Phase()
        self.lock = threading.Lock()
        self.applied: list[Submission] = []
        self.hub = RoomHub(self.apply, **hub_options)  # type: ignore[arg-type]
        self.publish()

    def apply(self, submission: Submission) -> Outcome:
        with self.lock:
            outcome = carry_out(self.case, self.phase, submission)
            if outcome.ok:
                self.applied.append(submission)
            self.hub.publish(room_view(self.case, self.phase))
            return outcome

    def publish(self) -> None:
        with self.lock:
            self.hub.publish(room_view(self.case, self.phase))

    def open(self, phase: Phase) -> None:
        self.phase = phase
        self.publish()
