"""The phones' JSON protocol: untrusted bodies parsed into typed requests (or refused with a
status and a sentence naming the problem), and each request turned into the case verb that
carries it out while its phase is open."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from sixstep.case import Case
from sixstep.edits.base import Edit
from sixstep.edits.dots import CastDot, TakeBackDot
from sixstep.edits.room import JoinParticipant, ReceiveRoomIdea
from sixstep.edits.scores import SetScore
from sixstep.room.phase import Phase
from sixstep.rules import RuleError, check_text

MAX_BODY = 16 * 1024  # bytes in one request body
KEY_PATTERN = re.compile(r"[A-Za-z0-9_-]{8,64}")
MAX_DEPTH = 8  # nesting of objects and lists in a body


class RoomError(Exception):
    """A refused request: the HTTP status and a sentence for the phone."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(frozen=True)
class Join:
    name: str  # "" asks for an anonymous name
    key: str | None = None  # the idempotency key of a join that may be retried


@dataclass(frozen=True)
class SendIdea:
    text: str
    category: str | None  # a heading id for a cause; None for an alternative


@dataclass(frozen=True)
class Dot:
    cause: str
    delta: Literal[1, -1]


@dataclass(frozen=True)
class Score:
    alternative: str
    criterion: str
    value: float | bool | None  # None clears the phone's own score


Request = SendIdea | Dot | Score


@dataclass(frozen=True)
class Submission:
    """What the hub asks the case to do for one device (``participant_id`` None: a join)."""

    device_id: str
    participant_id: str | None
    request: Join | Request


@dataclass(frozen=True)
class Outcome:
    """The case's answer: done or refused (with the reason), and for a join the new
    participant's id."""

    ok: bool
    message: str
    participant_id: str | None = None


# -- parsing -----------------------------------------------------------------------------------
def _bad(message: str) -> RoomError:
    return RoomError(400, message)


def _no_constant(name: str) -> Any:
    raise _bad(f"The request holds {name}, which is not a number JSON allows.")


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _bad(f"The request names {key!r} twice.")
        out[key] = value
    return out


def _depth(value: Any, level: int = 1) -> int:
    if isinstance(value, dict):
        return max((_depth(v, level + 1) for v in value.values()), default=level)
    if isinstance(value, list):
        return max((_depth(v, level + 1) for v in value), default=level)
    return level


def parse_body(raw: bytes) -> dict[str, Any]:
    """A request body as a JSON object: UTF-8, at most MAX_BODY bytes, no NaN or Infinity,
    no key twice, not deeply nested."""
    if len(raw) > MAX_BODY:
        raise RoomError(413, f"The request is over {MAX_BODY // 1024} KiB.")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise _bad("The request is not UTF-8 text.") from None
    try:
        data = json.loads(text, object_pairs_hook=_object, parse_constant=_no_constant)
    except RecursionError:
        raise _bad("The request is nested too deeply.") from None
    except ValueError as error:
        if isinstance(error, json.JSONDecodeError):
            raise _bad(f"The request is not JSON ({error.msg}).") from None
        raise _bad("The request is not JSON.") from None
    if not isinstance(data, dict):
        raise _bad("The request must be a JSON object.")
    if _depth(data) > MAX_DEPTH:
        raise _bad("The request is nested too deeply.")
    return data


def _fields(data: Any, what: str, required: tuple[str, ...],
            optional: tuple[str, ...] = ()) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise _bad(f"The {what} must be a JSON object.")
    unknown = sorted(set(data) - set(required) - set(optional))
    if unknown:
        raise _bad(f"The {what} has an unknown field {unknown[0]!r}.")
    for name in required:
        if name not in data:
            raise _bad(f"The {what} needs a {name!r}.")
    return data


def _text(value: Any, what: str, kind: str) -> str:
    try:
        return check_text(value, what, kind)
    except RuleError as error:
        raise _bad(str(error)) from None


def _id(value: Any, what: str) -> str:
    if not isinstance(value, str) or not value:
        raise _bad(f"The {what} must be an id (text).")
    return _text(value, f"The {what}", "id")


def _key(value: Any) -> str:
    if not isinstance(value, str) or not KEY_PATTERN.fullmatch(value):
        raise _bad("The key must be 8 to 64 letters, digits, '-' or '_'.")
    return value


def parse_join(data: Any) -> tuple[str, Join]:
    """``{"code": "ABC234", "name": "Ann", "key": ...}`` -> the typed room code and the join
    (the name is optional, spaces around it dropped; the key, optional, makes a retried join
    join once)."""
    f = _fields(data, "join", ("code",), ("name", "key"))
    code = f["code"]
    if not isinstance(code, str) or len(code) > 32:
        raise _bad("The room code must be text of a few letters and digits.")
    name = _text(f.get("name", ""), "Your name", "name").strip()
    key = f.get("key")
    return code, Join(name, None if key is None else _key(key))


def _number(value: Any) -> float | bool | None:
    if value is None or isinstance(value, bool):
        return value
    if not isinstance(value, (int, float)) or not math.isfinite(value):
        raise _bad("A score is a number, pass/fail (true or false), or null to clear it.")
    return value


def parse_request(data: Any) -> Request:
    """One phone request: an idea, a dot (+1 or -1) or a score."""
    if not isinstance(data, dict):
        raise _bad("The request must be a JSON object.")
    kind = data.get("kind")
    if kind == "idea":
        f = _fields(data, "idea", ("kind", "text"), ("category",))
        text = _text(f["text"], "Your idea", "name")
        if not text.strip():
            raise _bad("Write your idea first.")
        category = f.get("category")
        return SendIdea(text, None if category is None else _id(category, "heading"))
    if kind == "dot":
        f = _fields(data, "dot", ("kind", "cause", "delta"))
        delta = f["delta"]
        if isinstance(delta, bool) or delta not in (1, -1):
            raise _bad("A dot's delta is 1 (place a dot) or -1 (take one back).")
        return Dot(_id(f["cause"], "cause"), 1 if delta == 1 else -1)
    if kind == "score":
        f = _fields(data, "score", ("kind", "alternative", "criterion", "value"))
        return Score(_id(f["alternative"], "alternative"), _id(f["criterion"], "criterion"),
                     _number(f["value"]))
    raise _bad("The request's kind is idea, dot or score.")


def parse_submit(data: Any) -> tuple[str, Request]:
    """``{"key": ..., "request": {...}}`` -> the idempotency key and the request."""
    f = _fields(data, "submission", ("key", "request"))
    return _key(f["key"]), parse_request(f["request"])


# -- the case verbs ----------------------------------------------------------------------------
def _closed(what: str) -> RoomError:
    return RoomError(409, f"{what} are not open now.")


def to_edit(case: Case, participant_id: str | None, phase: Phase,
            request: Join | Request) -> Edit:
    """The case verb for a request, checked against the open phase (409 when it is not open).
    Run on the interface thread with the live case; the verb checks the rest when applied."""
    if isinstance(request, Join):
        return JoinParticipant(request.name)
    if participant_id is None or all(p.id != participant_id for p in case.participants):
        raise RoomError(409, "You are no longer a participant of this case; join again.")
    if isinstance(request, SendIdea):
        if phase.kind != "ideas":
            raise _closed("Ideas")
        if phase.ideas_target == "alternative" and request.category is not None:
            raise RoomError(409, "The room is collecting alternatives now, not causes.")
        if phase.ideas_target == "cause" and request.category is None:
            raise RoomError(409, "Choose a heading for your cause.")
        return ReceiveRoomIdea(request.text, phase.ideas_target, request.category,
                               participant_id)
    if isinstance(request, Dot):
        if phase.kind != "dots":
            raise _closed("Dots")
        if case.dot_settings.anonymous:
            raise RoomError(409, "This case counts the room's dots by hand, not by phone.")
        verb = CastDot if request.delta == 1 else TakeBackDot
        return verb(request.cause, participant_id)
    if phase.kind != "scores":
        raise _closed("Scores")
    if all(a.id != request.alternative for a in case.open_alternatives()):
        raise RoomError(409, "That alternative is not open for scoring.")
    return SetScore(request.alternative, request.criterion, request.value, participant_id)


_DONE = {SendIdea: "Idea sent.", Score: "Score saved."}


def _done_message(request: Join | Request) -> str:
    if isinstance(request, Dot):
        return "Dot placed." if request.delta == 1 else "Dot taken back."
    if isinstance(request, Score) and request.value is None:
        return "Score cleared."
    return _DONE.get(type(request), "You are in.")


def carry_out(case: Case, phase: Phase, submission: Submission,
              run: Callable[[Edit], object] | None = None) -> Outcome:
    """Do one submission on the interface thread: ``to_edit`` (a RoomError goes up), then
    ``run(edit)`` (default ``edit.apply(case)``; the app pushes an undoable command). A verb's
    refusal becomes a refused Outcome; a join's Outcome names the new participant."""
    edit = to_edit(case, submission.participant_id, phase, submission.request)
    before = {p.id for p in case.participants}
    try:
        if run is None:
            edit.apply(case)
        else:
            run(edit)
    except RuleError as error:
        return Outcome(False, str(error), submission.participant_id)
    if isinstance(submission.request, Join):
        joined = [p.id for p in case.participants if p.id not in before]
        if len(joined) != 1:
            return Outcome(False, "The join did not add a participant.")
        return Outcome(True, _done_message(submission.request), joined[0])
    return Outcome(True, _done_message(submission.request), submission.participant_id)
