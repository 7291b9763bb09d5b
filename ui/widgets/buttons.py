"""Small shared builders: a labelled push button, and the keys and buttons that reorder a list."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QPushButton, QWidget

from fishbone.changes import Change
from sixstep.edits.fields import Path, touches


def push_button(parent: QWidget, text: str, name: str, slot: Callable[[], None]) -> QPushButton:
    """A button whose accessible name and tooltip say what it does."""
    button = QPushButton(text, parent)
    button.setAccessibleName(name)
    button.setToolTip(name)
    button.clicked.connect(slot)
    return button


def add_key(widget: QWidget, keys: str, slot: Callable[[], None],
            context: Qt.ShortcutContext = Qt.ShortcutContext.WidgetShortcut) -> QAction:
    """A key that works while ``widget`` has focus (with WidgetWithChildrenShortcut: a child)."""
    action = QAction(widget)
    action.setShortcut(QKeySequence(keys))
    action.setShortcutContext(context)
    action.triggered.connect(slot)
    widget.addAction(action)
    return action


def add_move_keys(widget: QWidget, move: Callable[[int], None],
                  context: Qt.ShortcutContext = Qt.ShortcutContext.WidgetShortcut) -> None:
    """Alt+Up and Alt+Down call ``move(-1)`` and ``move(1)``: order is importance."""
    add_key(widget, "Alt+Up", lambda: move(-1), context)
    add_key(widget, "Alt+Down", lambda: move(1), context)


def tab_order(*widgets: QWidget) -> None:
    """Tab visits ``widgets`` in this order (as they are seen, not as they were made)."""
    for first, second in zip(widgets, widgets[1:], strict=False):
        QWidget.setTabOrder(first, second)


def reorder_buttons(parent: QWidget, noun: str, remove: Callable[[], None],
                    move: Callable[[int], None], remove_text: str = "Remove",
                    ) -> tuple[QPushButton, QPushButton, QPushButton]:
    """Remove, Up and Down buttons for the selected ``noun``."""
    return (
        push_button(parent, remove_text, f"Remove the selected {noun} (Delete)", remove),
        push_button(parent, "Up", f"Move the selected {noun} up (Alt+Up)", lambda: move(-1)),
        push_button(parent, "Down", f"Move the selected {noun} down (Alt+Down)",
                    lambda: move(1)),
    )


class OrderedRowsMixin:
    """What an ordered list editor and a record table share: a ``view``, its ``model`` (with
    ``sync()``), the ``path`` of the case list it shows, and Up / Down / Remove buttons."""

    path: Path
    view: Any  # a QAbstractItemView
    model: Any  # its item model, with ``sync()``
    up_button: QPushButton
    down_button: QPushButton
    remove_button: QPushButton

    def set_buttons_visible(self, on: bool) -> None:
        """Projector mode hides the mouse buttons; the keys still work."""
        for button in (self.up_button, self.down_button, self.remove_button):
            button.setVisible(on)

    def current_row(self) -> int:
        index = self.view.currentIndex()
        return index.row() if index.isValid() else -1

    def _on_doc_changed(self, change: Change) -> None:
        if touches(change, self.path):
            self.model.sync()
