"""Choosing a tab as a user does: a click on its name in the tab bar."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabWidget


def choose_tab(qtbot, tabs: QTabWidget, title: str) -> None:  # noqa: ANN001
    """Click the tab named ``title`` (it must be there)."""
    bar = tabs.tabBar()
    index = next(i for i in range(bar.count()) if bar.tabText(i) == title)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert tabs.currentIndex() == index
