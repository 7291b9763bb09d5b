"""The recovery journal of one session: every edit handed to the system before the next one.

``EditJournal`` is the document's ``log``: each edit an ``EditCommand`` applies (redo, or
undo's inverse) is encoded before it applies and appended with one ``os.write`` to the
session's journal file once it has (no fsync per edit: a timer asks for one, off the interface
thread, at most once a second). A process killed at any moment therefore loses no edit that
was applied. The periodic snapshot resets the journal. A process of its own
(``sixstep.shadow_process``) keeps a copy of the case that follows the journal's lines and
encodes, writes, syncs and renames each snapshot from it; a worker thread hands it the lines
and waits for its answer. So the interface thread only hands over the lines since the last
snapshot, and never waits for the interpreter lock while a snapshot is made. Only once the
snapshot is on disk are the journal files it covers deleted. The copy starts from the case
bytes a new journal begins with, or (after an edit the journal could not hold, or a copy gone
astray) from the case serialised here. Journal files are ``<session>.<n>.journal``; a journal
that starts when nothing on disk holds the case begins with the case itself.
"""

from __future__ import annotations

import os
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal

from sixstep.case import Case
from sixstep.caseio import dumps_case
from sixstep.edits.base import Edit
from sixstep.journal import encode_edit, encode_header, encode_record
from sixstep.shadow import Base, Fingerprint, Line, ShadowError, Step, fingerprint
from sixstep.shadow_process import ShadowProcess
from ui.document.document import CaseDocument
from ui.files.recovery import (
    Autosaver,
    RecoveryStore,
    journal_files,
    plain_reason,
    snapshot_header,
)
from ui.files.writer import Writer

SYNC_MS = 1000  # the longest a journaled edit waits for its fsync (power loss only)


@dataclass
class _Prepared:
    line: str | None  # the edit encoded (None: the journal cannot hold it)
    base: bytes | None  # the case before it, when a new journal must start from it
    problem: str = ""


class EditJournal(QObject):
    """Journal and snapshots of one document in one recovery store (see the module text)."""

    failed = Signal(str)  # what went wrong, in plain words (any thread: it is queued)
    shadow_lost = Signal(int)  # the worker's copy of that epoch cannot go on (queued)

    def __init__(self, doc: CaseDocument, store: RecoveryStore,
                 enabled: Callable[[], bool] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.doc, self.store = doc, store
        self._enabled = enabled or (lambda: True)
        self.seq = 0  # edits applied in this session
        self._fd: int | None = None
        self._generation = 0
        self._covered: int | None = None  # the edit count a file on disk holds the case at
        self._finished = False
        self.writer = Writer(self.failed.emit)
        self.shadow = ShadowProcess()  # the copy: only jobs on the writer touch it
        self._steps: list[Step] = []  # for the copy, since the last snapshot handed over
        self._shadowed = False  # the copy, given ``_steps``, stands for the case at ``seq``
        self._epoch = 0  # counts the copy's starts, so a late word of its loss is told apart
        self.shadow_lost.connect(self._on_shadow_lost)
        self.sync_timer = QTimer(self)
        self.sync_timer.setSingleShot(True)
        self.sync_timer.setInterval(SYNC_MS)
        self.sync_timer.timeout.connect(self._on_sync_timer_timeout)
        doc.replaced.connect(self._on_doc_replaced)
        doc.log = self

    # -- the document's log --------------------------------------------------------------
    def prepare(self, case: Case, edit: Edit) -> _Prepared | None:
        if self._finished or case is not self.doc.case:
            return None
        if not self._enabled():
            self._shadowed = False  # an edit it will not hear of
            return None
        prepared = _Prepared(None, None)
        try:
            prepared.line = encode_edit(edit)
            if self._fd is None and self._covered != self.seq:
                prepared.base = dumps_case(case, compact=True)
        except Exception as exc:  # the snapshot after the edit will hold it instead
            prepared.line, prepared.problem = None, plain_reason(exc)
        return prepared

    def record(self, case: Case, edit: Edit, prepared: _Prepared | None) -> None:
        """Append the applied edit; never raises (a failure is reported, and the case is
        kept in a snapshot instead)."""
        if prepared is None:
            return
        self.seq += 1
        try:
            if prepared.line is None:
                raise ValueError(prepared.problem or "the edit cannot be journaled")
            self._append(encode_record(self.seq, prepared.line), prepared.base)
        except Exception as exc:
            self._fall_back(exc)
            return
        if prepared.base is not None and not self._shadowed:
            self._start_shadow(Base(self.seq - 1, prepared.base))
        if self._shadowed:
            self._steps.append(Line(self.seq, prepared.line))
        if not self.sync_timer.isActive():
            self.sync_timer.start()

    def _append(self, record: bytes, base: bytes | None) -> None:
        data = record
        if self._fd is None:
            if base is None and self._covered != self.seq - 1:
                raise ValueError("nothing on disk holds the case the journal starts from")
            self._generation += 1
            path = self.store.journal_file(self._generation)
            self.store.folder.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_APPEND, 0o600)
            self._fd = fd
            header = encode_header({
                "session": self.store.session, "generation": self._generation,
                "seq": self.seq - 1, "base": base is not None, "pid": os.getpid(),
                "host": socket.gethostname(), "saved_at": time.time(),
                "path": None if self.doc.path is None else str(self.doc.path.absolute()),
                "title": self.doc.case.title})
            data = header + (base.rstrip(b"\n") + b"\n" if base is not None else b"") + record
        view = memoryview(data)
        while view:
            view = view[os.write(self._fd, view):]

    def _fall_back(self, exc: BaseException) -> None:
        """The journal failed: keep the case in a snapshot now, and say so."""
        self.failed.emit(f"The recovery journal cannot record the last change: "
                         f"{plain_reason(exc)}. A recovery copy is written instead.")
        self._close_journal()
        self._shadowed = False  # the copy missed this edit
        try:
            self.snapshot(wait=True)
        except Exception as again:
            self.failed.emit(f"Cannot keep a recovery copy: {plain_reason(again)}. "
                             "Save the case to keep your work.")

    # -- snapshots -----------------------------------------------------------------------
    def snapshot(self, wait: bool) -> None:
        """Write the case as it is now; the journal so far goes once the snapshot is on disk.
        With ``wait``, returns when it is written and raises what stopped it.

        Here only the copy's steps are handed over (and a few counts taken to check it):
        the worker brings its copy up to date, encodes and writes it. Without a copy the
        case is serialised here, once, and the copy starts from those bytes.
        """
        if not self._shadowed:
            self._snapshot_from_case(wait)
            return
        steps, self._steps = self._steps, []
        lost = self._submit(steps, fingerprint(self.doc.case), wait)
        if lost:  # with ``wait``: the copy went astray, so the case itself is written now
            self._snapshot_from_case(wait)

    def _snapshot_from_case(self, wait: bool) -> None:
        body = dumps_case(self.doc.case, compact=True)
        self._start_shadow(Base(self.seq, body))
        steps, self._steps = self._steps, []
        self._submit(steps, None, wait)  # the copy's process writes the bytes it starts from

    def _start_shadow(self, base: Base) -> None:
        self._epoch += 1
        self._steps = [base]
        self._shadowed = True

    def _submit(self, steps: list[Step], expected: Fingerprint | None, wait: bool) -> bool:
        """Hand a snapshot of the case at ``seq`` to the writer: the copy, once it took
        ``steps``, is checked against ``expected`` and written. True when (with ``wait``) the
        copy was lost instead."""
        seq, path, title, epoch = self.seq, self.doc.path, self.doc.case.title, self._epoch
        old = self._generation
        self._close_journal()
        self._covered = seq
        store, shadow, lost = self.store, self.shadow, self.shadow_lost
        outcome: list[ShadowError] = []

        def write() -> None:
            header = snapshot_header(title, path, store.session, seq=seq)
            try:
                shadow.write(steps, expected, store.file, header)
            except ShadowError as exc:
                outcome.append(exc)
                lost.emit(epoch)
                return
            for file in journal_files(store.folder, store.session):
                if int(file.name.split(".")[1]) <= old:
                    file.unlink(missing_ok=True)
        job = self.writer.submit(write, "" if wait else "Cannot keep a recovery copy")
        if wait:
            job.done.wait()
            if job.error is not None:
                raise job.error
        return bool(outcome)

    def clear(self) -> None:
        """The case is saved, unchanged or discarded: no snapshot and no journal remain."""
        self._close_journal()
        self._covered = None
        self.writer.submit(self.store.remove, "Cannot remove the recovery copy")
        self.writer.wait()

    def finish(self) -> None:
        """The session ends: nothing more is journaled."""
        self._finished = True
        self.sync_timer.stop()
        self._close_journal()
        self._shadowed, self._steps = False, []
        self.writer.submit(self.shadow.close, "")
        self.writer.wait()
        if self.doc.log is self:
            self.doc.log = None

    def wait(self) -> None:
        self.writer.wait()

    def _close_journal(self) -> None:
        fd, self._fd = self._fd, None
        if fd is not None:
            self.writer.submit(lambda: _sync_and_close(fd), "")

    def _on_sync_timer_timeout(self) -> None:
        fd = self._fd
        if fd is not None:
            self.writer.submit(lambda: os.fsync(fd), "Cannot flush the recovery journal")

    def _on_doc_replaced(self) -> None:
        """Another case: its journal starts afresh (from the case itself)."""
        self._shadowed, self._steps = False, []
        if not self._finished:
            self.clear()

    def _on_shadow_lost(self, epoch: int) -> None:
        """The worker's copy went astray: the next snapshot serialises the case itself."""
        if epoch == self._epoch:
            self._shadowed, self._steps = False, []


def _sync_and_close(fd: int) -> None:
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class JournaledAutosaver(Autosaver):
    """The autosaver with the journal: timed snapshots are written by the worker thread,
    ``flush`` waits for its snapshot, and what removes the snapshot removes the journal."""

    def __init__(self, doc: CaseDocument, store: RecoveryStore, journal: EditJournal,
                 interval_ms: int, enabled: Callable[[], bool] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(doc, store, interval_ms, enabled, parent)
        self.journal = journal
        journal.failed.connect(self.failed)

    def _write(self, wait: bool) -> None:
        self.journal.snapshot(wait)

    def _remove(self) -> bool:
        self.journal.clear()  # a failure is told through the journal's ``failed``
        return not self.store.file.exists()

    def finish(self) -> None:
        self.journal.finish()
        super().finish()
