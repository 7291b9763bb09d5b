"""The room's join address as a QR code: a matrix of dark (True) and light modules."""

from __future__ import annotations

import segno


def qr_matrix(text: str, border: int = 4) -> list[list[bool]]:
    """The QR code of ``text`` (error correction M or better), rows top to bottom, with a
    quiet zone of ``border`` light modules on every side for the UI to paint."""
    code = segno.make(text, error="m", micro=False)
    return [[bool(module) for module in row] for row in code.matrix_iter(scale=1, border=border)]
