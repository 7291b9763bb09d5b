"""Where the main window opens: its remembered place, always within the available screen."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect
from PySide6.QtWidgets import QWidget

from ui.common.settings import AppSettings

WANTED = (1280, 800)  # the size a first start asks for, when the screen has room


def available_area(window: QWidget) -> QRect | None:
    """The screen's area less panels and docks, or None without a screen."""
    screen = window.screen()
    return screen.availableGeometry() if screen is not None else None


def fit_within(rect: QRect, area: QRect) -> QRect:
    """``rect`` shrunk to ``area`` and moved inside it."""
    width, height = min(rect.width(), area.width()), min(rect.height(), area.height())
    left = min(max(rect.left(), area.left()), area.right() + 1 - width)
    top = min(max(rect.top(), area.top()), area.bottom() + 1 - height)
    return QRect(left, top, width, height)


def place_window(window: QWidget, settings: AppSettings, area: QRect | None = None) -> None:
    """Put the window where it was left (or centred at the wanted size), within ``area``
    (default: the available part of its screen)."""
    area = area if area is not None else available_area(window)
    saved = settings.value("window/geometry")
    restored = bool(saved) and window.restoreGeometry(QByteArray(saved))
    if area is None:
        return
    if not restored:
        width, height = min(WANTED[0], area.width()), min(WANTED[1], area.height())
        rect = QRect(0, 0, width, height)
        rect.moveCenter(area.center())
    else:
        rect = window.geometry()
    frame = window.frameGeometry()
    extra_w, extra_h = frame.width() - window.width(), frame.height() - window.height()
    inner = area.adjusted(0, 0, -extra_w, -extra_h) if extra_w < area.width() else area
    window.setGeometry(fit_within(rect, inner))


def remember_place(window: QWidget, settings: AppSettings) -> None:
    settings.set_value("window/geometry", bytes(window.saveGeometry().data()))
