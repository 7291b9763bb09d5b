"""The recovery writer: one worker thread running file jobs in the order they were given."""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable

from ui.files.recovery import plain_reason


class Job:
    """One piece of work for the writer; ``done`` is set once it ran, ``error`` if it failed."""

    def __init__(self, work: Callable[[], None], what: str) -> None:
        self.work, self.what = work, what
        self.error: BaseException | None = None
        self.done = threading.Event()


class Writer:
    """One worker thread running file jobs in order; it never touches a Qt object.

    Jobs run one at a time in the order submitted, so a later snapshot is always written after
    an earlier one and never overwritten by it. A job's failure is told to ``failed`` (from
    the worker thread: it must only emit a queued signal) as ``what: reason``, unless ``what``
    is empty (the submitter waits for the job and reads its ``error``).
    """

    def __init__(self, failed: Callable[[str], None]) -> None:
        self._failed = failed
        self._jobs: queue.Queue[Job | None] = queue.Queue()
        self._thread: threading.Thread | None = None

    def submit(self, work: Callable[[], None], what: str) -> Job:
        job = Job(work, what)
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="recovery-writer",
                                            daemon=True)
            self._thread.start()
        self._jobs.put(job)
        return job

    def wait(self) -> None:
        """Until every job submitted so far has run."""
        self.submit(lambda: None, "").done.wait()

    def _run(self) -> None:
        while True:
            job = self._jobs.get()
            if job is None:
                return
            try:
                job.work()
            except BaseException as exc:  # every failure is reported, whatever its type
                job.error = exc
                if job.what:
                    self._failed(f"{job.what}: {plain_reason(exc)}")
            finally:
                job.done.set()
