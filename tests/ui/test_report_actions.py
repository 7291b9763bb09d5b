"""File > Export report from the window: Ctrl+Shift+E, Markdown or PDF by the dialog's filter."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtTest import QTest

from sample_cases import read_sample
from ui.app.main_window import MainWindow
from ui.export.report_actions import REPORT_FILTERS, report_format

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def window(make_window, tmp_path) -> MainWindow:
    w = make_window()
    case_file = tmp_path / "happy_burgers.case.json"
    case_file.write_bytes(read_sample("happy_burgers"))
    assert w.files.open_path(case_file, ask=False)
    return w


def test_ctrl_shift_e_writes_a_pdf_report(window, tmp_path):
    asked = {}

    def ask_path(suggested: Path):
        asked["suggested"] = suggested
        return tmp_path / "report", "pdf"

    window.reports.ask_path = ask_path
    QTest.keyClick(window, Qt.Key.Key_E, CTRL_SHIFT)
    assert asked["suggested"].name == "happy_burgers.report.pdf"
    written = tmp_path / "report.pdf"
    assert written.read_bytes().startswith(b"%PDF-")
    assert "report.pdf" in window.statusBar().currentMessage()


def test_markdown_report_follows_the_open_case_with_its_unsaved_edits(window, tmp_path):
    window.doc.case.problem.question = "What if | the <b>till</b> # fails?"
    window.reports.ask_path = lambda suggested: (tmp_path / "r.md", "md")
    assert window.report_action.text().replace("&", "") == "Export report\u2026"
    window.report_action.trigger()
    text = (tmp_path / "r.md").read_text(encoding="utf-8")
    assert text.startswith("# Happy Burgers")
    assert "What if | the &lt;b>till&lt;/b> # fails?" in text


def test_cancel_writes_nothing_and_errors_are_shown(window, tmp_path):
    window.reports.ask_path = lambda suggested: None
    assert window.reports.export_report() is None
    errors = []
    window.reports.show_error = lambda title, text: errors.append(text)
    window.reports.ask_path = lambda suggested: (tmp_path / "no such" / "r.pdf", "pdf")
    assert window.reports.export_report() is None
    assert len(errors) == 1 and "r.pdf" in errors[0]
    assert not list(tmp_path.glob("*.pdf"))


def test_the_filter_or_the_typed_suffix_picks_the_format():
    assert report_format(Path("x.md"), REPORT_FILTERS["pdf"]) == "md"
    assert report_format(Path("x.PDF"), REPORT_FILTERS["md"]) == "pdf"
    assert report_format(Path("x"), REPORT_FILTERS["md"]) == "md"
    assert report_format(Path("x.txt"), "") == "pdf"


def test_the_key_clashes_with_nothing(window):
    keys = [s.toString() for a in window.findChildren(QAction) for s in a.shortcuts()]
    wanted = QKeySequence("Ctrl+Shift+E").toString()
    assert keys.count(wanted) == 1
    menu_letters = [a.text().split("&")[1][0].lower() for a in window.menuBar().actions()[0]
                    .menu().actions() if "&" in a.text()]
    assert menu_letters.count("x") == 1
