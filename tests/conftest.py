"""Test configuration: Qt runs offscreen and never touches the user's settings."""

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MPLBACKEND", "Agg")


@pytest.fixture(autouse=True, scope="session")
def _qt_test_paths():
    """Settings, recent files and caches go to Qt's test folders, not the user's."""
    from PySide6.QtCore import QStandardPaths

    QStandardPaths.setTestModeEnabled(True)
    yield


@pytest.fixture(autouse=True, scope="session")
def _widgets_application(qapp):
    """A QApplication (widgets) from the start, whatever test runs first: an export in a
    command-line test used to leave only a QGuiApplication, and the next widget aborted."""
    yield qapp
