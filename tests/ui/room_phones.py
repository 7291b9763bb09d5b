"""Simulated phones for the room tests: plain HTTP on 127.0.0.1, bounded timeouts, run on
their own threads so the interface thread keeps turning while they wait."""

from __future__ import annotations

import json
import secrets
import threading
import urllib.error
import urllib.request
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

TIMEOUT = 10.0  # seconds one request may take


def in_thread(call: Callable[[], Any]) -> Future:
    """Run ``call`` on a daemon thread; the future holds its result."""
    future: Future = Future()

    def run() -> None:
        try:
            future.set_result(call())
        except BaseException as error:  # noqa: BLE001 - the test reads it
            future.set_exception(error)

    threading.Thread(target=run, daemon=True).start()
    return future


def request(url: str, body: dict | None = None, token: str | None = None
            ) -> tuple[int, dict]:
    """(status, JSON reply) of a GET (no body) or a JSON POST."""
    data = None if body is None else json.dumps(body).encode("utf-8")
    req = urllib.request.Request(url, data=data, method="GET" if body is None else "POST")
    if data is not None:
        req.add_header("Content-Type", "application/json")
    if token is not None:
        req.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(req, timeout=TIMEOUT) as reply:
            return reply.status, _json(reply.read())
    except urllib.error.HTTPError as error:
        return error.code, _json(error.read())


def _json(raw: bytes) -> dict:
    """The reply's JSON; a page (the phone's HTML) as {"page": its text}."""
    try:
        data = json.loads(raw or b"{}")
    except ValueError:
        return {"page": raw.decode("utf-8", "replace")}
    return data if isinstance(data, dict) else {"value": data}


class Phone:
    """One phone in the room: joins with the code, then submits with its token."""

    def __init__(self, url: str, code: str, name: str = "") -> None:
        self.url, self.code, self.name = url.rstrip("/"), code, name
        self.token: str | None = None
        self.participant: str | None = None

    def join(self) -> dict:
        status, reply = request(f"{self.url}/api/join", {"code": self.code, "name": self.name})
        assert status == 200, reply
        self.token, self.participant = reply["token"], reply["participant"]
        return reply

    def submit(self, **request_fields: Any) -> tuple[int, dict]:
        body = {"key": secrets.token_urlsafe(12), "request": request_fields}
        return request(f"{self.url}/api/submit", body, self.token)

    def state(self) -> tuple[int, dict]:
        return request(f"{self.url}/api/state", token=self.token)
