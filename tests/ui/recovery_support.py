"""A main window with crash recovery on, the Happy Burgers sample open, for recovery tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sample_cases import read_sample
from ui.app.main_window import MainWindow
from ui.common.settings import AppSettings


def recovery_window(qtbot, tmp_path: Path,  # noqa: ANN001 - pytest-qt's qtbot
                    prepare: Callable[[MainWindow], None] | None = None) -> MainWindow:
    """The window, with snapshots only when a test asks (the timer set to a minute);
    ``prepare`` runs before the case is opened."""
    path = tmp_path / "case.case.json"
    path.write_bytes(read_sample("happy_burgers"))
    w = MainWindow(AppSettings.in_memory(), recovery_dir=tmp_path / "recovery")
    w.files.ask_save_changes = lambda: "discard"
    if prepare is not None:
        prepare(w)
    w.recovery.autosaver.timer.setInterval(60_000)
    qtbot.addWidget(w)
    assert w.files.open_path(path)
    return w
