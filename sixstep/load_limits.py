"""The loader's limits on a whole file: its shape before the JSON is parsed (nesting, how many
values and texts), every parsed value after it, and how deep the causes nest."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from fishbone.model import Diagram
from sixstep.json_checks import CaseFormatError, fail, join
from sixstep.rules import MAX_CAUSE_DEPTH, MAX_TEXT

MAX_DEPTH = 40  # the format itself nests 5 deep; extra keys get some room
MAX_CONTAINERS = 200_000  # lists and objects in one file
MAX_VALUES = 1_000_000  # values in one file (about the number of commas)
MAX_TEXTS = 500_000  # texts in one file, keys included
MAX_KEY = 200  # characters in one key

# After escaped backslashes and escaped quotes are taken out, a text is a quote, anything but
# a quote, and a quote (or the end, for a text left open): one linear pass, no backtracking.
_ESCAPED = (b"\\\\", b'\\"')
_TEXTS = re.compile(rb'"[^"]*(?:"|\Z)')
_CHUNK = 1 << 20
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")
# A lone surrogate hides as an escape (or, in text given as a str, encoded): only a walk of
# the parsed values can place it.
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")
_SURROGATE_BYTES = re.compile(rb"\xed[\xa0-\xbf]")
_SURROGATE = re.compile("[\ud800-\udfff]")


class NonFinite:
    """``NaN`` or ``Infinity`` in the file, kept until the walk refuses it with its place."""

    def __init__(self, word: str) -> None:
        self.word = word


class JsonObject(dict[str, Any]):
    """A JSON object that remembers a key it saw twice (the parser keeps only the last)."""

    duplicate: str | None = None


class JsonHooks:
    """The parser's hooks for one file; ``suspect`` turns true when the parsed values must be
    walked (a repeated key, NaN or Infinity), so a clean file is never walked in Python."""

    def __init__(self) -> None:
        self.suspect = False

    def object_pairs(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        out = JsonObject(pairs)
        if len(out) < len(pairs):  # a key came twice: note the first one repeated
            seen: set[str] = set()
            for key, _ in pairs:
                if key in seen:
                    out.duplicate = key
                    break
                seen.add(key)
            self.suspect = True
        return out

    def constant(self, word: str) -> NonFinite:
        self.suspect = True
        return NonFinite(word)


def _outside_texts(plain: bytes) -> Iterator[bytes]:
    """What lies outside the texts of ``plain`` (which holds no escaped quote), a chunk at a
    time so that no more than a chunk's pieces are ever held at once."""
    inside = False
    for start in range(0, len(plain), _CHUNK):
        chunk = plain[start:start + _CHUNK]
        if inside:  # a text runs on from the chunk before
            close = chunk.find(b'"')
            if close < 0:
                continue
            chunk = chunk[close + 1:]
        inside = chunk.count(b'"') % 2 == 1
        yield _TEXTS.sub(b"", chunk)


def check_shape(raw: bytes) -> bool:
    """Refuse a file nested too deep or holding too many values, lists, objects or texts,
    before the parser builds any of them. True when the file may hold a lone surrogate, which
    only a walk of the parsed values can find and place."""
    plain = raw
    for escape in _ESCAPED:
        plain = plain.replace(escape, b"")
    if plain.count(b'"') > 2 * MAX_TEXTS:
        raise CaseFormatError(f"the file holds more than {MAX_TEXTS:,} texts")
    commas = 0
    brackets: list[bytes] = []
    for outside in _outside_texts(plain):
        commas += outside.count(b",")
        if commas > MAX_VALUES:
            raise CaseFormatError(f"the file holds more than {MAX_VALUES:,} values")
        brackets.append(outside.translate(None, _NOT_BRACKETS))
    del plain
    depth = opened = 0
    for byte in b"".join(brackets):
        if byte in b"[{":
            depth += 1
            opened += 1
            if depth > MAX_DEPTH:
                raise CaseFormatError(f"nested more than {MAX_DEPTH} levels deep")
            if opened > MAX_CONTAINERS:
                raise CaseFormatError(f"the file holds more than {MAX_CONTAINERS:,} lists "
                                      "and objects")
        else:
            depth -= 1
    return (b"\\u" in raw and _SURROGATE_ESCAPE.search(raw) is not None
            or b"\xed" in raw and _SURROGATE_BYTES.search(raw) is not None)


def _path(trail: tuple[Any, ...] | None) -> str:
    keys: list[str | int] = []
    while trail is not None:
        trail, key = trail
        keys.append(key)
    where = ""
    for key in reversed(keys):
        where = join(where, key)
    return where


def _value_problem(value: Any) -> str | None:
    if isinstance(value, str):
        if len(value) > MAX_TEXT:
            return f"the text is longer than {MAX_TEXT:,} characters"
        if _SURROGATE.search(value):
            return "the text holds a character that cannot be saved (a lone surrogate)"
    elif isinstance(value, float):
        if value in (float("inf"), float("-inf")):
            return "the number is too large"
    elif isinstance(value, NonFinite):
        return f"{value.word} is not allowed: numbers must be finite"
    return None


def check_values(root: Any) -> None:
    """Walk the parsed tree without recursion for repeated keys, long keys, texts that are too
    long or cannot be saved, and numbers that are not finite. Paths are only built to fail.

    The loader walks only a file that ``check_shape`` or ``JsonHooks`` found suspect: the
    case's readers check every known text and number, and what unknown keys hold is checked
    as it is measured (``json_checks.check_extra``)."""
    if not isinstance(root, (dict, list)):
        problem = _value_problem(root)
        if problem is not None:
            raise fail("", problem)
        return
    stack: list[tuple[Any, tuple[Any, ...] | None]] = [(root, None)]
    while stack:
        container, trail = stack.pop()
        if isinstance(container, dict):
            if isinstance(container, JsonObject) and container.duplicate is not None:
                raise fail(_path(trail) or "the top level",
                           f"the key {container.duplicate!r} appears twice")
            entries: Any = container.items()
        else:
            entries = enumerate(container)
        for key, value in entries:
            if isinstance(key, str) and (len(key) > MAX_KEY or _SURROGATE.search(key)):
                raise fail(_path(trail) or "the top level",
                           f"a key is longer than {MAX_KEY} characters or cannot be saved")
            if isinstance(value, (dict, list)):
                stack.append((value, (trail, key)))
                continue
            problem = _value_problem(value)
            if problem is not None:
                raise fail(_path((trail, key)), problem)


def check_cause_depth(diagram: Diagram) -> None:
    """Refuse causes nested deeper than MAX_CAUSE_DEPTH (the loader has refused cycles)."""
    parent = {c.id: c.parent for c in diagram.causes}
    depth: dict[str, int] = {}
    for index, cause in enumerate(diagram.causes):
        trail: list[str] = []
        node: str | None = cause.id
        while node is not None and node not in depth and len(trail) <= len(parent):
            trail.append(node)
            node = parent.get(node)
        level = depth.get(node, 0) if node is not None else 0
        for ident in reversed(trail):
            level += 1
            depth[ident] = level
        if depth.get(cause.id, 0) > MAX_CAUSE_DEPTH:
            raise fail(f"fishbone.causes[{index}].parent",
                       f"causes may be nested at most {MAX_CAUSE_DEPTH} levels deep")
