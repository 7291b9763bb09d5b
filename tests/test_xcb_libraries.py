"""A fresh Linux desktop: a missing xcb library is named in one line, with its package."""

from __future__ import annotations

import ctypes

import pytest

from ui.app import app

DESKTOP = {"DISPLAY": ":0"}


def _without(*missing: str):
    def can_load(name: str) -> bool:
        return name not in missing
    return can_load


def test_a_missing_icccm_library_names_its_package_in_one_line():
    line = app.display_problem(DESKTOP, "linux", _without("libxcb-icccm.so.4"))
    assert line is not None and "\n" not in line
    assert "sudo apt-get install libxcb-icccm4" in line


def test_several_missing_libraries_are_one_install_command():
    line = app.display_problem({"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb"}, "linux",
                               _without("libxcb-cursor.so.0", "libxcb-keysyms.so.1",
                                        "libxkbcommon-x11.so.0"))
    assert line is not None and "\n" not in line
    assert line.endswith("install libxcb-cursor0 libxcb-keysyms1 libxkbcommon-x11-0")


def test_nothing_to_say_when_every_library_loads_or_another_platform_is_asked():
    assert app.display_problem(DESKTOP, "linux", _without()) is None
    assert app.display_problem({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, "linux",
                               _without("libxcb-icccm.so.4")) is None


def test_the_real_lookup_is_used_by_default(monkeypatch):
    def refuse(name, *args, **kwargs):
        if "icccm" in str(name):
            raise OSError(f"{name}: cannot open shared object file")
        return None
    monkeypatch.setattr(ctypes, "CDLL", refuse)
    line = app.display_problem(DESKTOP, "linux")
    assert line is not None and "libxcb-icccm4" in line and "libxcb-cursor0" not in line


def test_run_app_prints_the_line_instead_of_starting_qt(monkeypatch, capsys):
    pytest.importorskip("PySide6")
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is not None:
        pytest.skip("a QApplication already runs in this process")
    monkeypatch.setattr(app, "display_problem", lambda: "install libxcb-icccm4")
    assert app.run_app(None, None, None, False) == 2
    assert capsys.readouterr().err.strip() == "problem-workshop: install libxcb-icccm4"
