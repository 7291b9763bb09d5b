"""One window per case file: a lock file beside the case (``.NAME.lock``, naming who holds it
and since when) and a stamp of the file as it was read, to notice a change on disk."""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass
from pathlib import Path


def lock_path(path: Path) -> Path:
    path = Path(path)
    return path.with_name(f".{path.name}.lock")


@dataclass(frozen=True)
class LockOwner:
    """Who holds a lock: process, machine, user and when it was taken (seconds since 1970)."""

    pid: int
    host: str
    user: str
    since: float
    token: str = ""

    def describe(self) -> str:
        when = time.strftime("%d %b %Y, %H:%M", time.localtime(self.since)).lstrip("0")
        return f"{self.user or 'someone'} on {self.host or 'an unknown computer'}, since {when}"


def _host() -> str:
    """This machine's name, as ``socket.gethostname`` gives it (without loading ``socket``
    where the system call answers directly)."""
    if hasattr(os, "uname"):
        return os.uname().nodename
    import socket

    return socket.gethostname()


def _user() -> str:
    import getpass

    try:
        return getpass.getuser()
    except Exception:  # no user name known (some containers)
        return ""


def _alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # a process of another user
        return True
    except OSError:
        return False
    return True


def read_owner(path: Path) -> LockOwner | None:
    """The owner written in the lock of ``path``; None when there is no lock or it cannot
    be read (a lock cut off by a kill while it was written)."""
    try:
        data = json.loads(lock_path(path).read_text(encoding="utf-8"))
        return LockOwner(int(data["pid"]), str(data["host"]), str(data["user"]),
                         float(data["since"]), str(data.get("token", "")))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def is_stale(owner: LockOwner | None) -> bool:
    """True for a lock nobody holds any more: unreadable, or left by a process of this
    machine that has ended. A lock from another machine is never judged stale."""
    if owner is None:
        return True
    return owner.host == _host() and not _alive(owner.pid)


class FileLock:
    """The lock one open document holds on its file. Two documents in one process are two
    holders (each has its own token), so a second window of the same app is refused too."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.owner = LockOwner(os.getpid(), _host(), _user(), time.time(), os.urandom(16).hex())
        self.held = False

    def acquire(self) -> LockOwner | None:
        """Take the lock; None when taken, else the live owner that holds it. A stale lock
        is taken over. Without a way to write the lock (a read-only folder) the file is
        still opened: the lock is a courtesy between windows, not a guard."""
        target = lock_path(self.path)
        body = json.dumps({"pid": self.owner.pid, "host": self.owner.host,
                           "user": self.owner.user, "since": self.owner.since,
                           "token": self.owner.token}).encode("utf-8")
        for _ in range(2):
            try:
                fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            except FileExistsError:
                other = read_owner(self.path)
                if other is not None and other.token == self.owner.token:
                    self.held = True
                    return None
                if not is_stale(other):
                    return other
                try:
                    target.unlink()
                except FileNotFoundError:
                    pass
                except OSError:
                    return other
                continue
            except OSError:
                return None
            try:
                os.write(fd, body)
            finally:
                os.close(fd)
            self.held = True
            return None
        return read_owner(self.path)

    def release(self) -> None:
        """Remove the lock if it is still ours (never another holder's)."""
        if not self.held:
            return
        self.held = False
        owner = read_owner(self.path)
        if owner is not None and owner.token == self.owner.token:
            try:
                lock_path(self.path).unlink()
            except OSError:
                pass


@dataclass(frozen=True)
class DiskStamp:
    """A file as it was read or written: size, modification time and a hash of its bytes."""

    size: int
    mtime_ns: int
    digest: str


def stamp(path: Path) -> DiskStamp | None:
    """The stamp of ``path`` now; None when it cannot be read (gone, no permission)."""
    import hashlib

    try:
        data = Path(path).read_bytes()
        info = os.stat(path)
    except OSError:
        return None
    return DiskStamp(len(data), info.st_mtime_ns, hashlib.sha256(data).hexdigest())


def changed_on_disk(path: Path, before: DiskStamp | None) -> bool:
    """True when ``path`` is no longer what was read or last saved by us.
    Size and time first; the hash settles a touch that left the bytes alone."""
    if before is None:
        return False
    try:
        info = os.stat(path)
    except FileNotFoundError:  # removed: writing it again overwrites nobody's work
        return False
    except OSError:
        return True
    if info.st_size == before.size and info.st_mtime_ns == before.mtime_ns:
        return False
    now = stamp(path)
    return now is None or now.digest != before.digest
