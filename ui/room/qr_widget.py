"""The join code painted square by square: dark modules on white with the quiet zone around,
each module a whole number of pixels so a phone's camera reads it from the back of the room."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

QUIET = 4  # modules of white around the code, as the QR standard asks
DARK, LIGHT = QColor("#000000"), QColor("#ffffff")  # never the theme's colours: cameras want these


def trim_border(matrix: list[list[bool]]) -> list[list[bool]]:
    """``matrix`` without the all-light rows and columns around it."""
    rows = [i for i, row in enumerate(matrix) if any(row)]
    if not rows:
        return []
    columns = [j for j in range(max(len(r) for r in matrix))
               if any(j < len(r) and r[j] for r in matrix)]
    left, right = columns[0], columns[-1] + 1
    return [list(row[left:right]) for row in matrix[rows[0]:rows[-1] + 1]]


class QrCode(QWidget):
    """Paints a matrix of booleans (True: dark) as large as the widget allows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.matrix: list[list[bool]] = []
        self.setAccessibleName("QR code to join the room")
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setMinimumSize(160, 160)

    def set_matrix(self, matrix: list[list[bool]]) -> None:
        """Show ``matrix``; light rows and columns around it are dropped, as this widget
        paints the quiet zone itself."""
        self.matrix = trim_border(matrix)
        self.update()

    def modules(self) -> int:
        """Modules along one side, the quiet zone included."""
        return len(self.matrix) + 2 * QUIET if self.matrix else 0

    def code_rect(self) -> QRect:
        """Where the code and its quiet zone are painted: the largest square of whole
        modules that fits, in the middle."""
        n = self.modules()
        side = min(self.width(), self.height())
        if n == 0 or side < n:
            return QRect()
        size = (side // n) * n
        return QRect((self.width() - size) // 2, (self.height() - size) // 2, size, size)

    def module_pixels(self) -> int:
        n = self.modules()
        return self.code_rect().width() // n if n else 0

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt name
        return QSize(480, 480)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt name
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt name
        return width

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        rect = self.code_rect()
        if rect.isEmpty():
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.fillRect(rect, LIGHT)
        step = self.module_pixels()
        left, top = rect.left() + QUIET * step, rect.top() + QUIET * step
        painter.setPen(Qt.PenStyle.NoPen)
        for y, row in enumerate(self.matrix):
            x = 0
            while x < len(row):  # one rectangle per run of dark modules in a row
                if not row[x]:
                    x += 1
                    continue
                start = x
                while x < len(row) and row[x]:
                    x += 1
                painter.fillRect(left + start * step, top + y * step, (x - start) * step, step,
                                 DARK)
        painter.end()
