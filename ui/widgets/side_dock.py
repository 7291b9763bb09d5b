"""A hidden dock on the window's right side, closable and movable to the bottom: the home of
the parking lot and the room's inbox."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget


def side_dock(window: QMainWindow, title: str, name: str,
              content: QWidget | None = None) -> QDockWidget:
    """``content`` in a new dock called ``title`` (object name ``name``, for the saved
    window state), added on the right and hidden until it is shown. Without ``content`` the
    caller sets it before the dock is first seen."""
    dock = QDockWidget(title, window)
    dock.setObjectName(name)
    if content is not None:
        dock.setWidget(content)
    dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable
                     | QDockWidget.DockWidgetFeature.DockWidgetMovable)
    dock.setAllowedAreas(Qt.DockWidgetArea.RightDockWidgetArea
                         | Qt.DockWidgetArea.BottomDockWidgetArea)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    dock.hide()
    return dock
