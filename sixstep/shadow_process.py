"""The recovery copy of the case kept in a process of its own, which also writes the snapshot
file, so that neither encoding nor writing it holds the interpreter lock of the app.

``ShadowProcess`` is the app's side (used from one thread, the recovery writer): it passes
the copy's steps (``sixstep.shadow``) with each request to write a snapshot. ``main`` is the
other side, run as ``python -m sixstep.shadow_process``: it reads requests on its standard
input, answers each on its standard output, and ends when its input closes (so it never
outlives the app). Messages are pickled, each after its length; both ends are this code.
When the process cannot be started, the copy is kept and written in the caller's thread.
"""

from __future__ import annotations

import os
import pickle
import struct
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from sixstep.caseio import atomic_write_bytes
from sixstep.shadow import Base, Fingerprint, ShadowCase, ShadowError, Step

_LENGTH = struct.Struct(">Q")


@dataclass(frozen=True)
class Request:
    """Write the copy, once it took ``steps``, to ``target`` after the line ``header``;
    ``expected`` (the real case's ``fingerprint``) checks it first."""

    steps: list[Step]
    expected: Fingerprint | None
    target: str
    header: bytes


def _send(stream: IO[bytes], message: object) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_LENGTH.pack(len(data)) + data)
    stream.flush()


def _receive(stream: IO[bytes]) -> Any:
    """The next message; EOFError when the other side has gone."""
    head = stream.read(_LENGTH.size)
    if len(head) < _LENGTH.size:
        raise EOFError("the other side has gone")
    size = _LENGTH.unpack(head)[0]
    data = stream.read(size)
    if len(data) < size:
        raise EOFError("the other side has gone")
    return pickle.loads(data)


def write_snapshot(shadow: ShadowCase, request: Request) -> None:
    """Bring the copy up to date and write it atomically (ShadowError when it went astray;
    the write's own errors as they come)."""
    shadow.follow(request.steps)
    data = request.header + shadow.encoded(request.expected)
    target = Path(request.target)
    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(target, data)


def _portable(exc: Exception) -> Exception:
    """``exc`` as it can cross to the other process (an OSError keeps its number and words)."""
    if isinstance(exc, OSError):
        return OSError(exc.errno, exc.strerror or str(exc))
    try:
        return pickle.loads(pickle.dumps(exc))  # type: ignore[no-any-return]
    except Exception:
        return ValueError(str(exc) or type(exc).__name__)


def answer(shadow: ShadowCase, request: Request) -> tuple[str, object]:
    """One request's reply: ("ok", None), ("lost", why) or ("error", the exception)."""
    try:
        write_snapshot(shadow, request)
    except ShadowError as exc:
        return "lost", str(exc)
    except Exception as exc:  # the app reports it, as it would its own
        return "error", _portable(exc)
    return "ok", None


def main() -> None:
    """The process's side: one reply for each request, until the input closes."""
    if hasattr(os, "nice"):
        try:
            os.nice(10)  # where the cores are few, the app's own work goes first
        except OSError:
            pass
    shadow = ShadowCase()
    source, sink = sys.stdin.buffer, sys.stdout.buffer
    while True:
        try:
            request = _receive(source)
        except EOFError:
            return
        _send(sink, answer(shadow, request))


class ShadowProcess:
    """The app's side: the copy in its own process, or in this thread when it cannot be."""

    def __init__(self) -> None:
        self._process: subprocess.Popen[bytes] | None = None
        self._local: ShadowCase | None = None  # the copy kept here instead
        self._held: list[Step] = []  # steps not yet sent

    def follow(self, steps: list[Step]) -> None:
        """Take steps without writing (they go with the next request)."""
        for step in steps:
            if isinstance(step, Base):
                self._held = []
            self._held.append(step)

    def write(self, steps: list[Step], expected: Fingerprint | None, target: Path,
              header: bytes) -> None:
        """Write the copy after ``steps``: ShadowError when it went astray or its process
        died (it must start again from a ``Base``); the write's error when writing failed."""
        self.follow(steps)
        request = Request(self._held, expected, str(target), header)
        self._held = []
        if self._local is not None:
            write_snapshot(self._local, request)
            return
        process = self._running()
        if process is None:
            self._local = ShadowCase()
            write_snapshot(self._local, request)
            return
        assert process.stdin is not None and process.stdout is not None
        try:
            _send(process.stdin, request)
            kind, value = _receive(process.stdout)
        except (OSError, EOFError, pickle.PickleError, ValueError) as exc:
            self.close()
            raise ShadowError(f"the copy's process stopped: {exc}") from exc
        if kind == "lost":
            raise ShadowError(str(value))
        if kind != "ok":
            raise value if isinstance(value, BaseException) else ShadowError(str(value))

    def _running(self) -> subprocess.Popen[bytes] | None:
        if self._process is not None and self._process.poll() is None:
            return self._process
        if getattr(sys, "frozen", False) or not sys.executable:
            return None  # a bundled app's executable is the app itself, not Python
        root = str(Path(__file__).resolve().parent.parent)
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
        try:
            self._process = subprocess.Popen(
                [sys.executable, "-m", "sixstep.shadow_process"], stdin=subprocess.PIPE,
                stdout=subprocess.PIPE, env=env, cwd=root,
                creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0))
        except (OSError, ValueError):
            self._process = None
        return self._process

    def close(self) -> None:
        """End the process (it ends by itself when its input closes)."""
        process, self._process = self._process, None
        self._held = []
        if self._local is not None:
            self._local.drop()
        if process is None:
            return
        try:
            if process.stdin is not None:
                process.stdin.close()
            process.wait(timeout=5)
        except (OSError, subprocess.TimeoutExpired):
            process.kill()
            process.wait()
        finally:
            if process.stdout is not None:
                process.stdout.close()


if __name__ == "__main__":
    main()
