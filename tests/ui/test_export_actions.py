"""Exporting from the window: the menu keys, the options, the file written, errors shown."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtTest import QTest

from sample_cases import read_sample
from ui.app.main_window import MainWindow
from ui.export.dialog import ExportDialog, ExportOptions

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def window(make_window, tmp_path) -> MainWindow:
    w = make_window(active=False)
    case_file = tmp_path / "happy_burgers.case.json"
    case_file.write_bytes(read_sample("happy_burgers"))
    assert w.files.open_path(case_file, ask=False)
    return w


def test_ctrl_e_exports_a_png_at_the_chosen_resolution(window, tmp_path):
    asked = {}
    window.exports.ask_options = lambda options: ExportOptions("png", 72, False, "A4")

    def ask_path(fmt, suggested):
        asked["suggested"] = suggested
        return tmp_path / "out.png"

    window.exports.ask_path = ask_path
    QTest.keyClick(window, Qt.Key.Key_E, CTRL)
    assert asked["suggested"].name == "happy_burgers.fishbone.png"
    small = QImage(str(tmp_path / "out.png"))
    window.exports.ask_options = lambda options: ExportOptions("png", 144, True, "A4")
    window.export_action.trigger()
    big = QImage(str(tmp_path / "out.png"))
    assert big.width() == pytest.approx(2 * small.width(), abs=2)
    assert big.pixelColor(0, 0).alpha() == 0 and small.pixelColor(0, 0).alpha() == 255
    assert "out.png" in window.statusBar().currentMessage()
    assert window.exports.remembered_options().dpi == 144


@pytest.mark.parametrize("fmt", ["pdf", "svg"])
def test_vector_exports_get_their_suffix(window, tmp_path, fmt):
    window.exports.ask_options = lambda options: ExportOptions(fmt, 150, False, "A3")
    window.exports.ask_path = lambda f, suggested: tmp_path / "diagram"
    written = window.exports.export_diagram()
    assert written == tmp_path / f"diagram.{fmt}"
    assert written.stat().st_size > 1000


def test_cancelling_writes_nothing(window, tmp_path):
    window.exports.ask_options = lambda options: None
    assert window.exports.export_diagram() is None
    assert list(tmp_path.glob("*.png")) == []


def test_a_failed_export_is_reported_not_raised(window, tmp_path):
    errors = []
    window.exports.show_error = lambda title, text: errors.append(text)
    window.exports.ask_options = lambda options: ExportOptions("png", 150, False, "A4")
    window.exports.ask_path = lambda f, s: tmp_path / "no such folder" / "x.png"
    assert window.exports.export_diagram() is None
    assert errors and "x.png" in errors[0]


def test_copy_puts_a_picture_on_the_clipboard(window):
    QGuiApplication.clipboard().clear()
    window.copy_diagram_action.trigger()
    image = QGuiApplication.clipboard().image()
    assert not image.isNull() and image.width() > 500


def test_dialog_enables_only_what_the_format_uses(qtbot):
    dialog = ExportDialog(ExportOptions("pdf", 300, False, "Letter"))
    qtbot.addWidget(dialog)
    assert not dialog.dpi_box.isEnabled() and dialog.page_box.isEnabled()
    dialog.format_box.setCurrentIndex(0)
    assert dialog.dpi_box.isEnabled() and not dialog.page_box.isEnabled()
    assert dialog.options() == ExportOptions("png", 300, False, "Letter")


def test_the_png_can_carry_the_title_and_key_like_the_pdf_page(window, tmp_path, qtbot):
    dialog = ExportDialog(ExportOptions("pdf", 72, False, "A4"))
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.key_box.isEnabled()
    dialog.format_box.setCurrentIndex(0)  # PNG
    assert dialog.key_box.isEnabled() and dialog.note.isVisible()
    qtbot.mouseClick(dialog.key_box, Qt.MouseButton.LeftButton,
                     pos=QPoint(8, dialog.key_box.height() // 2))
    assert dialog.options().key
    dialog.format_box.setCurrentIndex(3)  # a text format has no colours to warn about
    assert not dialog.note.isVisible()
    window.exports.ask_path = lambda fmt, suggested: tmp_path / "out.png"
    window.exports.ask_options = lambda options: ExportOptions("png", 72, False, "A4")
    window.export_action.trigger()
    plain = QImage(str(tmp_path / "out.png"))
    window.exports.ask_options = lambda options: ExportOptions("png", 72, False, "A4", True)
    window.export_action.trigger()
    keyed = QImage(str(tmp_path / "out.png"))
    assert keyed.height() > plain.height() + 40  # a title line above, the key below
    assert window.exports.remembered_options().key


def test_the_pdf_can_be_a_poster_over_several_pages(window, tmp_path, qtbot):
    dialog = ExportDialog(ExportOptions("png", 72, False, "A4"))
    qtbot.addWidget(dialog)
    assert not dialog.poster_box.isEnabled()
    dialog.format_box.setCurrentIndex(1)  # PDF
    assert dialog.poster_box.isEnabled()
    dialog.poster_box.setChecked(True)
    assert dialog.options().poster
    window.exports.ask_path = lambda fmt, suggested: tmp_path / "poster.pdf"
    window.exports.ask_options = lambda options: ExportOptions("pdf", 72, False, "A4",
                                                                poster=True)
    window.export_action.trigger()
    data = (tmp_path / "poster.pdf").read_bytes()
    assert len(re.findall(rb"/Type\s*/Page[^s]", data)) > 1  # more than one page
    assert window.exports.remembered_options().poster


def test_the_window_does_not_load_the_exporters_at_start_up():
    code = ("import sys; from PySide6.QtWidgets import QApplication; app = QApplication([]);"
            "from ui.app.main_window import MainWindow; from ui.common.settings import AppSettings;"
            "MainWindow(AppSettings.in_memory());"
            "print(sorted(m for m in ('ui.export.diagram', 'ui.export.page',"
            " 'PySide6.QtPrintSupport')"
            " if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
                         check=True).stdout
    assert out.strip().splitlines()[-1] == "[]"
