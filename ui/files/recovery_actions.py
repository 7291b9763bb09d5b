"""Crash recovery for one open case: autosave it, offer and recover what crashes left behind."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from ui.document.document import CaseDocument
from ui.files.recovery_panel import RecoveryPanel, snapshot_title

if TYPE_CHECKING:  # the journal and the store are imported when recovery starts
    from ui.files.actions import FileActions
    from ui.files.journal import EditJournal
    from ui.files.recovery import Autosaver, RecoveryStore, Snapshot

# short enough for the status bar of a 1024-pixel projector
RECOVERY_NOTE = "Unsaved work from an earlier session: recover it with Ctrl+Shift+H."


class RecoveryActions(QObject):
    """Recovery for one window; with no folder (tests, screenshots) it does nothing at all.

    It knows the document, the file actions and the start screen's panel, never the window:
    the window connects ``recovered`` and ``message`` and then calls ``start``.
    ``ask_discard`` is a method so that tests can replace it.
    """

    recovered = Signal()  # a snapshot is now the open case: show it
    message = Signal(str, int)  # a status line and how long to show it, in milliseconds

    def __init__(self, parent: QWidget, doc: CaseDocument, files: FileActions,
                 panel: RecoveryPanel) -> None:
        super().__init__(parent)
        self.parent_widget, self.doc, self.files, self.panel = parent, doc, files, panel
        self.store: RecoveryStore | None = None
        self.autosaver: Autosaver | None = None
        self.journal: EditJournal | None = None
        self.panel.recover_chosen.connect(self.recover)
        self.panel.discard_chosen.connect(self.discard)

    def start(self, folder: Path | None, interval_ms: int | None = None) -> None:
        """Keep a recovery copy in ``folder`` and offer the orphans found there (the wait
        before a snapshot is written: ``interval_ms``, by default the store's own)."""
        if folder is None:
            return
        from ui.files.journal import EditJournal, JournaledAutosaver
        from ui.files.recovery import DEBOUNCE_MS, RecoveryStore

        self.store = RecoveryStore(folder)
        try:
            self.store.open()
        except OSError as exc:
            self._on_autosaver_failed(f"Cannot keep a recovery copy: {exc.strerror or exc}")
        files = self.files
        enabled = lambda: files.interactive  # noqa: E731
        self.journal = EditJournal(self.doc, self.store, enabled, parent=self)
        wait = DEBOUNCE_MS if interval_ms is None else interval_ms
        self.autosaver = JournaledAutosaver(self.doc, self.store, self.journal, wait, enabled,
                                            parent=self)
        self.autosaver.failed.connect(self._on_autosaver_failed)
        self.files.saving.connect(self._on_files_saving)
        self.panel.set_snapshots(self.store.orphans())
        self.files.opened.connect(self._on_files_opened)

    def ask_discard(self, snap: Snapshot) -> bool:
        box = QMessageBox(self.parent_widget)
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
        if not self.files.maybe_save():
            return False
        doc = self.doc
        doc.replace(snap.case, snap.original_path)
        doc.undo_stack.resetClean()  # nothing on disk holds this yet
        self.autosaver.flush()  # this session's own copy first ...
        if self.store.file.exists():
            self.store.discard(snap)  # ... then the orphan goes
        self._forget(snap)
        self.recovered.emit()
        self.message.emit(
            f"Recovered \u201c{snapshot_title(snap)}\u201d. Save it to keep it (Ctrl+S).", 10000)
        return True

    def discard(self, snap: Snapshot) -> None:
        if self.store is None or not self.ask_discard(snap):
            return
        self.store.discard(snap)
        self._forget(snap)

    def flush(self) -> bool:
        """Write the snapshot now instead of after the short wait; False when it failed
        (the reason is on the status bar)."""
        if self.autosaver is not None:
            return self.autosaver.flush()
        return True

    def autosave(self) -> None:
        """What the short wait after an edit ends in: the snapshot is handed to the writer
        thread and not waited for (a failure reaches the status bar when it happens)."""
        if self.autosaver is not None:
            self.autosaver.flush(wait=False)

    def wait(self) -> None:
        """Until the writer thread has done everything handed to it so far."""
        if self.journal is not None:
            self.journal.wait()

    def _on_files_saving(self) -> None:
        """Save refreshes the recovery copy first: a kill during the save loses nothing."""
        self.flush()

    def session_closed(self) -> None:
        """The window closes normally, after the save-or-discard question."""
        if self.autosaver is not None:
            self.autosaver.finish()

    def _on_files_opened(self) -> None:
        """A case opened past the start screen (``problem-workshop FILE``): say what waits."""
        if self.panel.snapshots():
            self.message.emit(RECOVERY_NOTE, 0)

    def _forget(self, snap: Snapshot) -> None:
        self.panel.set_snapshots([s for s in self.panel.snapshots() if s is not snap])

    def _on_autosaver_failed(self, message: str) -> None:
        self.message.emit(message, 15000)
