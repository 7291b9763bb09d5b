"""What an import refuses: one error type naming the line and column, the size limits, and
the decoding every text format shares (UTF-8 or UTF-16 with a byte-order mark, no binary)."""

from __future__ import annotations

import re

MAX_BYTES = 5 * 1024 * 1024  # a big fishbone outline is a few hundred kilobytes
MAX_LINES = 50_000
MAX_NODES = 50_000  # headings and causes together
MAX_DEPTH = 50  # levels below the effect: a heading is level 1, its causes level 2...
MAX_HEADINGS = 500

_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


class InterchangeError(ValueError):
    """Input that cannot be imported; ``str()`` is one line naming where and what."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None):
        self.message, self.line, self.column = message, line, column
        where = ""
        if line is not None:
            where = f"line {line}, column {column}: " if column is not None else f"line {line}: "
        super().__init__(where + message)


def line_and_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def check_size(data: bytes | str) -> None:
    if len(data) > MAX_BYTES:
        raise InterchangeError(f"the input is larger than {MAX_BYTES // (1024 * 1024)} MB; "
                               "a fishbone outline is far smaller")


def check_lines(data: bytes | str) -> None:
    newline = b"\n" if isinstance(data, bytes) else "\n"
    if data.count(newline) >= MAX_LINES:  # type: ignore[arg-type]
        raise InterchangeError(f"the input has more than {MAX_LINES:,} lines")


def decode_text(data: bytes | str) -> str:
    """The input as text: limits checked first, byte-order mark dropped, binary refused."""
    check_size(data)
    if isinstance(data, bytes):
        if data.startswith(_UTF16_BOMS):
            try:
                text = data.decode("utf-16")
            except UnicodeDecodeError:
                raise InterchangeError("not UTF-16 text, though it starts as if it were") from None
        else:
            if data.startswith(_UTF8_BOM):
                data = data[len(_UTF8_BOM):]
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError as exc:
                line = data.count(b"\n", 0, exc.start) + 1
                column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
                raise InterchangeError(
                    f"not UTF-8 text (byte 0x{data[exc.start]:02x}); is this a binary file?",
                    line, column) from None
    else:
        text = data
    if text.startswith("\ufeff"):
        text = text[1:]
    check_lines(text)
    bad = _CONTROL.search(text)
    if bad:
        line, column = line_and_column(text, bad.start())
        raise InterchangeError(f"a control character (U+{ord(bad.group()):04X}); "
                               "is this a binary file?", line, column)
    return text


def text_lines(text: str) -> list[str]:
    """Lines with CRLF, CR or LF endings, without the ending."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
