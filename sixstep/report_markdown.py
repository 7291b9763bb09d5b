"""The workshop report's blocks as Markdown that shows typed text literally (no HTML, no
emphasis or lists made from what people typed)."""

from __future__ import annotations

import re

from sixstep.report_blocks import Block, Bullets, Heading, Outline, Paragraph, Table
from sixstep.result_text import one_line

_INLINE = re.compile(r"([\\`*_\[\]{}<>|#~&!])")
_LINE_START = re.compile(r"^(\s*)([-+=]|\d{1,9}[.)](?=\s|$))")


def md_escape(text: str) -> str:
    """Typed text as Markdown that any viewer shows literally (no HTML, no emphasis, no lists).

    Every character that can start markup is backslash-escaped; a line that could open a list,
    a quote or a heading underline gets its first mark escaped as well.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    text = "".join(ch for ch in text if ch == "\n" or ch >= " ")
    lines = []
    for line in text.split("\n"):
        line = _INLINE.sub(r"\\\1", line.strip())
        line = _LINE_START.sub(lambda m: m.group(1) + _escape_mark(m.group(2)), line)
        lines.append(line)
    return "\n".join(lines)


def _escape_mark(mark: str) -> str:
    return mark[:-1] + "\\" + mark[-1] if mark[-1] in ".)" else "\\" + mark


def _md_paragraph(text: str) -> str:
    """A typed paragraph: blank lines stay paragraph breaks, single newlines become spaces."""
    parts = [one_line(p) for p in re.split(r"\n\s*\n", text)]
    return "\n\n".join(md_escape(p) for p in parts if p)


def _md_inline(p: Paragraph) -> str:
    body = md_escape(one_line(p.text))
    if p.quiet:
        body = f"*{body}*"
    if p.label:
        return f"**{md_escape(p.label)}** {body}".rstrip()
    return body


def _md_cell(text: str) -> str:
    return md_escape(one_line(text)) or " "


def _md_block(block: Block) -> str:
    if isinstance(block, Heading):
        return "#" * block.level + " " + md_escape(one_line(block.text))
    if isinstance(block, Paragraph):
        if block.label or block.quiet:
            first, *rest = re.split(r"\n\s*\n", block.text.strip()) or [""]
            out = _md_inline(Paragraph(first, block.label, block.quiet))
            return "\n\n".join([out] + [_md_paragraph(r) for r in rest if r.strip()])
        return _md_paragraph(block.text)
    if isinstance(block, Bullets):
        return "\n".join((f"{i}. " if block.numbered else "- ") + _md_inline(p)
                         for i, p in enumerate(block.items, 1))
    if isinstance(block, Outline):
        lines = []
        for e in block.entries:
            line = "  " * e.depth + "- " + md_escape(e.text) + f" *({md_escape(e.marks)})*"
            if e.note:
                line += " \u2013 " + md_escape(e.note)
            lines.append(line)
        return "\n".join(lines)
    if isinstance(block, Table):
        head = "| " + " | ".join(_md_cell(h) for h in block.headers) + " |"
        rule = "|" + "|".join("---:" if i in block.right else "---"
                              for i in range(len(block.headers))) + "|"
        rows = ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in block.rows]
        return "\n".join([head, rule, *rows])
    return ""  # DiagramPlace, ParetoChart: pictures live in the PDF; a text form is beside them


def markdown_from_blocks(blocks: list[Block]) -> str:
    """Report blocks as one Markdown document, typed text shown literally."""
    parts = [_md_block(b) for b in blocks]
    return "\n\n".join(p for p in parts if p) + "\n"
