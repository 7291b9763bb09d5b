"""``problem-workshop [FILE] --screenshot OUT.png [--step N] [--projector]`` renders and exits."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths
from PySide6.QtGui import QImage

from sample_cases import read_sample
from ui.app.app import build_window, grab_window
from ui.common.settings import AppSettings

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _test_paths():
    QStandardPaths.setTestModeEnabled(True)


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ui", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)


def _colours(image: QImage) -> int:
    """How many different colours a coarse grid of pixels shows: a blank image has one."""
    return len({image.pixel(x, y) for x in range(0, image.width(), 37)
                for y in range(0, image.height(), 29)})


def test_screenshot_without_a_file_shows_the_start_screen(tmp_path):
    out = tmp_path / "start.png"
    result = _run("--screenshot", str(out))
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 800)
    assert _colours(image) > 3


def test_screenshot_of_a_step_in_projector_mode(tmp_path):
    case = tmp_path / "burgers.case.json"
    case.write_bytes(read_sample("happy_burgers"))
    out = tmp_path / "step6.png"
    result = _run(str(case), "--screenshot", str(out), "--step", "6", "--projector")
    assert result.returncode == 0, result.stderr
    assert QImage(str(out)).size().toTuple() == (1280, 800)


def test_a_bad_file_gives_one_line_and_no_picture(tmp_path):
    case = tmp_path / "bad.case.json"
    case.write_text("{")
    out = tmp_path / "bad.png"
    result = _run(str(case), "--screenshot", str(out))
    assert result.returncode == 2 and not out.exists()
    assert "bad.case.json" in result.stderr


def test_grab_at_another_size_in_process(qtbot, tmp_path):
    case = tmp_path / "burgers.case.json"
    case.write_bytes(read_sample("happy_burgers"))
    window = build_window(case, 3, projector=False, interactive=False,
                          settings=AppSettings.in_memory())
    qtbot.addWidget(window)
    assert window.current_step() == 3
    out = tmp_path / "small.png"
    assert grab_window(window, out, (1024, 768))
    assert QImage(str(out)).size().toTuple() == (1024, 768)


def test_build_window_refuses_an_unreadable_file(qtbot, tmp_path):
    assert build_window(tmp_path / "missing.case.json", None, False, interactive=False,
                        settings=AppSettings.in_memory()) is None
