"""The real window, offscreen, driven as a facilitator would: keys, the toolbar, the menus.

Only the window's public parts are used (``files.open_path``, ``show_step``,
``workspace.page(n)``, ``doc``), so that the figures survive refactors of what lies below.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MPLBACKEND", "Agg")

from PySide6.QtCore import QtMsgType, qInstallMessageHandler  # noqa: E402
from PySide6.QtGui import QAction  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

QUIET = ("propagateSizeHints",)  # the offscreen plugin's chatter, nothing of ours


def _on_qt_message(kind: QtMsgType, context: object, message: str) -> None:
    if not any(word in message for word in QUIET):
        print(f"qt: {message}", flush=True)


def qt_app() -> QApplication:
    """The one QApplication of the run, with the offscreen plugin's chatter silenced."""
    app = QApplication.instance()
    if app is None:
        from PySide6.QtCore import QStandardPaths

        QStandardPaths.setTestModeEnabled(True)  # never the user's settings or caches
        qInstallMessageHandler(_on_qt_message)
        from ui.common.qt_setup import before_app

        before_app()  # as the app itself starts Qt
        app = QApplication([])
    return app  # type: ignore[return-value]


def settle() -> None:
    """Let Qt deliver what the action posted: the scene's update, then the paint."""
    for _ in range(2):
        QApplication.processEvents()


def open_window(recovery_dir: Path | None = None):  # noqa: ANN201 - MainWindow, imported late
    """A shown, active main window on the start screen that asks no questions."""
    qt_app()
    from ui.app.main_window import MainWindow
    from ui.common.settings import AppSettings

    window = MainWindow(AppSettings.in_memory(), recovery_dir=recovery_dir)
    window.files.interactive = False
    window.resize(1280, 800)
    window.show()
    window.activateWindow()  # the window's shortcuts (Ctrl+Z) need it to be active
    QTest.qWaitForWindowActive(window, 2000)
    settle()
    return window


def open_case(window, path: Path, step: int = 2) -> None:  # noqa: ANN001
    window.files.locking = False  # the bench only reads the sample: no lock beside it
    window.files.open_path(path, ask=False)
    window.show_step(step)


def close_window(window) -> None:  # noqa: ANN001
    window.doc.undo_stack.setClean()
    window.close()
    window.deleteLater()
    settle()


def action_named(widget: QWidget, text: str) -> QAction | None:
    """The action a user sees as ``text`` (ampersands ignored) among ``widget``'s children."""
    for action in widget.findChildren(QAction):
        if action.text().replace("&", "") == text:
            return action
    return None


class ChangeCounter:
    """Counts the document's change signals, to check that a timed key really edited."""

    def __init__(self, doc) -> None:  # noqa: ANN001
        self.count = 0
        doc.changed.connect(self._on_doc_changed)

    def _on_doc_changed(self, *args: object) -> None:
        self.count += 1

    def checked(self, fn: Callable[[], object], what: str) -> Callable[[], None]:
        """``fn``, raising when it changed nothing (the key missed: the UI moved under us)."""

        def run() -> None:
            before = self.count
            fn()
            settle()
            if self.count == before:
                raise NoEdit(f"{what} changed nothing")

        return run


class NoEdit(RuntimeError):
    """A timed key did not edit the case: the figure would time nothing."""
