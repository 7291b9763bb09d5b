"""The parallel PNG writer: the file reads back as the very same pixels, resolution included."""

from __future__ import annotations

import random
import zlib

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

import ui.export.png_writer
from ui.export.png_writer import adler32_combine, write_png


def test_adler32_combine_agrees_with_zlib():
    rnd = random.Random(5)
    for a_len, b_len in ((0, 0), (0, 10), (10, 0), (1, 1), (70_000, 3), (5, 200_000)):
        a, b = rnd.randbytes(a_len), rnd.randbytes(b_len)
        assert adler32_combine(zlib.adler32(a), zlib.adler32(b), b_len) == zlib.adler32(a + b)


def picture(alpha: bool) -> QImage:
    image = QImage(301, 203, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor(0, 0, 0, 0) if alpha else QColor("white"))
    image.setDotsPerMeterX(5906)  # 150 dpi
    image.setDotsPerMeterY(5906)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(200, 40, 20, 140))
    painter.drawEllipse(QPointF(150, 100), 120, 70)
    painter.setPen(QColor("#102a43"))
    painter.drawText(QRectF(10, 10, 280, 40), Qt.AlignmentFlag.AlignLeft, "cost < 5 & x > 3")
    painter.end()
    return image


@pytest.mark.parametrize("alpha", [False, True])
def test_the_file_holds_the_same_pixels(qapp, tmp_path, monkeypatch, alpha):
    monkeypatch.setattr(ui.export.png_writer, "BAND_BYTES", 5000)  # many bands, joined into one
    image = picture(alpha)
    path = tmp_path / "picture.png"
    write_png(image, path, opaque=not alpha)
    back = QImage(str(path))
    assert not back.isNull() and back.hasAlphaChannel() == alpha
    assert (back.width(), back.height()) == (301, 203)
    assert back.dotsPerMeterX() == 5906
    fmt = QImage.Format.Format_ARGB32
    assert back.convertToFormat(fmt) == image.convertToFormat(fmt)


def test_an_unwritable_place_or_an_empty_picture_is_an_os_error(qapp, tmp_path):
    with pytest.raises(OSError):
        write_png(picture(False), tmp_path / "no such folder" / "x.png")
    with pytest.raises(OSError):
        write_png(QImage(), tmp_path / "empty.png")


def test_bands_of_rows_make_one_picture(qapp, tmp_path, monkeypatch):
    from ui.export.png_writer import write_png_bands

    monkeypatch.setattr(ui.export.png_writer, "BAND_BYTES", 7000)  # bands split further
    for alpha in (False, True):
        image = picture(alpha)
        bands = [image.copy(0, top, image.width(), rows)
                 for top, rows in ((0, 1), (1, 60), (61, 100), (161, 42))]
        path = tmp_path / "bands.png"
        write_png_bands(path, image.width(), image.height(), alpha, bands, (5906, 5906))
        back = QImage(str(path))
        assert back.hasAlphaChannel() == alpha and back.dotsPerMeterX() == 5906
        fmt = QImage.Format.Format_ARGB32
        assert back.convertToFormat(fmt) == image.convertToFormat(fmt)
    with pytest.raises(OSError):  # rows missing
        write_png_bands(tmp_path / "short.png", 301, 203, False, bands[:2], (5906, 5906))
