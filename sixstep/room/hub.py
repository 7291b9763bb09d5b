"""The room's state shared by the server threads: the room code, the joined devices and
their tokens, the published view, the idempotency cache and the rate limits.

Thread-safe with one lock, which is never held while ``apply`` runs (``apply`` blocks until
the interface thread has answered). ``apply`` raising ``RoomError(503)`` must mean nothing
was applied: a 503 or 500 is not remembered, so the phone's retry with the same key runs again.
A join may carry a key too: remembered for its client address for a few minutes, a retried
join gets the same token and device instead of adding a second participant.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from sixstep.room.codes import new_room_code, new_token, same_code, token_digest
from sixstep.room.protocol import Join, Request, RoomError
from sixstep.room.protocol import Outcome as Outcome  # re-exported: the hub's answer type
from sixstep.room.protocol import Submission as Submission  # re-exported
from sixstep.room.view import RoomView

Clock = Callable[[], float]
WAIT_FOR_FIRST = 30.0  # seconds a retried key waits for its first try to finish


@dataclass(frozen=True)
class Limits:
    """How much one device or address may ask (token buckets) and how much the hub keeps."""

    requests_per_second: float = 10.0
    request_burst: int = 20
    joins_per_minute: float = 5.0  # per client address
    join_burst: int = 5
    wrong_codes_per_minute: float = 30.0  # for the whole room, against guessing the code
    wrong_code_burst: int = 30
    keys_per_device: int = 500  # idempotency replies remembered per device
    join_key_seconds: float = 300.0  # how long a join's key gives back the same token
    join_keys: int = 2048  # join keys remembered (the oldest answered go first)
    max_devices: int = 400
    max_addresses: int = 1024  # join buckets kept (the oldest go first)


@dataclass(frozen=True)
class Device:
    """A joined phone: its id ("d1"...), the name it joined with, the participant it acts
    for, and whether the facilitator removed it."""

    id: str
    name: str
    participant_id: str
    removed: bool = False


class TokenBucket:
    """``rate`` tokens a second up to ``burst``; each request takes one."""

    def __init__(self, rate: float, burst: int, now: float) -> None:
        self.rate, self.burst = rate, float(burst)
        self.tokens, self.stamp = float(burst), now

    def has(self, now: float) -> bool:
        """Whether a request now would get a token (takes none)."""
        self.tokens = min(self.burst, self.tokens + max(0.0, now - self.stamp) * self.rate)
        self.stamp = max(self.stamp, now)
        return self.tokens >= 1.0

    def take(self, now: float) -> bool:
        if self.has(now):
            self.tokens -= 1.0
            return True
        return False


@dataclass
class _Pending:
    """One idempotency key: its request, and once answered the reply or the refusal."""

    request: Request
    finished: threading.Event = field(default_factory=threading.Event)
    reply: dict[str, Any] | None = None
    error: RoomError | None = None

    def result(self) -> dict[str, Any]:
        if self.error is not None:
            raise RoomError(self.error.status, self.error.message)
        assert self.reply is not None
        return dict(self.reply)


@dataclass
class _Joining:
    """One join key of one client address: what it asked (code, name), when, and once
    answered the token and device id, or the refusal."""

    asked: tuple[str, str]
    stamp: float
    finished: threading.Event = field(default_factory=threading.Event)
    token: str = ""
    device_id: str = ""
    error: RoomError | None = None


@dataclass
class _Entry:
    device: Device
    bucket: TokenBucket
    keys: OrderedDict[str, _Pending] = field(default_factory=OrderedDict)


class RoomHub:
    """The room between the server threads and the case (see the module's docstring)."""

    def __init__(self, apply: Callable[[Submission], Outcome], *, allow_anonymous: bool = True,
                 clock: Clock = time.monotonic, limits: Limits | None = None,
                 code: str | None = None) -> None:
        self._apply = apply
        self._clock = clock
        self.limits = limits or Limits()
        self.code = code or new_room_code()
        self._allow_anonymous = allow_anonymous
        self._lock = threading.Lock()
        self._by_token: dict[bytes, _Entry] = {}
        self._by_id: dict[str, _Entry] = {}
        self._numbers = 0
        self._joins: OrderedDict[str, TokenBucket] = OrderedDict()
        self._join_keys: OrderedDict[tuple[str, str], _Joining] = OrderedDict()
        self._wrong_codes = TokenBucket(self.limits.wrong_codes_per_minute / 60,
                                        self.limits.wrong_code_burst, clock())
        self._view: RoomView | None = None
        self._published = 0.0
        self.on_devices_changed: Callable[[], None] | None = None

    # -- settings and what the facilitator sees ---------------------------------------------
    @property
    def allow_anonymous(self) -> bool:
        with self._lock:
            return self._allow_anonymous

    @allow_anonymous.setter
    def allow_anonymous(self, allow: bool) -> None:
        with self._lock:
            self._allow_anonymous = allow

    def devices(self) -> list[Device]:
        """Every device that joined, in joining order (removed ones marked)."""
        with self._lock:
            return [entry.device for entry in self._by_id.values()]

    @property
    def joined_count(self) -> int:
        with self._lock:
            return sum(not e.device.removed for e in self._by_id.values())

    def publish(self, view: RoomView) -> None:
        """The view phones read from now on (built on the interface thread)."""
        with self._lock:
            self._view, self._published = view, self._clock()

    def remove_device(self, device_id: str) -> bool:
        """Refuse this device's token from now on; False when there is no such device."""
        with self._lock:
            entry = self._by_id.get(device_id)
            if entry is None or entry.device.removed:
                return False
            entry.device = replace(entry.device, removed=True)
            entry.keys.clear()
        self._tell()
        return True

    def _tell(self) -> None:
        listener = self.on_devices_changed
        if listener is not None:
            try:
                listener()
            except Exception:  # a failing listener must not undo a join
                pass

    # -- what the phones ask -----------------------------------------------------------------
    def _check_join(self, code: str, address: str) -> str:
        """Rate limits and the room code; returns the reserved device id."""
        now = self._clock()
        bucket = self._joins.get(address)
        if bucket is None:
            bucket = TokenBucket(self.limits.joins_per_minute / 60, self.limits.join_burst, now)
            self._joins[address] = bucket
            while len(self._joins) > self.limits.max_addresses:
                self._joins.popitem(last=False)
        self._joins.move_to_end(address)
        if not bucket.take(now):
            raise RoomError(429, "Too many joins from this device; wait a minute.")
        if not self._wrong_codes.has(now):
            raise RoomError(429, "Too many wrong room codes; wait a minute.")
        if not same_code(code, self.code):
            self._wrong_codes.take(now)
            raise RoomError(403, "That is not this room's code.")
        if len(self._by_id) >= self.limits.max_devices:
            raise RoomError(503, "The room is full.")
        self._numbers += 1
        return f"d{self._numbers}"

    def join(self, name: str, code: str, address: str,
             key: str | None = None) -> tuple[str, Device]:
        """A phone joins with the room code: a new participant in the case (through
        ``apply``), a new device and its token. ``name`` "" gets "Phone N" if allowed. With
        ``key``, a join retried from the same address within ``join_key_seconds`` gets the
        first one's token and device (waiting for it if still running), joining once."""
        if key is None:
            return self._join(name, code, address)
        asked = (code, name.strip())
        with self._lock:
            self._forget_joins()
            joining = self._join_keys.get((address, key))
            first = joining is None
            if joining is None:
                joining = self._join_keys[(address, key)] = _Joining(asked, self._clock())
        if not first:
            if joining.asked != asked:
                raise RoomError(409, "That key was used for another join.")
            if not joining.finished.wait(WAIT_FOR_FIRST):
                raise RoomError(503, "The laptop is busy; try again.")
            return self._joined(joining)
        try:
            joining.token, device = self._join(name, code, address)
            joining.device_id = device.id
        except BaseException as error:
            joining.error = error if isinstance(error, RoomError) else RoomError(
                500, "Something went wrong on the laptop; try again.")
            with self._lock:  # refused: a retry with this key asks again
                if self._join_keys.get((address, key)) is joining:
                    del self._join_keys[(address, key)]
            raise
        finally:
            joining.finished.set()
        return joining.token, device

    def _joined(self, joining: _Joining) -> tuple[str, Device]:
        """The answer of a join key's first try: its token and device as they are now."""
        if joining.error is not None:
            raise RoomError(joining.error.status, joining.error.message)
        with self._lock:
            return joining.token, self._by_id[joining.device_id].device

    def _forget_joins(self) -> None:
        """Drop answered join keys older than ``join_key_seconds``, and the oldest answered
        ones beyond ``join_keys`` less one, making room for a new key (under the lock)."""
        now, keys = self._clock(), self._join_keys
        too_old = now - self.limits.join_key_seconds
        answered = [k for k, j in keys.items() if j.finished.is_set()]
        excess = len(keys) + 1 - self.limits.join_keys
        for index, found in enumerate(answered):
            if keys[found].stamp >= too_old and index >= excess:
                break
            del keys[found]

    def _join(self, name: str, code: str, address: str) -> tuple[str, Device]:
        """One join, as ``join`` without a key."""
        with self._lock:
            device_id = self._check_join(code, address)
            anonymous = self._allow_anonymous
        name = name.strip()
        if not name:
            if not anonymous:
                raise RoomError(400, "Please give your name or initials.")
            name = f"Phone {device_id[1:]}"
        outcome = self._run(Submission(device_id, None, Join(name)))
        if not outcome.ok or outcome.participant_id is None:
            raise RoomError(409 if not outcome.ok else 500, outcome.message)
        token = new_token()
        device = Device(device_id, name, outcome.participant_id)
        entry = _Entry(device, TokenBucket(self.limits.requests_per_second,
                                           self.limits.request_burst, self._clock()))
        with self._lock:
            self._by_token[token_digest(token)] = entry
            self._by_id[device_id] = entry
        self._tell()
        return token, device

    def _entry(self, token: str | None, limited: bool = True) -> _Entry:
        """The live device of a token (401 otherwise), after its rate limit (429)."""
        entry = self._by_token.get(token_digest(token)) if token else None
        if entry is None or entry.device.removed:
            raise RoomError(401, "This phone is not in the room; join with the room code.")
        if limited and not entry.bucket.take(self._clock()):
            raise RoomError(429, "Too many requests; slow down a little.")
        return entry

    def device(self, token: str | None) -> Device:
        """The live device of a token (401 when unknown or removed); no rate limit taken."""
        with self._lock:
            return self._entry(token, limited=False).device

    def state(self, token: str | None) -> dict[str, Any]:
        """The phone's JSON: the published view for its participant, its device and name,
        and the timer counted down since publishing."""
        with self._lock:
            device = self._entry(token).device
            view, published, now = self._view, self._published, self._clock()
        if view is None:
            raise RoomError(503, "The room is getting ready; try again.")
        data = view.for_participant(device.participant_id)
        phase = dict(data["phase"])
        if phase.get("timer_running") and isinstance(phase.get("timer_left"), int):
            phase["timer_left"] = max(0, phase["timer_left"] - int(now - published))
        data["phase"] = phase
        data["device"], data["name"] = device.id, device.name
        return data

    def submit(self, token: str | None, key: str, request: Request) -> dict[str, Any]:
        """Carry out a phone's request once per key: ``{"ok": true, "message": ...}`` or a
        RoomError. A repeated key gets the first answer (waiting for it if still running)."""
        with self._lock:
            entry = self._entry(token)
            pending = entry.keys.get(key)
            first = pending is None
            if pending is None:
                pending = _Pending(request)
                entry.keys[key] = pending
                self._trim(entry)
            device = entry.device
        if not first:
            if pending.request != request:
                raise RoomError(409, "That key was used for another request.")
            if not pending.finished.wait(WAIT_FOR_FIRST):
                raise RoomError(503, "The laptop is busy; try again.")
            return pending.result()
        try:
            outcome = self._run(Submission(device.id, device.participant_id, request))
            if not outcome.ok:
                raise RoomError(409, outcome.message)
            pending.reply = {"ok": True, "message": outcome.message}
        except RoomError as error:
            pending.error = error
            if error.status >= 500:
                with self._lock:  # not applied: a retry with this key runs again
                    if entry.keys.get(key) is pending:
                        del entry.keys[key]
        finally:
            pending.finished.set()
        return pending.result()

    def _trim(self, entry: _Entry) -> None:
        """Forget the oldest answered keys beyond the limit (keys still running stay)."""
        excess = len(entry.keys) - self.limits.keys_per_device
        for key in [k for k, p in entry.keys.items() if p.finished.is_set()][:max(0, excess)]:
            del entry.keys[key]

    def _run(self, submission: Submission) -> Outcome:
        try:
            return self._apply(submission)
        except RoomError:
            raise
        except Exception:  # the phone gets a sentence, never a traceback
            raise RoomError(500, "Something went wrong on the laptop; try again.") from None
