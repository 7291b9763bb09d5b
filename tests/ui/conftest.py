"""Shared fixtures for the window tests: a main window as a user would find it."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from ui.app.main_window import MainWindow
from ui.common.settings import AppSettings


@pytest.fixture(autouse=True)
def _widgets_kept_until_closed(monkeypatch):
    """pytest-qt holds the widgets a test adds only weakly, so once the test function has
    returned, a page kept alive only by its own reference cycles could be deleted by the
    garbage collector in the middle of its own paint (pytest-qt processes events before it
    closes the widgets). Each widget added is held here until pytest-qt has closed it."""
    kept: list[QWidget] = []
    add = QtBot.addWidget

    def keeping(self: QtBot, widget: QWidget, **options: object) -> None:
        kept.append(widget)
        add(self, widget, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(QtBot, "addWidget", keeping)
    yield
    kept.clear()


@pytest.fixture(autouse=True)
def _room_on_loopback(monkeypatch):
    """A room opened in a test listens on 127.0.0.1, never on the machine's network."""
    from ui.room import lan

    monkeypatch.setattr(lan, "lan_address", lambda: "127.0.0.1")


@pytest.fixture
def make_window(qtbot):
    """Build a shown main window with settings in memory and no real dialogs.

    ``sample`` opens a copy of that sample, ``blank`` a blank case; ``active`` waits until
    the window has the keyboard focus (needed for key presses and focus checks).
    """

    def make(size: tuple[int, int] = (1280, 800), sample: str | None = None,
             blank: bool = False, active: bool = True) -> MainWindow:
        w = MainWindow(AppSettings.in_memory())
        w.files.ask_save_changes = lambda: "discard"  # teardown closes the window
        w.files.interactive = False
        qtbot.addWidget(w)
        w.resize(*size)
        w.show()
        if active:
            w.activateWindow()
            qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
        else:
            qtbot.waitExposed(w)
        if sample is not None:
            w.files.new_from_sample(sample)
        elif blank:
            w.files.new_blank()
        return w

    return make


@pytest.fixture
def window(make_window) -> MainWindow:
    return make_window()
