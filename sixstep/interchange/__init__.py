"""Fishbone interchange: Mermaid ``ishikawa``, Markdown outlines, OPML and CSV, in and out.

Readers take bytes or text and give an :class:`Outline` (or raise :class:`InterchangeError`
naming the line); ``build`` turns an outline into a new diagram or into a plan for adding it
to an open one. Writers take a diagram (or an outline) and give text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePath

from fishbone.model import Diagram
from sixstep.interchange.build import (
    MergePlan,
    diagram_from_outline,
    merge_into,
    merged,
    paste_plan,
)
from sixstep.interchange.csv_table import read_csv, write_csv
from sixstep.interchange.errors import InterchangeError
from sixstep.interchange.markdown import read_markdown, write_markdown
from sixstep.interchange.mermaid import read_mermaid, write_mermaid
from sixstep.interchange.opml import read_opml, write_opml
from sixstep.interchange.outline import Node, Outline, outline_from_diagram

__all__ = [
    "FORMATS", "Format", "InterchangeError", "MergePlan", "Node", "Outline",
    "diagram_from_outline", "export_bytes", "format_for_path", "import_diagram", "merge_into",
    "merged", "outline_from_diagram", "paste_plan", "read_outline",
]


@dataclass(frozen=True)
class Format:
    name: str
    label: str  # for a file dialog
    suffixes: tuple[str, ...]  # the first is the one written
    read: Callable[[bytes | str], Outline]
    write: Callable[[Diagram | Outline], str]
    byte_order_mark: bool = False  # written so that spreadsheets see UTF-8


FORMATS: dict[str, Format] = {
    f.name: f for f in (
        Format("mermaid", "Mermaid ishikawa", (".mmd", ".mermaid"), read_mermaid, write_mermaid),
        Format("markdown", "Markdown outline", (".md", ".markdown", ".txt"), read_markdown,
               write_markdown),
        Format("opml", "OPML outline", (".opml", ".xml"), read_opml, write_opml),
        Format("csv", "CSV table", (".csv", ".tsv"), read_csv, write_csv, byte_order_mark=True),
    )
}


def format_for_path(path: str | PurePath) -> Format | None:
    """The format a file name's suffix says, or None."""
    suffix = PurePath(path).suffix.lower()
    return next((f for f in FORMATS.values() if suffix in f.suffixes), None)


def read_outline(format_name: str, data: bytes | str) -> Outline:
    return FORMATS[format_name].read(data)


def import_diagram(format_name: str, data: bytes | str) -> Diagram:
    """A new diagram from a file's bytes (or pasted text); InterchangeError if it is bad."""
    return diagram_from_outline(read_outline(format_name, data))


def export_bytes(format_name: str, source: Diagram | Outline) -> bytes:
    """The file as UTF-8 bytes (with a byte-order mark for CSV)."""
    fmt = FORMATS[format_name]
    data = fmt.write(source).encode("utf-8")
    return b"\xef\xbb\xbf" + data if fmt.byte_order_mark else data
