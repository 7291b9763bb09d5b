"""The recovery snapshot made from the writer's own copy of the case: after any run of edits it
equals the case, a later snapshot is never overwritten by an earlier one, quitting waits for
the write, a write error reaches the status bar, and a copy gone astray is made again."""

from __future__ import annotations

import errno
import json
import threading
from pathlib import Path

import pytest

import sixstep.shadow_process as shadow_process
from sample_cases import read_sample
from sixstep.caseio import dumps_case, loads_case
from sixstep.edits.criteria import AddCriterion, SetCriterionWeight
from sixstep.edits.fields import InsertItem, SetText
from sixstep.edits.scores import SetScore
from sixstep.shadow import ShadowCase
from tests.ui.recovery_support import recovery_window
from ui.app.main_window import MainWindow


@pytest.fixture
def window(qtbot, tmp_path) -> MainWindow:
    w = recovery_window(qtbot, tmp_path)
    yield w
    w.recovery.session_closed()


def in_thread(window: MainWindow) -> None:
    """Keep the copy in the writer thread (so a test can hold its write)."""
    window.recovery.journal.shadow._local = ShadowCase()


def snapshot_file(window: MainWindow) -> tuple[int, bytes]:
    """The snapshot file alone (no journal replayed on it): its edit count and case bytes."""
    head, _, body = window.recovery.store.file.read_bytes().partition(b"\n")
    return json.loads(head)["seq"], dumps_case(loads_case(body))


def current(window: MainWindow) -> tuple[int, bytes]:
    return window.recovery.journal.seq, dumps_case(window.doc.case)


def status(window: MainWindow) -> str:
    return window.statusBar().currentMessage()


def some_edits(window: MainWindow, n: int, criterion_id: str = "k99") -> None:
    doc = window.doc
    case = doc.case
    alternative = case.alternatives[0].id
    criterion = next(c.id for c in case.criteria if c.kind == "want")
    for i in range(n):
        doc.apply(SetText(("title",), f"Late orders {i}"))
        doc.apply(InsertItem(("problem", "symptoms"), f"Cold fries {i} \U0001f35f"))
        doc.apply(SetScore(alternative, criterion, float(1 + i % 9)))
        if i % 3 == 0:
            doc.undo_stack.undo()
        if i % 5 == 0:
            doc.undo_stack.redo()
    doc.apply(AddCriterion("Quiet", "want", 3.0, None, criterion_id))
    doc.apply(SetCriterionWeight(criterion_id, 4.0))


def test_after_a_run_of_edits_the_snapshot_equals_the_case(window, qtbot):
    some_edits(window, 12)
    window.recovery.autosave()  # the timer's way: handed over, not waited for
    window.recovery.wait()
    assert snapshot_file(window) == current(window)
    some_edits(window, 7, "k98")  # the copy follows on from the snapshot it wrote
    assert window.recovery.flush()
    assert snapshot_file(window) == current(window)


def test_the_copy_starts_again_after_another_case_is_opened(window, tmp_path):
    some_edits(window, 2)
    assert window.recovery.flush()
    other = tmp_path / "other.case.json"
    other.write_bytes(read_sample("happy_burgers"))
    assert window.files.open_path(other)
    window.doc.apply(SetText(("title",), "The other one"))
    assert window.recovery.flush()
    assert snapshot_file(window) == current(window)


def test_a_later_snapshot_is_never_overwritten_by_an_earlier_one(window, monkeypatch):
    in_thread(window)
    writes: list[bytes] = []
    first_held, release = threading.Event(), threading.Event()
    write = shadow_process.atomic_write_bytes

    def held(target: Path, data: bytes) -> None:
        if not writes:
            first_held.set()
            release.wait(10)
        writes.append(data)
        write(target, data)
    monkeypatch.setattr(shadow_process, "atomic_write_bytes", held)
    window.doc.apply(SetText(("title",), "Earlier"))
    window.recovery.autosave()
    assert first_held.wait(10)  # the earlier snapshot is being written ...
    window.doc.apply(SetText(("title",), "Later"))
    window.recovery.autosave()  # ... when the later one is handed over
    release.set()
    window.recovery.wait()
    assert len(writes) == 2 and b"Earlier" in writes[0] and b"Later" in writes[1]
    assert snapshot_file(window) == current(window)


def test_quitting_waits_for_the_snapshot_being_written(window, monkeypatch):
    in_thread(window)
    started, done = threading.Event(), threading.Event()
    write = shadow_process.atomic_write_bytes

    def slow(target: Path, data: bytes) -> None:
        started.set()
        threading.Event().wait(0.2)  # a slow disk
        write(target, data)
        done.set()
    monkeypatch.setattr(shadow_process, "atomic_write_bytes", slow)
    window.doc.apply(SetText(("title",), "Unsaved at the logout"))
    window.recovery.autosave()
    assert started.wait(10)
    window.recovery.autosaver._on_app_about_to_quit()  # what aboutToQuit runs
    assert done.is_set()
    assert snapshot_file(window) == current(window)


def test_a_write_error_on_the_writer_reaches_the_status_bar(window, qtbot):
    window.doc.apply(SetText(("title",), "Nowhere to go"))
    window.recovery.store.file.mkdir(parents=True)  # a folder where the snapshot goes
    window.recovery.autosave()
    qtbot.waitUntil(lambda: status(window).startswith("Cannot keep a recovery copy"))
    assert "a folder of that name is in the way" in status(window)
    assert not window.recovery.flush()  # and a flush that waits says so too
    window.recovery.store.file.rmdir()
    assert window.recovery.flush()
    assert snapshot_file(window) == current(window)


def test_a_write_error_in_the_thread_reaches_the_status_bar(window, qtbot, monkeypatch):
    in_thread(window)

    def full(target: Path, data: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(shadow_process, "atomic_write_bytes", full)
    window.doc.apply(SetText(("title",), "Disk full"))
    window.recovery.autosave()
    qtbot.waitUntil(lambda: "No space left on device" in status(window))


def test_a_copy_gone_astray_is_made_again_from_the_case(window, qtbot):
    window.doc.apply(SetText(("title",), "Through an edit"))
    window.doc.case.title = "Behind the edits' back"  # the copy cannot know of this
    window.recovery.autosave()
    window.recovery.wait()
    qtbot.waitUntil(lambda: not window.recovery.journal._shadowed)  # word came back
    window.recovery.autosave()  # so the next snapshot is made from the case itself
    window.recovery.wait()
    assert snapshot_file(window) == current(window)
    window.doc.case.title = "Again"
    assert window.recovery.flush()  # a flush that waits makes it again at once
    assert snapshot_file(window) == current(window)


def test_a_copy_whose_process_died_is_made_again(window):
    window.doc.apply(SetText(("title",), "First"))
    assert window.recovery.flush()
    process = window.recovery.journal.shadow._process
    assert process is not None  # the copy lives in its own process
    process.kill()
    process.wait()
    window.doc.apply(SetText(("title",), "After the process died"))
    assert window.recovery.flush()
    assert snapshot_file(window) == current(window)
