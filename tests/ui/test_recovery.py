"""Crash recovery: unsaved work is autosaved while a case is open and offered after a crash."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from sample_cases import read_sample
from sixstep.caseio import dumps_case, load_case, loads_case
from sixstep.file_lock import lock_path
from ui.app.app import build_window
from ui.app.main_window import MainWindow
from ui.common.settings import AppSettings
from ui.files.recovery import SUFFIX, encode_snapshot, read_snapshot

LEFT = Qt.MouseButton.LeftButton
CTRL = Qt.KeyboardModifier.ControlModifier
DEAD_PID = 2**31 - 3  # above any pid_max: no such process
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def folder(tmp_path) -> Path:
    return tmp_path / "recovery"


@pytest.fixture
def sample_file(tmp_path) -> Path:
    path = tmp_path / "burgers.case.json"
    path.write_bytes(read_sample("happy_burgers"))
    return path


@pytest.fixture
def make_window(qtbot, folder):
    def make() -> MainWindow:
        w = MainWindow(AppSettings.in_memory(), recovery_dir=folder)
        w.files.ask_save_changes = lambda: "discard"  # teardown closes the window
        w.recovery.ask_discard = lambda snap: True
        w.recovery.autosaver.timer.setInterval(20)
        qtbot.addWidget(w)
        w.show()
        w.activateWindow()
        qtbot.waitExposed(w)
        qtbot.waitUntil(lambda: QApplication.activeWindow() is w)  # shortcuts go to it
        return w
    return make


def snapshots(folder: Path) -> list[Path]:
    return sorted(folder.glob(f"*{SUFFIX}")) if folder.is_dir() else []


def type_title(qtbot, window: MainWindow, text: str) -> None:
    field = window.workspace.page(1).title_field
    qtbot.mouseClick(field, LEFT)
    field.setFocus()
    field.end(False)
    qtbot.keyClicks(field, text)


def wait_for_snapshot(qtbot, window: MainWindow) -> Path:
    """Until this window's snapshot holds exactly the case on screen."""
    file = window.recovery.store.file
    want = dumps_case(window.doc.case)

    def current() -> bool:
        snap = read_snapshot(file) if file.exists() else None
        return snap is not None and snap.readable and dumps_case(snap.case) == want
    qtbot.waitUntil(current, timeout=3000)
    return file


def mark_dead(file: Path) -> None:
    """What a crash leaves: the snapshot's process is gone (a pid no process has)."""
    head, _, body = file.read_bytes().partition(b"\n")
    header = json.loads(head)
    header["pid"] = DEAD_PID
    file.write_bytes(json.dumps(header).encode() + b"\n" + body)


def mark_dead_lock(case_file: Path) -> None:
    """The crash's other trace: the lock beside the file names a process that is gone."""
    lock = lock_path(case_file)
    lock.write_text(lock.read_text(encoding="utf-8").replace(
        f'"pid": {os.getpid()},', f'"pid": {DEAD_PID},'), encoding="utf-8")


def test_typing_keeps_a_snapshot_that_loads_to_the_same_case(qtbot, make_window, sample_file):
    window = make_window()
    window.files.open_path(sample_file)
    assert snapshots(window.recovery.store.folder) == []  # nothing unsaved, nothing kept
    type_title(qtbot, window, " at night")
    file = wait_for_snapshot(qtbot, window)
    snap = read_snapshot(file)
    assert snap.case.title.endswith(" at night")
    assert dumps_case(snap.case) == dumps_case(window.doc.case)
    assert snap.original_path == sample_file.absolute()
    assert snap.title == window.doc.case.title
    assert snapshots(file.parent) == [file]
    type_title(qtbot, window, " again")
    wait_for_snapshot(qtbot, window)
    assert read_snapshot(file).case.title.endswith(" at night again")


def test_a_flush_writes_at_once_without_waiting(qtbot, make_window):
    window = make_window()
    window.recovery.autosaver.timer.setInterval(60_000)
    qtbot.mouseClick(window.start_screen.new_button, LEFT)
    type_title(qtbot, window, "Late orders")
    assert not window.recovery.store.file.exists()
    window.recovery.autosaver.flush()  # what aboutToQuit does
    assert read_snapshot(window.recovery.store.file).case.title == "Late orders"


def test_saving_or_undoing_to_the_saved_state_removes_the_snapshot(qtbot, make_window,
                                                                   sample_file):
    window = make_window()
    window.files.open_path(sample_file)
    type_title(qtbot, window, "!")
    file = wait_for_snapshot(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert not window.doc.is_modified()
    assert not file.exists()
    type_title(qtbot, window, "?")
    wait_for_snapshot(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_S, CTRL)
    assert not window.doc.is_modified()
    assert not file.exists()
    assert load_case(sample_file).title.endswith("?")


def test_closing_normally_leaves_nothing_behind(qtbot, make_window, folder):
    window = make_window()
    qtbot.mouseClick(window.start_screen.new_button, LEFT)
    type_title(qtbot, window, "Discard me")
    wait_for_snapshot(qtbot, window)
    window.recovery.autosaver.timer.setInterval(60_000)
    type_title(qtbot, window, "!")
    asked = []

    def cancel_but_look() -> str:
        asked.append(read_snapshot(window.recovery.store.file).case.title)
        return "cancel"
    window.files.ask_save_changes = cancel_but_look
    assert not window.close()  # while the question waits, the last key is already kept
    assert asked == ["Discard me!"]
    window.files.ask_save_changes = lambda: "discard"
    assert window.close()
    assert list(folder.iterdir()) == []  # no snapshot and no lock
    type_title(qtbot, window, " more")  # a closed session writes nothing more
    window.recovery.autosaver.flush()
    assert list(folder.iterdir()) == []


def test_after_a_crash_the_work_is_offered_and_recovered_as_unsaved(
        qtbot, make_window, sample_file):
    original = sample_file.read_bytes()
    first = make_window()
    first.files.open_path(sample_file)
    type_title(qtbot, first, " (crashed)")
    file = wait_for_snapshot(qtbot, first)
    mark_dead(file)
    mark_dead_lock(sample_file)

    second = make_window()
    panel = second.start_screen.recovery_panel
    assert panel.isVisible()
    assert [row.snapshot.file for row in panel.rows] == [file]
    row = panel.rows[0]
    shown = row.accessibleName()
    assert first.doc.case.title in shown and sample_file.name in shown
    qtbot.mouseClick(row.recover_button, LEFT)

    assert not second.on_start_screen()
    assert dumps_case(second.doc.case) == dumps_case(first.doc.case)
    assert second.doc.is_modified() and second.isWindowModified()
    assert second.windowTitle().startswith(sample_file.name)
    assert second.doc.path == sample_file.absolute()
    assert sample_file.read_bytes() == original  # never written behind the user's back
    assert not file.exists()  # the orphan is gone ...
    assert read_snapshot(second.recovery.store.file).readable  # ... its work is in ours
    assert not panel.isVisible()
    qtbot.keyClick(second, Qt.Key.Key_S, CTRL)  # saves back where it came from
    assert load_case(sample_file).title.endswith(" (crashed)")
    assert not second.recovery.store.file.exists()


def test_a_live_session_is_not_offered(qtbot, make_window):
    first = make_window()
    qtbot.mouseClick(first.start_screen.new_button, LEFT)
    type_title(qtbot, first, "Still running")
    wait_for_snapshot(qtbot, first)
    second = make_window()
    assert second.start_screen.recovery_panel.snapshots() == []


def test_discard_removes_the_snapshot_and_cancel_keeps_it(qtbot, make_window, folder):
    folder.mkdir()
    case = loads_case(read_sample("happy_burgers"))
    file = folder / f"old-session{SUFFIX}"
    file.write_bytes(encode_snapshot(case, None, "old-session", pid=DEAD_PID))
    window = make_window()
    panel = window.start_screen.recovery_panel
    assert "never saved" in panel.rows[0].accessibleName()
    window.recovery.ask_discard = lambda snap: False
    qtbot.mouseClick(panel.rows[0].discard_button, LEFT)
    assert file.exists() and panel.isVisible()
    window.recovery.ask_discard = lambda snap: True
    qtbot.mouseClick(panel.rows[0].discard_button, LEFT)
    assert not file.exists()
    assert not panel.isVisible()
    assert window.on_start_screen() and not window.doc.is_modified()


def test_an_unreadable_snapshot_is_listed_and_can_be_discarded(qtbot, make_window, folder):
    folder.mkdir()
    bad = folder / f"broken{SUFFIX}"
    bad.write_bytes(b'{"format": "problem-workshop-recovery", "pid": 1}\n{"title": ')
    window = make_window()
    panel = window.start_screen.recovery_panel
    assert len(panel.rows) == 1
    row = panel.rows[0]
    assert row.accessibleName().startswith("Unreadable recovery file")
    assert row.recover_button.isHidden()
    qtbot.mouseClick(window.start_screen.new_button, LEFT)  # past the offer: a reminder
    assert "Ctrl+Shift+H" in window.statusBar().currentMessage()
    qtbot.keyClick(window, Qt.Key.Key_H, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert window.on_start_screen()
    qtbot.mouseClick(row.discard_button, LEFT)
    assert not bad.exists()
    assert not panel.isVisible()


def test_recovering_asks_first_about_the_case_on_screen(qtbot, make_window, folder):
    folder.mkdir()
    case = loads_case(read_sample("happy_burgers"))
    file = folder / f"old{SUFFIX}"
    file.write_bytes(encode_snapshot(case, None, "old", pid=DEAD_PID))
    window = make_window()
    qtbot.mouseClick(window.start_screen.new_button, LEFT)
    type_title(qtbot, window, "Current work")
    window.files.ask_save_changes = lambda: "cancel"
    window.show_start_screen()
    qtbot.mouseClick(window.start_screen.recovery_panel.rows[0].recover_button, LEFT)
    assert window.doc.case.title == "Current work"  # cancelled: nothing replaced
    assert file.exists()
    window.files.ask_save_changes = lambda: "discard"


def test_a_real_crash_leaves_work_that_the_next_start_offers(qtbot, make_window, folder):
    """A child process edits a case, lets the autosaver write and dies without closing."""
    script = textwrap.dedent(f"""
        import os
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from pathlib import Path
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from ui.app.main_window import MainWindow
        from ui.common.settings import AppSettings
        w = MainWindow(AppSettings.in_memory(), recovery_dir=Path({str(folder)!r}))
        w.files.new_blank()
        w.workspace.page(1).title_field.textEdited.emit("Lost in a power cut")
        w.recovery.autosaver.flush()
        os._exit(1)
    """)
    subprocess.run([sys.executable, "-c", script], cwd=ROOT, check=False, timeout=60)
    assert len(snapshots(folder)) == 1 and len(list(folder.glob("*.lock"))) == 1
    crashed = snapshots(folder)[0].name[: -len(SUFFIX)]
    (folder / f".{crashed}{SUFFIX}.x1y2.tmp").write_bytes(b"half a wri")  # cut-off write
    window = make_window()
    rows = window.start_screen.recovery_panel.rows
    assert [row.snapshot.title for row in rows] == ["Lost in a power cut"]
    qtbot.mouseClick(rows[0].recover_button, LEFT)
    assert window.doc.case.title == "Lost in a power cut"
    assert window.doc.path is None and window.doc.is_modified()
    own = window.recovery.store.session
    assert sorted(p.name for p in folder.iterdir()) == [f"{own}.lock", f"{own}{SUFFIX}"]


def test_no_recovery_without_a_folder_or_when_not_interactive(qtbot, tmp_path):
    plain = MainWindow(AppSettings.in_memory())
    plain.files.ask_save_changes = lambda: "discard"
    qtbot.addWidget(plain)
    assert plain.recovery.store is None
    assert not plain.start_screen.recovery_panel.isVisibleTo(plain)
    shot = build_window(None, None, False, interactive=False, settings=AppSettings.in_memory())
    qtbot.addWidget(shot)
    assert shot.recovery.store is None
    quiet = MainWindow(AppSettings.in_memory(), recovery_dir=tmp_path / "r")
    quiet.files.ask_save_changes = lambda: "discard"
    quiet.files.interactive = False
    qtbot.addWidget(quiet)
    quiet.files.new_blank()
    quiet.workspace.page(1).title_field.textEdited.emit("Batch")
    quiet.recovery.autosaver.flush()
    assert snapshots(tmp_path / "r") == []
    QApplication.processEvents()
