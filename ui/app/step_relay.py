"""The step workspace as the room tools see it before it exists: its step changes relayed,
its current step (0 until it is made) and its frames (made on first use)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from ui.steps.frame import StepFrame
    from ui.steps.workspace import StepWorkspace


class LazyWorkspace(Protocol):
    """What the relay needs of the main window, which makes the workspace on first use."""

    @property
    def workspace(self) -> StepWorkspace: ...

    def has_workspace(self) -> bool: ...


class StepRelay(QObject):
    """Stands in for the workspace: the window joins the workspace's ``step_changed`` to this
    one's when it makes it, so the room tools wire themselves at start-up without it."""

    step_changed = Signal(int)

    def __init__(self, window: LazyWorkspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window = window

    @property
    def current(self) -> int:
        return self.window.workspace.current if self.window.has_workspace() else 0

    def frame(self, number: int) -> StepFrame:
        return self.window.workspace.frame(number)
