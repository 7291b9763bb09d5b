"""Small builders shared by the form pages: a scrolling page body and labelled sections."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from ui.common.theme import plain_label


def scrolling_body(page: QWidget) -> QVBoxLayout:
    """Give ``page`` a vertical scroll area and return the layout to fill inside it."""
    area = QScrollArea(page)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setAccessibleName("Page contents")
    body = QWidget(area)
    area.setWidget(body)
    outer = QVBoxLayout(page)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(area)
    layout = QVBoxLayout(body)
    layout.setContentsMargins(4, 4, 12, 12)
    layout.setSpacing(6)
    return layout


def section_label(text: str, buddy: QWidget | None = None, parent: QWidget | None = None
                  ) -> QLabel:
    """A bold caption above a control; with a buddy, Alt+mnemonic moves the focus there."""
    label = plain_label("", role="subheading", parent=parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text.replace("&", "") if buddy is None else text)
    if buddy is not None:
        label.setBuddy(buddy.focusProxy() or buddy)  # a label's buddy must take focus itself
    return label


def add_section(layout: QVBoxLayout, text: str, widget: QWidget, stretch: int = 0,
                spacing_before: int = 10) -> QLabel:
    """Append a caption and its control to ``layout``."""
    layout.addSpacing(spacing_before)
    label = section_label(text, widget)
    layout.addWidget(label)
    layout.addWidget(widget, stretch)
    return label
