"""The QR code on the room window: crisp whole-pixel modules, the quiet zone around, the
largest square that fits, dark on white whatever the theme."""

from __future__ import annotations

from PySide6.QtGui import QColor

from ui.room.qr_widget import QUIET, QrCode

# a tiny stand-in: three finder-like corners and a dot in the middle (not a readable code)
MATRIX = [[(x < 3 and y < 3) or (x > 5 and y < 3) or (x < 3 and y > 5) or (x, y) == (4, 4)
           for x in range(9)] for y in range(9)]


def test_the_code_fills_the_widget_with_whole_modules_and_a_quiet_zone(qtbot):
    qr = QrCode()
    qtbot.addWidget(qr)
    qr.set_matrix(MATRIX)
    qr.resize(400, 300)
    n = len(MATRIX) + 2 * QUIET
    assert qr.module_pixels() == 300 // n
    rect = qr.code_rect()
    assert rect.width() == rect.height() == n * qr.module_pixels()
    assert abs(rect.center().x() - 200) <= 1 and abs(rect.center().y() - 150) <= 1
    image = qr.grab().toImage()
    step = qr.module_pixels()
    white, black = QColor("#ffffff"), QColor("#000000")
    # the quiet zone is white, the first module dark, the middle dot dark, its neighbours white
    assert image.pixelColor(rect.left() + step, rect.top() + step) == white
    left, top = rect.left() + QUIET * step, rect.top() + QUIET * step
    assert image.pixelColor(left, top) == black
    assert image.pixelColor(left + step - 1, top + step - 1) == black  # crisp edges
    assert image.pixelColor(left + 4 * step + step // 2, top + 4 * step + step // 2) == black
    assert image.pixelColor(left + 3 * step + step // 2, top + 4 * step + step // 2) == white


def test_it_grows_with_the_widget_and_paints_nothing_when_too_small(qtbot):
    qr = QrCode()
    qtbot.addWidget(qr)
    qr.set_matrix(MATRIX)
    qr.resize(200, 200)
    small = qr.module_pixels()
    qr.resize(800, 800)
    assert qr.module_pixels() > 3 * small
    qr.set_matrix([])
    assert qr.code_rect().isEmpty()
    qr.grab()  # paints without a code


def test_a_quiet_zone_already_in_the_matrix_is_not_painted_twice(qtbot):
    qr = QrCode()
    qtbot.addWidget(qr)
    bordered = [[False] * 13 for _ in range(2)] + [
        [False, False, *row, False, False] for row in MATRIX] + [[False] * 13 for _ in range(2)]
    qr.set_matrix(bordered)
    assert qr.matrix == MATRIX
