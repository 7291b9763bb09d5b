"""Reading and writing case files: a strict loader, version migrations and atomic saves."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sixstep.atomic import write_bytes as atomic_write_bytes
from sixstep.case import FORMAT_NAME, FORMAT_VERSION, Case
from sixstep.case_dump import dump_case
from sixstep.case_parse import parse_case
from sixstep.json_checks import CaseFormatError, fail, join

__all__ = [
    "CaseFormatError", "MAX_BYTES", "MAX_DEPTH", "atomic_write_bytes", "dumps_case",
    "load_case", "loads_case", "new_case", "save_case",
]

MAX_BYTES = 20 * 1024 * 1024  # a big workshop is well under 1 MB
MAX_DEPTH = 40  # the format itself nests 5 deep; extra keys get some room
_BOM = b"\xef\xbb\xbf"
_STRINGS = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKETS = re.compile(r"[\[\]{}]")


class _Object(dict[str, Any]):
    """A JSON object that remembers a key it saw twice (the parser keeps only the last)."""

    duplicate: str | None = None


class _NonFinite:
    def __init__(self, word: str) -> None:
        self.word = word


def _object_hook(pairs: list[tuple[str, Any]]) -> _Object:
    out = _Object()
    for key, value in pairs:
        if key in out and out.duplicate is None:
            out.duplicate = key
        out[key] = value
    return out


def _check_depth(text: str) -> None:
    depth = 0
    for match in _BRACKETS.finditer(_STRINGS.sub("", text)):
        depth += 1 if match.group() in "[{" else -1
        if depth > MAX_DEPTH:
            raise CaseFormatError(f"nested more than {MAX_DEPTH} levels deep")


def _check_values(root: Any) -> None:
    """Walk the parsed tree (depth already bounded) for repeated keys and non-finite numbers."""
    stack: list[tuple[str, Any]] = [("", root)]
    while stack:
        where, value = stack.pop()
        if isinstance(value, _NonFinite):
            raise fail(where, f"{value.word} is not allowed: numbers must be finite")
        if isinstance(value, float) and value in (float("inf"), float("-inf")):
            raise fail(where, "the number is too large")
        if isinstance(value, _Object):
            if value.duplicate is not None:
                raise fail(where or "the top level", f"the key {value.duplicate!r} appears twice")
            stack.extend((join(where, k), v) for k, v in value.items())
        elif isinstance(value, list):
            stack.extend((join(where, i), v) for i, v in enumerate(value))


def _parse_json(data: bytes | str) -> Any:
    if isinstance(data, bytes):
        if len(data) > MAX_BYTES:
            raise CaseFormatError(f"the file is larger than {MAX_BYTES // (1024 * 1024)} MB")
        if data.startswith(_BOM):
            data = data[len(_BOM):]
        try:
            data = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise CaseFormatError(f"not UTF-8 text (a bad byte at offset {exc.start})") from None
    elif data.startswith("\ufeff"):
        data = data[1:]
    if not data.strip():
        raise CaseFormatError("the file is empty")
    _check_depth(data)
    try:
        root = json.loads(data, object_pairs_hook=_object_hook, parse_constant=_NonFinite)
    except json.JSONDecodeError as exc:
        raise CaseFormatError(
            f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})") from None
    except (ValueError, RecursionError):
        raise CaseFormatError("not valid JSON: a number is too long") from None
    _check_values(root)
    return root


# -- versions ---------------------------------------------------------------------------------
def _migrate_0_to_1(doc: dict[str, Any]) -> dict[str, Any]:
    """Version 0 (the preview format) kept the fishbone under "diagram", its headings under
    "bones", and marked a ruled-out cause with ``"ruled_out": true`` instead of a status."""
    doc = dict(doc)
    diagram = doc.pop("diagram", None)
    if isinstance(diagram, dict) and "fishbone" not in doc:
        fishbone = dict(diagram)
        if "bones" in fishbone:
            fishbone["categories"] = fishbone.pop("bones")
        causes = fishbone.get("causes")
        if isinstance(causes, list):
            fishbone["causes"] = [_status_from_flag(c) for c in causes]
        doc["fishbone"] = fishbone
    doc["version"] = 1
    return doc


def _status_from_flag(cause: Any) -> Any:
    if not isinstance(cause, dict) or "ruled_out" not in cause:
        return cause
    cause = dict(cause)
    if cause.pop("ruled_out") is True:
        cause["status"] = "ruled_out"
    return cause


MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {0: _migrate_0_to_1}


def _current_version(root: Any) -> dict[str, Any]:
    if not isinstance(root, dict):
        raise CaseFormatError("the top level should be an object, not a list or a value")
    doc: dict[str, Any] = root
    if doc.get("format") != FORMAT_NAME:
        raise fail("format", f"this is not a Problem Workshop case (expected {FORMAT_NAME!r})")
    version = doc.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise fail("version", "should be a whole number")
    if version > FORMAT_VERSION:
        raise fail("version", f"the file is version {version}, made by a newer Problem "
                   f"Workshop; this one reads up to version {FORMAT_VERSION}: please update")
    if version < min(MIGRATIONS):
        raise fail("version", f"version {version} is older than any this app can read")
    while version < FORMAT_VERSION:
        doc = MIGRATIONS[version](doc)
        version += 1
    return doc


# -- public -----------------------------------------------------------------------------------
def loads_case(data: bytes | str) -> Case:
    """Parse and check a case; any problem is one CaseFormatError naming where and what."""
    return parse_case(_current_version(_parse_json(data)))


def load_case(path: str | os.PathLike[str]) -> Case:
    path = Path(path)
    with path.open("rb") as handle:
        data = handle.read(MAX_BYTES + 1)
    return loads_case(data)


def dumps_case(case: Case, compact: bool = False) -> bytes:
    """The canonical file bytes: loading them and dumping again gives the same bytes.

    ``compact`` writes one line with no indentation, for machine-only copies such as
    crash-recovery snapshots: Python's fast JSON encoder only runs without ``indent``.
    """
    if compact:
        text = json.dumps(dump_case(case), ensure_ascii=False, allow_nan=False,
                          separators=(",", ":"))
    else:
        text = json.dumps(dump_case(case), indent=2, ensure_ascii=False, allow_nan=False)
    return (text + "\n").encode("utf-8")


def save_case(case: Case, path: str | os.PathLike[str]) -> None:
    atomic_write_bytes(path, dumps_case(case))


def new_case() -> Case:
    """A blank case: the five course headings and a 1 to 10 scale."""
    return Case()
