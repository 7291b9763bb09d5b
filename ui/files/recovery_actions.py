"""Ties crash recovery to the window: autosave the open case, offer and recover orphans."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMessageBox

from ui.files.recovery import DEBOUNCE_MS, Autosaver, RecoveryStore, Snapshot
from ui.files.recovery_panel import snapshot_title

if TYPE_CHECKING:
    from ui.app.main_window import MainWindow


class RecoveryActions(QObject):
    """Recovery for one window; with no folder (tests, screenshots) it does nothing at all.

    ``ask_discard`` is a method so that tests can replace it.
    """

    def __init__(self, window: MainWindow, folder: Path | None,
                 interval_ms: int = DEBOUNCE_MS) -> None:
        super().__init__(window)
        self.window = window
        self.panel = window.start_screen.recovery_panel
        self.store: RecoveryStore | None = None
        self.autosaver: Autosaver | None = None
        self.panel.recover_chosen.connect(self.recover)
        self.panel.discard_chosen.connect(self.discard)
        if folder is None:
            return
        self.store = RecoveryStore(folder)
        try:
            self.store.open()
        except OSError as exc:
            self._on_autosaver_failed(f"Cannot keep a recovery copy: {exc.strerror or exc}")
        self.autosaver = Autosaver(window.doc, self.store, interval_ms,
                                   enabled=lambda: window.files.interactive, parent=self)
        self.autosaver.failed.connect(self._on_autosaver_failed)
        self.panel.set_snapshots(self.store.orphans())
        window.files.opened.connect(self._on_files_opened)

    def ask_discard(self, snap: Snapshot) -> bool:
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("Discard unsaved work")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(f"Delete the recovered work of \u201c{snapshot_title(snap)}\u201d?")
        box.setInformativeText("The changes in it cannot be brought back.")
        box.setStandardButtons(QMessageBox.StandardButton.Discard
                               | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        return box.exec() == QMessageBox.StandardButton.Discard

    def recover(self, snap: Snapshot) -> bool:
        """Open the snapshot as a modified case that saves to its original file, if any."""
        if self.store is None or self.autosaver is None or snap.case is None:
            return False
        if not self.window.files.maybe_save():
            return False
        doc = self.window.doc
        doc.replace(snap.case, snap.original_path)
        doc.undo_stack.resetClean()  # nothing on disk holds this yet
        self.autosaver.flush()  # this session's own copy first ...
        if self.store.file.exists():
            self.store.discard(snap)  # ... then the orphan goes
        self._forget(snap)
        self.window.show_step(1)
        self.window.statusBar().showMessage(
            f"Recovered \u201c{snapshot_title(snap)}\u201d. Save it to keep it (Ctrl+S).", 10000)
        return True

    def discard(self, snap: Snapshot) -> None:
        if self.store is None or not self.ask_discard(snap):
            return
        self.store.discard(snap)
        self._forget(snap)

    def flush(self) -> None:
        """Write the snapshot now instead of after the short wait."""
        if self.autosaver is not None:
            self.autosaver.flush()

    def session_closed(self) -> None:
        """The window closes normally, after the save-or-discard question."""
        if self.autosaver is not None:
            self.autosaver.finish()

    def _on_files_opened(self) -> None:
        """A case opened past the start screen (``problem-workshop FILE``): say what waits."""
        if self.panel.snapshots():
            self.window.statusBar().showMessage(
                "Unsaved work from an earlier session can be recovered on the start screen "
                "(Ctrl+Shift+H).")

    def _forget(self, snap: Snapshot) -> None:
        self.panel.set_snapshots([s for s in self.panel.snapshots() if s is not snap])

    def _on_autosaver_failed(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 15000)
