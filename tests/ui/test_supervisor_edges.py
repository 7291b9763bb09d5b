"""Supervisors' rough edges: saving a sample offers the documents folder, never the app's
own; a reopened case opens at the step where it was left."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog

from ui.app.main_window import MainWindow
from ui.common.settings import AppSettings

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "sample_cases" / "happy_burgers.case.json"


def _documents() -> Path:
    return Path(QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation))


def _asked(monkeypatch) -> list[str]:
    offered: list[str] = []

    def fake(parent, title, start, filters):  # noqa: ANN001
        offered.append(start)
        return "", ""
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    return offered


def test_saving_a_sample_opened_from_the_app_folder_offers_the_documents_folder(
        make_window, monkeypatch):
    window: MainWindow = make_window()
    before = SAMPLE.read_bytes()
    assert window.files.open_path(SAMPLE)
    window.doc.case.title = window.doc.case.title  # nothing to save, yet Save must ask
    offered = _asked(monkeypatch)
    window.files.save()
    assert SAMPLE.read_bytes() == before, "the app's own sample was overwritten"
    assert offered and Path(offered[0]).parent == _documents()
    assert not Path(offered[0]).is_relative_to(ROOT)


def test_saving_a_sample_from_the_menu_offers_the_documents_folder(make_window, monkeypatch):
    window: MainWindow = make_window(sample="happy_burgers")
    window.settings.set_value("last_directory", str(ROOT / "sample_cases"))
    offered = _asked(monkeypatch)
    window.files.save()
    assert offered and Path(offered[0]).parent == _documents()


def test_a_reopened_case_opens_at_the_step_where_it_was_left(qtbot, tmp_path):
    path = tmp_path / "burgers.case.json"
    shutil.copy(SAMPLE, path)
    settings = AppSettings.in_memory()
    window = MainWindow(settings)
    window.files.interactive = False
    qtbot.addWidget(window)
    assert window.files.open_path(path)
    assert window.current_step() == 1
    window.show_step(4)
    window.close()
    again = MainWindow(settings)
    again.files.interactive = False
    qtbot.addWidget(again)
    assert again.files.open_path(path)
    assert again.current_step() == 4
    assert again.files.open_path(SAMPLE)  # another case: its own step (never left: 1)
    assert again.current_step() == 1
