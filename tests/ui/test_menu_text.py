"""Typed text in menus and the title shows as typed: '&' is no Alt-key marker, one line."""

from __future__ import annotations

from pathlib import Path

import pytest

from sample_cases import read_sample
from ui.main_window import MainWindow
from ui.settings import AppSettings


@pytest.fixture
def window(qtbot) -> MainWindow:
    w = MainWindow(AppSettings.in_memory())
    w.files.ask_save_changes = lambda: "discard"
    w.files.interactive = False
    qtbot.addWidget(w)
    return w


def test_sample_titles_keep_their_ampersand(window):
    texts = [a.text() for a in window.samples_menu.actions()]
    fruit = next(t for t in texts if t.startswith("Fruit"))
    assert "&&" in fruit and fruit.replace("&&", "&").startswith("Fruit & Veg")


def test_recent_paths_keep_their_ampersand(window, tmp_path):
    folder = tmp_path / "R&D"
    folder.mkdir()
    case_file = Path(folder / "x.case.json")
    case_file.write_bytes(read_sample("happy_burgers"))
    assert window.files.open_path(case_file, ask=False)
    assert window.recent_menu.actions()[0].text() == str(case_file).replace("&", "&&")


def test_a_title_with_newlines_is_one_line_in_the_window_title(window):
    window.files.new_blank()
    window.doc.case.title = "Two\nlines  [*] here"
    window.doc.notify("title")
    window._update_title()
    assert window.windowTitle().startswith("Two lines [ * ] here")
    assert "\n" not in window.windowTitle()
