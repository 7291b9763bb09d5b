"""Room mode in the main window: the menu entries and key that open and close the room, the
room window, the inbox of the room's ideas beside steps 2 and 4, and the step timer sent to
the phones. Closing the room, opening or starting another case, or quitting stops the server."""

from __future__ import annotations

import math
import time
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Qt, QTimer, SignalInstance
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu

from ui.common.theme import scale_late
from ui.document.document import CaseDocument
from ui.widgets.side_dock import side_dock

if TYPE_CHECKING:  # the room (its hub, inbox and window) loads when first needed
    from ui.room.bridge import RoomBridge
    from ui.room.inbox import RoomInbox
    from ui.room.window import RoomWindow

KEY = "Ctrl+Shift+O"  # "open the room" (Ctrl+Shift+R marks a root cause on the diagram)
INBOX_STEPS = {2: "cause", 4: "alternative"}  # the steps whose work the room's ideas feed
WIDE_ENOUGH = 1200  # window width that leaves projector text room for the inbox at the side
POLL_MS = 1000  # how often the step timer is looked at while the room is open


class Steps(Protocol):
    """What room mode needs of the step workspace (it lives in a layer above)."""

    @property
    def step_changed(self) -> SignalInstance: ...

    @property
    def current(self) -> int: ...


class StepClock(Protocol):
    """What room mode reads of the step timer (``ui.facilitation.timer.StepTimer``)."""

    @property
    def running(self) -> bool: ...

    def seconds_left(self) -> float: ...


class RoomMode(QObject):
    """Builds room mode into ``window``: entries in ``menu``, the inbox dock, the window."""

    def __init__(self, window: QMainWindow, doc: CaseDocument, steps: Steps, menu: QMenu,
                 clock: StepClock | None = None) -> None:
        super().__init__(window)
        self.window, self.doc, self.steps, self.clock = window, doc, steps, clock
        self._bridge: RoomBridge | None = None
        self.room_window: RoomWindow | None = None
        self.projector_mode = False
        self.last_error = ""
        self._inbox_dock: tuple[RoomInbox, QDockWidget] | None = None

        menu.addSeparator()
        self.open_action = QAction("&Open the room to phones\u2026", window)
        self.open_action.setShortcut(QKeySequence(KEY))
        self.open_action.triggered.connect(lambda _=False: self.open_room())
        menu.addAction(self.open_action)
        self.close_action = QAction("&Close the room", window)
        self.close_action.triggered.connect(lambda _=False: self.close_room())
        self.close_action.setEnabled(False)
        menu.addAction(self.close_action)

        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._on_poll_timeout)
        self._sent: tuple[float | None, bool, float] = (None, False, 0.0)
        doc.replaced.connect(self._on_doc_replaced)
        doc.changed.connect(self._on_doc_changed)
        steps.step_changed.connect(self._on_steps_step_changed)

    # -- built on first use ------------------------------------------------------------------
    @property
    def bridge(self) -> RoomBridge:
        """The room's hub and server (closed until ``open_room``), made on first use."""
        if self._bridge is None:
            from ui.room.bridge import RoomBridge

            self._bridge = RoomBridge(self.doc, self, timer_state=self.timer_state)
            self._bridge.phase_changed.connect(self._on_bridge_phase_changed)
            self._bridge.closed.connect(self._on_bridge_closed)
        return self._bridge

    @property
    def inbox(self) -> RoomInbox:
        """The room's ideas waiting at the laptop, made (with its dock) on first use."""
        return self._inbox_and_dock()[0]

    @property
    def dock(self) -> QDockWidget:
        return self._inbox_and_dock()[1]

    def _inbox_and_dock(self) -> tuple[RoomInbox, QDockWidget]:
        if self._inbox_dock is None:
            from ui.room.inbox import RoomInbox

            inbox = RoomInbox(self.doc, "cause")
            inbox.refused.connect(self._tell)
            inbox.title.hide()  # the dock's title says it, with the count
            dock = side_dock(self.window, "Ideas from the room", "room_inbox_dock", inbox)
            scale_late(inbox, self.projector_mode)
            self._inbox_dock = inbox, dock
            inbox.counted.connect(self._on_inbox_counted)
        return self._inbox_dock

    # -- open and close -----------------------------------------------------------------------
    def is_open(self) -> bool:
        return self._bridge is not None and self._bridge.is_open()

    def open_room(self, host: str | None = None, port: int = 0) -> bool:
        """Open the room (or bring its window forward); False, with the reason told, when the
        server cannot start (the port is taken...)."""
        if not self.bridge.is_open():
            from ui.room.lan import lan_address

            try:
                self.bridge.open(host or lan_address(), port)
            except (OSError, ValueError) as error:  # a port taken, an address not local
                reason = error.strerror if isinstance(error, OSError) else None
                self._tell(f"The room could not open: {reason or error}")
                return False
            self._poll.start()
            self.close_action.setEnabled(True)
            self.open_action.setText("Show the r&oom window")
        if self.room_window is None:
            from ui.room.window import RoomWindow

            self.room_window = RoomWindow(self.bridge, self.window)
            self.room_window.close_requested.connect(self.close_room)
            self.room_window.inbox.refused.connect(self._tell)
            self.room_window.set_projector_mode(self.projector_mode)
        self.room_window.show_room()
        self.room_window.show()
        self.room_window.raise_()
        self.room_window.activateWindow()
        self._place_inbox()
        return True

    def close_room(self) -> None:
        """Stop the server; the room window goes, the ideas already in stay in the case."""
        self._poll.stop()
        if self._bridge is not None:
            self._bridge.close()
        self.close_action.setEnabled(False)
        self.open_action.setText("&Open the room to phones\u2026")
        room_window, self.room_window = self.room_window, None
        if room_window is not None:
            room_window.close_requested.disconnect(self.close_room)
            room_window.close()
            room_window.deleteLater()
        self._place_inbox()

    def _on_doc_replaced(self) -> None:
        self.close_room()  # the room belonged to the case that was open

    def _tell(self, message: str) -> None:
        self.last_error = message
        self.window.statusBar().showMessage(message, 8000)

    # -- the inbox beside steps 2 and 4 ---------------------------------------------------------
    def _on_steps_step_changed(self, number: int) -> None:
        self._place_inbox()

    def _on_doc_changed(self, change) -> None:  # noqa: ANN001 - fishbone.changes.Change
        if change.kind == "room_ideas":
            self._place_inbox()

    def _on_inbox_counted(self, count: int) -> None:
        self.dock.setWindowTitle(f"Ideas from the room ({count})" if count
                                 else "Ideas from the room")

    def _place_inbox(self) -> None:
        """On steps 2 and 4, while the room is open or ideas wait for that step."""
        target = INBOX_STEPS.get(self.steps.current)
        wanted = target is not None and (
            self.is_open() or any(i.target == target for i in self.doc.case.room_ideas))
        if target is not None and (wanted or self._inbox_dock is not None) \
                and target != self.inbox.target:
            self.inbox.target = target
            self.inbox.refresh()
        if wanted and not self.dock.isVisible():
            self._place_dock()
            self.dock.show()
        elif not wanted and self._inbox_dock is not None and self.dock.isVisible():
            self.dock.hide()

    def _place_dock(self) -> None:
        """Beside the step, unless projector text leaves too little room there: then below
        (as the parking lot does)."""
        if self._inbox_dock is None:
            return  # no inbox yet: it is placed when it is shown
        area = (Qt.DockWidgetArea.BottomDockWidgetArea
                if self.projector_mode and self.window.width() < WIDE_ENOUGH
                else Qt.DockWidgetArea.RightDockWidgetArea)
        if self.window.dockWidgetArea(self.dock) != area:
            self.window.addDockWidget(area, self.dock)

    # -- the step timer on the phones ------------------------------------------------------------
    def timer_state(self) -> tuple[int | None, bool]:
        """Seconds left on the step timer (None without one) and whether it runs."""
        if self.clock is None:
            return None, False
        return math.ceil(self.clock.seconds_left()), self.clock.running

    def _on_poll_timeout(self) -> None:
        """Publish again when the timer starts, pauses or is reset (the phones count down by
        themselves in between)."""
        if self.clock is None:
            return
        left, running = self.clock.seconds_left(), self.clock.running
        last_left, last_running, at = self._sent
        now = time.monotonic()
        expected = (last_left - (now - at) if last_running else last_left
                    ) if last_left is not None else None
        if running != last_running or expected is None or abs(left - expected) > 1.5:
            self._sent = (left, running, now)
            self.bridge.schedule_publish()

    # -- the room's dots stay off the projector until the reveal ---------------------------------
    def _on_bridge_phase_changed(self, phase: object) -> None:
        self._hide_votes()

    def _on_bridge_closed(self) -> None:
        self._hide_votes()

    def _hide_votes(self) -> None:
        """While the phones' dot vote is open and not revealed, this screen (the projector)
        shows no vote counts; the reveal, or any other phase, shows them all at once."""
        phase = self.bridge.phase
        self.doc.set_votes_hidden(phase.kind == "dots" and not phase.dots_revealed)

    # -- modes ------------------------------------------------------------------------------------
    def set_projector_mode(self, on: bool) -> None:
        self.projector_mode = on
        self._place_dock()
        if self.room_window is not None:
            self.room_window.set_projector_mode(on)
