"""Qt's environment is set before the application starts, and a user's own setting wins."""

from __future__ import annotations

import os

from ui.common.qt_setup import before_app


def test_the_gui_thread_pool_is_off_unless_the_user_says_otherwise(monkeypatch):
    monkeypatch.delenv("QT_NO_GUI_THREADPOOL", raising=False)
    before_app()


    assert os.environ["QT_NO_GUI_THREADPOOL"] == "1"
    monkeypatch.setenv("QT_NO_GUI_THREADPOOL", "0")
    before_app()
    assert os.environ["QT_NO_GUI_THREADPOOL"] == "0"
