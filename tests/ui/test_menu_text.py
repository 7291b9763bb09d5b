"""Typed text in menus and the title shows as typed: '&' is no Alt-key marker, one line."""

from __future__ import annotations

from pathlib import Path

from sample_cases import read_sample
from sixstep.edits.fields import SetText


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
    window.doc.apply(SetText(("title",), "Two\nlines  [*] here"))  # the title follows
    assert window.windowTitle().startswith("Two lines [ * ] here")
    assert "\n" not in window.windowTitle()


def test_step_keys_put_the_focus_on_the_page_not_the_guidance(window, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    window.resize(1280, 800)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.files.new_from_sample("happy_burgers")
    for number in (3, 1, 6):
        qtbot.keyClick(window, Qt.Key.Key_0 + number, Qt.KeyboardModifier.ControlModifier)
        page = window.workspace.page(number)
        focused = QApplication.focusWidget()
        assert focused is not None and page.isAncestorOf(focused), (number, focused)
