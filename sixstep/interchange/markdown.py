"""Markdown outlines: ``- Heading`` / ``  - cause`` / ``    - sub-cause``, as people and
outliners write them, with a first ``#`` heading as the effect.

Reading takes ``-``, ``*`` and ``+`` bullets and numbered items (``1.`` or ``1)``), tabs (to
the next multiple of four columns) or spaces, CRLF, a byte-order mark, blank lines, a YAML
front-matter block and task boxes (``[ ]``, ``[x]``). A bullet's parent is the nearest earlier
bullet indented less. ``##`` to ``######`` headings are levels too: a ``##`` heading is a
fishbone heading and the bullets under it are its causes. A line that is neither, right after
an item or indented under it, continues that item's text on a new line.

A cause's status, root-cause mark and votes are a suffix in brackets, such as
``[confirmed, root, 3 votes]``; a bracket whose items are not all of those stays in the text.
Backslash escapes (``\\[``) are read as Markdown reads them, and written where a text would
otherwise be misread.
"""

from __future__ import annotations

import re

from fishbone.model import Diagram
from sixstep.interchange.errors import InterchangeError, decode_text, text_lines
from sixstep.interchange.mermaid import skip_front_matter
from sixstep.interchange.outline import (
    STATUS_TEXT,
    Nester,
    Node,
    Outline,
    as_outline,
    checked_text,
    read_votes,
    status_from_word,
    walk,
)

_HEADING = re.compile(r" {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_ITEM = re.compile(r"([ \t]*)([-*+]|\d{1,9}[.)])(?:[ \t]+(.*))?$")
_TASK = re.compile(r"\[[ xX]\][ \t]+")
_SUFFIX = re.compile(r"(?<!\\)\[([^\[\]\\]*)\]$")
_VOTES = re.compile(r"(\d+) votes?")
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")
_BULLET_KEY = 7  # above every heading rank, so headings close the bullets before them


def _columns(indent: str) -> int:
    width = 0
    for ch in indent:
        width = width + 4 - width % 4 if ch == "\t" else width + 1
    return width


def _suffix(text: str) -> tuple[str, dict[str, str]] | None:
    """The text without a trailing ``[status, root, N votes]`` and what it said, or None."""
    match = _SUFFIX.search(text)
    if match is None or (match.start() and not text[:match.start()].endswith((" ", "\t"))):
        return None
    found: dict[str, str] = {}
    for item in match.group(1).split(","):
        word = " ".join(item.lower().split())
        status = status_from_word(word)
        votes = _VOTES.fullmatch(word)
        if status and "status" not in found:
            found["status"] = status
        elif word in ("root", "root cause") and "root" not in found:
            found["root"] = "yes"
        elif votes and "votes" not in found:
            found["votes"] = votes.group(1)
        else:
            return None
    return text[:match.start()].rstrip(), found


def _finish(node: Node, raw: str) -> None:
    """Fill in an item once all its lines are known: text, then the suffix if any."""
    raw = raw.strip()
    split = _suffix(raw)
    if split is not None:
        raw, found = split
        node.status = found.get("status", "possible")
        node.root_cause = "root" in found
        node.votes = read_votes(found.get("votes", ""), node.line)
    node.text = checked_text(_ESCAPED.sub(r"\1", raw).strip(), "A label", node.line)


def read_markdown(data: bytes | str) -> Outline:
    """Read a Markdown outline."""
    lines = text_lines(decode_text(data))
    outline = Outline()
    nester = Nester()
    effect_open = True  # a first "#" heading before anything else is the effect
    item: tuple[Node, int, list[str]] | None = None  # the open item: node, indent, lines
    blank_since = False
    for number in range(skip_front_matter(lines) + 1, len(lines) + 1):
        line = lines[number - 1]
        if not line.strip():
            blank_since = True
            continue
        heading = _HEADING.match(line)
        bullet = None if heading else _ITEM.match(line)
        if heading is None and bullet is None:
            indent = _columns(line[:len(line) - len(line.lstrip())])
            if item is not None and (not blank_since or indent > item[1]):
                item[2].append(line.strip())
                blank_since = False
                continue
            raise InterchangeError("expected a list item ('- text') or a heading ('# text'), "
                                   f"not {line.strip()[:40]!r}", number)
        if item is not None:
            _finish(item[0], "\n".join(item[2]))
            item = None
        blank_since = False
        if heading is not None:
            rank, text = len(heading.group(1)), heading.group(2) or ""
            if rank == 1 and effect_open:
                outline.effect = checked_text(_ESCAPED.sub(r"\1", text).strip(), "The effect",
                                              number)
                effect_open = False
                continue
            node = Node("", line=number)
            nester.add((rank, -1), node, number)
            _finish(node, text)
        else:
            assert bullet is not None
            node = Node("", line=number)
            indent = _columns(bullet.group(1))
            nester.add((_BULLET_KEY, indent), node, number)
            text = bullet.group(3) or ""
            task = _TASK.match(text)
            text = text[task.end():] if task else text
            item = (node, indent, [text])
        effect_open = False
    if item is not None:
        _finish(item[0], "\n".join(item[2]))
    outline.headings = nester.roots
    return outline


def _escape(text: str) -> str:
    """Backslash escapes so that a text reads back as itself (one line of it each)."""
    lines = text.replace("\\", "\\\\").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines = [line.strip() for line in lines]
    lines = [lines[0]] + [_escape_start(line) for line in lines[1:] if line]
    if lines[0].startswith(("[ ]", "[x]", "[X]")):
        lines[0] = "\\" + lines[0]
    if lines[-1].endswith("]"):
        lines[-1] = lines[-1][:-1] + "\\]"
    return "\n".join(lines)


def _escape_start(line: str) -> str:
    """A continuation line that would read as a bullet, a numbered item or a heading."""
    if _HEADING.match(line) or line.startswith(("-", "*", "+")):
        return "\\" + line
    number = re.match(r"\d+[.)]", line)
    if number:
        return line[:number.end() - 1] + "\\" + line[number.end() - 1:]
    return line


def suffix_for(node: Node) -> str:
    """`` [confirmed, root, 3 votes]``: only what differs from a plain possible cause."""
    parts = [STATUS_TEXT[node.status]] if node.status != "possible" else []
    if node.root_cause:
        parts.append("root")
    if node.votes:
        parts.append(f"{node.votes} vote" + ("" if node.votes == 1 else "s"))
    return f" [{', '.join(parts)}]" if parts else ""


def write_markdown(source: Diagram | Outline, suffix_depth: int = 2) -> str:
    """``# effect``, then one bullet per heading and cause, two spaces per level. Items from
    ``suffix_depth`` down are causes and carry their suffix (1: the top items are causes too,
    as in a copied branch)."""
    outline = as_outline(source)
    out: list[str] = []
    effect = " ".join(outline.effect.split())
    if effect:
        effect = _escape(effect)
        out += [f"# {effect[:-1]}\\#" if effect.endswith("#") else f"# {effect}", ""]
    for depth, node in walk(outline.headings):
        indent = "  " * (depth - 1)
        first, *more = _escape(node.text.strip()).split("\n")
        more = [f"{indent}  {part}" for part in more]
        lines = [f"{indent}- {first}", *more]
        lines[-1] += suffix_for(node) if depth >= suffix_depth else ""
        out.extend(line.rstrip() for line in lines)
    return "\n".join(out) + "\n"
