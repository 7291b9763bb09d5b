"""The tree every format reads into and writes from: an effect, headings, nested causes."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from fishbone.model import Diagram
from sixstep.interchange.errors import MAX_DEPTH, MAX_NODES, InterchangeError
from sixstep.rules import RuleError, check_text, check_votes

# How the formats spell a status; the first spelling is the one written.
STATUS_WORDS: dict[str, str] = {
    "possible": "possible", "confirmed": "confirmed",
    "ruled out": "ruled_out", "ruled_out": "ruled_out", "ruled-out": "ruled_out",
}
STATUS_TEXT = {"possible": "possible", "confirmed": "confirmed", "ruled_out": "ruled out"}
_TRUE = {"true", "yes", "y", "1", "x", "root", "root cause", "\u2713", "\u2714"}
_FALSE = {"", "false", "no", "n", "0", "-"}


@dataclass
class Node:
    """A heading (only ``text`` and ``children`` count) or a cause, with where it was read."""

    text: str
    status: str = "possible"
    root_cause: bool = False
    votes: int = 0
    notes: str = ""
    children: list[Node] = field(default_factory=list)
    line: int | None = None


@dataclass
class Outline:
    effect: str = ""
    headings: list[Node] = field(default_factory=list)


def status_from_word(word: str) -> str | None:
    """A status from how people write it ("Ruled out", "ruled_out"...), or None."""
    return STATUS_WORDS.get(" ".join(word.strip().lower().split()))


def read_status(word: str, line: int | None, column: int | None = None) -> str:
    status = status_from_word(word) if word.strip() else "possible"
    if status is None:
        raise InterchangeError(f"unknown status {word.strip()!r}: use possible, confirmed or "
                               "ruled out", line, column)
    return status


def read_flag(word: str, what: str, line: int | None, column: int | None = None) -> bool:
    value = word.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise InterchangeError(f"{what} should be yes or no, not {word.strip()!r}", line, column)


def read_votes(word: str, line: int | None, column: int | None = None) -> int:
    value = word.strip()
    if not value:
        return 0
    if not (value.isascii() and value.isdigit()):
        raise InterchangeError(f"votes should be a whole number, not {value!r}", line, column)
    try:
        return check_votes(int(value) if len(value) <= 9 else -1)
    except RuleError as exc:
        raise InterchangeError(str(exc).rstrip("."), line, column) from None


def checked_text(value: str, what: str, line: int | None, column: int | None = None) -> str:
    """Text within the case's own limits (``sixstep.rules.check_text``)."""
    try:
        return check_text(value, what)
    except RuleError as exc:
        raise InterchangeError(str(exc).rstrip("."), line, column) from None


def walk(nodes: Iterable[Node]) -> Iterator[tuple[int, Node]]:
    """Every node with its depth (1 for the given nodes), parents first, without recursion."""
    stack: list[tuple[int, Iterator[Node]]] = [(1, iter(nodes))]
    while stack:
        depth, children = stack[-1]
        node = next(children, None)
        if node is None:
            stack.pop()
            continue
        yield depth, node
        if node.children:
            stack.append((depth + 1, iter(node.children)))


class Nester:
    """Builds a tree from nodes read top to bottom, each with a level: a node's parent is the
    nearest earlier node with a smaller level. Depth and node count are checked as it goes."""

    def __init__(self) -> None:
        self.roots: list[Node] = []
        self.count = 0
        self._stack: list[tuple[Any, Node]] = []

    def add(self, level: Any, node: Node, line: int | None) -> None:
        while self._stack and not self._stack[-1][0] < level:
            self._stack.pop()
        if len(self._stack) >= MAX_DEPTH:
            raise InterchangeError(f"nested more than {MAX_DEPTH} levels deep", line)
        self.count += 1
        if self.count > MAX_NODES:
            raise InterchangeError(f"more than {MAX_NODES:,} headings and causes", line)
        (self._stack[-1][1].children if self._stack else self.roots).append(node)
        self._stack.append((level, node))


def outline_from_diagram(diagram: Diagram) -> Outline:
    """The diagram as an outline: every heading in order (empty ones too), causes nested."""
    by_parent = diagram.children_map()
    outline = Outline(diagram.effect)
    for category in diagram.categories:
        heading = Node(category.name)
        outline.headings.append(heading)
        pending = [(heading, by_parent.get(None, {}).get(category.id, []))]
        while pending:
            parent, causes = pending.pop()
            for cause in causes:
                node = Node(cause.text, cause.status, cause.root_cause, cause.votes, cause.notes)
                parent.children.append(node)
                kids = by_parent.get(cause.id, {}).get(category.id, [])
                if kids:
                    pending.append((node, kids))
    return outline


def as_outline(source: Diagram | Outline) -> Outline:
    return source if isinstance(source, Outline) else outline_from_diagram(source)
