"""The note under the capture line: where the last cause went and the key that moves it.

Never modal and never in the keys' way: its one button ("Make heading ...") takes no focus,
so a Space or Enter typed in the capture line can never press it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from ui.common import theme


class CaptureNote(QWidget):
    """A line of plain text, with a button when an unknown prefix could become a heading."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("capture_note")
        self.label = theme.plain_label("", parent=self)
        self.label.setAccessibleName("Where the last cause went")
        self.make_button = QPushButton(self)
        self.make_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.make_button.setAutoDefault(False)
        self.make_button.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.make_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def say(self, text: str, offer: str = "") -> None:
        """Show ``text`` (nothing: hide); ``offer`` names a heading the button would make."""
        self.label.setText(text)
        if offer:
            words = f"Make heading \u201c{offer}\u201d"
            self.make_button.setText(theme.no_mnemonic(words))  # "R&D" stays "R&D"
            self.make_button.setAccessibleName(words)
            self.make_button.setToolTip(f"{words} and put the cause under it, without "
                                        "its prefix (or type +Heading: cause)")
        self.make_button.setVisible(bool(offer))
        self.setVisible(bool(text))

    def text(self) -> str:
        return self.label.text()
