"""Writes a picture as PNG, compressing bands of rows on every core at once.

A diagram exported at print resolution has tens of millions of pixels, and Qt's PNG writer
spends seconds compressing them on one core. This writer stores the same pixels (rows
unfiltered, deflated at a fast zlib level) in bands compressed in parallel and joined into
one zlib stream: zlib lets go of the interpreter while it works, so threads really share the
work. A caller may hand the picture over a band at a time (``write_png_bands``) and draw the
next band while the last is compressed. The file is an ordinary PNG that every reader opens,
with the picture's resolution kept.
"""

from __future__ import annotations

import os
import struct
import zlib
from collections import deque
from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from PySide6.QtGui import QImage

from sixstep.atomic import WriteError, check_png, write_file

LEVEL = 3  # about twice as fast as zlib's default (6), for files about a quarter larger
BAND_BYTES = 4 << 20  # rows are handed out in bands of about this many bytes
_ADLER_BASE = 65521
_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def adler32_combine(first: int, second: int, second_length: int) -> int:
    """The Adler-32 of two buffers one after the other, from each one's (as zlib does)."""
    base = _ADLER_BASE
    rem = second_length % base
    sum1 = first & 0xFFFF
    sum2 = (rem * sum1) % base
    sum1 += (second & 0xFFFF) + base - 1
    sum2 += (first >> 16) + (second >> 16) + base - rem
    sum1 %= base
    sum2 %= base
    return (sum2 << 16) | sum1


def _chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(data, zlib.crc32(kind))
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


def _deflate(pixels: QImage, row_bytes: int, start: int, stop: int) -> tuple[bytes, int, int]:
    """Rows ``start`` to ``stop`` of ``pixels``, each behind its filter byte, as raw deflate
    ending on a byte boundary (so the next band's output can follow it), with their Adler-32
    and length."""
    stride = pixels.bytesPerLine()
    bits = memoryview(pixels.constBits())
    parts: list[bytes | memoryview] = []
    for y in range(start, stop):
        parts.append(b"\x00")  # filter type 0: the row as it is
        parts.append(bits[y * stride:y * stride + row_bytes])
    raw = b"".join(parts)
    packer = zlib.compressobj(LEVEL, zlib.DEFLATED, -15)  # raw deflate, joined below
    body = packer.compress(raw) + packer.flush(zlib.Z_SYNC_FLUSH)
    return body, zlib.adler32(raw), len(raw)


def write_png(image: QImage, path: str | Path, opaque: bool | None = None,
              threads: int | None = None) -> None:
    """Write ``image`` to ``path`` as RGBA, or as RGB when it has no alpha channel or the
    caller knows every pixel is ``opaque``; the file is replaced only when whole, and a
    ``WriteError`` (an OSError) says why it could not be."""
    if image.isNull() or image.width() == 0 or image.height() == 0:
        raise WriteError(path, "the picture is empty")
    alpha = image.hasAlphaChannel() if opaque is None else not opaque
    write_png_bands(path, image.width(), image.height(), alpha, [image],
                    (image.dotsPerMeterX(), image.dotsPerMeterY()), threads)


def write_png_bands(path: str | Path, width: int, height: int, alpha: bool,
                    bands: Iterable[QImage], dots_per_metre: tuple[int, int],
                    threads: int | None = None) -> None:
    """Write a picture of ``width`` x ``height`` pixels handed over as ``bands`` of rows,
    top to bottom, each a QImage as wide as the picture: each band is compressed on another
    thread while the caller draws the next, so drawing and compressing overlap and only a
    few bands are held at once."""
    fmt = QImage.Format.Format_RGBA8888 if alpha else QImage.Format.Format_RGB888
    row_bytes = width * (4 if alpha else 3)
    workers = threads or os.cpu_count() or 1

    rows = max(1, BAND_BYTES // max(1, row_bytes))  # rows compressed in one piece
    pieces: list[tuple[bytes, int, int]] = []
    rows_seen = 0
    with ThreadPoolExecutor(max_workers=workers) as pool:
        pending: deque[Future[tuple[bytes, int, int]]] = deque()
        for band in bands:
            if band.width() != width:
                raise ValueError("every band must be as wide as the picture")
            pixels = band if band.format() == fmt else band.convertToFormat(fmt)
            rows_seen += pixels.height()
            for start in range(0, pixels.height(), rows):
                stop = min(pixels.height(), start + rows)
                pending.append(pool.submit(_deflate, pixels, row_bytes, start, stop))
            while len(pending) > 2 * workers:  # hold a few bands, not the whole picture
                pieces.append(pending.popleft().result())
        while pending:
            pieces.append(pending.popleft().result())
    if rows_seen != height or height == 0:
        raise WriteError(path, "the picture is empty" if rows_seen == 0
                         else f"the bands hold {rows_seen} rows, not {height}")
    checksum = 1
    for _, band_sum, length in pieces:
        checksum = adler32_combine(checksum, band_sum, length)
    last = zlib.compressobj(LEVEL, zlib.DEFLATED, -15).flush()  # an empty final block
    stream = b"".join([b"\x78\x5e", *(body for body, _, _ in pieces), last,
                       struct.pack(">I", checksum)])
    header = struct.pack(">IIBBBBB", width, height, 8, 6 if alpha else 2, 0, 0, 0)
    per_metre = struct.pack(">IIB", *dots_per_metre, 1)

    def fill(temp: Path) -> None:
        with open(temp, "wb") as handle:
            handle.write(_SIGNATURE + _chunk(b"IHDR", header) + _chunk(b"pHYs", per_metre))
            for offset in range(0, len(stream), 1 << 30):
                handle.write(_chunk(b"IDAT", stream[offset:offset + (1 << 30)]))
            handle.write(_chunk(b"IEND", b""))

    write_file(path, fill, check_png)
