"""Writes that never lie: a temporary file beside the target, filled, checked, synced, renamed.

Every save, export and report goes through ``write_file`` (or ``write_bytes``). The previous
file is replaced only by a complete, checked new one; on any failure the temporary file goes,
the previous file stays as it was, and a ``WriteError`` says in one plain line which of the
user's files could not be written and why. Writing through a symbolic link writes the file it
points to and keeps the link. Temporary files are named ``.NAME.PID-XXXXXXXX.tmp``; those a
killed process left behind are cleared on the next write into that folder.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

__all__ = [
    "STALE_AFTER", "WriteError", "check_pdf", "check_png", "check_svg", "check_target",
    "clean_stale_temps", "failure_message", "write_bytes", "write_file",
]

STALE_AFTER = 60.0  # seconds: no write of ours takes this long without touching its file
_TEMP = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)-[A-Za-z0-9_]{8}\.tmp$")
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_PNG_END = b"\x00\x00\x00\x00IEND\xaeB`\x82"
_CUT_SHORT = "the file came out incomplete (is the disk full?)"
_REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk is full (the quota is used up)",
    errno.EFBIG: "the disk is full (or the file is larger than the system allows)",
    errno.EACCES: "permission denied (the folder or the file is read-only)",
    errno.EPERM: "permission denied (the folder or the file is read-only)",
    errno.EROFS: "the disk is read-only",
    errno.EISDIR: "a folder of that name is in the way",
    errno.ENOTDIR: "a part of its folder path is a file, not a folder",
    errno.ENAMETOOLONG: "the name is too long",
    errno.ELOOP: "its symbolic links go round in a loop",
    errno.EIO: "the disk reported an error",
    errno.EBUSY: "the file is in use",
    errno.ETXTBSY: "the file is in use",
}


class WriteError(OSError):
    """One of the user's files could not be written: ``str()`` is one plain line."""

    def __init__(self, path: str | os.PathLike[str], reason: str,
                 code: int | None = None) -> None:
        self.path = Path(path)
        self.reason = reason.strip().rstrip(".") or "an unknown error"
        message = f"Could not write {self.path.name}: {self.reason}."
        super().__init__(message)
        self.errno = code
        self.strerror = message

    def __str__(self) -> str:
        return self.strerror or ""


def _reason(exc: BaseException, path: Path, temp: Path | None = None) -> str:
    code = getattr(exc, "errno", None)
    if code == errno.ENOENT:
        folder = path.parent if str(path.parent) else Path(".")
        return f"the folder {folder} does not exist"
    if code in _REASONS:
        return _REASONS[code]
    text = (getattr(exc, "strerror", None) or str(exc) or type(exc).__name__).strip()
    if temp is not None:
        text = text.replace(str(temp), path.name).replace(temp.name, path.name)
    text = " ".join(text.split()) or type(exc).__name__
    return text[:1].lower() + text[1:]


def failure_message(path: str | os.PathLike[str], exc: BaseException) -> str:
    """One plain line for any failure to write ``path``."""
    if isinstance(exc, WriteError):
        return str(exc)
    if isinstance(exc, MemoryError):
        return str(WriteError(path, "there is not enough memory"))
    return str(WriteError(path, _reason(exc, Path(path))))


# -- checks: each returns why the file is not right, or None ------------------------------------
def _ends(path: Path, size: int) -> tuple[bytes, bytes, int]:
    with open(path, "rb") as handle:
        head = handle.read(size)
        length = handle.seek(0, os.SEEK_END)
        handle.seek(max(0, length - size))
        return head, handle.read(size), length


def check_png(path: Path) -> str | None:
    head, tail, _ = _ends(path, 16)
    if not head.startswith(_PNG_SIGNATURE) or not tail.endswith(_PNG_END):
        return _CUT_SHORT
    return None


def check_pdf(path: Path) -> str | None:
    head, tail, _ = _ends(path, 1024)
    if not head.startswith(b"%PDF-") or b"%%EOF" not in tail:
        return _CUT_SHORT
    return None


def check_svg(path: Path) -> str | None:
    from xml.etree import ElementTree  # only after an SVG export

    try:
        root = ElementTree.parse(path).getroot()
    except ElementTree.ParseError:
        return _CUT_SHORT
    return None if root.tag.rpartition("}")[2] == "svg" else "the drawing is not an SVG"


def _check_equals(data: bytes) -> Callable[[Path], str | None]:
    def check(path: Path) -> str | None:
        with open(path, "rb") as handle:
            written = handle.read(len(data) + 1)
        return None if written == data else _CUT_SHORT
    return check


# -- stale temporary files -------------------------------------------------------------------
def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's live process
    except (OverflowError, ValueError):
        return False  # a number no process has
    return True


def clean_stale_temps(folder: str | os.PathLike[str], now: float | None = None) -> list[Path]:
    """Remove our temporary files in ``folder`` older than ``STALE_AFTER`` seconds whose
    process is gone (a kill during a write leaves one); returns the files removed."""
    now = time.time() if now is None else now
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        match = _TEMP.match(entry.name)
        if match is None:
            continue
        try:
            info = entry.stat(follow_symlinks=False)
            if (not stat.S_ISREG(info.st_mode) or now - info.st_mtime < STALE_AFTER
                    or _alive(int(match["pid"]))):
                continue
            os.unlink(entry.path)
        except OSError:
            continue
        removed.append(Path(entry.path))
    return removed


# -- writing ---------------------------------------------------------------------------------
def _real_target(path: Path) -> Path:
    """The file to replace: a symbolic link's target (the link stays), else ``path``."""
    if path.is_symlink():
        return Path(os.path.realpath(path))
    return path


def _mode_for(target: Path) -> int:
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _sync_folder(folder: Path) -> None:
    try:
        dir_fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)


def check_target(path: str | os.PathLike[str]) -> Path:
    """The file a write to ``path`` replaces (a link's target); a ``WriteError`` at once when
    its folder is missing or a folder stands in its place, before any costly rendering."""
    path = Path(path)
    target = _real_target(path)
    folder = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise WriteError(path, _REASONS[errno.EISDIR], errno.EISDIR)
    if not folder.exists():
        raise WriteError(path, f"the folder {folder} does not exist", errno.ENOENT)
    if not folder.is_dir():
        raise WriteError(path, _REASONS[errno.ENOTDIR], errno.ENOTDIR)
    return target


def write_file(path: str | os.PathLike[str], fill: Callable[[Path], None],
               check: Callable[[Path], str | None] | None = None) -> None:
    """Let ``fill(temp)`` write a temporary file beside ``path``, ``check(temp)`` it (a reason
    it is not right, or None), sync it and rename it over ``path``.

    Raises ``WriteError`` for any failure to write; other errors from ``fill`` (a picture too
    large...) pass through unchanged. Either way the previous file is left as it was.
    """
    path = Path(path)
    target = check_target(path)
    folder = target.parent if str(target.parent) else Path(".")
    clean_stale_temps(folder)
    mode = _mode_for(target)
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}-", suffix=".tmp",
                                    dir=folder)
        os.close(fd)
    except OSError as exc:
        raise WriteError(path, _reason(exc, path), exc.errno) from exc
    temp = Path(name)
    try:
        fill(temp)
        reason = check(temp) if check is not None else None
        if reason is not None:
            raise WriteError(path, reason)
        with open(temp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.chmod(temp, mode)
        os.replace(temp, target)
    except BaseException as exc:
        try:
            os.unlink(temp)
        except OSError:
            pass
        if isinstance(exc, OSError) and not isinstance(exc, WriteError):
            raise WriteError(path, _reason(exc, path, temp), exc.errno) from exc
        raise
    _sync_folder(folder)


def write_bytes(path: str | os.PathLike[str], data: bytes,
                check: Callable[[Path], str | None] | None = None) -> None:
    """Write ``data`` to ``path`` atomically: the file must hold exactly ``data`` (and pass
    ``check``, a format check, when given) before it replaces the previous one."""
    same = _check_equals(data)

    def check_all(temp: Path) -> str | None:
        return same(temp) or (check(temp) if check is not None else None)

    def fill(temp: Path) -> None:
        temp.write_bytes(data)

    write_file(path, fill, check_all)
