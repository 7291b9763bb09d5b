"""The bridge between the room's server thread and the interface thread.

The server calls ``apply`` on its own thread for each phone's submission; the bridge hands the
submission to the interface thread through a queued signal with a ``Future`` and waits for the
answer. On the interface thread the submission becomes a domain edit (``to_edit``) applied
through ``CaseDocument.apply``, so each phone's edit is one undo step in the recovery journal.
Nothing here touches a Qt object from the server thread. Whenever the case or the phase
changes, the room's view is published again (coalesced: once per turn of the event loop).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from concurrent.futures import CancelledError, Future
from concurrent.futures import TimeoutError as FutureTimeout
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from sixstep.edits.base import Edit
from sixstep.room.hub import RoomHub
from sixstep.room.phase import Phase
from sixstep.room.protocol import Outcome, RoomError, Submission, carry_out
from sixstep.room.view import room_view
from ui.document.document import CaseDocument

if TYPE_CHECKING:  # the web server loads when the room opens, not at start-up
    from sixstep.room.server import RoomServer

BUSY = "The laptop is busy; try again"
CLOSED = "The room is closed."
ANSWER_SECONDS = 5.0  # how long a phone's request waits for the interface thread

TimerState = Callable[[], tuple[int | None, bool]]  # (seconds left or None, running)


def from_a_phone(label: str) -> str:
    """The undo text of an edit a phone sent (never the phone's name: undo texts carry no
    user text)."""
    return f"{label} (from a phone)"


class RoomBridge(QObject):
    """Owns the room's hub and server while the room is open.

    ``timer_state`` reads the step timer (seconds left, running) when the view is published.
    """

    opened = Signal()
    closed = Signal()
    devices_changed = Signal()  # a phone joined or was removed (emitted on this thread)
    phase_changed = Signal(object)  # Phase
    _submitted = Signal(object, object)  # Submission, Future: from the server thread
    _devices_touched = Signal()  # from the server thread

    def __init__(self, doc: CaseDocument, parent: QObject | None = None,
                 timer_state: TimerState | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.timer_state = timer_state
        self.hub: RoomHub | None = None
        self.server: RoomServer | None = None
        self.phase = Phase("closed")
        self.allow_anonymous = True
        self._submitted.connect(self._on_submitted, Qt.ConnectionType.QueuedConnection)
        self._devices_touched.connect(self.devices_changed, Qt.ConnectionType.QueuedConnection)
        self._publish_timer = QTimer(self)
        self._publish_timer.setSingleShot(True)
        self._publish_timer.setInterval(0)
        self._publish_timer.timeout.connect(self.publish_now)
        doc.changed.connect(self._on_doc_changed)
        doc.replaced.connect(self._on_doc_changed)

    # -- open and close --------------------------------------------------------------------
    def is_open(self) -> bool:
        return self.server is not None

    def open(self, host: str = "127.0.0.1", port: int = 0) -> None:
        """Start the server on ``host``:``port`` (0: any free port). OSError if it cannot."""
        if self.is_open():
            return
        from sixstep.room.server import RoomServer

        hub = RoomHub(self._apply_from_server, allow_anonymous=self.allow_anonymous)
        hub.on_devices_changed = self._on_hub_devices_changed
        self.hub = hub
        self.publish_now()  # the first phone to ask finds the case already
        server = RoomServer(hub, host=host, port=port)
        try:
            server.start()
        except BaseException:
            self.hub = None
            raise
        self.server = server
        self.opened.emit()

    def close(self) -> None:
        """Stop the server (nothing listens afterwards); the phase closes with it."""
        server, self.server, self.hub = self.server, None, None
        self._publish_timer.stop()
        if server is None:
            return
        server.close()
        self.phase = Phase("closed")
        self.closed.emit()

    # -- what the window shows -------------------------------------------------------------
    @property
    def code(self) -> str:
        return self.hub.code if self.hub is not None else ""

    @property
    def url(self) -> str:
        return self.server.url if self.server is not None else ""

    @property
    def join_url(self) -> str:
        return self.server.join_url if self.server is not None else ""

    def devices(self) -> list:
        """The devices still in the room (removed ones left out)."""
        if self.hub is None:
            return []
        return [d for d in self.hub.devices() if not d.removed]

    def remove_device(self, device_id: str) -> None:
        if self.hub is not None:
            self.hub.remove_device(device_id)
            self.devices_changed.emit()

    def set_allow_anonymous(self, on: bool) -> None:
        self.allow_anonymous = on
        if self.hub is not None:
            self.hub.allow_anonymous = on

    # -- the phase and the published view ----------------------------------------------------
    def set_phase(self, phase: Phase) -> None:
        if phase == self.phase:
            return
        self.phase = phase
        self.phase_changed.emit(phase)
        self.schedule_publish()

    def published_phase(self) -> Phase:
        """The phase with the step timer as it stands now."""
        if self.timer_state is None:
            return self.phase
        left, running = self.timer_state()
        return dataclasses.replace(self.phase, timer_left=left, timer_running=running)

    def schedule_publish(self) -> None:
        if self.hub is not None:
            self._publish_timer.start()

    def publish_now(self) -> None:
        if self.hub is not None:
            self.hub.publish(room_view(self.doc.case, self.published_phase()))

    def _on_doc_changed(self, *args: object) -> None:
        self.schedule_publish()

    # -- the server thread's side -------------------------------------------------------------
    def _apply_from_server(self, submission: Submission) -> Outcome:
        """Called on the server thread: wait (bounded) for the interface thread's answer."""
        future: Future[Outcome] = Future()
        try:
            self._submitted.emit(submission, future)
        except RuntimeError:  # the bridge is gone: the app is closing
            raise RoomError(503, CLOSED) from None
        try:
            return future.result(timeout=ANSWER_SECONDS)
        except FutureTimeout:
            if future.cancel():  # never applied: the phone may retry with the same key
                raise RoomError(503, BUSY) from None
            return future.result(timeout=ANSWER_SECONDS)  # being applied right now
        except CancelledError:
            raise RoomError(503, BUSY) from None

    def _on_hub_devices_changed(self) -> None:
        try:
            self._devices_touched.emit()
        except RuntimeError:  # the bridge is gone
            pass

    # -- the interface thread's side ----------------------------------------------------------
    def _on_submitted(self, submission: Submission, future: Future) -> None:
        if not future.set_running_or_notify_cancel():
            return  # the phone gave up waiting; nothing was applied
        try:
            outcome = self.apply_submission(submission)
        except BaseException as error:  # the server thread turns it into the reply
            future.set_exception(error)
        else:
            future.set_result(outcome)

    def apply_submission(self, submission: Submission) -> Outcome:
        """One phone's request as one undoable edit of the open case (a refused verb is a
        refused Outcome; a request for a phase that is not open, a RoomError)."""
        if self.hub is None:
            raise RoomError(503, CLOSED)
        return carry_out(self.doc.case, self.phase, submission, self._run)

    def _run(self, edit: Edit) -> None:
        self.doc.apply(edit, from_a_phone(edit.describe()))
