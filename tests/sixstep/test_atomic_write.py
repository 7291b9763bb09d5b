"""Atomic writes: a checked temporary file beside the target, renamed over it only when whole.

A failure leaves the previous file as it was and no temporary file, and says in one line which
of the user's files could not be written and why.
"""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import time
from pathlib import Path

import pytest

from sample_cases import read_sample
from sixstep.atomic import (
    WriteError,
    check_pdf,
    check_png,
    check_svg,
    clean_stale_temps,
    write_bytes,
    write_file,
)
from sixstep.caseio import atomic_write_bytes, dumps_case, loads_case, save_case
from tests.full_disk import LIMIT, run_jobs

HAPPY = Path(__file__).resolve().parents[2] / "sample_cases" / "happy_burgers.case.json"
OLD = b"the previous version\n"


@pytest.fixture(scope="module")
def case():
    return loads_case(read_sample("happy_burgers"))


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def plain_line(message: str, name: str) -> None:
    assert message.startswith(f"Could not write {name}: ")
    assert "\n" not in message and ".tmp" not in message and "Errno" not in message


def test_a_write_leaves_the_file_and_nothing_else(tmp_path):
    target = tmp_path / "notes.md"
    write_bytes(target, b"hello\n")
    assert target.read_bytes() == b"hello\n"
    assert names(tmp_path) == ["notes.md"]


def test_the_file_keeps_its_permissions(tmp_path):
    target = tmp_path / "notes.md"
    target.write_bytes(OLD)
    target.chmod(0o640)
    write_bytes(target, b"new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_saving_through_a_symbolic_link_writes_its_target_and_keeps_the_link(tmp_path, case):
    (tmp_path / "real").mkdir()
    real = tmp_path / "real" / "x.case.json"
    real.write_bytes(OLD)
    link = tmp_path / "link.case.json"
    link.symlink_to(Path("real") / "x.case.json")  # a relative link, as `ln -s` makes
    save_case(case, link)
    assert link.is_symlink() and os.readlink(link) == str(Path("real") / "x.case.json")
    assert real.read_bytes() == dumps_case(case)
    assert names(tmp_path / "real") == ["x.case.json"]
    assert names(tmp_path) == ["link.case.json", "real"]


def test_a_dangling_link_gets_its_target_written(tmp_path):
    link = tmp_path / "link.md"
    link.symlink_to(tmp_path / "made.md")
    atomic_write_bytes(link, b"made")
    assert link.is_symlink() and (tmp_path / "made.md").read_bytes() == b"made"


def test_a_folder_in_the_way_is_named_and_left_alone(tmp_path, case):
    (tmp_path / "x.case.json").mkdir()
    with pytest.raises(OSError) as info:
        save_case(case, tmp_path / "x.case.json")
    plain_line(str(info.value), "x.case.json")
    assert "folder" in str(info.value)
    assert names(tmp_path) == ["x.case.json"] and (tmp_path / "x.case.json").is_dir()


def test_a_vanished_folder_is_named(tmp_path, case):
    gone = tmp_path / "gone"
    with pytest.raises(OSError) as info:
        save_case(case, gone / "x.case.json")
    plain_line(str(info.value), "x.case.json")
    assert "does not exist" in str(info.value)
    assert names(tmp_path) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_folder_is_named(tmp_path, case):
    target = tmp_path / "x.case.json"
    target.write_bytes(OLD)
    tmp_path.chmod(0o555)
    try:
        with pytest.raises(OSError) as info:
            save_case(case, target)
    finally:
        tmp_path.chmod(0o755)
    plain_line(str(info.value), "x.case.json")
    assert "permission" in str(info.value)
    assert target.read_bytes() == OLD and names(tmp_path) == ["x.case.json"]


def test_a_full_disk_keeps_the_previous_file(tmp_path):
    assert len(read_sample("happy_burgers")) > LIMIT
    target = tmp_path / "x.case.json"
    target.write_bytes(OLD)
    outcome = run_jobs(HAPPY, {"save": target})["save"]
    assert outcome["os_error"], outcome
    plain_line(outcome["message"], "x.case.json")
    assert "full" in outcome["message"]
    assert target.read_bytes() == OLD and names(tmp_path) == ["x.case.json"]


def test_a_file_that_fails_its_check_is_never_renamed(tmp_path):
    target = tmp_path / "d.pdf"
    target.write_bytes(OLD)

    def fill(temp: Path) -> None:
        temp.write_bytes(b"%PDF-1.4 cut sho")

    with pytest.raises(WriteError) as info:
        write_file(target, fill, check_pdf)
    plain_line(str(info.value), "d.pdf")
    assert target.read_bytes() == OLD and names(tmp_path) == ["d.pdf"]


def test_a_writer_error_names_the_users_file_not_the_temporary_one(tmp_path):
    target = tmp_path / "d.svg"

    def fill(temp: Path) -> None:
        raise OSError(errno.EIO, "Input/output error", str(temp))

    with pytest.raises(WriteError) as info:
        write_file(target, fill)
    plain_line(str(info.value), "d.svg")
    assert info.value.errno == errno.EIO and isinstance(info.value, OSError)
    assert names(tmp_path) == []


def test_other_errors_pass_through_and_leave_no_temporary_file(tmp_path):
    def fill(temp: Path) -> None:
        temp.write_bytes(b"half")
        raise ValueError("a picture too large")

    with pytest.raises(ValueError):
        write_file(tmp_path / "p.png", fill)
    assert names(tmp_path) == []


def test_bytes_are_checked_against_what_was_meant(tmp_path, monkeypatch):
    target = tmp_path / "r.md"
    target.write_bytes(OLD)
    real_write = Path.write_bytes
    monkeypatch.setattr(Path, "write_bytes", lambda self, data: real_write(self, data[:3]))
    with pytest.raises(WriteError) as info:
        write_bytes(target, b"the whole report")
    plain_line(str(info.value), "r.md")
    assert target.read_bytes() == OLD and names(tmp_path) == ["r.md"]


PNG_END = b"\x00\x00\x00\x00IEND\xaeB`\x82"


@pytest.mark.parametrize(("check", "good", "bad"), [
    (check_png, b"\x89PNG\r\n\x1a\n" + b"x" * 40 + PNG_END, b"\x89PNG\r\n\x1a\n" + b"x" * 40),
    (check_pdf, b"%PDF-1.4\n...\n%%EOF\n", b"%PDF-1.4\n...\n"),
    (check_svg, b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"></svg>\n',
     b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><g>'),
])
def test_the_format_checks(tmp_path, check, good, bad):
    file = tmp_path / "f"
    file.write_bytes(good)
    assert check(file) is None
    file.write_bytes(bad)
    assert isinstance(check(file), str)
    file.write_bytes(b"")
    assert isinstance(check(file), str)


def dead_pid() -> int:
    child = subprocess.Popen(["true"])
    child.wait()
    return child.pid


def aged(path: Path, seconds: float) -> Path:
    path.write_bytes(b"half a write")
    then = time.time() - seconds
    os.utime(path, (then, then))
    return path


def test_stale_temporary_files_of_ours_are_cleared_on_the_next_save(tmp_path, case):
    dead = dead_pid()
    stale = aged(tmp_path / f".x.case.json.{dead}-ab12cd34.tmp", 120)
    other = aged(tmp_path / f".y.pdf.{dead}-zz99yy88.tmp", 3600)
    young = aged(tmp_path / f".x.case.json.{dead}-youngone.tmp", 5)
    alive = aged(tmp_path / f".x.case.json.{os.getpid()}-mine1234.tmp", 120)
    foreign = aged(tmp_path / ".x.case.json.swp.tmp", 3600)
    save_case(case, tmp_path / "x.case.json")
    assert not stale.exists() and not other.exists()
    assert young.exists() and alive.exists() and foreign.exists()
    assert (tmp_path / "x.case.json").is_file()


def test_clearing_reports_what_it_removed_and_ignores_a_missing_folder(tmp_path):
    stale = aged(tmp_path / f".a.png.{dead_pid()}-ab12cd34.tmp", 120)
    assert clean_stale_temps(tmp_path) == [stale]
    assert clean_stale_temps(tmp_path / "gone") == []
