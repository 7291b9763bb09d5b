"""``export`` and ``report`` on a full disk, a vanished folder, a folder in the way and through a
link: a failure is one line on stderr and exit code 2, never "wrote", the previous file stays
as it was and no partial or temporary file is left."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.full_disk import LIMIT, run_cli, run_on_full_disk, small_case_file
from ui.app.cli import main

OLD = b"the previous version\n"
COMMANDS = {
    "png": (["export", "--format", "png", "--dpi", "72"], ".png"),
    "pdf": (["export", "--format", "pdf"], ".pdf"),
    "svg": (["export", "--format", "svg"], ".svg"),
    "layout-json": (["export", "--format", "layout-json"], ".json"),
    "report-pdf": (["report"], ".pdf"),
    "report-md": (["report"], ".md"),
}


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def command(kind: str, case: Path, out: Path) -> list[str]:
    verb, *options = COMMANDS[kind][0]
    return [verb, str(case), *options, "-o", str(out)]


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> Path:
    return small_case_file(tmp_path_factory.mktemp("case"))


def one_plain_line(err: str, name: str) -> None:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert f"Could not write {name}: " in lines[0], err
    assert ".tmp" not in err and "Errno" not in err and "Traceback" not in err


@pytest.fixture(scope="module")
def full_disk(tmp_path_factory, small):
    root = tmp_path_factory.mktemp("full")
    targets = {}
    for kind, (_, suffix) in COMMANDS.items():
        (root / kind).mkdir()
        targets[kind] = root / kind / f"out{suffix}"
        targets[kind].write_bytes(OLD)
    results = run_cli([command(kind, small, target) for kind, target in targets.items()])
    return targets, dict(zip(COMMANDS, results, strict=True))


@pytest.mark.parametrize("kind", list(COMMANDS))
def test_a_full_disk_exits_2_and_keeps_the_previous_file(full_disk, kind):
    targets, results = full_disk
    result, target = results[kind], targets[kind]
    assert result["rc"] == 2 and result["out"] == "", result
    one_plain_line(result["err"], target.name)
    assert "the disk is full" in result["err"]
    assert target.read_bytes() == OLD and names(target.parent) == [target.name]


def test_a_real_process_on_a_full_disk_exits_2(tmp_path, small):
    target = tmp_path / "r.md"
    target.write_bytes(OLD)
    done = run_on_full_disk(["-m", "ui", "report", str(small), "-o", str(target)])
    assert done.returncode == 2 and done.stdout == ""
    one_plain_line(done.stderr, "r.md")
    assert "the disk is full" in done.stderr
    assert target.read_bytes() == OLD and names(tmp_path) == ["r.md"]


@pytest.mark.parametrize("kind", list(COMMANDS))
def test_a_vanished_folder_exits_2(qapp, tmp_path, capsys, small, kind):
    target = tmp_path / "gone" / f"out{COMMANDS[kind][1]}"
    assert main(command(kind, small, target)) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    one_plain_line(captured.err, target.name)
    assert "does not exist" in captured.err
    assert names(tmp_path) == []


@pytest.mark.parametrize("kind", list(COMMANDS))
def test_a_folder_in_the_way_exits_2(qapp, tmp_path, capsys, small, kind):
    target = tmp_path / f"out{COMMANDS[kind][1]}"
    target.mkdir()
    assert main(command(kind, small, target)) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    one_plain_line(captured.err, target.name)
    assert "folder" in captured.err
    assert names(tmp_path) == [target.name] and names(target) == []


@pytest.mark.parametrize("kind", ["svg", "report-md"])
def test_writing_through_a_link_keeps_the_link(qapp, tmp_path, capsys, small, kind):
    (tmp_path / "real").mkdir()
    real = tmp_path / "real" / f"out{COMMANDS[kind][1]}"
    real.write_bytes(OLD)
    link = tmp_path / f"link{COMMANDS[kind][1]}"
    link.symlink_to(real)
    assert main(command(kind, small, link)) == 0
    assert capsys.readouterr().out.strip() == f"wrote {link}"
    assert link.is_symlink() and Path(os.readlink(link)) == real
    assert len(real.read_bytes()) > LIMIT and names(real.parent) == [real.name]
