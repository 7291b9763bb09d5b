"""The recovery journal in the window: every edit is on disk before the next, snapshots reset
it, and every failure (journal, autosave, save, an edit, an error in a slot) is shown in plain
words while nothing is lost and the undo stack stays true to the case."""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer

from sixstep.caseio import dumps_case
from sixstep.edits.base import Edit, EditError, Sequence
from sixstep.edits.criteria import AddCriterion, SetCriterionWeight
from sixstep.edits.fields import InsertItem, SetText
from sixstep.journal import JOURNAL_SUFFIX
from tests.ui.recovery_support import recovery_window
from ui.app.main_window import MainWindow
from ui.files import journal as journal_module
from ui.files.guard import Guard
from ui.files.recovery import read_snapshot


@pytest.fixture
def window(qtbot, tmp_path) -> MainWindow:
    def prepare(w: MainWindow) -> None:
        w.files.show_error = lambda title, text: w.errors.append(f"{title}: {text}")
        w.errors = []

    return recovery_window(qtbot, tmp_path, prepare)  # (only the journal, unless flushed)


def journals(window: MainWindow) -> list[Path]:
    store = window.recovery.store
    return sorted(store.folder.glob(f"{store.session}.*{JOURNAL_SUFFIX}"))


def on_disk(window: MainWindow) -> bytes:
    """What a crash right now would leave to recover."""
    snap = read_snapshot(window.recovery.store.file)
    assert snap.readable and not snap.problem, snap.error or snap.problem
    return dumps_case(snap.case)


def status(window: MainWindow) -> str:
    return window.statusBar().currentMessage()


def test_each_edit_undo_and_redo_is_on_disk_before_the_next(window):
    doc = window.doc
    assert journals(window) == []  # nothing unsaved, nothing kept
    doc.apply(SetText(("title",), "One"))
    assert len(journals(window)) == 1 and not window.recovery.store.file.exists()
    assert on_disk(window) == dumps_case(doc.case)
    doc.apply(AddCriterion("Quiet", "want", 3.0, None, "k99"))
    assert on_disk(window) == dumps_case(doc.case)
    doc.undo_stack.undo()  # the inverse is journaled too
    assert on_disk(window) == dumps_case(doc.case)
    doc.undo_stack.redo()
    doc.apply(InsertItem(("problem", "symptoms"), "Cold fries \U0001f35f"))
    assert on_disk(window) == dumps_case(doc.case)
    window.recovery.journal.wait()


def test_a_snapshot_resets_the_journal_and_saving_removes_everything(window):
    doc = window.doc
    doc.apply(SetText(("title",), "One"))
    assert window.recovery.flush()
    assert journals(window) == [] and window.recovery.store.file.exists()
    doc.apply(SetText(("title",), "Two"))  # a journal on top of the snapshot, no case in it
    (only,) = journals(window)
    assert only.read_bytes().count(b"\n") == 2
    assert on_disk(window) == dumps_case(doc.case)
    assert window.files.save()
    assert journals(window) == [] and not window.recovery.store.file.exists()


def test_a_torn_last_line_is_ignored(window):
    window.doc.apply(SetText(("title",), "Kept"))
    kept = dumps_case(window.doc.case)
    window.recovery.journal.wait()
    with journals(window)[0].open("ab") as handle:
        handle.write(b'{"n":2,"e":{"$c":"SetText","f":{"path":{"$t":["tit')  # killed here
    assert on_disk(window) == kept


def test_save_refreshes_the_recovery_copy_first(window, monkeypatch):
    seen = []

    def save_case(case, path):
        seen.append((on_disk(window), journals(window)))
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr("sixstep.caseio.save_case", save_case)
    window.doc.apply(SetText(("title",), "Before the save"))
    assert not window.files.save()
    assert seen == [(dumps_case(window.doc.case), [])]  # a snapshot, the journal folded in
    assert window.errors and "disk is full" in window.errors[0]


def test_any_save_failure_is_shown_in_a_message(window, monkeypatch):
    def broken(case, path):
        raise UnicodeEncodeError("utf-8", "\ud800", 0, 1, "surrogates not allowed")
    monkeypatch.setattr("sixstep.caseio.save_case", broken)
    window.doc.apply(SetText(("title",), "x"))
    assert not window.files.save()
    assert window.errors and window.errors[0].startswith("Cannot save the case")
    assert window.doc.is_modified()


def test_a_journal_that_cannot_write_says_so_and_keeps_a_snapshot(window, monkeypatch):
    def full(fd, data):
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(journal_module.os, "write", full)
    window.doc.apply(SetText(("title",), "Still kept"))
    assert "No space left on device" in status(window)
    assert "recovery copy is written instead" in status(window)
    monkeypatch.undo()
    assert read_snapshot(window.recovery.store.file).case.title == "Still kept"


def test_an_edit_the_journal_cannot_hold_is_kept_in_a_snapshot(window):
    class Odd(Edit):  # not a registered dataclass: the codec refuses it
        def apply(self, case):
            return SetText(("title",), "Odd").apply(case)
    window.doc.apply(Odd())
    assert "cannot record" in status(window)
    assert on_disk(window) == dumps_case(window.doc.case)


def test_an_autosave_failure_of_any_kind_is_shown(window):
    window.doc.apply(SetText(("title",), "fine"))
    window.doc.case.title = "\ud800"  # a value no file can hold (bypassing the edits)
    assert not window.recovery.flush()
    assert status(window).startswith("Cannot keep a recovery copy")
    assert "broken character" in status(window)


def test_a_failing_edit_changes_neither_the_case_nor_the_undo_stack(window):
    doc = window.doc
    doc.apply(SetText(("title",), "One"))
    before, count, index = dumps_case(doc.case), doc.undo_stack.count(), doc.undo_stack.index()
    seq = window.recovery.journal.seq
    bad = Sequence((SetText(("title",), "Two"), SetCriterionWeight("nope", 2.0)))
    with pytest.raises(EditError):
        doc.apply(bad)
    assert dumps_case(doc.case) == before
    assert (doc.undo_stack.count(), doc.undo_stack.index()) == (count, index)
    assert window.recovery.journal.seq == seq and on_disk(window) == before
    doc.undo_stack.undo()  # and undo still works
    assert doc.case.title != "One"


def test_a_refused_undo_leaves_the_stack_where_it_was(window, qtbot):
    doc = window.doc
    doc.apply(SetText(("title",), "One"))
    command = doc.undo_stack.command(0)
    command.inverse = SetText(("nowhere",), "x")  # an undo the case refuses
    with qtbot.capture_exceptions() as raised:
        doc.undo_stack.undo()
    assert len(raised) == 1 and isinstance(raised[0][1], EditError)
    assert doc.undo_stack.index() == 1 and doc.case.title == "One"
    assert on_disk(window) == dumps_case(doc.case)  # nothing was journaled for it
    command.inverse = SetText(("title",), "Happy")
    doc.undo_stack.undo()
    assert doc.undo_stack.index() == 0 and doc.case.title == "Happy"


def test_an_error_in_a_slot_is_logged_kept_and_shown_and_the_app_goes_on(window, qtbot,
                                                                        caplog):
    guard = Guard(_app(), window.recovery.flush,
                  lambda text: window.statusBar().showMessage(text), window.close)
    window.doc.apply(SetText(("title",), "Unsaved"))
    old = sys.excepthook
    guard.install_excepthook()
    try:
        QTimer.singleShot(0, _boom)
        qtbot.waitUntil(lambda: "Something went wrong" in status(window))
    finally:
        sys.excepthook = old
        guard.deleteLater()
    assert "the slot broke" in status(window) and "recovery copy" in status(window)
    assert "the slot broke" in caplog.text
    assert window.recovery.store.file.exists() and journals(window) == []
    window.doc.apply(SetText(("title",), "Still working"))
    assert on_disk(window) == dumps_case(window.doc.case)


def _app():
    from PySide6.QtWidgets import QApplication
    return QApplication.instance()


def _boom() -> None:
    raise RuntimeError("the slot broke")


def test_a_failed_recovery_write_at_an_ending_signal_asks_before_closing(window):
    asked = []
    guard = Guard(_app(), lambda: False, lambda text: None,
                  lambda: asked.append(True) or False)
    exits = []
    guard.app = type("App", (), {"exit": lambda self, code: exits.append(code)})()
    guard.end_now()
    assert asked == [True] and exits == []  # the user kept the window: the app stays
    guard.keep = lambda: True
    guard.end_now()
    assert exits == [0]
    guard.deleteLater()


def test_journal_files_are_private_to_the_user(window):
    window.doc.apply(SetText(("title",), "Mine"))
    assert os.stat(journals(window)[0]).st_mode & 0o077 == 0


def test_an_error_while_closing_keeps_the_window_open(window, qtbot):
    window.show()
    window.doc.apply(SetText(("title",), "Unsaved"))

    def broken() -> bool:
        raise RuntimeError("the question broke")
    window.files.maybe_save = broken
    with qtbot.capture_exceptions(), pytest.raises(RuntimeError, match="the question broke"):
        window.close()  # from the event loop, the error goes to the app's excepthook
    assert window.isVisible()
    assert on_disk(window) == dumps_case(window.doc.case)  # kept before the question
    window.files.maybe_save = lambda: True
