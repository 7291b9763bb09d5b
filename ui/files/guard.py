"""Keep the work through the ends of a process: SIGTERM (logout, shutdown), SIGINT and SIGHUP,
the end of the desktop session, and an error raised in any slot or event handler.

A Python signal handler only runs when Python code runs, and Qt's loop is C++: the handler
does nothing itself, ``signal.set_wakeup_fd`` writes the signal's number to a socket, and a
``QSocketNotifier`` on the other end wakes the loop, between two events (never in the
middle of an edit). Then the recovery copy is written and the app leaves its loop without
the save question: the copy is offered at the next start.
"""

from __future__ import annotations

import logging
import signal
import socket
import sys
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QObject, QSocketNotifier
from PySide6.QtGui import QGuiApplication

from ui.files.recovery import plain_reason

log = logging.getLogger("problem_workshop")
ENDING_SIGNALS = tuple(s for s in (getattr(signal, "SIGTERM", None), getattr(signal, "SIGINT",
                                   None), getattr(signal, "SIGHUP", None)) if s is not None)


class Guard(QObject):
    """Installed once per process by ``ui.app.app.run_app`` for its window.

    ``keep`` writes the recovery copy now (True when it is written); ``tell`` shows a short
    message to the user; ``ask`` is the window's own close, with its save question, for when
    no recovery copy could be written (True when the user let it close).
    """

    def __init__(self, app: QGuiApplication, keep: Callable[[], bool],
                 tell: Callable[[str], None], ask: Callable[[], bool]) -> None:
        super().__init__(app)
        self.app, self.keep, self.tell, self.ask = app, keep, tell, ask
        self._in_hook = False
        self._notifier: QSocketNotifier | None = None
        self._sockets: tuple[socket.socket, socket.socket] | None = None
        self._old_hook = sys.excepthook
        app.commitDataRequest.connect(self._on_app_commit_data_request)

    # -- signals -------------------------------------------------------------------------
    def install_signals(self) -> None:
        reader, writer = socket.socketpair()
        reader.setblocking(False)
        writer.setblocking(False)
        self._sockets = (reader, writer)
        signal.set_wakeup_fd(writer.fileno())
        for number in ENDING_SIGNALS:
            signal.signal(number, _note_only)
        self._notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_notifier_activated)

    def _on_notifier_activated(self, *args: object) -> None:
        assert self._sockets is not None
        try:
            numbers = self._sockets[0].recv(64)
        except OSError:
            return
        if any(n in ENDING_SIGNALS for n in numbers):
            self.end_now()

    def end_now(self) -> None:
        """Keep the recovery copy and leave the loop without a question (nobody may be
        there); if no copy can be written, the window asks whether to save first."""
        if self._kept() or self.ask():
            self.app.exit(0)

    def _kept(self) -> bool:
        try:
            return self.keep()
        except Exception:
            log.exception("the recovery copy could not be written")
            return False

    def _on_app_commit_data_request(self, manager) -> None:  # noqa: ANN001 - QSessionManager
        """The desktop session ends: keep the recovery copy before anything else happens;
        when it cannot be written and the user is there, ask (and cancel the logout if the
        work was neither saved nor discarded)."""
        if self._kept() or not manager.allowsInteraction():
            return
        if not self.ask():
            manager.cancel()
        manager.release()

    # -- errors --------------------------------------------------------------------------
    def install_excepthook(self) -> None:
        sys.excepthook = self.excepthook

    def excepthook(self, kind: type[BaseException], error: BaseException,
                   trace: TracebackType | None) -> None:
        """An error nothing caught (in a slot or an event handler): log it, keep the work in
        a recovery copy, say so in a few words, and carry on."""
        if issubclass(kind, (KeyboardInterrupt, SystemExit)) or self._in_hook:
            self._old_hook(kind, error, trace)
            return
        self._in_hook = True
        try:
            log.error("an error nothing caught:\n%s",
                      "".join(traceback.format_exception(kind, error, trace)))
            kept = False
            try:
                kept = self.keep()
            except Exception:
                log.exception("the recovery copy could not be written after the error")
            where = ("Your work is kept in a recovery copy." if kept else
                     "Save your work now (Ctrl+S).")
            self.tell(f"Something went wrong ({plain_reason(error)}). {where}")
        finally:
            self._in_hook = False


def _note_only(number: int, frame: object) -> None:
    """The Python side of an ending signal: the wake-up socket does the work."""


def install(app: QGuiApplication, window) -> Guard:  # noqa: ANN001 - MainWindow
    """Guard ``window``'s work in this process: ending signals, session end, errors."""
    def keep() -> bool:
        return bool(window.recovery.flush())

    def tell(message: str) -> None:
        window.statusBar().showMessage(message, 20000)

    guard = Guard(app, keep, tell, window.close)
    guard.install_signals()
    guard.install_excepthook()
    return guard
