"""Two windows on one case file never overwrite each other: the second is offered a read-only
view or a copy, a save notices a change on disk and asks, and closing lets the file go."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from sample_cases import read_sample
from sixstep.caseio import dumps_case, load_case
from sixstep.file_lock import lock_path
from tests.sixstep.test_file_lock import HOLD, ROOT


@pytest.fixture
def case_file(tmp_path) -> Path:
    path = tmp_path / "burgers.case.json"
    path.write_bytes(read_sample("happy_burgers"))
    return path


def _asks(window, name: str, answer: str) -> list:
    seen: list = []

    def ask(*args):
        seen.append(args)
        return answer
    setattr(window.files, name, ask)
    return seen


def test_the_second_window_is_offered_read_only_and_cannot_overwrite(make_window, case_file,
                                                                     tmp_path):
    first, second = make_window(), make_window()
    assert first.files.open_path(case_file, ask=False)
    assert lock_path(case_file).exists()
    asked = _asks(second, "ask_locked", "read_only")
    assert second.files.open_path(case_file, ask=False)
    assert len(asked) == 1 and asked[0][1].pid == os.getpid()
    assert second.doc.path == case_file and second.files.read_only
    # the second window's work goes to a file of its own, never over the first's
    second.doc.case.title = "Second window's work"
    elsewhere = tmp_path / "second.case.json"
    second.files.ask_save_path = lambda: elsewhere
    assert second.files.save()
    assert load_case(elsewhere).title == "Second window's work"
    first.doc.case.title = "First window's work"
    assert first.files.save()
    assert load_case(case_file).title == "First window's work"
    assert load_case(elsewhere).title == "Second window's work"  # nothing vanished


def test_a_read_only_window_is_refused_the_locked_file_by_save_as(make_window, case_file):
    first, second = make_window(), make_window()
    assert first.files.open_path(case_file, ask=False)
    _asks(second, "ask_locked", "read_only")
    assert second.files.open_path(case_file, ask=False)
    errors: list[str] = []
    second.files.show_error = lambda title, text: errors.append(text)
    second.files.ask_save_path = lambda: case_file
    before = case_file.read_bytes()
    assert not second.files.save()
    assert errors and "open in another window" in errors[0]
    assert case_file.read_bytes() == before


def test_the_second_window_may_open_a_copy_or_cancel(make_window, case_file):
    first, second = make_window(), make_window()
    assert first.files.open_path(case_file, ask=False)
    _asks(second, "ask_locked", "cancel")
    assert not second.files.open_path(case_file, ask=False)
    assert second.on_start_screen()
    _asks(second, "ask_locked", "copy")
    assert second.files.open_path(case_file, ask=False)
    assert second.doc.path is None and not second.files.read_only
    assert dumps_case(second.doc.case) == dumps_case(first.doc.case)


def test_closing_the_window_lets_the_file_go(make_window, case_file):
    first, second = make_window(), make_window()
    assert first.files.open_path(case_file, ask=False)
    first.close()
    assert not lock_path(case_file).exists()
    asked = _asks(second, "ask_locked", "cancel")
    assert second.files.open_path(case_file, ask=False)
    assert not asked and second.files.lock is not None


def test_showing_another_case_lets_the_file_go(make_window, case_file):
    window = make_window()
    assert window.files.open_path(case_file, ask=False)
    window.files.new_blank()
    assert not lock_path(case_file).exists()


def test_opening_the_same_file_again_in_one_window_asks_nothing(make_window, case_file):
    window = make_window()
    assert window.files.open_path(case_file, ask=False)
    asked = _asks(window, "ask_locked", "cancel")
    assert window.files.open_path(case_file, ask=False)
    assert not asked and not window.files.read_only and lock_path(case_file).exists()


@pytest.mark.parametrize("answer", ["cancel", "overwrite", "save_as"])
def test_a_save_after_a_change_on_disk_asks_first(make_window, case_file, tmp_path, answer):
    window = make_window()
    assert window.files.open_path(case_file, ask=False)
    changed = load_case(case_file)
    changed.title = "Changed by hand"
    case_file.write_bytes(dumps_case(changed))
    asked = _asks(window, "ask_changed_on_disk", answer)
    window.doc.case.title = "From the window"
    elsewhere = tmp_path / "kept.case.json"
    window.files.ask_save_path = lambda: elsewhere
    assert window.files.save() == (answer != "cancel")
    assert len(asked) == 1
    expected = {"cancel": "Changed by hand", "overwrite": "From the window",
                "save_as": "Changed by hand"}[answer]
    assert load_case(case_file).title == expected
    if answer == "save_as":
        assert load_case(elsewhere).title == "From the window"
        assert not lock_path(case_file).exists() and lock_path(elsewhere).exists()


def test_saving_twice_does_not_ask(make_window, case_file):
    window = make_window()
    assert window.files.open_path(case_file, ask=False)
    asked = _asks(window, "ask_changed_on_disk", "cancel")
    assert window.files.save() and window.files.save()
    assert not asked


def test_a_file_held_by_another_app_process_is_offered_read_only(make_window, case_file):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    other = subprocess.Popen([sys.executable, "-c", HOLD, str(case_file)],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                             env=env, cwd=ROOT)
    try:
        assert other.stdout.readline().strip() == "taken"
        window = make_window()
        asked = _asks(window, "ask_locked", "read_only")
        assert window.files.open_path(case_file, ask=False)
        assert len(asked) == 1 and asked[0][1].pid == other.pid and window.files.read_only
    finally:
        other.kill()
        other.wait()
    # the other process was killed: its lock is stale and the next opening takes it over
    again = make_window()
    asked = _asks(again, "ask_locked", "cancel")
    assert again.files.open_path(case_file, ask=False)
    assert not asked and again.files.lock is not None
