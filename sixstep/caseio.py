"""Reading and writing case files: a strict loader, version migrations and atomic saves."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sixstep.atomic import write_bytes as atomic_write_bytes
from sixstep.case import FORMAT_NAME, FORMAT_VERSION, Case, new_case
from sixstep.case_dump import dump_case
from sixstep.case_parse import parse_case
from sixstep.json_checks import CaseFormatError, fail
from sixstep.load_limits import (
    MAX_DEPTH,
    JsonHooks,
    check_cause_depth,
    check_shape,
    check_values,
)

__all__ = [
    "CaseFormatError", "MAX_BYTES", "MAX_DEPTH", "atomic_write_bytes", "dumps_case",
    "load_case", "loads_case", "new_case", "save_case",
]

MAX_BYTES = 20 * 1024 * 1024  # a big workshop is well under 1 MB


def _parse_json(data: bytes | str) -> Any:
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    if len(raw) > MAX_BYTES:
        raise CaseFormatError(f"the file is larger than {MAX_BYTES // (1024 * 1024)} MB")
    suspect = check_shape(raw)  # before the parser builds anything
    del raw
    if isinstance(data, str):
        text = data[1:] if data.startswith("\ufeff") else data
    else:
        try:
            text = data.decode("utf-8-sig")  # (a byte order mark is dropped)
        except UnicodeDecodeError as exc:
            raise CaseFormatError(
                f"not UTF-8 text (a bad byte at offset {exc.start})") from None
    del data
    if not text or text.isspace():
        raise CaseFormatError("the file is empty")
    hooks = JsonHooks()
    try:
        root = json.loads(text, object_pairs_hook=hooks.object_pairs,
                          parse_constant=hooks.constant)
    except json.JSONDecodeError as exc:
        raise CaseFormatError(
            f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})") from None
    except (ValueError, RecursionError):
        raise CaseFormatError("not valid JSON: a number is too long") from None
    del text
    if suspect or hooks.suspect:
        check_values(root)
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
    """Parse and check a case; any problem is one CaseFormatError naming where and what,
    on one short line (running out of memory included)."""
    try:
        case = parse_case(_current_version(_parse_json(data)))
        check_cause_depth(case.fishbone)
    except MemoryError:
        raise CaseFormatError("the file is too large to open in the memory available") from None
    except RecursionError:
        raise CaseFormatError("the file is nested too deep to open") from None
    return case


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

