"""Supervisors' rough edges: saving a sample offers the documents folder, never the app's
own; a reopened case opens at the step where it was left (or the one asked for), building no
other step's page on the way."""

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
    assert sorted(again.workspace.frames) == [4]  # straight there: step 1 was never built
    assert again.files.open_path(SAMPLE)  # another case: its own step (never left: 1)
    assert again.current_step() == 1


def test_a_case_opened_at_a_step_builds_that_page_only(qtbot, tmp_path):
    settings = AppSettings.in_memory()
    path = tmp_path / "burgers.case.json"
    shutil.copy(SAMPLE, path)
    settings.set_case_step(path, 5)  # left at step 5, yet asked for step 3
    window = MainWindow(settings)
    window.files.interactive = False
    qtbot.addWidget(window)
    assert window.files.open_path(path, step=3)
    assert window.current_step() == 3 and sorted(window.workspace.frames) == [3]
    assert window.files.step_wanted is None  # asked once: the next open goes where it was left
    window.show_step(1)
    assert window.files.open_path(path)
    assert window.current_step() == 1


def test_the_command_line_step_opens_there_without_building_step_1(qtbot, tmp_path):
    from ui.app.app import build_window

    window = build_window(SAMPLE, 2, projector=False, interactive=False,
                          settings=AppSettings.in_memory())
    qtbot.addWidget(window)
    assert window.current_step() == 2 and sorted(window.workspace.frames) == [2]
