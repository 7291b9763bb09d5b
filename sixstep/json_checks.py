"""Typed field readers for untrusted JSON: each refusal names the JSON path and the problem.

These readers check a file's shape (an object, a list, text, true/false); what a value may
be is a rule of ``sixstep.rules``, told through ``ruled`` with the path in front.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from sixstep.rules import RuleError, check_text

T = TypeVar("T")


class CaseFormatError(ValueError):
    """A case file that cannot be read; the message says where in the file and what is wrong."""


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


def text(value: Any, where: str) -> str:
    if not isinstance(value, str):
        raise fail(where, f"should be text, not {type_name(value)}")
    return ruled(where, check_text, value)


def opt_text(value: Any, where: str) -> str | None:
    return None if value is None else text(value, where)


def boolean(value: Any, where: str) -> bool:
    if not isinstance(value, bool):
        raise fail(where, f"should be true or false, not {type_name(value)}")
    return value


def text_list(value: Any, where: str) -> list[str]:
    return [text(item, join(where, i)) for i, item in enumerate(lst(value, where))]


class Fields:
    """Reads the known keys of one JSON object; whatever is left over is kept as ``extra``."""

    def __init__(self, value: Any, where: str) -> None:
        self.data = obj(value, where)
        self.where = where
        self.used: set[str] = set()

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
        return text(self.raw(key, default, required), self.at(key))

    def opt_text(self, key: str) -> str | None:
        return opt_text(self.raw(key), self.at(key))

    def boolean(self, key: str, default: bool = False) -> bool:
        return boolean(self.raw(key, default), self.at(key))

    def text_list(self, key: str) -> list[str]:
        return text_list(self.raw(key, []), self.at(key))

    def items(self, key: str) -> list[tuple[str, Any]]:
        """The entries of the list at ``key`` with each one's path."""
        where = self.at(key)
        return [(join(where, i), v) for i, v in enumerate(lst(self.raw(key, []), where))]

    def extra(self) -> dict[str, Any]:
        return {k: v for k, v in self.data.items() if k not in self.used}


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
