"""The workshop report's blocks as Markdown that shows typed text literally (no HTML, no
emphasis or lists made from what people typed)."""

from __future__ import annotations

import re

from sixstep.report_blocks import Block, Bullets, Heading, Outline, Paragraph, Table
from sixstep.result_text import one_line

_ALWAYS = re.compile(r"[`*_\[\]]|\\(?=[!-/:-@\[-`{-~]|$)")
_TAG_START = re.compile(r"<(?=[A-Za-z/!?])")  # could open HTML or an autolink
_ENTITY = re.compile(r"&(?=#?\w+;)")  # would be read as a character reference
_LINE_START = re.compile(r"^([-+>#]|\d{1,9}[.)](?=\s|$))")
_UNDERLINE = re.compile(r"^=")  # a setext heading underline
_FENCE = re.compile(r"^~{3,}")
_CLOSING_HASHES = re.compile(r"(\s)(#+)$")  # would close an ATX heading


def md_escape(text: str, cell: bool = False) -> str:
    """Typed text as Markdown that a CommonMark viewer shows literally (no HTML, emphasis,
    links, lists, quotes or headings made from it).

    Only what CommonMark needs is escaped, and only with escapes Python-Markdown also
    reads, so no viewer shows a stray backslash: "*", "_", "`", "[", "]" and a backslash
    before punctuation always; "<" that could open a tag and "&" that could open an entity
    as character references; a mark that could open a block at the start of a line; a "|"
    only inside a table cell (``cell``).
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    text = "".join(ch for ch in text if ch == "\n" or ch >= " ")
    lines = []
    for line in text.split("\n"):
        line = _ALWAYS.sub(lambda m: "\\" + m.group(), line.strip())
        line = _TAG_START.sub("&lt;", _ENTITY.sub("&amp;", line))
        if cell:  # no blocks open inside a cell; only its pipes matter
            line = line.replace("|", "\\|")
        else:
            line = _UNDERLINE.sub("&#61;", _FENCE.sub(lambda m: "&#126;" + m.group()[1:], line))
            line = _LINE_START.sub(lambda m: _escape_mark(m.group(1)), line)
            line = _CLOSING_HASHES.sub(lambda m: m.group(1) + "\\" + m.group(2), line)
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
    return md_escape(one_line(text), cell=True) or " "


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
