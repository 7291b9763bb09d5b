"""Mermaid ``ishikawa`` diagrams (Mermaid 11.13+), read and written the way Mermaid reads them.

Reading: the header is ``ishikawa`` or ``ishikawa-beta`` in any case (text after it on the
same line is the effect); the first content line is the effect whatever its indentation; each
later line is a node labelled by the trimmed line. A line's level is its count of leading
whitespace characters (a tab is one) less that of the first cause line, plus one, and at least
one; its parent is the nearest earlier line with a smaller level, the top-level causes being
the headings. Whole-line ``%%`` comments, ``%%{...}%%`` directives, a ``---`` front-matter
block and blank lines are skipped.

Labels: Mermaid has no quoting for this diagram. It replaces entity codes ``#name;`` and
``#123;`` before parsing and turns them into the character in the picture, breaks a label at
``<br>``, and shows ``<`` and ``>`` escaped twice. So the writer escapes with entity codes: a
``#`` that starts an entity code (``#35;``), ``<`` and ``>``, a label beginning with the
keyword ``ishikawa`` (its first letter) or with ``%%``, an empty label (``#32;``) and the gap
marker ``[]``; a line break is written ``<br>``. The reader undoes all of it.
"""

from __future__ import annotations

import html
import re

from fishbone.model import Diagram
from sixstep.interchange.errors import InterchangeError, decode_text, text_lines
from sixstep.interchange.outline import Nester, Node, Outline, as_outline, checked_text, walk

_WORD_END = r"(?![A-Za-z0-9_])"  # JavaScript's \b after a word, ASCII only
_HEADER = re.compile(rf"\s*ishikawa(?:-beta{_WORD_END}|{_WORD_END})", re.IGNORECASE)
_KEYWORD_START = re.compile(rf"ishikawa{_WORD_END}", re.IGNORECASE)
_ENTITY = re.compile(r"#([A-Za-z0-9_]+);")
_ENTITY_HASH = re.compile(r"#(?=[A-Za-z0-9_]+;)")
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
INDENT = "  "


def skip_front_matter(lines: list[str]) -> int:
    """The index of the first line after a ``---`` block opening the text (0 when none)."""
    first = next((i for i, line in enumerate(lines) if line.strip()), len(lines))
    if first == len(lines) or lines[first].strip() != "---":
        return 0
    for i in range(first + 1, len(lines)):
        if lines[i].strip() == "---":
            return i + 1
    raise InterchangeError("the front-matter block (---) is never closed", first + 1)


def _decode_label(raw: str) -> str:
    text = _BREAK.sub("\n", raw.strip())

    def entity(match: re.Match[str]) -> str:
        name = match.group(1)
        if name.isdigit():
            code = int(name) if len(name) < 8 else -1
            if 0 < code < 0x110000 and not 0xD800 <= code < 0xE000:
                return chr(code)
            return match.group()
        decoded = html.unescape(f"&{name};")
        return match.group() if decoded == f"&{name};" else decoded

    return _ENTITY.sub(entity, text).strip()


def encode_label(text: str) -> str:
    """A label Mermaid shows as ``text`` (see the module docstring)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    text = _ENTITY_HASH.sub("#35;", text)
    text = text.replace("<", "#60;").replace(">", "#62;")
    text = "<br>".join(part.strip() for part in text.split("\n"))
    if not text:
        return "#32;"
    if text == "[]":
        return "#91;]"
    if _KEYWORD_START.match(text):
        return f"#{ord(text[0])};{text[1:]}"
    if text.startswith("%%"):
        return "#37;" + text[1:]
    return text


def _skip_directive(lines: list[str], i: int) -> int:
    """Past a ``%%{ ... }%%`` directive starting on line ``i`` (it may span lines)."""
    for j in range(i, len(lines)):
        if "}%%" in lines[j]:
            return j + 1
    raise InterchangeError("the directive %%{ is never closed with }%%", i + 1)


def read_mermaid(data: bytes | str) -> Outline:
    """Read a Mermaid ishikawa diagram."""
    lines = text_lines(decode_text(data))
    i = skip_front_matter(lines)
    header: re.Match[str] | None = None
    while i < len(lines):
        stripped = lines[i].strip()
        if stripped.startswith("%%{"):
            i = _skip_directive(lines, i)
        elif not stripped or stripped.startswith("%%"):
            i += 1
        else:
            header = _HEADER.match(lines[i])
            if header is None:
                raise InterchangeError("a Mermaid ishikawa diagram starts with 'ishikawa' or "
                                       f"'ishikawa-beta', not {stripped[:40]!r}", i + 1)
            break
    if header is None:
        raise InterchangeError("no Mermaid ishikawa diagram here (no 'ishikawa-beta' line)")
    outline = Outline()
    nester = Nester()
    effect_seen = False
    rest = lines[i][header.end():]
    if rest.strip():
        outline.effect = checked_text(_decode_label(rest), "The effect", i + 1)
        effect_seen = True
    base: int | None = None
    i += 1
    while i < len(lines):
        line, number = lines[i], i + 1
        label = line.strip()
        if label.startswith("%%{"):
            i = _skip_directive(lines, i)
            continue
        i += 1
        if not label or label.startswith("%%"):
            continue
        if not effect_seen:
            outline.effect = checked_text(_decode_label(label), "The effect", number)
            effect_seen = True
            continue
        indent = len(line) - len(line.lstrip())
        base = indent if base is None else base
        text = checked_text(_decode_label(label), "A label", number)
        nester.add(max(indent - base + 1, 1), Node(text, line=number), number)
    outline.headings = nester.roots
    return outline


def write_mermaid(source: Diagram | Outline) -> str:
    """``ishikawa-beta``, the effect, then headings and causes, two spaces per level."""
    outline = as_outline(source)
    out = ["ishikawa-beta", INDENT + encode_label(outline.effect)]
    for depth, node in walk(outline.headings):
        out.append(INDENT * (depth + 1) + encode_label(node.text))
    return "\n".join(out) + "\n"
