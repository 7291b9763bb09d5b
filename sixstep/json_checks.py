"""Typed field readers for untrusted JSON: each refusal names the JSON path and the problem.

These readers check a file's shape (an object, a list, text, true/false); what a value may
be is a rule of ``sixstep.rules``, told through ``ruled`` with the path in front.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any, TypeVar

from sixstep.rules import (
    ITEM_LIMITS,
    MAX_EXTRA_CHARS,
    MAX_EXTRA_VALUES,
    TEXT_LIMITS,
    RuleError,
    text_problem,
)

MAX_TEXT = TEXT_LIMITS["notes"][0]  # the longest any text may be (kept for older callers)
MAX_MESSAGE = 300  # characters in one refusal: a message box, not a dump of the file

# Which kind of text (a key of rules.TEXT_LIMITS) each key of the file holds; any other key
# holds "text". Lists of texts name the kind of their entries.
FIELD_KINDS: dict[str, str] = {
    **dict.fromkeys(("id", "category", "parent", "alternative", "criterion", "participant",
                     "merged_into", "status", "kind"), "id"),
    **dict.fromkeys(("title", "name", "text", "effect", "term", "action", "owner", "due"),
                    "name"),
    **dict.fromkeys(("notes", "findings"), "notes"),
}
LIST_KINDS: dict[str, str] = dict.fromkeys(("addresses", "chosen", "techniques"), "id")
NOTES_OBJECTS = ("step_notes",)  # objects whose every key holds notes


def shorten(message: str, limit: int = MAX_MESSAGE) -> str:
    """One line of at most ``limit`` characters; a long middle (a value quoted from the file)
    is cut, so the place at the start and the problem at the end both stay."""
    line = " ".join(message.splitlines())
    if len(line) <= limit:
        return line
    tail = limit // 3
    return line[: limit - tail - 1] + "\u2026" + line[-tail:]

T = TypeVar("T")


class CaseFormatError(ValueError):
    """A case file that cannot be read; the message says where in the file and what is wrong,
    on one line of at most MAX_MESSAGE characters."""

    def __init__(self, message: str = "") -> None:
        super().__init__(shorten(str(message)))


def fail(where: str, problem: str) -> CaseFormatError:
    return CaseFormatError(f"{where}: {problem}" if where else problem)


def ruled(where: str, rule: Callable[..., T], *values: Any) -> T:
    """``rule(*values)``, its refusal told as a file error at ``where``."""
    try:
        return rule(*values)
    except RuleError as error:
        raise fail(where, str(error)) from None


def join(where: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{where}[{key}]"
    return f"{where}.{key}" if where else key


def type_name(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    return "an object"


def obj(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise fail(where, f"should be an object, not {type_name(value)}")
    return value


def lst(value: Any, where: str) -> list[Any]:
    if not isinstance(value, list):
        raise fail(where, f"should be a list, not {type_name(value)}")
    return value


def text(value: Any, where: str, kind: str = "notes") -> str:
    """Text within the limits of its ``kind`` (characters, lines) that can be saved."""
    if not isinstance(value, str):
        raise fail(where, f"should be text, not {type_name(value)}")
    problem = text_problem(value, kind)
    if problem is not None:
        raise fail(where, f"the text {problem}")
    return value


def opt_text(value: Any, where: str, kind: str = "notes") -> str | None:
    return None if value is None else text(value, where, kind)


def boolean(value: Any, where: str) -> bool:
    if not isinstance(value, bool):
        raise fail(where, f"should be true or false, not {type_name(value)}")
    return value


def counted(value: Any, where: str, kind: str = "list") -> list[Any]:
    """A list of at most ITEM_LIMITS[kind] entries (``kind`` defaults to any list)."""
    items = lst(value, where)
    limit = ITEM_LIMITS.get(kind, ITEM_LIMITS["list"])
    if len(items) > limit:
        raise fail(where, f"has {len(items):,} entries; at most {limit:,} are allowed")
    return items


def text_list(value: Any, where: str, kind: str = "text", count_kind: str = "list") -> list[str]:
    return [text(item, join(where, i), kind)
            for i, item in enumerate(counted(value, where, count_kind))]


def _kind(where: str, key: str) -> str:
    return "notes" if where in NOTES_OBJECTS else FIELD_KINDS.get(key, "text")


def check_extra(value: Any, where: str, values: int = 0, chars: int = 0) -> tuple[int, int]:
    """Add the values and characters of ``value`` (held by an unknown key at ``where``) to the
    counts given, refusing a number that is not finite or counts past MAX_EXTRA_VALUES or
    MAX_EXTRA_CHARS. Walks without recursion and stops at the first problem."""
    stack = [value]
    while stack:
        item = stack.pop()
        values += 1
        if isinstance(item, str):
            chars += len(item)
        elif isinstance(item, float) and not math.isfinite(item):
            raise fail(where, "the number is too large")
        elif isinstance(item, dict):
            chars += sum(len(k) for k in item)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
        if values > MAX_EXTRA_VALUES or chars > MAX_EXTRA_CHARS:
            raise fail(where, "keys this version does not know hold more than "
                       f"{MAX_EXTRA_VALUES:,} values or {MAX_EXTRA_CHARS:,} characters")
    return values, chars


class Fields:
    """Reads the known keys of one JSON object; whatever is left over is kept as ``extra``."""

    def __init__(self, value: Any, where: str) -> None:
        self.data = obj(value, where)
        self.where = where
        self.used: set[str] = set()
        limit = ITEM_LIMITS.get(where)
        if limit is not None and len(self.data) > limit:
            raise fail(where, f"has {len(self.data):,} entries; at most {limit:,} are allowed")
        if where in NOTES_OBJECTS:  # its keys are kept too: short, one line
            for key in self.data:
                problem = text_problem(key, "id")
                if problem is not None:
                    raise fail(where, f"a key {problem}")

    def at(self, key: str) -> str:
        return join(self.where, key)

    def has(self, key: str) -> bool:
        return key in self.data

    def raw(self, key: str, default: Any = None, required: bool = False) -> Any:
        self.used.add(key)
        if key not in self.data:
            if required:
                raise fail(self.where or "the file", f"the key {key!r} is missing")
            return default
        return self.data[key]

    def text(self, key: str, default: str = "", required: bool = False) -> str:
        return text(self.raw(key, default, required), self.at(key), _kind(self.where, key))

    def opt_text(self, key: str) -> str | None:
        return opt_text(self.raw(key), self.at(key), _kind(self.where, key))

    def boolean(self, key: str, default: bool = False) -> bool:
        return boolean(self.raw(key, default), self.at(key))

    def text_list(self, key: str) -> list[str]:
        return text_list(self.raw(key, []), self.at(key), LIST_KINDS.get(key, "text"),
                         key if key in ITEM_LIMITS else "list")

    def items(self, key: str) -> list[tuple[str, Any]]:
        """The entries of the list at ``key`` with each one's path (at most ITEM_LIMITS)."""
        where = self.at(key)
        entries = counted(self.raw(key, []), where, key if key in ITEM_LIMITS else "list")
        return [(join(where, i), v) for i, v in enumerate(entries)]

    def extra(self) -> dict[str, Any]:
        """The keys this version does not know, kept as they are within MAX_EXTRA_VALUES
        values and MAX_EXTRA_CHARS characters for this object."""
        extra = {k: v for k, v in self.data.items() if k not in self.used}
        values = chars = 0
        for key, value in extra.items():
            if text_problem(key, "id") is not None:
                raise fail(self.where or "the top level", "a key this version does not know "
                           f"is longer than {TEXT_LIMITS['id'][0]} characters or breaks lines")
            values, chars = check_extra(value, self.at(key), values, chars + len(key))
        return extra


def unique_ids(entries: list[tuple[str, str]], what: str) -> set[str]:
    """Refuse an empty or repeated id; ``entries`` pairs each id with its path."""
    seen: set[str] = set()
    for where, ident in entries:
        if not ident.strip():
            raise fail(where, f"a {what} id must not be empty")
        if ident in seen:
            raise fail(where, f"the {what} id {ident!r} is used twice")
        seen.add(ident)
    return seen
