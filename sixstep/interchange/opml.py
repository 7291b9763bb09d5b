"""OPML outlines, as XMind, Freeplane and most outliners write them.

The effect is the single top ``outline`` when the body has one and the head's title is empty
or the same text; otherwise the title is the effect and the top outlines are the headings.
A cause's notes are in ``_note``; its status, root-cause mark and votes in ``status``,
``rootCause`` and ``votes`` attributes (OPML allows any attribute). We write the title and a
single top outline for the effect, so our own files read back the same either way.

Reading uses ElementTree with a builder that refuses a DOCTYPE the moment it starts, so no
entity can be declared (and none expanded), and that counts depth and outlines as elements
open; the text is fed line by line so every refusal names its line.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from fishbone.model import Diagram
from sixstep.interchange.errors import (
    MAX_DEPTH,
    MAX_NODES,
    InterchangeError,
    check_lines,
    check_size,
)
from sixstep.interchange.outline import (
    STATUS_TEXT,
    Node,
    Outline,
    as_outline,
    checked_text,
    read_flag,
    read_status,
    read_votes,
    walk,
)

_INVALID_XML = {i for i in range(32) if i not in (9, 10, 13)} | {0xFFFE, 0xFFFF}


class _Refused(Exception):
    def __init__(self, message: str) -> None:
        self.message = message


class _SafeBuilder(ET.TreeBuilder):
    """A tree builder that refuses DTDs and too deep or too many elements."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.count = 0
        self.line = 1
        self.lines: dict[int, int] = {}  # id(element) -> line where it opened

    def doctype(self, name: str, pubid: str | None, system: str | None) -> None:
        raise _Refused("a DOCTYPE is not allowed in OPML (it could declare entities)")

    def start(self, tag, attrs):  # type: ignore[no-untyped-def]
        self.depth += 1
        self.count += 1
        if self.depth > MAX_DEPTH + 4:
            raise _Refused(f"nested more than {MAX_DEPTH} levels deep")
        if self.count > MAX_NODES + 100:
            raise _Refused(f"more than {MAX_NODES:,} outlines")
        element = super().start(tag, attrs)
        self.lines[id(element)] = self.line
        return element

    def end(self, tag):  # type: ignore[no-untyped-def]
        self.depth -= 1
        return super().end(tag)



def escape(text: str) -> str:
    """Text as XML character data (``xml.sax.saxutils.escape`` pulls in the whole URL and
    mail stack at start-up: the app loads this module before its window shows)."""
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


def quoteattr(text: str, entities: dict[str, str]) -> str:
    """Text as a quoted XML attribute value, as ``xml.sax.saxutils.quoteattr`` writes it."""
    text = escape(text)
    for plain, coded in entities.items():
        text = text.replace(plain, coded)
    if '"' not in text:
        return f'"{text}"'
    if "'" not in text:
        return f"'{text}'"
    return '"' + text.replace('"', "&quot;") + '"'


def _parse(data: bytes | str) -> tuple[ET.Element, dict[int, int]]:
    check_size(data)
    check_lines(data)
    builder = _SafeBuilder()
    parser = ET.XMLParser(target=builder)
    try:
        chunks = (data.splitlines(keepends=True) if isinstance(data, bytes)
                  else re.findall(r"[^\n]*\n|[^\n]+", data))
        for number, line in enumerate(chunks, start=1):
            builder.line = number
            parser.feed(line)
        root = parser.close()
    except _Refused as exc:
        raise InterchangeError(exc.message, builder.line) from None
    except ET.ParseError as exc:
        line, column = exc.position
        message = str(exc).split(":")[0]
        raise InterchangeError(f"not well-formed XML ({message})", line, column + 1) from None
    return root, builder.lines


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def read_opml(data: bytes | str) -> Outline:
    """Read an OPML document."""
    if isinstance(data, str) and data.startswith("\ufeff"):
        data = data[1:]
    root, lines = _parse(data)
    if _local(root.tag) != "opml":
        raise InterchangeError(f"not OPML: the document is <{_local(root.tag)}>, not <opml>", 1)
    head = next((e for e in root if _local(e.tag) == "head"), None)
    title_element = None if head is None else next(
        (e for e in head if _local(e.tag) == "title"), None)
    title = " ".join((title_element.text or "").split()) if title_element is not None else ""
    body = next((e for e in root if _local(e.tag) == "body"), None)
    if body is None:
        raise InterchangeError("this OPML has no <body>", lines.get(id(root), 1))
    tops = [e for e in body if _local(e.tag) == "outline"]
    outline = Outline(checked_text(title, "The effect", lines.get(id(title_element), 1)))
    if len(tops) == 1 and (not title or title == " ".join(tops[0].get("text", "").split())):
        effect = tops[0]
        outline.effect = checked_text(effect.get("text", "").strip(), "The effect",
                                      lines[id(effect)])
        tops = [e for e in effect if _local(e.tag) == "outline"]
    pending: list[tuple[list[Node], list[ET.Element]]] = [(outline.headings, tops)]
    while pending:
        siblings, elements = pending.pop()
        for element in elements:
            node = _node(element, lines[id(element)])
            siblings.append(node)
            kids = [e for e in element if _local(e.tag) == "outline"]
            if kids:
                pending.append((node.children, kids))
    return outline


def _node(element: ET.Element, line: int) -> Node:
    get = element.get
    text = get("text")
    if text is None:
        text = get("title", "")
    return Node(
        checked_text(text.strip(), "A label", line),
        read_status(get("status", ""), line),
        read_flag(get("rootCause", ""), "rootCause", line),
        read_votes(get("votes", ""), line),
        checked_text(get("_note", ""), "A note", line),
        line=line,
    )


def _attr(value: str) -> str:
    clean = "".join(ch if ord(ch) not in _INVALID_XML else "\ufffd" for ch in value)
    return quoteattr(clean, {"\n": "&#10;", "\r": "&#13;", "\t": "&#9;"})


def _outline_tag(node: Node, depth: int) -> str:
    attrs = [f"text={_attr(node.text)}"]
    if depth > 1:
        if node.status != "possible":
            attrs.append(f"status={_attr(STATUS_TEXT[node.status])}")
        if node.root_cause:
            attrs.append('rootCause="true"')
        if node.votes:
            attrs.append(f'votes="{node.votes}"')
        if node.notes:
            attrs.append(f"_note={_attr(node.notes)}")
    return "<outline " + " ".join(attrs)


def write_opml(source: Diagram | Outline) -> str:
    """OPML 2.0: the effect as title and single top outline, then headings and causes."""
    outline = as_outline(source)
    title = escape("".join(ch for ch in " ".join(outline.effect.split())
                           if ord(ch) not in _INVALID_XML))
    out = ['<?xml version="1.0" encoding="UTF-8"?>', '<opml version="2.0">',
           f"  <head>\n    <title>{title}</title>\n  </head>", "  <body>",
           "    " + _outline_tag(Node(outline.effect), 0) + (">" if outline.headings else "/>")]
    nodes = list(walk(outline.headings))
    open_depths: list[int] = []
    for i, (depth, node) in enumerate(nodes):
        while open_depths and open_depths[-1] >= depth:
            out.append("  " * (open_depths.pop() + 2) + "</outline>")
        has_children = i + 1 < len(nodes) and nodes[i + 1][0] > depth
        out.append("  " * (depth + 2) + _outline_tag(node, depth)
                   + (">" if has_children else "/>"))
        if has_children:
            open_depths.append(depth)
    while open_depths:
        out.append("  " * (open_depths.pop() + 2) + "</outline>")
    if outline.headings:
        out.append("    </outline>")
    out += ["  </body>", "</opml>"]
    return "\n".join(out) + "\n"
