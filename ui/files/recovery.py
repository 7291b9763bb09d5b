"""Crash recovery: a snapshot of the open case while it has unsaved changes, offered after a crash.

Each running window is a *session* with these files in the recovery folder:
``<session>.lock`` (a ``QLockFile`` held while the session lives), ``<session>.recovery``
(one header line of JSON, then the case in one compact line of the case format) and the
journal of the edits made since (``<session>.<n>.journal``, see ``sixstep.journal`` and
``ui.files.journal``). They exist only while the case has unsaved changes; saving, undoing
back to the saved state, discarding or closing normally removes them. Work whose session is
gone (its process is not running, or its lock is free) is an *orphan*: a crash left it
behind, and reading it back replays the journal onto the snapshot.
"""

from __future__ import annotations

import json
import os
import secrets
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLockFile, QObject, QStandardPaths, QTimer, Signal

from sixstep.case import Case
from sixstep.caseio import CaseFormatError, atomic_write_bytes, dumps_case, loads_case
from sixstep.journal import JOURNAL_SUFFIX, JournalError, JournalFile, read_journal, replay
from ui.document.document import CaseDocument

SUFFIX = ".recovery"
LOCK_SUFFIX = ".lock"
FORMAT = "problem-workshop-recovery"
DEBOUNCE_MS = 1000
MAX_BYTES = 64 * 1024 * 1024


def default_recovery_dir() -> Path:
    """``<AppDataLocation>/recovery``: Qt's test folder when test mode is on."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base) / "recovery"


@dataclass
class Snapshot:
    """One snapshot file as read back: the case, or the reason it cannot be read."""

    file: Path
    session: str
    title: str = ""
    original_path: Path | None = None
    saved_at: float = 0.0
    pid: int = 0
    host: str = ""
    case: Case | None = None
    error: str = ""
    seq: int | None = None  # the number of edits of its session it holds (None: unknown)
    replayed: int = 0  # edits of the journal applied on top of it
    problem: str = ""  # why the journal could not be replayed to its end

    @property
    def readable(self) -> bool:
        return self.case is not None


def encode_snapshot(case: Case, original_path: Path | None, session: str,
                    saved_at: float | None = None, pid: int | None = None,
                    seq: int | None = None) -> bytes:
    """The header line and the case bytes, ready for one atomic write; ``seq`` is the number
    of edits of the session the case holds (the journal's records after it are replayed)."""
    return (snapshot_header(case.title, original_path, session, saved_at, pid, seq)
            + dumps_case(case, compact=True))


def snapshot_header(title: str, original_path: Path | None, session: str,
                    saved_at: float | None = None, pid: int | None = None,
                    seq: int | None = None) -> bytes:
    """The header line of a snapshot (with its newline); the case's compact bytes follow."""
    header = {
        "format": FORMAT, "version": 1, "session": session,
        "pid": os.getpid() if pid is None else pid, "host": socket.gethostname(),
        "saved_at": time.time() if saved_at is None else saved_at,
        "path": None if original_path is None else str(Path(original_path).absolute()),
        "title": title,
    }
    if seq is not None:
        header["seq"] = seq
    return json.dumps(header, ensure_ascii=True).encode("ascii") + b"\n"


def journal_files(folder: Path, session: str) -> list[Path]:
    """The journal files of ``session``, oldest first."""
    def generation(file: Path) -> int:
        middle = file.name[len(session) + 1: -len(JOURNAL_SUFFIX)]
        return int(middle) if middle.isdigit() else -1
    files = [f for f in folder.glob(f"{session}.*{JOURNAL_SUFFIX}") if generation(f) >= 0]
    return sorted(files, key=generation)


def _read_journals(files: list[Path]) -> list[JournalFile]:
    journals = []
    for file in files:
        try:
            with file.open("rb") as handle:
                journals.append(read_journal(handle.read(MAX_BYTES + 1)))
        except (OSError, JournalError):
            continue  # a journal cut off before its header held no edit yet
    return journals


def read_snapshot(file: Path) -> Snapshot:
    """Read a session's work: its snapshot with the journal replayed onto it, or (no snapshot
    yet) the case a journal starts from, replayed. Never raises: a bad one comes back with
    ``error`` set."""
    snap = Snapshot(file=file, session=file.name[: -len(SUFFIX)])
    journals = _read_journals(journal_files(file.parent, snap.session))
    try:
        failure: Exception | None = None
        if file.exists() or not journals:
            try:
                _read_snapshot_file(snap, file)
            except (OSError, ValueError, KeyError, TypeError, CaseFormatError) as exc:
                failure = exc
        newer = [j for j in journals if j.base is not None
                 and (snap.case is None or (snap.seq is not None and j.start > snap.seq))]
        if newer:
            _read_journal_base(snap, max(newer, key=lambda j: j.start))
        elif failure is not None:
            raise failure
        elif snap.case is None:
            raise ValueError("the journal holds no case to start from")
        if snap.case is not None and snap.seq is not None:
            done = replay(snap.case, snap.seq, journals)
            snap.replayed, snap.problem = done.applied, done.problem
            snap.seq = done.reached
            snap.title = snap.case.title
    except (OSError, ValueError, KeyError, TypeError, CaseFormatError, MemoryError) as exc:
        snap.case = None
        snap.error = str(exc) or type(exc).__name__
    if not snap.saved_at:
        try:
            snap.saved_at = max(f.stat().st_mtime for f in [file, *journal_files(
                file.parent, snap.session)] if f.exists())
        except (OSError, ValueError):
            pass
    return snap


def _read_journal_base(snap: Snapshot, journal: JournalFile) -> None:
    """The case ``journal`` starts from, with its header's details."""
    header = journal.header
    snap.title = str(header.get("title") or "")
    snap.original_path = Path(header["path"]) if header.get("path") else None
    snap.saved_at = float(header.get("saved_at") or 0.0)
    pid = header.get("pid")
    snap.pid = pid if isinstance(pid, int) else 0
    snap.host = str(header.get("host") or "")
    snap.seq = journal.start
    snap.case = loads_case(journal.base or b"")


def _read_snapshot_file(snap: Snapshot, file: Path) -> None:
    with file.open("rb") as handle:
        data = handle.read(MAX_BYTES + 1)
    head, _, body = data.partition(b"\n")
    header = json.loads(head.decode("utf-8"))
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise ValueError("the first line is not a recovery header")
    snap.title = str(header.get("title") or "")
    snap.original_path = Path(header["path"]) if header.get("path") else None
    snap.saved_at = float(header.get("saved_at") or 0.0)
    pid = header.get("pid")
    snap.pid = pid if isinstance(pid, int) else 0
    snap.host = str(header.get("host") or "")
    seq = header.get("seq")
    snap.seq = seq if isinstance(seq, int) and not isinstance(seq, bool) else None
    snap.case = loads_case(body)


def _pid_alive(pid: int) -> bool | None:
    """Whether process ``pid`` runs on this machine; None where we cannot tell cheaply."""
    if pid <= 0 or os.name != "posix":
        return None  # on Windows os.kill would end the process: the lock file decides
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return None
    return True


class RecoveryStore:
    """The recovery folder: this session's snapshot and lock, and the orphans of others."""

    def __init__(self, folder: Path, session: str | None = None) -> None:
        self.folder = Path(folder)
        self.session = session or (
            f"{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}-{secrets.token_hex(3)}")
        self.file = self.folder / f"{self.session}{SUFFIX}"
        self._lock: QLockFile | None = None

    def open(self) -> None:
        """Make the folder and take this session's lock (before any snapshot is written)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        lock = QLockFile(str(self._lock_file(self.session)))
        lock.setStaleLockTime(0)
        if lock.tryLock(0):
            self._lock = lock

    def write(self, case: Case, original_path: Path | None, seq: int | None = None) -> None:
        """Replace this session's snapshot (atomically); raises OSError when it cannot."""
        self.write_bytes(encode_snapshot(case, original_path, self.session, seq=seq))

    def write_bytes(self, data: bytes) -> None:
        """Replace this session's snapshot with ``data`` (``encode_snapshot``), atomically."""
        self.folder.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(self.file, data)

    def journal_file(self, generation: int) -> Path:
        return self.folder / f"{self.session}.{generation}{JOURNAL_SUFFIX}"

    def remove(self) -> None:
        """Drop this session's snapshot and journal: the case is saved, unchanged or
        discarded."""
        self.file.unlink(missing_ok=True)
        for file in journal_files(self.folder, self.session):
            file.unlink(missing_ok=True)

    def close(self) -> None:
        """End the session normally: no snapshot, no lock."""
        self.remove()
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None

    def orphans(self) -> list[Snapshot]:
        """Snapshots of sessions that no longer run: newest first, unreadable ones last."""
        if not self.folder.is_dir():
            return []
        found = []
        sessions = {f.name[: -len(SUFFIX)] for f in self.folder.glob(f"*{SUFFIX}") if f.is_file()}
        sessions |= {f.name.split(".")[0] for f in self.folder.glob(f"*{JOURNAL_SUFFIX}")
                     if not f.name.startswith(".")}
        for session in sorted(sessions - {self.session}):
            snap = read_snapshot(self.folder / f"{session}{SUFFIX}")
            if self._is_orphan(snap):
                found.append(snap)
        for file in self.folder.glob(f"*{LOCK_SUFFIX}"):  # locks of sessions that had no work
            if file.name[: -len(LOCK_SUFFIX)] not in sessions:
                self._release_if_free(file)
        for file in self.folder.glob(f".*{SUFFIX}.*.tmp"):  # a write cut off by the crash
            session = file.name[1:].split(SUFFIX)[0]
            if session != self.session and not self._lock_file(session).exists():
                file.unlink(missing_ok=True)
        return sorted(found, key=lambda s: (not s.readable, -s.saved_at))

    @staticmethod
    def _release_if_free(lock_file: Path) -> bool:
        """Take and drop the lock at ``lock_file`` if no live session holds it (it goes)."""
        lock = QLockFile(str(lock_file))
        lock.setStaleLockTime(0)  # a live session's lock is never stale by age alone
        if lock.tryLock(0):  # a stale lock of a dead process is cleared on the way
            lock.unlock()
            return True
        return False

    def _is_orphan(self, snap: Snapshot) -> bool:
        free = self._release_if_free(self._lock_file(snap.session))  # stale locks go too
        same_host = snap.host in ("", socket.gethostname())
        return free or (same_host and _pid_alive(snap.pid) is False)

    def discard(self, snap: Snapshot) -> None:
        """Delete an orphan's snapshot, journal and any lock it left behind."""
        snap.file.unlink(missing_ok=True)
        for file in journal_files(self.folder, snap.session):
            file.unlink(missing_ok=True)
        self._release_if_free(self._lock_file(snap.session))

    def _lock_file(self, session: str) -> Path:
        return self.folder / f"{session}{LOCK_SUFFIX}"


class Autosaver(QObject):
    """Keeps this session's snapshot in step with the document.

    A change starts a short single-shot timer (not restarted by later changes, so steady typing
    still writes once every ``interval_ms``); when it fires the case is written if it has
    unsaved changes and the snapshot removed if not. Reaching the saved state removes it at
    once. ``flush`` writes now (and returns once it is written); it also runs when the
    application is about to quit. ``finish`` ends autosaving for good and leaves no snapshot.
    Every failure, whatever its type, is reported through ``failed`` in plain words.
    ``ui.files.journal.JournaledAutosaver`` adds the journal of edits and a writer thread.
    """

    failed = Signal(str)  # why a snapshot could not be written

    def __init__(self, doc: CaseDocument, store: RecoveryStore, interval_ms: int = DEBOUNCE_MS,
                 enabled: Callable[[], bool] | None = None, parent: QObject | None = None
                 ) -> None:
        super().__init__(parent)
        self.doc, self.store = doc, store
        self._enabled = enabled or (lambda: True)
        self._finished = False
        self._failing = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._on_timer_timeout)
        doc.undo_stack.indexChanged.connect(self._on_doc_changed)
        doc.undo_stack.cleanChanged.connect(self._on_undo_stack_clean_changed)
        doc.replaced.connect(self._on_doc_changed)
        doc.path_changed.connect(self._on_doc_changed)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self._on_app_about_to_quit)

    # These slots never ask the document anything: a window that is torn down without being
    # closed (tests) still sends the undo stack's last signals while the stack is deleted.
    def _on_doc_changed(self, *args: object) -> None:
        if not self._finished and not self.timer.isActive():
            self.timer.start()

    def _on_undo_stack_clean_changed(self, clean: bool) -> None:
        if self._finished:
            return
        if clean:  # saved, or undone back to the saved state: nothing to keep
            self.timer.stop()
            self._remove()
        elif not self.timer.isActive():
            self.timer.start()

    def _on_app_about_to_quit(self) -> None:
        """Quitting without the window's close (a logout, say): keep what is unsaved."""
        self.flush()
        self.timer.stop()
        self._finished = True

    def _on_timer_timeout(self) -> None:
        self.flush(wait=False)

    def flush(self, wait: bool = True) -> bool:
        """Bring the snapshot up to date now; False when it could not be written (the
        reason went to ``failed``)."""
        self.timer.stop()
        if self._finished or not self._enabled():
            return True
        if not self.doc.is_modified():
            return self._remove()
        try:
            self._write(wait)
        except Exception as exc:  # whatever it is, the user hears of it
            if not self._failing:  # say it once, not once a second
                self.failed.emit(f"Cannot keep a recovery copy: {plain_reason(exc)}")
            self._failing = True
            return False
        self._failing = False
        return True

    def _write(self, wait: bool) -> None:
        self.store.write(self.doc.case, self.doc.path)

    def _remove(self) -> bool:
        try:
            self.store.remove()
        except Exception as exc:
            self.failed.emit(f"Cannot remove the recovery copy: {plain_reason(exc)}")
            return False
        return True

    def finish(self) -> None:
        """The session ends normally (saved or discarded): no more snapshots, none left."""
        self.timer.stop()
        self._finished = True
        try:
            self.store.close()
        except Exception as exc:
            self.failed.emit(f"Cannot remove the recovery copy: {plain_reason(exc)}")


def plain_reason(exc: BaseException) -> str:
    """A failure in a few plain words, whatever its type."""
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    if isinstance(exc, MemoryError):
        return "there is not enough memory"
    if isinstance(exc, UnicodeError):
        return "the case holds text that cannot be written (a broken character)"
    return " ".join(str(exc).split())[:200] or type(exc).__name__
