"""The journal of edits: every edit as one line of JSON, and the replay that brings a case back.

Edits are frozen dataclasses holding plain values and the case's records (``Cause``,
``Alternative``, ``Score``...), so one generic codec serves them all: a dataclass becomes
``{"$c": <class name>, "f": {<field>: <value>}}``, a tuple ``{"$t": [...]}`` and a dict
``{"$m": [[key, value], ...]}``; lists, strings, numbers, booleans and None stay as they are.
A record held twice is written once and then referred to by number. The classes are found by
name in ``registry()``: every dataclass of ``sixstep.edits``, ``sixstep.case`` and
``fishbone.model``. An edit is encoded before it is applied (an undo that changes records it
holds must be written as it was asked for) and written once it applied.

A journal file is one header line, then (when the journal starts from nothing on disk) one
line holding the whole case in its compact file form, then one record per edit:
``{"n": <number of the edit in its session>, "e": <the edit>}``. Lines are ASCII only, so a
record is never cut inside a character; a last line without its newline (the process was
killed while writing it) is ignored.
"""

from __future__ import annotations

import dataclasses
import functools
import importlib
import json
import pkgutil
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sixstep.case import Case
from sixstep.edits.base import Edit

JOURNAL_FORMAT = "problem-workshop-journal"
JOURNAL_SUFFIX = ".journal"
_MODULES = ("sixstep.case", "fishbone.model", "fishbone.changes", "sixstep.interchange.build")


class JournalError(ValueError):
    """A value the journal cannot write, or a line it cannot read back."""


@functools.cache
def registry() -> dict[str, type]:
    """Every record class by name, found on first use (importing every edit module costs
    more than the app's start screen should pay)."""
    import sixstep.edits as edits_package

    names = list(_MODULES) + [f"sixstep.edits.{info.name}"
                              for info in pkgutil.iter_modules(edits_package.__path__)]
    found: dict[str, type] = {}
    for name in names:
        module = importlib.import_module(name)
        for value in vars(module).values():
            if (isinstance(value, type) and dataclasses.is_dataclass(value)
                    and value.__module__ == module.__name__):
                if value.__name__ in found and found[value.__name__] is not value:
                    raise JournalError(f"two classes are named {value.__name__}")
                found[value.__name__] = value
    return found


# -- the codec ----------------------------------------------------------------------------------
def to_json(value: Any, _seen: dict[int, int] | None = None) -> Any:
    """``value`` as plain JSON data with type tags (JournalError for what it cannot hold).

    A record met twice (an edit that holds one participant in two places) is written once
    with a number, ``"#"``, and then as ``{"$r": number}``, so it comes back as one object.
    """
    seen = {} if _seen is None else _seen
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, tuple):
        return {"$t": [to_json(v, seen) for v in value]}
    if isinstance(value, list):
        return [to_json(v, seen) for v in value]
    if isinstance(value, dict):
        return {"$m": [[to_json(k, seen), to_json(v, seen)] for k, v in value.items()]}
    kind = type(value)
    if dataclasses.is_dataclass(value) and registry().get(kind.__name__) is kind:
        if id(value) in seen:
            return {"$r": seen[id(value)]}
        seen[id(value)] = number = len(seen)
        return {"$c": kind.__name__, "#": number, "f": {
            f.name: to_json(getattr(value, f.name), seen) for f in dataclasses.fields(value)}}
    raise JournalError(f"the journal cannot hold a {kind.__name__}")


def from_json(data: Any, _made: dict[int, Any] | None = None) -> Any:
    """The value ``to_json`` was given (records and edits are new, equal objects)."""
    made = {} if _made is None else _made
    if isinstance(data, list):
        return [from_json(v, made) for v in data]
    if not isinstance(data, dict):
        return data
    if "$t" in data:
        return tuple(from_json(v, made) for v in data["$t"])
    if "$m" in data:
        return {from_json(k, made): from_json(v, made) for k, v in data["$m"]}
    if "$r" in data:
        return made[data["$r"]]
    if "$c" in data:
        kind = registry().get(data["$c"])
        if kind is None:
            raise JournalError(f"unknown record kind {data['$c']!r}")
        values = {name: from_json(v, made) for name, v in data["f"].items()}
        init = {f.name for f in dataclasses.fields(kind) if f.init}
        record = kind(**{k: v for k, v in values.items() if k in init})
        for name, value in values.items():
            if name not in init:
                object.__setattr__(record, name, value)
        if "#" in data:
            made[data["#"]] = record
        return record
    raise JournalError("an untagged object")


def encode_edit(edit: Edit) -> str:
    """One line of JSON (ASCII, no newline) for ``edit``."""
    return json.dumps(to_json(edit), ensure_ascii=True, separators=(",", ":"))


def decode_edit(text: str | bytes) -> Edit:
    try:
        edit = from_json(json.loads(text))
    except (ValueError, TypeError, KeyError) as exc:
        raise JournalError(f"an edit cannot be read back: {exc}") from exc
    if not isinstance(edit, Edit):
        raise JournalError("a journal record holds no edit")
    return edit


def encode_record(number: int, edit: Edit | str) -> bytes:
    """The journal line for edit ``number`` (with its newline); ``edit`` may be encoded
    already (``encode_edit``)."""
    text = edit if isinstance(edit, str) else encode_edit(edit)
    return b'{"n":%d,"e":%s}\n' % (number, text.encode("ascii"))


def encode_header(header: dict[str, Any]) -> bytes:
    return json.dumps({"format": JOURNAL_FORMAT, "version": 1, **header},
                      ensure_ascii=True, separators=(",", ":")).encode("ascii") + b"\n"


# -- reading back -------------------------------------------------------------------------------
@dataclass
class JournalFile:
    """One journal file as read: its header, the case it starts from (if any) and its records
    by edit number (each still a line of JSON: they are decoded only when replayed)."""

    header: dict[str, Any]
    base: bytes | None = None
    records: dict[int, bytes] = field(default_factory=dict)
    torn: bool = False  # the last line was cut off (the process died writing it)

    @property
    def start(self) -> int:
        """The number of edits made before its first record (its base is that state)."""
        value = self.header.get("seq", 0)
        return value if isinstance(value, int) else 0


def read_journal(data: bytes) -> JournalFile:
    """Parse a journal file; JournalError when even its header cannot be read."""
    lines = data.split(b"\n")
    torn = lines[-1] != b""  # what follows the last newline never finished
    lines = lines[:-1]
    if not lines:
        raise JournalError("the journal is empty")
    try:
        header = json.loads(lines[0])
    except ValueError as exc:
        raise JournalError("the journal's first line is not a header") from exc
    if not isinstance(header, dict) or header.get("format") != JOURNAL_FORMAT:
        raise JournalError("the journal's first line is not a header")
    journal = JournalFile(header, torn=torn)
    rest = lines[1:]
    if header.get("base") and rest:
        journal.base, rest = rest[0], rest[1:]
    elif header.get("base"):
        journal.torn = True  # the base never made it: nothing after it counts
        return journal
    for line in rest:
        head = line[:24]
        if not head.startswith(b'{"n":'):
            journal.torn = True
            break
        number = head[5:].split(b",", 1)[0]
        if not number.isdigit():
            journal.torn = True
            break
        journal.records[int(number)] = line
    return journal


def record_edit(line: bytes) -> Edit:
    """The edit of one record line."""
    try:
        data = json.loads(line)
    except ValueError as exc:
        raise JournalError("a journal record cannot be read") from exc
    if not isinstance(data, dict) or "e" not in data:
        raise JournalError("a journal record holds no edit")
    edit = from_json(data["e"])
    if not isinstance(edit, Edit):
        raise JournalError("a journal record holds no edit")
    return edit


@dataclass
class Replayed:
    """What a replay did: the edits applied, the number reached, and why it stopped early."""

    applied: int = 0
    reached: int = 0
    problem: str = ""


def replay(case: Case, start: int, journals: Iterable[JournalFile]) -> Replayed:
    """Apply to ``case`` (the state after ``start`` edits) the records numbered ``start + 1``,
    ``start + 2``... found in ``journals``, for as long as they follow each other."""
    records: dict[int, bytes] = {}
    for journal in journals:
        records.update(journal.records)
    result = Replayed(reached=start)
    number = start + 1
    with case.changes.blocked():
        while number in records:
            try:
                record_edit(records[number]).apply(case)
            except Exception as exc:  # a record that will not apply ends the replay
                result.problem = (f"edit {number} could not be replayed: "
                                  f"{str(exc) or type(exc).__name__}")
                return result
            result.applied += 1
            result.reached = number
            number += 1
    if any(n > number for n in records):
        result.problem = f"edit {number} is missing from the journal"
    return result
