"""Exports, reports and saves that never lie: on a full disk, a vanished folder or a folder in
the way each writer fails with one plain line naming the user's file, leaves the previous file
as it was and no partial or temporary file; through a symbolic link it writes the link's
target and keeps the link. The window shows every failure and says "done" only after success.
"""

from __future__ import annotations

import errno
import os
import subprocess
import time
from pathlib import Path

import pytest

from sixstep.caseio import load_case
from tests.full_disk import LIMIT, _jobs, run_jobs, small_case_file
from ui.app.main_window import MainWindow
from ui.export.dialog import ExportOptions

SUFFIXES = {"png": ".png", "pdf": ".pdf", "svg": ".svg", "layout-json": ".json",
            "report-pdf": ".pdf", "report-md": ".md", "save": ".case.json"}
JOBS = list(SUFFIXES)
OLD = b"the previous version\n"
WHOLE = {".png": (b"\x89PNG", b"IEND\xaeB`\x82"), ".pdf": (b"%PDF-", b"%%EOF\n"),
         ".svg": (b"<?xml", b"</svg>\n"), ".json": (b"{", b"}\n"), ".md": (b"# ", b"\n")}


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> Path:
    return small_case_file(tmp_path_factory.mktemp("case"))


@pytest.fixture(scope="module")
def case(small):
    return load_case(small)


def names(folder: Path) -> list[str]:
    """The files in ``folder``, leaving out the lock an open case keeps beside its file."""
    return sorted(p.name for p in folder.iterdir()
                  if not (p.name.startswith(".") and p.name.endswith(".lock")))


def plain_line(message: str, name: str) -> None:
    assert message.startswith(f"Could not write {name}: "), message
    assert "\n" not in message and ".tmp" not in message and "Errno" not in message


def assert_whole(path: Path) -> None:
    data = path.read_bytes()
    head, tail = WHOLE[path.suffix]
    assert len(data) > LIMIT and data.startswith(head) and data.endswith(tail)


# -- a full disk, in a child process ----------------------------------------------------------
@pytest.fixture(scope="module")
def full_disk(tmp_path_factory, small):
    """Every writer run once on a disk that fills up after 4 KB; the previous file in place."""
    root = tmp_path_factory.mktemp("full")
    targets = {}
    for job in JOBS:
        (root / job).mkdir()
        targets[job] = root / job / f"out{SUFFIXES[job]}"
        targets[job].write_bytes(OLD)
    return targets, run_jobs(small, targets)


@pytest.mark.parametrize("job", JOBS)
def test_a_full_disk_fails_plainly_and_keeps_the_previous_file(full_disk, job):
    targets, outcomes = full_disk
    outcome, target = outcomes[job], targets[job]
    assert outcome["os_error"], outcome
    plain_line(outcome["message"], target.name)
    assert target.read_bytes() == OLD
    assert names(target.parent) == [target.name]


# -- folders that vanished or stand in the way, and symbolic links ----------------------------
@pytest.mark.parametrize("job", JOBS)
def test_a_vanished_folder_fails_plainly(qapp, tmp_path, case, job):
    target = tmp_path / "gone" / f"out{SUFFIXES[job]}"
    with pytest.raises(OSError) as info:
        _jobs()[job](case, target)
    plain_line(str(info.value), target.name)
    assert "does not exist" in str(info.value)
    assert names(tmp_path) == []


@pytest.mark.parametrize("job", JOBS)
def test_a_folder_in_the_way_fails_plainly(qapp, tmp_path, case, job):
    target = tmp_path / f"out{SUFFIXES[job]}"
    target.mkdir()
    (target / "inside").write_bytes(OLD)
    with pytest.raises(OSError) as info:
        _jobs()[job](case, target)
    plain_line(str(info.value), target.name)
    assert "folder" in str(info.value)
    assert names(tmp_path) == [target.name] and names(target) == ["inside"]


@pytest.mark.parametrize("job", JOBS)
def test_writing_through_a_link_keeps_the_link(qapp, tmp_path, case, job):
    (tmp_path / "real").mkdir()
    real = tmp_path / "real" / f"out{SUFFIXES[job]}"
    real.write_bytes(OLD)
    link = tmp_path / f"link{SUFFIXES[job]}"
    link.symlink_to(real)
    _jobs()[job](case, link)
    assert link.is_symlink() and Path(os.readlink(link)) == real
    assert_whole(real)
    assert names(tmp_path / "real") == [real.name]


# -- the window says what went wrong, and "done" only after success ---------------------------
@pytest.fixture
def opened(make_window, tmp_path, small) -> MainWindow:
    w = make_window(active=False)
    case_file = tmp_path / "happy_burgers.case.json"
    case_file.write_bytes(small.read_bytes())
    assert w.files.open_path(case_file, ask=False)
    return w


@pytest.fixture
def failing_disk(monkeypatch):
    """The disk reports it is full when the written file is flushed to it."""
    def fsync(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", fsync)


def watch(actions) -> tuple[list[str], list[str]]:
    errors: list[str] = []
    done: list[str] = []
    actions.show_error = lambda title, text: errors.append(text)
    actions.done.connect(done.append)
    return errors, done


@pytest.mark.parametrize("fmt", ["png", "pdf", "svg"])
def test_the_window_reports_a_failed_export_and_keeps_the_old_file(opened, tmp_path,
                                                                   failing_disk, fmt):
    target = tmp_path / f"d.{fmt}"
    target.write_bytes(OLD)
    errors, done = watch(opened.exports)
    opened.exports.ask_options = lambda options: ExportOptions(fmt, 72, False, "A4")
    opened.exports.ask_path = lambda f, s: target
    assert opened.exports.export_diagram() is None
    assert errors == [f"Could not write d.{fmt}: the disk is full."] and done == []
    assert target.read_bytes() == OLD
    assert names(tmp_path) == ["d." + fmt, "happy_burgers.case.json"]


@pytest.mark.parametrize("fmt", ["md", "pdf"])
def test_the_window_reports_a_failed_report(opened, tmp_path, failing_disk, fmt):
    target = tmp_path / f"r.{fmt}"
    target.write_bytes(OLD)
    errors, done = watch(opened.reports)
    opened.reports.ask_path = lambda suggested: (target, fmt)
    assert opened.reports.export_report() is None
    assert errors == [f"Could not write r.{fmt}: the disk is full."] and done == []
    assert target.read_bytes() == OLD


def test_the_window_says_done_after_a_whole_export(opened, tmp_path):
    errors, done = watch(opened.exports)
    opened.exports.ask_options = lambda options: ExportOptions("svg", 72, False, "A4")
    opened.exports.ask_path = lambda f, s: tmp_path / "d.svg"
    assert opened.exports.export_diagram() == tmp_path / "d.svg"
    assert errors == [] and done == ["Exported the diagram to d.svg"]
    assert_whole(tmp_path / "d.svg")


def test_a_failed_save_is_shown_and_the_case_keeps_its_place(opened, tmp_path, failing_disk):
    errors: list[str] = []
    opened.files.show_error = lambda title, text: errors.append(text)
    before = opened.doc.path
    assert not opened.files.save_to(tmp_path / "elsewhere.case.json")
    assert len(errors) == 1
    assert errors[0].startswith("Could not write elsewhere.case.json: the disk is full.")
    assert ".tmp" not in errors[0] and "Errno" not in errors[0]
    assert opened.doc.path == before
    assert names(tmp_path) == ["happy_burgers.case.json"]


def test_a_folder_in_the_way_of_an_export_is_shown(opened, tmp_path):
    (tmp_path / "d.png").mkdir()
    errors, done = watch(opened.exports)
    opened.exports.ask_options = lambda options: ExportOptions("png", 72, False, "A4")
    opened.exports.ask_path = lambda f, s: tmp_path / "d.png"
    assert opened.exports.export_diagram() is None
    assert len(errors) == 1 and done == []
    plain_line(errors[0], "d.png")


def test_opening_a_case_clears_a_temporary_file_left_by_a_killed_save(make_window, tmp_path,
                                                                      small):
    child = subprocess.Popen(["true"])
    child.wait()  # its process id now belongs to no live process
    left = tmp_path / f".x.case.json.{child.pid}-ab12cd34.tmp"
    left.write_bytes(b'{"format": "problem-wor')
    then = time.time() - 120
    os.utime(left, (then, then))
    (tmp_path / "x.case.json").write_bytes(small.read_bytes())
    w = make_window(active=False)
    assert w.files.open_path(tmp_path / "x.case.json", ask=False)
    assert names(tmp_path) == ["x.case.json"]
