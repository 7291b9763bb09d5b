"""What copy and paste on the fishbone exchange as text: a branch (a cause with its sub-causes,
a heading with its causes, or the whole diagram) written as a Markdown outline, and pasted
text read as a Mermaid ``ishikawa`` diagram, a Markdown outline, or plain indented lines."""

from __future__ import annotations

import re
from dataclasses import replace

from fishbone.model import Diagram
from sixstep.interchange.errors import InterchangeError, decode_text, text_lines
from sixstep.interchange.markdown import read_markdown, write_markdown
from sixstep.interchange.mermaid import read_mermaid, skip_front_matter
from sixstep.interchange.outline import Outline, outline_from_diagram

_MERMAID_HEADER = re.compile(r"\s*ishikawa(-beta)?(?![A-Za-z0-9_])", re.IGNORECASE)
_OUTLINE_LINE = re.compile(r"\s*([-*+]|\d{1,9}[.)]|#{1,6})(\s|$)")
_PLAIN_HEADER = "ishikawa-beta\n#32;\n"  # Mermaid's header and an empty effect, two lines


def branch_outline(diagram: Diagram, cause_id: str) -> Outline:
    """One cause with its sub-causes: an outline whose one top node is that cause."""
    top = diagram.cause(cause_id)
    causes = [replace(c, parent=None) if c.id == cause_id else c
              for c in diagram.subtree(cause_id)]
    piece = outline_from_diagram(Diagram("", [diagram.category(top.category)], causes))
    return Outline("", piece.headings[0].children)


def heading_outline(diagram: Diagram, heading_id: str) -> Outline:
    """One heading with its causes: an outline whose one top node is the heading."""
    heading = diagram.category(heading_id)
    causes = [c for c in diagram.causes if c.category == heading_id]
    return outline_from_diagram(Diagram("", [heading], causes))


def copy_text(diagram: Diagram, kind: str, item_id: str) -> str:
    """The Markdown outline Copy puts on the clipboard for a selected cause (``kind``
    "cause"), heading ("category") or the head ("head": the whole diagram)."""
    if kind == "cause":
        return write_markdown(branch_outline(diagram, item_id), suffix_depth=1)
    if kind == "category":
        return write_markdown(heading_outline(diagram, item_id))
    return write_markdown(diagram)


def read_pasted(data: str | bytes) -> Outline:
    """Pasted text as an outline: Mermaid when it starts with ``ishikawa``, else a Markdown
    outline; lines with no bullets at all are read as plain indented lines (each line a node,
    a deeper indentation a child). InterchangeError names the line that is wrong."""
    text = decode_text(data)
    lines = text_lines(text)
    first = next((line for line in lines[skip_front_matter(lines):]
                  if line.strip() and not line.strip().startswith("%%")), "")
    if _MERMAID_HEADER.match(first):
        return read_mermaid(text)
    if any(_OUTLINE_LINE.match(line) for line in lines):
        return read_markdown(text)
    try:
        return read_mermaid(_PLAIN_HEADER + text)
    except InterchangeError as exc:
        line = exc.line - 2 if exc.line is not None and exc.line > 2 else None
        raise InterchangeError(exc.message, line, exc.column) from None
